"""The compact word table answers as the dict it was packed from; a prefix look-up reads one
group and finds what a walk over the whole table finds."""

from __future__ import annotations

import pytest

from followup_lint.proofreading.dictionary import _COMMON, english
from followup_lint.wordtable import WordTable, pack

_WORDS = {"the": 900, "them": 50, "theme": 20, "then": 300, "a": 7, "ab": 3, "abc": 2, "zoo": 1}


def test_table_answers_as_the_dict() -> None:
    table = WordTable(pack(_WORDS))
    assert dict(table.items()) == _WORDS
    assert "them" in table and "th" not in table and table.get("zzz") is None


@pytest.mark.parametrize("prefix", ["", "a", "ab", "abc", "th", "the", "them", "thx", "zo", "q"])
def test_items_starting_is_a_filtered_walk(prefix: str) -> None:
    table = WordTable(pack(_WORDS))
    expected = sorted((w, n) for w, n in _WORDS.items() if w.startswith(prefix))
    assert sorted(table.items_starting(prefix)) == expected


@pytest.mark.parametrize("prefix", ["nee", "thi", "zentro", "qqq", "apprec", "wine", "xylop"])
def test_starts_common_reads_the_whole_list_the_same(prefix: str) -> None:
    d = english()
    walked = any(
        w.startswith(prefix) and len(w) > len(prefix) and f >= _COMMON for w, f in d._freq.items()
    )
    assert d.starts_common(prefix) == walked


def test_absent_is_not_in_for_each_word() -> None:
    table = WordTable(pack(_WORDS))
    asked = ["the", "thx", "zoo", "a", "", "them", "qq", "the"]
    assert table.absent(asked) == {w for w in asked if w not in table}
    assert table.absent(asked) == {"thx", "", "qq"}  # asked again: from the memo
