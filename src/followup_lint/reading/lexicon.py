"""The one copy of the words a draft's layout is read by: greetings, sign-offs, titles, the
words of a nameless greeting, unbracketed slot phrases and mail-app footers.

Each list is a data file in `reading/data/` (one entry a line, `#` comments) so that it can grow
without touching code; every other module imports the lists from here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("followup_lint.reading").joinpath("data", name).read_text("utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _phrase_pattern(phrases: list[str]) -> str:
    # Longest first, so that "best regards" wins over "best"; a space matches any whitespace run.
    # Ties in alphabetical order: the same pattern text in every process (not the set's hash
    # order), so that the compiled pattern can come from the on-disk cache (regex_cache.py).
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@lru_cache(maxsize=1)
def greeting_openers() -> tuple[str, ...]:
    """Words that open a greeting: "dear", "hi", "good morning" ..."""
    return tuple(_lines("greetings.txt"))


@lru_cache(maxsize=1)
def greeting_pattern() -> str:
    """A regex alternation of the greeting openers (no anchors, no flags)."""
    return _phrase_pattern(list(greeting_openers()))


@lru_cache(maxsize=1)
def closings() -> tuple[str, ...]:
    """Sign-offs written above the sender's name, lower case."""
    return tuple(_lines("closings.txt"))


@lru_cache(maxsize=1)
def closing_pattern() -> str:
    """A regex alternation of the sign-offs (no anchors, no flags)."""
    return _phrase_pattern(list(closings()))


@lru_cache(maxsize=1)
def pure_sign_offs() -> frozenset[str]:
    """Sign-offs that are never a sentence of thanks ("Best regards", "Sincerely")."""
    return frozenset(_lines("sign_off_words.txt"))


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Courtesy titles ("mr", "dr", "prof"), lower case, without the full stop."""
    return frozenset(_lines("titles.txt"))


@lru_cache(maxsize=1)
def addressee_words() -> frozenset[str]:
    """Words of a greeting that name nobody ("sir", "hiring", "team", "whom")."""
    return frozenset(w for line in _lines("addressees.txt") for w in line.split())


@lru_cache(maxsize=1)
def slot_phrases() -> tuple[tuple[str, str], ...]:
    """Unbracketed placeholder phrases and what each stands for ("Your Name", "sender_name")."""
    out = []
    for line in _lines("slot_lines.txt"):
        phrase, _, stands_for = line.partition("\t")
        out.append((phrase.strip(), stands_for.strip() or "other"))
    return tuple(out)


@lru_cache(maxsize=1)
def device_footers() -> tuple[str, ...]:
    """Regular expressions of the lines mail apps append ("Sent from my iPhone")."""
    return tuple(_lines("devices.txt"))


@lru_cache(maxsize=1)
def html_tags() -> frozenset[str]:
    """HTML tag names, lower case: `<p>` pasted with a draft is markup, not a slot."""
    return frozenset(_lines("html_tags.txt"))


@lru_cache(maxsize=1)
def role_mailboxes() -> frozenset[str]:
    """Local parts of shared mailboxes ("careers", "recruiting"), lower case, no separators."""
    return frozenset(_lines("role_mailboxes.txt"))
