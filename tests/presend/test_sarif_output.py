"""`--format sarif`: valid SARIF 2.1.0 (checked against the schema shipped in tests/data/sarif/)
that says what the findings say."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from followup_lint import Config, Linter, Report
from followup_lint.formatters import FORMATTERS
from followup_lint.formatters.sarif_format import as_object
from tests.presend import messages

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"

DRAFT = (
    "Subject: Hi\n"
    "\n"
    "Dear [Interviewer's Name],\n"
    "\n"
    "I write in order to thank you for the talk about the “café” project, 100% fun.\n"
    "\n"
    "Best regards,\n"
    "Sam Ito\n"
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    linter = Linter(Config(select=("subject", "unfilled-placeholder", "wordy-phrase")), strict=True)
    text_report = linter.lint(DRAFT, path="drafts/thank you, Dana.txt")
    # A multipart .eml: its positions are in the decoded body, not the file.
    eml_report = linter.lint(
        messages.MULTIPART.replace(messages.SUBJECT, b"Subject: Hi"), path="/abs/mail/out.eml"
    )
    clean = linter.lint(
        "Subject: Thank you – Analyst interview\n\nDear Dana,\n\nThanks.\n\nSam\n", path="ok.txt"
    )
    return [text_report, eml_report, clean]


def _errors(validator: jsonschema.Draft4Validator, log: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(log)]


def test_output_validates_against_the_sarif_schema(
    validator: jsonschema.Draft4Validator, reports: list[Report]
) -> None:
    log = json.loads(FORMATTERS["sarif"](reports))
    assert _errors(validator, log) == []
    # An empty run is valid too.
    assert _errors(validator, as_object([])) == []


def test_the_schema_catches_mistakes(
    validator: jsonschema.Draft4Validator, reports: list[Report]
) -> None:
    """The validation above can fail: the schema rejects what SARIF forbids."""
    log = as_object(reports)
    log["runs"][0]["results"][0]["level"] = "info"  # SARIF's word is "note"
    assert _errors(validator, log)
    log = as_object(reports)
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert _errors(validator, log)


def test_results_match_the_findings(reports: list[Report]) -> None:
    log = as_object(reports)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    findings = [f for r in reports for f in r.findings]
    results = run["results"]
    assert len(results) == len(findings) > 3
    assert {f.basis for f in findings} == {"source", "decoded-body"}
    rules = run["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for finding, result in zip(findings, results, strict=True):
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == levels[finding.severity.value]
        assert result["message"]["text"] == finding.message
        location = result["locations"][0]["physicalLocation"]
        if finding.basis == "source":
            region = location["region"]
            assert (region["startLine"], region["startColumn"]) == (
                finding.span.line,
                finding.span.column,
            )
            assert (region["endLine"], region["endColumn"]) == (
                finding.span.end_line,
                finding.span.end_column,
            )
        else:
            assert "region" not in location
            assert "fixes" not in result
            assert result["properties"]["decodedPosition"]["line"] == finding.span.line


def test_uris_and_fixes(reports: list[Report]) -> None:
    results = as_object(reports)["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"drafts/thank%20you%2C%20Dana.txt", "file:///abs/mail/out.eml"}
    wordy = next(r for r in results if r["ruleId"] == "wordy-phrase")
    change = wordy["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"]["text"] == "to"
    region = change["deletedRegion"]
    line = DRAFT.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "in order to"
    # A column counts code points: the curly quotes before "café" are one column each.
    cafe = DRAFT.splitlines()[4].index("café")
    assert line[cafe : cafe + 4] == "café"


def test_cli_writes_sarif(validator: jsonschema.Draft4Validator, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_lint",
            "check",
            "--format",
            "sarif",
            "--select",
            "subject,unfilled-placeholder",
            "draft.txt",
        ],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr.decode()
    log = json.loads(proc.stdout)
    assert _errors(validator, log) == []
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {
        "subject-vague",
        "subject-no-purpose",
        "unfilled-placeholder",
    }
