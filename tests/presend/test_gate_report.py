"""The gate's report, as the user reads it in the mail client's pager.

Positions are in the body the user wrote ("body line 1") with the words quoted, never in the
assembled message the mail client built; the advice is what works in a mail client (edit, send
anyway, hide a false positive), never `--fix`; plain text in short lines.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from followup_lint import Config, Linter
from followup_lint.presend import report as gate_report
from followup_lint.reading.sources import read_bytes
from tests.presend import messages


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(select=tuple(messages.SELECT.split(","))))


def _render(linter: Linter, data: bytes, *, blocked: bool = True) -> str:
    draft = read_bytes(data, format="eml")
    report = linter.lint(draft)
    return gate_report.render(report, draft, "error", blocked=blocked, anyway=False)


MANY_HEADERS = messages.PLACEHOLDER.replace(
    b"MIME-Version: 1.0\n",
    b"MIME-Version: 1.0\nUser-Agent: NeoMutt/20231103\nX-Mailer: test\nReply-To: sam@example.org\n",
)


@pytest.mark.parametrize(
    "data",
    [messages.PLACEHOLDER, messages.PLACEHOLDER.replace(b"\n", b"\r\n"), MANY_HEADERS],
    ids=["lf", "crlf", "more-headers"],
)
def test_positions_are_in_the_body_the_user_wrote(linter: Linter, data: bytes) -> None:
    text = _render(linter, data)
    assert 'error (blocks sending): body line 1, "[Interviewer\'s Name]"' in text
    assert "<stdin>" not in text and ":10:" not in text


def test_a_decoded_body_is_counted_in_its_own_lines(linter: Linter) -> None:
    """A quoted-printable body is linted in its decoded form: the line is that form's."""
    body = "Dear [Interviewer's Name],\n\nThank you for the caf=C3=A9 chat.\n\nBest,\nSam\n"
    data = messages.EIGHT_BIT.split(b"Content-Type:")[0] + (
        b"Content-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n" + body.encode()
    )
    text = _render(linter, data)
    assert 'body line 1, "[Interviewer\'s Name]"' in text


def test_subject_findings_say_subject(linter: Linter) -> None:
    vague = messages.EIGHT_BIT.replace(messages.SUBJECT, b"Subject: Hi")
    text = _render(linter, vague, blocked=False)
    assert 'warning: subject, "Hi"' in text
    assert "NOT sent" not in text  # a warning does not block at the default threshold


def test_advice_fits_a_mail_client(linter: Linter) -> None:
    text = _render(linter, messages.PLACEHOLDER)
    assert "--fix" not in text
    assert "FOLLOWUP_LINT_SEND_ANYWAY=1" in text
    assert "hidden-false-positives" in text
    assert "\x1b" not in text  # mutt shows escape sequences as they are
    assert max(len(line) for line in text.splitlines()) <= gate_report.WIDTH


def test_the_hide_example_is_a_valid_entry_for_the_blocking_finding(linter: Linter) -> None:
    text = _render(linter, messages.PLACEHOLDER)
    example = text[text.index("[[hidden-false-positives]]") :]
    entry = tomllib.loads("\n".join(line.strip() for line in example.splitlines()))
    assert entry == {
        "hidden-false-positives": [{"rule": "unfilled-placeholder", "text": "[Interviewer's Name]"}]
    }


def test_long_spans_are_shortened_between_words() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    short = gate_report.quote(words)
    assert len(short) <= 60 and " ... " in short
    assert all(w.startswith("word") for w in short.replace(" ... ", " ").split())
    assert gate_report._pattern("a.b (c) [d]") == r"a\.b \(c\) \[d\]"


def test_gate_prints_it_and_the_last_line_says_not_sent(tmp_path: Path) -> None:
    env = messages.gate_env()
    proc = subprocess.run(
        messages.gate_argv(["cat"]),
        input=messages.PLACEHOLDER,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    err = proc.stderr.decode()
    assert proc.returncode == 65
    assert "body line 1" in err
    assert err.rstrip().splitlines()[-1].startswith("followup-lint: message NOT sent:")
