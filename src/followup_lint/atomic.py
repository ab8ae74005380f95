"""Writing a user's file: the old file or the new one, never half of either, never over a change.

Two ways in:

- `write_atomic(path, data)`: create or replace a file we own the content of (a saved copy of a
  blocked message, a scaffolded draft, a configuration edit). The data goes to a temporary file
  in the same folder, is flushed to disk, takes the original's permissions, and is renamed over
  the original in one step.
- `read_for_rewrite(path)` then `rewrite(target, data)`: how `check --fix` edits a draft. The
  first reads the file and remembers what it saw (a `Snapshot`); the second writes only if the
  file is still exactly that, just before the rename, and keeps what a rename would lose:

  * a symlink stays a symlink: its target is rewritten;
  * a file with several hard links is rewritten in place (a rename would give this name a new
    inode and leave the other names with the old text), after a copy of the old text is on
    disk beside it; the copy is removed once the new text is written;
  * mode, owner, group and extended attributes (ACLs included) are copied onto the new file,
    and when one cannot be kept nothing is written;
  * a read-only file, a FIFO, a device or anything else that is not a regular file is refused
    before anything is read from it (reading a FIFO would consume someone else's data).

Temporary files carry the writer's process id (`.NAME.PID.RANDOM.followup-lint.tmp`), so one left
by a process that was killed (SIGKILL between writing and renaming) is recognised and removed by
the next `rewrite` of that file. A copy left by an interrupted in-place write (`...bak`) is never
removed automatically: it may be the only whole copy of the text, so `rewrite` refuses to touch
the file until the user has looked at it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

_MARK = "followup-lint"
#: Folders whose "files" are views of processes and devices, never drafts.
_SPECIAL_ROOTS = ("/dev/", "/proc/", "/sys/")


class RewriteError(Exception):
    """The file was not written; the message says why and what to do. Nothing was changed."""


class ChangedError(RewriteError):
    """The file changed between reading and writing: nothing was written."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: enough to notice any later change."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int
    nlink: int
    mode: int
    uid: int
    gid: int
    digest: bytes

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> Snapshot:
        return cls(
            st.st_dev,
            st.st_ino,
            st.st_size,
            st.st_mtime_ns,
            st.st_ctime_ns,
            st.st_nlink,
            st.st_mode,
            st.st_uid,
            st.st_gid,
            hashlib.sha256(data).digest(),
        )

    def same_file(self, st: os.stat_result) -> bool:
        return (st.st_dev, st.st_ino) == (self.dev, self.ino)


def _temp_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.{_MARK}.{kind}")


