"""Every built-in rule runs on ordinary drafts: a rule that raises is skipped with a notice, so
a broken rule would otherwise pass unnoticed (it did once, when the pipeline became optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Linter

EXAMPLES = sorted(Path(__file__).resolve().parent.parent.joinpath("examples").rglob("*.txt"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_rule_fails_on_an_example(linter: Linter, path: Path) -> None:
    report = linter.lint(path)
    failed = [n for n in report.notices if "failed" in n]
    assert not failed, failed


def test_examples_were_found() -> None:
    assert len(EXAMPLES) >= 14
