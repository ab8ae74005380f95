"""Shared matching machinery: phrase lists on the draft's own tokens, regexes compiled once,
and filtering hits to the parts a rule looks at."""

from __future__ import annotations

import bisect
import re
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from followup_lint import regex_cache
from followup_lint.analysis.textpatterns import OPENINGS, fold, required_literals, spaced
from followup_lint.analysis.tokens import phrase_tokens
from followup_lint.safe_regex import compile_pattern, compiling_user_patterns

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


#: The first token of every phrase of every PhraseSet built in this process, per case mode:
#: a draft's token index holds only these (the only tokens ever looked up). It only grows.
_FIRSTS: dict[bool, set[str]] = {True: set(), False: set()}


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
        self._by_first: dict[str, list[tuple[list[str], str]]] = {}
        for phrase in self.phrases:
            seq = phrase_tokens(phrase, ignore_case=ignore_case)
            if seq:
                self._by_first.setdefault(seq[0], []).append((list(seq), phrase))
        for options in self._by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        _FIRSTS[ignore_case].update(self._by_first)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def found(self, analysis: Analysis, parts: Sequence[Part]) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as written in the rule) of every phrase inside the parts,
        left to right; where two overlap, the one starting first (then the longest) wins."""
        if not self._by_first or not parts:
            return
        tokens = analysis.tokens
        index = tokens.index(ignore_case=self.ignore_case, keys=_FIRSTS[self.ignore_case])
        norms = tokens.norms(ignore_case=self.ignore_case)
        starts, ends = tokens.starts, tokens.ends
        n = len(starts)
        hits: list[tuple[int, int, str]] = []
        for first, options in self._by_first.items():
            for i in index.get(first, ()):
                for seq, phrase in options:
                    j = i + len(seq) - 1
                    if j >= n:
                        continue
                    # The second token first: most options fail there, without a slice.
                    if len(seq) > 1 and not (
                        norms[i + 1] == seq[1] and norms[i : j + 1] == seq and tokens.joined(i, j)
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


#: The literal openings (or other required literals) of every LazyPattern made in this process,
#: by case mode (True: the pattern ignores case; its openings are lower case and are looked for
#: in `fold(text)`).
_UNIVERSE: dict[bool, set[str]] = {True: set(), False: set()}
_index_lock = threading.Lock()
#: The index over `_UNIVERSE`, rebuilt (on next use) when a pattern brings a new opening.
_index: list[OpeningIndex | None] = [None]


def _register_openings(openings: frozenset[str], ignore_case: bool) -> None:
    universe = _UNIVERSE[ignore_case]
    if not universe.issuperset(openings):
        with _index_lock:
            universe.update(openings)
            _index[0] = None  # after the update: an index built from now on includes them


def _trie_source(words: Sequence[str]) -> str:
    """One pattern that, at each position, matches the longest of `words` (sorted, distinct,
    none empty) that starts there (a lookahead, so every position is tried): the words as a
    trie, each node an alternation of the next characters, the end of a word an optional tail
    (greedy: the longest first). Built from the sorted list, where the words that share a
    prefix are neighbours (a dict trie took twice as long: this runs in every process)."""
    escaped: dict[str, str] = {}

    def emit(group: Sequence[str], depth: int) -> str:
        ends = False
        kids: list[str] = []
        i, n = 0, len(group)
        while i < n:
            if len(group[i]) == depth:  # sorts before its longer neighbours
                ends = True
                i += 1
                continue
            c = group[i][depth]
            j = i + 1
            while j < n and group[j][depth] == c:  # group[j] is longer than depth: sorted
                j += 1
            mark = escaped.get(c)
            if mark is None:
                mark = escaped[c] = re.escape(c)
            kids.append(mark + emit(group[i:j], depth + 1))
            i = j
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if ends else body

    return f"(?=({emit(words, 0)}))"


#: A pattern and what the pre-test asks of it (`OpeningIndex.asks`).
_Ask = tuple["re.Pattern[str] | LazyPattern", "frozenset[str] | None", bool]
_Asks = tuple[list[_Ask], frozenset[bool]]


class OpeningIndex:
    """Which literal openings (of every pattern made so far) occur in a text, found in one
    pass: the pre-test of `regex_matches` then costs a set test per pattern instead of a
    substring search per opening (a thousand of them over each scope of each draft).

    `present` gives exactly the openings `o` with `o in hay`: the trie finds, at each position,
    the longest opening starting there, and every other opening starting there is a prefix of
    it (so its prefixes that are openings are added)."""

    def __init__(self, folded: frozenset[str], plain: frozenset[str]) -> None:
        self.universe = {True: folded, False: plain}
        self._rx = {
            mode: regex_cache.compile(_trie_source(sorted(words)), re.DOTALL) if words else None
            for mode, words in self.universe.items()
        }
        #: A longest match -> the openings that are its prefixes (bounded by the universe).
        self._prefixes: dict[bool, dict[str, tuple[str, ...]]] = {True: {}, False: {}}
        #: id of a rule's pattern list -> (that list, what `asks` made of it).
        self._asks: dict[int, tuple[Sequence[re.Pattern[str] | LazyPattern], _Asks]] = {}

    def asks(self, patterns: Sequence[re.Pattern[str] | LazyPattern]) -> _Asks:
        """What each pattern is asked: its opening set and case mode, or None to ask
        `_may_match` (a pattern without openings, one compiled at once on RE2, or one the index
        lacks); and the case modes some opening set needs. Worked out once per pattern list
        (a rule's list is the same object for every draft), not once per rule and draft."""
        got = self._asks.get(id(patterns))
        if got is not None and got[0] is patterns:
            return got[1]
        made: list[_Ask] = []
        for rx in patterns:
            if isinstance(rx, LazyPattern):
                opening_set = rx.opening_set
                if opening_set is not None and opening_set <= self.universe[rx.ignore_case]:
                    made.append((rx, opening_set, rx.ignore_case))
                    continue
            made.append((rx, None, False))
        result: _Asks = (made, frozenset(a[2] for a in made if a[1] is not None))
        if len(self._asks) < 10_000:  # bounded: user rules rebuilt in a long session
            # The list itself is kept with its answer, so its id cannot be reused meanwhile.
            self._asks[id(patterns)] = (patterns, result)
        return result

    def present(self, hay: str, ignore_case: bool) -> frozenset[str]:
        rx = self._rx[ignore_case]
        if rx is None:
            return frozenset()
        universe = self.universe[ignore_case]
        prefixes = self._prefixes[ignore_case]
        out: set[str] = set()
        for longest in set(rx.findall(hay)):
            known = prefixes.get(longest)
            if known is None:
                known = prefixes[longest] = tuple(
                    longest[:k] for k in range(1, len(longest) + 1) if longest[:k] in universe
                )
            out.update(known)
        return frozenset(out)


#: Drafts linted in this process that asked for the pre-test (`regex_matches` with an
#: Analysis), counted until the index is first built.
_drafts_asked = [0]
#: The index is built for the second draft on: building it (about a millisecond) costs more
#: than the substring tests of one draft, which is all a one-draft run lints.
_INDEX_FROM_DRAFT = 2


def _index_for(analysis: Analysis) -> OpeningIndex | None:
    """The opening index, or None while this process has linted too few drafts for it to pay
    (then `_may_match` answers: the same answers)."""
    found = _index[0]
    if found is not None:
        return found
    if "matching:asked" not in analysis.cache:
        analysis.cache["matching:asked"] = True
        _drafts_asked[0] += 1
    if _drafts_asked[0] < _INDEX_FROM_DRAFT:
        return None
    return opening_index()


def opening_index() -> OpeningIndex:
    """The index over the openings of every pattern made so far (built when first needed
    after a new one)."""
    found = _index[0]
    if found is None:
        with _index_lock:
            found = _index[0]
            if found is None:
                found = OpeningIndex(frozenset(_UNIVERSE[True]), frozenset(_UNIVERSE[False]))
                _index[0] = found
    return found


#: Every LazyPattern made in this process (weakly held), so a long-running process can compile
#: them all ahead of need (`compile_all`, the language server's warm-up).
_LAZY: weakref.WeakSet[LazyPattern] = weakref.WeakSet()


def compile_all() -> int:
    """Compile every pattern still waiting for its first use; return how many were."""
    waiting = [p for p in list(_LAZY) if p._rx is None]
    for p in waiting:
        p.rx  # noqa: B018 - compiles and keeps it
    return len(waiting)


class LazyPattern:
    """A rule's regex, compiled the first time a draft passes its cheap pre-test.

    Compiling every pattern of every rule was a fifth of a one-draft run, and most of them never
    get past the pre-test (none of their literal openings is in the draft). The openings are
    worked out once per machine and kept in the on-disk cache with the pattern's source and
    flags (see `textpatterns.Openings`); a pattern seen for the first time is compiled at once, so a broken
    pattern fails when the Linter is built, never later."""

    __slots__ = (
        "__weakref__",
        "_rx",
        "flags",
        "ignore_case",
        "opening_set",
        "openings",
        "pattern",
    )

    def __init__(self, source: str, flags: int) -> None:
        self.pattern = source
        self._rx: re.Pattern[str] | None = None
        # "Openings" here are the literals one of which every match holds (its literal
        # openings, or a rarer literal further in: `required_literals`), which is all the
        # pre-test asks.
        known, openings = OPENINGS.get(source, flags, kind="required")
        if not known:
            self._rx = regex_cache.compile(source, flags)
            openings = required_literals(self._rx)  # stored in OPENINGS by required_literals
        self.flags = self._rx.flags if self._rx is not None else flags | re.UNICODE
        self.ignore_case = bool(flags & re.IGNORECASE)
        self.openings: tuple[str, ...] | None = tuple(openings) if openings is not None else None
        self.opening_set = frozenset(openings) if openings is not None else None
        if self.opening_set is not None:
            _register_openings(self.opening_set, self.ignore_case)
        if self._rx is None:
            _LAZY.add(self)

    @property
    def rx(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:  # two threads may both compile: the same pattern, no harm
            rx = self._rx = regex_cache.compile(self.pattern, self.flags)
        return rx

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(text)


def save_compiled() -> None:
    """Keep the openings worked out so far for the next run (the Linter calls this)."""
    OPENINGS.save()


def compile_patterns(
    patterns: Iterable[str], *, ignore_case: bool
) -> list[LazyPattern | re.Pattern[str]]:
    flags = BASE_FLAGS | (re.IGNORECASE if ignore_case else 0)
    if compiling_user_patterns():
        # A user's patterns (their rule folder, a config override) compile at once on RE2
        # (linear time), so an invalid or unsafe one fails when the Linter is built.
        return [compile_pattern(p, flags) for p in patterns]
    return [LazyPattern(p, flags) for p in patterns]


#: A part and the two texts the pre-test reads (`spaced`, `fold`).
_PartTexts = tuple["Part", str, str]


def _part_texts(parts: Sequence[Part], analysis: Analysis | None) -> list[_PartTexts]:
    if analysis is None:
        return [(part, spaced(part.text), fold(part.text)) for part in parts]
    # Worked out once per draft: every pattern rule asks for the same parts (a part in
    # several scopes, body, message, whole, is folded once; a draft of thousands of
    # paragraphs would otherwise fold each of them again for every rule).
    each: dict[tuple[int, int], _PartTexts] = analysis.cache.setdefault("matching:part-texts", {})
    texts = []
    for part in parts:
        one = each.get((part.start, part.end))
        if one is None or (one[0] is not part and one[0] != part):
            one = each[(part.start, part.end)] = (part, spaced(part.text), fold(part.text))
        texts.append(one)
    return texts


def _present(
    analysis: Analysis, index: OpeningIndex, texts: list[_PartTexts], ignore_case: bool
) -> list[frozenset[str]]:
    """For each part, the openings of the index present in its folded text (`ignore_case`)
    or its plain text, worked out once per draft, and only for a case some pattern asks about
    (few patterns are case-sensitive)."""
    cache: dict[tuple[int, int, bool], tuple[OpeningIndex, frozenset[str]]]
    cache = analysis.cache.setdefault("matching:present", {})
    out = []
    for part, plain, lowered in texts:
        key = (part.start, part.end, ignore_case)
        got = cache.get(key)
        if got is None or got[0] is not index:
            got = cache[key] = (
                index,
                index.present(lowered if ignore_case else plain, ignore_case),
            )
        out.append(got[1])
    return out


def regex_matches(
    patterns: Sequence[re.Pattern[str] | LazyPattern],
    parts: Sequence[Part],
    analysis: Analysis | None = None,
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Every match of every pattern inside each part, as draft offsets (`analysis`: the draft's
    Analysis, which keeps what the pre-test reads for the next rule)."""
    if not patterns or not parts:
        return
    texts = _part_texts(parts, analysis)
    index = _index_for(analysis) if analysis is not None else None
    if analysis is not None and index is not None:
        yield from _indexed_matches(patterns, texts, analysis, index)
        return
    live: Sequence[re.Pattern[str] | LazyPattern] = patterns
    if len(texts) > 1:
        # One pre-test over all the parts first: most patterns find none of their openings
        # anywhere in the scope, and then no part needs asking. (Joining can only add false
        # "maybe"s at the seams, which the per-part test below settles.)
        plain_all = "\n".join(t[1] for t in texts)
        lowered_all = "\n".join(t[2] for t in texts)
        live = [rx for rx in patterns if _may_match(rx, plain_all, lowered_all)]
        if not live:
            return
    for part, plain, lowered in texts:
        for rx in live:
            if not _may_match(rx, plain, lowered):
                continue  # none of the pattern's literal openings is in the part: no match
            for m in rx.finditer(part.text):
                if m.end() > m.start():
                    yield part.start + m.start(), part.start + m.end(), m


def _indexed_matches(
    patterns: Sequence[re.Pattern[str] | LazyPattern],
    texts: list[_PartTexts],
    analysis: Analysis,
    index: OpeningIndex,
) -> Iterator[tuple[int, int, re.Match[str]]]:
    """`regex_matches` with the pre-test read from the opening index: the same parts scanned
    by the same patterns in the same order (a pattern is scanned over a part exactly when one
    of its openings is in the part's text, as `_may_match` says)."""
    asks, modes = index.asks(patterns)
    none: list[frozenset[str]] = [frozenset()] * len(texts)
    present = {
        mode: _present(analysis, index, texts, mode) if mode in modes else none
        for mode in (True, False)
    }
    if len(texts) > 1:
        every = {mode: frozenset().union(*present[mode]) for mode in modes}
        asks = [a for a in asks if a[1] is None or not a[1].isdisjoint(every[a[2]])]
        if not asks:
            return
    for i, (part, plain, lowered) in enumerate(texts):
        for rx, opening_set, ignore_case in asks:
            if opening_set is None:
                if not _may_match(rx, plain, lowered):
                    continue
            elif opening_set.isdisjoint(present[ignore_case][i]):
                continue  # none of the pattern's literal openings is in the part: no match
            for m in rx.finditer(part.text):
                if m.end() > m.start():
                    yield part.start + m.start(), part.start + m.end(), m


@lru_cache(maxsize=4096)
def _openings(rx: re.Pattern[str]) -> tuple[tuple[str, ...] | None, bool]:
    openings = required_literals(rx)
    return (tuple(openings) if openings is not None else None), bool(rx.flags & re.IGNORECASE)


def _may_match(rx: re.Pattern[str] | LazyPattern, plain: str, lowered: str) -> bool:
    """A cheap substring test before the regex scan (see textpatterns.required_literals)."""
    if isinstance(rx, LazyPattern):
        openings, ignore_case = rx.openings, rx.ignore_case
    else:
        openings, ignore_case = _openings(rx)
    if openings is None:
        return True
    hay = lowered if ignore_case else plain
    for o in openings:  # noqa: SIM110 - a plain loop: no generator per call on the hot path
        if o in hay:
            return True
    return False


def match_case(template: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
