"""The layout parser: a draft's text split into the parts people write.

Parsing happens once per draft. Every part is a span into the text that findings point into
(the file itself, or the decoded body of an encoded .eml), so a finding lands on the line and
column the user sees. What is recognised, in order (docs/reading.md shows an annotated example):

1. headers at the top (`Subject:`, `To:` ...), then quoted replies and forwarded text, kept
   as parts of their own that no rule checks;
2. logical lines: HTML-ish `<p>` starts a paragraph and `<br>` a line, a Markdown backslash at
   a line's end is a line break;
3. the greeting, wherever the body starts: after sender and recipient address blocks and a
   date line (the letterhead), inside a one-line letter, with or without a comma, inline with
   the first sentence ("Hi Dana, great to meet you"), "Dear Sir, Madam", "To whom it may
   concern"; a "RE:" line below a letter's greeting is letterhead too;
4. from the end: a mail app's footer ("Sent from my iPhone"), a P.S. (body text), a `-- `
   signature separator, the sign-off (alone on its line, with the name on the same line, at the
   end of the last paragraph, or none at all) and the signature block below it;
5. body paragraphs: separated by blank lines, or, in a draft with no blank line at all, by line
   breaks between full sentences (a wrapped line inside a sentence is not a break);
6. placeholder slots (`reading.slots`), each typed by what it stands for.
"""

from __future__ import annotations

import re

from followup_lint import regex_cache
from followup_lint.model.draft import Attachment, Draft, Part, SignatureLine, SignatureLineKind
from followup_lint.reading import lexicon
from followup_lint.reading.slots import find_slots

#: Headers recognised at the top of a plain-text or Markdown draft.
TEXT_HEADERS = frozenset({"subject", "to", "cc", "bcc", "from", "date", "reply-to"})

_HEADER_RE = regex_cache.compile(r"([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]?(.*)")
_EML_HEADER_RE = regex_cache.compile(r"([!-9;-~]+)[ \t]*:[ \t]?(.*)")

_QUOTE_START_RES = (
    regex_cache.compile(r"^\s*On\b.{0,300}\bwrote:\s*$"),
    regex_cache.compile(r"^\s*-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}\s*$", re.I),
    regex_cache.compile(r"^\s*Begin forwarded message:\s*$", re.I),
    regex_cache.compile(r"^\s*_{10,}\s*$"),  # Outlook's rule above a quoted reply
)
_SIG_DELIMITER_RE = regex_cache.compile(r"^-- ?$")
_TAG_RE = regex_cache.compile(r"<\s*(/?)\s*(p|br|div)\b[^<>]{0,200}?/?\s*>", re.I)
# Markdown emphasis and heading marks around a line: "**Dear [Name]**".
_LEAD_RE = regex_cache.compile(r"[ \t*_#]*")
_TRAIL_MARKS = " \t*_\\"

# A name: one to four capitalised words (initials and hyphens allowed), or a bracketed slot.
_NAME = r"(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}|[\[{<(%][^\n]{1,50}?[\]}>)%])"
_NAME_LINE_RE = regex_cache.compile(r"^[A-Z][\w'’-]+\.?(?:[ \t]+[A-Z][\w.'’-]*){0,3}$")
# A name alone as the greeting: "Dana," or "Dana –", and with a title also "Dr. Okafor:" (a
# colon after a bare word is more often a heading, "Agenda:", than a greeting).
_BARE_NAME_GREETING_RE = regex_cache.compile(
    r"^([A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3}[ \t]*(,|--?|[–—]|:)$"
)
_NAME_AFTER_COMMA_RE = regex_cache.compile(
    r"[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*(?:[,:;!]|$)"
)
_TO_GREETING_RE = regex_cache.compile(r"^To\s+(?:the|all|my|our|everyone|whom)\b[^\n]{0,200}[,:]$")
_REFERENCE_RE = regex_cache.compile(r"^(?:RE|Re|Ref|REF|Subject|SUBJECT)\s*:\s*\S")
_PS_RE = regex_cache.compile(r"^(?:P\.?\s?){1,2}S\.?(?=[\s:,-])")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE_RE = regex_cache.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf",?\s+(?:\d{{4}}|[Xx]{{2,4}})|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})$"
)
_SENTENCE_END_RE = regex_cache.compile(r"[.!?:;…][\"'”’)\]]*$")
_LINE_START_RE = regex_cache.compile(r"^[\"“‘(\[{•*\-–0-9A-Z]")
_PHONE_RE = regex_cache.compile(r"^(?:[A-Za-z. ]{0,12}:?\s*)?\+?[\d(][\d\s().-]{5,}\d$")
# Bounded runs, starting where a run of address characters starts: linear on any input.
_EMAIL_RE = regex_cache.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# A link, or a labelled site whose domain could be anything ("Portfolio: samito.design").
_PROFILE_RE = regex_cache.compile(
    r"https?://|www\.|linkedin\.com|github\.com|\.(?:com|org|net|io)/|^(?:portfolio|web ?site|"
    r"web|blog|home ?page|linkedin|github)[ \t]*:[ \t]*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b",
    re.I,
)
# Details separated on one line: "Sam Ito | 555 201 3344".
_PIPED_RE = regex_cache.compile(r"\S[ \t]+[|·•][ \t]+\S")
_ADDRESS_RE = regex_cache.compile(
    r"\b\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|^\d+\s+\w+.*\b(?:Street|St|Avenue|"
    r"Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Way|Boulevard|Blvd|Place|Pl|Hollow|Square)\b\.?",
)


