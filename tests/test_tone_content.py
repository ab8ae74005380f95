"""Tone and content rules beyond their own examples: fixes, hard-wrapped text, and the polite
writing they must leave alone."""

from __future__ import annotations

import pytest

from tests.conftest import linter_for

POLITE = [
    # Formal notes that use the words the tone rules look for, in their ordinary sense.
    "I just completed the exercise and would be glad to discuss it as soon as you are able.",
    "Please let me know if you need anything else from me.",
    "I understand these decisions take time and look forward to your reply.",
    "As I have not heard back, I wanted to ask whether there is an update on the timeline.",
    "My previous manager taught me to write every report for the reader.",
    "I use SQL, AWS and R every day, and I led the U.S. rollout of our reporting tool.",
    "The meeting ran from 10:30 to 11:45 (1) on the roadmap and (2) on hiring.",
    "Sorry for the delay in replying: I was travelling last week.",
    "Hey, that is a fair question, and I have since looked into it.",
]


def _note(body: str, greeting: str = "Dear Ms. Lee,", closing: str = "Best regards,") -> str:
    return f"Subject: Following up – Analyst role\n\n{greeting}\n\n{body}\n\n{closing}\nSam Ito\n"


@pytest.mark.parametrize("body", POLITE)
def test_tone_rules_leave_polite_writing_alone(body: str) -> None:
    report = linter_for(("tone",)).lint(_note(body), context={"kind": "status_inquiry"})
    assert not report.findings, [(f.rule, f.message) for f in report.findings]


def test_informal_greeting_fix_keeps_the_name() -> None:
    text = _note("Thank you for your time.", greeting="Hey Dana,")
    (finding,) = linter_for(("informal-greeting",)).lint(text).by_rule("informal-greeting")
    (fix,) = finding.fixes
    fixed = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
    assert "Dear Dana," in fixed and fix.safe


def test_just_wanted_to_fix_drops_only_just() -> None:
    text = _note("I just wanted to follow up on my interview.")
    (finding,) = linter_for(("just-wanted-to",)).lint(text).by_rule("just-wanted-to")
    (fix,) = finding.fixes
    fixed = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
    assert "I wanted to follow up on my interview." in fixed


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("pushy-wording", "I have emailed you\nthree times about this."),
        ("former-employer-complaint", "My current boss\nis honestly a nightmare."),
        ("guilt-tripping", "I have been\nwaiting for weeks."),
    ],
)
def test_patterns_match_across_hard_wrapped_lines(rule: str, body: str) -> None:
    assert linter_for((rule,)).lint(_note(body)).by_rule(rule)


@pytest.mark.parametrize(
    "phrase",
    [
        "Thanks so much for the offer.",
        "I appreciate the offer.",
        "I am grateful for the offer.",
        "Many thanks for the offer.",
        "Whatever you decide, I valued the chance to meet the team.",
    ],
)
def test_gratitude_in_many_phrasings(phrase: str) -> None:
    report = linter_for(("missing-gratitude",)).lint(_note(phrase), context={"kind": "offer_reply"})
    assert not report.by_rule("missing-gratitude")


@pytest.mark.parametrize(
    "phrase",
    [
        "It was a pleasure to speak with you.",  # courtesy, not thanks
        "Thanks a lot for ghosting me after the final round.",  # sarcasm
        "Thank you for your reply. Good luck finding anyone as qualified.",  # mocking draft
    ],
)
def test_what_is_not_gratitude(phrase: str) -> None:
    report = linter_for(("missing-gratitude",)).lint(_note(phrase), context={"kind": "offer_reply"})
    assert report.by_rule("missing-gratitude")


def test_gratitude_is_a_hint_where_it_is_only_a_courtesy() -> None:
    report = linter_for(("missing-gratitude",)).lint(
        _note("Is there any news on the timeline?"), context={"kind": "status_inquiry"}
    )
    (finding,) = report.by_rule("missing-gratitude")
    assert finding.severity.value == "info"


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("profanity", "That was a sh*t way to tell me."),
        ("hostility", "Your loss, frankly."),
        ("passive-aggression", "As I said in my last three emails, I am free on Friday."),
        ("sarcasm", "Thanks a lot for ghosting me for three weeks."),
        ("casual-register", "hi, just checking whether there is any news on the analyst role yet."),
    ],
)
def test_new_tone_rules_fire_on_a_short_note(rule: str, body: str) -> None:
    assert linter_for((rule,)).lint(_note(body)).by_rule(rule)


@pytest.mark.parametrize(
    "phrase",
    [
        "I remain very interested in the role.",
        "I am still keen on the position.",
        "I would love to join the team.",
        "I am excited about the work.",
        "I look forward to contributing to the project.",
    ],
)
def test_interest_in_many_phrasings(phrase: str) -> None:
    report = linter_for(("missing-interest",)).lint(
        _note(phrase), context={"kind": "status_inquiry"}
    )
    assert not report.by_rule("missing-interest")


def test_attachment_missing_reads_a_real_eml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    eml = tmp_path / "note.eml"
    eml.write_bytes(
        b"From: Sam <sam@example.com>\nTo: Dana Lee <dana@acme.com>\nSubject: Thank you\n\n"
        b"Dear Ms. Lee,\n\nPlease find attached my portfolio.\n\nBest regards,\nSam\n"
    )
    report = linter_for(("attachment-missing",)).lint(eml)
    (finding,) = report.by_rule("attachment-missing")
    assert finding.span.line == 7
