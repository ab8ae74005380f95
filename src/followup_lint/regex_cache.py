"""Compiled regular expressions kept between runs, in the on-disk cache (`followup_lint.cache`).

A one-draft run compiles a few hundred patterns (the act lexicon, the phrase lists, the layout
parser's sign-offs, the rules' own patterns), and Python's `re` spends most of that time in its
pure-Python parser and code generator: about 80 ms of a 0.37 s run. What the generator produces
is a list of integers that `_sre.compile` turns into a pattern object at once; this module
keeps those lists (with the flags and the group names) for the patterns compiled through
`compile`, so the next process skips the parser.

It cannot change what a pattern matches:

- an entry is stored only after the pattern rebuilt from it compared equal to the one `re`
  compiled (a pattern's equality covers its flags, its source text and its whole code), so a
  Python whose internals differ stores nothing and every run simply compiles;
- the cache is keyed by the package version, the Python version and the regex engine's magic
  number, read through `followup_lint.cache` (private, checksummed entries), and `_sre`
  validates the code it is given; anything unexpected falls back to `re.compile`;
- new entries are written once, when the process exits (merged with what another process wrote
  meanwhile), and only for calls made here: patterns built from a draft or its context go
  through `re.compile` and are never stored. The entry is bounded (`MAX_PATTERNS`).
"""

from __future__ import annotations

import atexit
import importlib
import re
import sys
import threading
from array import array
from typing import Any

try:  # CPython's regex engine and the private half of `re` (sre_* before Python 3.11)
    _sre: Any = importlib.import_module("_sre")
    _new_names = sys.version_info >= (3, 11)
    _sre_compile: Any = importlib.import_module("re._compiler" if _new_names else "sre_compile")
    _sre_parse: Any = importlib.import_module("re._parser" if _new_names else "sre_parse")
    _ENGINE: str | None = f"{_sre.MAGIC}:{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _ENGINE = None

NAME = "regex"
#: Patterns one entry holds at most (the built-in rules need about 600).
MAX_PATTERNS = 20_000
#: Compiled code one entry holds before patterns this process did not use are dropped (the
#: built-in rules' patterns take about 1.5 MB).
MAX_BYTES = 6 * 1024 * 1024
#: An entry past this size that holds more than twice what the flushing process used is pruned
#: to what it used too: every run reads the whole entry (about 5 MiB of memory per MB of code),
#: and after an upgrade the last versions' patterns would otherwise stay in it, read by every
#: one-draft run (a 5.5 MB entry took such a run from 57 to 83 MiB). One version's patterns
#: for one draft take about 1.6 MB; a language server that compiled all of them, 3.7 MB.
PRUNE_FROM_BYTES = 2_500_000
_CODE = "I" if array("I").itemsize == 4 else "L"

#: (flags passed, flags compiled, code as bytes, groups, group index, index group)
_Stored = tuple[int, int, bytes, int, dict[str, int], tuple[str | None, ...]]


class _State:
    """What this process holds: the patterns compiled so far, the entry read from the disk,
    and the entries to add to it. (One object rather than module-level dicts, so that a tool
    listing the patterns a module holds finds each at its own module, not all of them here.)"""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.compiled: dict[tuple[str, int], re.Pattern[str]] = {}
        self.stored: dict[str, list[_Stored]] | None = None
        self.new: dict[str, list[_Stored]] = {}
        #: The patterns this process took from the stored entry.
        self.used: set[str] = set()
        self.at_exit = False


_STATE = _State()


def _key() -> bytes:
    return f"{_ENGINE}".encode()


def _sound(data: Any) -> bool:
    return isinstance(data, dict)


def _load() -> dict[str, list[_Stored]]:
    if _STATE.stored is None:
        from followup_lint.cache import load_or_build

        try:
            got: dict[str, list[_Stored]] = load_or_build(NAME, _key(), dict, check=_sound)
        except Exception:  # a cache never makes a run fail
            got = {}
        _STATE.stored = got
    return _STATE.stored


def _from_stored(pattern: str, flags: int) -> re.Pattern[str] | None:
    for entry in _load().get(pattern, ()):
        try:
            given, final, code, groups, groupindex, indexgroup = entry
            if given != flags:
                continue
            rx: re.Pattern[str] = _sre.compile(
                pattern, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup
            )
        except Exception:  # a damaged entry: compile as usual
            return None
        _STATE.used.add(pattern)
        return rx
    return None


def _record(pattern: str, flags: int, rx: re.Pattern[str]) -> None:
    """Work out what `re` gave `_sre` for `pattern`, and keep it if it rebuilds `rx` exactly."""
    try:
        parsed = _sre_parse.parse(pattern, flags)
        code = _sre_compile._code(parsed, flags)
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry: _Stored = (
            flags,
            flags | state.flags,
            array(_CODE, code).tobytes(),
            state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        again = _sre.compile(pattern, entry[1], list(code), entry[3], groupindex, entry[5])
    except Exception:  # another Python's internals: keep nothing
        return
    if again != rx:
        return
    _STATE.new.setdefault(pattern, []).append(entry)
    if not _STATE.at_exit:
        _STATE.at_exit = True
        atexit.register(flush)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the on-disk cache when a run before compiled it.

    For patterns fixed by the package or the rule files, not for ones built from a draft."""
    flags = int(flags)
    key = (pattern, flags)
    rx = _STATE.compiled.get(key)
    if rx is not None:
        return rx
    if _ENGINE is None or flags & re.DEBUG:
        rx = re.compile(pattern, flags)
    else:
        with _STATE.lock:
            rx = _from_stored(pattern, flags)
            if rx is None:
                rx = re.compile(pattern, flags)
                if len(_load()) + len(_STATE.new) < MAX_PATTERNS:
                    _record(pattern, flags, rx)
    _STATE.compiled[key] = rx
    return rx


def flush() -> None:
    """Write the patterns compiled since the cache was read (at exit; callable any time)."""
    from followup_lint.cache import load_or_build, store

    with _STATE.lock:
        if not _STATE.new:
            return
        try:
            merged: dict[str, list[_Stored]] = dict(load_or_build(NAME, _key(), dict, check=_sound))
        except Exception:
            merged = {}
        for pattern, entries in _STATE.new.items():
            have = merged.setdefault(pattern, [])
            for entry in entries:
                if all(old[0] != entry[0] for old in have):
                    have.append(entry)
        # The entry is keyed by the version, so the word lists' patterns of every edit made
        # under one version would pile up (a developer's entry grew to 25 MB, read by every
        # run). Past a size no one version's patterns reach, keep only what this process used.
        size = _entry_bytes(merged)
        kept = {p: e for p, e in merged.items() if p in _STATE.used or p in _STATE.new}
        if size > MAX_BYTES or (size > PRUNE_FROM_BYTES and size > 2 * _entry_bytes(kept)):
            merged = kept
        _STATE.new.clear()
        if len(merged) <= MAX_PATTERNS:
            store(NAME, _key(), merged)


def _entry_bytes(entry: dict[str, list[_Stored]]) -> int:
    return sum(len(p) + sum(len(e[2]) for e in entries) for p, entries in entry.items())
