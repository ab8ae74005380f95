"""What each sentence does (analysis/sentences.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from followup_lint.analysis.badwords import bad_words
from followup_lint.analysis.sentences import Reading, read_sentences


def _read(*sentences: str) -> Reading:
    pieces, at = [], 0
    for s in sentences:
        pieces.append(("body", at, s))
        at += len(s) + 1
    return read_sentences(pieces)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for showing me the test lab.",
        "I appreciate the time you gave me on Monday.",
        "I am grateful for the chance to meet the team.",
        "Whatever you decide, I valued the chance to meet everyone.",
        "Many thanks for the feedback on my case study.",
        "Your time and candid advice meant a lot.",
        "Thank you for the thoughtful rejection note and your comments on my essay.",
        "Thank you for not leaving candidates waiting: your quick replies were a relief.",
        "I appreciated a real answer rather than a form letter.",
        "Thanks for never making the process feel rushed.",
    ],
)
def test_sincere_thanks(text: str) -> None:
    assert _read(text).sincere_thanks


@pytest.mark.parametrize(
    "text",
    [
        "Thanks a lot for ghosting me for a month.",
        "Thank you for the lovely surprise of a rejection by text.",
        "Thank you for ignoring my last two emails.",
        "Thanks for nothing.",
        "Thank you for not answering a single one of my calls.",
        "Thanks for the wonderful rejection two days before the holidays.",
        "Thank you for the warm silence since our call.",
    ],
)
def test_sarcastic_thanks_are_not_gratitude(text: str) -> None:
    r = _read(text)
    assert not r.sincere_thanks and r.mocking


@pytest.mark.parametrize(
    ("text", "mocking"),
    [
        ("I hope you enjoy training someone less experienced than me.", True),
        ("Hope you have fun managing whoever you picked instead.", True),
        ("I hope you enjoy the conference in Lisbon next week.", False),
        ("I trust you will enjoy working with the new analyst.", False),
        ("I hope you enjoy working with someone who can start sooner.", False),
    ],
)
def test_mock_good_wishes(text: str, mocking: bool) -> None:
    assert _read("Thank you for your reply.", text).mocking is mocking


def test_mockery_elsewhere_discounts_plain_thanks() -> None:
    r = _read("Thank you for your letter.", "Good luck finding someone as patient as me.")
    assert r.mocking and not r.sincere_thanks and not r.own_interest


@pytest.mark.parametrize(
    "text",
    [
        "The analyst role still interests me greatly.",
        "I would jump at the chance to work on the pricing models.",
        "Please keep me in mind for later openings.",
        "I remain very keen on the role.",
        "I hope we will get to work together.",
        "It seems like a wonderful place to work.",
        "After Tuesday I want to be on your team more than ever.",
        "Hearing about the roadmap convinced me this is the role for me.",
        "The visit only strengthened my desire to work with your lab.",
        "Working alongside your editors would be a privilege.",
    ],
)
def test_own_interest(text: str) -> None:
    assert _read(text).own_interest


@pytest.mark.parametrize(
    "text",
    [
        "Guess there's no interest then.",
        "Thank you for your interest in my profile.",
        "If you are interested, I can send samples.",
        "I am no longer interested in the role.",
        "I would have been keen to join, once.",
        "I hope to hear from you soon.",
        "I could contribute from day one and would be a strong fit.",
        "I hope you find the right person to be on the team soon.",
        "I am not sure this is the role for me.",
        "Working with your editors would be a challenge for anyone.",
        "Your desire to join forces with the startup surprised the market.",
    ],
)
def test_not_the_senders_interest(text: str) -> None:
    assert not _read(text).own_interest


@pytest.mark.parametrize(
    "text",
    [
        "Your mention of next quarter's product launch stayed with me.",
        "Hearing about your plan to move billing to usage-based pricing was a highlight.",
        "Thank you for the tour of the warehouse.",
        "I most enjoyed hearing about [specific topic discussed].",
        "Please forgive me for ending our meeting by climbing through the bathroom window.",
        "Your advice to open with the customer interviews was really helpful.",
    ],
)
def test_specific_details(text: str) -> None:
    assert _read(text).details


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for a friendly, candid conversation at the interview.",
        "I was glad to hear more about Hartwell Data and especially about the Analyst position.",
        "The graduate programme as you described it sounds demanding and worthwhile.",
        "Meeting you was a pleasure, and I look forward to joining your analytics team.",
        "I enjoyed our conversation about the role and the team.",
        "Thank you for explaining the role and its duties in such detail.",
        "Thank you for your advice to me and for your time.",
        "Thank you for speaking with me about the [Position Title] role at [Company].",
    ],
)
def test_no_specific_detail(text: str) -> None:
    assert not _read(text).details


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("sh*t", "profanity"),
        ("f***ing", "profanity"),
        ("fucking", "profanity"),
        ("idiots", "insult"),
        ("oral", None),
        ("fat", None),
        ("xx", None),
        ("scunthorpe", None),
        ("q*bert", None),
        ("assess", None),
    ],
)
def test_bad_words(word: str, kind: str | None) -> None:
    assert bad_words().kind_of(word) == kind


@pytest.mark.parametrize(
    "text",
    [
        "This means a lot of work for your team before the launch.",
        "It was a pleasure to meet the whole panel.",
        "Please find my thank-you note to the panel attached.",
    ],
)
def test_not_thanks(text: str) -> None:
    assert not _read(text).sincere_thanks
