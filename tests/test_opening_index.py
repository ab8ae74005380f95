"""The pre-test of the rules' patterns read from one index of their literal openings
(checks/_matching.py) must say exactly what a substring test per opening says, and so scan the
same parts with the same patterns: the same matches in the same order."""

from __future__ import annotations

import re

import pytest

from followup_lint import Linter
from followup_lint.analysis.core import Analysis
from followup_lint.analysis.textpatterns import fold, spaced
from followup_lint.checks import _matching
from followup_lint.checks._matching import (
    LazyPattern,
    OpeningIndex,
    _trie_source,
    opening_index,
    regex_matches,
)
from followup_lint.model.context import Context
from followup_lint.reading.sources import read_draft
from tests.test_textpatterns import texts


def _rule_patterns(linter: Linter) -> list[list[LazyPattern | re.Pattern[str]]]:
    found = []
    for active in linter.active:
        pats = getattr(active.check, "patterns", None)
        if pats:
            found.append(list(pats))
    return found


def test_present_is_every_opening_found_by_a_substring_test() -> None:
    Linter()  # its patterns bring their openings to the index
    index = opening_index()
    assert len(index.universe[True]) > 300
    for text in texts():
        for hay, ignore_case in ((fold(text), True), (spaced(text), False)):
            expected = {o for o in index.universe[ignore_case] if o in hay}
            assert index.present(hay, ignore_case) == expected, text[:80]


def test_present_with_openings_that_nest() -> None:
    index = OpeningIndex(frozenset({"the", "them", "then", "he", "hem", "a b", "b"}), frozenset())
    assert index.present(" them a b ", True) == {"the", "them", "he", "hem", "a b", "b"}
    assert index.present(" then ", True) == {"the", "then", "he"}
    assert index.present(" th ", True) == set()
    assert index.present("them", False) == set()  # no case-sensitive openings at all


def test_trie_source_matches_the_longest_opening_at_each_position() -> None:
    words = sorted({"ab", "abc", "abd", "b", "x.y", "[a]"})
    rx = re.compile(_trie_source(words), re.DOTALL)
    assert rx.findall("abcd x.y [a] abx") == ["abc", "b", "x.y", "[a]", "ab", "b"]


def test_indexed_pre_test_scans_what_the_substring_pre_test_scans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_matching, "_INDEX_FROM_DRAFT", 0)  # the index from the first draft
    linter = Linter()
    rules = _rule_patterns(linter)
    assert len(rules) > 20
    for text in texts():
        draft = read_draft(text)
        analysis = Analysis(draft, Context(), kind=None, kind_source="unknown")
        assert _matching._index_for(analysis) is not None
        for scope in ("body", "message", "whole", "subject"):
            parts = list(draft.parts(scope))
            for patterns in rules:
                plain = [(s, e, m.group()) for s, e, m in regex_matches(patterns, parts)]
                indexed = [
                    (s, e, m.group()) for s, e, m in regex_matches(patterns, parts, analysis)
                ]
                assert indexed == plain, (scope, text[:80])


def test_a_one_draft_run_does_without_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_matching, "_drafts_asked", [0])
    monkeypatch.setattr(_matching, "_index", [None])
    first = Analysis(read_draft("Subject: Hi\n\nThanks."), Context(), kind=None, kind_source="x")
    assert _matching._index_for(first) is None
    assert _matching._index_for(first) is None  # the same draft asks again: still one draft
    second = Analysis(read_draft("Subject: Hi\n\nThanks!"), Context(), kind=None, kind_source="x")
    assert _matching._index_for(second) is not None


def test_asks_are_worked_out_once_per_pattern_list() -> None:
    known = LazyPattern(r"\bthank you\b", re.IGNORECASE)
    unknown = LazyPattern(r"\bregards\b", re.IGNORECASE)
    assert known.opening_set and unknown.opening_set
    # An index made before `unknown` existed: its openings are not in it.
    index = OpeningIndex(frozenset(known.opening_set), frozenset())
    patterns = [known, unknown]
    asks, modes = index.asks(patterns)
    assert [(a[0], a[1]) for a in asks] == [(known, known.opening_set), (unknown, None)]
    assert modes == frozenset({True})
    assert index.asks(patterns)[0] is asks  # the same list: the answer kept
    # Another list, even of the same patterns, is asked afresh and never given a stale answer.
    other = [unknown]
    assert index.asks(other) == ([(unknown, None, False)], frozenset())
