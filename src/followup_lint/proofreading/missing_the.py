"""A "the" left out where English needs it: "in 1990s", "in past.", "most of students".

- A decade after "in", "during", "since", "through" or "throughout" takes "the" ("in the
  1990s", "since the early 2000s") where it ends the phrase; "in 1960s Britain" uses the
  decade as a modifier and is right.
- "in past" ending a phrase ("It happened in past.") is "in the past"; "in past years" is right
  and stays out, as does "in future", which British English uses for "from now on".
- "most of", "some of", "many of", "all of", "none of", "each of", "one of" and the like before
  a bare plural noun ("most of students") need "the" (or lose "of": "most students"). Only a
  plural in lower case whose singular is a common word counts, and never a pronoun or a
  determiner ("most of us", "some of its", "all of these"). "The majority of cases" is right:
  "majority" is a noun and is not looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.quantities import singular_guess

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# The decade must end the phrase: "in 1960s Britain", "in 1990s pop music" use the decade as a
# modifier, and need no "the".
_DECADE_RE = rc.compile(
    r"\b(?:in|during|since|through|throughout)[ \t]+()(?:(?:early|late|mid)[ \t-]+)?"
    r"(?:1[89]|20)\d0['’]?s\b"
    r"(?=[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:and|or|but|when|while|as|so|because|where|"
    r"before|after|until|that|which|with|for|at|on|in|we|i|you|they|he|she|it)\b)",
    re.IGNORECASE,
)
_IN_PAST_RE = rc.compile(r"\b(?:in)[ \t]+()past(?=[ \t]*[.,;:!?)]|[ \t]*$)", re.IGNORECASE)
_OF_PLURAL_RE = rc.compile(
    r"\b(?:most|some|many|all|none|each|one|several|few|both|any)[ \t]+of[ \t]+()"
    r"([a-z]{3,}s)\b(?!['’])",
    re.IGNORECASE,
)
#: Words in -s after "of" that are no bare plural noun: pronouns, determiners, adverbs.
_NOT_BARE_PLURAL = frozenset(
    {
        "its", "his", "hers", "ours", "yours", "theirs", "us", "this", "thus", "various",
        "others", "those", "these", "whose", "less", "unless", "always", "perhaps", "sometimes",
        "towards", "besides", "news", "series", "means", "species", "basics", "thanks",
        "politics", "economics", "physics", "mathematics", "ethics", "analytics", "logistics",
        "operations", "sales", "earnings", "savings", "headquarters", "premises", "whereabouts",
        # Plurals of numbers and amounts, which stand bare: "one of hundreds of applicants".
        "hundreds", "thousands", "millions", "billions", "dozens", "tens", "scores", "lots",
        "tons", "loads", "heaps", "masses", "numbers", "plenty",
    }
)  # fmt: skip
_COMMON = 1000


def find_missing_the(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    low = text.lower()
    found: list[tuple[int, str]] = []  # (where "the " goes, the words it goes before)
    if "0s" in text or "0's" in text or "0’s" in text:
        found.extend((m.start(1), text[m.start(1) : m.end()]) for m in _DECADE_RE.finditer(text))
    if "in past" in low:
        found.extend((m.start(1), "past") for m in _IN_PAST_RE.finditer(text))
    if " of " in low:
        d = english()
        for m in _OF_PLURAL_RE.finditer(text):
            if not m.group(2)[0].islower():
                continue  # "some of Requests' features": a name
            noun = m.group(2).lower()
            single = singular_guess(noun)
            # -ss, -us, -is are no plurals; -ics names a field, singular ("most of statistics").
            if noun in _NOT_BARE_PLURAL or noun.endswith(("ss", "us", "is", "ics")):
                continue
            if d.frequency(single) < _COMMON or d.frequency(noun) < 300:
                continue
            found.append((m.start(1), m.group(2)))
    for at, words in found:
        a = part.start + at
        if covered(protected_spans(analysis), a - 3, a + len(words)):
            continue
        yield Hit(
            a,
            a + len(words),
            {"found": words, "expected": f"the {words}"},
            (FixSpec(a, a, "the ", "Add 'the'"),),
        )
