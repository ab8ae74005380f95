"""Precision and recall of the personalization, tone, content and timing rules over the
hand-labelled drafts in tests/corpus/, and kind-detection accuracy on the same drafts.

Run with `python -m pytest tests/test_corpus.py -q -s` to see the table. The thresholds are
below the measured figures with a margin, so the test fails when a change makes a family worse,
not when one label moves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from followup_lint.analysis.kind_detection import detect_kind
from followup_lint.reading.sources import read_draft
from tests.conftest import linter_for

CORPUS = Path(__file__).parent / "corpus"
FAMILIES = ("personalization", "tone", "courtesy", "content", "timing")
#: Other developers' rules in these categories: not judged by this corpus.
NOT_MINE = frozenset({"unfilled-placeholder", "body-missing"})

#: Minimum precision and recall per family (measured figures are printed by the test).
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.8
DETECTION_FLOOR = 0.85


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    text: str
    format: str
    context: dict[str, Any]
    expected: frozenset[str]


@lru_cache(maxsize=1)
def cases() -> tuple[Case, ...]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "kind" not in data.get("context", {}), f"{path.name}: put the kind at top level"
        out.append(
            Case(
                name=path.stem,
                kind=data["kind"],
                text=data["text"],
                format=data.get("format", "text"),
                context=data.get("context") or {},
                expected=frozenset(data.get("expected") or ()),
            )
        )
    return tuple(out)


def _fired(case: Case) -> frozenset[str]:
    linter = linter_for(FAMILIES)
    draft = read_draft(case.text, format=case.format)
    report = linter.lint(draft, context={**case.context, "kind": case.kind})
    return frozenset(f.rule for f in report.findings if f.rule not in NOT_MINE)


def _category(rule_id: str) -> str:
    linter = linter_for(FAMILIES)
    return next(a.rule.spec.category for a in linter.active if a.id == rule_id)


@lru_cache(maxsize=1)
def scores() -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) per family."""
    counts: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    for case in cases():
        fired = _fired(case)
        for rule in fired | case.expected:
            c = counts[_category(rule)]
            if rule in fired and rule in case.expected:
                c["tp"] += 1
            elif rule in fired:
                c["fp"] += 1
            else:
                c["fn"] += 1
    return {f: (c["tp"], c["fp"], c["fn"]) for f, c in counts.items()}


def test_corpus_is_big_enough_and_covers_every_kind() -> None:
    assert len(cases()) >= 30
    from followup_lint.model.kinds import KINDS

    assert {c.kind for c in cases()} == set(KINDS)
    known = {a.id for a in linter_for(FAMILIES).active}
    for case in cases():
        assert case.expected <= known, f"{case.name}: unknown rule ids {case.expected - known}"


def test_expected_rule_ids_are_each_exercised() -> None:
    # A label nobody uses says nothing; every fixed id of the issue should appear somewhere.
    used = set().union(*(c.expected for c in cases()))
    for rule in (
        "greeting-without-name",
        "no-specific-reference",
        "name-mismatch",
        "company-name-mismatch",
        "generic-template",
        "missing-gratitude",
        "missing-interest",
        "attachment-missing",
        "thank-you-late",
        "thank-you-very-late",
        "follow-up-too-soon",
        "too-many-follow-ups",
        "before-employer-date",
        "formal-greeting-missing",
        "formal-closing-missing",
        "near-duplicate-notes",
    ):
        assert rule in used, rule


@pytest.mark.parametrize("family", FAMILIES)
def test_precision_and_recall(family: str) -> None:
    tp, fp, fn = scores()[family]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"\n{family:<16} precision {precision:.2f} ({tp}/{tp + fp})  "
        f"recall {recall:.2f} ({tp}/{tp + fn})"
    )
    misses = []
    for case in cases():
        fired = _fired(case)
        for rule in sorted(fired ^ case.expected):
            if _category(rule) == family:
                what = "unexpected" if rule in fired else "missed"
                misses.append(f"{case.name}: {what} {rule}")
    if misses:
        print("  " + "\n  ".join(misses))
    assert precision >= PRECISION_FLOOR, misses
    assert recall >= RECALL_FLOOR, misses


def test_good_drafts_have_no_findings_from_these_families() -> None:
    # Precision first: a well-written follow-up must come back clean.
    noisy = {c.name: sorted(_fired(c)) for c in cases() if not c.expected and _fired(c)}
    assert not noisy, noisy


def test_kind_detection_accuracy() -> None:
    right = 0
    wrong = []
    for case in cases():
        got, _ = detect_kind(read_draft(case.text, format=case.format))
        if got == case.kind:
            right += 1
        else:
            wrong.append(f"{case.name}: {case.kind} detected as {got}")
    accuracy = right / len(cases())
    print(f"\nkind detection on tests/corpus: {accuracy:.2f} ({right}/{len(cases())})")
    if wrong:
        print("  " + "\n  ".join(wrong))
    assert accuracy >= DETECTION_FLOOR, wrong
