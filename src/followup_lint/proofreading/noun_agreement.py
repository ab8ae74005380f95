"""A singular noun that opens a sentence with the base form of a common verb: "My manager want
to meet you", "The project need more time", "The dog eat." (the `singular-subject-verb` rule).

Only the shape that leaves no other reading is looked at: the sentence starts with a
determiner ("the", "my", "our" ...), at most one word between it and the noun, then the noun
(a common lower-case word with a common plural, not a collective noun or one of the other
words of `not-singular-nouns` in agreement_words.txt: "the team want" is British usage), then
one of a few common verbs in the base form, then the start of an object or the end of the
sentence. So "The project plan covers", "The company work ethic", "The team want", "The
people need" and "Does the manager want" are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.confusions import lowered_part, scan_lowered
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.quantities import plural_of

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_IRREGULAR = {"go": "goes", "do": "does", "have": "has", "say": "says"}
#: Where a sentence starts: the part's start, or a stop (and a closing quote) and spaces. A
#: bare line break is not one: plain-text mail is hard-wrapped anywhere.
_START = r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\"'”’)][ \t])|(?<=[.!?][ \t]{2}))"
_PRONOUNS = frozenset({"you", "they", "she", "him", "her", "them", "who", "one", "ones", "all"})
_NOT_NOUN_ENDINGS = ("s", "ed", "ing", "ly", "est", "ful", "ous", "ive", "ish")


@cache
def _section(name: str) -> frozenset[str]:
    """One [section] of agreement_words.txt."""
    text = resources.files(__package__).joinpath("agreement_words.txt").read_text("utf-8")
    words: set[str] = set()
    inside = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            inside = line == f"[{name}]"
            continue
        if inside and line and not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def _not_singular() -> frozenset[str]:
    return _section("not-singular-nouns")


#: Words that open a clause whose subject follows ("She asked whether the dog eat", "if the
#: project need more time"). Not "that" (a subjunctive may follow it: "I suggest that the team
#: meet"), "and" or "so" (which also join verbs: "let the manager know").
_CLAUSE_WORDS = (
    r"(?<![\w'’-])(?i:whether|if|because|when|although|though|while|once|unless|until)[ \t]+"
)
#: A relative clause closed by its comma between the noun and its verb ("My dog, whose name is
#: Joe, eat."): the verb after the closing comma is the main clause's.
_RELATIVE_ASIDE = r"(?:,[ \t]+(?i:who|whose|which)[ \t][^,.;:!?()\n]{1,60},)?"


#: A paragraph must hold one of these before the clause-word pattern is tried.
_CLAUSE_CUES = ("whether", "if", "because", "when", "though", "while", "once", "unless", "until")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _pattern(_START), _pattern(_CLAUSE_WORDS)


def _pattern(start: str) -> re.Pattern[str]:
    verbs = "|".join(sorted(_section("subject-verbs")))
    return rc.compile(
        start
        + r"(?:the|my|our|your|his|her|their|this|that|its)[ \t]+(?:([a-z]+)[ \t]+)?"
        + rf"([a-z]{{3,}}){_RELATIVE_ASIDE}[ \t]+({verbs})\b(?![-'’])"
        + r"(?=[ \t]*(?:[.!?,;:]|$)|[ \t]+(?:to|the|a|an|my|your|our|his|her|their|this|that|"
        + r"these|those|it|me|you|us|them|him|more|some|any|no|every|all|time|help|so|very|well)\b)",
        re.IGNORECASE,
    )


def _third_person(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return verb[:-1] + "ies"
    return verb + "s"


def _singular_noun(word: str) -> bool:
    if word != word.lower() or word.endswith(_NOT_NOUN_ENDINGS) or word in _not_singular():
        return False
    d = english()
    # Lower bars than the quantifier rule: the sentence shape already says "noun" here.
    return d.frequency(word) >= 300 and d.frequency(plural_of(word)) >= 60


def find_singular_subject_verb(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    at_start, after_clause_word = _patterns()
    low = text.lower()
    matches = list(at_start.finditer(text))
    if any(c in low for c in _CLAUSE_CUES):
        matches += scan_lowered(after_clause_word, text, lowered_part(analysis, part))
    for m in matches:
        modifier, noun, verb = m.group(1), m.group(2), m.group(3)
        if noun.lower() in _PRONOUNS or not _singular_noun(noun):
            continue  # "if the message you want": a relative clause with its own subject
        if modifier is not None and modifier.lower() in _not_singular():
            continue  # "the first come", "the other want": not a noun phrase with a head noun
        if noun.lower() in _section("subject-verbs"):
            continue  # "the work need": two verbs, no certain subject
        a, b = part.start + m.start(3), part.start + m.end(3)
        if covered(protected_spans(analysis), part.start + m.start(), b):
            continue
        fixed = _third_person(verb.lower())
        yield Hit(
            a,
            b,
            {"found": f"{noun} {verb}", "expected": f"{noun} {fixed}"},
            (FixSpec(a, b, fixed, f"Replace with '{fixed}'"),),
        )
