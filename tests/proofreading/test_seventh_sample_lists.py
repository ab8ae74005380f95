"""The word-list entries and conditions added with the seventh sample of LanguageTool's
examples: each slip in its general form fires, and the correct sentence that looks closest
stays quiet. Sentences written here, not taken from the sample."""

from __future__ import annotations

import pytest

from followup_lint import Linter
from tests.proofreading.short_draft import HEAD, TAIL
from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("sound-alike-phrase", "The panel was never adverse to hiring remotely.", "adverse to"),
        ("sound-alike-phrase", "She is of Korean decent, like her manager.", "of Korean decent"),
        ("sound-alike-phrase", "The role pays a descent salary.", "a descent salary"),
        ("sound-alike-phrase", "The method is now wildly used by recruiters.", "wildly used"),
        ("sound-alike-phrase", "He sad that the offer would follow.", "He sad that"),
        ("sound-alike-phrase", "Please except my apologies for the delay.", "Please except"),
        ("sound-alike-phrase", "The change will have an affect on the schedule.", "an affect on"),
        ("sound-alike-phrase", "I can hardly await until Monday.", "await until"),
        ("sound-alike-phrase", "Due you have time this week?", "Due you"),
        ("sound-alike-phrase", "That should knot have taken so long.", "should knot have"),
        ("sound-alike-phrase", "It is not jet confirmed.", "not jet"),
        ("sound-alike-phrase", "I checked you're schedule.", "you're schedule"),
        ("sound-alike-phrase", "It's seems the date has moved.", "It's seems"),
        ("sound-alike-phrase", "The second draft is worth than the first.", "worth than"),
        ("sound-alike-phrase", "We finished and than we left.", "and than"),
        ("agreement-slip", "We met much candidates on Friday.", "much candidates"),
        ("agreement-slip", "The firm hired two dozens of analysts.", "two dozens of"),
        ("agreement-slip", "Almost thousand people applied.", "Almost thousand"),
        ("agreement-slip", "It is a three day's drive away.", "three day's"),
        ("wrong-preposition", "My manager is in vacation until May.", "is in vacation"),
        ("wrong-preposition", "In Tuesday morning, I sent the form.", "In Tuesday morning"),
        ("wrong-preposition", "I have not written to them during ages.", "during ages"),
        ("wrong-preposition", "I was always good in statistics.", "good in statistics"),
        ("usage-slip", "Could we speak today evening?", "today evening"),
        ("usage-slip", "I've didn't hear back yet.", "I've didn't"),
    ],
)
def test_new_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        # unless-prev=each: "then" is time here, not a comparison.
        ("sound-alike-phrase", "We can update each other then, once the panel meets."),
        # before-ing: "adverse to" before a noun phrase is right ("adverse to the interests").
        ("sound-alike-phrase", "The ruling was adverse to the interests of the firm."),
        ("sound-alike-phrase", "The results were adverse to us."),
        # unless-prev=more|less|much: "worth more than", "more worth than" read as a comparison.
        ("sound-alike-phrase", "The stock options are more worth than the bonus."),
        # unless-next: "jet lag" is a noun phrase.
        ("sound-alike-phrase", "It was not jet lag that slowed me down."),
        # at-start: "due" in mid-sentence is the adjective.
        ("sound-alike-phrase", "The report is due you on Friday, as agreed."),
        # not-after-aux: a question ("was she sad that ...").
        ("sound-alike-phrase", "Was she sad that the role went to someone else?"),
        ("sound-alike-phrase", "The altar at the alter ego exhibit was striking."),
        ("sound-alike-phrase", "It may set a precedence level for the queue."),
        ("sound-alike-phrase", "The patient came out of a coma after two weeks."),
        # unless-prev=how: "how much people care" is a question of degree.
        ("agreement-slip", "I was surprised how much candidates care about the commute."),
        ("agreement-slip", "The town has grown by one hundred people since 2019."),
        ("agreement-slip", "We met hundreds of candidates; a day's work each week."),
        ("wrong-preposition", "I'm in vacation mode until Monday."),
        ("wrong-preposition", "We were stuck in Monday morning traffic for an hour."),
        ("wrong-preposition", "Participation fell during ages 40 to 50 in the survey."),
        ("wrong-preposition", "She is good in a crisis and good at math."),
        ("usage-slip", "We spoke today. Evening calls suit me too."),
        ("usage-slip", "I've done the test and they've sent the link."),
    ],
)
def test_close_correct_sentences_pass(rule: str, body: str) -> None:
    assert _found(body, rule) == []


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("We met many candidate for the role.", True),
        ("We attended many wine and food festivals.", False),
        ("The tool finds many style and grammar issues.", False),
        ("There were few sales or support calls today.", False),
    ],
)
def test_quantifier_before_coordinated_modifiers(body: str, fires: bool) -> None:
    assert bool(_found(body, "quantifier-singular")) is fires


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("wrong-preposition", "She is probably in vacation this week.", "probably in vacation"),
        ("usage-slip", "It is a common used format for reports.", "common used"),
    ],
)
def test_more_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


