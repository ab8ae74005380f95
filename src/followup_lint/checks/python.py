"""`python`: a named, registered Python function, for logic no data-driven kind can express.

Register a function with `@followup_lint.checks.python.function("name")` (built-ins live in
`followup_lint.functions`; third parties use the `followup_lint.functions` entry-point group).
It receives the Analysis, the parts in scope, and the rule's `args`, and yields Hits.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

log = logging.getLogger(__name__)

CheckFunction = Callable[["Analysis", "list[Part]", dict[str, Any]], Iterable[Hit]]
_FUNCTIONS: dict[str, CheckFunction] = {}
_loaded = False


def function(name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: register a check function under a name rule files can use."""

    def deco(fn: CheckFunction) -> CheckFunction:
        _FUNCTIONS[name] = fn
        return fn

    return deco


def functions() -> dict[str, CheckFunction]:
    global _loaded
    if not _loaded:
        _loaded = True
        importlib.import_module("followup_lint.functions")
        for ep in entry_points(group="followup_lint.functions"):
            try:
                ep.load()
            except Exception as exc:  # a broken plug-in must not break the linter
                log.warning("function plug-in %s failed to load: %s", ep.name, exc)
    return _FUNCTIONS


class PythonParams(CheckParams):
    kind: Literal["python"]
    function: str
    args: dict[str, Any] = Field(default_factory=dict)

    @field_validator("function")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in functions():
            known = ", ".join(sorted(functions())) or "none"
            raise ValueError(f"no check function named {v!r} (known: {known})")
        return v


@register
class Python(Check):
    kind = "python"
    Params = PythonParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, PythonParams)
        self.fn = functions()[params.function]
        self.args = params.args

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        yield from self.fn(analysis, parts, self.args)
