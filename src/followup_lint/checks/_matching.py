"""Shared matching machinery: phrase lists on the draft's own tokens, regexes compiled once,
and filtering hits to the parts a rule looks at."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from followup_lint.analysis.textpatterns import fold, literal_openings, spaced
from followup_lint.analysis.tokens import Tokens, normalize, phrase_tokens

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
    """Case-insensitive (or case-sensitive) whole-token phrase matching over the draft's tokens
    (`Analysis.tokens`, our own tokenizer: no spaCy on this path).

    Compiled once per rule: each phrase becomes its token sequence, grouped by first token. A
    draft is then searched by looking each first token up in the draft's token index, so a rule
    costs a few dictionary look-ups per draft rather than a scan of every token."""

    def __init__(self, phrases: Iterable[str], *, ignore_case: bool = True) -> None:
        self.phrases = [p for p in phrases if p.strip()]
        self.ignore_case = ignore_case
        #: first token -> [(token sequence, the phrase as written)], longest first.
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in self.phrases:
            seq = phrase_tokens(phrase, ignore_case=ignore_case)
            if seq:
                self._by_first.setdefault(seq[0], []).append((seq, phrase))
        for options in self._by_first.values():
            options.sort(key=lambda o: -len(o[0]))

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def found(self, analysis: Analysis, parts: Sequence[Part]) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as written in the rule) of every phrase inside the parts,
        left to right; where two overlap, the one starting first (then the longest) wins."""
        if not self._by_first or not parts:
            return
        tokens = analysis.tokens
        index = tokens.index(ignore_case=self.ignore_case)
        starts, ends = tokens.starts, tokens.ends
        n = len(starts)
        hits: list[tuple[int, int, str]] = []
        for first, options in self._by_first.items():
            for i in index.get(first, ()):
                for seq, phrase in options:
                    j = i + len(seq) - 1
                    if j >= n:
                        continue
                    if len(seq) > 1 and not (
                        all(
                            _norm(tokens, i + k, self.ignore_case) == seq[k]
                            for k in range(1, len(seq))
                        )
                        and tokens.joined(i, j)
                    ):
                        continue
                    hits.append((starts[i], ends[j], phrase))
                    break  # the longest phrase starting here
        if not hits:
            return
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        keep = PartFilter(parts)
        last_end = -1
        for s, e, phrase in hits:
            if s < last_end:
                continue
            if keep.owner(s, e) is not None:
                last_end = e
                yield s, e, phrase

    def matches(self, analysis: Analysis, parts: Sequence[Part]) -> Iterator[tuple[int, int]]:
        """(start, end) character offsets of every phrase inside the parts (see `found`)."""
        for s, e, _ in self.found(analysis, parts):
            yield s, e


def _norm(tokens: Tokens, i: int, ignore_case: bool) -> str:
    return normalize(tokens[i], ignore_case=ignore_case)


def compile_patterns(patterns: Iterable[str], *, ignore_case: bool) -> list[re.Pattern[str]]:
    flags = BASE_FLAGS | (re.IGNORECASE if ignore_case else 0)
    return [re.compile(p, flags) for p in patterns]


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
