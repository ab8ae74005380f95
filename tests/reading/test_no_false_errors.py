"""`error` means "do not send this as it is": the sendmail gate blocks on it. These tests lint
drafts that have no such problem and assert that no error-level finding appears.

- every scaffold `followup-lint new KIND` writes, once its slots are filled;
- every draft of the development corpus (`../shared/corpus` beside the checkout) for the
  audited error rules, and, for the structural errors, where the labels say the thing is there.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from followup_lint.model.context import Context
from followup_lint.model.kinds import KINDS
from followup_lint.reading.draft import parse_text
from followup_lint.scaffold import render_scaffold
from tests.conftest import ROOT, linter_for


def _find_corpus() -> Path:
    # `shared/` sits beside the checkout (CI, /work/main); a worktree sits one level deeper.
    for base in ROOT.parents:
        if (base / "shared" / "corpus" / "labels.tsv").is_file():
            return base / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


CORPUS = _find_corpus()
#: Errors that must never fire on a draft without the mistake they exist for.
AUDITED = frozenset({"company-name-mismatch", "name-mismatch", "thank-you-very-late"})

CONTEXT = {
    "company": "Contoso",
    "position": "Data Analyst",
    "interviewers": [{"name": "Grace Okafor"}],
    "topics": ["the churn dashboard"],
    "sender": {"name": "Priya Natarajan", "email": "priya@example.org"},
}
#: What a person writes into each kind of slot.
FILL = {
    "recipient_name": "Ms. Okafor",
    "sender_name": "Priya Natarajan",
    "name": "Grace Okafor",
    "contact": "555-201-3344",
    "address": "12 Elm Road, Leeds",
    "company": "Contoso",
    "role": "Data Analyst",
    "topic": "the churn dashboard you showed me",
    "date": "12 November",
    "instruction": "I rebuilt a similar dashboard for our sales team last spring.",
    "other": "my work on customer retention",
}


def _filled(text: str) -> str:
    draft = parse_text(text)
    out = text
    for slot in sorted(draft.slots, key=lambda s: s.start, reverse=True):
        out = out[: slot.start] + FILL[slot.stands_for] + out[slot.end :]
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_every_filled_scaffold_has_no_error(kind: str) -> None:
    scaffold = render_scaffold(kind, Context.model_validate(CONTEXT))
    linter = linter_for(())
    before = linter.lint(scaffold, context={**CONTEXT, "kind": kind})
    # Unfilled, the scaffold is blocked by its slots and by nothing else.
    assert {f.rule for f in before.findings if f.severity.value == "error"} == {
        "unfilled-placeholder"
    }
    text = _filled(scaffold)
    assert not parse_text(text).slots, text
    after = linter.lint(text, context={**CONTEXT, "kind": kind})
    errors = [f"{f.rule}: {f.message}" for f in after.findings if f.severity.value == "error"]
    assert errors == [], text


def _rows() -> list[dict[str, str]]:
    if not (CORPUS / "labels.tsv").is_file():
        return []
    with open(CORPUS / "corpus.tsv", encoding="utf-8") as f:
        meta = {r["file"]: r for r in csv.DictReader(f, delimiter="\t")}
    with open(CORPUS / "labels.tsv", encoding="utf-8") as f:
        rows = [{**meta.get(r["file"], {}), **r} for r in csv.DictReader(f, delimiter="\t")]
    return rows


def _kind(row: dict[str, str]) -> str | None:
    kind = {"multi_interview": "thank_you"}.get(row.get("kind", ""), row.get("kind", ""))
    return kind if kind in KINDS else None


@pytest.mark.skipif(not _rows(), reason=f"no development corpus at {CORPUS}")
def test_no_false_error_on_the_corpus() -> None:
    linter = linter_for(())
    wrong = []
    for row in _rows():
        path = CORPUS / "drafts" / row["file"]
        text = path.read_text(encoding="utf-8")
        draft_kind = _kind(row)
        ctx: dict[str, object] = {"kind": draft_kind} if draft_kind else {}
        # Sent by git send-email: the sender is copied on their own mail, and the note goes out
        # three days after the interview (late, but worth sending).
        sent = (
            "From: Sam Sender <sam.sender@example.org>\nCc: Sam Sender <sam.sender@example.org>\n"
            "Date: Fri, 13 Nov 2026 09:00:00 +0000\n"
        )
        for variant, body in (("as published", text), ("sent", sent + text)):
            report = linter.lint(
                body, context={**ctx, "interviewed_at": "2026-11-10T10:00:00+00:00"}
            )
            errors = {f.rule for f in report.findings if f.severity.value == "error"}
            bad = errors & AUDITED
            if row.get("has_placeholders") == "no" and "unfilled-placeholder" in errors:
                bad.add("unfilled-placeholder")
            if text.splitlines()[0].strip() != "Subject:" and "subject-missing" in errors:
                bad.add("subject-missing")
            if bad:
                wrong.append(f"{row['file']} ({variant}): {sorted(bad)}")
    assert wrong == []


@pytest.mark.skipif(not _rows(), reason=f"no development corpus at {CORPUS}")
def test_courtesy_rules_are_silent_where_the_parts_are_there() -> None:
    """formal-greeting-missing never fires on a draft whose greeting the labels judge (it has
    one), and formal-closing-missing never where the parser found a sign-off."""
    linter = linter_for(())
    wrong = []
    for row in _rows():
        text = (CORPUS / "drafts" / row["file"]).read_text(encoding="utf-8")
        rules = {f.rule for f in linter.lint(text).findings}
        if row["addresses_by_name"] in ("yes", "no") and "formal-greeting-missing" in rules:
            wrong.append(f"{row['file']}: formal-greeting-missing")
        if parse_text(text).closing is not None and "formal-closing-missing" in rules:
            wrong.append(f"{row['file']}: formal-closing-missing")
    assert wrong == []
