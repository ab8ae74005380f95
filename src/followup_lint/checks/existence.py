"""`existence`: phrases or patterns that should not be in the draft."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from followup_lint.checks import register
from followup_lint.checks._matching import PhraseSet, compile_patterns, regex_matches
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class ExistenceParams(CheckParams):
    kind: Literal["existence"]
    #: Whole-token phrases, matched case-insensitively ("sorry to bother you").
    phrases: list[str] = Field(default_factory=list)
    #: Regular expressions, for what a phrase list cannot say.
    patterns: list[str] = Field(default_factory=list)
    ignore_case: bool = True
    #: Report at most this many places (the first ones) per draft.
    max_hits: int | None = Field(default=None, ge=1)


@register
class Existence(Check):
    kind = "existence"
    Params = ExistenceParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, ExistenceParams)
        self.p = params
        self.phrases = PhraseSet(params.phrases, ignore_case=params.ignore_case)
        self.patterns = compile_patterns(params.patterns, ignore_case=params.ignore_case)

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        spans = list(self.phrases.matches(analysis, parts))
        spans.extend((s, e) for s, e, _ in regex_matches(self.patterns, parts, analysis))
        spans.sort()
        last_end = -1
        count = 0
        text = analysis.text
        for s, e in spans:
            if s < last_end:
                continue  # a phrase and a pattern found the same words
            last_end = e
            yield Hit(s, e, {"match": text[s:e]})
            count += 1
            if self.p.max_hits is not None and count >= self.p.max_hits:
                return
