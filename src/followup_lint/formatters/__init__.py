"""Output formats. Each module holds one; `FORMATTERS` maps the --format name to it.

A formatter turns finished reports into text; it never re-runs a check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from followup_lint.formatters import github_format, json_format, sarif_format, text_format
from followup_lint.model.report import Report

Formatter = Callable[[Sequence[Report]], str]

FORMATTERS: dict[str, Callable[..., str]] = {
    "text": text_format.render,
    "concise": text_format.render_concise,
    "full": text_format.render_full,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
}

__all__ = ["FORMATTERS", "Formatter"]
