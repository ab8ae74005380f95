"""The benchmark harness works: the corpus generator is deterministic and covers every kind in
the word range, and the harness runs end to end on a few drafts. No timing is asserted here:
speed targets live in benchmarks/, not in tests."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"followup_bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return _load("generate")


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("run")


def test_generator_is_deterministic(gen: ModuleType) -> None:
    a = gen.generate(60, seed=11)
    b = gen.generate(60, seed=11)
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.mistakes for d in a] == [d.mistakes for d in b]
    other = gen.generate(60, seed=12)
    assert [d.text for d in a] != [d.text for d in other]


def test_generator_covers_every_kind_in_range(gen: ModuleType) -> None:
    drafts = gen.generate(140, seed=3)
    kinds = Counter(d.kind for d in drafts)
    assert set(kinds) == set(gen.KINDS) and min(kinds.values()) == 20
    for d in drafts:
        assert gen.MIN_WORDS <= d.words <= gen.MAX_WORDS, (d.index, d.words)
        assert d.words == gen.word_count(d.text)
        assert d.text.startswith(("Subject:", "To:"))
        assert "\nTo: " in d.text or d.text.startswith("To: ")
    clean = [d for d in drafts if d.clean]
    assert 0 < len(clean) < len(drafts)
    seen = {m for d in drafts for m in d.mistakes}
    assert len(seen) >= 15  # most kinds of mistake show up in a modest sample


def test_mistakes_show_in_the_text(gen: ModuleType) -> None:
    drafts = gen.generate(300, seed=5)
    by = {m: [d for d in drafts if m in d.mistakes] for m in ("missing-subject", "no-contact")}
    assert by["missing-subject"] and all(
        not d.text.startswith("Subject:") and "\nSubject:" not in d.text
        for d in by["missing-subject"]
    )
    assert by["no-contact"] and all(
        "@example.net" not in d.text and "+1 555" not in d.text for d in by["no-contact"]
    )


def test_sized_draft_grows(gen: ModuleType) -> None:
    small, big = gen.sized_draft(100), gen.sized_draft(5000)
    assert 100 <= len(small.split()) < 700
    assert 5000 <= len(big.split()) < 6000


def test_harness_runs_on_a_few_drafts(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--quick", "--count", "21", "--only", "latency", "--only", "proselint"]
    argv += ["--only", "throughput", "--only", "growth"]
    assert bench.main(argv) == 0
    out = capsys.readouterr().out
    assert "per-draft latency, default mode" in out
    assert "lint_many throughput, 2 processes" in out
    assert "draft of 10,0" in out  # the 10,000-word row of the growth figures
    assert "PASS" in out or "MISS" in out


def test_table_marks_targets(bench: ModuleType) -> None:
    res = bench.Results(meta={}, figures={})
    res.figures["cold_start"] = {"median_s": 2.0, "cpu_median_s": 1.5}
    res.figures["memory"] = {"drafts": 1000, "mode": "default", "peak_rss_mb": 120.0}
    rows = {r.figure: r.verdict for r in bench.rows_for(res)}
    assert rows["CLI cold start, one draft (whole process)"] == "MISS"
    assert rows["peak memory, Linter over 1000 drafts (default)"] == "PASS"


def test_ignore_reaches_the_linters_and_the_cli_runs(bench: ModuleType) -> None:
    saved = bench.IGNORE
    try:
        bench.IGNORE = ("harper", "harper-words")
        assert bench._config("default").ignore == ("harper", "harper-words")
        assert bench._ignore_args() == ["--ignore", "harper,harper-words"]
        bench.IGNORE = ()
        assert bench._ignore_args() == []
    finally:
        bench.IGNORE = saved


def test_cli_rows_with_and_without_bytecode(bench: ModuleType) -> None:
    spread = {"median": 0.2, "min": 0.2, "max": 0.2}
    run = {"available": True, "runs": 3, "ours_cpu": spread, "ours_wall": spread}
    run |= {"theirs_cpu": {"median": 0.1}, "ratio_cpu": {"median": 2.0, "min": 1.9, "max": 2.1}}
    run |= {"ours_peak_mib": {"median": 50.0}, "theirs_peak_mib": {"median": 23.0}}
    res = bench.Results(meta={}, figures={"paired_cli": run, "paired_cli_bytecode": run})
    rows = {r.figure: r.verdict for r in bench.rows_for(res)}
    assert rows["one-draft CLI run, interleaved with proselint (3 pairs)"] == "PASS"
    key = "one-draft CLI run, bytecode as installed, interleaved with proselint (3 pairs)"
    assert rows[key] == "PASS"
