"""The sendmail gate: the exact bytes go through, or nothing does and the user is told why.

The "real command" here is a small Python program that records its standard input, its
arguments, and exits with a chosen status, so every byte the gate hands on can be compared.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import cli
from followup_lint.sendmail import EX_DATAERR, EX_SOFTWARE, EX_UNAVAILABLE, EX_USAGE
from tests.presend import messages

FAKE_SENDMAIL = """\
import json, sys
out = sys.argv[1]
data = sys.stdin.buffer.read()
with open(out, "wb") as fh:
    fh.write(data)
with open(out + ".argv", "w") as fh:
    json.dump(sys.argv[3:], fh)
sys.stdout.write("fake sendmail: delivered\\n")
sys.exit(int(sys.argv[2]))
"""


@pytest.fixture
def fake(tmp_path: Path) -> tuple[Path, Path]:
    """(the fake sendmail script, the file it writes what it received to)."""
    script = tmp_path / "fake_sendmail.py"
    script.write_text(FAKE_SENDMAIL)
    return script, tmp_path / "received.eml"


def gate(
    data: bytes,
    real: list[str],
    *options: str,
    cwd: Path,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    full_env = messages.gate_env()
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "followup_lint", "sendmail", *options, "--", *real],
        input=data,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "message",
    [messages.EIGHT_BIT, messages.CRLF, messages.MULTIPART],
    ids=["8bit-utf8", "crlf", "multipart-attachment"],
)
def test_clean_message_passes_byte_for_byte(
    message: bytes, fake: tuple[Path, Path], tmp_path: Path
) -> None:
    script, received = fake
    real = [sys.executable, str(script), str(received), "0", "-t", "-f", "sam.ito@example.org"]
    proc = gate(message, real, "--select", messages.SELECT, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert received.read_bytes() == message
    # The real command's own arguments and output pass through untouched too.
    assert json.loads(Path(f"{received}.argv").read_text()) == ["-t", "-f", "sam.ito@example.org"]
    assert proc.stdout == b"fake sendmail: delivered\n"


def test_message_without_final_newline_is_not_completed(
    fake: tuple[Path, Path], tmp_path: Path
) -> None:
    script, received = fake
    message = messages.EIGHT_BIT.rstrip(b"\n")
    proc = gate(
        message,
        [sys.executable, str(script), str(received), "0"],
        "--select",
        messages.SELECT,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert received.read_bytes() == message


def test_blocked_message_is_not_sent_and_is_saved(fake: tuple[Path, Path], tmp_path: Path) -> None:
    script, received = fake
    saved = tmp_path / "blocked"
    proc = gate(
        messages.PLACEHOLDER,
        [sys.executable, str(script), str(received), "0"],
        "--select",
        messages.SELECT,
        "--save-blocked",
        str(saved),
        cwd=tmp_path,
    )
    err = proc.stderr.decode()
    assert proc.returncode == EX_DATAERR
    assert not received.exists(), "a blocked message reached the real command"
    assert "unfilled-placeholder" in err
    assert "message NOT sent" in err
    assert "FOLLOWUP_LINT_SEND_ANYWAY=1" in err
    copies = list(saved.iterdir())
    assert len(copies) == 1
    assert copies[0].read_bytes() == messages.PLACEHOLDER
    assert str(copies[0]) in err
    assert copies[0].stat().st_mode & 0o077 == 0, "a saved draft must be private to its owner"
    # No temporary file is left beside the copy.
    assert [p.name for p in saved.iterdir()] == [copies[0].name]


def test_two_blocked_messages_get_two_files(fake: tuple[Path, Path], tmp_path: Path) -> None:
    script, received = fake
    saved = tmp_path / "blocked"
    second = messages.PLACEHOLDER.replace(b"churn dashboard", b"pricing model")
    for message in (messages.PLACEHOLDER, second):
        proc = gate(
            message,
            [sys.executable, str(script), str(received), "0"],
            "--select",
            messages.SELECT,
            "--save-blocked",
            str(saved),
            cwd=tmp_path,
        )
        assert proc.returncode == EX_DATAERR
    assert sorted(p.read_bytes() for p in saved.iterdir()) == sorted([messages.PLACEHOLDER, second])


def test_fail_on_sets_the_threshold(fake: tuple[Path, Path], tmp_path: Path) -> None:
    """A vague subject is a warning: sent at the default threshold, blocked at --fail-on warning."""
    script, received = fake
    vague = messages.EIGHT_BIT.replace(messages.SUBJECT, b"Subject: Hi")
    real = [sys.executable, str(script), str(received), "0"]
    blocked = gate(vague, real, "--select", "subject", "--fail-on", "warning", cwd=tmp_path)
    assert blocked.returncode == EX_DATAERR
    assert b"subject-vague" in blocked.stderr
    assert not received.exists()
    sent = gate(vague, real, "--select", "subject", cwd=tmp_path)
    assert sent.returncode == 0, sent.stderr.decode()
    assert received.read_bytes() == vague
    assert b"subject-vague" in sent.stderr  # the report is still shown when it is sent


def test_send_anyway_on_purpose(fake: tuple[Path, Path], tmp_path: Path) -> None:
    script, received = fake
    proc = gate(
        messages.PLACEHOLDER,
        [sys.executable, str(script), str(received), "0"],
        "--select",
        messages.SELECT,
        cwd=tmp_path,
        env={"FOLLOWUP_LINT_SEND_ANYWAY": "1"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert received.read_bytes() == messages.PLACEHOLDER
    assert b"unfilled-placeholder" in proc.stderr
    assert b"FOLLOWUP_LINT_SEND_ANYWAY is set" in proc.stderr


def test_real_command_failure_status_is_passed_on(fake: tuple[Path, Path], tmp_path: Path) -> None:
    script, received = fake
    proc = gate(
        messages.EIGHT_BIT,
        [sys.executable, str(script), str(received), "75"],  # EX_TEMPFAIL, as msmtp uses it
        "--select",
        messages.SELECT,
        cwd=tmp_path,
    )
    assert proc.returncode == 75
    assert received.read_bytes() == messages.EIGHT_BIT


def test_real_command_missing(tmp_path: Path) -> None:
    saved = tmp_path / "blocked"
    proc = gate(
        messages.EIGHT_BIT,
        [str(tmp_path / "no-such-sendmail")],
        "--select",
        messages.SELECT,
        "--save-blocked",
        str(saved),
        cwd=tmp_path,
    )
    assert proc.returncode == EX_UNAVAILABLE
    assert b"no such command" in proc.stderr
    assert [p.read_bytes() for p in saved.iterdir()] == [messages.EIGHT_BIT]


def test_no_real_command_is_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "sendmail"],
        input=messages.EIGHT_BIT,
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == EX_USAGE
    assert b"give the real sendmail command after --" in proc.stderr


@pytest.mark.parametrize(
    ("message", "why"),
    [
        (b"\x00\x01\x02 not a message", b"binary file"),
        (b"", b"malformed email message"),
    ],
    ids=["binary", "empty"],
)
def test_unreadable_message_is_not_sent(
    message: bytes, why: bytes, fake: tuple[Path, Path], tmp_path: Path
) -> None:
    script, received = fake
    saved = tmp_path / "blocked"
    proc = gate(
        message,
        [sys.executable, str(script), str(received), "0"],
        "--save-blocked",
        str(saved),
        cwd=tmp_path,
    )
    assert proc.returncode == EX_SOFTWARE
    assert not received.exists()
    assert why in proc.stderr
    assert b"message NOT sent" in proc.stderr
    assert [p.read_bytes() for p in saved.iterdir()] == [message]
    assert b"Traceback" not in proc.stderr


def test_broken_configuration_is_not_sent(fake: tuple[Path, Path], tmp_path: Path) -> None:
    script, received = fake
    config = tmp_path / "broken.toml"
    config.write_text("select = [unclosed\n")
    proc = gate(
        messages.EIGHT_BIT,
        [sys.executable, str(script), str(received), "0"],
        "--config",
        str(config),
        cwd=tmp_path,
    )
    assert proc.returncode == EX_SOFTWARE
    assert not received.exists()
    assert b"broken.toml" in proc.stderr and b"not valid TOML" in proc.stderr


def test_linter_crash_keeps_the_message(
    fake: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bug inside followup-lint: nothing sent, the error says so, the copy is kept."""
    from followup_lint import linter

    def explode(*_: object, **__: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(linter.Linter, "lint", explode)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(messages.CRLF)))
    monkeypatch.delenv("FOLLOWUP_LINT_SEND_ANYWAY", raising=False)
    monkeypatch.chdir(tmp_path)
    script, received = fake
    saved = tmp_path / "blocked"
    code = cli.main(
        [
            "sendmail",
            "--save-blocked",
            str(saved),
            "--",
            sys.executable,
            str(script),
            str(received),
            "0",
        ]
    )
    err = capsys.readouterr().err
    assert code == EX_SOFTWARE
    assert not received.exists()
    assert "followup-lint failed (RuntimeError at test_sendmail_gate.py:" in err
    assert "simulated bug" not in err  # an exception's text may quote the draft: never shown
    assert "FOLLOWUP_LINT_SEND_ANYWAY=1" in err
    copies = list(saved.iterdir())
    assert [p.read_bytes() for p in copies] == [messages.CRLF]
    assert str(copies[0]) in err


