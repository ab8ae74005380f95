"""Shared matching machinery: phrase lists through spaCy's PhraseMatcher, regexes compiled once,
and filtering hits to the parts a rule looks at."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..draft import Part

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
    return [re.compile(p, flags) for p in patterns]


def regex_matches(
    patterns: Sequence[re.Pattern[str]], parts: Sequence[Part]
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Every match of every pattern inside each part, as draft offsets."""
    for part in parts:
        for rx in patterns:
            for m in rx.finditer(part.text):
                if m.end() > m.start():
                    yield part.start + m.start(), part.start + m.end(), m


def match_case(template: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
