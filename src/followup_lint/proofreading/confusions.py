"""Confused words and wrong forms that a word list catches: set phrases written with a
sound-alike word, a verb with the wrong preposition, words that do not agree, a wrong verb form
after a modal, "did" or "to", and "since" with a length of time.

Every list is a data file in this package (one entry a line, its source named at its top):
sound_alike_phrases.txt, preposition_slips.txt, agreement_slips.txt and verb_forms.txt. Each
list is compiled once per process into one regular expression, so a part of a draft costs one
scan per rule, whatever the length of the list. As with the other slips (`slips.py`), precision
comes first: an entry is listed only when its wrong form has no correct reading, and matches
inside code, addresses, links and phone numbers are left alone.

The finders have the signature of `slips.Finder` and are registered in `slips.SLIPS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.dictionary import english

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_APOSTROPHE = "['’]"
# Code spans and runs of text holding an address, a path, a handle or markup (as in slips.py).
_CODE_RE = re.compile(r"`[^`\n]*`")
_TECH_RUN_RE = re.compile(r"(?<!\S)\S*?(?:[@/\\_#=<>{}|~^$%+]|www\.)\S*")
_CACHE_KEY = "proofreading:confusions:protected"


def _protected_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """Draft spans no confusion is looked for in, computed once per draft."""
    found = analysis.cache.get(_CACHE_KEY)
    if isinstance(found, list):
        return found
    text = analysis.text
    spans = [(m.start(), m.end()) for m in _CODE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _TECH_RUN_RE.finditer(text)]
    spans += [(c.start, c.end) for c in analysis.contacts]
    analysis.cache[_CACHE_KEY] = spans
    return spans


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _case_like(template: str, word: str) -> str:
    if template[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        [field.strip() for field in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


# -- phrase lists ------------------------------------------------------------------------------

#: Words after which "he have", "it do" are questions or infinitives, not slips.
_AUXILIARIES = frozenset(
    "does did do doesn't didn't don't will would can could shall should may might must "
    "won't wouldn't can't cannot couldn't shouldn't mustn't let lets make makes made help "
    "helps helped to that lest".split()
)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z'’]+)\W*$")
_STOP_AFTER_RE = re.compile(r"\s*(?:[.!?,;:)\]]|$)")


@dataclass(frozen=True, slots=True)
class PhraseList:
    """A compiled list: one alternation of every wrong form, and what each one should be."""

    pattern: re.Pattern[str]
    right: dict[str, str]
    condition: dict[str, str]

    def key(self, found: str) -> str:
        return " ".join(found.lower().replace("’", "'").split())


def _phrase_pattern(wrong: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", _APOSTROPHE) for w in wrong.split())


@lru_cache(maxsize=None)
def phrase_list(name: str) -> PhraseList:
    """The data file `name` compiled (longest phrases first, so "to a great extend" wins over a
    shorter entry that starts the same way)."""
    right: dict[str, str] = {}
    condition: dict[str, str] = {}
    for fields in _data_lines(name):
        wrong = " ".join(fields[0].lower().split())
        right[wrong] = fields[1]
        if len(fields) > 2 and fields[2]:
            condition[wrong] = fields[2]
    alternation = "|".join(_phrase_pattern(w) for w in sorted(right, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)
    return PhraseList(pattern, right, condition)


def _phrase_hits(analysis: Analysis, part: Part, name: str) -> Iterator[Hit]:
    table = phrase_list(name)
    text = part.text
    spans: list[tuple[int, int]] | None = None
    for m in table.pattern.finditer(text):
        found = m.group()
        key = table.key(found)
        expected = table.right.get(key)
        if expected is None:
            continue
        cond = table.condition.get(key)
        if cond == "before-stop" and not _STOP_AFTER_RE.match(text, m.end()):
            continue
        if cond == "not-after-aux":
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is not None and before.group(1).lower().replace("’", "'") in _AUXILIARIES:
                continue
        if spans is None:
            spans = _protected_spans(analysis)
        a, b = part.start + m.start(), part.start + m.end()
        if _covered(spans, a, b):
            continue
        fix = _case_like(found, expected)
        yield Hit(a, b, {"found": found, "expected": fix}, (FixSpec(a, b, fix, f"Replace with '{fix}'"),))


def find_sound_alike(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A set phrase with a sound-alike word: "bare in mind", "piece of mind", "for you time"."""
    return _phrase_hits(analysis, part, "sound_alike_phrases.txt")