def _build_patterns() -> dict[str, re.Pattern[str]]:
    closing = lexicon.closing_pattern()
    # No two neighbouring quantifiers may match the same spaces: a long run of them must not
    # make the engine try every way of splitting it (tests/robustness times these patterns).
    chain = rf"(?:{closing})(?:(?:[ \t]*[,.!][ \t]+|[ \t]+)(?:{closing}))*"
    return {
        "greeting": regex_cache.compile(
            rf"(?:{lexicon.greeting_pattern()})\b|to\s+whom\s+it\s+may\s+concern\b", re.I
        ),
        # A sign-off alone on its line: "Best regards,".
        "closing": regex_cache.compile(rf"^(?i:{chain})[ \t*_]*(?:[,.!—-]+[ \t*_]*)?$"),
        # A sign-off with the name on the same line: "Cheers, Sam".
        "closing_name": regex_cache.compile(
            rf"^((?i:{chain})(?:[ \t*_]*(?:,|(?<=[ \t])(?:--?|[–—])))?)[ \t*_]*({_NAME})[ \t*_]*$"
        ),
        # A sign-off ending the last paragraph: "... send it over. Best, Sam".
        "closing_end": regex_cache.compile(
            rf"(?<=[.!?)\"”’])[ \t]+((?i:{chain}))(?:[ \t]*(?:,[ \t]*({_NAME})|[,.!]))?[ \t]*$"
        ),
        "device": regex_cache.compile(
            r"^(?:" + "|".join(lexicon.device_footers()) + r")[.!]?$", re.I
        ),
    }


#: Built once at import from the lexicon's word lists (module level, so that the regex
#: robustness test times them too).
_PATTERNS = _build_patterns()


