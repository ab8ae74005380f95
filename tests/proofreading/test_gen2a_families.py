"""gen2a: the other verb forms of `preposition_slips.txt` entries that were written for one
or two forms only ("explained me" was listed, "explains me" was not). Each widened family
fires on a form that was not covered before, and the correct text closest to it stays quiet.
Sentences written here, not taken from any sample."""

from __future__ import annotations

import pytest

from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("The guide explains me how the review works.", "explains me"),
        ("She was explaining us the timeline when the call dropped.", "explaining us"),
        ("The recruiter listened me carefully.", "listened me"),
        ("Thank you for listening me yesterday.", "listening me"),
        ("He usually replies me within a day.", "replies me"),
        ("Thank you for replying us so quickly.", "replying us"),
        ("The role emphasizes on teamwork.", "emphasizes on"),
        ("We were emphasising on the schedule.", "emphasising on"),
        ("The team congratulates for the launch every year.", "congratulates for"),
        ("I am congratulating for the promotion.", "congratulating for"),
    ],
)
def test_widened_preposition_family_fires(body: str, found: str) -> None:
    assert found in _found(body, "wrong-preposition")


@pytest.mark.parametrize(
    "body",
    [
        "The guide explains to me how the review works, and she explains it well.",
        "Thank you for listening to me and for replying to us so quickly.",
        "He replies to messages within a day; the role emphasizes teamwork.",
        "The team is emphasizing on-call cover and congratulating us on the launch.",
        "Replying means a lot, and listening matters more.",
    ],
)
def test_widened_preposition_family_close_correct_text_passes(body: str) -> None:
    assert _found(body, "wrong-preposition") == []
