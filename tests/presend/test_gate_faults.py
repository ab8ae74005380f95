"""The gate under faults, with small real commands as the downstream (fast; no network).

Each case is a fault a user can meet: the downstream fails, is killed, reads only part of the
message or none of it and still exits 0; standard error is a broken pipe or closed; standard
input is closed; the save folder names a user who does not exist; a signal reaches the gate
after the downstream has read the whole message. What must hold in every case: the downstream
saw the whole message or was not started, the exit status says what really happened, and a
message that may not have been delivered is kept with --save-blocked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_lint.sendmail import EX_DATAERR, EX_IOERR, EX_NOINPUT
from tests.presend import messages

GATE = [sys.executable, "-m", "followup_lint", "sendmail", "--select", messages.SELECT]


def _env() -> dict[str, str]:
    return messages.gate_env()


def _run(
    real: list[str], data: bytes, tmp_path: Path, *extra: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*GATE, "--save-blocked", str(tmp_path / "saved"), *extra, "--", *real],
        input=data,
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=120,
    )


def _saved(tmp_path: Path) -> list[bytes]:
    folder = tmp_path / "saved"
    return [p.read_bytes() for p in folder.iterdir()] if folder.exists() else []


@pytest.mark.parametrize(
    ("script", "status"),
    [
        ("cat >/dev/null; exit 75", 75),  # EX_TEMPFAIL, as msmtp reports a server it cannot reach
        ("cat >/dev/null; exit 1", 1),
        ("exit 75", 75),  # fails without reading anything
        ("head -c 100 >/dev/null; kill -9 $$", 128 + 9),  # killed in the middle
    ],
    ids=["tempfail", "fails", "fails-unread", "killed"],
)
def test_failed_delivery_keeps_the_message(script: str, status: int, tmp_path: Path) -> None:
    proc = _run(["sh", "-c", script], messages.EIGHT_BIT, tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == status, err
    assert "message may NOT have been sent" in err
    assert _saved(tmp_path) == [messages.EIGHT_BIT]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("script", "read"),
    [("true", 0), ("head -c 100 >/dev/null", 100)],
    ids=["reads-nothing", "reads-100-bytes"],
)
def test_downstream_that_did_not_read_everything_is_a_failure(
    script: str, read: int, tmp_path: Path
) -> None:
    """`head` leaves a seekable input's offset just past what it used, as POSIX asks."""
    proc = _run(["sh", "-c", script], messages.EIGHT_BIT, tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == EX_IOERR, err
    assert f"read only {read} of the message's {len(messages.EIGHT_BIT)} bytes" in err
    assert _saved(tmp_path) == [messages.EIGHT_BIT]


def test_whole_read_and_exit_0_is_success_and_nothing_is_saved(tmp_path: Path) -> None:
    out = tmp_path / "received.eml"
    proc = _run(["sh", "-c", f"cat > '{out}'"], messages.MULTIPART, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes() == messages.MULTIPART
    assert _saved(tmp_path) == []


def _broken_pipe_stderr(real: list[str], data: bytes, tmp_path: Path) -> int:
    """Run the gate with stderr a pipe whose reading end is already closed."""
    r, w = os.pipe()
    os.close(r)
    try:
        proc = subprocess.run(
            [*GATE, "--save-blocked", str(tmp_path / "saved"), "--", *real],
            input=data,
            stdout=subprocess.DEVNULL,
            stderr=w,
            cwd=tmp_path,
            env=_env(),
            timeout=120,
        )
    finally:
        os.close(w)
    return proc.returncode


def _closed_stderr(real: list[str], data: bytes, tmp_path: Path) -> int:
    """Run the gate with descriptor 2 closed (`2>&-`)."""
    args = " ".join(f"'{a}'" for a in [*GATE, "--save-blocked", str(tmp_path / "saved"), "--"])
    real_s = " ".join(f"'{a}'" for a in real)
    proc = subprocess.run(
        ["sh", "-c", f"exec {args} {real_s} 2>&-"],
        input=data,
        stdout=subprocess.DEVNULL,
        cwd=tmp_path,
        env=_env(),
        timeout=120,
    )
    return proc.returncode


@pytest.mark.parametrize("broken", [_broken_pipe_stderr, _closed_stderr], ids=["epipe", "closed"])
def test_broken_stderr_changes_nothing(broken: object, tmp_path: Path) -> None:
    run = broken  # type: ignore[assignment]
    out = tmp_path / "received.eml"
    real = ["sh", "-c", f"cat > '{out}'"]
    # A message with a warning (a report to print) is still handed on, whole.
    vague = messages.EIGHT_BIT.replace(messages.SUBJECT, b"Subject: Hi")
    assert run(real, vague, tmp_path) == 0  # type: ignore[operator]
    assert out.read_bytes() == vague
    out.unlink()
    # A blocked message still exits 65, is not handed on, and is still saved.
    assert run(real, messages.PLACEHOLDER, tmp_path) == EX_DATAERR  # type: ignore[operator]
    assert not out.exists()
    assert _saved(tmp_path) == [messages.PLACEHOLDER]


def test_stdin_closed_is_one_line(tmp_path: Path) -> None:
    args = " ".join(f"'{a}'" for a in [*GATE, "--", "cat"])
    proc = subprocess.run(
        ["sh", "-c", f"exec {args} <&-"], capture_output=True, cwd=tmp_path, env=_env(), timeout=120
    )
    err = proc.stderr.decode()
    assert proc.returncode == EX_NOINPUT, err
    assert err.count("\n") == 1 and "standard input is closed" in err
    assert proc.stdout == b""


def test_save_folder_of_an_unknown_user(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*GATE, "--save-blocked", "~nosuchuser-h14/x", "--", "cat"],
        input=messages.PLACEHOLDER,
        capture_output=True,
        cwd=tmp_path,
        env=_env(),
        timeout=120,
    )
    err = proc.stderr.decode()
    assert proc.returncode == EX_DATAERR, err
    assert "Traceback" not in err
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith("followup-lint: message NOT sent:")
    assert "could NOT be saved in ~nosuchuser-h14/x" in last and "'nosuchuser-h14'" in last
    assert proc.stdout == b""  # cat never ran


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_after_the_downstream_read_everything_is_not_a_failure(
    signum: int, tmp_path: Path
) -> None:
    """The downstream has the whole message and is finishing (an SMTP client waiting for the
    server's answer); the gate is told to stop. Reporting failure now would make the user send
    the message a second time: the gate waits and reports what the downstream did."""
    out = tmp_path / "received.eml"
    real = ["sh", "-c", f"cat > '{out}.part' && mv '{out}.part' '{out}' && sleep 1"]
    gate = subprocess.Popen(
        [*GATE, "--", *real],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env=_env(),
    )
    assert gate.stdin is not None and gate.stderr is not None
    gate.stdin.write(messages.CRLF)
    gate.stdin.close()
    deadline = time.monotonic() + 60
    while not out.exists():
        assert time.monotonic() < deadline, "the downstream never got the message"
        time.sleep(0.02)
    gate.send_signal(signum)
    status = gate.wait(timeout=60)
    err = gate.stderr.read().decode()
    assert status == 0, err
    assert out.read_bytes() == messages.CRLF
    assert f"{signal.Signals(signum).name} arrived while sh was sending" in err
