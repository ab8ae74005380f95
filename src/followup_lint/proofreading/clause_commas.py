"""Commas that mark where one part of a sentence ends: the comma after an opening clause
("Although I enjoyed the visit, I ...") and the comma that closes an aside opened with one
("I was, in fact, ..."; "My design work, as well as my research, is ...").

Precision comes first, as in slips.py. Both finders read one sentence at a time, and only
the sentences that open with a subordinator or hold an opening comma before an aside are read
word by word. The word lists are data (clause_words.toml).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc  # re.compile, kept between runs
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

_WORD_RE = rc.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Contractions of a subject pronoun carry their own verb ("I'm", "we'll", "it's").
_CONTRACTED = ("m", "re", "ve", "d", "ll", "s")
# Punctuation that already divides the sentence: a comma, a semicolon, a colon, a dash or a
# bracket. Such a sentence is left alone (the writer has punctuated it; we cannot tell where).
_DIVIDED_RE = rc.compile(r"[,;:()\[\]]|\s[-–—]\s|—")


@dataclass(frozen=True)
class _Words:
    subordinators: tuple[tuple[str, ...], ...]
    takes_clause: frozenset[str]
    linkers: frozenset[str]
    prepositions: frozenset[str]
    relative_heads: frozenset[str]
    objects: frozenset[str]
    subjects: frozenset[str]
    imperative: frozenset[str]
    verbs_after_subject: frozenset[str]
    clause_verbs: frozenset[str]
    aside_re: re.Pattern[str]
    adding_re: re.Pattern[str]
    finite: frozenset[str]
    clause_openers: frozenset[str]
    clause_ends: frozenset[str]
    aside_verbs: frozenset[str]
    inner_linkers: frozenset[str]
    #: Cheap tests that rule a sentence out before it is read word by word.
    opening_re: re.Pattern[str]
    fused_re: re.Pattern[str]


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "in addition to" wins over a shorter phrase that starts it.
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len)[::-1])


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = tomllib.loads(
        resources.files(__package__).joinpath("clause_words.toml").read_text(encoding="utf-8")
    )

    def s(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in raw[key])

    return _Words(
        subordinators=tuple(
            tuple(p.split()) for p in sorted(raw["subordinators"], key=len, reverse=True)
        ),
        takes_clause=s("takes_clause"),
        linkers=s("linkers"),
        prepositions=s("prepositions"),
        relative_heads=s("relative_heads"),
        objects=s("objects"),
        subjects=s("subjects"),
        imperative=s("imperative"),
        verbs_after_subject=s("verbs_after_subject"),
        clause_verbs=s("clause_verbs"),
        # A comma, the aside, then straight on to a word: the closing comma is missing.
        aside_re=rc.compile(
            r",[ \t]+(" + _alternation(raw["asides"]) + r")(?=[ \t]+[A-Za-z])", re.IGNORECASE
        ),
        adding_re=rc.compile(r",[ \t]+(?:" + _alternation(raw["adding"]) + r")\b", re.IGNORECASE),
        finite=s("finite"),
        clause_openers=s("clause_openers"),
        clause_ends=s("clause_ends"),
        aside_verbs=s("aside_verbs"),
        inner_linkers=s("inner_linkers"),
        opening_re=rc.compile(r"(?:" + _alternation(raw["subordinators"]) + r")\b", re.IGNORECASE),
        fused_re=rc.compile(r"\b(?i:" + _alternation(raw["clause_ends"]) + r")[ \t]+(?:I|[Ww]e)\b"),
    )


def relative_heads() -> frozenset[str]:
    """Words after which a pronoun opens a relative clause ("everything I can", "all we
    could"), for the rules elsewhere that must not read such a clause as a main one."""
    return _words().relative_heads


def _sentence_words(analysis: Analysis, sentence: Part) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) of a sentence's words, offsets into the sentence: read
    once per sentence and shared by the finders here."""
    key = f"clause-words:{sentence.start}:{sentence.end}"
    found: list[tuple[int, int, str]] | None = analysis.cache.get(key)
    if found is None:
        found = [(m.start(), m.end(), m.group().lower()) for m in _WORD_RE.finditer(sentence.text)]
        analysis.cache[key] = found
    return found


def _split(word: str) -> tuple[str, str]:
    """("I'm") -> ("i", "m"); ("met") -> ("met", "")."""
    low = word.lower().replace("’", "'")
    base, _, tail = low.partition("'")
    return base, tail


# -- the comma after an opening clause ------------------------------------------------------------


def _opening(words: list[tuple[int, int, str]], w: _Words) -> int:
    """How many words the subordinator at the sentence's start takes (0: none)."""
    lows = [x[2] for x in words[:3]]
    for sub in w.subordinators:
        if tuple(lows[: len(sub)]) == sub:
            return len(sub)
    return 0


