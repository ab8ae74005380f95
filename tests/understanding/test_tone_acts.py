"""Tone acts on sentences written for these tests: what must be read as hostile, passive
aggressive or sarcastic, and the ordinary professional sentences that must not."""

from __future__ import annotations

import pytest

from followup_lint.analysis.sentences import read_sentences

TONE_ACTS = {"hostility", "complaint", "passive_aggression", "sarcasm", "thanks_sarcastic", "gift"}


def _acts(text: str) -> set[str]:
    return {a for s in read_sentences([("body", 0, text)]).sentences for a in s.acts}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Honestly, you wasted three hours of my life on that panel.", "complaint"),
        ("Your recruiters are a complete joke.", "complaint"),
        ("The whole process was utterly unprofessional.", "complaint"),
        ("Nobody had the decency to call me back.", "complaint"),
        ("I don't appreciate being strung along.", "complaint"),
        ("You should be ashamed of how you treat candidates.", "hostility"),
        ("I will be contacting your CEO about this.", "hostility"),
        ("You've just lost a great candidate.", "hostility"),
        ("Don't bother replying.", "passive_aggression"),
        ("I am writing for the fourth time about the role.", "passive_aggression"),
        ("You seem to have missed my earlier note.", "passive_aggression"),
        ("I hope you are happy with your choice.", "sarcasm"),
        ("Gee, thanks for the two-line rejection.", "sarcasm"),
        ("Thanks for the heads up, I guess.", "sarcasm"),
        ("Thank you for the form rejection after four rounds.", "thanks_sarcastic"),
        ("Thanks for finally replying after six weeks.", "thanks_sarcastic"),
        ("I have ordered you a bottle of wine as a token of my appreciation.", "gift"),
    ],
)
def test_tone_acts(text: str, act: str) -> None:
    assert act in _acts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for explaining how the support team handles escalations.",
        "I was disappointed by the news, but I understand the decision.",
        "I know the team is busy with the launch, so there is no rush.",
        "Good luck with the product launch next month.",
        "I hope you are happy with how the migration went.",
        "I wasted no time putting your advice into practice.",
        "I spoke to my manager about notice periods, and I can start on 1 March.",
        "Thanks to your advice, I rewrote the case study.",
        "I cannot thank you enough for the feedback.",
        "The fourth quarter is our busiest time, as I mentioned to you.",
        "I would be glad to post the slides to the shared folder.",
        "I reviewed the report on customer complaints you sent.",
    ],
)
def test_ordinary_sentences_have_no_tone_act(text: str) -> None:
    assert not (_acts(text) & TONE_ACTS), _acts(text)


def test_sincere_thanks_after_a_complaint_word_elsewhere() -> None:
    r = read_sentences(
        [
            ("body", 0, "Thank you for your time."),
            ("body", 30, "The silence in the lab was striking."),
        ]
    )
    assert r.sincere_thanks and not r.mocking


@pytest.mark.parametrize(
    "text",
    [
        "You were incredibly rude to me on the phone.",
        "Your decision is frankly absurd.",
        "I deserved at least an interview, and I deserve an explanation.",
        "Your company has made a huge mistake.",
        "Thank you for the heartfelt form letter.",
    ],
)
def test_more_hostile_forms(text: str) -> None:
    assert _acts(text) & TONE_ACTS, _acts(text)


@pytest.mark.parametrize(
    "text",
    [
        "It would be unfair to my current team to leave before the release.",
        "The traffic was awful, so thank you for waiting.",
        "I made a mistake in my answer on pricing, and I have corrected it below.",
        "Thank you for the warm welcome at reception.",
    ],
)
def test_more_ordinary_sentences(text: str) -> None:
    assert not (_acts(text) & TONE_ACTS), _acts(text)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("As I said in my previous two messages, the offer expires Friday.", "passive_aggression"),
        ("As I have already explained, I cannot do a fourth round.", "passive_aggression"),
        ("Guess not, then.", "passive_aggression"),
        ("In case you missed my earlier email, here it is again.", "passive_aggression"),
        ("My attorney will be contacting you next week.", "hostility"),
        ("I'm going to escalate this to your CEO.", "hostility"),
        ("Your loss, not mine.", "hostility"),
        ("Well, thanks a lot for nothing.", "sarcasm"),
    ],
)
def test_reproach_and_threat_forms(text: str, act: str) -> None:
    assert act in _acts(text)


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary uses of words the reproachful and threatening forms are built from.
        "As I mentioned in our interview, I have led two data migrations.",
        "As I said on the phone, I can start in early June.",
        "I guess not every team writes its tests first.",
        "In case you missed it, my portfolio link is below my name.",
        "A lawyer friend of mine first told me about your firm.",
        "Please feel free to contact your HR director for my references.",
        "Great, thanks for the update!",
        "Well, thanks again for a lovely afternoon with the team.",
        "For the third year running, your app won the design award.",
        "Your loss is our gain, my old manager said when I left.",
    ],
)
def test_ordinary_uses_are_not_reproach(text: str) -> None:
    assert not (_acts(text) & TONE_ACTS)
