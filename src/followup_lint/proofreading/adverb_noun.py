"""An adverb in an adjective's place: "a philosophically question", "an exceptionally effort".

After "a" or "an" an -ly adverb needs an adjective or a participle to modify ("a surprisingly
good offer"); when the next word ends the noun phrase (a stop, or a preposition, "that", a verb
of being after it), that word is the noun, and the adverb should be the adjective it comes from
("a philosophical question"). Only adverbs made from a common adjective with the regular
suffixes count ("-ally", "-fully", "-ously", "-ively", "-ently", "-antly", "-ably", "-ibly"),
so "a friendly chat", "a costly mistake", "a rally today" and "a tally sheet" stay out; so does
"-ely" ("a likely story", "a lonely night": "likely" and "lonely" are adjectives themselves).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_RE = rc.compile(
    r"\b(?:a|an)[ \t]+([a-z]+(?:ally|fully|ously|ively|ently|antly|ably|ibly))[ \t]+([a-z]{3,})"
    r"(?=[ \t]*[.,;:!?]|[ \t]+(?:of|that|for|to|about|in|with|from|which|who|is|was|and|or)\b)",
    re.IGNORECASE,
)
#: How often (per billion words, as `english()` counts) the adjective must be seen: a rare
#: stem says the -ly word is no adverb of a common adjective.
_COMMON = 1000


def adjective_of(adverb: str) -> str | None:
    """The adjective an -ly adverb is made from, when it is a common word ("philosophically"
    -> "philosophical", "possibly" -> "possible", "carefully" -> "careful")."""
    low = adverb.lower()
    d = english()
    stems = [low[:-2] + "le"] if low.endswith(("ably", "ibly")) else [low[:-2]]
    if low.endswith("ically"):
        stems.append(low[:-4])  # "basically" -> "basic"
    for stem in stems:
        if d.frequency(stem) >= _COMMON:
            return stem
    return None


def find_adverb_before_noun(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "ly " not in text:
        return
    d = english()
    for m in _RE.finditer(text):
        adverb, noun = m.group(1), m.group(2)
        right = adjective_of(adverb)
        # The word after it must be a common word that is no adverb or adjective in -ly itself.
        if right is None or noun.lower().endswith("ly") or d.frequency(noun) < _COMMON:
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        if covered(protected_spans(analysis), a, part.start + m.end(2)):
            continue
        yield replacement(a, b, right, {"found": f"{adverb} {noun}", "expected": f"{right} {noun}"})
