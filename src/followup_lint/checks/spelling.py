"""`spelling`: words that are not English and not names the draft or its context knows.

The work is in `followup_lint.proofreading.speller` (shared with the LanguageTool rule, which
drops its own spelling matches where this one has spoken); this kind turns misspellings into
hits with their suggestions as fixes (never marked safe: a suggestion is a guess).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, FixSpec, Hit
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.speller import misspellings

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class SpellingParams(CheckParams):
    kind: Literal["spelling"]
    #: Suggestions offered as fixes, best first.
    max_suggestions: int = Field(default=3, ge=0, le=3)


@register
class Spelling(Check):
    kind = "spelling"
    Params = SpellingParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, SpellingParams)
        self.p = params
        english()  # load the word list now, while the Linter is built, not on the first draft

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        for m in misspellings(analysis, parts):
            suggestions = list(m.suggestions[: self.p.max_suggestions])
            yield Hit(
                m.start,
                m.end,
                {"word": m.word, "suggestions": suggestions, "name": m.name or ""},
                tuple(FixSpec(m.start, m.end, s, f"Replace with '{s}'") for s in suggestions),
            )
