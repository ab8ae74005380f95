"""Standard streams for a program that mail clients run: any of them may be closed or broken.

A gate whose stderr is a closed pipe must still hand on a message it lets through and still
exit 65 for one it blocks, so nothing written to stderr may raise. The report is written with
`os.write` on descriptor 2 and a failure only marks the stream broken; `sys.stderr` is replaced
by a writer that does the same, so a warning from a library cannot raise either, and nothing is
left in a buffer for the interpreter to fail on at exit (which would turn any status into 120).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator


def reopen_closed_descriptors() -> set[int]:
    """Put /dev/null on any of descriptors 0, 1, 2 that is closed; return those that were.

    Otherwise the next file opened would take the free number: the spooled message would become
    "standard error", and the report would be written into the message.
    """
    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
    for fd in sorted(closed):
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
    return closed


class Stderr(io.TextIOBase):
    """The standard error it replaces, as a text stream that never raises: once a write fails,
    later ones are dropped and `broken` says so. A real stream is written with `os.write` on its
    descriptor, so nothing waits in a buffer."""

    def __init__(self, original: object) -> None:
        super().__init__()
        self.original = original
        self.broken = original is None
        self._fd: int | None = None
        try:
            self._fd = original.fileno()  # type: ignore[attr-defined]
        except (AttributeError, OSError, ValueError):  # a test's capture object, or None
            self._fd = None

    def write(self, text: str) -> int:
        if self.broken or not text:
            return len(text)
        try:
            if self._fd is not None:
                view = memoryview(text.encode("utf-8", "replace"))
                while view:
                    n = os.write(self._fd, view)
                    view = view[n:]
            else:
                self.original.write(text)  # type: ignore[attr-defined]
                self.original.flush()  # type: ignore[attr-defined]
        except (OSError, ValueError, AttributeError):
            # EPIPE, EBADF, EIO, EAGAIN on a full non-blocking pipe, a closed file: give up.
            self.broken = True
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        try:
            return self._fd is not None and os.isatty(self._fd)
        except OSError:  # pragma: no cover - isatty does not raise on Linux
            return False


@contextlib.contextmanager
def safe_stderr() -> Iterator[Stderr]:
    """Route everything Python writes to stderr through a `Stderr` while the gate runs."""
    original = sys.stderr
    out = Stderr(original)
    sys.stderr = out
    try:
        yield out
    finally:
        sys.stderr = original


def stdin_reader() -> Callable[[int], bytes] | None:
    """A function reading up to n bytes of standard input, None when it is closed."""
    stdin = sys.stdin
    if stdin is None:
        return None
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by an object without a descriptor
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            return None
        return buffer.read1 if hasattr(buffer, "read1") else buffer.read  # type: ignore[no-any-return]
    return lambda n: os.read(fd, n)
