"""informal-greeting: "Hey," and "Yo Dana!" swapped for a greeting fit for a hiring manager.

A substitution table alone loses information: "Hey," would become "Dear," and the reader would
be greeted by nobody. So the fix depends on what follows the greeting word:
- a name ("Hey Dana,"): only the word changes ("Dear Dana,");
- no name, and the replacement needs none ("Hey all," -> "Hello all,"): the word changes;
- no name, and the context (or the To: header) names exactly one interviewer: the name is
  written in ("Hey," -> "Dear Mr. Webb," with a title, else "Dear Marcus,");
- no name and none known: the finding stands with no safe fix, because any name we wrote
  would be a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from followup_lint import regex_cache
from followup_lint.checks._matching import match_case
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.judgements.registry import function
from followup_lint.reading.lexicon import titles

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.model.context import Person
    from followup_lint.reading.draft import Part

_WORD = regex_cache.compile(r"[^\W\d_][\w'’.-]*")


def _pattern(keys: list[str]) -> re.Pattern[str]:
    # Longest first, so that "hey there" wins over "hey"; an apostrophe may be typographic.
    alts = sorted(keys, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in k.split()) for k in alts)
    return regex_cache.compile(rf"^\s*({body})(?![\w'’])", re.I)


def addressee(people: tuple[Person, ...]) -> str | None:
    """How to greet the one person the note goes to: "Mr. Webb" when a title is known, else
    the first name; None when nobody, or more than one person, is known."""
    names = {p.name.strip(): p for p in people if p.name.strip()}
    if len(names) != 1:
        return None
    person = next(iter(names.values()))
    words = person.name.split()
    # `title` is often the person's job ("Design Lead"): only an honorific ("Mr.", "Dr", "Prof.")
    # goes in front of a surname; anything else falls back to the first name.
    honorific = (person.title or "").strip()
    if honorific and len(words) > 1 and honorific.rstrip(".").lower() in titles():
        return f"{honorific} {words[-1]}"
    return words[0]


@function("informal-greeting")
def informal_greeting(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """A casual greeting word, with a fix that keeps (or supplies) the person's name."""
    swap = {" ".join(k.lower().replace("’", "'").split()): v for k, v in args["swap"].items()}
    needs_name = {str(w).lower() for w in args.get("needs_name", ("dear",))}
    pattern = _pattern(list(swap))
    for part in parts:
        m = pattern.match(part.text)
        if m is None:
            continue
        found = m.group(1)
        key = " ".join(found.lower().replace("’", "'").split())
        replacement = match_case(found, swap[key])
        start, end = part.start + m.start(1), part.start + m.end(1)
        named = _WORD.search(part.text[m.end(1) :]) is not None
        fixes: tuple[FixSpec, ...] = ()
        supplied = False
        if named or replacement.lower() not in needs_name:
            fixes = (FixSpec(start, end, replacement, f"Replace with '{replacement}'"),)
        else:
            who = addressee(analysis.context.interviewers)
            if who is not None:
                replacement, supplied = f"{replacement} {who}", True
                fixes = (FixSpec(start, end, replacement, f"Replace with '{replacement}'"),)
        values = {"match": found, "replacement": replacement, "supplied_name": supplied}
        yield Hit(start, end, values, fixes)
