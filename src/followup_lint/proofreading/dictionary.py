"""The offline English dictionary: pyspellchecker's bundled word list, used case-aware, with
wordfreq's web-scale English frequencies for the modern words that list lacks.

A word pyspellchecker does not list is still English when wordfreq (its "large" English list,
built from subtitles, news, Wikipedia, books and the web up to 2021) finds it common (Zipf
frequency 2.5 or more: a few times per ten million words) and no word one edit away is thirty
times more common: "voicemail", "crowdsourcing" and "texting" pass, while "recieve", "thier" and
"workin", which the web also holds, lose to "receive", "their" and "working". Three small data
files add the rest: standard contractions (all pass), tech terms of job-search email, and the
wrong forms that are flagged with their fix ("dont", "childs", "alot").

pyspellchecker loads in a fraction of a second and answers membership from a dict, but it
lowercases everything and its distance-2 suggestion search builds every string two edits away
(over a second for a long unknown word). So this wrapper keeps the word list and does two things
itself: case (acronyms, camel case and title case are decided by the caller, see `speller`), and
suggestions, searched at distance 1 through the library and at distance 2 only among words of
about the same length with the same first letter, with a banded edit distance.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from followup_lint import regex_cache
from followup_lint.wordtable import WordTable, pack, sound

#: Longest word we search distance-2 suggestions for; longer ones get distance 1 only.
MAX_DISTANCE2_LENGTH = 16
_AGENT_RE = regex_cache.compile(r"(?:(iz|is|id)(?:er|able)|(at)(?:or|able))$")
_SWAP_WEIGHT = 20
#: Least frequency of a word offered as a distance-2 suggestion.
_SUGGESTIBLE = 500
#: Least frequency of a listed word that a derived form (plural, prefixed) may rest on.
_COMMON = 300
#: Longest word we suggest anything for (a 40-letter token is not a typo worth a search).
MAX_SUGGEST_LENGTH = 30
#: How many words' suggestions a Dictionary keeps (a few hundred kilobytes at most).
SUGGESTIONS_KEPT = 4096

# British spellings, accepted when the American form is in the (American) word list.
_BRITISH = (
    (regex_cache.compile(r"our(s|ed|ing|ite|ites|able|er|ers|ful|less|hood|hoods)?$"), r"or\1"),
    (regex_cache.compile(r"is(e|ed|es|ing|ation|ations|er|ers|able|ability)$"), r"iz\1"),
    (regex_cache.compile(r"ys(e|ed|es|ing|er|ers)$"), r"yz\1"),
    (regex_cache.compile(r"([^aeiou])tre(s|d)?$"), r"\1ter\2"),
    (regex_cache.compile(r"ogue(s)?$"), r"og\1"),
    (regex_cache.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (regex_cache.compile(r"([cf])ence(s)?$"), r"\1ense\2"),
    (regex_cache.compile(r"programme(s|d)?$"), r"program\1"),
    (regex_cache.compile(r"gement(s)?$"), r"gment\1"),
)


#: Least wordfreq Zipf frequency of a word accepted from the web list.
WEB_MIN_ZIPF = 2.5
#: A neighbour (one edit away) this much more common (in Zipf units: 1.5 is about 30 times)
#: marks the word as its misspelling.
WEB_NEIGHBOUR_MARGIN = 1.5


def _data_lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def wrong_forms() -> dict[str, str]:
    """Non-words with the form meant: "dont" -> "don't", "childs" -> "children"."""
    out: dict[str, str] = {}
    for line in _data_lines("wrong_forms.txt"):
        wrong, _, right = line.partition("\t")
        out[wrong.strip()] = right.strip()
    return out


@lru_cache(maxsize=1)
def _wordfreq_zipf() -> Any:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # the web list is an addition: without it the word lists still work
        return None
    return zipf_frequency


_PLAIN_RE = regex_cache.compile(r"[a-z]+")


def _web_table() -> WordTable | None:
    """wordfreq's English words of Zipf 2.5 or more (a to z only), each with its Zipf frequency
    times 100, kept in the user's cache like the word list. Importing wordfreq and reading its
    list costs about 0.3 s, which every one-draft run with a name the word lists do not know
    paid; the table loads in milliseconds. Below 2.5 a word is not accepted, and a neighbour
    only matters from 4.0 up, so the table answers every question `web_common` asks of a plain
    word exactly as wordfreq does (tests/proofreading/test_dictionary.py compares them)."""
    import importlib.util
    import math

    from followup_lint.cache import cache_dir, load_or_build, stat_key

    if cache_dir() is None:
        return None  # with no cache the table would be rebuilt each run: ask wordfreq itself
    spec = importlib.util.find_spec("wordfreq")
    where = list(spec.submodule_search_locations or []) if spec else []
    source = Path(where[0]) / "data" / "large_en.msgpack.gz" if where else None
    if source is None or not source.is_file():
        return None

    def build() -> dict[str, str]:
        from wordfreq import get_frequency_dict

        table: dict[str, int] = {}
        for word, freq in get_frequency_dict("en", "large").items():
            if freq > 0 and _PLAIN_RE.fullmatch(word):
                z = round(math.log10(freq) + 9, 2)
                if z >= WEB_MIN_ZIPF:
                    table[word] = round(z * 100)
        return pack(table)

    def ok(d: object) -> bool:
        return sound(d) and isinstance(d, dict) and len(d) > 100

    key = stat_key(source) + b"\0webtable-1\0" + str(WEB_MIN_ZIPF).encode()
    return WordTable(load_or_build("webwords", key, build, check=ok))


@lru_cache(maxsize=1)
def _zipf() -> Any:
    """zipf(word, "en") as wordfreq answers it: from the cached table for plain words, from
    wordfreq itself (imported on first need) for the rest; None without wordfreq."""
    table = _web_table()
    if table is None:
        return _wordfreq_zipf()

    def zipf(word: str, lang: str) -> float:
        if _PLAIN_RE.fullmatch(word):
            return table.get(word, 0) / 100
        slow = _wordfreq_zipf()
        return 0.0 if slow is None else float(slow(word, lang))

    return zipf


@lru_cache(maxsize=1)
def _extra_words() -> frozenset[str]:
    """Current professional and technical words missing from pyspellchecker's list."""
    words = _data_lines("extra_words.txt") + _data_lines("tech_terms.txt")
    return frozenset(w.lower() for w in words + _data_lines("contractions.txt"))


