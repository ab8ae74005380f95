"""Guessing the message kind from the subject and body when nobody said what it is.

A scored keyword vote: each kind has cue phrases with weights; the subject counts double. The
context or --kind always wins over this guess; the report says which it was.
"""

from __future__ import annotations

import re

from .draft import Draft

# (pattern, weight) per kind; patterns are matched case-insensitively on word boundaries.
_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "thank_you": (
        (
            r"thank(?:s| you) for (?:taking the time|(?:the|your) time|meeting|speaking|the "
            r"(?:interview|opportunity|conversation|chat))",
            3.0,
        ),
        (
            r"(?:enjoyed|appreciated) (?:our|the) (?:conversation|interview|discussion|meeting|chat)",
            2.5,
        ),
        (r"thank(?:s| you)", 0.6),
        (r"interview(?:ing)? (?:with|for)", 0.8),
        (r"great to (?:meet|speak|talk)", 1.5),
    ),
    "status_inquiry": (
        (r"(?:any )?updates? on|status of|where things stand|timeline|next steps", 1.2),
        (r"following up|follow(?:ing)?[- ]up on|checking in", 1.2),
        (r"(?:hear|heard) (?:back|from you)|any news", 1.5),
        (r"hiring (?:decision|process)", 1.0),
    ),
    "final_follow_up": (
        (r"(?:one )?(?:last|final) (?:time|follow[- ]up|note|check)", 3.0),
        (
            r"(?:moved|moving) forward with other|close the loop|won'?t (?:reach out|follow up) again",
            2.5,
        ),
        (r"still (?:very )?interested", 0.8),
    ),
    "offer_reply": (
        (r"(?:job |your )?offer(?: letter)?", 1.5),
        (r"(?:salary|compensation|start date|base pay|equity|relocation|benefits)", 1.2),
        (r"(?:excited|thrilled|delighted) to (?:accept|receive)", 2.0),
        (r"accept(?:ing)? the (?:offer|position)", 2.5),
    ),
    "decline_offer": (
        (r"(?:decline|turn down|not (?:be )?(?:able to )?accept)", 3.0),
        (r"(?:accepted|accepting) (?:another|a different) (?:offer|position|role)", 3.0),
        (r"difficult decision", 1.5),
    ),
    "rejection_reply": (
        (
            r"(?:not|n't) (?:been )?selected|decided to (?:go|move forward) with|other candidates?",
            3.0,
        ),
        (r"disappointed|for letting me know|future (?:openings|opportunities|roles)", 1.5),
        (r"feedback", 0.8),
    ),
    "networking": (
        (r"congratulations|congrats", 2.0),
        (r"(?:thought|think) you (?:might|would|'d) (?:find|enjoy|like)|came across|article", 1.8),
        (r"keep in touch|stay in touch|connect on linkedin|touch base|catch up|coffee", 2.0),
        (r"it'?s been a while|hope you(?:'re| are) (?:well|doing well)", 0.8),
    ),
}
_COMPILED = {
    kind: tuple((re.compile(rf"\b(?:{p})\b", re.I), w) for p, w in cues)
    for kind, cues in _CUES.items()
}


def detect_kind(draft: Draft) -> tuple[str | None, dict[str, float]]:
    """The most likely kind and every kind's score; None when nothing points anywhere."""
    subject = draft.subject.text if draft.subject else ""
    body = draft.body_text[:20000]  # the opening says what a message is; skip long tails
    scores: dict[str, float] = {}
    for kind, cues in _COMPILED.items():
        score = 0.0
        for rx, weight in cues:
            if rx.search(subject):
                score += 2 * weight
            score += weight * min(len(rx.findall(body)), 2)
        scores[kind] = score
    best = max(scores, key=lambda k: scores[k])
    return (best if scores[best] >= 1.0 else None), scores
