"""The word-context filters of harper_lints.toml: `[preceded_by]` and `[clause_subject]`."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter
from followup_lint.proofreading.harper_engine import mapping

DRAFT = "Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"


def _at(text: str, word: str) -> int:
    return text.index(word)


def test_its_possessive_only_after_a_preposition() -> None:
    table = mapping()
    on_way = "Help is on it's way."
    assert table.keeps_in("ItsPossessive", on_way, _at(on_way, "it's"))
    reckon = "I reckon it's time to go."
    assert not table.keeps_in("ItsPossessive", reckon, _at(reckon, "it's"))
    start = "It's brand new."
    assert not table.keeps_in("ItsPossessive", start, 0)


@pytest.mark.parametrize(
    ("text", "verb", "kept"),
    [
        ("He walk to work every day.", "walk", True),  # the pronoun opens the sentence
        ("I asked if he need a lift.", "need", True),  # after a word that opens a clause
        ("Be sure the man nearest you is awake.", "is", False),  # an object
        ("What I have told you is true.", "is", False),
        ("The girl I told you about lives here.", "lives", True),  # no pronoun just before
        ("The girl about whom I told you lives here.", "lives", False),
        ("Both you and he are eligible.", "are", False),  # a compound subject
        ("His medics insist he rest.", "rest", False),  # a subjunctive
    ],
)
def test_pronoun_agreement_only_where_the_pronoun_opens_a_clause(
    text: str, verb: str, kept: bool
) -> None:
    start = text.rindex(verb)
    assert mapping().keeps_in("PronounVerbAgreement", text, start) is kept


def test_the_filters_reach_the_findings() -> None:
    pytest.importorskip("harper")
    linter = Linter(Config(select=("harper", "harper-words")))

    def rules(body: str) -> list[str]:
        return [f.rule for f in linter.lint(DRAFT.format(body=body)).findings]

    assert "harper:PronounVerbAgreement" in rules("He walk to the office every day.")
    assert rules("What I have told you is true, and the man nearest you is awake.") == []
    assert rules("I reckon it's time to decide.") == []


def test_the_engine_keeps_its_possessive_after_a_preposition() -> None:
    # (In a draft our its-apostrophe slip reports these words first, and Harper's lint on the
    # same words is dropped; the engine's own output shows the filter.)
    pytest.importorskip("harper")
    from followup_lint.proofreading.harper_engine import engine

    assert [h.rule for h in engine().lint("The team is proud of it's history.")] == [
        "ItsPossessive"
    ]
    assert engine().lint("I reckon it's time to decide.") == []


def test_the_lead_s_filters_of_the_eighth_sample() -> None:
    """DoubleModal only after a subject pronoun, "say no to" is an idiom, and a plural noun
    after "you"/"we" ("you guys") is no verb; the slips each filter leaves are still found."""
    pytest.importorskip("harper")
    linter = Linter(Config(select=("harper", "harper-words")))

    def rules(body: str) -> list[str]:
        return [f.rule for f in linter.lint(DRAFT.format(body=body)).findings]

    assert "harper:DoubleModal" in rules("I think that could should work for the team.")
    assert rules("The tin can will be used again, and Will will send it.") == []
    assert rules("I had to say no to the other offer.") == []
    assert "harper:NotTo" in rules("I decided no to go to the fair.")
    assert rules("You guys were great, and we parents were impressed.") == []
    assert "harper:PronounVerbAgreement" in rules("We jogs to the office every day.")


def test_too_after_a_subject_pronoun_and_a_noun_after_a_verb_of_giving() -> None:
    """ "I too have" means "also", and "offer you advice" names the thing offered: Harper's
    ToTwoToo and NounVerbConfusion stay quiet there; "too" for "to" after anything else is
    still found."""
    pytest.importorskip("harper")
    table = mapping()
    too = "I too have a son, and we too want a meeting."
    assert not table.keeps_in("ToTwoToo", too, _at(too, "too"))
    assert not table.keeps_in("ToTwoToo", too, too.rindex("too"))
    give = "Give it too me."
    assert table.keeps_in("ToTwoToo", give, _at(give, "too"))
    advice = "I could offer you advice, but they gave me advice too."
    assert not table.keeps_in("NounVerbConfusion", advice, _at(advice, "advice"))
    assert not table.keeps_in("NounVerbConfusion", advice, advice.rindex("advice"))
    linter = Linter(Config(select=("harper", "harper-words")))
    body = "I too have a son. I could offer you advice, Tomas, but you wouldn't heed it."
    assert linter.lint(DRAFT.format(body=body)).findings == []
    assert any(f.rule == "harper:ToTwoToo" for f in linter.lint(DRAFT.format(body=give)).findings)
