"""What every check kind is: a parameter model, a constructor that compiles, and `run`.

A check kind is one module in this package (or a third-party module registered through the
`followup_lint.checks` entry-point group) that defines a `Check` subclass decorated with
`@register`. The constructor compiles the rule's patterns once; `run` only scans.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict

from followup_lint.model.severity import Severity

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class CheckParams(BaseModel):
    """Base of every check kind's parameters; `kind` names the check kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: str


@dataclass(frozen=True, slots=True)
class FixSpec:
    start: int
    end: int
    replacement: str
    title: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a check fired: offsets into the draft, message variables, proposed fixes."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    fixes: tuple[FixSpec, ...] = ()
    #: A finding under another id than the rule's (LanguageTool's matches become `lt:<ID>`).
    rule: str | None = None
    #: A severity other than the rule's (e.g. an info finding that a backend was unavailable).
    severity: Severity | None = None


def replacement(start: int, end: int, fix: str, values: dict[str, Any]) -> Hit:
    """A hit whose one fix replaces the words at `start`..`end` with `fix` (the slips that
    offer the right word: "they was" -> "they were")."""
    return Hit(start, end, values, (FixSpec(start, end, fix, f"Replace with '{fix}'"),))


@dataclass(frozen=True)
class CompileEnv:
    """What a check may use while compiling."""

    #: The shared spaCy pipeline, loaded when an enabled rule declares `needs`; None otherwise
    #: (phrase lists compile to our own tokens, see `_matching.PhraseSet`).
    nlp: Any
    #: The configured LanguageTool settings (`Config.languagetool`), for the grammar kind.
    languagetool: Any = None


class Check(ABC):
    """A compiled check. Subclasses set `kind`, `Params`, and implement `run`."""

    kind: ClassVar[str]
    Params: ClassVar[type[CheckParams]]
    #: Needs the trained pipeline (tags, lemmas, entities); skipped with a notice without it.
    needs_trained: ClassVar[bool] = False

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        self.params = params
        self.env = env

    @abstractmethod
    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        """Yield hits within `parts` (the rule's scope)."""