def _has_clause(words: list[str], w: _Words) -> bool:
    """Does this run of words hold a subject or a verb (is it a clause, not just a phrase)?"""
    for word in words:
        base, tail = _split(word)
        if base in w.subjects or base in w.clause_verbs or (not tail and base.endswith("ed")):
            return True
    return False


def _boundary(words: list[tuple[int, int, str]], start: int, w: _Words) -> int | None:
    """Index of the word that opens the main clause, if the opening clause ends without a
    comma: a subject pronoun and its verb ("... I did") or "please" after a complete clause."""
    for j in range(start + 2, len(words) - 1):
        base, tail = _split(words[j][2])
        if base in w.imperative:
            pass
        elif base in w.subjects:
            nxt, nxt_tail = _split(words[j + 1][2])
            verb = (
                tail in _CONTRACTED
                or nxt in w.verbs_after_subject
                or (not nxt_tail and nxt.endswith("ed"))
            )
            if not verb:
                continue
        else:
            continue
        prev, _ = _split(words[j - 1][2])
        prev2, _ = _split(words[j - 2][2])
        if prev in w.takes_clause or prev in w.linkers or prev in w.prepositions:
            continue  # "I said I was", "and we", "to you"
        if prev in w.relative_heads and base in w.subjects:
            continue  # "anything else I can do": a relative clause
        if prev in w.objects and prev2 in w.takes_clause:
            continue  # "told them we would": the clause "told" takes
        if not _has_clause([x[2] for x in words[start:j]], w):
            continue  # "Although the team we have ...": no clause has ended yet
        return j
    return None


def _safe(analysis: Analysis, hits: Iterator[Hit]) -> Iterator[Hit]:
    """The hits outside code, addresses, links and contact details."""
    for hit in hits:
        if not covered(protected_spans(analysis), hit.start, hit.end):
            yield hit


def find_intro_clause_comma(analysis: Analysis, part: Part) -> Iterator[Hit]:
    return _safe(analysis, _intro_clause_comma(analysis, part))


def find_fused_sentence(analysis: Analysis, part: Part) -> Iterator[Hit]:
    return _safe(analysis, _fused_sentence(analysis, part))


def find_unclosed_aside(analysis: Analysis, part: Part) -> Iterator[Hit]:
    return _safe(analysis, _unclosed_aside(analysis, part))


def _intro_clause_comma(analysis: Analysis, part: Part) -> Iterator[Hit]:
    w = _words()
    for sentence in analysis.sentences(part):
        text = sentence.text
        if not w.opening_re.match(text) or _DIVIDED_RE.search(text):
            continue
        words = _sentence_words(analysis, sentence)
        if len(words) < 6 or words[0][0] != 0:
            continue
        n = _opening(words, w)
        if not n:
            continue
        j = _boundary(words, n, w)
        if j is None:
            continue
        a = sentence.start + words[j - 1][1]
        yield Hit(
            sentence.start + words[j - 1][0],
            sentence.start + words[j][1],
            {
                "opener": text[: words[n - 1][1]],
                "before": text[words[j - 1][0] : words[j - 1][1]],
                "after": text[words[j][0] : words[j][1]],
            },
            (FixSpec(a, a, ",", "Add a comma"),),
        )


# -- two sentences run together ------------------------------------------------------------------

_INNER_SUBJECTS = frozenset({"i", "we", "they", "he", "she"})
_THANKS_RE = rc.compile(r"(?:thank\s+you|thanks)\b", re.IGNORECASE)


