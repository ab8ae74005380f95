"""The conditions and exceptions that keep word-list rules quiet on correct text: "unless-next="
in the phrase lists, a substitution phrase mapped to itself, idiomatic repeats, and the one
list of one-thing words that `a-lot-of` and `one-with-plural` share."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter
from tests.proofreading.short_draft import HEAD, TAIL


def _rules(body: str, *select: str) -> list[str]:
    report = Linter(Config(select=select)).lint(HEAD + body + TAIL)
    return [f.rule for f in report.findings]


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        ("It was a world wide effort.", True),
        ("The World Wide Web changed hiring.", False),  # unless-next=web
        ("I wrote it my self.", True),
        ("It helped my self esteem.", False),  # unless-next=esteem
        ("We walked down side streets.", False),
        ("There was no down side to it.", True),
    ],
)
def test_unless_next(body: str, fires: bool) -> None:
    assert ("split-compound" in _rules(body, "split-compound")) is fires


def test_substitution_phrase_mapped_to_itself_is_an_exception() -> None:
    assert _rules("We should of course meet again.", "confused-phrase") == []
    assert _rules("We should of met again.", "confused-phrase") == ["confused-phrase"]


@pytest.mark.parametrize(
    "body",
    [
        "They walked hand in hand in the park.",
        "The plan is as simple as simple can be.",
        "We kept asking and asking and asking.",
        "She likes to call a spade a spade.",
    ],
)
def test_idiomatic_repeats_pass(body: str) -> None:
    assert _rules(body, "repeated-word") == []


def test_a_real_repeated_phrase_still_fires() -> None:
    assert _rules("We met at the at the office.", "repeated-word") == ["repeated-word"]


@pytest.mark.parametrize(
    ("body", "rule", "fires"),
    [
        ("I had a lot questions about it.", "a-lot-of", True),
        ("It has grown a lot years after launch.", "a-lot-of", False),
        ("Thanks a lot guys, it helped.", "a-lot-of", False),
        ("I have a questions about it.", "one-with-plural", True),
        ("It is a means of growing.", "one-with-plural", False),
        ("Much needs to be done.", "one-with-plural", False),
        ("It caused so much problems.", "one-with-plural", True),
    ],
)
def test_one_thing_words(body: str, rule: str, fires: bool) -> None:
    assert (rule in _rules(body, rule)) is fires
