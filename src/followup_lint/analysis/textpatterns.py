"""Small helpers for the hand-written regular expressions of kind detection and the judgements."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from followup_lint import regex_cache

#: What `loose` steps over: an escape (a backslash and the character after it), a bracket, a
#: space with its optional "?", or a run of anything else. A pattern is a few dozen of these,
#: not hundreds of characters one at a time (kind detection and the acts loosen ~170 patterns).
_LOOSE_TOKENS = re.compile(r"\\.?|\[|\]| \??|[^\\\[\] ]+", re.S)


def loose(pattern: str) -> str:
    """Let each literal space in a pattern match any run of whitespace, line breaks included:
    drafts are often hard-wrapped, and a phrase must not be missed because it spans two lines.
    Spaces inside character classes are left alone."""
    out: list[str] = []
    depth = 0
    for m in _LOOSE_TOKENS.finditer(pattern):
        tok = m.group()
        first = tok[0]
        if first == "[":
            depth += 1
        elif first == "]":
            depth -= 1 if depth else 0
        elif first == " " and depth == 0:
            out.append(r"\s*" if len(tok) == 2 else r"\s+")  # " ?" is an optional space
            continue
        out.append(tok)
    return "".join(out)


# -- a literal prefilter ---------------------------------------------------------------------
#
# Python's `re` tries every alternative at every position of the text, so a rule with ten
# alternations costs about as much on a draft that contains none of its words as on one that
# does. Most patterns begin with a literal word ("thank", "sorry", "asap"), so before running a
# pattern we ask whether any of its possible literal openings occurs in the text at all: a
# substring test in C, far cheaper than the scan. When a pattern's openings cannot be worked out
# (it starts with a character class, say), it always runs. The filter never changes a result:
# tests/test_textpatterns.py checks that on every rule pattern and draft we have.

_MAX_PREFIX = 8
_MAX_ALTERNATIVES = 512

if sys.version_info >= (3, 11):
    import re._constants as _sre_c  # type: ignore[import-not-found]  # no stubs
    import re._parser as _sre_p  # type: ignore[import-not-found]  # no stubs
else:  # pragma: no cover
    import sre_constants as _sre_c
    import sre_parse as _sre_p

_ZERO_WIDTH = (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT)


class _Unknown(Exception):
    """The pattern's literal opening cannot be worked out."""


def _is_space(op: Any, av: Any) -> bool:
    """`\\s`, or a literal whitespace character."""
    if op is _sre_c.LITERAL:
        return chr(av).isspace()
    return op is _sre_c.IN and list(av) == [(_sre_c.CATEGORY, _sre_c.CATEGORY_SPACE)]


def _add(strings: set[str], piece: str) -> set[str]:
    # Whitespace runs collapse to one space, as they do in `fold(text)`.
    if piece == " ":
        return {s if s.endswith(" ") else s + " " for s in strings}
    return {s + piece for s in strings}


def _expand(items: list[Any], starts: set[str], fold: bool) -> set[str]:
    """Extend each string in `starts` by the literal opening of `items` (a parsed sequence)."""
    done = {s for s in starts if len(s) >= _MAX_PREFIX}
    todo = starts - done
    for i, (op, av) in enumerate(items):
        if not todo:
            break
        rest = items[i + 1 :]
        if op in _ZERO_WIDTH:
            continue
        if _is_space(op, av):
            todo = _add(todo, " ")
        elif op is _sre_c.LITERAL:
            todo = _add(todo, chr(av).lower() if fold else chr(av))
        elif op is _sre_c.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # inline flags such as (?i:...) change how letters match
            return done | _expand(list(av[-1]) + rest, todo, fold)
        elif op is _sre_c.BRANCH:
            out = set(done)
            for alt in av[1]:
                out |= _expand(list(alt) + rest, todo, fold)
                if len(out) > _MAX_ALTERNATIVES:
                    raise _Unknown
            return out
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT):
            lo, hi, item = av
            if len(item) == 1 and _is_space(*item[0]):
                # Any run of whitespace reads as one space in the folded text.
                spaced = _expand(rest, _add(todo, " "), fold)
                return done | spaced | (_expand(rest, todo, fold) if lo == 0 else set())
            # Exactly one more: the item, then the rest. Possibly more: the opening ends after
            # the first repetition, since the next character may be the item's again.
            once = _expand(list(item) + rest if hi == 1 else list(item), todo, fold)
            if lo == 0:
                return done | _expand(rest, todo, fold) | once
            return done | once
        else:
            break  # a class, a category, any character: the literal opening ends here
        done |= {s for s in todo if len(s) >= _MAX_PREFIX}
        todo = {s for s in todo if len(s) < _MAX_PREFIX}
    return done | todo


