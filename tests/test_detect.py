"""Message-kind detection: accuracy on labelled drafts, and how the guess meets the context.

Labelled sets (each printed with its accuracy when run with -s):
- tests/corpus/*.yaml: the rule corpus (detect.py was developed against it);
- examples/<kind>/*.txt: the lead's good and bad draft of every kind (measured once before
  tuning at 11/14, then used to improve detect.py);
- tests/detect_holdout/: 21 drafts written before the second round of cues (15/21 when first
  measured, then used to improve detect.py);
- tests/detect_blind/: 14 drafts written after all tuning and measured once (10/14). They are
  kept out of any further tuning so that this figure stays honest; the floor below is set just
  under it so that a change that makes detection worse fails. Still 10/14 after the cues for
  the development corpus (issue 9) were added.
- tests/detect_fresh/: 10 drafts written for issue 9 after its cues were tuned on the
  development corpus, measured once at 7/10, then used to add three cues (so no longer blind).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from followup_lint import Linter
from followup_lint.analysis.kind_detection import detect_kind, kind_scores
from followup_lint.model.kinds import KINDS
from followup_lint.reading.draft import parse_text
from followup_lint.reading.sources import read_draft
from tests.conftest import linter_for

TESTS = Path(__file__).parent
ROOT = TESTS.parent


def _labelled(name: str) -> list[tuple[str, str, str]]:
    """(label, text, format) for each draft of a labelled set."""
    out: list[tuple[str, str, str]] = []
    if name == "corpus":
        for p in sorted((TESTS / "corpus").glob("*.yaml")):
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
            out.append((data["kind"], data["text"], data.get("format", "text")))
    elif name == "examples":
        for p in sorted((ROOT / "examples").glob("*/*.txt")):
            if p.parent.name in KINDS:
                out.append((p.parent.name, p.read_text(encoding="utf-8"), "text"))
    else:
        for p in sorted((TESTS / name).glob("*.txt")):
            out.append((p.stem.split("__")[0], p.read_text(encoding="utf-8"), "text"))
    return out


# Floors: just under what was measured, so a regression fails (see the module docstring).
FLOORS = {
    "corpus": 0.95,
    "examples": 0.85,
    "detect_holdout": 0.9,
    "detect_blind": 0.7,
    "detect_fresh": 0.9,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_detection_accuracy(name: str) -> None:
    drafts = _labelled(name)
    if not drafts:
        pytest.skip(f"no labelled drafts in {name}")
    wrong = []
    for label, text, fmt in drafts:
        got, _ = detect_kind(read_draft(text, format=fmt))
        if got != label:
            wrong.append(f"{label} -> {got}: {text.splitlines()[0][:60]}")
    accuracy = 1 - len(wrong) / len(drafts)
    print(f"\nkind detection on {name}: {accuracy:.2f} ({len(drafts) - len(wrong)}/{len(drafts)})")
    for w in wrong:
        print("  " + w)
    assert accuracy >= FLOORS[name], wrong


def test_every_kind_is_represented_in_the_blind_set() -> None:
    assert {label for label, _, _ in _labelled("detect_blind")} == set(KINDS)


def test_nothing_to_go_on_gives_no_kind() -> None:
    kind, scores = detect_kind(parse_text("Subject: Tuesday\n\nDear Ms. Lee,\n\nSee below.\n"))
    assert kind is None
    assert set(scores) == set(KINDS)


def test_decline_beats_offer_although_it_talks_about_the_offer() -> None:
    text = (
        "Subject: Your offer\n\nDear Ms. Lee,\n\nThank you for the offer and the generous "
        "salary. I have accepted another position, so I must respectfully decline the offer.\n"
    )
    kind, scores = detect_kind(parse_text(text))
    assert kind == "decline_offer"
    assert scores["decline_offer"] > scores["offer_reply"]


def test_a_rejection_only_imagined_in_a_condition_is_not_a_rejection_reply() -> None:
    # A last follow-up that allows for a rejection ("if you have gone with another candidate")
    # is still a last follow-up; the same words stated as fact make a reply to a rejection.
    imagined = (
        "Subject: Analyst role\n\nHi Dana,\n\nThis is my last note about the Analyst role. If "
        "you have picked another candidate, I understand, and if you have filled the position, I "
        "wish the new hire well. If not, I am glad to answer any questions.\n\nBest,\nSam\n"
    )
    kind, scores = detect_kind(parse_text(imagined))
    assert kind == "final_follow_up"
    assert scores["rejection_reply"] < scores["final_follow_up"]
    stated = (
        "Subject: Re: Analyst role\n\nHi Dana,\n\nI was sorry to hear that you have gone with "
        "another candidate. I understand, and I would be glad to hear of future openings."
        "\n\nBest,\nSam\n"
    )
    assert detect_kind(parse_text(stated))[0] == "rejection_reply"
    # A wish about the future is conditional by nature and still points at a rejection.
    hopeful = (
        "Subject: Analyst role\n\nHi Dana,\n\nI remain keen on your team. If the role I "
        "interviewed for opens again, or if a similar one comes up, I would love to hear."
        "\n\nBest,\nSam\n"
    )
    assert detect_kind(parse_text(hopeful))[0] == "rejection_reply"


def test_thanks_for_a_named_days_meeting_is_a_thank_you() -> None:
    # "Thank you all for Monday's panel" thanks for the interview as surely as "for meeting me",
    # and outweighs the "next steps" that a thank-you note often ends with.
    text = (
        "Subject: Planner interview\n\nDear Ana and Tom,\n\nThank you both for "
        "Monday's panel interview. The walk through your scheduling board was a highlight.\n\n"
        "I look forward to hearing about next steps.\n\nBest,\nSam\n"
    )
    assert detect_kind(parse_text(text))[0] == "thank_you"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            "decline_offer",
            "Subject: Re: Offer\n\nHi Dana,\n\nI'm thankful for the offer, but I'm afraid I "
            "have to say no: the move would be too much for us this year.\n\nBest,\nSam\n",
        ),
        (
            "final_follow_up",
            "Subject: Planner role\n\nHi Dana,\n\nI have written twice about the Planner role, "
            "so please take this as my final note. I would still be glad to talk.\n\nBest,\nSam\n",
        ),
    ],
)
def test_plain_ways_to_say_no_and_to_stop_asking(kind: str, text: str) -> None:
    assert detect_kind(parse_text(text))[0] == kind


def test_a_complaint_about_not_being_hired_is_a_rejection_reply() -> None:
    text = (
        "Subject: Your loss\n\nTo the panel,\n\nI honestly think you made a mistake by not "
        "hiring me. My portfolio speaks for itself.\n\nJordan\n"
    )
    assert detect_kind(parse_text(text))[0] == "rejection_reply"


def test_hard_wrapped_phrases_are_still_cues() -> None:
    wrapped = "Subject: Hello\n\nDear Ms. Lee,\n\nI am writing to let you know I must\nrespectfully decline the position.\n"
    assert detect_kind(parse_text(wrapped))[0] == "decline_offer"


def test_quoted_employer_message_helps() -> None:
    reply = (
        "Subject: Re: Your application\n\nDear Ms. Lee,\n\nI understand, and I wish the team well.\n\n"
        "Best regards,\nSam\n\nOn Mon, 3 Nov 2026, Dana Lee wrote:\n> We have decided to move "
        "forward with another candidate.\n"
    )
    draft = parse_text(reply)
    assert kind_scores(draft)["rejection_reply"] > 0
    assert detect_kind(draft)[0] == "rejection_reply"


def test_the_context_kind_wins_and_the_report_says_so() -> None:
    text = "Subject: Thank you – Analyst interview\n\nDear Ms. Lee,\n\nThank you for your time.\n"
    linter: Linter = linter_for(("missing-gratitude",))
    given = linter.lint(text, context={"kind": "status_inquiry"})
    assert (given.kind, given.kind_source) == ("status_inquiry", "given")
    detected = linter.lint(text)
    assert (detected.kind, detected.kind_source) == ("thank_you", "detected")


def test_rules_for_other_kinds_stay_silent() -> None:
    # missing-interest applies to thank-you notes, not to offer replies.
    text = (
        "Subject: Offer\n\nDear Ms. Lee,\n\nThank you for the offer letter.\n\nBest regards,\nSam\n"
    )
    linter = linter_for(("missing-interest",))
    assert not linter.lint(text, context={"kind": "offer_reply"}).by_rule("missing-interest")
    assert linter.lint(text, context={"kind": "thank_you"}).by_rule("missing-interest")


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Withdrawing my application – Analyst\n\nDear Ms. Lee,\n\nThank you for your time "
        "last week. I have accepted another role and would like to withdraw my application for "
        "the Analyst position.\n\nBest regards,\nSam Ito",
        "Subject: Apologies for missing our interview\n\nDear Ms. Lee,\n\nI am very sorry for "
        "missing our interview on Tuesday; my train was cancelled. Could we find another time?"
        "\n\nBest regards,\nSam Ito",
        "Subject: Thank you\n\nDear Dr. Osei,\n\nThank you so much for agreeing to be a reference "
        "for me. The hospital has just offered me the post!\n\nBest regards,\nSam Ito",
    ],
)
def test_a_message_of_none_of_the_kinds_gets_no_kind(text: str) -> None:
    kind, _ = detect_kind(parse_text(text))
    assert kind is None


def test_rules_for_every_kind_still_run_without_a_kind() -> None:
    text = (
        "Subject: Withdrawing my application\n\nDear Hiring Manager,\n\nI would like to withdraw "
        "my application for the Analyst position.\n\nSam Ito"
    )
    report = linter_for(()).lint(text)
    assert report.kind is None
    rules = {f.rule for f in report.findings}
    assert {"greeting-without-name", "formal-closing-missing", "missing-contact-details"} <= rules
