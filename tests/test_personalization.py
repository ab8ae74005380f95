"""Personalization rules beyond their own examples: exact name comparison, the split of work
between the greeting rules, and the specific-detail finder."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import linter_for

PERSONAL = ("personalization",)


def _fired(text: str, **context: Any) -> set[str]:
    return {f.rule for f in linter_for(PERSONAL).lint(text, context=context).findings}


def _note(greeting: str, body: str = "Thank you for your time on Tuesday.") -> str:
    return f"Subject: Thank you – Analyst interview\n\n{greeting}\n\n{body}\n\nBest regards,\nSam Ito\n"


@pytest.mark.parametrize(
    ("greeting", "fires"),
    [
        ("Dear Ms. Lee,", True),  # "Lee" is not "Leeson": names are never compared by substring
        ("Dear Ms. Leeson,", False),
        ("Dear Dana,", False),
        ("Dear Dan,", True),  # "Dan" is not "Dana"
        ("Hello Dana and Ravi,", False),
        ("Dear dana,", False),  # case aside
    ],
)
def test_names_are_compared_exactly(greeting: str, fires: bool) -> None:
    context = {"interviewers": [{"name": "Dana Leeson"}, {"name": "Ravi Shah"}]}
    assert ("name-mismatch" in _fired(_note(greeting), **context)) is fires


def test_name_mismatch_offers_the_close_spelling_as_fix() -> None:
    report = linter_for(("name-mismatch",)).lint(
        _note("Dear Ms. Okafer,"), context={"interviewers": [{"name": "Grace Okafor"}]}
    )
    (finding,) = report.by_rule("name-mismatch")
    assert [f.replacement for f in finding.fixes] == ["Okafor"]


def test_placeholder_greeting_is_left_to_unfilled_placeholder() -> None:
    fired = {
        f.rule
        for f in linter_for(("personalization",))
        .lint(_note("Dear [Interviewer Name],"), context={"interviewers": [{"name": "Dana Lee"}]})
        .findings
    }
    assert "unfilled-placeholder" in fired
    assert not fired & {"greeting-without-name", "name-mismatch"}


def test_generic_greeting_is_not_a_misspelt_name() -> None:
    fired = _fired(_note("Dear Hiring Manager,"), interviewers=[{"name": "Dana Lee"}])
    assert "greeting-without-name" in fired and "name-mismatch" not in fired


GENERIC = (
    "Thank you for taking the time to speak with me. I enjoyed our conversation about the role. "
    "I am very excited about the opportunity. I look forward to hearing from you."
)


def test_a_context_topic_makes_the_note_specific_only_when_mostly_there() -> None:
    body = GENERIC + " I have been thinking about the onboarding redesign since."
    ctx: dict[str, Any] = {"kind": "thank_you", "topics": ["onboarding redesign"]}
    assert "no-specific-reference" not in _fired(_note("Dear Ms. Lee,", body), **ctx)
    # One word of a two-word topic is not enough: "research" is not "customer research".
    partly = GENERIC + " I like research."
    assert "no-specific-reference" in _fired(
        _note("Dear Ms. Lee,", partly), kind="thank_you", topics=["customer research"]
    )


def test_specific_detail_across_a_line_break() -> None:
    body = GENERIC.replace(
        "conversation about the role.",
        "conversation. When you\nmentioned the backlog of invoices, I thought of my last job.",
    )
    assert "no-specific-reference" not in _fired(_note("Dear Ms. Lee,", body), kind="thank_you")


def test_generic_template_needs_a_mostly_stock_body() -> None:
    assert "generic-template" in _fired(_note("Dear Ms. Lee,", GENERIC), kind="thank_you")
    mixed = GENERIC.replace(
        "I am very excited about the opportunity.",
        "The invoice backlog you described is the problem I solved at Fabrikam with a nightly "
        "reconciliation job.",
    )
    assert "generic-template" not in _fired(_note("Dear Ms. Lee,", mixed), kind="thank_you")


def test_company_mismatch_accepts_the_longer_form_and_suffixes() -> None:
    text = _note("Dear Ms. Lee,", "I would love to join Contoso Health Inc. and help.")
    assert "company-name-mismatch" not in _fired(text, company="Contoso")
    other = _note("Dear Ms. Lee,", "I would love to join Fabrikam and help.")
    assert "company-name-mismatch" in _fired(other, company="Contoso")
    assert "company-name-mismatch" not in _fired(other)  # no known company: silent
