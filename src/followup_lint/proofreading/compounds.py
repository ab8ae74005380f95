"""Compound modifiers written without their hyphens: "a full time job", "an entry level role",
"a 30 minute call", "a self motivated analyst" (the `compound-modifier` rule).

The compounds are data (compound_modifiers.txt). A compound of the `before-noun` section is
flagged only where it stands between an article or a possessive and a word that is not a
function word, which is where it modifies a noun ("a long term plan"); elsewhere it is often
right without hyphens ("in the long term", "I work full time", "a high level of detail"). A
number and a unit of time before a noun ("a 30 minute call", "a two week trial") are read the
same way, except before "old" ("the 16 year old", where both hyphens or none are seen).
Compiled once into one pattern per kind; one scan of a paragraph each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

#: Between the words of a compound: spaces, or one line break (hard-wrapped mail).
_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
_DETERMINERS = r"a|an|the|this|that|our|my|your|their|his|her|its|every|each|another|any"
#: Words after the compound that show it is not a modifier of the next word: the compound is
#: the noun ("the long term of the loan"), or it ends the phrase ("the last minute I").
_FUNCTION_WORDS = (
    "of in at on for with to from about by into than that which who whom whose why where when "
    "and or but nor so as if is are was were be been am has have had will would can could "
    "should may might must do does did not i you he she it we they me him us them before "
    "after during because since until while then there here now today again"
)
_NUMBER = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety"
_UNIT = r"minute|hour|day|week|month|year|page|step|person"


@cache
def _compounds() -> dict[str, list[str]]:
    text = resources.files(__package__).joinpath("compound_modifiers.txt").read_text("utf-8")
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        current.append(" ".join(line.lower().split()))
    return sections


def _alternation(compounds: list[str]) -> str:
    return "|".join(
        _SP.join(re.escape(w) for w in c.split())
        for c in sorted(sorted(compounds), key=len, reverse=True)
    )


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = _compounds()
    noun_next = rf"(?={_SP}(?!(?:{_FUNCTION_WORDS.replace(' ', '|')})\b)[a-z]{{2,}}\b(?![-'’]))"
    before_noun = rc.compile(
        rf"\b(?:{_DETERMINERS}){_SP}({_alternation(c['before-noun'])})\b(?![-'’]){noun_next}",
        re.IGNORECASE,
    )
    always = rc.compile(rf"\b({_alternation(c['always'])})\b(?![-'’])", re.IGNORECASE)
    counted = rc.compile(
        rf"\b(?:a|an|the|this|our|my|your|their|every|each){_SP}((?:{_NUMBER}){_SP}(?:{_UNIT}))"
        rf"\b(?![-'’])(?!{_SP}old\b){noun_next}",
        re.IGNORECASE,
    )
    return before_noun, always, counted


def find_compound_modifier(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for rx in _patterns():
        for m in rx.finditer(text):
            found = m.group(1)
            a, b = part.start + m.start(1), part.start + m.end(1)
            if covered(protected_spans(analysis), a, b):
                continue
            fix = "-".join(found.split())
            yield replacement(
                a,
                b,
                fix,
                {"found": found, "expected": fix},
            )
