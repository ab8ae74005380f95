"""near-duplicate-notes: the similarity measure, the pairing of notes in one CLI run, and the
Context field that carries the other notes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from followup_lint.analysis.similarity import jaccard, other_notes, shingles
from followup_lint.cli import main
from followup_lint.model.context import build_context, load_context_file
from followup_lint.reading.draft import parse_text

BODY = (
    "Thank you for taking the time to meet with me on Tuesday. I enjoyed learning about how "
    "the analytics team supports product decisions, and I am excited about the chance to "
    "contribute. I look forward to hearing about the next steps."
)
OWN = (
    "Thank you for taking the time to meet with me on Tuesday. Your walk-through of the "
    "experiment platform was the highlight of my day, and I have since read the paper you "
    "recommended on sequential testing; the stopping rules section answered my question."
)


def test_swapping_names_does_not_make_a_copy_original() -> None:
    a = shingles(f"Dear Dana, {BODY}", ignore=["Dana", "Sam"])
    b = shingles(f"Dear Sam, {BODY}", ignore=["Dana", "Sam"])
    assert jaccard(a, b) == 1.0


def test_a_shared_opening_sentence_is_not_a_duplicate() -> None:
    assert jaccard(shingles(BODY), shingles(OWN)) < 0.3


def test_empty_texts_are_not_similar() -> None:
    assert jaccard(shingles(""), shingles(BODY)) == 0.0


def _eml(to: str, body: str) -> str:
    return f"From: Priya <priya@example.com>\nTo: {to}\nSubject: Thank you – Analyst interview\n\nDear colleague,\n\n{body}\n\nBest regards,\nPriya\n"


def test_pairing_only_notes_to_different_recipients() -> None:
    drafts = [
        parse_text(_eml("Dana Lee <dana@acme.com>", BODY), eml_headers=True),
        parse_text(_eml("Sam Ito <sam@acme.com>", BODY), eml_headers=True),
        parse_text(_eml("Sam Ito <sam@acme.com>", OWN), eml_headers=True),  # same person
        parse_text(f"Subject: Thank you\n\nDear Sam,\n\n{BODY}\n"),  # no recipients
    ]
    pairs = other_notes(drafts)
    assert len(pairs[0]) == 2  # both notes to Sam
    assert len(pairs[1]) == 1 and len(pairs[2]) == 1  # only Dana's
    assert pairs[3] == ()


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(args)
    return code, json.loads(capsys.readouterr().out)


def test_cli_reports_copies_among_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "dana.eml").write_text(_eml("Dana Lee <dana@acme.com>", BODY), encoding="utf-8")
    (notes / "sam.eml").write_text(_eml("Sam Ito <sam@acme.com>", BODY), encoding="utf-8")
    (notes / "kim.eml").write_text(_eml("Kim Wu <kim@acme.com>", OWN), encoding="utf-8")
    args = ["check", str(notes / "*.eml"), "--format", "json", "--select", "near-duplicate-notes"]
    _, out = _run(args, capsys)
    fired = {
        Path(r["path"]).name
        for r in out["files"]
        for f in r["findings"]
        if f["rule"] == "near-duplicate-notes"
    }
    # One finding per copy, on the later note of the pair (dana.eml comes first in the run).
    assert fired == {"sam.eml"}


def _notes(tmp_path: Path) -> list[Path]:
    notes = tmp_path / "notes"
    notes.mkdir()
    paths = []
    for name, to, body in (
        ("dana.eml", "Dana Lee <dana@acme.com>", BODY),
        ("sam.eml", "Sam Ito <sam@acme.com>", BODY),
        ("kim.eml", "Kim Wu <kim@acme.com>", OWN),
    ):
        (notes / name).write_text(_eml(to, body), encoding="utf-8")
        paths.append(notes / name)
    return paths


def test_lint_many_reports_a_copy_once(tmp_path: Path) -> None:
    from followup_lint import Config, Linter

    linter = Linter(Config(select=("near-duplicate-notes",)))
    reports = linter.lint_many(_notes(tmp_path))
    counts = [len(r.by_rule("near-duplicate-notes")) for r in reports]
    assert counts == [0, 1, 0]


def test_two_identical_notes_give_one_finding_in_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana, sam, _kim = _notes(tmp_path)
    _, out = _run(["check", str(dana), str(sam), "--format", "json"], capsys)
    rules = [f["rule"] for r in out["files"] for f in r["findings"]]
    assert rules.count("near-duplicate-notes") == 1


def test_a_folder_argument_compares_its_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _notes(tmp_path)
    args = [
        "check",
        str(tmp_path / "notes"),
        "--format",
        "json",
        "--select",
        "near-duplicate-notes",
    ]
    _, out = _run(args, capsys)
    assert sum(len(r["findings"]) for r in out["files"]) == 1


def test_cli_single_note_is_never_a_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "dana.eml"
    note.write_text(_eml("Dana Lee <dana@acme.com>", BODY), encoding="utf-8")
    _, out = _run(
        ["check", str(note), "--format", "json", "--select", "near-duplicate-notes"], capsys
    )
    assert all(not r["findings"] for r in out["files"])


def test_the_documented_context_file_is_valid(tmp_path: Path) -> None:
    # docs/understanding.md shows every context key; the example must load as it stands.
    doc = (Path(__file__).parent.parent / "docs" / "understanding.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", doc, re.S)
    assert block is not None
    path = tmp_path / "followup.toml"
    path.write_text(block.group(1), encoding="utf-8")
    context = build_context(load_context_file(path), where=str(path))
    assert context.other_notes and context.earlier_messages and context.interviewers


def test_diff_reports_the_copy_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dana, sam, _kim = _notes(tmp_path)
    main(["check", "--diff", str(dana), str(sam), "--select", "near-duplicate-notes"])
    err = capsys.readouterr().err
    assert "(1 would remain)" in err
