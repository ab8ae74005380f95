"""Judgements about whom the note is for and how it opens and closes.

Each reads the parts the layout parser found (`reading.layout`), never re-splitting lines, and
counts a placeholder slot as present: `Dear [Interviewer's Name],` names someone, and the
slot itself is `unfilled-placeholder`'s finding.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from followup_lint import regex_cache
from followup_lint.analysis.core import Analysis
from followup_lint.analysis.textpatterns import Prefiltered, fold
from followup_lint.analysis.textpatterns import loose as _loose
from followup_lint.checks.base import Hit
from followup_lint.judgements.content import specific_detail
from followup_lint.judgements.registry import function
from followup_lint.model.severity import Severity
from followup_lint.reading import lexicon
from followup_lint.reading.draft import Part

_NAME_WORD = regex_cache.compile(r"[^\W\d_][\w'’.-]*")
_NAME_SLOTS = frozenset({"recipient_name", "name"})
_GROUPS = frozenset(
    {"team", "teams", "department", "committee", "recruiting", "hiring", "staff", "hr", "panel"}
)


def _company_words(analysis: Analysis) -> set[str]:
    ctx = analysis.context
    words: set[str] = set()
    if ctx.company:
        words.update(w.lower() for w in _NAME_WORD.findall(ctx.company))
    if ctx.company_domain and "." in ctx.company_domain:
        words.add(ctx.company_domain.split(".")[-2].lower())
    return words


def greeting_names_someone(analysis: Analysis, part: Part) -> bool:
    """Does this greeting name a person (or hold a slot for a name)?"""
    slots = analysis.draft.slots_in(part)
    if any(s.stands_for in _NAME_SLOTS for s in slots):
        return True
    text = part.text
    for s in sorted(slots, key=lambda s: s.start, reverse=True):
        a, b = s.start - part.start, s.end - part.start
        text = text[:a] + " " * (b - a) + text[b:]
    glue = lexicon.addressee_words()
    company = _company_words(analysis)
    words = _NAME_WORD.findall(text)
    others = [
        w
        for i, w in enumerate(words)
        if w.rstrip(".").lower() not in glue
        and w.rstrip(".").lower() not in company
        # "Dear Northwind team,": a word before a group word names the group, not a person.
        and not (i + 1 < len(words) and words[i + 1].lower() in _GROUPS)
    ]
    # A capitalised word that is no title or group word is a name ("Dear Ms. Okafor",
    # "Hello Marta"); so is a short lower-case one ("hi dana,"). A long lower-case description
    # ("Dear respective employer who is losing out") names nobody.
    return any(w[:1].isupper() for w in others) or 0 < len(others) <= 2


@function("greeting-without-name")
def greeting_without_name(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """The greeting names nobody: "Hi,", "Dear Hiring Manager,", "To whom it may concern"."""
    for part in parts:
        if greeting_names_someone(analysis, part):
            continue
        yield Hit(part.start, part.end, {"greeting": part.text.strip(",:;!—*_ ")})


@function("formal-closing-missing")
def formal_closing_missing(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """No sign-off above the name ("Best regards,", "Sincerely,").

    The parser finds sign-offs alone on a line, with the name on the same line and at the end
    of the last paragraph. Where a name line still ends the note the finding is only `info`:
    the note is signed, just without the formula."""
    draft = analysis.draft
    if draft.closing is not None or not draft.paragraphs:
        return
    last = draft.paragraphs[-1]
    signed = any(line.kind in ("name", "slot") for line in draft.signature_lines)
    at = draft.signature.start if draft.signature is not None else last.end
    yield Hit(at, at, {"signed": signed}, severity=Severity.INFO if signed else None)


@function("formal-greeting-missing")
def formal_greeting_missing(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """No greeting wherever the body starts (the parser looks past a letterhead)."""
    draft = analysis.draft
    if draft.greeting is not None or not draft.paragraphs:
        return
    signed = any(line.kind in ("name", "slot") for line in draft.signature_lines)
    at = draft.paragraphs[0].start
    yield Hit(at, at, {"signed": signed}, severity=Severity.INFO if signed else None)


# -- templates and several interviewers ------------------------------------------------------

_NAME_WORD = regex_cache.compile(r"[^\W\d_][\w'’.-]*")

# Sentences every template contains. A body made (almost) only of these says nothing of its own.
_STOCK = Prefiltered(
    regex_cache.compile(
        _loose(
            r"\b(?:thank(?:s| you)(?: so much| very much| again)? for (?:taking the time|your time|the "
            r"(?:opportunity|chance|interview)|meeting|speaking|interviewing|considering|your "
            r"consideration)|(?:i )?(?:am |'m )?look(?:ing)? forward to (?:hearing|the next|speaking|"
            r"your)|(?:please )?(?:do not|don't) hesitate|(?:please )?feel free to|if you (?:need|have|"
            r"require) (?:any )?(?:further|additional|more|other)|(?:it was|it's been) (?:a pleasure|"
            r"great|nice|wonderful)|i (?:really |truly )?enjoyed (?:meeting|speaking|talking|our|"
            r"learning)|i am (?:very |really |truly )?(?:excited|interested|enthusiastic|eager)|"
            r"(?:would be|am) a (?:great|good|strong|perfect|excellent) (?:fit|match|asset|addition)|"
            r"my (?:skills|experience|background|qualifications) (?:and (?:skills|experience)|would|"
            r"make|align|match)|(?:i )?(?:believe|am confident|feel) (?:that )?(?:i|my)|(?:i )?"
            r"(?:remain|am still) (?:very )?(?:interested|excited)|best regards|kind regards|sincerely|"
            r"thank you(?: again)?[.!](?=\s|$)|(?:i )?wanted to (?:follow up|check in|thank)|(?:i )?hope "
            r"(?:this|you)|any update|the status of|reiterate my)",
        ),
        re.I,
    )
)


@function("generic-template")
def generic_template(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Most sentences of the body are stock phrases, and nothing in it is specific."""
    sentences = [s for p in parts for s in analysis.sentences(p)]
    if len(sentences) < int(args.get("min_sentences", 3)):
        return
    if specific_detail(analysis) is not None:
        return  # shared with no-specific-reference and cached: usually decides at once
    # One scan per part; a sentence is stock when a stock phrase starts inside it.
    starts = sorted(
        p.start + m.start() for p in parts for m in _STOCK.finditer(p.text, fold(p.text))
    )
    stock = sum(
        1
        for s in sentences
        if bisect.bisect_left(starts, s.start) < len(starts)
        and starts[bisect.bisect_left(starts, s.start)] < s.end
    )
    share = stock / len(sentences)
    if share < float(args.get("min_share", 0.8)):
        return
    yield Hit(
        parts[0].start,
        parts[-1].end,
        {"stock": stock, "sentences": len(sentences), "share": round(100 * share)},
    )


@function("near-duplicate-notes")
def near_duplicate_notes(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """This note is nearly the same text as another note of the same run to someone else."""
    from followup_lint.analysis.similarity import jaccard, shingles, word_count

    others = analysis.context.other_notes
    body = "\n\n".join(p.text for p in parts)
    min_words = int(args.get("min_words", 25))
    if not others or word_count(body) < min_words:
        return
    names = [w for n in analysis.context.names() for w in _NAME_WORD.findall(n)]
    mine = shingles(body, ignore=names)
    best = max(
        (jaccard(mine, shingles(o, ignore=names)) for o in others if word_count(o) >= min_words),
        default=0.0,
    )
    if best >= float(args.get("threshold", 0.6)):
        yield Hit(
            parts[0].start,
            parts[-1].end,
            {"similarity": round(100 * best), "others": len(others)},
        )
