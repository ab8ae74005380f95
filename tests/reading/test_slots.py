"""Placeholder slots: each form found once by the parser, typed by what it stands for; the
structural rules count a slot as present, and only `unfilled-placeholder` reports it."""

from __future__ import annotations

import pytest

from followup_lint.reading.draft import parse_text
from tests.conftest import linter_for


def _slots(text: str) -> list[tuple[str, str]]:
    d = parse_text(text)
    return [(s.text, s.stands_for) for s in d.slots]


@pytest.mark.parametrize(
    ("line", "slot", "stands_for"),
    [
        ("I would love to join [Company Name].", "[Company Name]", "company"),
        ("I would love to join {company}.", "{company}", "company"),
        ("I would love to join {{ company }}.", "{{ company }}", "company"),
        ("I would love to join <Company>.", "<Company>", "company"),
        ("I would love to join (insert company name).", "(insert company name)", "company"),
        ("I would love to join (organization's name).", "(organization's name)", "company"),
        ("I would love to join __(company)__.", "__(company)__", "company"),
        ("I would love to join %COMPANY_NAME%.", "%COMPANY_NAME%", "company"),
        ("I can start on ____.", "____", "other"),
        ("I can start on XXX.", "XXX", "other"),
        ("I can start on TBD.", "TBD", "other"),
        (
            "I enjoyed [the specific moment you enjoyed].",
            "[the specific moment you enjoyed]",
            "topic",
        ),
        (
            "(Use this space to add anything you meant to say but left out.)",
            "(Use this space to add anything you meant to say but left out.)",
            "instruction",
        ),
        ("We meet on [Date].", "[Date]", "date"),
        ("The [Job Title] role suits me.", "[Job Title]", "role"),
    ],
)
def test_slot_forms_in_the_body(line: str, slot: str, stands_for: str) -> None:
    text = f"Subject: Thanks\n\nDear Ms. Lee,\n\nThank you. {line}\n\nBest,\nSam"
    found = _slots(text)
    assert (slot, stands_for) in found


def test_slots_in_the_greeting_stand_for_the_recipient() -> None:
    for greeting in (
        "Dear [Name],",
        "Dear ____,",
        "Dear xx,",
        "Dear …,",
        "Dear ...,",
        "Hi {hiring_manager},",
        "Dear (Mr./Ms. Name):",
    ):
        found = _slots(f"Subject: x\n\n{greeting}\n\nThank you.\n\nBest,\nSam")
        assert found and found[0][1] == "recipient_name", greeting


def test_unbracketed_slot_lines() -> None:
    found = _slots(
        "Subject:\n\nDear Mr./Ms. Last Name:\nThank you for the Specific Position at Company Name.\n"
        "Sincerely,\nYour Name\nYour Phone Number\n"
    )
    assert ("Last Name", "recipient_name") in found
    assert ("Company Name", "company") in found
    assert ("Your Name", "sender_name") in found
    assert ("Your Phone Number", "contact") in found


def test_dummy_names_and_prose_are_not_slots() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Lee,\n\nThank you for the XYZ position at ABC Company. "
        "Company X and I met (for the role) at 10 a.m. (apologies, your name escapes me). "
        "My page is [my site](https://example.com) and my address <sam@example.org>.\n\n"
        "<p>Best,</p>\nSam"
    )
    assert _slots(text) == []


def test_tbd_said_of_something_is_prose() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Lee,\n\nThank you. My notice period is still TBD, and the "
        "move date remains TBA.\n\nBest,\nSam"
    )
    assert _slots(text) == []


def test_a_label_with_its_value_is_not_a_slot() -> None:
    assert (
        _slots("Subject: x\n\nHi Dana,\n\nThanks.\n\nBest,\nSam\nPhone Number: 555-201-3344") == []
    )


def _rules(text: str) -> list[str]:
    report = linter_for(()).lint(text, context={"kind": "thank_you"})
    return [f.rule for f in report.findings]


def test_each_slot_is_reported_once_and_counts_as_present() -> None:
    text = (
        "Subject: Thank you – [Job Title] interview\n\nDear [Interviewer's Name],\n\n"
        "Thank you for talking with me about the tour of the lab.\n\n"
        "Best regards,\n[Your Name]\n[Your Phone Number]\n"
    )
    rules = _rules(text)
    assert rules.count("unfilled-placeholder") == 4
    for structural in (
        "greeting-without-name",
        "missing-contact-details",
        "signature-without-name",
        "formal-greeting-missing",
        "formal-closing-missing",
    ):
        assert structural not in rules


def test_a_company_slot_in_the_greeting_names_nobody() -> None:
    text = "Subject: Thanks – offer\n\nHi everyone at [Company Name],\n\nThank you for the offer.\n\nBest,\nSam"
    assert "greeting-without-name" in _rules(text)
