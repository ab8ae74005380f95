"""A read-only word -> number table in a tenth of a dict's memory, quick to load from the cache.

The spelling word list (160,000 words with frequencies) and the syllable table (126,000 words)
were 26 MB of a one-draft run's 74 MB peak as dicts, and reading them back from the cache cost
more than the rest of the Linter's build. Here the words are grouped by their first three
letters, each group one string of "word<TAB>number" lines, found with `str.find`: 4,000 strings
instead of 300,000 objects. A lookup costs about a microsecond; the words already asked about
are remembered, since a draft repeats its words and a Linter its drafts'.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TypeVar, overload

T = TypeVar("T")

_UNSEEN = object()

#: Words remembered (found or not) before the memo stops growing.
MEMO_LIMIT = 200_000


def _group(word: str) -> str:
    return word[:3]


def pack(table: Mapping[str, int]) -> dict[str, str]:
    """The table as groups of lines (what the cache stores). Words holding a tab or a line
    break cannot be looked up and are left out."""
    groups: dict[str, list[str]] = {}
    for word, n in table.items():
        if "\t" in word or "\n" in word:
            continue
        groups.setdefault(_group(word), []).append(f"{word}\t{int(n)}")
    return {k: "\n" + "\n".join(v) + "\n" for k, v in groups.items()}


def sound(data: object) -> bool:
    """Is this what `pack` makes (a check for data read back from the cache)?"""
    return isinstance(data, dict) and all(
        isinstance(k, str) and isinstance(v, str) and v.startswith("\n") for k, v in data.items()
    )


class WordTable(Mapping[str, int]):
    """Read-only and safe to share between threads (the memo only ever gains entries)."""

    def __init__(self, groups: dict[str, str]) -> None:
        self._groups = groups
        self._memo: dict[str, int | None] = {}
        self._len: int | None = None

    @overload
    def get(self, word: str, /) -> int | None: ...
    @overload
    def get(self, word: str, default: int, /) -> int: ...
    @overload
    def get(self, word: str, default: T, /) -> int | T: ...

    def get(self, word: str, default: object = None, /) -> object:
        memo = self._memo
        if word in memo:
            found = memo[word]
        else:
            found = None
            group = self._groups.get(_group(word))
            if group is not None and "\t" not in word and "\n" not in word:
                i = group.find(f"\n{word}\t")
                if i >= 0:
                    start = i + len(word) + 2
                    found = int(group[start : group.index("\n", start)])
            if len(memo) < MEMO_LIMIT:
                memo[word] = found
        return default if found is None else found

    def _find(self, word: str) -> int | None:
        found = self.get(word)
        return found if isinstance(found, int) else None

    def __contains__(self, word: object) -> bool:
        # The hot path (the speller asks about every word of a draft): the memo first.
        found = self._memo.get(word, _UNSEEN) if isinstance(word, str) else None
        if found is _UNSEEN:
            return self._find(word) is not None  # type: ignore[arg-type]
        return found is not None

    def __getitem__(self, word: str) -> int:
        found = self._find(word)
        if found is None:
            raise KeyError(word)
        return found

    def absent(self, words: Iterable[str]) -> set[str]:
        """The words that are not in the table (`word not in table` for each, in one loop over
        the memo: the speller asks this of every distinct word of every paragraph)."""
        memo = self._memo
        out: set[str] = set()
        for word in words:
            found = memo.get(word, _UNSEEN)
            if found is _UNSEEN:
                found = self.get(word)
            if found is None:
                out.add(word)
        return out

    def items_starting(self, prefix: str) -> Iterator[tuple[str, int]]:
        """(word, number) of every word that starts with `prefix`. A prefix of three letters
        or more has all its words in one group (a word's group is its first three letters),
        so only that group is read, not the whole table."""
        if len(prefix) < 3:
            for word, n in self.items():
                if word.startswith(prefix):
                    yield word, n
            return
        group = self._groups.get(_group(prefix))
        if group is None:
            return
        for line in group[1:-1].split("\n"):
            word, _, number = line.partition("\t")
            if word.startswith(prefix):
                yield word, int(number)

    def __iter__(self) -> Iterator[str]:
        for group in self._groups.values():
            for line in group[1:-1].split("\n"):
                yield line.partition("\t")[0]

    def __len__(self) -> int:
        if self._len is None:
            self._len = sum(g.count("\n") - 1 for g in self._groups.values())
        return self._len
