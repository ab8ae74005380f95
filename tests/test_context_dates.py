"""Dates in a context file: a number is never read as a Unix timestamp.

`interviewed_at = 20261113` (a bare TOML integer) used to become 1970-08-23, and the timing
rules then called a thank-you sent the next day 56 years late, with an error that blocks the
sendmail gate. YYYYMMDD is ISO 8601's basic form of a date and is read as that date; any other
number is refused with a message that says how to write a date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import lint
from followup_lint.model.context import build_context
from followup_lint.model.errors import ContextError

UTC = dt.timezone.utc
DRAFT = (
    "Subject: Thank you - Data Analyst interview\n\n"
    "Dear Ms. Lee,\n\n"
    "Thank you for meeting with me today about the Data Analyst role. I enjoyed hearing how "
    "your team plans the move to the new reporting stack.\n\n"
    "Best regards,\nPriya Raman\npriya@example.com\n"
)


@pytest.mark.parametrize("value", [20261113, "20261113"])
@pytest.mark.parametrize("key", ["interviewed_at", "sent_at"])
def test_yyyymmdd_is_that_date(key: str, value: object) -> None:
    ctx = build_context({key: value}, where="followup.toml")
    assert getattr(ctx, key) == dt.datetime(2026, 11, 13, tzinfo=UTC)


def test_yyyymmdd_decision_date_and_earlier_message() -> None:
    ctx = build_context(
        {
            "decision_expected_by": 20261120,
            "earlier_messages": [{"sent_at": 20261101, "kind": "thank_you"}],
        },
        where="followup.toml",
    )
    assert ctx.decision_expected_by == dt.date(2026, 11, 20)
    assert ctx.earlier_messages[0].sent_at.date() == dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (1700000000, "is a number, not a date"),
        ("1700000000", "is a number, not a date"),
        (2026.5, "is a number, not a date"),
        (0, "is a number, not a date"),
        (20261340, "20261340 is not a date"),
        (True, "not true or false"),
    ],
)
@pytest.mark.parametrize("key", ["interviewed_at", "sent_at", "decision_expected_by"])
def test_other_numbers_are_refused_naming_the_key(key: str, value: object, says: str) -> None:
    with pytest.raises(ContextError) as err:
        build_context({key: value}, where="followup.toml")
    text = str(err.value)
    assert text.startswith(f"followup.toml: key '{key}': ")
    assert says in text and "Value error" not in text


def test_iso_dates_and_times_still_work() -> None:
    ctx = build_context(
        {"interviewed_at": "2026-11-13T14:00:00Z", "decision_expected_by": dt.date(2026, 11, 20)},
        where="followup.toml",
    )
    assert ctx.interviewed_at == dt.datetime(2026, 11, 13, 14, tzinfo=UTC)
    assert ctx.decision_expected_by == dt.date(2026, 11, 20)


def test_integer_interview_date_gives_no_late_error() -> None:
    report = lint(
        DRAFT,
        context={"kind": "thank_you", "interviewed_at": 20261113, "sent_at": "2026-11-13T18:00Z"},
    )
    timing = [f.rule for f in report.findings if f.category == "timing"]
    assert timing == [], timing


def test_context_file_with_a_timestamp_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "followup.toml").write_text("interviewed_at = 1763000000\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "note.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "interviewed_at" in lines[0] and "not a date" in lines[0], r.stderr
