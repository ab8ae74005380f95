"""An article before a person's possessive: "the Mark's team", "the Priya's feedback".

A name in the possessive is a determiner of its own, so "the" before it is one too many: "Mark's
team", or "the team of Mark's". Writers whose first language puts an article before names make
this slip often. But "the" before a capitalised word and "'s" is right when the word is no
person's name: "the Board's decision", "the Times's review", "the McDonald's on Main Street".
So the word must be one the draft itself uses as a person's name: in the greeting or the
signature, or elsewhere after a word such as "with", "thank" or "met" ("work with Mark"), or
before one such as "said" ("Mark mentioned"); or a name the context gives for a person the draft
is about (an interviewer, a recipient, the sender). A defined term of legal text ("the
Program's source code", "a modified Program") is not taken for a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_RE = rc.compile(r"\b([Tt]he)[ \t]+([A-Z][a-z]{2,})(['’]s)\b")
#: Words right before a word, or right after it, that show it is a person's name: "work with
#: Mark", "thank Priya", "Mark said". (An adjective or determiner before it, as in "a modified
#: Program", "the Board", shows nothing: legal text capitalises its defined terms so.)
_PERSON_BEFORE = frozenset(
    [
        "with",
        "thank",
        "thanks",
        "thanked",
        "met",
        "meet",
        "meeting",
        "told",
        "tell",
        "asked",
        "ask",
        "dear",
        "hi",
        "hello",
        "hey",
        "cc",
        "emailed",
        "called",
        "contacted",
        "introduced",
    ]
)
_PERSON_AFTER = frozenset(
    [
        "said",
        "says",
        "mentioned",
        "told",
        "asked",
        "explained",
        "suggested",
        "shared",
        "showed",
        "walked",
        "introduced",
        "noted",
        "described",
        "thinks",
        "thought",
    ]
)
_WORD_BEFORE = rc.compile(r"(?<![A-Za-z])([A-Za-z]+)[ \t,]*$")  # tried at word starts only: linear
_WORD_AFTER = rc.compile(r"[ \t]+([a-z]+)")


def _used_as_name(analysis: Analysis, name: str) -> bool:
    """Does the draft use `name` as a person's name: in the greeting or the signature, or
    elsewhere after a word such as "with" or "thank", or before one such as "said"?"""
    draft = analysis.draft
    for part in (draft.greeting, draft.signature):
        if part is not None and re.search(rf"\b{re.escape(name)}\b", part.text):
            return True
    text = draft.text
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is not None and before.group(1).lower() in _PERSON_BEFORE:
            return True
        after = _WORD_AFTER.match(text, m.end())
        if after is not None and after.group(1) in _PERSON_AFTER:
            return True
    return False


def _context_names(analysis: Analysis) -> frozenset[str]:
    ctx = analysis.context
    people = (*ctx.interviewers, *ctx.recipients, *((ctx.sender,) if ctx.sender else ()))
    return frozenset(w for p in people for w in p.name.split() if w[:1].isupper())


def find_article_before_possessive_name(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "he " not in text or "s" not in text:
        return
    names: frozenset[str] | None = None
    for m in _RE.finditer(text):
        name = m.group(2)
        if names is None:
            names = _context_names(analysis)
        if name not in names and not _used_as_name(analysis, name):
            continue
        a, b = part.start + m.start(1), part.start + m.end(3)
        if covered(protected_spans(analysis), a, b):
            continue
        fix = name + m.group(3)
        yield replacement(a, b, fix, {"found": m.group(0), "expected": fix, "name": name})
