"""`placeholder`: template markers left in the draft ("[Interviewer's Name]", "{{ company }}").

The markers themselves are found once by the layout parser (`reading/slots.py`), typed by what
they stand for; a rule may add markers of its own with `patterns` and `phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from followup_lint.checks import register
from followup_lint.checks._matching import regex_matches
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit
from followup_lint.safe_regex import compile_pattern

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part


class PlaceholderParams(CheckParams):
    kind: Literal["placeholder"]
    #: Extra patterns on top of the defaults (or instead of them, with use_defaults: false).
    patterns: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    use_defaults: bool = True


@register
class Placeholder(Check):
    kind = "placeholder"
    Params = PlaceholderParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, PlaceholderParams)
        self.use_defaults = params.use_defaults
        patterns = list(params.patterns)
        if params.phrases:
            patterns.append(r"\b(?:" + "|".join(re.escape(p) for p in params.phrases) + r")\b")
        # The rule's own markers, on top of the parser's slots: one alternation, one pass, through
        # compile_pattern so that a user's markers run on RE2 (linear time).
        self.regex = compile_pattern("|".join(f"(?:{p})" for p in patterns)) if patterns else None

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        taken: list[tuple[int, int]] = []
        if self.use_defaults:
            # The parser found and typed every slot once (reading/slots.py): report each.
            for part in parts:
                for slot in analysis.draft.slots_in(part):
                    taken.append((slot.start, slot.end))
                    yield Hit(
                        slot.start, slot.end, {"match": slot.text, "stands_for": slot.stands_for}
                    )
        if self.regex is None:
            return
        for s, e, m in regex_matches([self.regex], parts, analysis):
            if not any(a < e and s < b for a, b in taken):
                yield Hit(s, e, {"match": m.group(), "stands_for": "other"})
