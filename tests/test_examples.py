"""The drafts in examples/: good ones raise nothing at warning or above, bad ones fail."""

from __future__ import annotations

import pytest

from followup_lint import Linter
from tests.conftest import EXAMPLES

KINDS = sorted(p.name for p in EXAMPLES.iterdir() if (p / "good.txt").exists())


def test_there_is_a_good_and_a_bad_draft_of_every_kind() -> None:
    from followup_lint.model.kinds import KINDS as ALL

    assert sorted(ALL) == KINDS
    assert all((EXAMPLES / k / "bad.txt").exists() for k in KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_good_draft_is_clean(kind: str) -> None:
    report = Linter(strict=True).lint(EXAMPLES / kind / "good.txt", context={"kind": kind})
    serious = [f"{f.rule}: {f.message}" for f in report.findings if f.severity.value != "info"]
    assert not serious


@pytest.mark.parametrize("kind", KINDS)
def test_bad_draft_has_warnings_or_errors(kind: str) -> None:
    report = Linter(strict=True).lint(EXAMPLES / kind / "bad.txt", context={"kind": kind})
    assert report.failed("warning"), [f.rule for f in report.findings]
