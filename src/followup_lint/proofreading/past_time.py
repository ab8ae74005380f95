"""The simple present with a time that is over: "I apply for the role last week", "we meet
yesterday", "I send the forms two days ago".

A finished time ("yesterday", "last week", "three days ago") needs the simple past. Only the
verbs of `past_time_verbs.txt` (single events a follow-up tells of) after "I", "we", "they" or
"you", and their -s forms after "he" or "she", are read, and only where the pronoun starts a clause (the start of a sentence, a comma or
a conjunction before it): after another verb the pronoun is its object ("I heard you speak last
week" is right). At most five words may stand between the verb and the time, and none of them a
subject pronoun (but "you" just after the verb, its object: "I send you the form"), a
conjunction, a relative word, a preposition that makes the time part of a
phrase ("since last year", "from last week", "every week, last week too") or a past form, which
shows the time belongs to a clause of its own ("I visit the office Sam opened last year"). "The
last week of the month" is a period, not a finished time, and "yesterday's" is a possessive.

The scan is gated: nothing runs unless the part holds "yesterday", "last" or "ago", and then
only a short window before each such time is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.confusions import lowered_part
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# The finished times, each matched where its keyword was found by `str.find` (cheaper than a
# scan of the part): "yesterday", "last week" (not "last week of"), "two days ago".
_YESTERDAY_RE = rc.compile(r"yesterday(?![\w'’-])", re.IGNORECASE)
_LAST_RE = rc.compile(
    r"last[ \t]+(?:night|week|weekend|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|summer|winter|spring|autumn|fall)(?![\w'’-])(?![ \t]+of\b)",
    re.IGNORECASE,
)
_AGO_RE = rc.compile(
    r"(?<![\w'’-])(?:two|three|four|five|six|a[ \t]+few|several|\d+)[ \t]+"
    r"(?:days|weeks|months|years)[ \t]+ago$",
    re.IGNORECASE,
)
_WORDISH = frozenset("'’-_")
#: Words that may stand before a pronoun that starts a clause.
_OPENERS = frozenset(
    {
        "and", "but", "so", "then", "that", "because", "when", "after", "before", "as", "also",
        "recently", "actually", "finally", "first", "since", "once", "thanks",
    }
)  # fmt: skip
#: Words between the verb and the time that make the time belong elsewhere.
_STOPS = frozenset(
    {
        "i", "we", "they", "you", "he", "she", "and", "or", "but", "because", "when", "while",
        "if", "that", "which", "who", "whom", "whose", "where", "since", "until", "till",
        "than", "as", "like", "from", "before", "after", "every", "each", "by", "of",
        "during", "usually", "always", "often", "sometimes", "never", "normally", "not",
        "don't", "won't", "can't", "will", "would", "should", "could", "can", "may", "might",
        "must", "is", "are", "was", "were", "been", "had", "did",
    }
)  # fmt: skip
_WORD_BEFORE_RE = rc.compile(r"(?<![A-Za-z'’])([A-Za-z'’]+)[ \t]*$")
_WINDOW = 90


@cache
def _pasts() -> dict[str, str]:
    """base form -> simple past (past_time_verbs.txt)."""
    text = resources.files(__package__).joinpath("past_time_verbs.txt").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {base.strip(): past.strip() for base, past in pairs}


def _s_form(base: str) -> str:
    """The third-person form of a listed verb ("apply" -> "applies", "finish" -> "finishes")."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "o")):
        return base + "es"
    return base + "s"


@cache
def _verb_pasts() -> dict[str, str]:
    """Every form read (base and -s form) -> its simple past."""
    pasts = _pasts()
    return {**pasts, **{_s_form(base): past for base, past in pasts.items()}}


@cache
def _before_re() -> re.Pattern[str]:
    pasts = _pasts()
    bases = "|".join(sorted(pasts, key=len, reverse=True))
    s_forms = "|".join(sorted((_s_form(b) for b in pasts), key=len, reverse=True))
    return rc.compile(
        rf"(?<![\w'’-])(?:(I|[Ww]e|[Tt]hey|[Yy]ou)[ \t]+({bases})|([Hh]e|[Ss]he)[ \t]+({s_forms}))"
        r"(?![\w'’-])((?:[ \t]+[A-Za-z0-9'’-]+){0,5})[ \t]+$"
    )


def _past_like(word: str) -> bool:
    low = word.lower()
    return low.endswith("ed") or low in _past_set()


@cache
def _past_set() -> frozenset[str]:
    return frozenset(_pasts().values())


def _times(text: str, low: str) -> Iterator[re.Match[str]]:
    """The finished times of the text (`low`: the text in lower case, letter for letter)."""
    for keyword, rx in (("yesterday", _YESTERDAY_RE), ("last", _LAST_RE)):
        i = low.find(keyword)
        while i >= 0:
            starts_word = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in _WORDISH)
            # "the last week of the month" is a period, not a finished time
            if starts_word and (keyword != "last" or low[max(0, i - 4) : i] != "the "):
                m = rx.match(text, i)
                if m is not None:
                    yield m
            i = low.find(keyword, i + 1)
    i = low.find("ago")
    while i >= 0:
        after = text[i + 3 : i + 4]
        if not (after.isalnum() or after in _WORDISH):
            m = _AGO_RE.search(text, max(0, i - 30), i + 3)
            if m is not None:
                yield m
        i = low.find("ago", i + 1)


def find_present_with_past_time(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    low = lowered_part(analysis, part)
    if low is None:
        low = text.lower()
        if len(low) != len(text):
            return  # a letter whose lower case is longer: offsets would not hold
    if "yesterday" not in low and "last" not in low and "ago" not in low:
        return
    before_re = _before_re()
    for t in _times(text, low):
        s = t.start()
        m = before_re.search(text, max(0, s - _WINDOW), s)
        if m is None:
            continue
        pronoun = m.group(1) or m.group(3)
        verb_at = 2 if m.group(1) else 4
        verb = m.group(verb_at)
        between = m.group(5).split()
        if between and between[0].lower() == "you":
            between = between[1:]  # "I send you the form": "you" is the verb's object
        if any(w.lower().replace("’", "'") in _STOPS or _past_like(w) for w in between):
            continue
        prev = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if prev is not None and prev.group(1).lower() not in _OPENERS:
            continue  # the pronoun follows a verb or a noun: an object, or a relative clause
        a, b = part.start + m.start(verb_at - 1), part.start + t.end()
        if covered(protected_spans(analysis), a, b):
            continue
        past = _verb_pasts()[verb.lower()]
        va, vb = part.start + m.start(verb_at), part.start + m.end(verb_at)
        yield Hit(
            a,
            b,
            {
                "found": f"{pronoun} {verb}",
                "expected": f"{pronoun} {past}",
                "time": t.group(0),
            },
            (FixSpec(va, vb, past, f"Replace with '{past}'"),),
        )
