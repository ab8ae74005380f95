"""The message, read whole from standard input into a private file that has no name.

The real command later gets this file as its standard input, so it reads the message from the
disk, not through the gate: nothing that happens to the gate afterwards (a signal, a crash, a
closed terminal) can cut the message short. The file is created unnamed (O_TMPFILE where the
system has it, else unlinked at once), so it is readable by this user only and disappears with
the last process that has it open, even after SIGKILL.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

#: The largest message the gate accepts, attachments included: well above what mail servers
#: take (typically 25-50 MB), and a bound on the disk an endless input could fill.
MAX_SPOOL = 200 * 1024 * 1024


class SpoolError(Exception):
    """The message could not be read or kept; the text says why."""


@dataclass
class Spool:
    fd: int
    size: int
    #: The message's bytes, or its first `keep` bytes and one more when it is larger.
    head: bytes

    def read_all(self) -> bytes:
        return os.pread(self.fd, self.size, 0) if self.size else b""

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def spool_stdin(read: Callable[[int], bytes], keep: int) -> Spool:
    """Copy standard input (`read(n)`) to a new unnamed file; keep up to `keep` + 1 bytes in
    memory."""
    try:
        fh = tempfile.TemporaryFile(prefix="followup-lint-")  # noqa: SIM115 - the fd outlives it
    except OSError as exc:
        raise SpoolError(f"cannot create a temporary file ({exc.strerror or exc})") from None
    fd = os.dup(fh.fileno())
    fh.close()
    head: list[bytes] = []
    kept = size = 0
    try:
        while True:
            try:
                chunk = read(1 << 20)
            except OSError as exc:
                raise SpoolError(
                    f"cannot read the message on standard input ({exc.strerror or exc})"
                ) from None
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_SPOOL:
                raise SpoolError(f"the message is larger than {MAX_SPOOL // (1024 * 1024)} MiB")
            if kept <= keep:
                head.append(chunk[: keep + 1 - kept])
                kept += len(head[-1])
            view = memoryview(chunk)
            try:
                while view:
                    n = os.write(fd, view)
                    view = view[n:]
            except OSError as exc:
                raise SpoolError(
                    f"cannot keep the message in a temporary file ({exc.strerror or exc})"
                ) from None
        # fsync is not supported on some file systems; the data is written all the same.
        with contextlib.suppress(OSError):
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        raise
    return Spool(fd, size, b"".join(head))
