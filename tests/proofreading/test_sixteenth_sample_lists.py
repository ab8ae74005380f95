"""The entries and the rule added with the sixteenth sample of LanguageTool's examples (its
typography rules): a holiday named for someone without its apostrophe, and a currency symbol
after the amount or apart from it. Each slip in its general form fires, and the correct text
that looks closest stays quiet. Sentences written here, not taken from the sample."""

from __future__ import annotations

import pytest

from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("I will be away over Mothers Day weekend.", "Mothers Day"),
        ("We sent the team flowers for valentines day.", "valentines day"),
        ("The office closes early on New Years Eve.", "New Years Eve"),
        ("The office is closed on New Years' Day.", "New Years' Day"),
        ("I start the Monday after St. Patricks Day.", "St. Patricks Day"),
        ("My father is visiting on Fathers day.", "Fathers day"),
    ],
)
def test_holiday_without_apostrophe_fires(body: str, found: str) -> None:
    assert found in _found(body, "sound-alike-phrase")


@pytest.mark.parametrize(
    "body",
    [
        "I will be away over Mother's Day weekend and back on New Year's Day.",
        "Working mothers day and night juggle more than we see.",
        "Two fathers to day-care, and Veterans Day falls on a Monday.",
        "We sent valentines to the whole team.",
    ],
)
def test_holiday_close_correct_text_passes(body: str) -> None:
    assert _found(body, "sound-alike-phrase") == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("My salary expectation is around 85,000$ a year.", ["$"]),
        ("The course fee was 250€.", ["€"]),
        ("The train cost 42 € each way.", ["€"]),
        ("It costs 20 $ a month.", ["$"]),
        ("It came to 36 £.", ["£"]),
        ("The allowance of $ 5,000 covers the move.", ["$"]),
        ("It was US$ 40 a night.", ["$"]),
    ],
)
def test_currency_symbol_position_fires(body: str, found: list[str]) -> None:
    assert _found(body, "currency-symbol-position") == found


@pytest.mark.parametrize(
    "body",
    [
        "My expectation is $85,000 a year, about 80,000 USD, and the train cost €42 or £36.",
        # code: a shell variable, a positional argument, a pattern's end, a prompt after a
        # version number, Vim's motions in quotes
        "The script reads $HOME and prints $1$2 for each row.",
        "The pattern ^\\d+$ matches digits; run 2.7.6 $ pyenv versions after it.",
        'Type "0$" or "1$" to move along the line.',
        "The ticket is #$ 12 in the old tracker.",
    ],
)
def test_currency_close_correct_text_passes(body: str) -> None:
    assert _found(body, "currency-symbol-position") == []


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("I don t have the final slides yet.", ["don t"]),
        ("It s a short fix, and I can t wait to start.", ["It s", "can t"]),
        ("I m free on Monday; we re ready whenever you are.", ["I m", "we re"]),
        ("Let s meet on Friday. That s the best day for me.", ["Let s", "That s"]),
        ("You re right that there s one more form.", ["You re", "there s"]),
        (
            "I couldn t open it, so I ll ask; we would ve liked it.",
            ["couldn t", "I ll", "would ve"],
        ),
    ],
)
def test_contraction_space_fires(body: str, found: list[str]) -> None:
    assert _found(body, "contraction-space") == found


@pytest.mark.parametrize(
    "body",
    [
        "I don't have the slides yet, but it's a short fix; I'm glad we're ready.",
        "I am writing to you re the offer and to you re your question.",
        "In the model, let s be the start date and let s denote the sum.",
        "Don T. Ross can t-shirt the whole team; I won't forget it.",
    ],
)
def test_contraction_space_close_correct_text_passes(body: str) -> None:
    assert _found(body, "contraction-space") == []


def test_contraction_space_gate_never_hides_a_match() -> None:
    from followup_lint.proofreading import contraction_space as cs
    from tests.test_textpatterns import texts

    slips = ["I don t know.", "It s fine", "We re in.", "You re right", "Let s go", "I m here"]
    checked = 0
    for text in (*texts(), *slips):
        if cs._RE.search(text):
            assert cs._GATE.search(text), text[:80]
            checked += 1
    assert checked >= len(slips)


def test_speller_leaves_the_halves_of_a_split_contraction() -> None:
    body = "I couldn t open it, so I ll ask. I recieved it."
    assert _found(body, "spelling") == ["recieved"]
