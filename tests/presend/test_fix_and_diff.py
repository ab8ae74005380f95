"""`check --fix` and `check --diff`: safe fixes only, bytes preserved, atomic writes.

A rule folder made here supplies a safe substitution rule (`test-safe-swap`), so these tests do
not depend on which built-in rules happen to mark their fixes safe; the built-in `wordy-phrase`
(fixes offered but not safe) checks that unsafe fixes are never applied.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from followup_lint import Config, Linter
from followup_lint.fixes import apply_fixes, choose_fixes, fix_bytes
from followup_lint.model.report import Finding, Fix, Report
from followup_lint.model.severity import Severity
from followup_lint.model.spans import Span

SAFE_RULE = """\
id: test-safe-swap
category: concision
severity: warning
kinds: all
scope: whole
safe_fix: true
check:
  kind: substitution
  swap:
    in order to: to
    at this point in time: now
    cafe: café
message: "'{{ match }}' can be '{{ replacement }}'."
guidance: [C1]
description: A test rule whose fixes are safe.
examples:
  trigger:
    - "Subject: Thank you\\n\\nDear Dana,\\n\\nI write in order to thank you.\\n\\nBest,\\nSam"
  pass:
    - "Subject: Thank you\\n\\nDear Dana,\\n\\nI write to thank you.\\n\\nBest,\\nSam"
"""

DRAFT = (
    "Subject: Thank you – Analyst interview\n"
    "\n"
    "Dear Ms. Müller,\n"
    "\n"
    "I write in order to thank you. At this point in time, in order to help, I attach my notes.\n"
    "\n"
    "Best regards,\n"
    "Sam Ito\n"
)
FIXED = DRAFT.replace("in order to", "to").replace("At this point in time", "Now")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder whose configuration adds the safe rule and selects it with two others."""
    (tmp_path / "rules" / "concision").mkdir(parents=True)
    (tmp_path / "rules" / "concision" / "test-safe-swap.yaml").write_text(SAFE_RULE)
    (tmp_path / ".followup-lint.toml").write_text(
        'rule-folders = ["rules"]\n'
        'select = ["test-safe-swap", "wordy-phrase", "unfilled-placeholder"]\n'
    )
    return tmp_path


@pytest.fixture
def linter(project: Path) -> Linter:
    config = Config(
        rule_folders=(project / "rules",),
        select=("test-safe-swap", "wordy-phrase", "unfilled-placeholder"),
    )
    return Linter(config, strict=True)


def cli(*args: str, cwd: Path, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", *args],
        input=data,
        capture_output=True,
        cwd=cwd,
        timeout=120,
    )


def test_safe_fixes_applied_and_relinted(linter: Linter) -> None:
    outcome = fix_bytes(DRAFT.encode(), linter, path="d.txt", format="text")
    assert outcome.fixed == FIXED.encode()
    assert outcome.applied == 3
    assert "test-safe-swap" not in outcome.report.rules


def test_unsafe_fixes_are_not_applied(linter: Linter) -> None:
    text = DRAFT.replace("in order to", "due to the fact that I wish to")
    outcome = fix_bytes(text.encode(), linter, path="d.txt", format="text")
    # wordy-phrase offers "because" for "due to the fact that", but its fixes are not safe.
    assert b"due to the fact that" in outcome.fixed
    assert "wordy-phrase" in outcome.report.rules
    assert outcome.report.by_rule("wordy-phrase")[0].fixes[0].safe is False


def test_crlf_and_bom_are_preserved(linter: Linter) -> None:
    data = b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode()
    outcome = fix_bytes(data, linter, path="d.txt", format="text")
    assert outcome.fixed == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()


def test_replacement_line_breaks_follow_the_file() -> None:
    text = "a\r\nb c\r\n"
    fix = Fix(Span(3, 4, 2, 1, 2, 2), "x\ny", "split", safe=True)
    assert apply_fixes(text, [fix], "\r\n") == "a\r\nx\r\ny c\r\n"


def _finding(start: int, end: int, replacement: str, safe: bool = True) -> Finding:
    span = Span(start, end, 1, start + 1, 1, end + 1)
    return Finding(
        "r", "tone", Severity.WARNING, "m", span, "body", (Fix(span, replacement, "t", safe),)
    )


def test_overlapping_fixes_first_wins_and_apply_from_the_end() -> None:
    text = "0123456789"
    report = Report(
        "x",
        None,
        "unknown",
        [
            _finding(6, 8, "B"),
            _finding(1, 4, "A"),
            _finding(3, 5, "overlaps A"),
            _finding(6, 8, "B"),  # the same edit twice
            _finding(9, 10, "unsafe", safe=False),
        ],
    )
    chosen = choose_fixes(report)
    assert [f.replacement for f in chosen] == ["A", "B"]
    assert apply_fixes(text, chosen) == "0A45B89"


