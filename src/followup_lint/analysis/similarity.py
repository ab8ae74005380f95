"""How alike two notes are, for `near-duplicate-notes` (P4: one note per interviewer).

Word 3-shingles compared by Jaccard similarity: two notes built from one template with only the
names swapped share almost all their shingles (0.7 and up), while notes that share a stock
opening sentence but talk about different conversations share few (0.16 for the pair in tests/test_near_duplicate.py).
Names, numbers and case are normalised away first so that swapping "Dana" for "Sam" does not
make a copy look original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from followup_lint.reading.draft import Draft

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _tokens(text: str, ignore: frozenset[str]) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group().lower().replace("’", "'")
        # Capitalised words are mostly names and places: the parts a copier changes.
        out.append("_" if word in ignore or (m.group()[:1].isupper() and m.start()) else word)
    return out


def shingles(text: str, size: int = 3, ignore: Iterable[str] = ()) -> frozenset[tuple[str, ...]]:
    """The set of `size`-word sequences in the text (lower-cased, names blanked)."""
    words = _tokens(text, frozenset(w.lower() for w in ignore))
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def _recipients(draft: Draft) -> frozenset[str]:
    return frozenset((a.email or a.name).lower() for a in draft.addresses("to", "cc"))


def other_notes(drafts: Sequence[Draft], *, earlier_only: bool = False) -> list[tuple[str, ...]]:
    """For each draft, the bodies of the other drafts addressed to different people (with
    `earlier_only`, only those before it, so that a pair of copies is reported once).

    Drafts without recipients (no To or Cc header) are never paired: nothing says they go to
    different interviewers, and two drafts to the same person are versions, not copies."""
    keys = [_recipients(d) for d in drafts]
    out: list[tuple[str, ...]] = []
    for i in range(len(drafts)):
        if not keys[i]:
            out.append(())
            continue
        out.append(
            tuple(
                other.body_text
                for j, other in enumerate(drafts[:i] if earlier_only else drafts)
                if j != i and keys[j] and keys[j] != keys[i]
            )
        )
    return out
