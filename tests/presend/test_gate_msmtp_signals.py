"""Signals to the gate while Debian's msmtp hands a 5 MB message to a slow SMTP server.

The SMTP server is aiosmtpd on 127.0.0.1; between msmtp and it sits a proxy, also on 127.0.0.1,
that forwards what msmtp sends in 64 KiB steps with a pause after each (about 3 MB/s), so the
hand-off lasts long enough to be interrupted at a chosen point: once 1 MB of it has reached the
server. aiosmtpd only accepts a message when its final "." arrives, so "received" means whole.

What must hold: the server receives the whole message, byte for byte, or nothing; the gate's
exit status tells the truth about it.
"""

from __future__ import annotations

import base64
import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.presend import messages
from tests.presend.test_sendmail_msmtp import (
    MSMTP,
    _crlf,
    _msmtp_command,
    _Recorder,
    msmtp_config,  # noqa: F401 - a fixture
    smtp_server,  # noqa: F401 - a fixture
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(MSMTP is None, reason="msmtp is not installed (apt-get install msmtp)"),
]

#: A follow-up with a portfolio attached: 5 MB on the wire.
BIG = messages.MULTIPART.replace(
    base64.encodebytes(bytes(range(256)) * 8),
    base64.encodebytes(os.urandom(3_800_000)),
)


class SlowProxy:
    """127.0.0.1:port -> 127.0.0.1:upstream, slow in the client-to-server direction."""

    def __init__(self, upstream: int, step: int = 65536, pause: float = 0.02) -> None:
        self.upstream, self.step, self.pause = upstream, step, pause
        self.forwarded = 0
        self.connections = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            server = socket.create_connection(("127.0.0.1", self.upstream))
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, slow: bool) -> None:
        try:
            while True:
                data = src.recv(self.step)
                if not data:
                    break
                dst.sendall(data)
                if slow:
                    self.forwarded += len(data)
                    time.sleep(self.pause)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


@pytest.fixture
def slow(smtp_server: tuple[int, _Recorder]) -> Iterator[tuple[SlowProxy, _Recorder]]:  # noqa: F811
    port, recorder = smtp_server
    proxy = SlowProxy(port)
    try:
        yield proxy, recorder
    finally:
        proxy.close()


def _start(real: list[str], cwd: Path, *extra: str, whole: bool = True) -> subprocess.Popen[bytes]:
    env = messages.gate_env()
    gate = subprocess.Popen(
        messages.gate_argv(real, *extra),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=env,
    )
    assert gate.stdin is not None
    if not whole:  # the caller sends the rest (or never does)
        gate.stdin.write(BIG[: len(BIG) // 2])
        gate.stdin.flush()
        return gate
    gate.stdin.write(BIG)
    gate.stdin.close()
    return gate


def _wait_for(predicate: object, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def _children(pid: int) -> list[int]:
    out = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            out.extend(int(x) for x in fh.read().split())
    return out


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_signal_during_hand_off_delivers_the_whole_message(
    signum: int,
    slow: tuple[SlowProxy, _Recorder],
    msmtp_config: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    proxy, recorder = slow
    gate = _start(_msmtp_command(proxy.port, msmtp_config), tmp_path)
    _wait_for(lambda: proxy.forwarded > 1_000_000, "1 MB to reach the server")
    at_signal = proxy.forwarded
    gate.send_signal(signum)
    status = gate.wait(timeout=120)
    assert gate.stderr is not None
    err = gate.stderr.read().decode(errors="replace")
    assert at_signal < len(BIG) // 2, "the hand-off was nearly over before the signal"
    assert status == 0, err
    assert f"{signal.Signals(signum).name} arrived while msmtp was sending" in err
    assert len(recorder.envelopes) == 1
    assert recorder.envelopes[0].original_content == _crlf(BIG)


def test_sigkill_to_the_gate_cannot_cut_the_message(
    slow: tuple[SlowProxy, _Recorder],
    msmtp_config: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """SIGKILL cannot be held: the gate dies at once. msmtp reads the spooled file, not the gate,
    so it still delivers all of it (the mail client is told the gate was killed)."""
    proxy, recorder = slow
    gate = _start(_msmtp_command(proxy.port, msmtp_config), tmp_path)
    _wait_for(lambda: proxy.forwarded > 1_000_000, "1 MB to reach the server")
    gate.kill()
    assert gate.wait(timeout=60) == -signal.SIGKILL
    _wait_for(lambda: recorder.envelopes, "msmtp to finish", timeout=120)
    assert recorder.envelopes[0].original_content == _crlf(BIG)


def test_msmtp_killed_mid_message_delivers_nothing_and_the_copy_is_kept(
    slow: tuple[SlowProxy, _Recorder],
    msmtp_config: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    proxy, recorder = slow
    saved = tmp_path / "saved"
    gate = _start(_msmtp_command(proxy.port, msmtp_config), tmp_path, "--save-blocked", str(saved))
    _wait_for(lambda: proxy.forwarded > 1_000_000, "1 MB to reach the server")
    (msmtp,) = _children(gate.pid)
    os.kill(msmtp, signal.SIGKILL)
    status = gate.wait(timeout=60)
    assert gate.stderr is not None
    err = gate.stderr.read().decode(errors="replace")
    assert status == 128 + signal.SIGKILL, err
    assert "may NOT have been sent: msmtp was stopped by SIGKILL" in err
    assert [p.read_bytes() for p in saved.iterdir()] == [BIG]
    time.sleep(0.3)  # let the server notice the closed connection
    assert recorder.envelopes == []


def test_signal_before_hand_off_sends_nothing(
    slow: tuple[SlowProxy, _Recorder],
    msmtp_config: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """While the message is being read, a signal stops the gate as usual: nothing is sent
    (the mail client still has the message and says it was not sent)."""
    proxy, recorder = slow
    # Half the message is in: the gate is still reading it (checking is too fast to aim at).
    gate = _start(_msmtp_command(proxy.port, msmtp_config), tmp_path, whole=False)
    time.sleep(0.3)
    gate.send_signal(signal.SIGTERM)
    assert gate.wait(timeout=60) == -signal.SIGTERM
    with contextlib.suppress(BrokenPipeError):
        assert gate.stdin is not None
        gate.stdin.close()
    time.sleep(0.3)
    assert proxy.connections == 0
    assert recorder.envelopes == []
