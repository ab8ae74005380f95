"""The act lexicon: for each thing a sentence can do, the patterns that say it does it.

The patterns are data (`data/acts.txt`); this module only loads and compiles them, once per
process. `sentences.py` applies them to each sentence and adds the judgement a pattern cannot
make alone (negation, whose interest it is, sarcasm).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from followup_lint import regex_cache
from followup_lint.analysis.textpatterns import (
    ODD_FOLDS,
    OPENINGS,
    Prefiltered,
    literal_openings,
    loose,
)

#: Acts a sentence can do, in the order the lexicon lists them.
ACTS = (
    "thanks",
    "interest",
    "refers_to_interview",
    "asks_update",
    "declines",
    "gives_reason",
    "door_open",
    "closes_door",
    "apologises",
    "negotiates",
    "demands",
    "complaint",
    "hostility",
    "passive_aggression",
    "sarcasm",
    "gift",
)
#: Sections of the lexicon that are not acts but help to judge one.
HELPERS = ("sarcastic_object", "topic_cue", "artefact", "stock_head", "vague_word")


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"acts.txt: pattern before any [section]: {line!r}")
        current.append(line)
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[str]]:
    """The raw sections of `data/acts.txt` (patterns, or words for the word sections)."""
    text = resources.files("followup_lint.analysis").joinpath("data/acts.txt")
    return _sections(text.read_text(encoding="utf-8"))


class _LazyPrefiltered(Prefiltered):
    """A Prefiltered whose regex compiles on first use. Its literal openings come from the
    on-disk cache (textpatterns.OPENINGS) once a run has worked them out, so a sentence whose
    words rule the act out never pays for compiling it: compiling every act's alternation was
    a quarter of a one-draft run."""

    __slots__ = ("_flags", "_rx", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags
        self._rx: re.Pattern[str] | None = None
        known, found = OPENINGS.get(source, flags)
        if not known:
            self._rx = regex_cache.compile(source, flags)
            found = literal_openings(self._rx)
        self.openings = tuple(found) if found is not None else None
        self.fold = bool(flags & re.IGNORECASE)

    @property
    def regex(self) -> re.Pattern[str]:  # type: ignore[override]
        rx = self._rx
        if rx is None:  # two threads may both compile it: the same pattern, no harm
            rx = self._rx = regex_cache.compile(self._source, self._flags)
        return rx


_KEY = regex_cache.compile(r"[\w'’-]{1,3}")


#: Characters other than letters and digits at which a lexicon pattern may start ("'d like",
#: a question mark): their positions are indexed too (`word_index`).
_MARKS = "'?"
_MARK_RE = regex_cache.compile(f"[{re.escape(_MARKS)}]")


def _start_keys(openings: Iterable[str] | None, bounded: bool) -> frozenset[str] | None:
    """Where a pattern's matches may start, as keys of `WordIndex.at`: the first one to three
    letters of each opening that starts a word (the pattern starts with \\b: `bounded`), or
    the mark an opening starts with. None when some opening fits neither: then a match may
    start anywhere."""
    if openings is None:
        return None
    keys: set[str] = set()
    for o in openings:
        if o[:1].isalnum() and bounded:
            word = _KEY.match(o)
            if not word:
                return None
            keys.add(word.group())
        elif o[:1] and o[0] in _MARKS:
            keys.add(o[0])
        else:
            return None
    return frozenset(keys) if keys else None


class _Line:
    """One pattern of a lexicon section, compiled on first use (its openings come from the
    on-disk cache once a run has worked them out)."""

    __slots__ = ("_rx", "firsts", "flags", "keys", "source")

    def __init__(self, source: str, flags: int, bounded: bool) -> None:
        self.source, self.flags = source, flags
        self._rx: re.Pattern[str] | None = None
        known, found = OPENINGS.get(source, flags)
        if not known:
            self._rx = regex_cache.compile(source, flags)
            found = literal_openings(self._rx)
        self.keys = _start_keys(found, bounded)
        #: What comes before the first space of each opening (a space there stands for any
        #: run of white space): a match begins with one of them in the lower-cased text.
        self.firsts = tuple({o.split(" ")[0] for o in found or ()})

    @property
    def rx(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:  # two threads may both compile it: the same pattern, no harm
            rx = self._rx = regex_cache.compile(self.source, self.flags)
        return rx


class Section:
    """A lexicon section as its patterns, one by one, for sections every match of which starts
    at a word beginning or a mark (`_start_keys`). Trying, at one position, the patterns that may start
    there, in the lexicon's order, and taking the first that matches is what the section's
    alternation does at that position; and a one-draft run compiles only the patterns whose
    first words the draft has, not every section's whole alternation."""

    __slots__ = ("_heads", "by_key", "keys", "lines")

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.by_key: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            for key in line.keys or ():
                self.by_key.setdefault(key, []).append(i)
        #: Every key some match may start at: a text with none of them has no match.
        self.keys = frozenset(self.by_key)
        self._heads: dict[str, tuple[_Line, ...]] = {}

    def _at(self, head: str) -> tuple[_Line, ...]:
        ids: set[int] = set()
        for key in (head[:1], head[:2], head):
            ids.update(self.by_key.get(key, ()))
        got = tuple(self.lines[i] for i in sorted(ids))
        if len(self._heads) < 50_000:  # bounded: a server sees many words
            self._heads[head] = got
        return got

    def match(self, text: str, low: str, pos: int) -> re.Match[str] | None:
        """The section's match at `pos` (`low`: the text lower-cased, letter for letter)."""
        head = low[pos : pos + 3]
        lines = self._heads.get(head)
        if lines is None:
            lines = self._at(head)
        for line in lines:
            rx = line._rx
            if rx is None:
                # Not compiled yet: a pattern whose openings are not here is not compiled for
                # nothing (a one-draft run compiles only the patterns it may need).
                if not low.startswith(line.firsts, pos):
                    continue
                rx = line.rx
            m = rx.match(text, pos)
            if m is not None:
                return m
        return None

    def compile_all(self) -> None:
        for line in self.lines:
            line.rx  # noqa: B018 - compiled and kept