# Prefixes that make regular derivations ("resubmit", "submodule", "metapackage"). A derivation
# is accepted only when what follows the prefix is a common listed word of six letters or more,
# so that "overide" or "comiles" (co + miles) stay misspellings. "un-" is left out: "unstability"
# for "instability" is a classic slip.
_PREFIXES = (
    "counter",
    "under",
    "inter",
    "micro",
    "multi",
    "super",
    "cross",
    "over",
    "meta",
    "auto",
    "anti",
    "semi",
    "post",
    "non",
    "sub",
    "pre",
    "mis",
    "re",
    "co",
    "de",
)


def _swapped(a: str, b: str) -> bool:
    """Is b the word a with two neighbouring letters swapped?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def damerau_within(a: str, b: str, limit: int) -> int | None:
    """The optimal-string-alignment distance between a and b if it is at most `limit`, else
    None. A band of width `limit` around the diagonal keeps it linear in the word length."""
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return None
    big = limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [big] * (lb + 1)
        cur[0] = i
        lo, hi = max(1, i - limit), min(lb, i + limit)
        best = cur[0] if lo == 1 else big
        ai = a[i - 1]
        for j in range(lo, hi + 1):
            cost = 0 if ai == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return None
        prev2, prev = prev, cur
    d = prev[lb]
    return d if d <= limit else None


def _word_list() -> tuple[WordTable, str, int]:
    """(word -> frequency, the list's letters, its longest word's length): pyspellchecker's
    English list with our extra words, kept in the user's cache (followup_lint.cache) keyed by
    pyspellchecker's version and the extra words, as a compact table (followup_lint.wordtable)."""
    import importlib.util

    from followup_lint.cache import load_or_build, stat_key

    def build() -> tuple[dict[str, str], str, int]:
        from spellchecker import SpellChecker

        wf = SpellChecker(language="en", distance=1).word_frequency
        freq = dict(wf.dictionary)
        for w in _extra_words():
            freq.setdefault(w, 50)
        return pack(freq), "".join(sorted(wf.letters)), int(wf.longest_word_length)

    extra = resources.files(__package__).joinpath("extra_words.txt").read_bytes()
    # Keyed by pyspellchecker's English list itself (path, size, time) rather than its version:
    # asking importlib.metadata for a version scans every installed distribution.
    spec = importlib.util.find_spec("spellchecker")
    where = list(spec.submodule_search_locations or []) if spec else []
    source = Path(where[0]) / "resources" / "en.json.gz" if where else None
    stamp = stat_key(source) if source is not None and source.is_file() else b"?"
    key = stamp + b"\0wordtable-1\0" + extra

    def ok(d: object) -> bool:
        return (
            isinstance(d, tuple)
            and len(d) == 3
            and sound(d[0])
            and len(d[0]) > 100
            and isinstance(d[1], str)
            and isinstance(d[2], int)
        )

    groups, letters, longest = load_or_build("words", key, build, check=ok)
    return WordTable(groups), letters, longest


