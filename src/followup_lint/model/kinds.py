"""The kinds of message followup-lint knows (GUIDANCE.md, "Message kinds")."""

from __future__ import annotations

from typing import Literal

MessageKind = Literal[
    "thank_you",
    "status_inquiry",
    "final_follow_up",
    "offer_reply",
    "decline_offer",
    "rejection_reply",
    "networking",
]

KINDS: tuple[str, ...] = (
    "thank_you",
    "status_inquiry",
    "final_follow_up",
    "offer_reply",
    "decline_offer",
    "rejection_reply",
    "networking",
)
