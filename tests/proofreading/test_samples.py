"""The samples of LanguageTool's examples that measure_grammar.py reads are well formed."""

from __future__ import annotations

import re

import pytest

from tests.proofreading.measure_grammar import DATA, _sample

_MARK = re.compile(r"<m>(.*?)</m>")


@pytest.mark.parametrize(
    "name",
    [
        "lt_examples.txt",
        "lt_examples_fresh.txt",
        "lt_examples_third.txt",
        "lt_examples_eleventh.txt",
        "lt_examples_thirteenth.txt",
    ],
)
def test_each_error_has_one_marker_and_each_correct_sentence_none(name: str) -> None:
    parts = _sample(name)
    assert parts
    for examples in parts.values():
        for kind, sentence in examples:
            assert kind in ("E", "C"), sentence
            marks = _MARK.findall(sentence)
            if kind == "E":
                assert len(marks) == 1 and marks[0].strip(), sentence
            else:
                assert not marks and "<m>" not in sentence, sentence


def test_the_third_sample_says_where_it_was_read() -> None:
    head = (DATA / "lt_examples_third.txt").read_text(encoding="utf-8").split("\n# offset")[0]
    for offset in ("100000", "220000", "340000", "480000", "620000", "760000", "890000"):
        assert offset in head


def test_the_eleventh_sample_says_where_it_was_read() -> None:
    text = (DATA / "lt_examples_eleventh.txt").read_text(encoding="utf-8")
    head = text.split("\n# offset")[0]
    offsets = ("1154000", "1186000", "1216000", "1316000", "1376000", "1406000", "1436000")
    for offset in offsets:
        assert offset in head
        assert f"# offset {offset}\n" in text


def test_the_seventeenth_sample_keeps_its_windows_and_an_empty_tune_part() -> None:
    # Its windows hold only rules LanguageTool leaves off by default: the part is there, empty,
    # so measure_grammar.py reports 0/0 for it instead of failing on a missing part.
    text = (DATA / "lt_examples_seventeenth.txt").read_text(encoding="utf-8")
    offsets = ("1930000", "1946000", "1962000", "1978000", "1984000", "2016000", "2032000")
    offsets += ("2048000", "2064000", "2080000", "2089163")
    for offset in offsets:
        assert f"# offset {offset}\n" in text
    assert _sample("lt_examples_seventeenth.txt") == {"tune": []}


def test_the_thirteenth_sample_says_where_it_was_read() -> None:
    text = (DATA / "lt_examples_thirteenth.txt").read_text(encoding="utf-8")
    head = text.split("\n# offset")[0]
    for offset in ("0", "16000", "32000", "48000", "76000", "92000", "166000", "186000", "212000"):
        assert offset in head
        assert f"# offset {offset}" in text


def test_the_sibling_sample_holds_only_errors_with_one_marker_each() -> None:
    # Second error examples of tuned rules, measured blind: one part, E lines only.
    text = (DATA / "lt_examples_siblings.txt").read_text(encoding="utf-8")
    for offset in ("100000", "520000", "1000000", "1390000", "1702000"):
        assert f"# offset {offset}\n" in text
    parts = _sample("lt_examples_siblings.txt")
    assert list(parts) == ["sibling"]
    assert parts["sibling"]
    for kind, sentence in parts["sibling"]:
        assert kind == "E", sentence
        marks = _MARK.findall(sentence)
        assert len(marks) == 1 and marks[0].strip(), sentence
