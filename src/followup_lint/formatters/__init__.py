"""Output formats. Each module holds one; `FORMATTERS` maps the --format name to it.

A formatter turns finished reports into text; it never re-runs a check. A formatter's module is
imported when its format is first asked for: a one-draft run prints one format, and compiling the
others (and `json`) was a few milliseconds of every run's start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

from followup_lint.model.report import Report

Formatter = Callable[[Sequence[Report]], str]

#: --format name -> (module in this package, function in it).
_WHERE: dict[str, tuple[str, str]] = {
    "text": ("text_format", "render"),
    "concise": ("text_format", "render_concise"),
    "full": ("text_format", "render_full"),
    "json": ("json_format", "render"),
    "sarif": ("sarif_format", "render"),
    "github": ("github_format", "render"),
}


def _deferred(module: str, name: str) -> Callable[..., str]:
    def render(*args: Any, **kwargs: Any) -> str:
        fn: Callable[..., str] = getattr(import_module(f"{__name__}.{module}"), name)
        return fn(*args, **kwargs)

    render.__name__ = render.__qualname__ = name
    render.__doc__ = f"`--format` renderer {module}.{name}, imported on first use."
    return render


FORMATTERS: dict[str, Callable[..., str]] = {
    fmt: _deferred(module, name) for fmt, (module, name) in _WHERE.items()
}

__all__ = ["FORMATTERS", "Formatter"]