def find_wrong_preposition(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A verb or adjective with the wrong preposition: "discuss about", "capable to"."""
    return _phrase_hits(analysis, part, "preposition_slips.txt")


def find_agreement(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """Words that do not agree: "they was", "these kind of", "less people", "informations"."""
    return _phrase_hits(analysis, part, "agreement_slips.txt")


# -- a verb form after a modal, "do"/"did" or "to" -----------------------------------------------

_PRONOUN = r"(?:i|you|he|she|it|we|they)"
_MODAL = r"(?:can|could|will|would|shall|should|may|might|must)"
_NEGATED = (
    r"(?:can['’]t|cannot|couldn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|mustn['’]t|mightn['’]t|"
    r"didn['’]t|doesn['’]t|don['’]t|did\s+not|does\s+not|do\s+not)"
)
# An adverb that may stand between the auxiliary and the verb ("I will also send").
_ADVERB = r"(?:\s+(?:not|also|never|always|really|still|just|only|even|ever|probably|definitely|certainly|surely|then|soon))?"


@dataclass(frozen=True, slots=True)
class VerbForms:
    after_aux: re.Pattern[str]
    after_to: re.Pattern[str]
    base: dict[str, str]


@lru_cache(maxsize=1)
def verb_forms() -> VerbForms:
    base: dict[str, str] = {}
    past: list[str] = []
    for form, stem, group in _data_lines("verb_forms.txt"):
        base[form] = stem
        if group == "past":
            past.append(form)
    # The listed irregular forms, then any word in -ed (a regular past, checked in Python).
    forms = "|".join(sorted(base, key=len, reverse=True)) + r"|[a-z]{3,}ed"
    # A subject pronoun (or "who") and a modal, "I'll", a negated auxiliary, or a question
    # opening "did you", "does it"; then the form. "I'd" is left out: it is also "I had".
    aux = (
        rf"(?:\b(?:{_PRONOUN}|who)\s+{_MODAL}|\b{_PRONOUN}['’]ll|\b{_NEGATED}|"
        rf"\b(?:did|does|do)\s+{_PRONOUN})"
    )
    after_aux = re.compile(rf"{aux}{_ADVERB}\s+({forms})(?![\w'’-])", re.IGNORECASE)
    after_to = re.compile(
        rf"\bto{_ADVERB}\s+({'|'.join(sorted(past, key=len, reverse=True))})(?![\w'’-])",
        re.IGNORECASE,
    )
    return VerbForms(after_aux, after_to, base)


#: Words in -ed that are not a regular past ("indeed", "embed") or whose stem is not the verb.
_NOT_REGULAR_PAST = frozenset({"indeed", "embed", "naked", "wicked", "sacred", "hatred", "kindred"})


def _regular_base(word: str) -> str | None:
    """The base form of a regular past in -ed when the dictionary knows it as a common word
    ("received" -> "receive", "attached" -> "attach", "planned" -> "plan", "applied" ->
    "apply"); None for words such as "need", "proceed" or "indeed"."""
    low = word.lower()
    if low in _NOT_REGULAR_PAST or low.endswith("eed") or len(low) < 5:
        return None
    stem = low[:-2]
    candidates = [low[:-1], stem]
    if stem.endswith("i"):
        candidates.insert(0, stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    d = english()
    for c in candidates:
        if d.frequency(c) >= 300:
            return c
    return None


def find_verb_form(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A past tense, participle or "-s" form where the base form belongs: "I will sent",
    "did you received", "it doesn't works", "to went"."""
    table = verb_forms()
    text = part.text
    seen: set[int] = set()
    spans: list[tuple[int, int]] | None = None
    for rx in (table.after_aux, table.after_to):
        for m in rx.finditer(text):
            s, e = m.span(1)
            if s in seen:
                continue
            seen.add(s)
            if spans is None:
                spans = _protected_spans(analysis)
            a, b = part.start + s, part.start + e
            if _covered(spans, part.start + m.start(), b):
                continue
            found = m.group(1)
            right = table.base.get(found.lower()) or _regular_base(found)
            if right is None:
                continue
            fix = _case_like(found, right)
            yield Hit(
                a,
                b,
                {"found": found, "expected": fix},
                (FixSpec(a, b, fix, f"Replace with '{fix}'"),),
            )


# -- "since" with a length of time -------------------------------------------------------------

_SINCE_RE = re.compile(
    r"\b(since)\s+(?:(?:the\s+)?(?:last|past)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|a\s+few|a\s+couple\s+of)"
    r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b(?!\s+(?:ago|before|earlier|"
    r"back|old|prior|after|later|since|of\s+age))",
    re.IGNORECASE,
)


def find_since_duration(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """ "since six years": "since" names a point in time; a length of time takes "for"."""
    text = part.text
    if "since" not in text.lower():
        return
    spans: list[tuple[int, int]] | None = None
    for m in _SINCE_RE.finditer(text):
        if spans is None:
            spans = _protected_spans(analysis)
        a, b = part.start + m.start(1), part.start + m.end(1)
        if _covered(spans, a, part.start + m.end()):
            continue
        fix = _case_like(m.group(1), "for")
        yield Hit(
            a,
            b,
            {"found": m.group(1), "expected": fix, "period": text[m.end(1) : m.end()].strip()},
            (FixSpec(a, b, fix, f"Replace with '{fix}'"),),
        )


CONFUSION_SLIPS = {
    "sound-alike-phrase": find_sound_alike,
    "wrong-preposition": find_wrong_preposition,
    "agreement-slip": find_agreement,
    "verb-form-after-auxiliary": find_verb_form,
    "since-duration": find_since_duration,
}
