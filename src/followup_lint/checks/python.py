"""`python`: a named, registered Python function, for logic no data-driven kind can express.

Register a function with `@followup_lint.checks.python.function("name")` (built-ins live in
`followup_lint.judgements`, one module per rule category; third parties use the
`followup_lint.functions` entry-point group).
It receives the Analysis, the parts in scope, and the rule's `args`, and yields Hits.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit

# The registry lives with the judgements; `function` is re-exported here for plug-ins.
from followup_lint.judgements.registry import CheckFunction, function, functions

__all__ = ["CheckFunction", "Python", "PythonParams", "function", "functions"]

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


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
