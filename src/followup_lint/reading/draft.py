"""A draft split into the parts people write: subject, greeting, body, closing, signature.

The types live in `followup_lint.model.draft` and the parser in `followup_lint.reading.layout`;
this module keeps the long-standing import path (`from followup_lint.reading.draft import Part`).
"""

from __future__ import annotations

from followup_lint.model.draft import (
    Address,
    Attachment,
    Draft,
    Part,
    SignatureLine,
    Slot,
)
from followup_lint.reading.layout import TEXT_HEADERS, parse_text

__all__ = [
    "TEXT_HEADERS",
    "Address",
    "Attachment",
    "Draft",
    "Part",
    "SignatureLine",
    "Slot",
    "parse_text",
]
