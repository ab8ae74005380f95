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

# Lower-case stop words and the words every note uses: none of them is a specific detail.
_STOP = _wordset(
    """a an the and or but of to in on at for with about from by as into over under this that
    these those your you my our we i me us it its is are was were be been being have has had
    do does did will would can could should may might must shall very so such more most much
    many some any all each how what which who whom why when where there here than then also
    just really well new role position job opportunity opportunities company team teams
    organization organisation interview interviews conversation conversations discussion
    chat meeting time today yesterday work working things thing everything lot great good
    process hiring next steps day week way part further more information strong perfect ideal
    excellent wonderful amazing fantastic exciting unique valuable key addition asset fit skills
    experience background qualifications abilities consideration chance pleasure candidacy
    application career field industry department office business people staff"""
)
# Phrases that introduce what was talked about ("when you mentioned ...", "our discussion of").
_TOPIC_CUES = Prefiltered(
    re.compile(
        _loose(
            r"\b(?:you (?:mentioned|described|shared|explained|said|noted|pointed out|asked|walked me "
            r"through|told me|showed me)|(?:we|i) (?:discussed|talked about|spoke about|covered|"
            r"went over|touched on)|(?:discussing|talking about|speaking about|learning about|"
            r"hearing about|learned about|heard about|learnt about)|(?:discussion|conversation|chat|"
            r"talk|exchange) (?:about|of|on|around)|(?:insights?|thoughts|perspective|point|question|"
            r"comments?|plans?|vision|approach|ideas?|overview|explanation|description) (?:on|about|"
            r"into|for|regarding|of)|(?:hearing|learning|seeing|hear|learn|see) how|especially|"
            r"particularly|in particular|such as|including)\b",
        ),
        re.I,
    )
)
# A figure (an achievement or a number from the interview), but not "110 percent" effort.
# "the thermal chamber", "your month-end close": two or three lower-case content words after a
# determiner name a concrete thing, unless they are the stock nouns of every note or a job title
# ("the hiring process", "the analyst role").
_THING = re.compile(
    r"\b(?:the|your|our)\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,2})\b(?!\s+(?:role|position|"
    r"opening|job|vacancy|post)\b)"
)
_FIGURE = re.compile(
    r"(?<![\d.])(?!1[01]0\s?(?:%|percent))\d+(?:[.,]\d+)?\s?(?:%|percent|k\b|x\b)|[$€£]\s?\d"
)
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


def _mentions_topic(body: str, topic: str) -> bool:
    low = body.lower()
    keys = [w for w in _WORDS.findall(topic.lower()) if w not in _STOP and len(w) > 2]
    # Most of the topic's words must be there: "research" alone is not "customer research".
    found = sum(1 for k in keys if re.search(rf"\b{re.escape(k)}", low))
    return bool(keys) and found >= max(1, -(-2 * len(keys) // 3))


def specific_detail(analysis: Analysis) -> str | None:
    """What makes the body specific (a topic from the context, a remark, a figure), or None.

    Shared by no-specific-reference and generic-template, computed once per draft."""
    key = "specific_detail"
    if key in analysis.cache:
        cached: str | None = analysis.cache[key]
        return cached
    body = analysis.draft.body_text
    found: str | None = None
    for topic in (*analysis.context.topics, *analysis.context.concerns):
        if _mentions_topic(body, topic):
            found = topic
            break
    # Cheapest tests first: any one of them is enough.
    if found is None:
        figure = _FIGURE.search(body)
        found = figure.group() if figure else None
    if found is None:
        for m in _THING.finditer(body):
            if all(w not in _STOP for w in m.group(1).split()):
                found = m.group()
                break
    if found is None:
        for m in _TOPIC_CUES.finditer(body):
            # What follows the cue, up to the end of its sentence.
            after = _WORDS.findall(re.split(r"[.!?;]", body[m.end() : m.end() + 80])[0])[:6]
            if any(w.lower() not in _STOP for w in after):
                found = body[m.start() : m.end() + 40].split("\n")[0]
                break
    analysis.cache[key] = found
    return found


@function("no-specific-reference")
def no_specific_reference(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """Nothing in the body points at this interview: no context topic, no remark, no figure."""
    if not parts or analysis.body_word_count < int(args.get("min_words", 15)):
        return  # a two-line draft is judged by the other rules first
    if specific_detail(analysis) is not None:
        return
    topics = ", ".join(analysis.context.topics[:3])
    yield Hit(parts[0].start, parts[-1].end, {"topics": topics})


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
