"""Timing rules: they compare the context's dates only, state the dates in the message, and stay
silent without them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from followup_lint.checks.timing import TimingParams
from tests.conftest import linter_for

TIMING = ("timing",)
NOTE = "Subject: Thank you – Analyst interview\n\nDear Ms. Lee,\n\nThank you for your time.\n\nBest regards,\nSam\n"
ASK = "Subject: Following up – Analyst role\n\nDear Ms. Lee,\n\nIs there any update?\n\nBest regards,\nSam\n"


def _rules(text: str, **context: Any) -> dict[str, str]:
    report = linter_for(TIMING).lint(text, context=context)
    return {f.rule: f.message for f in report.findings}


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("2026-11-11T09:59:00+00:00", set()),  # 23 h 59 min
        ("2026-11-11T10:00:00+00:00", set()),  # exactly 24 h is still on time
        ("2026-11-11T10:01:00+00:00", {"thank-you-late"}),
        ("2026-11-12T10:00:00+00:00", {"thank-you-late"}),  # exactly 48 h: the warning
        ("2026-11-12T10:01:00+00:00", {"thank-you-very-late"}),
        ("2026-11-20T10:00:00+00:00", {"thank-you-very-late"}),
    ],
)
def test_thank_you_delay_is_graded_and_never_double_reported(sent: str, expected: set[str]) -> None:
    fired = _rules(NOTE, kind="thank_you", interviewed_at="2026-11-10T10:00:00+00:00", sent_at=sent)
    assert set(fired) == expected


def test_messages_state_both_dates() -> None:
    fired = _rules(
        NOTE,
        kind="thank_you",
        interviewed_at="2026-11-10T10:00:00+00:00",
        sent_at="2026-11-13T16:30:00+00:00",
    )
    message = fired["thank-you-very-late"]
    assert "2026-11-10 10:00" in message and "2026-11-13 16:30" in message
    assert "3.3 days" in message


def test_offsets_are_respected() -> None:
    # 09:00 in New York is 14:00 UTC: 28 hours after a 10:00 UTC interview, not 23.
    fired = _rules(
        NOTE,
        kind="thank_you",
        interviewed_at="2026-11-10T10:00:00+00:00",
        sent_at="2026-11-11T09:00:00-05:00",
    )
    assert set(fired) == {"thank-you-late"}
    assert "-0500" in fired["thank-you-late"]


def test_date_header_is_the_send_time() -> None:
    text = "Date: Thu, 12 Nov 2026 18:00:00 +0000\n" + NOTE
    fired = _rules(text, kind="thank_you", interviewed_at="2026-11-10T10:00:00+00:00")
    assert set(fired) == {"thank-you-very-late"}
    assert "2026-11-12 18:00" in fired["thank-you-very-late"]


def test_without_a_send_time_now_is_used_and_said() -> None:
    long_ago = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)).isoformat()
    fired = _rules(NOTE, kind="thank_you", interviewed_at=long_ago)
    assert "now (" in fired["thank-you-very-late"]


def test_silent_without_dates() -> None:
    assert _rules(NOTE, kind="thank_you") == {}
    assert _rules(ASK, kind="status_inquiry") == {}
    assert _rules(ASK, kind="final_follow_up", sent_at="2026-11-20T09:00:00+00:00") == {}


def test_follow_up_measured_from_the_latest_earlier_message() -> None:
    earlier = [
        {"sent_at": "2026-11-01T09:00:00+00:00", "kind": "thank_you"},
        {"sent_at": "2026-11-10T09:00:00+00:00", "kind": "status_inquiry"},
    ]
    soon = _rules(
        ASK, kind="final_follow_up", sent_at="2026-11-12T09:00:00+00:00", earlier_messages=earlier
    )
    assert "follow-up-too-soon" in soon
    assert (
        "2026-11-10 09:00" in soon["follow-up-too-soon"] and "2 days" in soon["follow-up-too-soon"]
    )
    later = _rules(
        ASK, kind="final_follow_up", sent_at="2026-11-17T09:00:00+00:00", earlier_messages=earlier
    )
    assert "follow-up-too-soon" not in later


def test_messages_after_the_draft_do_not_count() -> None:
    # An earlier_messages entry dated after this draft (a typo, or a draft re-linted later)
    # is not "the previous message".
    fired = _rules(
        ASK,
        kind="status_inquiry",
        sent_at="2026-11-20T09:00:00+00:00",
        earlier_messages=[{"sent_at": "2026-11-25T09:00:00+00:00", "kind": "thank_you"}],
    )
    assert fired == {}


def test_unanswered_count_resets_after_a_reply() -> None:
    base = [
        {"sent_at": "2026-10-01T09:00:00+00:00", "kind": "thank_you"},
        {"sent_at": "2026-10-09T09:00:00+00:00", "kind": "status_inquiry"},
        {"sent_at": "2026-10-17T09:00:00+00:00", "kind": "status_inquiry"},
    ]
    four = _rules(ASK, kind="status_inquiry", sent_at="2026-11-20T09:00:00Z", earlier_messages=base)
    assert "message 4" in four["too-many-follow-ups"]
    replied = [dict(base[0]), dict(base[1], replied=True), dict(base[2])]
    assert "too-many-follow-ups" not in _rules(
        ASK, kind="status_inquiry", sent_at="2026-11-20T09:00:00Z", earlier_messages=replied
    )


@pytest.mark.parametrize(
    ("sent", "fires"),
    [
        ("2026-11-19T09:00:00Z", True),
        ("2026-11-20T23:00:00Z", True),
        ("2026-11-21T08:00:00Z", False),
    ],
)
def test_before_employer_date(sent: str, fires: bool) -> None:
    fired = _rules(ASK, kind="status_inquiry", decision_expected_by="2026-11-20", sent_at=sent)
    assert ("before-employer-date" in fired) is fires
    if fires:
        assert "2026-11-20" in fired["before-employer-date"]


def test_params_say_what_a_measure_needs() -> None:
    with pytest.raises(ValueError, match="after_hours"):
        TimingParams(kind="timing", measure="since_interview")
    with pytest.raises(ValueError, match="max_messages"):
        TimingParams(kind="timing", measure="unanswered")
