"""Shared matching machinery: phrase lists through spaCy's PhraseMatcher, regexes compiled once,
and filtering hits to the parts a rule looks at."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from followup_lint.analysis.textpatterns import fold, literal_openings, spaced
from followup_lint.safe_regex import compile_pattern

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

#: Regex flags every rule pattern gets: Unicode word boundaries; case from the rule.
BASE_FLAGS = re.UNICODE


class PartFilter:
    """Answers "does [start, end) lie inside one of these parts?" in O(log n)."""

    def __init__(self, parts: Sequence[Part]) -> None:
        ordered = sorted(parts, key=lambda p: p.start)
        self._starts = [p.start for p in ordered]
        self._parts = ordered

    def owner(self, start: int, end: int) -> Part | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0:
            p = self._parts[i]
            if start >= p.start and end <= p.end:
                return p
        return None


class PhraseSet:
    """Case-insensitive whole-token phrase matching over the draft's shared spaCy Doc."""

    def __init__(self, nlp: Any, phrases: Iterable[str], *, attr: str = "LOWER") -> None:
        from spacy.matcher import PhraseMatcher

        self.phrases = [p for p in phrases if p.strip()]
        self._matcher = PhraseMatcher(nlp.vocab, attr=attr)
        if self.phrases:
            self._matcher.add("P", list(nlp.tokenizer.pipe(self.phrases)))

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def matches(self, analysis: Analysis, parts: Sequence[Part]) -> Iterator[tuple[int, int]]:
        """(start, end) character offsets of every phrase inside the parts, longest first when
        two overlap."""
        if not self.phrases or not parts:
            return
        doc = analysis.doc
        spans = self._matcher(doc, as_spans=True)
        spans = sorted(spans, key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
        keep = PartFilter(parts)
        last_end = -1
        for span in spans:
            s, e = span.start_char, span.end_char
            if s < last_end:
                continue
            if keep.owner(s, e) is not None:
                last_end = e
                yield s, e


def compile_patterns(patterns: Iterable[str], *, ignore_case: bool) -> list[re.Pattern[str]]:
    flags = BASE_FLAGS | (re.IGNORECASE if ignore_case else 0)
    # compile_pattern: `re` for the built-in rules, RE2 (linear time) for a user's patterns.
    return [compile_pattern(p, flags) for p in patterns]


def regex_matches(
    patterns: Sequence[re.Pattern[str]], parts: Sequence[Part]
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Every match of every pattern inside each part, as draft offsets."""
    for part in parts:
        lowered, plain = fold(part.text), spaced(part.text)
        for rx in patterns:
            if not _may_match(rx, plain, lowered):
                continue  # none of the pattern's literal openings is in the part: no match
            for m in rx.finditer(part.text):
                if m.end() > m.start():
                    yield part.start + m.start(), part.start + m.end(), m


@lru_cache(maxsize=4096)
def _openings(rx: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    openings = literal_openings(rx)
    return (tuple(openings) if openings is not None else None), bool(rx.flags & re.IGNORECASE)


def _may_match(rx: re.Pattern[str], plain: str, lowered: str) -> bool:
    """A cheap substring test before the regex scan (see textpatterns.literal_openings)."""
    openings, ignore_case = _openings(rx)
    if openings is None:
        return True
    hay = lowered if ignore_case else plain
    return any(o in hay for o in openings)


def match_case(template: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
