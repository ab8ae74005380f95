"""The cheap pre-tests in front of the slips' costlier scans never rule out a text the scan
would have found something in (checked on every text the tests know and on made-up ones)."""

from __future__ import annotations

from followup_lint.proofreading import slips
from tests.test_textpatterns import texts

_REPEATS = [
    "We met at the at the office.",
    "I look forward to hearing from you to hearing from you soon.",
    "Thank you for the chance Thank You For The chance to talk.",
    "getting to know\tgetting to know the team",
    "It was great to meet you, great to meet you again.",
    "I’d love to I’d love to help.",
    "ſo much ſo much",  # not ASCII: the pre-test stands aside
]


def test_repeated_phrase_pre_test_never_hides_a_match() -> None:
    checked = 0
    for text in (*texts(), *_REPEATS):
        if slips._REPEAT_PHRASE_RE.search(text):
            assert slips._may_repeat_phrase(text), text[:80]
            checked += 1
    assert checked >= 5


def test_repeated_phrase_pre_test_rules_out_ordinary_prose() -> None:
    assert not slips._may_repeat_phrase("Thank you for meeting with me to talk about the role.")
    assert slips._may_repeat_phrase("at the at the")