# -- literals anywhere in a match ---------------------------------------------------------------
#
# A pattern such as "\\b(?:I|we|you) (?:am|are) ... quiet" opens with words found in every draft,
# so its openings rule nothing out; but every match holds "quiet" somewhere, which few drafts
# do. `required_literals` finds, among the pattern's literal runs (and alternations of them)
# that every match must contain, the one least likely to be in a text (by its shortest string),
# and compares it with the openings. Only a test of presence may use it, never one of where a
# match starts.

#: Longest required literal kept (any piece of a required literal is required too).
_MAX_REQUIRED = 16


def _is_space_class(op: Any, av: Any) -> bool:
    """`\\s`, a literal whitespace character, or a class of nothing but those (`[ \\t]`)."""
    if _is_space(op, av):
        return True
    if op is not _sre_c.IN:
        return False
    return bool(av) and all(
        (o is _sre_c.LITERAL and chr(a).isspace())
        or (o is _sre_c.CATEGORY and a is _sre_c.CATEGORY_SPACE)
        for o, a in av
    )


def _score(found: set[str]) -> tuple[int, int]:
    # The shortest string decides how often the set is in a text; fewer strings break ties.
    return (min(len(s.strip()) for s in found), -len(found))


def _required(items: list[Any], fold: bool) -> set[str] | None:
    """A set of strings one of which (as `fold` or `spaced` writes it) is in the text of every
    match of the parsed sequence `items`; None when none can be named."""
    best: set[str] | None = None
    run = ""

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if not found or any(not s.strip() for s in found):
            return
        if fold and not all(s.isascii() for s in found):
            return  # non-ASCII letters have case folds that str.lower() does not mirror
        if best is None or _score(found) > _score(best):
            best = found

    def flush() -> None:
        nonlocal run
        consider({run[:_MAX_REQUIRED]} if run.strip() else None)
        run = ""

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals on either side stay side by side
        if _is_space_class(op, av):
            run = run if run.endswith(" ") else run + " "
        elif op is _sre_c.LITERAL:
            run += chr(av).lower() if fold else chr(av)
        elif op in (_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT) and av[0] >= 1:
            item = list(av[2])
            if len(item) == 1 and _is_space_class(*item[0]):
                run = run if run.endswith(" ") else run + " "  # a run of spaces reads as one
                continue
            flush()
            consider(_required(item, fold))
        elif op is _sre_c.SUBPATTERN and not (av[1] or av[2]):
            flush()
            consider(_required(list(av[-1]), fold))
        elif op is _sre_c.BRANCH:
            flush()
            union: set[str] = set()
            for alt in av[1]:
                one = _required(list(alt), fold)
                if one is None:
                    union = set()
                    break
                union |= one
            if len(union) <= _MAX_ALTERNATIVES:
                consider(union)
        else:
            flush()  # a class, any character, a group reference, inline flags: the run ends
    flush()
    return best


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which is in `fold(text)` (the pattern ignores case; the strings are then
    lower case) or `spaced(text)` whenever the pattern matches in `text`: its literal openings,
    or a rarer literal every match holds further in. None when no such set can be worked out.
    Remembered per pattern source and flags, also between runs (`OPENINGS`)."""
    known, cached = OPENINGS.get(pattern.pattern, pattern.flags, kind="required")
    if known:
        return frozenset(cached) if cached is not None else None
    found = _required_literals(pattern)
    OPENINGS.put(pattern.pattern, pattern.flags, found, kind="required")
    return found


def _required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    openings = literal_openings(pattern)
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        inner = _required(list(_sre_p.parse(pattern.pattern, pattern.flags).data), fold)
    except (RecursionError, ValueError, TypeError):
        inner = None
    if inner is None or (openings is not None and _score(set(openings)) >= _score(inner)):
        return openings
    return frozenset(inner)


class Openings:
    """pattern source and flags -> its literal openings (or None: not worked out), shared by
    every Linter of the process and kept on disk between runs, keyed by the package version and
    the code that works them out (textpatterns.py)."""

    def __init__(self) -> None:
        self._data: dict[str, list[str] | None] | None = None
        self._dirty = False

    def _load(self) -> dict[str, list[str] | None]:
        if self._data is None:
            data: dict[str, list[str] | None] = {}
            try:
                from followup_lint.cache import load_or_build

                data = load_or_build("openings", self._key(), dict, check=_sound_openings)
            except Exception:  # the cache is only ever a shortcut
                data = {}
            self._data = data
        return self._data

    @staticmethod
    def _key() -> bytes:
        from followup_lint.cache import stat_key

        return stat_key(__file__)

    def get(
        self, source: str, flags: int, kind: str = ""
    ) -> tuple[bool, frozenset[str] | list[str] | None]:
        """(known, strings) for a pattern; `kind` "required" for `required_literals`."""
        key = f"{kind}{int(flags)}:{source}"
        data = self._load()
        if key in data:
            return True, data[key]
        return False, None

    def put(self, source: str, flags: int, openings: frozenset[str] | None, kind: str = "") -> None:
        data = self._load()
        data[f"{kind}{int(flags)}:{source}"] = sorted(openings) if openings is not None else None
        self._dirty = True

    def save(self) -> None:
        """Write what was worked out this run back to the cache (once the Linter is built)."""
        if not self._dirty or self._data is None:
            return
        from followup_lint.cache import store

        self._dirty = False
        store("openings", self._key(), dict(self._data))


def _sound_openings(d: object) -> bool:
    return isinstance(d, dict) and all(
        isinstance(k, str) and (v is None or isinstance(v, list)) for k, v in d.items()
    )


OPENINGS = Openings()


def literal_openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` starts with (lower-cased when the pattern
    ignores case), or None when no such set can be worked out. Remembered per pattern source
    and flags, also between runs (`OPENINGS`): working them out parses the pattern again."""
    known, cached = OPENINGS.get(pattern.pattern, pattern.flags)
    if known:
        return frozenset(cached) if cached is not None else None
    found = _literal_openings(pattern)
    OPENINGS.put(pattern.pattern, pattern.flags, found)
    return found


