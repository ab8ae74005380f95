"""End to end with real parts: followup-lint sendmail -> Debian's msmtp -> an SMTP server.

The SMTP server is aiosmtpd on 127.0.0.1 (a free port), started by the test; msmtp delivers to
it with no configuration file of the user's. What the server received is compared with what the
mail client handed to the gate.

What SMTP itself changes, and how the comparison accounts for it (RFC 5321 section 4.5.2 and
2.3.8):
- Line endings: SMTP carries lines ending in CRLF. msmtp turns each bare LF of its input into
  CRLF on the wire, so a message written with LF arrives with CRLF; one written with CRLF
  arrives as it was. We compare against the input with its line endings made CRLF, and nothing
  else changed.
- Dot-stuffing: msmtp doubles a leading "." on every line and aiosmtpd removes it again
  (`envelope.original_content` is the data after that removal, before any decoding), so a line
  that is just "." or starts with ".." arrives unchanged. The messages include such lines, so
  a gate or a client that got this wrong would fail the comparison.
- msmtp may add a From or Date header when one is missing; our messages carry both, so nothing
  may be added: the comparison is exact.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.presend import messages

MSMTP = shutil.which("msmtp")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        MSMTP is None,
        reason="msmtp is not installed (Debian: apt-get install msmtp; .ci/run installs it)",
    ),
]


def _crlf(data: bytes) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class _Recorder:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, _Recorder]]:
    controller_mod = pytest.importorskip("aiosmtpd.controller", reason="aiosmtpd is not installed")
    recorder = _Recorder()
    port = _free_port()
    controller = controller_mod.Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, recorder
    finally:
        controller.stop()


def _msmtp_command(port: int, config: Path) -> list[str]:
    assert MSMTP is not None
    return [
        MSMTP,
        f"--file={config}",  # an empty file: nothing of the user's ~/.msmtprc is read
        "--host=127.0.0.1",
        f"--port={port}",
        "--auth=off",
        "--tls=off",
        "--from=sam.ito@example.org",
        "--",
        "dana.mueller@acme.example",
    ]


@pytest.fixture
def msmtp_config(tmp_path: Path) -> Path:
    config = tmp_path / "msmtprc"
    config.write_text("")
    config.chmod(0o600)  # msmtp refuses a configuration file that others can read
    return config


def _gate(data: bytes, real: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = messages.gate_env()
    return subprocess.run(
        messages.gate_argv(real),
        input=data,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    "message",
    [messages.EIGHT_BIT, messages.CRLF, messages.MULTIPART],
    ids=["8bit-lf", "crlf", "multipart-attachment"],
)
def test_msmtp_delivers_the_message_unchanged(
    message: bytes,
    smtp_server: tuple[int, _Recorder],
    msmtp_config: Path,
    tmp_path: Path,
) -> None:
    port, recorder = smtp_server
    proc = _gate(message, _msmtp_command(port, msmtp_config), tmp_path)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    assert len(recorder.envelopes) == 1
    envelope = recorder.envelopes[0]
    assert envelope.mail_from == "sam.ito@example.org"
    assert envelope.rcpt_tos == ["dana.mueller@acme.example"]
    assert envelope.original_content == _crlf(message)


def test_blocked_message_never_reaches_the_server(
    smtp_server: tuple[int, _Recorder], msmtp_config: Path, tmp_path: Path
) -> None:
    port, recorder = smtp_server
    proc = _gate(messages.PLACEHOLDER, _msmtp_command(port, msmtp_config), tmp_path)
    assert proc.returncode == 65
    assert b"unfilled-placeholder" in proc.stderr
    assert recorder.envelopes == []


def test_msmtp_failure_is_passed_on(msmtp_config: Path, tmp_path: Path) -> None:
    """Nothing listens on the port: msmtp fails, and the mail client sees msmtp's status."""
    port = _free_port()
    proc = _gate(messages.EIGHT_BIT, _msmtp_command(port, msmtp_config), tmp_path)
    assert proc.returncode not in (0, 65, 70)
    assert b"msmtp" in proc.stderr
