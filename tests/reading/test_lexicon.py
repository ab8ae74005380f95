"""The lexicon's word lists are data, and the parser reads by every entry of them."""

from __future__ import annotations

from typing import get_args

import pytest

from followup_lint.model.draft import SlotKind
from followup_lint.reading import lexicon
from followup_lint.reading.draft import parse_text


def test_slot_phrases_name_a_known_slot_kind() -> None:
    kinds = set(get_args(SlotKind))
    for phrase, stands_for in lexicon.slot_phrases():
        assert stands_for in kinds, phrase


@pytest.mark.parametrize("closing", lexicon.closings())
def test_every_closing_is_read_as_a_sign_off(closing: str) -> None:
    line = closing[:1].upper() + closing[1:] + ","
    d = parse_text(f"Subject: x\n\nHi Dana,\n\nThank you for the tour.\n\n{line}\nSam Ito")
    assert d.closing is not None and d.closing.text == line
    assert d.signature is not None and d.signature.text == "Sam Ito"


@pytest.mark.parametrize("opener", lexicon.greeting_openers())
def test_every_greeting_opener_opens_a_greeting(opener: str) -> None:
    line = opener[:1].upper() + opener[1:] + " Dana,"
    d = parse_text(f"Subject: x\n\n{line}\n\nThank you for the tour.\n\nBest,\nSam")
    assert d.greeting is not None and d.greeting.text == line
