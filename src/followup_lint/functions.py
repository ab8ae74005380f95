"""Built-in functions for the `python` check kind: logic that fits no data-driven kind.

Each takes (analysis, parts, args) and yields Hits. Keep them small and say why they exist.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from followup_lint.analysis.core import Analysis
from followup_lint.analysis.textpatterns import Prefiltered, fold
from followup_lint.analysis.textpatterns import loose as _loose
from followup_lint.checks.base import Hit
from followup_lint.checks.python import function

# Content and tone judgements live in judgements/ (DESIGN.md, "Layout"); importing them
# registers their functions. specific_detail is shared with generic-template below.
from followup_lint.judgements import tone as _tone  # noqa: F401
from followup_lint.judgements.content import specific_detail
from followup_lint.reading.draft import Part


@function("empty-draft")
def empty_draft(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Fires when the sender wrote nothing at all below the headers."""
    if not any(p.text.strip() for p in analysis.draft.parts("message")):
        at = analysis.draft.subject.end if analysis.draft.subject else 0
        yield Hit(at, at, {})


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- personalization -----------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")

# Sentences every template contains. A body made (almost) only of these says nothing of its own.
_STOCK = Prefiltered(
    re.compile(
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


# -- content ---------------------------------------------------------------------------------

_ATTACHMENT_MENTION = Prefiltered(
    re.compile(
        _loose(
            r"\b(?:attached\s+(?:is|are|please|you|my|the|a|an|to\s+this|herewith|here|for|please)|"
            r"(?:i|we)(?:'ve|\s+have|\s+am|'m)?\s+(?:attached|attaching|enclosed|enclosing)\b|"
            r"please\s+(?:find|see)\s+(?:the\s+)?(?:attached|enclosed)|"
            r"see\s+(?:the\s+)?attach(?:ed|ment)|(?:in|as)\s+(?:an?|the)\s+attachment|"
            r"\w+\s+(?:is|are)\s+attached\b|enclosed\s+(?:is|are|please))",
        ),
        re.I,
    )
)


@function("attachment-missing")
def attachment_missing(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """The body says something is attached, but the email carries no attachment.

    Only an .eml can be judged: a plain-text draft's attachments live in the mail client."""
    draft = analysis.draft
    if draft.format != "eml" or draft.attachments:
        return
    for part in parts:
        m = _ATTACHMENT_MENTION.search(part.text)
        if m:
            yield Hit(part.start + m.start(), part.start + m.end(), {"match": m.group()})
            return


# -- several interviewers --------------------------------------------------------------------


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


# Judgements kept in their own modules register themselves on import.
from followup_lint.judgements import greeting as _greeting  # noqa: E402, F401
from followup_lint.judgements import personalization as _personalization  # noqa: E402, F401
