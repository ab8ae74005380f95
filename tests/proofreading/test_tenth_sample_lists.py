"""The word-list entries, swaps and conditions added with the tenth sample of LanguageTool's
examples: each slip in its general form fires, and the correct sentence that looks closest stays
quiet. Sentences written here, not taken from the sample."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter
from tests.proofreading.short_draft import HEAD, TAIL
from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("sound-alike-phrase", "I read every guide of tips and trick.", "tips and trick"),
        ("sound-alike-phrase", "The second round was goof, I think.", "was goof"),
        ("sound-alike-phrase", "We reviewed each others' slides.", "each others'"),
        ("sound-alike-phrase", "We reviewed each others’ slides.", "each others’"),
        ("wrong-preposition", "I am not accustomed of long commutes.", "accustomed of"),
        ("wrong-preposition", "I was inspired with your talk on data ethics.", "was inspired with"),
        ("wrong-preposition", "I could sign into the portal yesterday.", "could sign into"),
        ("wrong-preposition", "When we sign into the portal, it hangs.", "we sign into"),
        ("agreement-slip", "She use to lead the sales team.", "She use to"),
        ("missing-be", "I afraid of missing the deadline.", "I afraid"),
        ("missing-be", "We very interested in the role.", "We very interested"),
        ("missing-be", "Thanks again. I available to start in June.", "I available"),
        ("missing-be", "He not able to join the call.", "He not able"),
        ("usage-slip", "You shouldn't not hear back within a week.", "shouldn't not"),
        ("usage-slip", "I couldn't hardly wait to hear back.", "couldn't hardly"),
        ("usage-slip", "My manager speaks English very good.", "speaks English very good"),
        ("usage-slip", "That was the really the best part.", "the really the"),
        ("usage-slip", "The is the last form I need.", "The is the"),
        ("usage-slip", "Does anyone can share the agenda?", "Does anyone can"),
        ("usage-slip", "Please don't afraid to call me.", "don't afraid"),
        ("usage-slip", "I keep a tip and tricks page.", "tip and tricks"),
        ("usage-slip", "I haven't heard nothing since Monday.", "haven't heard nothing"),
        ("question-verb-agreement", "Have she signed the form yet?", "Have she"),
        ("question-verb-agreement", "When have he seen the portfolio?", "have he"),
    ],
)
def test_new_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        # before-stop: "trick" before a noun is the modifier ("trick questions").
        ("sound-alike-phrase", "The guide lists tips and trick questions to expect."),
        ("sound-alike-phrase", "Each other's slides were good; we read one another's notes."),
        # "form y" for "for my" was dropped: it fired on a form named Y.
        ("sound-alike-phrase", "Please fill in form Y and return it with the contract."),
        ("wrong-preposition", "I am accustomed to long commutes and used to early starts."),
        # unless-next: "inspired with" in the sense of "filled with".
        ("wrong-preposition", "I was inspired by your talk and inspired with new confidence."),
        # unless-next=law: signing a bill into law; a noun "sign" is no verb.
        ("wrong-preposition", "The governor will sign into law the bill we discussed."),
        ("wrong-preposition", "Carry the sign into the hall; I signed in to the portal."),
        # not-after-aux: "did she use to" asks about a habit.
        ("agreement-slip", "Did she use to lead the team? She used to, I think."),
        # a form of "be", a verb with an object and an adjective, or a preposition before.
        ("missing-be", "Am I able to bring a guest? Are you free to talk?"),
        ("missing-be", "The demo made you happy to join, and it left them eager for more."),
        ("missing-be", "For those of you interested in the details, the notes are attached."),
        ("missing-be", "Thank you, glad to help. I sure hope the move goes well."),
        ("usage-slip", "I could hardly wait; you should not worry. She speaks English well."),
        ("usage-slip", "This is the really good part: the one that matters."),
        ("usage-slip", "Can anyone share the agenda? Don't be afraid to call."),
        ("usage-slip", "I haven't heard anything, and I said nothing was wrong."),
        ("question-verb-agreement", "Have he and Maria met? Have it ready by Friday."),
    ],
)
def test_close_correct_sentences_pass(rule: str, body: str) -> None:
    assert _found(body, rule) == []


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("We meet every weeks on Monday.", True),
        ("I took part in every sports event at school.", False),
        ("She joined every sales call that week.", False),
        ("I watched every sports.", True),
    ],
)
def test_every_before_an_attributive_plural(body: str, fires: bool) -> None:
    assert bool(_found(body, "agreement-slip")) is fires


def test_harper_there_is_lots_of_passes() -> None:
    pytest.importorskip("harper")
    text = HEAD + "There's lots of time left, and there is lots of interest." + TAIL
    rules = [f.rule for f in Linter().lint(text).findings if f.rule.startswith("harper")]
    assert rules == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("I apply for the data role last week.", "I apply for the data role last week"),
        ("Thanks again. We meet yesterday, as you know.", "We meet yesterday"),
        ("I send you the forms three days ago.", "I send you the forms three days ago"),
        ("When I visit the site last Friday, it rained.", "I visit the site last Friday"),
        ("She sends the offer yesterday, I think.", "She sends the offer yesterday"),
    ],
)
def test_present_with_past_time_fires(body: str, found: str) -> None:
    assert found in _found(body, "present-with-past-time")


@pytest.mark.parametrize(
    "body",
    [
        "I applied for the data role last week, and we met yesterday.",
        "I heard you speak last week; I saw them leave yesterday.",
        "I visit the office Sam opened last year, the one they built last spring.",
        "We meet the last week of every month, and I attend since last year.",
        "I think last year went well. I go there every week, as I did last week.",
        "I send yesterday's notes again. The people I meet last week were kind.",
        "I will send the forms that I signed last week. I can start last.",
    ],
)
def test_present_with_past_time_passes(body: str) -> None:
    assert _found(body, "present-with-past-time") == []


def test_present_with_past_time_offers_the_past() -> None:
    text = HEAD + "I submit the test two days ago." + TAIL
    report = Linter(Config(select=("present-with-past-time",))).lint(text)
    (finding,) = report.findings
    assert [f.replacement for f in finding.fixes] == ["submitted"]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("It is good idea to meet before Friday.", "It is good idea"),
        ("I'm strong candidate for this role.", "I'm strong candidate"),
        ("That was big step for me, and it's great opportunity.", "That was big step"),
        ("It was interesting question, thank you.", "It was interesting question"),
    ],
)
def test_missing_article_fires(body: str, found: str) -> None:
    assert found in _found(body, "missing-article")


@pytest.mark.parametrize(
    "body",
    [
        "It is a good idea to meet, and I am a strong candidate.",
        "This is great news. It was good practice, and the role is great experience.",
        "It is good idea generation we need. Is it good idea? Who is great fit?",
        "The good question is this: what makes a strong candidate?",
    ],
)
def test_missing_article_passes(body: str) -> None:
    assert _found(body, "missing-article") == []


def test_missing_article_offers_an_before_a_vowel() -> None:
    text = HEAD + "It was interesting question." + TAIL
    report = Linter(Config(select=("missing-article",))).lint(text)
    (finding,) = report.findings
    assert [f.replacement for f in finding.fixes] == ["an "]