def test_unwritable_save_folder_is_reported(
    fake: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script, received = fake
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    proc = gate(
        messages.PLACEHOLDER,
        [sys.executable, str(script), str(received), "0"],
        "--select",
        messages.SELECT,
        "--save-blocked",
        str(not_a_folder / "sub"),
        cwd=tmp_path,
    )
    assert proc.returncode == EX_DATAERR
    assert not received.exists()
    assert b"could NOT be saved" in proc.stderr


def test_example_wrapper_script(fake: tuple[Path, Path], tmp_path: Path) -> None:
    """examples/mail-clients/followup-sendmail: the one-path wrapper documented for clients."""
    script, received = fake
    wrapper = (
        Path(__file__).resolve().parents[2] / "examples" / "mail-clients" / "followup-sendmail"
    )
    real = tmp_path / "real-sendmail"
    real.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{script}" "{received}" 0 "$@"\n')
    real.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "FOLLOWUP_REAL_SENDMAIL": str(real),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("FOLLOWUP_LINT_SEND_ANYWAY", None)
    (tmp_path / ".followup-lint.toml").write_text('select = ["subject", "unfilled-placeholder"]\n')
    sent = subprocess.run(
        ["sh", str(wrapper), "-i", "dana.mueller@acme.example"],
        input=messages.CRLF,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert sent.returncode == 0, sent.stderr.decode()
    assert received.read_bytes() == messages.CRLF
    assert json.loads(Path(f"{received}.argv").read_text()) == ["-i", "dana.mueller@acme.example"]
    received.unlink()
    blocked = subprocess.run(
        ["sh", str(wrapper), "-i", "dana.mueller@acme.example"],
        input=messages.PLACEHOLDER,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert blocked.returncode == EX_DATAERR
    assert not received.exists()
    saved = list((tmp_path / "data" / "followup-lint" / "blocked").iterdir())
    assert [p.read_bytes() for p in saved] == [messages.PLACEHOLDER]