def test_single_part_eml_body_fixed_headers_untouched(linter: Linter) -> None:
    message = (
        "From: Sam Ito <sam@example.org>\n"
        "To: Dana Müller <dana@acme.example>\n"
        "Subject: Visiting the cafe in order to meet\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n"
        "Dear Ms. Müller,\n\nI write in order to thank you; the cafe was lovely.\n\nSam Ito\n"
    ).encode("iso-8859-1")
    outcome = fix_bytes(message, linter, path="m.eml", format="eml")
    assert outcome.changed
    head, _, body = outcome.fixed.partition(b"\n\n")
    assert head == message.partition(b"\n\n")[0]
    # Written back in the part's own charset: é is one byte in ISO-8859-1.
    assert body.decode("iso-8859-1") == (
        "Dear Ms. Müller,\n\nI write to thank you; the café was lovely.\n\nSam Ito\n"
    )
    parsed = email.message_from_bytes(outcome.fixed, policy=policy.default)
    assert "the café was lovely" in parsed.get_content()


def test_seven_bit_eml_gets_no_8bit_text(linter: Linter) -> None:
    message = (
        b"Subject: Thank you\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: 7bit\n\nDear Dana,\n\nThe cafe, in order to rest.\n\nSam\n"
    )
    outcome = fix_bytes(message, linter, path="m.eml", format="eml")
    assert outcome.fixed.isascii()
    assert b"The cafe, to rest." in outcome.fixed


def test_encoded_eml_is_never_rewritten(project: Path) -> None:
    message = (
        b"Subject: Thank you\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"Dear Dana,\n\nI write in order to thank you for the caf=C3=A9 chat.\n\nSam\n"
    )
    path = project / "qp.eml"
    path.write_bytes(message)
    proc = cli("--fix", "qp.eml", cwd=project)
    assert path.read_bytes() == message
    assert b"not fixed" in proc.stderr and b"encoded" in proc.stderr
    assert b"test-safe-swap" in proc.stdout  # still reported, just not rewritten
    assert proc.returncode == 0  # warnings only, below --fail-on error


def test_cli_diff_shows_and_writes_nothing(project: Path) -> None:
    path = project / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    proc = cli("--diff", "draft.txt", cwd=project)
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == DRAFT
    out = proc.stdout.decode()
    assert out.startswith("--- a/draft.txt\n+++ b/draft.txt\n")
    assert "-I write in order to thank you." in out
    assert "+I write to thank you. Now, to help, I attach my notes." in out
    assert b"Would fix 3 findings" in proc.stderr
    path.write_text(FIXED, encoding="utf-8")
    clean = cli("--diff", "draft.txt", cwd=project)
    assert (clean.returncode, clean.stdout) == (0, b"")


def test_cli_fix_writes_atomically_and_reports_what_remains(project: Path) -> None:
    path = project / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    proc = cli("--fix", "draft.txt", cwd=project)
    assert proc.returncode == 0, proc.stderr.decode()
    assert path.read_text(encoding="utf-8") == FIXED
    assert b"Fixed 3 findings." in proc.stderr
    assert sorted(p.name for p in project.iterdir()) == [
        ".followup-lint.toml",
        "draft.txt",
        "rules",
    ]
    # An error that no safe fix removes keeps the exit status at 1.
    path.write_text(DRAFT.replace("Ms. Müller", "[Interviewer's Name]"), encoding="utf-8")
    proc = cli("--fix", "draft.txt", cwd=project)
    assert proc.returncode == 1
    assert b"unfilled-placeholder" in proc.stdout
    assert "[Interviewer's Name]" in path.read_text(encoding="utf-8")
    assert "in order to" not in path.read_text(encoding="utf-8")


def test_cli_fix_stdin_prints_the_fixed_text(project: Path) -> None:
    data = DRAFT.replace("\n", "\r\n").encode()
    proc = cli("--fix", "-", cwd=project, data=data)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == FIXED.replace("\n", "\r\n").encode()
    assert b"Fixed 3 findings." in proc.stderr


def test_failed_write_leaves_the_file_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from followup_lint import cli as cli_module

    path = project / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    # The rename that would put the new file in place fails (os.replace, used by write_atomic).
    monkeypatch.setattr(os, "replace", disk_full)
    monkeypatch.chdir(project)
    code = cli_module.main(["check", "--fix", "draft.txt"])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write the fixed draft (No space left on device)" in err
    assert path.read_text(encoding="utf-8") == DRAFT
    assert not [p for p in os.listdir(project) if p.endswith(".tmp")]