def _harper_rules(body: str) -> list[str]:
    report = Linter().lint(HEAD + body + TAIL)
    return [f.rule for f in report.findings if f.rule.startswith("harper")]


@pytest.mark.parametrize(
    "body",
    [
        # [not_preceded_by] ThenThan: "each other then" is a time.
        "We can brief each other then, before the panel meets.",
        # [not_followed_by] DuringAges: a range of ages.
        "Turnover was highest during ages 25 to 30 in the survey.",
        # [not_followed_by] ModalOf: "must of necessity" is an idiom.
        "A short notice period must of necessity be agreed in writing.",
        # [not_preceded_by] ThereToTheir: "is there" + a noun asks whether something exists.
        "Is there office space near the station?",
    ],
)
def test_harper_context_exceptions(body: str) -> None:
    pytest.importorskip("harper")
    assert _harper_rules(body) == []


def test_harper_still_reads_the_slips_beside_those_contexts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("harper")
    # Harper's own findings, before those that repeat one of ours are merged away ("must of"
    # is also our confused-phrase): the context exceptions must not hide the slips themselves.
    monkeypatch.setattr("followup_lint.linter.drop_repeats", lambda findings: findings)
    assert _harper_rules("The offer is better then the last one.")
    assert _harper_rules("I must of forgotten the attachment.")


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("You're presentation was the clearest of the day.", True),
        ("I read you're leadership statement twice.", True),
        ("I will send a short reply to you're email.", True),
        ("You're witness to how fast the team grew.", False),
        ("You're sentimental about the old office.", False),
        ("I will get back to you when you're free.", False),
    ],
)
def test_youre_before_a_noun(body: str, fires: bool) -> None:
    assert bool(_found(body, "your-apostrophe")) is fires


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Thank you for the advise on the portfolio.", "for the advise"),
        ("I am loathe to miss the second round.", "am loathe to"),
        ("The pilot was lead by my team.", "was lead by"),
        ("I accepted there offer on Friday.", "there offer"),
        ("My manger approved the leave.", "My manger"),
        ("Could we meet latter this week?", "latter this week"),
        ("I had to brake the news to my team.", "brake the news"),
    ],
)
def test_confused_word_entries_fire(body: str, found: str) -> None:
    assert found in _found(body, "sound-alike-phrase")


@pytest.mark.parametrize(
    "body",
    [
        "Are there office hours on Fridays?",
        "I will advise the team on the advice you gave.",
        "The latter option suits me better.",
        "They lead by example, as the team did.",
        "The hiring manager thanked me.",
    ],
)
def test_confused_word_entries_pass(body: str) -> None:
    assert _found(body, "sound-alike-phrase") == []


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("wrong-preposition", "I first read about the role in the internet.", "in the internet"),
        ("wrong-preposition", "I listen music while I code.", "listen music"),
        ("wrong-preposition", "We spoke in the phone on Monday.", "spoke in the phone"),
        ("agreement-slip", "One of my colleague recommended the role.", "One of my colleague"),
    ],
)
def test_collocation_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("wrong-preposition", "In the internet age, hiring moved online."),
        ("wrong-preposition", "We listen to music in the office."),
        ("agreement-slip", "One of my colleagues recommended the role."),
        ("agreement-slip", "One of my friend's ideas became a product."),
    ],
)
def test_collocation_entries_pass(rule: str, body: str) -> None:
    assert _found(body, rule) == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("I am writing to inquire weather the role is open.", "inquire weather"),
        ("It is grate to meet you at last.", "grate to meet"),
        ("Lets meet on Friday if that suits you.", "Lets meet"),
        ("Could you please conform the time?", "conform the time"),
        ("I would appreciate you feedback on the task.", "appreciate you feedback"),
        ("I believe I would be a good fit for this roll.", "fit for this roll"),
        ("I have a busy weak, but Friday works.", "busy weak"),
    ],
)
def test_email_confusions_fire(body: str, found: str) -> None:
    assert found in _found(body, "sound-alike-phrase")


@pytest.mark.parametrize(
    "body",
    [
        "The app lets teams meet online.",
        "Please conform to the dress code.",
        "I appreciate you taking the time.",
        "I felt weak ahead of the race.",
        "Who is in this roll call?",
    ],
)
def test_email_confusions_pass(body: str) -> None:
    assert _found(body, "sound-alike-phrase") == []


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("usage-slip", "In spite the delay, the offer arrived.", "In spite the"),
        ("usage-slip", "I would like that you call me on Monday.", "would like that you"),
        ("usage-slip", "I am used to work with remote teams.", "am used to work"),
        ("agreement-slip", "We help each others with reviews.", "each others"),
        ("agreement-slip", "There were less interviews this month.", "less interviews"),
    ],
)
def test_grammar_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("usage-slip", "The press is used to work the metal sheets."),
        ("usage-slip", "Let me know if any questions come up."),
        ("agreement-slip", "We read each other's notes and each others' drafts."),
        ("agreement-slip", "Less time was spent on interviews."),
    ],
)
def test_grammar_entries_pass(rule: str, body: str) -> None:
    assert _found(body, rule) == []
