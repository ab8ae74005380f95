"""`substitution`: a phrase that has a better replacement, offered as a fix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, field_validator

from followup_lint.checks import register
from followup_lint.checks._matching import PhraseSet, match_case
from followup_lint.checks.base import Check, CheckParams, CompileEnv, FixSpec, Hit

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class SubstitutionParams(CheckParams):
    kind: Literal["substitution"]
    #: phrase -> replacement ("in order to": "to"). Matched case-insensitively on whole tokens.
    #: A phrase mapped to itself is an exception: being longer, it wins over the phrase it
    #: starts with and is never reported ("should of course" keeps "should of" quiet).
    swap: dict[str, str] = Field(min_length=1)

    @field_validator("swap")
    @classmethod
    def _lower_keys(cls, v: dict[str, str]) -> dict[str, str]:
        return {k.lower().strip(): r for k, r in v.items() if k.strip()}


@register
class Substitution(Check):
    kind = "substitution"
    Params = SubstitutionParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, SubstitutionParams)
        self.swap = params.swap
        self.phrases = PhraseSet(list(params.swap))

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        text = analysis.text
        for s, e, phrase in self.phrases.found(analysis, parts):
            found = text[s:e]
            replacement = self.swap.get(phrase)
            if replacement is None or replacement.lower() == phrase:
                continue
            replacement = match_case(found, replacement)
            fix_end = e
            if not replacement and text[e : e + 1] == " ":
                fix_end = e + 1  # removing a word takes one of its spaces with it
            title = f"Replace with '{replacement}'" if replacement else f"Remove '{found}'"
            yield Hit(
                s,
                e,
                {"match": found, "replacement": replacement},
                (FixSpec(s, fix_end, replacement, title),),
            )
