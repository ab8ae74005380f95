"""Handing the checked message to the real command, so that it gets all of it or nothing.

The real command's standard input is the spooled file itself (a new process that shares the
gate's open file), so it reads the message from the disk at its own pace and no signal to the
gate can end its input early. While it runs, SIGTERM, SIGHUP, SIGINT and SIGQUIT sent to the gate
are held: the gate waits for the real command and reports what it did, because a gate that died
at that moment would tell the mail client "not sent" while the message goes out, and the user
would send it twice. The same signal a second time is passed on to the real command, which then
stops as it would on its own (an SMTP client that stops before the final "." delivers nothing).

When the real command has exited, the file offset it leaves in the shared file says how much it
read. A command that exits 0 without reading the message to its end did not send what it was
given, and that is a failure, not a success. (A command that re-opens /dev/stdin instead of
reading it would be counted the same way; no sendmail program does that.)
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from dataclasses import dataclass, field
from types import FrameType

#: Signals that usually mean "stop": held while the real command runs.
HELD_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGQUIT)


@dataclass
class Delivery:
    #: The real command's exit status; a shell's 128 + N when signal N killed it.
    status: int
    #: Bytes of the message the real command read.
    read: int
    size: int
    #: The signal that killed the real command, if one did.
    killed_by: int | None = None
    #: Signals the gate received (and held) while the real command ran.
    held: list[int] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return self.read >= self.size

    @property
    def ok(self) -> bool:
        return self.status == 0 and self.whole


class StartError(Exception):
    """The real command was not started; `why` says why, `status` is the exit status to give
    (69, EX_UNAVAILABLE, unless a signal stopped the gate first)."""

    def __init__(self, why: str, status: int = 69) -> None:
        super().__init__(why)
        self.why = why
        self.status = status


def signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:  # pragma: no cover - a real-time signal
        return f"signal {signum}"


def hand_off(command: list[str], fd: int, size: int) -> Delivery:
    """Run `command` with the spooled message (descriptor `fd`, `size` bytes) as its input."""
    os.lseek(fd, 0, os.SEEK_SET)
    held: list[int] = []
    proc: subprocess.Popen[bytes] | None = None

    def hold(signum: int, _frame: FrameType | None) -> None:
        if signum in held and proc is not None:
            with contextlib.suppress(OSError):
                proc.send_signal(signum)
        held.append(signum)

    previous = {s: signal.signal(s, hold) for s in HELD_SIGNALS}
    try:
        if held:
            # A "stop" arrived before the real command started: nothing has been sent yet.
            raise StartError(
                f"followup-lint received {signal_name(held[0])} before sending", 128 + held[0]
            )
        try:
            # The handlers above are reset to the default in the child by exec; SIGPIPE,
            # which Python ignores, is restored too (restore_signals).
            proc = subprocess.Popen(command, stdin=fd)
        except FileNotFoundError:
            raise StartError(f"cannot run {command[0]!r}: no such command") from None
        except PermissionError:
            raise StartError(f"cannot run {command[0]!r}: permission denied") from None
        except OSError as exc:
            raise StartError(f"cannot run {command[0]!r}: {exc.strerror or exc}") from None
        returncode = proc.wait()  # interrupted by a held signal, waitpid is simply retried
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    read = os.lseek(fd, 0, os.SEEK_CUR)
    if returncode < 0:
        return Delivery(128 - returncode, read, size, killed_by=-returncode, held=held)
    return Delivery(returncode, read, size, held=held)
