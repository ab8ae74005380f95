"""The parts of a parsed draft: spans into the original text, typed placeholder slots, and
signature lines. `reading.layout` builds them; every check reads them and none re-splits lines.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from email.utils import getaddresses
from typing import Literal

#: What a placeholder slot stands for.
SlotKind = Literal[
    "recipient_name",  # "Dear [Interviewer's Name]"
    "sender_name",  # "[Your Name]" under the sign-off
    "name",  # a name whose owner the template does not say
    "contact",  # "[Your Phone Number]", "Your contact info"
    "address",  # "City, State, Zip Code"
    "company",  # "[Company Name]", "%COMPANY_NAME%"
    "role",  # "[Job Title]", "{role}"
    "topic",  # "[specific topic you discussed]"
    "date",  # "[Date]", "(date)"
    "instruction",  # "(use their title if you do not know their name)"
    "other",  # anything else: "XXX", "TBD", "____"
]

#: What a line of a signature block holds.
SignatureLineKind = Literal[
    "name", "title", "company", "phone", "email", "profile", "address", "slot", "other"
]


@dataclass(frozen=True, slots=True)
class Part:
    """A named region of the draft: `text == draft.text[start:end]`."""

    name: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Slot:
    """A template placeholder left in the draft, and what it stands for."""

    start: int
    end: int
    text: str
    stands_for: SlotKind
    #: The part it lies in ("subject", "greeting", "body", "signature", "letterhead" ...).
    part: str = "body"


@dataclass(frozen=True, slots=True)
class SignatureLine:
    kind: SignatureLineKind
    part: Part


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    email: str

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2].lower() if "@" in self.email else ""


@dataclass(slots=True)
class Draft:
    """A parsed draft. Build one with `followup_lint.reading.sources.read_draft` or `parse_text`."""

    text: str
    path: str | None = None
    format: str = "text"  # "text" | "markdown" | "eml"
    basis: str = "source"  # see Finding.basis
    headers: dict[str, str] = field(default_factory=dict)  # lower-case name -> unfolded value
    header_parts: dict[str, Part] = field(default_factory=dict)  # lower-case name -> value span
    subject: Part | None = None
    #: Address blocks, date lines and a "RE:" line of a letter, above or just below the greeting.
    letterhead: list[Part] = field(default_factory=list)
    greeting: Part | None = None
    paragraphs: list[Part] = field(default_factory=list)
    closing: Part | None = None
    signature: Part | None = None
    signature_lines: list[SignatureLine] = field(default_factory=list)
    #: Lines a mail app appended ("Sent from my iPhone"): not the sender's words.
    trailer: list[Part] = field(default_factory=list)
    quoted: list[Part] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    def addresses(self, *names: str) -> list[Address]:
        """Parsed addresses of the named headers (e.g. "to", "cc")."""
        values = [self.headers[n] for n in names if n in self.headers]
        return [Address(n.strip(), e.strip()) for n, e in getaddresses(values) if n or e]

    @property
    def body_text(self) -> str:
        """The sender's own body paragraphs joined by blank lines (no quoted text)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def slots_in(self, part: Part | None) -> list[Slot]:
        """The slots inside a part."""
        if part is None:
            return []
        return [s for s in self.slots if part.start <= s.start and s.end <= part.end]

    def parts(self, scope: str) -> list[Part]:
        """The parts a rule with this scope looks at."""
        if scope == "subject":
            return [self.subject] if self.subject else []
        if scope == "greeting":
            return [self.greeting] if self.greeting else []
        if scope == "body":
            return list(self.paragraphs)
        if scope == "closing":
            return [self.closing] if self.closing else []
        if scope == "signature":
            return [self.signature] if self.signature else []
        if scope == "message":  # everything the sender wrote below the headers
            own = [*self.letterhead, self.greeting, *self.paragraphs, self.closing, self.signature]
            return sorted((p for p in own if p is not None), key=_part_start)
        if scope == "whole":
            own = [
                self.subject,
                *self.letterhead,
                self.greeting,
                *self.paragraphs,
                self.closing,
                self.signature,
            ]
            return sorted((p for p in own if p is not None), key=_part_start)
        raise ValueError(f"unknown scope {scope!r}")

    def part_at(self, offset: int) -> str:
        """The name of the part that holds this offset ("headers" or "body" as a fallback)."""
        for p in (self.subject, self.greeting, self.closing, self.signature):
            if p is not None and p.start <= offset < max(p.end, p.start + 1):
                return p.name
        # Paragraphs and quoted parts are in text order and do not overlap: a binary search keeps
        # this O(log n) per finding (a linear scan made a draft of 10,000 paragraphs quadratic).
        # The report's part names are a published enum: a letterhead reads as body, a mail
        # app's footer as signature.
        for parts, name in (
            (self.paragraphs, "body"),
            (self.quoted, "quoted"),
            (self.letterhead, "body"),
            (self.trailer, "signature"),
        ):
            i = bisect.bisect_right(parts, offset, key=_part_start) - 1
            if i >= 0 and offset <= parts[i].end:
                return name
        return "body"


def _part_start(part: Part) -> int:
    return part.start
