"""Profanity, slurs and insults: the word lists in `data/profanity.txt` and `data/insults.txt`,
and a matcher that also reads censored forms ("sh*t", "f***ing", "b!tch").

A set lookup per word of the text, so the cost is one regex pass over the text whatever the
size of the lists (better-profanity's own matcher, which we measured, takes ~100 ms a draft).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# A word, possibly with masked letters inside or at the end: "sh*t", "f***ing", "b!tch", "f**".
_TOKEN = re.compile(r"(?<![\w*#@$!])[A-Za-z][A-Za-z*#@$!]*[A-Za-z*#]|(?<![\w*#@$!])[A-Za-z]\b")
_MASK = re.compile(r"[*#@$!]")
_MEMO_LIMIT = 10_000
#: What `_kinds` gives for a word not seen yet (no kind is spelt so).
_UNSEEN = "\0"
_SUFFIXES = ("", "s", "ed", "ing", "in", "er", "ers", "y", "head", "face")


@dataclass(frozen=True)
class BadWords:
    stems: tuple[str, ...]
    words: frozenset[str]
    insults: frozenset[str]
    #: Every listed form, for reading a censored word against.
    forms: tuple[str, ...]
    #: What `_uncensors` said of each censored word seen (it compiles two patterns a word;
    #: "$" and "!" make many words look censored). Bounded by `_MEMO_LIMIT`.
    _memo: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    #: What `kind_of` said of each word seen (`find`), bounded by `_MEMO_LIMIT`.
    _kinds: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def kind_of(self, word: str) -> str | None:
        """'profanity', 'insult' or None for one word (lower case, possibly censored)."""
        if _MASK.search(word):
            return "profanity" if self._uncensors(word) else None
        if word in self.words or word.startswith(self.stems):
            return "profanity"
        if word in self.insults:
            return "insult"
        return None

    def _uncensors(self, word: str) -> bool:
        known = self._memo.get(word)
        if known is None:
            known = self._reads_as_listed(word)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[word] = known
        return known

    def _reads_as_listed(self, word: str) -> bool:
        letters = _MASK.sub("", word)
        if len(letters) < 1 or len(word) < 3 or letters == word:
            return False
        # Each mark hides one letter ("f**k"); failing that, a run hides one to four ("f*ing").
        exact = re.compile("".join("[a-z]" if _MASK.match(c) else re.escape(c) for c in word))
        loose = re.compile(
            "".join(
                "[a-z]{1,4}" if _MASK.match(run) else re.escape(run)
                for run in re.findall(r"[*#@$!]+|[a-z]+", word)
            )
        )
        if any(exact.fullmatch(f) for f in self.forms):
            return True
        return any(loose.fullmatch(f) for f in self.forms)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every profane or insulting word in the text."""
        out: list[tuple[int, int, str]] = []
        # What each word read as, kept: a draft repeats its words and a Linter its drafts', so
        # most words cost one look-up (bounded like the censored-word memo).
        kinds = self._kinds
        for m in _TOKEN.finditer(text):
            word = m.group().lower()
            kind = kinds.get(word, _UNSEEN)
            if kind == _UNSEEN:
                kind = self.kind_of(word)
                if len(kinds) < _MEMO_LIMIT:
                    kinds[word] = kind
            if kind is not None:
                out.append((m.start(), m.end(), kind))
        return out


def _read(name: str) -> dict[str, list[str]]:
    text = resources.files("followup_lint.analysis").joinpath(f"data/{name}").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        current.extend(w.lower() for w in line.split())
    return sections


@lru_cache(maxsize=1)
def bad_words() -> BadWords:
    prof = _read("profanity.txt")
    stems = tuple(prof.get("stems", []))
    words = frozenset(prof.get("words", []))
    insults = frozenset(_read("insults.txt")[""])
    forms = tuple(sorted(words | {s + x for s in stems for x in _SUFFIXES}))
    return BadWords(stems, words, insults, forms)