def _fused_at(words: list[tuple[int, int, str]], w: _Words) -> int | None:
    """Index of an "I" or "we" that starts a second sentence with no full stop before it."""
    for j in range(3, len(words) - 1):
        word = words[j][2]
        base, tail = _split(word)
        if base not in ("i", "we"):
            continue
        prev = words[j - 1][2]
        if prev not in w.clause_ends:
            continue
        if prev in w.objects and _split(words[j - 2][2])[0] in w.takes_clause:
            continue  # "I will tell you I am ready": the clause "tell you" takes
        nxt, nxt_tail = _split(words[j + 1][2])
        if nxt in w.aside_verbs:
            continue  # "I think" may be an aside inside one sentence
        if not (
            tail in _CONTRACTED
            or nxt in w.verbs_after_subject
            or (not nxt_tail and nxt.endswith("ed"))
        ):
            continue
        if any(x[2] in w.inner_linkers for x in words[:j]):
            return None  # a clause inside the sentence may own this pronoun
        if any(_split(x[2])[0] in _INNER_SUBJECTS for x in words[1:j]):
            return None  # "The role I applied for last week I still want": a fronted object
        if not _has_clause([x[2] for x in words[:j]], w):
            continue
        return j
    return None


def _fused_sentence(analysis: Analysis, part: Part) -> Iterator[Hit]:
    w = _words()
    for sentence in analysis.sentences(part):
        text = sentence.text
        if not w.fused_re.search(text):
            continue  # no "I" or "we" straight after a word that can end a sentence
        words = _sentence_words(analysis, sentence)
        if len(words) < 6 or words[0][0] != 0 or _opening(words, w):
            continue  # an opening clause is introductory-clause-comma's business
        if _THANKS_RE.match(text):
            continue  # "Thank you for ... I enjoyed" is fused-thanks'
        j = _fused_at(words, w)
        if j is None or _DIVIDED_RE.search(text, 0, words[j][0]):
            continue
        end = sentence.start + words[j - 1][1]
        fixes: tuple[FixSpec, ...] = ()
        if words[j][2] == "i" and text[words[j][0]] == "I":
            fixes = (FixSpec(end, end, ".", "End the first sentence with a full stop"),)
        yield Hit(
            sentence.start + words[j - 1][0],
            sentence.start + words[j][1],
            {
                "before": text[words[j - 1][0] : words[j - 1][1]],
                "after": text[words[j][0] : words[j][1]],
            },
            fixes,
        )


# -- the comma that closes an aside ---------------------------------------------------------------


def _words_before(text: str, i: int) -> int:
    return len(_WORD_RE.findall(text[:i]))


def _unclosed_aside(analysis: Analysis, part: Part) -> Iterator[Hit]:
    w = _words()
    for sentence in analysis.sentences(part):
        text = sentence.text
        if "," not in text:
            continue
        for m in w.aside_re.finditer(text):
            # "Yes, of course I can": the comma closes an opening word, not an aside.
            if _words_before(text, m.start()) < 2:
                continue
            a = sentence.start + m.end(1)
            yield Hit(
                sentence.start + m.start(1),
                a,
                {"where": m.group(1)},
                (FixSpec(a, a, ",", "Add the closing comma"),),
            )
        yield from _unclosed_addition(sentence, w)


def _unclosed_addition(sentence: Part, w: _Words) -> Iterator[Hit]:
    """An added subject ("My background, as well as my skills would ...") needs its closing
    comma before the verb. Only when nothing in the phrase opens a clause of its own."""
    text = sentence.text
    for m in w.adding_re.finditer(text):
        rest = text[m.end() :]
        stop = re.search(r"[.;:!?()]", rest)
        rest = rest[: stop.start()] if stop else rest
        words = list(_WORD_RE.finditer(rest))[:12]
        for k, word in enumerate(words):
            low = word.group().lower()
            if _split(low)[0] in w.clause_openers:
                break
            if low in w.finite and k >= 1:
                phrase = rest[: word.start()]
                if "," in phrase and not re.search(
                    r"\b[A-Za-z]+\s+(?:and|or)\s+[A-Za-z]+", phrase.rsplit(",", 1)[1]
                ):
                    break  # a comma that is not a list's: the writer closed it already
                prev = words[k - 1]
                a = sentence.start + m.end() + prev.end()
                yield Hit(
                    sentence.start + m.end() + prev.start(),
                    sentence.start + m.end() + word.end(),
                    {"where": prev.group()},
                    (FixSpec(a, a, ",", "Add the closing comma"),),
                )
                break
