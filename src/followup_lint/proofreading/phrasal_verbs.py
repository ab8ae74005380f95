"""A phrasal verb written as its noun: "I will followup", "to setup a call", "please login".

The noun of many phrasal verbs is one word or hyphenated ("a follow-up", "the setup"), the verb
is two ("follow up", "set up"); writers carry the noun's spelling over to the verb. The noun
forms are a data file (phrasal_verb_forms.txt). A form is read as a verb only where a noun
cannot stand:
- after a modal with its subject ("I will", "could you", "you'll", "won't"), "please", "let's",
  "let me";
- after the "to" of an infinitive ("I'd like to", "happy to"), and then only when what follows
  is not a noun it could modify: a determiner, a pronoun, a preposition, an adverb of time or
  the end of the clause ("to setup a call", "to followup with you", "to followup.");
- after any other "to", "follow-up", "set-up" and "check-in" (closed or hyphenated) before an
  object or "with"/"on"/"about" ("I am writing to follow-up on"), which are never nouns there.
"Proceed to checkout", "switch to backup power" and "the followup email" are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit
from followup_lint.proofreading.confusions import (
    _INFINITIVE_BEFORE,
    _MODAL,
    _PRONOUN,
    _SP,
    _data_lines,
    group_fix,
)

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# What a verb is followed by and a noun used as a modifier is not.
_VERB_NEXT = (
    r"(?:[ \t]+(?:a|an|the|my|your|our|their|his|her|its|this|that|these|those|me|you|him|"
    r"them|us|it|with|on|about|regarding|again|soon|later|shortly|next|tomorrow|today|once|"
    r"if|when|before|after|by|as|so)\b|[ \t]*(?:[.!?,;:)]|$))"
)
_MODAL_BEFORE = (
    rf"(?:\b{_PRONOUN}{_SP}{_MODAL}|\b{_MODAL}{_SP}{_PRONOUN}|\b{_PRONOUN}['’]ll|\b(?:won|can|couldn|wouldn|shouldn)['’]t|"
    rf"\bcannot|\bplease|\blet['’]s|\blet{_SP}(?:me|us))"
)


_AFTER_ANY_TO = ("follow-up", "followup", "set-up", "check-in")


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    verb_of: dict[str, str] = {}
    for nouns, verb in (fields[:2] for fields in _data_lines("phrasal_verb_forms.txt")):
        for noun in nouns.split():
            verb_of[noun] = verb
    forms = "|".join(re.escape(f) for f in sorted(sorted(verb_of), key=len, reverse=True))
    after_modal = rc.compile(
        rf"{_MODAL_BEFORE}(?:{_SP}(?:also|just|really|then|quickly))?{_SP}({forms})(?![\w'’-])",
        re.IGNORECASE,
    )
    after_to = rc.compile(
        rf"\b{_INFINITIVE_BEFORE}{_SP}to{_SP}({forms})(?=(?![\w'’-]){_VERB_NEXT})",
        re.IGNORECASE | re.MULTILINE,
    )
    # After any other "to", the forms that are hardly ever a noun there ("I am writing to
    # follow-up on", "to check-in with you"), before an object or a verb's preposition.
    # "looking forward to" is looking-forward-to's, and "thanks to", "due to" take nouns.
    verbish = "|".join(re.escape(f) for f in _AFTER_ANY_TO)
    after_any_to = rc.compile(
        rf"(?<!\bforward )(?<!\bthanks )(?<!\bdue )(?<!\bprior )(?<!\baccording )"
        rf"\bto{_SP}({verbish})(?=[ \t]+(?:with|on|about|regarding|a|an|the|my|your|our|you|"
        r"me|us|them|him|her|it)\b)",
        re.IGNORECASE,
    )
    return after_modal, after_to, after_any_to, verb_of


def find_noun_form_as_verb(analysis: Analysis, part: Part) -> Iterator[Hit]:
    after_modal, after_to, after_any_to, verb_of = _table()
    text = part.text
    low = text.lower()
    # Most paragraphs hold none of the forms: a substring test is far cheaper than the
    # patterns, which open with alternations the regex engine tries at every word.
    if not any(form in low for form in verb_of):
        return
    seen: set[int] = set()
    for rx in (after_modal, after_to, after_any_to):
        for m in rx.finditer(text):
            if m.start(1) in seen:
                continue
            seen.add(m.start(1))
            hit = group_fix(analysis, part, m, verb_of)
            if hit is not None:
                yield hit
