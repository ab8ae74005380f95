"""A real word typed for another one edit away, found from the words on either side: "please
contract me", "he cold do", "thank you vary much".

A spell checker passes these, since every word is a word. What gives them away is the pair each
makes with its neighbours: English writes "please contact" and "contact me" all the time, and
"please contract" and "contract me" hardly ever. The counts come from the word pairs of Google
Books that the symspellpy package lists (only pairs seen 6.4 million times or more), reduced by
scripts/build_realword_pairs.py to the data file realword_pairs.tsv in this package: for each
word that may be a typo, each common word one edit away, and the neighbours before and after
that show the common word was meant (bucketed, with the sum the two need to reach).

The rule fires on "P word N" only when all of these hold:
- the pairs "P word" and "word N" are both missing from the list while "P suggestion" and
  "suggestion N" are both in it, well above its floor (a pair missing on one side says too
  little: "the indent of" is fine, "the intent of" is merely commoner);
- the word is not a stop word, is known to the list beside at least seven different words on
  each side (so its absence beside these two says something), and the suggestion is not another
  form of it (plurals and tenses are the agreement rules' business);
- the word and the word after it are written in lower case, the word before it too (or
  capitalised as the first word of a sentence: "Please contract me"), with only blanks between, and nothing of the three is a name
  from the context, a word of the vocabulary, a placeholder or protected text (code, addresses).

The data file is read once per process, the first time a draft has a word it lists, and each
listed word's line is parsed the first time that word is met.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.names import known_words, normalize
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.speller import sentence_start

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

DATA_FILE = "realword_pairs.tsv"

# A word of letters with no hyphen, apostrophe, slash, digit or "@#_" joined to it, and no dot
# straight before a letter after it ("node.js", "e.g"): in "full-id", "it's", "line2byte()",
# "git/x" the letters are not a word of prose.
_TOKEN_RE = rc.compile(r"(?<![\w'’\-/.@#\\])[A-Za-z]+(?![\w'’\-/@#\\]|\.\w)")
# What may stand between two words whose pair is looked up: blanks, at most one line break.
_GAP_RE = rc.compile(r"[ \t]*(?:\n[ \t]*)?")  # one way to match a gap: no quadratic backtracking

#: One candidate: (suggestion, need, bucket by word before, bucket by word after).
Candidate = tuple[str, int, dict[str, int], dict[str, int]]

_lock = threading.Lock()
#: The data file's bytes, and each word's byte range in them.
_data: tuple[bytes, dict[str, tuple[int, int]]] | None = None
_parsed: dict[str, tuple[Candidate, ...]] = {}


def _load() -> tuple[bytes, dict[str, tuple[int, int]]]:
    """Read the data file once per process: its rows stay undecoded bytes until a draft has
    one of their words (the index line says where each word's rows are)."""
    global _data
    data = _data
    if data is None:
        with _lock:
            if _data is None:
                raw = resources.files(__package__).joinpath(DATA_FILE).read_bytes()
                at = raw.index(b"\n#index ") + 1
                end = raw.index(b"\n", at)
                spans: dict[str, tuple[int, int]] = {}
                base = end + 1  # the index counts from the line after it
                for item in raw[at + len(b"#index ") : end].decode("ascii").split():
                    word, start, stop = item.split(":")
                    spans[word] = (base + int(start), base + int(stop))
                _data = (raw, spans)
            data = _data
    return data


def index() -> dict[str, tuple[int, int]]:
    """The words the data file holds rows for (lower case), with their byte ranges."""
    return _load()[1]


def _buckets(field: str) -> dict[str, int]:
    """ "3:a,b 4:c" -> {"a": 3, "b": 3, "c": 4}."""
    out: dict[str, int] = {}
    for group in field.split():
        bucket, _, words = group.partition(":")
        out.update(dict.fromkeys(words.split(","), int(bucket)))
    return out


def candidates(word: str) -> tuple[Candidate, ...]:
    """The suggestions the data file holds for a lower-case word, parsed on first use."""
    found = _parsed.get(word)
    if found is None:
        body, spans = _load()
        span = spans.get(word)
        if span is None:
            return ()
        parsed: list[Candidate] = []
        for row in body[span[0] : span[1]].decode("utf-8").splitlines():
            _, suggestion, need, before, after = row.split("\t")
            parsed.append((suggestion, int(need), _buckets(before), _buckets(after)))
        found = tuple(parsed)
        _parsed[word] = found  # one assignment: safe to share between threads
    return found


def suggestion(before: str, word: str, after: str) -> str | None:
    """The word meant for `word` between `before` and `after` (all lower case), if the pair
    counts show one; None when they do not."""
    best: tuple[int, str] | None = None
    for sug, need, left, right in candidates(word):
        lb = left.get(before)
        if lb is None:
            continue
        rb = right.get(after)
        if rb is None:
            continue
        margin = lb + rb - need
        if margin >= 0 and (best is None or margin > best[0]):
            best = (margin, sug)
    return best[1] if best else None


def _plain(word: str) -> bool:
    return word.islower()


def find_real_word_typo(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A real word for another one edit away, where the words on both sides fit the other
    far better ("please contract me" -> "contact")."""
    text = part.text
    words = index()
    tokens = list(_TOKEN_RE.finditer(text))
    listed: list[Hit] | None = None
    for i in range(1, len(tokens) - 1):
        m = tokens[i]
        word = m.group()
        low = word.lower()
        if low not in words:
            continue
        if not _plain(word):
            # Capitalised: a name or a title in mid-sentence; at the start of a sentence it
            # has no word before it to pair with.
            continue
        prev, nxt = tokens[i - 1], tokens[i + 1]
        if not _joined(text, prev.end(), m.start()) or not _joined(text, m.end(), nxt.start()):
            continue
        before, after = prev.group(), nxt.group()
        if not _plain(after):
            continue
        if not _plain(before):
            if not (
                before[0].isupper() and before[1:].islower() and sentence_start(text, prev.start())
            ):
                continue
            before = before.lower()
        fix = suggestion(before, low, after)
        if fix is None:
            continue
        a, b = part.start + m.start(), part.start + m.end()
        if _excluded(analysis, part, part.start + prev.start(), part.start + nxt.end(), word):
            continue
        if listed is None:
            from followup_lint.proofreading.confusions import CONFUSION_SLIPS  # imports us

            # A set phrase of the sound-alike list ("thank you vary much") is that rule's
            # finding, with its own fix: one finding for one slip (its hits are kept per part).
            listed = list(CONFUSION_SLIPS["sound-alike-phrase"](analysis, part))
        if any(h.start < b and a < h.end for h in listed):
            continue
        yield replacement(
            a, b, fix, {"found": word, "expected": fix, "before": prev.group(), "after": after}
        )


def _joined(text: str, end: int, start: int) -> bool:
    """Only blanks (and at most one line break) between two words?"""
    gap = _GAP_RE.match(text, end)
    return gap is not None and gap.end() == start and start > end


def _excluded(analysis: Analysis, part: Part, start: int, end: int, word: str) -> bool:
    """Is the phrase at draft offsets [start, end) in a slot or protected text, or its word
    one the context or the vocabulary accepts?"""
    for slot in analysis.draft.slots_in(part):
        if slot.start <= end and start <= slot.end:
            return True
    if covered(protected_spans(analysis), start, end):
        return True
    low = normalize(word)
    return low in known_words(analysis).exact or word.lower() in analysis.vocabulary
