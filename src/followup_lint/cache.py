"""An on-disk cache of data that is costly to prepare and the same on every run: the syllable
table, the hyphenation patterns, the spelling word list, the parsed rule files, the compiled
code of the package's regular expressions (`regex_cache.py`).

Each entry is keyed by what it is built from (the package version, the Python version, and
the caller's key: a data file's contents, a library's version) and holds only plain data
(dicts, lists, tuples, str, int) written with `marshal`, the fastest reader Python has for
those. It is a cache, never a source of truth:

- a missing, truncated, corrupt or stale entry is rebuilt from the source, and a run never
  fails because of the cache (an unwritable or unreadable cache directory only costs time);
- entries are written atomically (a temporary file in the same folder, then a rename), so
  two processes filling the cache at once each read a whole entry;
- the directory is used only when it belongs to the user and nobody else may write to it, and
  an entry only when the user owns it: marshal is not meant for data someone else prepared.

The folder is `$FOLLOWUP_LINT_CACHE_DIR`, else the platform's user cache folder
(`$XDG_CACHE_HOME/followup-lint`, `~/.cache/followup-lint`, `~/Library/Caches/followup-lint`,
`%LOCALAPPDATA%\\followup-lint\\Cache`). `FOLLOWUP_LINT_CACHE_DIR=off` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import stat
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

ENV = "FOLLOWUP_LINT_CACHE_DIR"
#: Bumped when the layout of an entry changes.
FORMAT = b"followup-lint-cache-2\n"
#: A CRC-32 of the payload follows the header: it catches a truncated or damaged entry (what
#: it is for: the folder's ownership, not a checksum, keeps others' data out) at a third of
#: blake2b's cost on the megabytes a run reads.
_DIGEST = 4
#: Entries larger than this are not read (a cache file that grew wild is not ours).
MAX_ENTRY = 64 * 1024 * 1024


def _version() -> str:
    from followup_lint._version import __version__

    return __version__


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    given = os.environ.get(ENV)
    if given is not None:
        if given.strip().lower() in ("", "off", "0", "none", "false"):
            return None
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "followup-lint" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "followup-lint"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_dir / "followup-lint"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (POSIX; Windows has no such bits)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not (st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _usable_dir(create: bool) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or not _private(st):
        log.debug("cache folder skipped: not a private folder of this user")
        return None
    return folder


def entry_path(name: str, key: bytes) -> Path | None:
    """Where the entry for (name, key) lives, or None when the cache is off."""
    folder = cache_dir()
    if folder is None:
        return None
    h = hashlib.blake2b(digest_size=16)
    # The entry format is part of the name: a version of the package that writes another
    # format keeps its own files rather than rewriting these on every run.
    for part in (FORMAT, _version().encode(), sys.version.encode(), name.encode(), key):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return folder / f"{name}-{h.hexdigest()}.bin"


def _checksum(payload: bytes | memoryview) -> bytes:
    return zlib.crc32(payload).to_bytes(_DIGEST, "little")


def _read(path: Path) -> Any:
    """The entry's data, or raise (any exception means: rebuild)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > MAX_ENTRY:
            raise ValueError("not a private regular file of a sane size")
        blob = fh.read()
    head = len(FORMAT)
    if blob[:head] != FORMAT:
        raise ValueError("not a cache entry of this format")
    view = memoryview(blob)  # no copy of a payload of megabytes
    digest, payload = view[head : head + _DIGEST], view[head + _DIGEST :]
    if _checksum(payload) != digest:
        raise ValueError("checksum mismatch (truncated or corrupt)")
    return marshal.loads(payload)


#: Entries kept per name: older ones (rule sets edited since, earlier versions) are removed
#: when a new one is written, so the folder does not grow without bound.
MAX_ENTRIES_PER_NAME = 8


def _prune(path: Path) -> None:
    name = path.name.rsplit("-", 1)[0]
    try:
        others = [p for p in path.parent.glob(f"{name}-*.bin") if p != path]
        if len(others) < MAX_ENTRIES_PER_NAME:
            return
        others.sort(key=lambda p: p.stat().st_mtime)
        for old in others[: len(others) - MAX_ENTRIES_PER_NAME + 1]:
            old.unlink()
    except OSError:
        pass  # another process pruned first, or the folder changed under us


def _write(path: Path, data: Any) -> None:
    payload = marshal.dumps(data)
    blob = FORMAT + _checksum(payload) + payload
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        _prune(path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def load_or_build(
    name: str,
    key: bytes,
    build: Callable[[], T],
    *,
    check: Callable[[Any], bool] | None = None,
) -> T:
    """The cached data for (name, key) if there is a sound entry, else `build()`'s result,
    which is then stored for the next run. `check` vets what was read (its type, its shape);
    an entry that fails it is rebuilt. `build` must return plain data that marshal can write."""
    path = entry_path(name, key)
    if path is not None and _usable_dir(create=False) is not None:
        try:
            data = _read(path)
        except FileNotFoundError:
            pass
        except Exception as exc:  # corrupt, truncated, foreign, unreadable: rebuild
            log.debug("cache entry %s unusable (%s); rebuilding", path.name, type(exc).__name__)
        else:
            if check is None or check(data):
                return data  # type: ignore[no-any-return]
            log.debug("cache entry %s failed its check; rebuilding", path.name)
    value = build()
    if path is not None and _usable_dir(create=True) is not None:
        try:
            _write(path, value)
        except (OSError, ValueError) as exc:  # read-only, full disk, unmarshallable
            log.debug("cache entry %s not written (%s)", path.name, type(exc).__name__)
    return value


def store(name: str, key: bytes, data: Any) -> None:
    """Write (or replace) the entry for (name, key); a failure only means it is not kept."""
    path = entry_path(name, key)
    if path is not None and _usable_dir(create=True) is not None:
        try:
            _write(path, data)
        except (OSError, ValueError) as exc:
            log.debug("cache entry %s not written (%s)", path.name, type(exc).__name__)


def file_key(*paths: Path | Any) -> bytes:
    """A key made of files' contents (a path, or an importlib.resources Traversable)."""
    h = hashlib.blake2b(digest_size=16)
    for p in paths:
        data = p.read_bytes()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.digest()


def stat_key(*paths: Path | str) -> bytes:
    """A cheap key for large data files a library installs: each one's path, size and
    modification time (reading megabytes to hash them would cost what the cache saves)."""
    parts = []
    for p in paths:
        st = os.stat(p)
        parts.append(f"{os.fspath(p)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()
