"""The package's own compiled code, kept in followup-lint's cache when Python keeps none.

Python caches a module's compiled code next to its source (`__pycache__`), unless it may not
write there: `PYTHONDONTWRITEBYTECODE=1` (set on many CI machines and containers) or
`python -B`. Then every process compiles every module it imports from source again; for this
package that is about 70 ms of a 0.3 s one-draft run of an editable install, a quarter of
what a pre-send check costs. (A wheel installed by pip carries its bytecode, and needs none
of this.)

When Python may not write bytecode, this module gives the package's submodules a loader that
keeps their code objects in followup-lint's own cache folder (`followup_lint.cache`: private
to the user, entries checksummed, `FOLLOWUP_LINT_CACHE_DIR=off` turns it off), one entry for
the package, keyed by the interpreter's bytecode magic number and the package's folder:

- a module's code is used only while its source file has the size and modification time it
  had when it was compiled (the check Python makes of its own `.pyc` files); otherwise it is
  compiled from source as usual, and the entry is updated when the process exits;
- anything unexpected (an unreadable entry, a code object that will not load) falls back to
  Python's own loader: the cache can cost time, never a module.

Nothing is written next to the source, and nothing outside the cache folder.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.machinery
import importlib.util
import marshal
import os
import sys
import threading
from collections.abc import Sequence
from types import CodeType, ModuleType
from typing import Any

# Both imported before the finder is installed: the store reads the package version (through
# `cache`) while it loads a module, and must not need a module that is itself being loaded.
from followup_lint import _version, cache  # noqa: F401

_PACKAGE = __name__.rpartition(".")[0]
_FOLDER = os.path.dirname(os.path.abspath(__file__))
NAME = "bytecode"
#: (source size, modification time in ns, marshalled code) by source path.
_Entry = tuple[int, int, bytes]


class _Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loaded: dict[str, _Entry] | None = None
        self.new: dict[str, _Entry] = {}
        self.at_exit = False

    def _key(self) -> bytes:
        return importlib.util.MAGIC_NUMBER + b"\0" + _FOLDER.encode()

    def entries(self) -> dict[str, _Entry]:
        if self.loaded is None:
            try:
                got: dict[str, _Entry] = cache.load_or_build(
                    NAME, self._key(), dict, check=lambda d: isinstance(d, dict)
                )
            except Exception:  # a cache never makes an import fail
                got = {}
            self.loaded = got
        return self.loaded

    def get(self, path: str, size: int, mtime: int) -> CodeType | None:
        with self.lock:
            found = self.entries().get(path)
        if not (isinstance(found, tuple) and len(found) == 3):
            return None
        if found[0] != size or found[1] != mtime or not isinstance(found[2], bytes):
            return None
        code = marshal.loads(found[2])
        return code if isinstance(code, CodeType) else None

    def put(self, path: str, size: int, mtime: int, code: CodeType) -> None:
        with self.lock:
            self.new[path] = (size, mtime, marshal.dumps(code))
            if not self.at_exit:
                self.at_exit = True
                atexit.register(self.flush)

    def flush(self) -> None:
        """Write what this process compiled, merged with the entry as it is on disk now (another
        process may have added modules meanwhile); entries for deleted sources are dropped."""
        with self.lock:
            if not self.new:
                return
            self.loaded = None  # read again: the freshest entry
            merged = dict(self.entries())
            merged.update(self.new)
            self.new = {}
        merged = {p: e for p, e in merged.items() if os.path.exists(p)}
        cache.store(NAME, self._key(), merged)


_STORE = _Store()


class _CachingLoader(importlib.machinery.SourceFileLoader):
    """Python's source loader, with the compiled code from (and for) the cache."""

    def get_code(self, fullname: str) -> CodeType | None:
        path = self.get_filename(fullname)
        try:
            st = os.stat(path)
            code = _STORE.get(path, st.st_size, st.st_mtime_ns)
        except Exception:
            return super().get_code(fullname)
        if code is not None:
            return code
        code = super().get_code(fullname)
        if code is not None:
            with contextlib.suppress(Exception):  # an unmarshallable constant: not kept
                _STORE.put(path, st.st_size, st.st_mtime_ns, code)
        return code


class _Finder:
    """Finds the package's submodules as the path finder does, then swaps in the caching
    loader for plain source files."""

    @classmethod
    def find_spec(
        cls, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> Any:
        if not name.startswith(_PACKAGE + "."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        loader = getattr(spec, "loader", None)
        if (
            spec is not None
            and type(loader) is importlib.machinery.SourceFileLoader
            and isinstance(spec.origin, str)
            and spec.origin.endswith(".py")
        ):
            spec.loader = _CachingLoader(loader.name, loader.path)
        return spec


def install() -> None:
    """Put the finder first on `sys.meta_path` when Python keeps no bytecode of its own and the
    cache is on; otherwise do nothing."""
    if not sys.dont_write_bytecode or cache.cache_dir() is None:
        return
    if any(f is _Finder for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder)


install()
