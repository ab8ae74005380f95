"""Built-in functions for the `python` check kind: logic that fits no data-driven kind.

Each takes (analysis, parts, args) and yields Hits. Keep them small and say why they exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .analysis import Analysis
from .checks.base import Hit
from .checks.python import function
from .draft import Part


@function("empty-draft")
def empty_draft(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Fires when the sender wrote nothing at all below the headers."""
    if not any(p.text.strip() for p in analysis.draft.parts("message")):
        at = analysis.draft.subject.end if analysis.draft.subject else 0
        yield Hit(at, at, {})
