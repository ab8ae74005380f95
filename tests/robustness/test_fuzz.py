"""The .eml fuzz target (fuzz/fuzz_eml.py): a short atheris run when atheris is installed, and
its pure-Python mutation fallback always (CI)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from tests.robustness.conftest import PYTHON, ROOT

FUZZ = ROOT / "fuzz" / "fuzz_eml.py"


def _target() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_eml", FUZZ)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_parse_and_lint() -> None:
    target = _target()
    seeds = sorted((ROOT / "fuzz" / "seeds").iterdir())
    assert seeds
    for seed in seeds:
        target.check_one(seed.read_bytes(), lint=True)


def test_mutation_fallback_finds_no_crash() -> None:
    target = _target()
    assert target.run_mutations(count=1500, seed=1) == 1500


def test_mutation_fallback_with_linting() -> None:
    target = _target()
    assert target.run_mutations(count=150, seed=2, lint=True) == 150


def test_atheris_runs_for_a_few_seconds(tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (pip install atheris); the fallback test ran")
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "fuzz" / "seeds", corpus)
    result = subprocess.run(
        [
            PYTHON,
            str(FUZZ),
            "-max_total_time=5",
            "-rss_limit_mb=2048",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done" in result.stderr
    assert not list(tmp_path.glob("crash-*"))
