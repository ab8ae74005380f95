"""The real-word-typo rule (proofreading/realword.py): real words one keystroke from the word
meant, found from the word pairs on both sides; what it must leave alone (names, capitals in
mid-sentence, placeholders, code, words split by punctuation or hyphens, the vocabulary); and
its data file (well formed, its source and licence named, and what the build script makes)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from followup_lint import Config, Linter
from followup_lint.proofreading import realword
from tests.conftest import linter_for

RULE = "real-word-typo"
ROOT = Path(__file__).resolve().parents[2]


def draft(body: str) -> str:
    return f"Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"


def found(body: str, linter: Linter | None = None) -> list[tuple[str, str]]:
    """(flagged word, first fix) for each finding of the rule on the body."""
    text = draft(body)
    report = (linter or linter_for((RULE,))).lint(text)
    return [(text[f.span.start : f.span.end], f.fixes[0].replacement) for f in report.by_rule(RULE)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("If anything is missing, please contract me this week.", ("contract", "contact")),
        ("The role sounds bike a good fit for me.", ("bike", "like")),
        ("Feel free to hall or text me.", ("hall", "call")),
        ("I said that you cold send the forms later.", ("cold", "could")),
        # Across a hard-wrapped line; after a capitalised first word of a sentence.
        ("Thanks again. If needed, please contract\nme on Friday.", ("contract", "contact")),
        ("Thanks again. Please contract me on Friday.", ("contract", "contact")),
    ],
)
def test_triggers_with_fix(body: str, expected: tuple[str, str]) -> None:
    assert expected in found(body)


@pytest.mark.parametrize(
    "body",
    [
        # The right word, and the suspect word where its own pairs are ordinary.
        "I signed the contract and will contact you; the rates vary by region.",
        "It was cold in the lobby, so I could not stay. We had meat pie and met the team.",
        # Capitalised in mid-sentence: a name or a title.
        "I clicked Please Contract Me on the portal, and Cold Do is our team's nickname.",
        # Punctuation or a hyphen between the words: no pair.
        "If needed, please, contract me. Use the please-contract-me form, or contract-me.",
        # Code and addresses are protected text; placeholders are not the sender's words.
        "Run `please contract me` or write to please.contract@example.com about [please contract me].",
        # A blank line is a paragraph break, not a neighbour.
        "Please\n\ncontract me is a heading.",
    ],
)
def test_leaves_alone(body: str) -> None:
    assert found(body) == []


def test_one_finding_for_a_listed_sound_alike_phrase() -> None:
    # "vary much" and "to meat you" are in sound_alike_phrases.txt: that rule reports them.
    text = draft("Thank you vary much; it was a pleasure to meat you.")
    report = linter_for((RULE, "sound-alike-phrase")).lint(text)
    assert report.by_rule(RULE) == []
    assert len(report.by_rule("sound-alike-phrase")) == 2


def test_harper_leaves_the_word_to_this_rule() -> None:
    pytest.importorskip("harper")
    text = draft("I can send the slides if you cold use them.")
    report = linter_for((RULE, "harper", "harper-words")).lint(text)
    assert [text[f.span.start : f.span.end] for f in report.findings] == ["cold"]
    assert report.findings[0].rule == RULE


def test_vocabulary_word_is_not_flagged() -> None:
    linter = Linter(Config(select=(RULE,), vocabulary=("contract",)), strict=True)
    assert found("If anything is missing, please contract me this week.", linter) == []


def test_suggestion_needs_both_neighbours() -> None:
    assert realword.suggestion("please", "contract", "me") == "contact"
    # A neighbour that the common word does not pair with, on either side, says nothing.
    assert realword.suggestion("please", "contract", "zebra") is None
    assert realword.suggestion("zebra", "contract", "me") is None
    # Words the file does not hold (function words, rare words) are never judged.
    assert realword.candidates("if") == ()
    assert realword.candidates("tome") == ()


def _rows() -> list[list[str]]:
    text = resources.files("followup_lint.proofreading").joinpath(realword.DATA_FILE)
    return [
        line.split("\t")
        for line in text.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        )
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def test_data_file_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 1000
    for row in rows:
        assert len(row) == 5, row[:2]
        word, sug, need, before, after = row
        assert word.isalpha() and word.islower() and sug.isalpha() and sug.islower()
        assert _one_edit(word, sug), (word, sug)
        int(need)
        for field in (before, after):
            items = field.split()
            assert items, (word, sug)
            for item in items:
                bucket, _, neighbours = item.partition(":")
                assert int(bucket) >= 3, (word, sug, item)  # MIN_RATIO: 2^(3/2) < 3
                assert all(n.isalpha() for n in neighbours.split(",")), (word, sug, item)


def test_index_line_covers_every_row() -> None:
    words = realword.index()
    rows = _rows()
    assert set(words) == {row[0] for row in rows}
    # Each word's range holds its rows and only those.
    for word in ("contract", "cold", "form"):
        assert {c[0] for c in realword.candidates(word)} == {r[1] for r in rows if r[0] == word}


def test_data_file_names_its_source_and_licences() -> None:
    text = resources.files("followup_lint.proofreading").joinpath(realword.DATA_FILE)
    header = "\n".join(
        line for line in text.read_text("utf-8").splitlines()[:20] if line[:1] == "#"
    )
    for needle in ("symspellpy", "MIT", "Google Books", "CC BY 3.0", "build_realword_pairs.py"):
        assert needle in header


@pytest.mark.skipif(importlib.util.find_spec("symspellpy") is None, reason="dev extra")
@pytest.mark.skipif(importlib.util.find_spec("spacy") is None, reason="nlp extra")
def test_build_script_makes_the_shipped_file(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_realword_pairs.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    shipped = resources.files("followup_lint.proofreading").joinpath(realword.DATA_FILE)
    assert out.read_text("utf-8") == shipped.read_text("utf-8")
