"""Content judgements: does the body thank the reader, state interest, name a detail from the
interview? Each reads the per-sentence facts of `Analysis.reading` (analysis/sentences.py)
instead of scanning the body with a keyword list of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from followup_lint import regex_cache
from followup_lint.analysis.acts import known_acts
from followup_lint.analysis.core import Analysis
from followup_lint.analysis.sentences import in_parts
from followup_lint.analysis.textpatterns import Prefiltered
from followup_lint.analysis.textpatterns import loose as _loose
from followup_lint.checks.base import Hit
from followup_lint.judgements.registry import function
from followup_lint.model.severity import Severity
from followup_lint.reading.draft import Part

_WORDS = regex_cache.compile(r"[A-Za-z][\w'’-]*")
# Words too common to tell one topic from another ("customer research" vs "research").
_COMMON_WORDS = """a an the and or of to in on at for with about from by as into your my our we i
this that new role position job team company interview work project"""
_COMMON = frozenset(_COMMON_WORDS.split())


def _mentions_topic(body: str, topic: str) -> bool:
    low = body.lower()
    keys = [w for w in _WORDS.findall(topic.lower()) if w not in _COMMON and len(w) > 2]
    # Most of the topic's words must be there: "research" alone is not "customer research".
    found = sum(1 for k in keys if re.search(rf"\b{re.escape(k)}", low))
    return bool(keys) and found >= max(1, -(-2 * len(keys) // 3))


def specific_detail(analysis: Analysis) -> str | None:
    """What makes the body specific (a context topic, a detail a sentence names), or None.

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
    if found is None:
        details = analysis.reading.details
        found = details[0].detail if details else None
    analysis.cache[key] = found
    return found


@function("no-specific-reference")
def no_specific_reference(
    analysis: Analysis, parts: list[Part], args: dict[str, Any]
) -> Iterator[Hit]:
    """Nothing in the body names something concrete from the interview.

    args: min_words (bodies shorter than this are left to other rules); kinds (the kinds that
    need a detail, default thank_you). A draft of unknown kind that thanks the reader and refers
    to the interview is a note after an interview too: it gets a hint (info)."""
    if not parts or analysis.body_word_count < int(args.get("min_words", 15)):
        return
    severity: Severity | None = None
    if analysis.kind is None:
        reading = analysis.reading
        if not (reading.sincere_thanks and reading.does("refers_to_interview")):
            return
        severity = Severity.INFO
    elif analysis.kind not in args.get("kinds", ["thank_you"]):
        return
    if specific_detail(analysis) is not None:
        return
    # Point at the sentence about the meeting, where a detail would fit best, or the body.
    about = analysis.reading.doing("refers_to_interview")
    start, end = (about[0].start, about[0].end) if about else (parts[0].start, parts[-1].end)
    topics = ", ".join(analysis.context.topics[:3])
    values = {"topics": topics, "where": "sentence" if about else "body"}
    yield Hit(start, end, values, severity=severity)


def _severity(analysis: Analysis, args: dict[str, Any]) -> Severity | None:
    """The rule's own severity for the kinds that must do this; `soft` for the others."""
    strong = args.get("strong_kinds")
    if strong is None or analysis.kind in strong:
        return None
    return Severity(str(args.get("soft", "info")))


@function("missing-gratitude")
def missing_gratitude(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """No sentence of the body thanks the reader sincerely.

    A sarcastic thank-you ("thanks for ghosting me") does not count, nor does any thanks in a
    draft that mocks the reader. args: strong_kinds (kinds where thanks are required: the
    rule's severity), soft (the severity for the other kinds, default info)."""
    if not parts or not any(p.text.strip() for p in parts):
        return
    reading = analysis.reading
    if reading.sincere_thanks:
        return
    sarcastic = reading.doing("thanks_sarcastic", None) or (
        reading.doing("sarcasm", None) if reading.mocking else ()
    )
    at = sarcastic[0] if sarcastic else None
    start, end = (at.start, at.end) if at else (parts[0].start, parts[0].start)
    yield Hit(
        start,
        end,
        {"kind": (analysis.kind or "note").replace("_", " "), "sarcastic": at is not None},
        severity=_severity(analysis, args),
    )


@function("missing-interest")
def missing_interest(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """No sentence of the body states the sender's own, un-negated interest in the job, the
    company or future contact (mocking drafts never do).

    args: skip_kinds (kinds that need no interest: offers, declines, networking); a draft of
    unknown kind gets a hint (info) rather than a warning."""
    if not parts or not any(p.text.strip() for p in parts):
        return
    if analysis.kind in args.get("skip_kinds", ()):
        return
    if analysis.reading.own_interest:
        return
    end = parts[-1].end
    soft = Severity.INFO if analysis.kind is None else None
    yield Hit(end, end, {"kind": (analysis.kind or "note").replace("_", " ")}, severity=soft)


@function("required-act")
def required_act(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Fires once when no sentence of the parts in scope does `act` (data/acts.txt).

    args: act. Nothing is reported for an empty scope (body-missing's finding)."""
    act = str(args["act"])
    if act not in known_acts():
        raise ValueError(f"required-act: unknown act {act!r} (known: {', '.join(known_acts())})")
    if not parts or not any(p.text.strip() for p in parts):
        return
    if in_parts(analysis.reading.doing(act, None), sorted(parts, key=lambda p: p.start)):
        return
    yield Hit(parts[0].start, parts[0].end, {"act": act})


# -- an empty draft, a missing attachment ----------------------------------------------------


@function("empty-draft")
def empty_draft(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Fires when the sender wrote nothing at all below the headers."""
    if not any(p.text.strip() for p in analysis.draft.parts("message")):
        at = analysis.draft.subject.end if analysis.draft.subject else 0
        yield Hit(at, at, {})


_ATTACHMENT_MENTION = Prefiltered(
    regex_cache.compile(
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
