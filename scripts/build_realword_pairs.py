#!/usr/bin/env python3
"""Build src/followup_lint/proofreading/realword_pairs.tsv, the data of the `real-word-typo`
rule, from the English word and word-pair counts that the PyPI package symspellpy ships.

Run by a developer, not at install: `python scripts/build_realword_pairs.py` in the dev
virtualenv (symspellpy is in the dev extra; the stop list comes from spaCy's English stop words,
which need no trained pipeline). The output is committed; the package never imports symspellpy.

What it keeps. symspellpy's `frequency_bigramdictionary_en_243_342.txt` lists the 242,342 most
frequent English word pairs of Google Books (each at least 6.4 million times), and
`frequency_dictionary_en_82_765.txt` the 82,765 most frequent words. A word W is a candidate for
a typo of a word C when:
- W is an ordinary word: letters only, not one of spaCy's English stop words (function words and
  the commonest verbs and nouns, whose neighbours are too varied for a pair count to judge),
  and it takes part in at least MIN_PAIRS listed pairs on each side (so the list knows its usual
  neighbours: a pair missing from it says something; for a rare word it says nothing);
- C is a common word (MIN_CANDIDATE_COUNT), commoner than W, one edit away (a letter added, dropped, changed or two
  swapped), and not merely another form of W (a plural, a past, an -ing form, a British
  spelling: those belong to the agreement rules);
and for a neighbour P before (N after) the pair (P, C) ((C, N)) is listed at least MIN_RATIO times
the list's floor while (P, W) ((W, N)) is not listed at all.

For each such (W, C) the file holds, bucketed in half-powers of two, how far above the floor each
qualifying pair (P, C) and (C, N) is, and the least sum of the two buckets at which the rule
fires: the odds of the noisy-channel estimate
    [count(P C) * count(C N) / count(C)] / [floor * floor / count(W)]
(the unseen pairs of W taken at the floor, their highest possible count) must reach MIN_ODDS.
Pairs that could never reach it are left out, so the file holds only what the rule reads.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

#: Least number of listed pairs in which W stands first, and (separately) second.
MIN_PAIRS = 7
#: Least count (in the word list) of a suggested word.
MIN_CANDIDATE_COUNT = 10_000_000
#: Least ratio of count(P C) (or count(C N)) to the list's floor.
MIN_RATIO = 3
#: Least odds of C over W (the noisy-channel estimate above).
MIN_ODDS = 10
#: Most neighbours (before and after together) a pair may have. A suggestion that fits beside
#: hundreds of different words ("and", "at", "for" after a noun) is one that goes almost
#: anywhere, and its pair counts say little about one place.
MAX_NEIGHBOURS = 2000

OUT = Path(__file__).resolve().parents[1] / "src/followup_lint/proofreading/realword_pairs.tsv"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[a-z]+\Z")


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out: set[str] = set()
    for a, b in splits:
        if b:
            out.add(a + b[1:])
        if len(b) > 1:
            out.add(a + b[1] + b[0] + b[2:])
        for c in _LETTERS:
            if b:
                out.add(a + c + b[1:])
            out.add(a + c + b)
    out.discard(word)
    return out


_ENDINGS = ("", "s", "es", "d", "ed", "r", "er", "ing", "e")


def _variant(w: str, c: str) -> bool:
    """Is one word another's inflected form or other spelling ("day"/"days", "updates"/
    "updated", "color"/"colour")? Two forms of one word are the agreement rules' business."""
    a, b = sorted((w, c), key=len)
    if b.replace("our", "or") == a or (a.endswith("y") and b == a[:-1] + "ies"):
        return True
    # The same stem with two of the usual endings ("require": requires/required).
    for end_a in _ENDINGS:
        stem = a[: len(a) - len(end_a)]
        if stem and a.endswith(end_a) and any(b == stem + e for e in _ENDINGS if e != end_a):
            return True
    return False


def _bucket(ratio: float) -> int:
    """floor(2 log2 ratio): half-powers of two, rounded down (never overstating a count)."""
    return math.floor(2 * math.log2(ratio))


def _grouped(buckets: dict[str, int]) -> str:
    """ "b:w1,w2 b2:w3": the neighbours grouped by bucket (a quarter of the size of one
    "w:b" item each)."""
    by: dict[int, list[str]] = defaultdict(list)
    for word, b in buckets.items():
        by[b].append(word)
    return " ".join(f"{b}:{','.join(sorted(by[b]))}" for b in sorted(by))


