"""Placeholder slots: the markers a template leaves for the sender to fill, each with what it
stands for. Found once, by the parser; `unfilled-placeholder` reports them and the structural
rules count them as present (a `[Your Phone Number]` line is contact details).

Forms: `[…]` (not a Markdown link or `[sic]`), `{…}`, `{{ … }}`, `{% … %}`, `${…}`, `<…>` (not an
address or an HTML tag), `%NAME%`, `(insert …)` and short parentheses naming a slot
(`(organization's name)`, `(date)`), runs of underscores, `Dear …`, `XXX`/`xx`, `TBD`/`TBA`,
`FIRST_NAME`-style tokens, and the unbracketed phrases of `data/slot_lines.txt` ("Your Name").
Dummy names that samples use on purpose ("XYZ Corp", "Company X") are not slots.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast, get_args

from followup_lint import regex_cache
from followup_lint.model.draft import Part, Slot, SlotKind
from followup_lint.reading import lexicon

_HTML_TAGS = lexicon.html_tags()
# Words that make a short parenthesis a slot: "(organization's name)", "(date)", "(Mr./Ms. Name)".
_SLOT_WORDS = regex_cache.compile(
    r"\b(?:name|names|company|organi[sz]ation|organi[sz]ation's|date|title|position|phone|"
    r"e-?mail|address|insert|employer|interviewer|recipient)\b",
    re.I,
)
# A parenthesis that starts like prose is prose: "(for the role)", "(and the date)".
_PROSE_START = regex_cache.compile(
    r"^(?:for|to|in|on|at|with|and|or|as|but|so|if|which|who|that|this|i|we|you|he|she|they|"
    r"it|apologies|sorry|see|e\.g|i\.e|via|by|from|about|not|no)\b",
    re.I,
)
_INSTRUCTION_START = regex_cache.compile(
    r"^(?:use|add|mention|describe|include|explain|list|write|say|choose|pick|state|give|"
    r"reference|refer|remind|restate|note|thank|sign|put|fill|replace|enter)\b",
    re.I,
)

# "TBD" said of something ("is TBD", "remains TBA", "still TBD") is how people write that a
# thing is undecided; a TBD where a value belongs ("I start on TBD") is a template's blank.
_SAID_OF = regex_cache.compile(
    r"\b(?:is|are|was|were|be|been|remains?|remained|still|currently|yet)[ \t]+(?:\w+[ \t]+)?$",
    re.I,
)

_TO_THE_USER = regex_cache.compile(r"\b(?:you|your|their|them|this space|here)\b", re.I)

_BRACKETED = regex_cache.compile(
    "|".join(
        (
            r"\[(?!sic\])[^\[\]\n]{0,60}[A-Za-z][^\[\]\n]{0,60}\](?!\()",  # [Interviewer's Name]
            r"\{\{[^{}\n]{0,80}\}\}",  # {{ name }}
            r"\{%[^\n]{0,80}?%\}",  # {% if %}
            r"\$\{[^}\n]{1,40}\}",  # ${name}
            r"(?<![\w$])\{[A-Za-z_][\w ,'’/.-]{0,60}\}",  # {first_name}, {details as discussed}
            r"<(?![\w.+-]+@)(?!https?:)(?!/)[A-Za-z][A-Za-z' _/.-]{0,40}>",  # <Company>
            r"%[A-Z][A-Z_]{1,30}%",  # %FIRSTNAME%
            r"_{2,}\([^()\n]{1,60}\)_{2,}",  # __(name)__
            r"\((?:insert|enter|add)\b[^()\n]{1,80}\)",  # (insert the date)
            r"\([A-Za-z][^()\n]{15,200}\)",  # (Use this space to add ...): judged below
            r"\([^()\n]{1,40}\)",  # (organization's name): judged below
            r"_{3,}",  # ____ (a blank to fill in)
            r"(?<![\d/.-])\b[Xx]{2,}\b(?![\d/-]|\.\w)",  # XXX, xx
            r"\bTB[DA]\b",
            r"\b(?:FIRST|LAST|FULL|COMPANY|JOB|POSITION|ROLE|YOUR)_?(?:NAME|TITLE)\b",
            r"(?<=\bDear )(?:…|\.{3})",  # Dear …
        )
    )
)


def _build_phrases() -> tuple[re.Pattern[str], dict[str, SlotKind]]:
    """The unbracketed slot phrases as one regex, and what each stands for."""
    pairs = lexicon.slot_phrases()
    kinds: dict[str, SlotKind] = {}
    for phrase, kind in pairs:
        kinds[phrase] = cast(SlotKind, kind if kind in get_args(SlotKind) else "other")
    alt = "|".join(re.escape(p) for p, _ in sorted(pairs, key=lambda x: len(x[0]), reverse=True))
    # "Phone Number: 555 ..." is a label with its value, not a slot.
    return regex_cache.compile(rf"(?<![\w'’])(?:{alt})(?![\w'’])(?!\s*:\s*\S)"), kinds


_PHRASES = _build_phrases()


def _phrases() -> tuple[re.Pattern[str], dict[str, SlotKind]]:
    return _PHRASES


#: The first words of the unbracketed phrases: a part holding none of them needs no scan.
_PHRASE_HEADS = frozenset(p.split()[0] for p, _ in lexicon.slot_phrases())


def _may_hold_marker(text: str) -> bool:
    """A cheap test (substring searches in C) before the marker alternation scans every
    position: most paragraphs hold no bracket, blank or marker word at all."""
    return (
        any(c in text for c in "[{<%(_…")
        or "xx" in text
        or "XX" in text
        or "Xx" in text
        or "TB" in text
        or "NAME" in text
        or "TITLE" in text
        or "..." in text
    )


# Words that say what a slot stands for; several are asked both of a "... name" slot and of one
# without the word "name" ("Company Name", "Company"), so each lives here once.
_COMPANY_WORDS = regex_cache.compile(r"company|organi[sz]ation|employer|\bfirm\b")
_ROLE_WORDS = regex_cache.compile(r"\brole\b|position|\btitle\b|\bjob\b")


def stands_for(inner: str, part: str = "body") -> SlotKind:
    """What a slot's words say it stands for ("Interviewer's Name" -> recipient_name)."""
    words = re.sub(r"[_{}\[\]<>%()]", " ", inner).lower()
    if _INSTRUCTION_START.match(words.strip()) or len(words.split()) >= 7:
        return "instruction"
    recipient = r"interviewer|manager|recipient|contact|hiring|their|panel|lead|\bmr\b|\bms\b"
    if re.search(r"\bname\b|\bnames\b", words):
        if _COMPANY_WORDS.search(words):
            return "company"
        if _ROLE_WORDS.search(words):
            return "role"
        if re.search(r"\bevent\b|program|school|project|product", words):
            return "other"
        if re.search(r"\byour\b|\bmy\b|\bsender\b|applicant", words):
            return "sender_name"
        if re.search(recipient, words) or part == "greeting":
            return "recipient_name"
        if part in ("signature", "closing"):
            return "sender_name"
        return "name"
    if part == "greeting" and re.search(recipient + r"|team|person|\bsir\b|madam", words):
        return "recipient_name"  # "Dear {hiring_manager}"
    if re.search(r"phone|e-?mail|contact|linkedin|\burl\b|website|portfolio|profile|number", words):
        return "contact"
    if re.search(r"address|\bcity\b|\bstate\b|\bzip\b|street|postcode", words):
        return "address"
    if _COMPANY_WORDS.search(words) or re.search(r"business|partner", words):
        return "company"
    if _ROLE_WORDS.search(words):
        return "role"
    if re.search(r"\bdate\b|\bday\b|\btime\b|\bmonth\b|\byear\b", words):
        return "date"
    if re.search(
        r"topic|project|specific|detail|initiative|goal|area|quality|skill|example|achievement|"
        r"moment|discuss|resource|article|event|challenge|mission|reason|visit|tour|site",
        words,
    ):
        return "topic"
    if part == "greeting" and not words.strip(" _x.…"):
        return "recipient_name"  # "Dear ____", "Dear xx"
    return "other"


