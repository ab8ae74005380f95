"""The generated documentation is current, and the site builds strictly.

Regenerate with:
    python -m followup_lint.docgen docs/rules --schema rules/schema.json \
        --cli docs/cli-reference.md --check-kinds docs/check-kinds.md
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import docgen
from followup_lint.rule_model import rule_schema
from followup_lint.rulebook import builtin_rules

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REGENERATE = (
    "run: python -m followup_lint.docgen docs/rules --schema rules/schema.json "
    "--cli docs/cli-reference.md --check-kinds docs/check-kinds.md"
)


def test_every_rule_has_a_reference_page() -> None:
    missing = [
        f"docs/rules/{r.spec.category}/{r.id}.md"
        for r in builtin_rules()
        if not (DOCS / "rules" / r.spec.category / f"{r.id}.md").is_file()
    ]
    assert not missing, f"no reference page for {missing}; {REGENERATE}"


def test_rule_reference_is_current(tmp_path: Path) -> None:
    docgen.write_rule_pages(tmp_path)
    fresh = {
        p.relative_to(tmp_path).as_posix(): p.read_text("utf-8") for p in tmp_path.rglob("*.md")
    }
    committed = {
        p.relative_to(DOCS / "rules").as_posix(): p.read_text("utf-8")
        for p in (DOCS / "rules").rglob("*.md")
    }
    stale = sorted(k for k in fresh if committed.get(k) != fresh[k])
    extra = sorted(set(committed) - set(fresh))
    assert not stale and not extra, f"stale: {stale}, no longer a rule: {extra}; {REGENERATE}"


def test_rule_page_shows_the_rule() -> None:
    rule = next(r for r in builtin_rules() if r.id == "subject-too-long")
    page = docgen.rule_page(rule)
    assert page.startswith("# subject-too-long\n")
    assert rule.spec.description in page
    assert "S1" in page and "metric" in page and "max: 60" in page
    for example in (*rule.spec.examples.trigger, *rule.spec.examples.pass_):
        assert example.text.rstrip("\n") in page


def test_rule_schema_is_current() -> None:
    committed = json.loads((ROOT / "rules" / "schema.json").read_text("utf-8"))
    assert committed == rule_schema(), f"rules/schema.json is stale; {REGENERATE}"


def test_cli_and_check_kind_references_are_current() -> None:
    assert (DOCS / "cli-reference.md").read_text("utf-8") == docgen.cli_reference() + "\n", (
        REGENERATE
    )
    assert (DOCS / "check-kinds.md").read_text("utf-8") == docgen.check_kinds_page(), REGENERATE


def test_docgen_command_line(tmp_path: Path) -> None:
    out = tmp_path / "rules"
    schema = tmp_path / "schema.json"
    result = subprocess.run(
        [sys.executable, "-m", "followup_lint.docgen", str(out), "--schema", str(schema)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "index.md").is_file() and json.loads(schema.read_text("utf-8"))["title"]
    assert len(list(out.rglob("*.md"))) == len(builtin_rules()) + 1


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    if shutil.which("mkdocs") is None or importlib.util.find_spec("mkdocstrings") is None:
        pytest.skip("mkdocs and mkdocstrings[python] are not installed (the dev extra has them)")
    result = subprocess.run(
        ["mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "site" / "rules" / "index.html").is_file()
    assert "lint_many" in (tmp_path / "site" / "library" / "index.html").read_text("utf-8")


def test_rule_ids_in_example_output_exist() -> None:
    # Terminal output shown in the docs ("draft.txt:3:4: error RULE message") names real rules.
    import re

    ids = {r.id for r in builtin_rules()}
    line = re.compile(r"^\S+:\d+:\d+: (?:error|warning|info) ([a-z0-9-]+) ", re.M)
    wrong = {
        f"{page.relative_to(DOCS)}: {m.group(1)}"
        for page in DOCS.glob("*.md")
        for m in line.finditer(page.read_text(encoding="utf-8"))
        if m.group(1) not in ids
    }
    assert not wrong, f"the docs show rules that do not exist: {sorted(wrong)}"


def test_pictures_are_made_by_the_script_and_used() -> None:
    script = (ROOT / "scripts" / "make_screenshots").read_text(encoding="utf-8")
    for picture in ("check-terminal.svg", "gate-mutt.svg", "editor-neovim.svg"):
        assert (DOCS / "images" / picture).is_file(), picture
        assert picture in script
        assert any(f"images/{picture}" in p.read_text(encoding="utf-8") for p in DOCS.glob("*.md"))


def test_cli_reference_fits_its_code_boxes() -> None:
    page = (DOCS / "cli-reference.md").read_text(encoding="utf-8")
    blocks = page.split("```text\n")[1:]
    wide = [line for b in blocks for line in b.split("```")[0].splitlines() if len(line) > 80]
    assert not wide, f"lines wider than 80 columns: {wide[:3]}"
