"""An article before a person's possessive: "the Mark's team", "the Priya's feedback".

A name in the possessive is a determiner of its own, so "the" before it is one too many: "Mark's
team", or "the team of Mark's". Writers whose first language puts an article before names make
this slip often. But "the" before a capitalised word and "'s" is right when the word is no
person's name: "the Board's decision", "the Times's review", "the McDonald's on Main Street".
So the word must be one the draft itself uses as a person's name: in the greeting or the
signature, or elsewhere after a word such as "with", "thank" or "met" ("work with Mark"), or
before one such as "said" ("Mark mentioned"); or a name the context gives for a person the draft
is about (an interviewer or a recipient, also from the To and Cc headers). A defined term of legal text ("the
Program's source code", "a modified Program") is not taken for a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.confusions import _sections
from followup_lint.proofreading.names import known_words
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_RE = rc.compile(r"\b([Tt]he)[ \t]+([A-Z][a-z]{2,})(['’]s)\b")
_WORD_BEFORE = rc.compile(r"(?<![A-Za-z])([A-Za-z]+)[ \t,]*$")  # tried at word starts only: linear
_WORD_AFTER = rc.compile(r"[ \t]+([a-z]+)")


def _used_as_name(analysis: Analysis, name: str) -> bool:
    """Does the draft use `name` as a person's name: in the greeting or the signature, or
    elsewhere after a word such as "with" or "thank", or before one such as "said"?"""
    draft = analysis.draft
    for part in (draft.greeting, draft.signature):
        if part is not None and re.search(rf"\b{re.escape(name)}\b", part.text):
            return True
    cues = _sections("name_cues.txt")
    text = draft.text
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if before is not None and before.group(1).lower() in cues["before"]:
            return True
        after = _WORD_AFTER.match(text, m.end())
        if after is not None and after.group(1) in cues["after"]:
            return True
    return False


def find_article_before_possessive_name(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "he " not in text or "s" not in text:
        return
    for m in _RE.finditer(text):
        name = m.group(2)
        # The people the context and the headers name (interviewers, recipients), else the
        # draft's own use of the word.
        if name.lower() not in known_words(analysis).people and not _used_as_name(analysis, name):
            continue
        a, b = part.start + m.start(1), part.start + m.end(3)
        if covered(protected_spans(analysis), a, b):
            continue
        fix = name + m.group(3)
        yield replacement(a, b, fix, {"found": m.group(0), "expected": fix, "name": name})