def main() -> None:
    global MIN_PAIRS, MIN_CANDIDATE_COUNT, MIN_RATIO, MIN_ODDS, MAX_NEIGHBOURS, OUT
    import argparse

    from spacy.lang.en.stop_words import STOP_WORDS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="where to write (to try settings)")
    ap.add_argument("--min-pairs", type=int, default=MIN_PAIRS)
    ap.add_argument("--min-candidate-count", type=int, default=MIN_CANDIDATE_COUNT)
    ap.add_argument("--min-ratio", type=float, default=MIN_RATIO)
    ap.add_argument("--min-odds", type=float, default=MIN_ODDS)
    ap.add_argument("--max-neighbours", type=int, default=MAX_NEIGHBOURS)
    args = ap.parse_args()
    OUT, MIN_PAIRS, MIN_RATIO, MIN_ODDS = args.out, args.min_pairs, args.min_ratio, args.min_odds
    MIN_CANDIDATE_COUNT, MAX_NEIGHBOURS = args.min_candidate_count, args.max_neighbours

    pkg = resources.files("symspellpy")
    words: dict[str, int] = {}
    for line in pkg.joinpath("frequency_dictionary_en_82_765.txt").read_text("utf-8").splitlines():
        w, n = line.split()
        words[w] = int(n)
    pairs: dict[tuple[str, str], int] = {}
    after: dict[str, list[tuple[str, int]]] = defaultdict(list)  # C -> [(N, count(C N))]
    before: dict[str, list[tuple[str, int]]] = defaultdict(list)  # C -> [(P, count(P C))]
    text = pkg.joinpath("frequency_bigramdictionary_en_243_342.txt").read_text("utf-8")
    for line in text.splitlines():
        a, b, n = line.split()
        pairs[(a, b)] = int(n)
        after[a].append((b, int(n)))
        before[b].append((a, int(n)))
    floor = min(pairs.values())

    rows: list[str] = []
    entries = 0
    for w in sorted(words):
        if not _WORD.match(w) or w in STOP_WORDS:
            continue
        if len(after[w]) < MIN_PAIRS or len(before[w]) < MIN_PAIRS:
            continue
        for c in sorted(_edits1(w)):
            # The suggestion must be commoner than the word: a slip that turns a word into a
            # commoner one is rarer than the word itself, and the pair counts cannot outweigh
            # that ("the text line above" is not "the text link above").
            if words.get(c, 0) < max(MIN_CANDIDATE_COUNT, words[w]) or _variant(w, c):
                continue
            left = {
                p: n / floor
                for p, n in before[c]
                if n >= MIN_RATIO * floor and (p, w) not in pairs and _WORD.match(p)
            }
            right = {
                n: k / floor
                for n, k in after[c]
                if k >= MIN_RATIO * floor and (w, n) not in pairs and _WORD.match(n)
            }
            if not left or not right:
                continue
            prior = words[w] / words[c]  # count(W) / count(C)
            best_l, best_r = max(left.values()), max(right.values())
            if best_l * best_r * prior < MIN_ODDS:
                continue
            # The sum of buckets at which the odds reach MIN_ODDS: bl + br >= need.
            need = math.ceil(2 * math.log2(MIN_ODDS / prior))
            lb = {p: _bucket(r) for p, r in left.items()}
            rb = {n: _bucket(r) for n, r in right.items()}
            top_l, top_r = max(lb.values()), max(rb.values())
            lb = {p: b for p, b in lb.items() if b + top_r >= need}
            rb = {n: b for n, b in rb.items() if b + top_l >= need}
            if not lb or not rb or len(lb) + len(rb) > MAX_NEIGHBOURS:
                continue
            entries += len(lb) + len(rb)
            rows.append(
                "\t".join(
                    (
                        w,
                        c,
                        str(need),
                        _grouped(lb),
                        _grouped(rb),
                    )
                )
            )
    header = f"""\
# The data of the `real-word-typo` rule: a word, a common word one edit away that its
# neighbours may show was meant, and the neighbours that show it.
# Generated by scripts/build_realword_pairs.py (do not edit by hand) from the word and word-pair
# counts shipped in the PyPI package symspellpy 6.10.1 (MIT licence, (c) 2025 mmb L and
# (c) 2021 Wolf Garbe): frequency_dictionary_en_82_765.txt and
# frequency_bigramdictionary_en_243_342.txt, derived from the Google Books Ngram data
# (Google Inc., CC BY 3.0, https://books.google.com/ngrams). Only bucketed ratios derived from
# those counts are kept here.
# Settings: MIN_PAIRS={MIN_PAIRS} MIN_CANDIDATE_COUNT={MIN_CANDIDATE_COUNT} MIN_RATIO={MIN_RATIO} \
MIN_ODDS={MIN_ODDS} MAX_NEIGHBOURS={MAX_NEIGHBOURS} floor={floor}
# Columns (tab-separated): word, suggestion, need, before, after.
# before: "b:P1,P2" for the words P such that "P suggestion" is listed at least 2^(b/2) times
# the floor while "P word" is not listed; after: likewise for "suggestion N" and "word N".
# The rule fires on "P word N" when b(P) + b(N) >= need.
# {len(rows)} pairs, {entries} neighbours.
# The last header line, "#index word:start:end ...", gives the byte range of each word's rows,
# counted from the line after it: the rule reads only the rows of the words a draft has.
"""
    body = "".join(row + "\n" for row in rows).encode("utf-8")
    spans: dict[str, list[int]] = {}
    at = 0
    for row in rows:
        size = len(row.encode("utf-8")) + 1
        span = spans.setdefault(row[: row.index("\t")], [at, at])
        span[1] = at + size  # the rows of a word are consecutive (sorted by word)
        at += size
    index = "#index " + " ".join(f"{w}:{a}:{b}" for w, (a, b) in spans.items()) + "\n"
    OUT.write_bytes(header.encode("utf-8") + index.encode("utf-8") + body)
    print(f"{OUT}: {len(rows)} pairs, {entries} neighbours, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