def _keep_parenthesis(inner: str) -> bool:
    """A short parenthesis is a slot only when it names one and does not read as prose."""
    body = inner[1:-1].strip()
    if inner.lower().startswith(("(insert", "(enter")):
        return True
    if _INSTRUCTION_START.match(body):
        # An instruction to the template's user: "(use their title if you do not know their
        # name)". It speaks to "you" about the note; prose in parentheses rarely starts so.
        return len(body.split()) >= 4 and bool(_TO_THE_USER.search(body))
    return (
        len(body.split()) <= 4
        and bool(_SLOT_WORDS.search(body))
        and not _PROSE_START.match(body)
        and "@" not in body
    )


def _keep_angle(inner: str) -> bool:
    body = inner[1:-1].strip()
    return body.lower() not in _HTML_TAGS and "=" not in body


def find_slots(parts: Iterable[Part]) -> list[Slot]:
    """Every slot in these parts, in text order, none overlapping."""
    found: list[Slot] = []
    phrases, phrase_kinds = _phrases()
    for part in parts:
        text = part.text
        hits: list[tuple[int, int, SlotKind]] = []
        for m in _BRACKETED.finditer(text) if _may_hold_marker(text) else ():
            g = m.group()
            if g.startswith("(") and not _keep_parenthesis(g):
                continue
            if g.startswith("<") and not _keep_angle(g):
                continue
            if g[:1] in "_" and not g.strip("_"):
                # "Dear ____": a blank; elsewhere its meaning comes from the greeting.
                kind: SlotKind = "recipient_name" if part.name == "greeting" else "other"
            elif g.startswith("TB") and _SAID_OF.search(text, 0, m.start()):
                continue  # "the start date is still TBD": the sender's own words, not a slot
            elif g.lower().startswith(("xx", "tb")) or g in ("…", "..."):
                kind = "recipient_name" if part.name == "greeting" else "other"
            else:
                kind = stands_for(g, part.name)
            hits.append((m.start(), m.end(), kind))
        for m in phrases.finditer(text) if any(w in text for w in _PHRASE_HEADS) else ():
            kind = phrase_kinds.get(m.group(), "other")
            if kind == "name":
                kind = stands_for(m.group(), part.name)
            hits.append((m.start(), m.end(), kind))
        hits.sort(key=lambda h: (h[0], -h[1]))
        last_end = -1
        for s, e, kind in hits:
            if s < last_end:
                continue  # inside a longer slot ("[Your Name]" holds "Your Name")
            found.append(Slot(part.start + s, part.start + e, text[s:e], kind, part.name))
            last_end = e
    found.sort(key=lambda s: s.start)
    return found
