"""Output formats. Each module holds one; `FORMATTERS` maps the --format name to it.

A formatter turns finished reports into text; it never re-runs a check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..report import Report
from . import github_format, json_format, sarif_format, text_format

Formatter = Callable[[Sequence[Report]], str]

FORMATTERS: dict[str, Callable[..., str]] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
}

__all__ = ["FORMATTERS", "Formatter"]