class Dictionary:
    """English word list with bounded suggestions. Build with `english()` (shared)."""

    def __init__(self) -> None:
        # The merged word list comes from the on-disk cache (a few milliseconds) once a run has
        # built it from pyspellchecker's gzipped JSON (about 0.15 s): see `_word_list`.
        self._freq, self._letters, self._longest = _word_list()
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._lock = threading.Lock()
        self._web: dict[str, bool] = {}
        #: (word, limit) -> its suggestions, for words asked before: an editor relints the
        #: same paragraph at every keystroke, and its typos ask again each time.
        self._suggested: dict[tuple[str, int], tuple[str, ...]] = {}

    @property
    def words(self) -> Mapping[str, int]:
        """The word list with frequencies (read-only by convention; the speller's fast path)."""
        return self._freq

    def __contains__(self, word: str) -> bool:
        return word in self._freq

    def known(self, lower: str) -> bool:
        """Is this (lower-case, straight-apostrophe) word English? Counted as English besides
        the listed words: possessives, plurals of listed words, British spellings of listed
        American words, and a regular prefix before a listed word of five letters or more.
        Suffixes that double a consonant or drop an "e" ("commited", "noticable") are not
        derived: those are the misspellings people make most."""
        if lower in self._freq:
            return True
        if lower.endswith("'s"):
            lower = lower[:-2]
        elif lower.endswith("s'"):
            lower = lower[:-1]
        if self._inflected(lower):
            return True
        for prefix in _PREFIXES:
            if lower.startswith(prefix):
                rest = lower[len(prefix) :].lstrip("-")
                if len(rest) >= 6 and self._inflected(rest, derived=True):
                    return True
        return self.web_common(lower)

    def web_common(self, lower: str) -> bool:
        """Is this word common on the web (wordfreq) and no misspelling of a far more common
        word one edit away? Memoised: a draft asks about a handful of words."""
        found = self._web.get(lower)
        if found is not None:
            return found
        zipf = _zipf()
        ok = False
        if zipf is not None and lower not in wrong_forms() and 2 < len(lower) <= 30:
            z = zipf(lower, "en")
            if z >= WEB_MIN_ZIPF:
                ok = not any(
                    zipf(n, "en") >= z + WEB_NEIGHBOUR_MARGIN
                    for n in self._edits1(lower)
                    if n != lower and n in self._freq
                )
        if len(self._web) < 10_000:  # bounded: a long-running server sees many words
            self._web[lower] = ok
        return ok

    def _inflected(self, word: str, *, derived: bool = False) -> bool:
        """The word, its singular, or its American spelling is listed. Forms we derive (and
        words after a prefix) must be common: the list's rare entries include old spellings
        and oddities that would excuse a typo."""
        forms = [(word, derived)]
        if word.endswith("ies") and len(word) > 4:
            forms.append((word[:-3] + "y", True))
        if re.search(r"(?:s|x|ch|sh)es$", word):
            forms.append((word[:-2], True))
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            forms.append((word[:-1], True))
        # Agent nouns and "-able" adjectives of verbs in -ize/-ise/-ide/-ate, which keep the
        # verb whole or drop only its final "e" (the spelling never doubles a letter there).
        for form, _ in list(forms):
            m = _AGENT_RE.search(form)
            if m:
                forms.append((form[: m.start()] + (m.group(1) or m.group(2)) + "e", True))
        for form, strict in forms:
            floor = _COMMON if strict else 1
            if self._freq.get(form, 0) >= floor:
                return True
            for rx, repl in _BRITISH:
                us = rx.sub(repl, form, count=1)
                if us != form and self._freq.get(us, 0) >= floor:
                    return True
        return False

    def starts_common(self, prefix: str) -> bool:
        """Does a common listed word (longer than `prefix`) start with it?"""
        # Only the words that start so are read (a draft's last word is asked about while it
        # is typed: going through the whole list took 80-400 ms a lint).
        return any(
            len(w) > len(prefix) and f >= _COMMON for w, f in self._freq.items_starting(prefix)
        )

    def frequency(self, lower: str) -> int:
        return self._freq.get(lower, 0)

    def suggest(self, lower: str, limit: int = 3) -> list[str]:
        """Up to `limit` corrections, best first: distance 1 by frequency, then distance 2.
        The list depends on the word alone (the word list never changes once built), so the
        answers are kept, up to SUGGESTIONS_KEPT of them."""
        if not lower or len(lower) > MAX_SUGGEST_LENGTH:
            return []
        key = (lower, limit)
        kept = self._suggested.get(key)
        if kept is None:
            if len(self._suggested) >= SUGGESTIONS_KEPT:
                self._suggested.clear()  # a bound, not an LRU: a typo's second search is cheap
            kept = self._suggested[key] = tuple(self._search(lower, limit))
        return list(kept)

    def _search(self, lower: str, limit: int) -> list[str]:
        found = [w for w in self._edits1(lower) if w in self._freq and w != lower]
        # The more frequent word first, with swapped neighbours (the commonest typing slip)
        # weighted up: "taem" is "team" before "them", but "realy" is "really", not "relay".
        found.sort(key=lambda w: (-self._freq[w] * (_SWAP_WEIGHT if _swapped(lower, w) else 1), w))
        split = self._split(lower)
        if split:
            found.insert(0 if not found else 1, split)
        # A contraction without its apostrophe ("dont", "im") is the likeliest reading.
        for i in range(1, len(lower)):
            contraction = f"{lower[:i]}'{lower[i:]}"
            if self._freq.get(contraction, 0) >= 50:
                found.insert(
                    0, "I" + contraction[1:] if contraction.startswith("i'") else contraction
                )
                break
        # Two edits away only when nothing is one edit away: the search costs milliseconds,
        # and most typos are a single slip.
        if not found and 3 < len(lower) <= MAX_DISTANCE2_LENGTH:
            found = self._distance2(lower)
        return list(dict.fromkeys(found))[:limit]

    def _edits1(self, word: str) -> set[str]:
        """Every string one edit from `word` over the list's letters: pyspellchecker's
        `edit_distance_1` (the same algorithm and letters), without building a SpellChecker."""
        if (len(word) == 1 and not word.isalnum()) or len(word) > self._longest + 3:
            return {word}
        try:
            float(word)
            if word not in ("nan", "inf", "infinity"):
                return {word}
        except ValueError:
            pass
        letters = self._letters
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        deletes = [a + b[1:] for a, b in splits if b]
        transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        replaces = [a + c + b[1:] for a, b in splits if b for c in letters]
        inserts = [a + c + b for a, b in splits for c in letters]
        return set(deletes + transposes + replaces + inserts)

    def _split(self, lower: str) -> str | None:
        """Two words run together ("thankyou" -> "thank you"): the most frequent split into two
        listed words of at least two letters each."""
        best: tuple[int, str] | None = None
        for i in range(1, len(lower) - 1):
            a, b = lower[:i], lower[i:]
            if i == 1 and a != "a":
                continue
            fa, fb = self._freq.get(a, 0), self._freq.get(b, 0)
            # Both halves must be common words of three letters or more ("a" aside): rare and
            # short list entries split anything ("taem" is not "ta em").
            if fa > 5000 and fb > 5000 and len(b) >= 3 and (len(a) >= 3 or a == "a"):
                score = min(fa, fb)
                if best is None or score > best[0]:
                    best = (score, f"{a} {b}")
        return best[1] if best else None

    def _distance2(self, lower: str) -> list[str]:
        buckets = self._index()
        scored: list[tuple[int, int, str]] = []
        n = len(lower)
        for length in range(n - 2, n + 3):
            for w in buckets.get((lower[0], length), ()):
                d = damerau_within(lower, w, 2)
                if d is not None and d > 0:
                    scored.append((d, -self._freq[w], w))
        scored.sort()
        return [w for _, _, w in scored[:10]]

    def _index(self) -> dict[tuple[str, int], list[str]]:
        # Built on the first distance-2 search only: clean drafts never pay for it.
        with self._lock:
            if self._buckets is None:
                buckets: dict[tuple[str, int], list[str]] = {}
                for w in self._freq:
                    # Rare entries of the list (names, oddities, old spellings) make poor
                    # suggestions, and leaving them out keeps this search to a few thousand
                    # words.
                    if w and self._freq[w] > _SUGGESTIBLE and "'" not in w:
                        buckets.setdefault((w[0], len(w)), []).append(w)
                self._buckets = buckets
            return self._buckets


_shared: Dictionary | None = None
_shared_lock = threading.Lock()


def english() -> Dictionary:
    """The process-wide dictionary (loaded once, about 0.3 s; read-only afterwards)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Dictionary()
        return _shared
