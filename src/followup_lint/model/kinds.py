"""The kinds of message followup-lint knows (GUIDANCE.md, "Message kinds")."""

from __future__ import annotations

from typing import Literal, get_args

MessageKind = Literal[
    "thank_you",
    "status_inquiry",
    "final_follow_up",
    "offer_reply",
    "decline_offer",
    "rejection_reply",
    "networking",
]

#: The same kinds as a tuple, in GUIDANCE.md's order (one list: derived from the type).
KINDS: tuple[str, ...] = get_args(MessageKind)