def _literal_openings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    fold = bool(pattern.flags & re.IGNORECASE)
    try:
        parsed = _sre_p.parse(pattern.pattern, pattern.flags)
        openings = _expand(list(parsed.data), {""}, fold)
    except (_Unknown, RecursionError, ValueError, TypeError):
        return None
    if not openings or "" in openings:
        return None
    if fold and not all(o.isascii() for o in openings):
        return None  # non-ASCII letters have case folds that str.lower() does not mirror
    return frozenset(openings)


# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() leaves alone.
_FOLD = str.maketrans({"ı": "i", "ſ": "s"})


def _spaced(text: str) -> str:
    return " " + " ".join(text.split()) + " "


def _fold(text: str) -> str:
    return " " + " ".join(text.lower().translate(_FOLD).split()) + " "


# Every rule scanning a part asks for the same folded text; a small cache shares it. Long texts
# are not cached, so that an editor session cannot pile up megabytes of old drafts.
_cached_spaced = lru_cache(maxsize=64)(_spaced)
_cached_fold = lru_cache(maxsize=64)(_fold)
_CACHE_LIMIT = 20_000


def spaced(text: str) -> str:
    """The text with whitespace runs as single spaces, padded with a space at each end (what
    the prefilter compares case-sensitive patterns with)."""
    return _cached_spaced(text) if len(text) <= _CACHE_LIMIT else _spaced(text)


def fold(text: str) -> str:
    """The text as the prefilter compares it: lower case (as re.IGNORECASE sees letters),
    every whitespace run one space, padded with a space at each end."""
    return _cached_fold(text) if len(text) <= _CACHE_LIMIT else _fold(text)


