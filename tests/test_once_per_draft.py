"""`once_per_draft`: a step's answer is worked out once per draft and kept in its cache."""

from __future__ import annotations

from followup_lint.analysis.core import Analysis, once_per_draft
from followup_lint.analysis.nlp import NO_PIPELINE
from followup_lint.model.context import Context
from followup_lint.reading.draft import parse_text


def _analysis(text: str) -> Analysis:
    return Analysis(
        parse_text(text), Context(), pipeline=NO_PIPELINE, kind=None, kind_source="unknown"
    )


def test_a_step_runs_once_per_draft() -> None:
    calls: list[str] = []

    @once_per_draft("test:words")
    def words(analysis: Analysis) -> list[str]:
        calls.append(analysis.text)
        return analysis.text.split()

    first, second = _analysis("Hello there"), _analysis("Good morning")
    assert words(first) == ["Hello", "there"]
    assert words(first) is words(first)  # the kept answer, not a new one
    assert words(second) == ["Good", "morning"]  # another draft is worked out again
    assert calls == ["Hello there", "Good morning"]
    assert first.cache["test:words"] == ["Hello", "there"]
