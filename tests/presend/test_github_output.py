"""`--format github`: one workflow command per finding, escaped as GitHub reads them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from followup_lint import Config, Linter
from followup_lint.formatters import FORMATTERS
from followup_lint.formatters.github_format import escape_data, escape_property
from followup_lint.model.report import Finding, Report
from followup_lint.model.severity import Severity
from followup_lint.model.spans import Span
from tests.presend import messages

# ::level key=value,key=value::message — neither part may hold a raw newline, and property
# values may not hold a raw "," or ":".
COMMAND = re.compile(
    r"^::(error|warning|notice)(?: ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*))?::([^\r\n]*)$"
)


def _unescape(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, f"not a workflow command: {line!r}"
    props = {}
    if m.group(2):
        for pair in m.group(2).split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape(value)
    return m.group(1), props, _unescape(m.group(3))


def test_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # Escaping "%" first: an existing "%0A" in the text must not turn into a newline.
    assert _unescape(escape_data("literal %0A")) == "literal %0A"


def test_annotations_carry_the_positions() -> None:
    linter = Linter(Config(select=("subject", "unfilled-placeholder")), strict=True)
    text = "Subject: Hi\n\nDear [Interviewer's Name],\n\nThanks.\n\nSam\n"
    report = linter.lint(text, path="drafts/a, b: c.txt")
    lines = FORMATTERS["github"]([report]).splitlines()
    assert len(lines) == len(report.findings) == 3
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, report.findings, strict=True):
        level, props, message = _parse(line)
        assert level == levels[finding.severity.value]
        assert props["file"] == "drafts/a, b: c.txt"
        assert (int(props["line"]), int(props["col"])) == (finding.span.line, finding.span.column)
        assert (int(props["endLine"]), int(props["endColumn"])) == (
            finding.span.end_line,
            finding.span.end_column,
        )
        assert props["title"] == f"followup-lint ({finding.rule})"
        assert message.endswith(finding.message)
        assert finding.rule in message


def test_multiline_message_stays_one_command() -> None:
    span = Span(0, 3, 1, 1, 1, 4)
    finding = Finding(
        "demo-rule", "tone", Severity.WARNING, "100% sure?\nLine two, with: colon", span, "body"
    )
    out = FORMATTERS["github"]([Report("x.txt", None, "unknown", [finding])])
    assert out.count("\n") == 1
    _, props, message = _parse(out.rstrip("\n"))
    assert message.endswith("100% sure?\nLine two, with: colon")
    assert props["file"] == "x.txt"


def test_decoded_body_findings_have_no_line() -> None:
    linter = Linter(Config(select=("subject",)), strict=True)
    report = linter.lint(messages.MULTIPART.replace(messages.SUBJECT, b"Subject: Hi"), path="m.eml")
    assert report.findings and report.basis == "decoded-body"
    for line in FORMATTERS["github"]([report]).splitlines():
        _, props, message = _parse(line)
        assert "line" not in props and props["file"] == "m.eml"
        assert "decoded body" in message


def test_cli_github_format(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Subject: Hi\n\nDear Dana,\n\nThanks.\n\nSam\n")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_lint",
            "check",
            "--format",
            "github",
            "--select",
            "subject",
            "--fail-on",
            "warning",
            "d.txt",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    parsed = [_parse(line) for line in proc.stdout.splitlines()]
    assert ("warning", "d.txt", "1") in {(lv, p["file"], p["line"]) for lv, p, _ in parsed}