class Prefiltered:
    """A compiled pattern that skips texts in which none of its literal openings occur.

    `finditer`/`search`/`findall` take the text and, optionally, `fold(text)` (shared by every
    pattern scanning the same text)."""

    __slots__ = ("fold", "openings", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        found = literal_openings(regex)
        self.openings = tuple(found) if found is not None else None
        self.fold = bool(regex.flags & re.IGNORECASE)

    def possible(self, text: str, lowered: str | None = None) -> bool:
        if self.openings is None:
            return True
        hay = (lowered if lowered is not None else fold(text)) if self.fold else spaced(text)
        return any(o in hay for o in self.openings)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        return self.regex.search(text) if self.possible(text, lowered) else None

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        if self.possible(text, lowered):
            yield from self.regex.finditer(text)

    def findall(self, text: str, lowered: str | None = None) -> list[Any]:
        return self.regex.findall(text) if self.possible(text, lowered) else []

    def count(self, text: str, lowered: str | None = None, limit: int = 2) -> int:
        """How many matches, counting no further than `limit` (the scan stops there)."""
        n = 0
        for _ in self.finditer(text, lowered):
            n += 1
            if n >= limit:
                break
        return n


_WORD_START = regex_cache.compile(r"\b\w")


def _odd_folds() -> frozenset[str] | None:
    """Non-ASCII letters that re.IGNORECASE matches to a letter str.lower() does not map them
    to (the long s, the dotless i, ...), from the re module's own table; None if it moved."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # pragma: no cover - Python 3.10 keeps it elsewhere
        return None
    return frozenset(chr(c) for c in _EXTRA_CASES if c > 127)


#: Those letters (None when the re module's table moved: then no text counts as plain).
ODD_FOLDS = _odd_folds()


class LazyRegex:
    """A pattern compiled the first time it is tried (`WordIndex` tries few of its patterns on
    any one draft); its openings come from the on-disk cache once a run has worked them out.
    `flags` must be those the compiled pattern reports (re.UNICODE included)."""

    __slots__ = ("_rx", "flags", "pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern, self.flags = pattern, flags
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:  # two threads may both compile it: the same pattern, no harm
            rx = self._rx = regex_cache.compile(self.pattern, self.flags)
        return rx

    def openings(self) -> frozenset[str] | None:
        known, found = OPENINGS.get(self.pattern, self.flags)
        if known:
            return frozenset(found) if found is not None else None
        return literal_openings(self.rx)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.rx.match(text, pos)

    def findall(self, text: str) -> list[Any]:
        return self.rx.findall(text)


class WordIndex:
    """Many case-insensitive patterns that each begin at the start of a word, tried only where a
    word begins with one of their openings' first letters: one pass over the words of the text
    instead of one scan of the whole text per pattern.

    `counts(text)` gives, per pattern, how many word starts it matches at (up to `limit`).
    Patterns whose opening is unknown, or does not begin with a word character, are scanned
    the ordinary way."""

    def __init__(self, patterns: Sequence[re.Pattern[str] | LazyRegex]) -> None:
        self.patterns = patterns
        self.by_key: dict[str, list[int]] = {}
        self.scanned: list[int] = []
        for i, rx in enumerate(patterns):
            openings: frozenset[str] | None = None
            if rx.flags & re.IGNORECASE:
                openings = rx.openings() if isinstance(rx, LazyRegex) else literal_openings(rx)
            if not openings or not all(o[:1].isalnum() or o[:1] == "_" for o in openings):
                self.scanned.append(i)
                continue
            for key in {o.split(" ")[0][:3] for o in openings}:
                self.by_key.setdefault(key, []).append(i)
        self._heads: dict[str, tuple[int, ...]] = {}
        #: Each pattern's compiled form once it has been tried (a LazyRegex compiles then).
        self._rx: list[re.Pattern[str] | None] = [
            None if isinstance(rx, LazyRegex) else rx for rx in patterns
        ]

    def _tried_at(self, head: str) -> tuple[int, ...]:
        """The patterns to try where a word begins with `head` (its first three letters),
        each once, worked out once per distinct head rather than once per word."""
        ids: dict[int, None] = {}
        for key in (head[:1], head[:2], head):
            for i in self.by_key.get(key, ()):
                ids[i] = None
        got = tuple(ids)
        if len(self._heads) < 50_000:  # bounded: a server sees many words
            self._heads[head] = got
        return got

    def counts(self, text: str, limit: int = 2) -> list[int]:
        out = [0] * len(self.patterns)
        ends = [0] * len(self.patterns)  # matches do not overlap, as with findall
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: positions differ
            return [min(len(rx.findall(text)), limit) for rx in self.patterns]
        heads = self._heads
        patterns = self.patterns
        compiled = self._rx
        for m in _WORD_START.finditer(low):
            pos = m.start()
            head = low[pos : pos + 3]
            ids = heads.get(head)
            if ids is None:
                ids = self._tried_at(head)
            for i in ids:
                if out[i] >= limit or pos < ends[i]:
                    continue
                rx = compiled[i]
                if rx is None:
                    pattern = patterns[i]
                    assert isinstance(pattern, LazyRegex)
                    rx = compiled[i] = pattern.rx
                found = rx.match(text, pos)
                if found:
                    out[i] += 1
                    ends[i] = max(found.end(), pos + 1)
        for i in self.scanned:
            out[i] = min(len(self.patterns[i].findall(text)), limit)
        return out
