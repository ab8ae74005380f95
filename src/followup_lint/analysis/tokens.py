"""Our own tokenizer: the draft's tokens with their offsets, for phrase lists to match on.

spaCy's tokenizer was the only reason the default path imported spaCy (half a second and 100 MB
before the first draft). Phrase lists need much less: whole-token matching, case folded, the two
apostrophes treated alike. The tokens follow spaCy's where a phrase can tell the difference:

- a link (`https://...`, `www....`) and an address (`dana.lee@acme.com`) are one token, so "u"
  never matches inside one; so are abbreviations and numbers with inner dots ("U.S", "e.g",
  "10.30"), and contractions ("don't", "y'all");
- a possessive "'s" is a token of its own ("dude's" holds the token "dude", as in spaCy);
- hyphens, slashes and other punctuation are tokens of their own ("follow-up" is three).

Phrases are tokenized by the same function, so a phrase and the text it matches always agree.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from followup_lint import regex_cache

_TOKEN_RE = regex_cache.compile(
    r"(?:https?://|www\.)[^\s<>()\[\]{}\"']+"  # a link
    r"|[^\W_]+(?:(?:[.@&]|['’](?![sS](?![^\W_])))[^\W_]+)*"  # a word, number or address
    r"|['’][sS](?![^\W_])"  # a possessive (or "it's": spaCy splits it the same way)
    r"|\S"  # any other character: punctuation, a symbol, an emoji
)
#: The tokens of a phrase may stand on different lines of a hard-wrapped paragraph, but a blank
#: line between them separates (two paragraphs are not one phrase).
MAX_LINE_BREAKS = 1


def normalize(token: str, *, ignore_case: bool) -> str:
    """A token as phrase lists compare it: the curly apostrophe as the straight one, and
    lower-cased unless the rule is case-sensitive."""
    token = token.replace("’", "'")
    return token.lower() if ignore_case else token


@dataclass
class Tokens:
    """Token offsets into `text` (parallel lists), and lazily built indexes from a normalized
    token to where it stands."""

    text: str
    starts: list[int]
    ends: list[int]
    _index: dict[bool, dict[str, list[int]]] = field(default_factory=dict, repr=False)
    _norms: dict[bool, list[str]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    def norms(self, *, ignore_case: bool) -> list[str]:
        """Every token normalized (see `normalize`), computed once per draft and case mode."""
        found = self._norms.get(ignore_case)
        if found is None:
            text = self.text.replace("’", "'")
            each = False
            if ignore_case:
                lowered = text.lower()
                # str.lower() can change a string's length ("İ" becomes two characters); then
                # each token is lowered on its own so offsets stay those of the draft.
                each = len(lowered) != len(text)
                text = text if each else lowered
            found = [text[s:e] for s, e in zip(self.starts, self.ends, strict=True)]
            if each:
                found = [t.lower() for t in found]
            self._norms[ignore_case] = found
        return found

    def index(
        self, *, ignore_case: bool, keys: AbstractSet[str] | None = None
    ) -> dict[str, list[int]]:
        """normalized token -> the positions (token numbers) where it stands, in order. With
        `keys`, only those tokens are indexed (the first tokens of every phrase list: the only
        ones looked up); the index is built once per draft and case mode, so `keys` must hold
        every token any caller will look up for this draft."""
        found = self._index.get(ignore_case)
        if found is None:
            found = {}
            for i, key in enumerate(self.norms(ignore_case=ignore_case)):
                if keys is None or key in keys:
                    found.setdefault(key, []).append(i)
            self._index[ignore_case] = found
        return found

    def joined(self, i: int, j: int) -> bool:
        """May tokens i..j (inclusive) belong to one phrase: no blank line between any two?"""
        text, starts, ends = self.text, self.starts, self.ends
        return all(text.count("\n", ends[k], starts[k + 1]) <= MAX_LINE_BREAKS for k in range(i, j))


def tokenize(text: str) -> Tokens:
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    if not spans:
        return Tokens(text, [], [])
    starts, ends = map(list, zip(*spans, strict=True))
    return Tokens(text, starts, ends)


def phrase_tokens(phrase: str, *, ignore_case: bool) -> tuple[str, ...]:
    """A phrase as the sequence of normalized tokens it must match."""
    return tuple(normalize(m.group(), ignore_case=ignore_case) for m in _TOKEN_RE.finditer(phrase))