def _patterns() -> dict[str, re.Pattern[str]]:
    return _PATTERNS


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line in text[start:end], terminators excluded."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and text[j] not in "\r\n":
            j += 1
        out.append((i, j))
        if j < end and text[j] == "\r" and j + 1 < end and text[j + 1] == "\n":
            j += 1
        i = j + 1
    if start == end or (end > start and text[end - 1] in "\r\n"):
        out.append((end, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _part(text: str, name: str, start: int, end: int) -> Part:
    start, end = _strip(text, start, end)
    return Part(name, start, end, text[start:end])


def _parse_headers(
    text: str, lines: list[tuple[int, int]], eml: bool
) -> tuple[dict[str, str], dict[str, Part], int]:
    """Read a header block at the top; return the headers and the index of the first body line."""
    headers: dict[str, str] = {}
    parts: dict[str, Part] = {}
    pattern = _EML_HEADER_RE if eml else _HEADER_RE
    i = 0
    current: str | None = None
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if not line.strip():
            return headers, parts, i + 1  # the blank line ends the block
        if current is not None and line[:1] in (" ", "\t"):
            # A folded header continues on this line.
            headers[current] = f"{headers[current]} {line.strip()}".strip()
            old = parts[current]
            parts[current] = _part(text, current, old.start, e)
            i += 1
            continue
        m = pattern.fullmatch(line)
        if not m or (not eml and m.group(1).lower() not in TEXT_HEADERS):
            break
        name = m.group(1).lower()
        value_start = s + m.start(2)
        headers[name] = m.group(2).strip()
        parts[name] = _part(text, name, value_start, e)
        current = name
        i += 1
    return headers, parts, i


# -- logical lines ----------------------------------------------------------------------------

Seg = tuple[int, int]  # a logical line; (s, s) is a blank line


def _trim(text: str, s: int, e: int) -> Seg:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " \t\r\n\\":
        e -= 1  # a Markdown hard break ("text\") ends the line, it is not text
    return (s, e) if s < e else (s, s)


def _segments(text: str, lines: list[Seg]) -> list[Seg]:
    """Physical lines cut at HTML-ish tags: `<p>`/`</p>` become blank lines, `<br>` a break."""
    out: list[Seg] = []
    for s, e in lines:
        if s == e or not text[s:e].strip():
            out.append((s, s))
            continue
        pos = s
        if "<" in text[s:e]:
            for m in _TAG_RE.finditer(text, s, e):
                if m.start() > pos:
                    out.append(_trim(text, pos, m.start()))
                if m.group(2).lower() != "br":
                    out.append((m.end(), m.end()))
                pos = m.end()
        if pos < e:
            out.append(_trim(text, pos, e))
    return out


def _clean(text: str, seg: Seg) -> str:
    """A logical line without Markdown emphasis around it (for matching only)."""
    line = text[seg[0] : seg[1]]
    line = line[_LEAD_RE.match(line).end() :]  # type: ignore[union-attr]  # always matches
    return line.rstrip(_TRAIL_MARKS)


def _blank(seg: Seg) -> bool:
    return seg[0] == seg[1]


def _word_count(line: str) -> int:
    return len(line.split())


# -- the greeting -----------------------------------------------------------------------------


def _is_abbreviation(line: str, dot: int) -> bool:
    """Is the full stop at `dot` part of "Mr." or an initial ("Dana J. Lee")?"""
    m = re.search(r"([A-Za-z]+)$", line[:dot])
    if not m:
        return False
    word = m.group(1)
    return word.lower() in lexicon.titles() or len(word) == 1


def _greeting_end(line: str, start: int, max_words: int) -> tuple[int, int] | None:
    """Where a greeting that starts at `start` ends: (end of greeting, start of the rest)."""
    i = start
    while i < len(line):
        c = line[i]
        term = c in ",:;!—–" or (
            c == "."
            and (i + 1 == len(line) or line[i + 1] == " ")
            and not _is_abbreviation(line, i)
        )
        if c in "-–" and 0 < i < len(line) - 1 and line[i - 1] == " " and line[i + 1] == " ":
            term = True
        if not term:
            i += 1
            continue
        if _word_count(line[start:i]) > max_words:
            return None
        end = i + 1
        if c == "," and not re.search(r"\s[A-Z]", line[start:i]):
            # "Hello, Dana!" and "Hi, Ms. Lee": the opener alone before the comma, the name
            # after it (up to a stop or the end of the line) is still the greeting's.
            m = _NAME_AFTER_COMMA_RE.match(line, end)
            if m and " ".join(m.group(1).lower().split()) not in lexicon.closings():
                end = m.end()
                if not line[:end].endswith(","):
                    return end, end
        if c == ",":
            # "Dear Sir, Madam" and "Hi Dana, Sam and Lee,": the greeting goes on after a comma
            # when what follows is a few names or addressee words up to the next stop.
            m = re.match(r"[ \t]*([^,:;!.\n]{1,40}?)[ \t]*([,:;!]|$)", line[end:])
            if m and m.group(1):
                words = m.group(1).replace("*", "").split()
                glue = lexicon.addressee_words()
                titled = all(w[:1].isupper() or w.lower() in glue for w in words)
                generic = bool(words) and words[0].lower() in glue
                stop = m.group(2)
                at_end = not stop and not line[end + m.end() :].strip()
                if (
                    len(words) <= 3
                    and titled
                    and ((generic and (stop or at_end)) or stop in (",", ":"))
                ):
                    end += m.end()
        return end, end
    return None


def _greeting_in(line: str, first: bool) -> tuple[int, int, int] | None:
    """A greeting in this logical line: (start, end, start of the body text after it)."""
    lead = _LEAD_RE.match(line)
    pos = lead.end() if lead else 0
    core = line.rstrip(_TRAIL_MARKS)
    g = _patterns()["greeting"].match(core, pos)
    if g:
        opener = g.group().lower()
        if opener.startswith(("dear", "to whom")):
            max_words = 14
        elif opener in ("morning", "afternoon", "evening"):
            max_words = 3
        else:
            max_words = 6
        found = _greeting_end(core, pos, max_words)
        if found:
            end, rest = found
            return pos, end, rest if core[rest:].strip() else len(line)
        if _word_count(core[pos:]) <= 8:
            return pos, len(core), len(line)
        # "Hi Dana great to see you": the opener and the capitalised words after it.
        m = re.match(rf"(?:{g.group()})(?:[ \t]+[A-Z][\w.'’-]*){{1,4}}", core[pos:])
        if m and opener not in ("morning", "afternoon", "evening"):
            return pos, pos + m.end(), pos + m.end()
        return None
    if _TO_GREETING_RE.match(core[pos:]) and _word_count(core) <= 20:
        return pos, len(core), len(line)
    bare = _BARE_NAME_GREETING_RE.match(core[pos:]) if first else None
    if bare and (bare.group(2) != ":" or bare.group(1).rstrip(".").lower() in lexicon.titles()):
        return pos, len(core), len(line)
    return None


def _inline_letter_greeting(line: str) -> tuple[int, int, int] | None:
    """ "March 14, 2011 Dear Sir or Madam: This is ..." — a letter printed on one line: the
    greeting after a letterhead that has no full stop in it."""
    m = re.search(r"\b(?:Dear|To whom it may concern)\b", line[:200])
    if not m or m.start() == 0 or re.search(r"[.!?](?:\s|$)", line[: m.start()]):
        return None
    found = _greeting_end(line, m.start(), 14)
    if not found:
        return None
    return m.start(), found[0], found[1]


def _prose(line: str) -> bool:
    """A line of running text rather than a letterhead line."""
    return _word_count(line) > 10 or (
        _word_count(line) >= 6 and bool(_SENTENCE_END_RE.search(line))
    )


# -- the end of the message -------------------------------------------------------------------


def _signature_kind(line: str, first: bool, slot_only: bool) -> SignatureLineKind:
    if slot_only:
        return "slot"
    if _EMAIL_RE.search(line):
        return "email"
    if _PROFILE_RE.search(line):
        return "profile"
    if _PHONE_RE.match(line) and sum(c.isdigit() for c in line) >= 7:
        return "phone"
    if _ADDRESS_RE.search(line):
        return "address"
    if first and _NAME_LINE_RE.match(line):
        return "name"
    if _word_count(line) <= 8:
        return "title" if not first else "other"
    return "other"


def _signature_like(line: str) -> bool:
    """Could this line stand in a signature block (name, title, phone, email, link, slot)?"""
    if _EMAIL_RE.search(line) or _PROFILE_RE.search(line):
        return True
    if _PHONE_RE.match(line) and sum(c.isdigit() for c in line) >= 7:
        return True
    if re.fullmatch(r"(?:[\[{<(%][^\n]{1,50}?[\]}>)%][ \t|,/]*)+", line):
        return True  # "[Phone] | [LinkedIn URL]"
    return _word_count(line) <= 6 and not _SENTENCE_END_RE.search(line.rstrip("."))


def _name_line(line: str) -> bool:
    if _patterns()["closing"].match(line):
        return False
    if re.fullmatch(r"[\[{<(%][^\n]{1,50}?[\]}>)%]", line):
        return True  # "[Your Name]"
    return bool(_NAME_LINE_RE.match(line)) or any(
        line == p for p, k in lexicon.slot_phrases() if k in ("sender_name", "name")
    )


def parse_text(
    text: str,
    *,
    path: str | None = None,
    format: str = "text",
    basis: str = "source",
    attachments: list[Attachment] | None = None,
    eml_headers: bool = False,
) -> Draft:
    """Split a draft's text into parts. Never raises on odd input: the worst case is all body."""
    draft = Draft(text=text, path=path, format=format, basis=basis)
    draft.attachments = list(attachments or [])
    lines = _lines(text, 0, len(text))
    first = 0
    if lines and (eml_headers or _HEADER_RE.fullmatch(text[lines[0][0] : lines[0][1]])):
        headers, hparts, first = _parse_headers(text, lines, eml_headers)
        if headers:
            draft.headers, draft.header_parts = headers, hparts
            subject = hparts.get("subject")
            draft.subject = (
                Part("subject", subject.start, subject.end, subject.text) if subject else None
            )
        else:
            first = 0

    own: list[Seg] = []  # the sender's lines, quoted text removed
    quoted_from: int | None = None
    for idx in range(first, len(lines)):
        s, e = lines[idx]
        line = text[s:e]
        if any(r.match(line) for r in _QUOTE_START_RES):
            quoted_from = idx
            break
        if line.lstrip().startswith(">"):
            draft.quoted.append(Part("quoted", s, e, line))
            own.append((s, s))  # keep paragraph breaks where a quote stood
            continue
        own.append((s, e))
    if quoted_from is not None:
        qs = lines[quoted_from][0]
        draft.quoted.append(_part(text, "quoted", qs, len(text)))

    segs = _segments(text, own)
    _read_layout(draft, text, segs)
    draft.slots = find_slots(draft.parts("whole"))
    return draft


def _read_layout(draft: Draft, text: str, segs: list[Seg]) -> None:
    nonblank = [i for i, sg in enumerate(segs) if not _blank(sg)]
    if not nonblank:
        return
    start = nonblank[0]
    stop = nonblank[-1] + 1  # the sender's region is segs[start:stop]

    # 1. The greeting, wherever the body starts.
    greet_at = _find_greeting(draft, text, segs, nonblank)
    body_from = start
    if greet_at is not None:
        i, gs, ge, rest = greet_at
        s, e = segs[i]
        draft.greeting = _part(text, "greeting", s + gs, s + ge)
        if gs > 0 and text[s : s + gs].strip(_TRAIL_MARKS):
            draft.letterhead.append(_part(text, "letterhead", s, s + gs))
        _letterhead_blocks(draft, text, segs[start:i])
        if s + rest < e:
            segs[i] = _trim(text, s + rest, e)
            body_from = i
        else:
            body_from = i + 1
        # A "RE: ..." line under a letter's greeting belongs to the letterhead.
        nxt = next((j for j in range(body_from, stop) if not _blank(segs[j])), None)
        if nxt is not None and _REFERENCE_RE.match(_clean(text, segs[nxt])):
            draft.letterhead.append(_part(text, "letterhead", *segs[nxt]))
            segs[nxt] = (segs[nxt][0], segs[nxt][0])
            body_from = nxt + 1
    else:
        # No greeting: a date line on top is still letterhead.
        while body_from < stop and (
            _blank(segs[body_from]) or _DATE_LINE_RE.match(_clean(text, segs[body_from]))
        ):
            if not _blank(segs[body_from]):
                draft.letterhead.append(_part(text, "letterhead", *segs[body_from]))
            body_from += 1

    # 2. From the end: a mail app's footer, a P.S., a "-- " separator, the sign-off.
    end = stop
    while end > body_from:
        j = end - 1
        if _blank(segs[j]):
            end -= 1
            continue
        if _patterns()["device"].match(_clean(text, segs[j])):
            draft.trailer.insert(0, _part(text, "trailer", *segs[j]))
            end -= 1
            continue
        break
    region_end = end
    postscript: list[int] = []
    for j in range(region_end - 1, body_from, -1):
        if not _blank(segs[j]) and _PS_RE.match(_clean(text, segs[j])):
            postscript = list(range(j, region_end))
            region_end = j
            break
    sig_lines: list[int] = []
    closing_at: int | None = None
    body_end = region_end
    candidates = [j for j in range(body_from, region_end) if not _blank(segs[j])][-14:]
    for j in reversed(candidates):
        if _SIG_DELIMITER_RE.match(text[segs[j][0] : segs[j][1]]) or text[
            segs[j][0] : segs[j][1]
        ] in ("--", "-- "):
            sig_lines = [k for k in range(j + 1, region_end) if not _blank(segs[k])]
            body_end = j
            break
    closing_at = _find_closing(draft, text, segs, body_from, body_end, sig_lines)
    if closing_at is not None:
        body_end = closing_at
    elif not sig_lines:
        block = _name_block(text, segs, body_from, body_end)
        if block:
            sig_lines = block
            body_end = block[0]
    if sig_lines and draft.signature is None:
        s0 = segs[sig_lines[0]][0]
        draft.signature = _part(text, "signature", s0, segs[sig_lines[-1]][1])
    if draft.signature is not None:
        _classify_signature(draft, text, segs, sig_lines)

    # 3. Paragraphs between the greeting and the sign-off, then the P.S.
    region = segs[body_from:body_end]
    whole = [sg for sg in segs[start:stop]]
    no_blank_lines = (
        not any(_blank(sg) for sg in whole[whole.index(segs[nonblank[0]]) :] if sg is not None)
        and len([sg for sg in whole if not _blank(sg)]) > 1
    )
    draft.paragraphs = _paragraphs(text, region, no_blank_lines)
    if postscript:
        draft.paragraphs += _paragraphs(text, segs[postscript[0] : postscript[-1] + 1], False)


def _find_greeting(
    draft: Draft, text: str, segs: list[Seg], nonblank: list[int]
) -> tuple[int, int, int, int] | None:
    """(segment, start, end, rest) of the greeting, looking past a letterhead."""
    for n, i in enumerate(nonblank[:25]):
        line = text[segs[i][0] : segs[i][1]]
        found = _greeting_in(line, first=n == 0)
        if found is None:
            found = _inline_letter_greeting(line)
        if found is not None:
            if n > 0 and found[0] > 0:
                return None  # a second line that holds a greeting inside: not a letter
            return (i, *found)
        here = _clean(text, segs[i])
        if _prose(here) and not _REFERENCE_RE.match(here):
            return None  # running text before any greeting: the draft has none
    return None


def _letterhead_blocks(draft: Draft, text: str, segs: list[Seg]) -> None:
    block: list[Seg] = []
    for sg in [*segs, (0, 0)]:
        if _blank(sg):
            if block:
                draft.letterhead.append(_part(text, "letterhead", block[0][0], block[-1][1]))
            block = []
        else:
            block.append(sg)
    draft.letterhead.sort(key=lambda p: p.start)


def _find_closing(
    draft: Draft, text: str, segs: list[Seg], body_from: int, body_end: int, sig_lines: list[int]
) -> int | None:
    """Find the sign-off above `body_end`; set closing and signature; return where the body ends."""
    pats = _patterns()
    candidates = [j for j in range(body_from, body_end) if not _blank(segs[j])][-12:]
    first_body = candidates[0] if candidates else None
    sig_end = segs[sig_lines[-1]][1] if sig_lines else None
    for j in reversed(candidates):
        s, e = segs[j]
        line = _clean(text, segs[j])
        lead = text[s:e].find(line) if line else 0
        after = [k for k in range(j + 1, body_end) if not _blank(segs[k])]
        # The only line of the body is a sign-off only when it cannot be a sentence: "Thank
        # you." or "Thanks so much, Dana" alone is the message itself.
        only = j == first_body and not _pure(line)
        if pats["closing"].match(line):
            if only:
                continue
            draft.closing = _part(text, "closing", s, e)
            _set_signature(draft, text, segs, after, sig_end)
            return j
        m = None if only else pats["closing_name"].match(line)
        if m and (m.group(1).rstrip().endswith((",", "-", "–", "—")) or _pure(m.group(1))):
            draft.closing = _part(text, "closing", s + lead, s + lead + m.end(1))
            name_start = s + lead + m.start(2)
            stop_at = segs[after[-1]][1] if after else s + lead + m.end(2)
            draft.signature = _part(text, "signature", name_start, sig_end or stop_at)
            draft.signature_lines.append(
                SignatureLine("name", _part(text, "signature", name_start, s + lead + m.end(2)))
            )
            return j
        if after and not all(_signature_like(_clean(text, segs[k])) for k in after):
            continue
        m = pats["closing_end"].search(line)
        if m and (m.group(2) or _pure(m.group(1))):
            cs, ce = s + lead + m.start(1), s + lead + m.end(1)
            draft.closing = _part(text, "closing", cs, ce)
            if m.group(2):
                ns = s + lead + m.start(2)
                ne = s + lead + m.end(2)
                stop_at = segs[after[-1]][1] if after else ne
                draft.signature = _part(text, "signature", ns, sig_end or stop_at)
                draft.signature_lines.append(
                    SignatureLine("name", _part(text, "signature", ns, ne))
                )
            else:
                _set_signature(draft, text, segs, after, sig_end)
            # The paragraph keeps the text before the sign-off.
            segs[j] = _trim(text, s, cs)
            return j + 1
    return None


def _pure(closing: str) -> bool:
    """A sign-off that is never a sentence of thanks ("Best regards", "Sincerely")."""
    words = " ".join(re.findall(r"[a-z]+", closing.lower()))
    return any(words == p or words.startswith(p + " ") for p in lexicon.pure_sign_offs())


def _set_signature(
    draft: Draft, text: str, segs: list[Seg], after: list[int], sig_end: int | None
) -> None:
    if after:
        draft.signature = _part(text, "signature", segs[after[0]][0], sig_end or segs[after[-1]][1])


def _name_block(text: str, segs: list[Seg], body_from: int, body_end: int) -> list[int]:
    """No sign-off: trailing lines that read as a signature, topped by a name line."""
    block: list[int] = []
    j = body_end - 1
    while j > body_from and len(block) < 7:
        if _blank(segs[j]):
            break
        line = _clean(text, segs[j])
        if not _signature_like(line):
            break
        block.insert(0, j)
        j -= 1
    # The block's top must be a name, and what is above it must end a sentence or be blank.
    while block and not _name_line(_clean(text, segs[block[0]])):
        block.pop(0)
    if not block or block[0] <= body_from:
        return []
    above = segs[block[0] - 1]
    if not _blank(above) and not _SENTENCE_END_RE.search(_clean(text, above)):
        return []
    return block


def _classify_signature(draft: Draft, text: str, segs: list[Seg], sig_lines: list[int]) -> None:
    sig = draft.signature
    assert sig is not None
    if draft.signature_lines:
        # The name came inline with the sign-off; classify the lines below it.
        sig_lines = [k for k in sig_lines if segs[k][0] > draft.signature_lines[0].part.end]
        if not sig_lines:
            sig_lines = [
                k
                for k, sg in enumerate(segs)
                if not _blank(sg) and sg[0] > draft.signature_lines[0].part.end and sg[1] <= sig.end
            ]
    else:
        sig_lines = [
            k
            for k, sg in enumerate(segs)
            if not _blank(sg) and sig.start <= sg[0] and sg[1] <= sig.end
        ]
    slot_only = regex_cache.compile(r"(?:[\[{<(%][^\n]{1,50}?[\]}>)%][ \t|,/]*)+")
    for n, k in enumerate(sig_lines):
        line = _clean(text, segs[k])
        if re.fullmatch(r"-{2,}\s*", text[segs[k][0] : segs[k][1]]):
            continue  # a separator line, not part of anybody's details
        first = n == 0 and not draft.signature_lines
        if slot_only.fullmatch(line) or not _PIPED_RE.search(line):
            kind = _signature_kind(line, first, bool(slot_only.fullmatch(line)))
            draft.signature_lines.append(SignatureLine(kind, _part(text, "signature", *segs[k])))
            continue
        # "Sam Ito | 555 201 3344 | sam@ito.example": one line holding several details, each
        # typed on its own (the first may be the name).
        s = segs[k][0]
        for piece in re.finditer(r"[^|·•]+", text[s : segs[k][1]]):
            ps, pe = _strip(text, s + piece.start(), s + piece.end())
            if ps < pe:
                kind = _signature_kind(_clean(text, (ps, pe)), first, False)
                draft.signature_lines.append(SignatureLine(kind, _part(text, "signature", ps, pe)))
                first = False


def _paragraphs(text: str, region: list[Seg], split_lines: bool) -> list[Part]:
    out: list[Part] = []
    para: list[Seg] = []

    def flush() -> None:
        if para:
            p = _part(text, "body", para[0][0], para[-1][1])
            if p.text:
                out.append(p)
        para.clear()

    for sg in region:
        if _blank(sg):
            flush()
            continue
        if split_lines and para:
            prev = _clean(text, para[-1])
            here = _clean(text, sg)
            if _SENTENCE_END_RE.search(prev) and _LINE_START_RE.match(here):
                flush()
        para.append(sg)
    flush()
    return out