def _flags() -> int:
    # re.UNICODE is what re.compile adds: the flags the openings are cached under.
    return re.I | re.UNICODE


@lru_cache(maxsize=1)
def sections() -> dict[str, Section]:
    """The sections whose every pattern's matches start at a word beginning or at a mark (see
    `_start_keys`), as their patterns one by one."""
    lex = lexicon()
    out: dict[str, Section] = {}
    for name in (*ACTS, "sarcastic_object", "topic_cue", "artefact"):
        lines = [_Line(f"(?:{loose(p)})", _flags(), p.startswith("\\b")) for p in lex[name]]
        if lines and all(line.keys is not None for line in lines):
            out[name] = Section(lines)
    return out


@lru_cache(maxsize=1)
def compiled() -> dict[str, Prefiltered]:
    """One case-insensitive alternation per act (and per pattern helper), compiled once."""
    lex = lexicon()
    out: dict[str, Prefiltered] = {}
    for name in (*ACTS, "sarcastic_object", "topic_cue", "artefact"):
        patterns = lex.get(name)
        if not patterns:
            raise ValueError(f"acts.txt: no [{name}] section")
        joined = "|".join(f"(?:{loose(p)})" for p in patterns)
        out[name] = _LazyPrefiltered(joined, _flags())
    return out


@cache
def words(name: str) -> frozenset[str]:
    """A word section of the lexicon (`stock_head`, `vague_word`) as a set of lower-case words."""
    return frozenset(w.lower() for line in lexicon().get(name, []) for w in line.split())


def known_acts() -> tuple[str, ...]:
    """Every act a sentence can be found to do (the lexicon's, and the judged ones)."""
    return (*ACTS, "thanks_sarcastic")


_WORD_START = regex_cache.compile(r"\b\w")


def word_keys(text: str) -> frozenset[str]:
    """The first one, two and three letters of every word of a text (lower case), and the
    marks it holds: what `gates()` and `Section.keys` compare with."""
    return frozenset(word_index(text).at)


class WordIndex:
    """Where each word of a text begins, by its first one, two and three letters (lower case).

    `exact` says the lower-cased text lines up with the text character for character and holds
    no letter that re.IGNORECASE folds differently from str.lower(): then a pattern that must
    start at one of these beginnings can be tried at those positions only (`starts`)."""

    __slots__ = ("at", "exact", "low")

    def __init__(self, at: dict[str, list[int]], exact: bool, low: str) -> None:
        self.at = at
        self.exact = exact
        #: The text lower-cased.
        self.low = low

    def starts(self, keys: frozenset[str]) -> list[int]:
        """The word beginnings whose first letters are one of `keys`, in text order."""
        found: set[int] = set()
        for k in keys.intersection(self.at):
            found.update(self.at[k])
        return sorted(found)


def word_index(text: str) -> WordIndex:
    low = text.lower()
    at: dict[str, list[int]] = {}
    for m in _WORD_START.finditer(low):
        p = m.start()
        for n in (1, 2, 3):
            at.setdefault(low[p : p + n], []).append(p)
    for m in _MARK_RE.finditer(low):
        at.setdefault(m.group(), []).append(m.start())
    exact = len(low) == len(text) and (
        text.isascii() or (ODD_FOLDS is not None and ODD_FOLDS.isdisjoint(text))
    )
    return WordIndex(at, exact, low)


@lru_cache(maxsize=1)
def gates() -> dict[str, frozenset[str] | None]:
    """For each compiled section, the word beginnings one of which every match starts with, or
    None when that cannot be said (a pattern that does not start at a word boundary, or whose
    literal opening is unknown). A sentence none of whose words begins so cannot match: one set
    intersection instead of the regex, or of hundreds of substring tests."""
    lex = lexicon()
    out: dict[str, frozenset[str] | None] = {}
    for name, pre in compiled().items():
        openings = pre.openings
        if openings is None or not all(p.startswith("\\b") for p in lex[name]):
            out[name] = None
            continue
        keys: set[str] = set()
        for o in openings:
            head = o.lstrip()
            word = re.match(r"[\w'’-]{1,3}", head)
            if not word or not head[:1].isalnum():
                keys = set()
                break
            keys.add(word.group())
        out[name] = frozenset(keys) if keys else None
    return out
