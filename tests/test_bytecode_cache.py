"""The package's compiled code kept in followup-lint's cache where Python keeps none
(`_bytecode.py`): filled by the first process, used by the next, checked against the source,
and never a reason for an import to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import _bytecode

PROBE = (
    "import followup_lint.linter, followup_lint.cli.check\n"
    "from followup_lint import _bytecode as b\n"
    "loaded = b._STORE.loaded or {}\n"
    "print(len(b._STORE.new), len(loaded), "
    "any(f is b._Finder for f in __import__('sys').meta_path))\n"
)


def _run(cache: Path, *, no_bytecode: bool = True) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["FOLLOWUP_LINT_CACHE_DIR"] = str(cache)
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_the_first_process_fills_the_cache_and_the_next_reads_it(tmp_path: Path) -> None:
    compiled, _, installed = _run(tmp_path)
    assert installed == "True"
    assert int(compiled) > 20  # every submodule it imported was compiled, and kept
    assert list(tmp_path.glob("bytecode-*.bin"))
    compiled, known, _ = _run(tmp_path)
    assert compiled == "0"  # none compiled again
    assert int(known) > 20


def test_a_damaged_entry_costs_time_not_the_import(tmp_path: Path) -> None:
    _run(tmp_path)
    for entry in tmp_path.glob("bytecode-*.bin"):
        entry.write_bytes(b"followup-lint-cache-2\n" + b"\0" * 64)
    compiled, _, _ = _run(tmp_path)
    assert int(compiled) > 20  # compiled from source again, and stored again


def test_python_s_own_bytecode_is_left_to_python(tmp_path: Path) -> None:
    _, _, installed = _run(tmp_path, no_bytecode=False)
    assert installed == "False"
    assert not list(tmp_path.glob("bytecode-*.bin"))


def test_code_is_used_only_for_the_source_it_was_compiled_from(tmp_path: Path) -> None:
    store = _bytecode._Store()
    source = tmp_path / "m.py"
    source.write_text("X = 1\n", encoding="utf-8")
    code = compile(source.read_text(), str(source), "exec")
    store.loaded = {}
    store.put(str(source), 6, 123, code)
    store.loaded = dict(store.new)
    assert store.get(str(source), 6, 123) is not None
    assert store.get(str(source), 7, 123) is None  # the source grew
    assert store.get(str(source), 6, 124) is None  # or was touched
    store.loaded = {str(source): (6, 123, b"not marshal")}
    with pytest.raises(ValueError):
        store.get(str(source), 6, 123)  # the loader falls back to the source on this
