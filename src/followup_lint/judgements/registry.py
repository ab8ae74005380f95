"""The registry of named judgements: functions the `python` check kind can run by name.

Register one with `@function("name")` (this module, re-exported as
`followup_lint.checks.python.function` for plug-ins). The built-in judgements are the modules
of this package, one per rule category; third parties add theirs through the
`followup_lint.functions` entry-point group. Each function takes (analysis, parts, args) and
yields Hits.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from followup_lint.plugins import plugin_entry_points

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.checks.base import Hit
    from followup_lint.reading.draft import Part

log = logging.getLogger(__name__)

CheckFunction = Callable[["Analysis", "list[Part]", dict[str, Any]], "Iterable[Hit]"]
_FUNCTIONS: dict[str, CheckFunction] = {}
_loaded = False

#: The built-in judgement modules, imported (and so registered) on first use.
BUILTIN = ("content", "greeting", "personalization", "tone")


def function(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: register a check function under a name rule files can use."""

    def deco(fn: CheckFunction) -> CheckFunction:
        _FUNCTIONS[name] = fn
        return fn

    return deco


def functions() -> dict[str, CheckFunction]:
    """Every registered judgement by name: the built-in modules, then the plug-ins."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTIN:
            importlib.import_module(f"followup_lint.judgements.{module}")
        for ep in plugin_entry_points("followup_lint.functions"):
            try:
                ep.load()
            except Exception as exc:  # a broken plug-in must not break the linter
                log.warning("function plug-in %s failed to load: %s", ep.name, exc)
    return _FUNCTIONS
