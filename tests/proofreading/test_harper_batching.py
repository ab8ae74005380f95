"""Harper is given a draft's paragraphs as one text; each paragraph's lints must be the ones it
gets alone, and a lint that crosses a paragraph break sends the draft paragraph by paragraph."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from followup_lint.proofreading import harper_backend
from followup_lint.proofreading.harper_engine import HarperLint, engine

PARAGRAPHS = [
    "Thank you for the tour. I has enjoyed every part of it.",
    "She don't mind the travel, she said, and the team could use another analyst.",
    "I should have went to the second session as well.",
    "The interview was a pleasure, and I am grateful for your time.",
]


@dataclass
class _Part:
    start: int
    text: str


def _alone(parts: list[_Part]) -> list[tuple[int, HarperLint]]:
    eng = engine()
    return [(part.start, lint) for part in parts for lint in eng.lint(part.text)]


def test_paragraphs_together_get_the_lints_they_get_alone() -> None:
    parts = [_Part(i * 1000, text) for i, text in enumerate(PARAGRAPHS)]
    together = harper_backend._lints_by_paragraph(engine(), parts)  # type: ignore[arg-type]
    assert [(p.start, lint) for p, lint in together] == _alone(parts)
    assert len(together) >= 3  # the three slips are found (this test can fail)


class _Crossing:
    """An engine whose lint of a joined text crosses a paragraph break."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def lint(self, text: str) -> list[HarperLint]:
        self.calls.append(text)
        if "\n\n" in text:
            end = text.index("\n\n") + 4
            return [HarperLint(0, end, "X", "Grammar", "grammar", "warning", "", (), "")]
        return []


def test_a_lint_across_paragraphs_falls_back_to_one_call_each() -> None:
    eng = _Crossing()
    parts = [_Part(0, "First one here."), _Part(40, "Second one here.")]
    got = harper_backend._lints_by_paragraph(eng, parts)  # type: ignore[arg-type]
    assert got == []
    assert eng.calls[1:] == ["First one here.", "Second one here."]


@pytest.mark.parametrize("n", [0, 1])
def test_zero_or_one_paragraph_is_sent_as_it_is(n: int) -> None:
    eng = _Crossing()
    parts = [_Part(0, "Only one here.")][:n]
    harper_backend._lints_by_paragraph(eng, parts)  # type: ignore[arg-type]
    assert eng.calls == ["Only one here."][:n]
