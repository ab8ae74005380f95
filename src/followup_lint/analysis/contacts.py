"""Contact details in a draft: phone numbers (via `phonenumbers`), email addresses, profile links."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from followup_lint import regex_cache

_EMAIL_RE = regex_cache.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
)
_URL_RE = regex_cache.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"']{2,200}|\b(?:linkedin\.com|github\.com|behance\.net|"
    r"dribbble\.com)/[^\s<>()\"']{1,200}",
    re.I,
)
_PROFILE_RE = regex_cache.compile(
    r"linkedin\.com|github\.com|behance\.net|dribbble\.com|gitlab\.com", re.I
)


@dataclass(frozen=True, slots=True)
class Contact:
    kind: str  # "phone" | "email" | "profile" | "url"
    start: int
    end: int
    text: str


def find_contacts(text: str, offset: int = 0, region: str = "US") -> list[Contact]:
    """Contact details in `text`; offsets are shifted by `offset` into the draft."""
    found: list[Contact] = []
    # Each scan only where its literal mark is (most paragraphs have neither): an address has
    # an "@"; a link has "/" (after the scheme or the profile site) or starts with "www."
    # (no other letter folds to "w", so the lower case is all that test needs).
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            found.append(Contact("email", offset + m.start(), offset + m.end(), m.group()))
    if "/" in text or "www." in text.lower():
        for m in _URL_RE.finditer(text):
            kind = "profile" if _PROFILE_RE.search(m.group()) else "url"
            found.append(Contact(kind, offset + m.start(), offset + m.end(), m.group()))
    # phonenumbers' matcher is linear but not free; skip it when no run of digits could be one.
    # POSSIBLE, not VALID: a number the sender typed counts as contact details even when it is
    # not assigned (the 555 numbers of examples); dates and order numbers still do not match.
    if sum(map(str.isdigit, text)) >= 7:  # map: the same test, without a Python-level loop
        leniency = phonenumbers.Leniency.POSSIBLE
        for pm in phonenumbers.PhoneNumberMatcher(text, region, leniency=leniency):
            found.append(Contact("phone", offset + pm.start, offset + pm.end, pm.raw_string))
    found.sort(key=lambda c: c.start)
    return found