def _leftovers(target: Path) -> list[tuple[Path, int, str]]:
    """Temporaries beside `target` written by a followup-lint process: (path, pid, kind)."""
    pattern = re.compile(
        rf"\.{re.escape(target.name)}\.(\d+)\.[0-9a-f]+\.{re.escape(_MARK)}\.(tmp|bak)\Z"
    )
    out = []
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    for name in names:
        m = pattern.match(name)
        if m:
            out.append((target.parent / name, int(m.group(1)), m.group(2)))
    return out


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def clean_leftovers(target: Path) -> list[Path]:
    """Remove temporaries of dead followup-lint processes beside `target`; return the backups
    (`.bak`) that were left by an interrupted in-place write and must be looked at by a person."""
    backups = []
    for path, pid, kind in _leftovers(target):
        if _alive(pid):
            continue
        if kind == "tmp":
            # The rename never happened, so the original is whole: the temporary is garbage.
            with contextlib.suppress(OSError):
                os.unlink(path)
        else:
            backups.append(path)
    return backups


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (creating it if missing). A new file is private
    to its owner (0600); an existing one keeps its permissions."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = _temp_name(folder / target.name, "tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(fd, stat.S_IMODE(target.stat().st_mode))
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def create_new(path: str | Path, data: bytes) -> None:
    """Create `path` with `data`, private to its owner, whole or not at all; never replace an
    existing file (FileExistsError)."""
    target = Path(path)
    tmp = _temp_name(target, "tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.link(tmp, target)  # fails if the name exists: nothing is overwritten
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    _fsync_dir(target.parent)


def write_text_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    # newline="" semantics: the text is written exactly as given (CRLF stays CRLF).
    write_atomic(path, text.encode(encoding))


# --- check --fix: read, then rewrite only what was read ----------------------------------------


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def read_for_rewrite(path: str | Path, max_bytes: int) -> tuple[Path, bytes, Snapshot]:
    """Read a draft that may be rewritten: (the real file behind any symlinks, its bytes, what
    it was). Refuses (RewriteError) anything but a regular file, before reading from it."""
    given = str(path)
    absolute = os.path.abspath(given)
    real = Path(os.path.realpath(given))
    if any(p.startswith(root) for p in (absolute, str(real)) for root in _SPECIAL_ROOTS):
        raise RewriteError(
            f"{given}: is a device or process file, not a draft; to fix standard input, "
            "give - (the fixed text goes to standard output)"
        )
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise RewriteError(f"{given}: no such file") from None
    except PermissionError:
        raise RewriteError(f"{given}: permission denied") from None
    except OSError as exc:
        raise RewriteError(f"{given}: cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise RewriteError(
                f"{given}: is {_kind_of(st.st_mode)}; --fix rewrites regular files only "
                "(use - to fix standard input)"
            )
        if st.st_size > max_bytes:
            raise RewriteError(
                f"{given}: {st.st_size} bytes is larger than the {max_bytes} byte limit for a draft"
            )
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise RewriteError(f"{given}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return real, data, Snapshot.of(st, data)


def check_writable(given: str, target: Path, snap: Snapshot) -> None:
    """Refuse a read-only file (even as root, who could write it) and a file left half-done by
    an interrupted in-place write."""
    if not snap.mode & 0o222 or not os.access(target, os.W_OK):
        raise RewriteError(
            f"{given}: is read-only; --fix leaves it alone (make it writable, or use --diff "
            "to see the fixes)"
        )
    check_no_backups(given, target)


def check_no_backups(given: str, target: Path) -> None:
    """Remove dead processes' temporaries beside `target`; refuse if a safety copy is there."""
    backups = clean_leftovers(target)
    if backups:
        raise RewriteError(
            f"{given}: an interrupted --fix left a copy of its earlier text in {backups[0]}; "
            "compare the two, keep what you want, delete the copy, then run --fix again"
        )


def _unchanged(given: str, target: Path, snap: Snapshot) -> None:
    """Raise ChangedError unless `target` is still the file, with the content, that was read."""
    why = None
    try:
        st = os.stat(target)
    except FileNotFoundError:
        why = "it was removed"
    else:
        if not snap.same_file(st):
            why = "it was replaced by another file"
        elif (st.st_size, st.st_mtime_ns, st.st_ctime_ns) != (
            snap.size,
            snap.mtime_ns,
            snap.ctime_ns,
        ):
            why = "its size or modification time changed"
        else:
            try:
                with open(target, "rb") as fh:
                    now = fh.read(snap.size + 1)
            except OSError as exc:
                why = f"it can no longer be read ({exc.strerror or exc})"
            else:
                if hashlib.sha256(now).digest() != snap.digest:
                    why = "its content changed"
    if why:
        raise ChangedError(
            f"{given}: not written: {why} while followup-lint was fixing it (an editor saved "
            "it?); nothing was written, so those changes are safe. Run --fix again."
        )


def _copy_metadata(src_fd: int, dst_fd: int, snap: Snapshot, given: str) -> None:
    """Give the new file the original's owner, group, mode and extended attributes."""
    st = os.fstat(dst_fd)
    if (st.st_uid, st.st_gid) != (snap.uid, snap.gid):
        try:
            os.fchown(dst_fd, snap.uid, snap.gid)
        except PermissionError:
            raise RewriteError(
                f"{given}: not written: its owner or group cannot be kept by this user "
                "(a rewritten file would change hands); use --diff and apply the change yourself"
            ) from None
    os.fchmod(dst_fd, stat.S_IMODE(snap.mode))
    if not hasattr(os, "listxattr"):  # pragma: no cover - not Linux
        return
    try:
        names = os.listxattr(src_fd)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        try:
            os.setxattr(dst_fd, name, os.getxattr(src_fd, name))
        except OSError as exc:
            raise RewriteError(
                f"{given}: not written: its extended attribute {name!r} cannot be kept "
                f"({exc.strerror or exc})"
            ) from None


def rewrite(given: str, target: Path, data: bytes, snap: Snapshot) -> None:
    """Write `data` to `target` if it is still what `snap` saw; RewriteError (nothing written)
    otherwise. `given` is the name the user gave, for messages."""
    check_writable(given, target, snap)
    if snap.nlink > 1:
        _rewrite_in_place(given, target, data, snap)
        return
    tmp = _temp_name(target, "tmp")
    try:
        src = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise RewriteError(f"{given}: cannot read ({exc.strerror or exc})") from None
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise RewriteError(
                f"{given}: cannot write the fixed draft ({exc.strerror or exc}); "
                "the file is unchanged"
            ) from None
        try:
            try:
                _copy_metadata(src, fd, snap, given)
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            # The last look, as close to the rename as possible.
            _unchanged(given, target, snap)
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise RewriteError(
                    f"{given}: cannot write the fixed draft ({exc.strerror or exc}); "
                    "the file is unchanged"
                ) from None
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
    finally:
        os.close(src)
    _fsync_dir(target.parent)


def _rewrite_in_place(given: str, target: Path, data: bytes, snap: Snapshot) -> None:
    """Keep hard links: overwrite the inode itself, with the old text saved beside it first."""
    backup = _temp_name(target, "bak")
    try:
        fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise RewriteError(
            f"{given}: cannot write the fixed draft (no room for a safety copy beside it: "
            f"{exc.strerror or exc}); the file is unchanged"
        ) from None
    try:
        with open(target, "rb") as fh:
            old = fh.read(snap.size + 1)
        _write_all(fd, old)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup)
        raise
    os.close(fd)
    try:
        _unchanged(given, target, snap)
        if hashlib.sha256(old).digest() != snap.digest:
            raise ChangedError(f"{given}: not written: its content changed while fixing it")
        out = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup)
        raise
    # From here an interruption leaves the backup in place (the only whole copy) on purpose.
    try:
        os.lseek(out, 0, os.SEEK_SET)
        _write_all(out, data)
        os.ftruncate(out, len(data))
        os.fsync(out)
    except OSError as exc:
        os.close(out)
        raise RewriteError(
            f"{given}: writing the fixed draft failed ({exc.strerror or exc}); its earlier "
            f"text is in {backup}"
        ) from None
    os.close(out)
    os.unlink(backup)
    _fsync_dir(target.parent)
