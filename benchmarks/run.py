"""followup-lint's performance harness: one command, one table.

    python benchmarks/run.py            # the full run (a few minutes on 2 cores)
    python benchmarks/run.py --quick    # a short run (fewer drafts and repetitions)
    python benchmarks/run.py --json     # also write benchmarks/results/<UTC time>.json

Figures (benchmarks/README.md says what each one means and how it is measured):
warm per-draft latency (default and thorough mode), batch throughput through `lint_many` in one
and two processes, CLI cold start, peak memory, LSP latency (benchmarks/lsp_latency.py), proselint
over the same drafts and the ratio, and cost as the draft grows (100 to 100,000 words, and 1 MB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import multiprocessing as mp
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import GeneratedDraft, generate, sized_draft  # noqa: E402

RESULTS = HERE / "results"

# Targets (issues 3, 6 and 13).
#: Per draft with a reused Linter, the default rule set (issue 13).
TARGET_DEFAULT_MEDIAN_MS = 15.0
TARGET_THOROUGH_MEDIAN_MS = 40.0
TARGET_RATIO = 1.0
#: Per draft with a reused Linter over proselint's, interleaved, when no enabled rule needs a
#: trained pipeline (median of the per-round ratios).
TARGET_PAIRED_RATIO = 0.8
#: One-draft CLI run, whole process, CPU: the default rule set.
TARGET_COLD_START_S = 1.2
#: One-draft CLI run over proselint's, and its peak RSS, with rules needing no trained pipeline.
TARGET_CLI_RATIO = 3.0
TARGET_CLI_PEAK_MIB = 60.0
TARGET_LSP_P95_MS = 50.0
TARGET_LSP_FIRST_MS = 300.0
TARGET_PEAK_MB = 250.0
#: "Linear": the cost per word at 100,000 words is at most this many times the cost at 1,000.
LINEAR_SLACK = 2.0
TARGET_MEGABYTE_S = 5.0


# -- small helpers ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear interpolation between closest ranks."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summarize(ms: Sequence[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(ms),
        "p95_ms": percentile(ms, 95),
        "mean_ms": statistics.fmean(ms),
        "max_ms": max(ms),
        "n": len(ms),
    }


#: Rules or categories left out of every Linter and CLI run of the benchmark (`--ignore`), as
#: a user's `ignore` does: `--ignore harper,harper-words` measures the path with no engine.
IGNORE: tuple[str, ...] = ()


def _config(mode: str, every_rule: bool = False) -> Any:
    from followup_lint import Config

    return Config(
        mode=mode,  # type: ignore[arg-type]
        select=("ALL",) if every_rule else (),
        ignore=IGNORE,
    )


def _ignore_args() -> list[str]:
    return ["--ignore", ",".join(IGNORE)] if IGNORE else []


# -- the figures -----------------------------------------------------------------------------


def latency(
    drafts: Sequence[GeneratedDraft], mode: str = "default", *, every_rule: bool = False
) -> dict[str, Any]:
    """Warm per-draft latency: one Linter built first, then `lint()` per draft with its context."""
    from followup_lint import Linter

    t0 = time.perf_counter()
    linter = Linter(_config(mode, every_rule))
    build_s = time.perf_counter() - t0
    for d in drafts[:20]:  # warm-up: first-use caches (textstat data, lazy imports)
        linter.lint(d.text, context=d.context)
    times: list[float] = []
    cpu: list[float] = []
    findings = {"clean": 0, "mistakes": 0}
    notices: set[str] = set()
    gc.collect()
    for d in drafts:
        c, t = time.process_time(), time.perf_counter()
        report = linter.lint(d.text, context=d.context)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        findings["clean" if d.clean else "mistakes"] += len(report.findings)
        notices.update(n for n in report.notices if "failed" in n)
    n_clean = sum(d.clean for d in drafts) or 1
    n_bad = (len(drafts) - sum(d.clean for d in drafts)) or 1
    return {
        **summarize(times),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": percentile(cpu, 95),
        "mode": mode,
        "every_rule": every_rule,
        "pipeline": linter.pipeline.name,
        "rules_active": len(linter.active),
        "rules_total": len(linter.all_rules),
        "build_s": build_s,
        "findings_per_clean_draft": findings["clean"] / n_clean,
        "findings_per_draft_with_mistakes": findings["mistakes"] / n_bad,
        "rule_failures": sorted(notices),
    }


def breakdown(drafts: Sequence[GeneratedDraft], mode: str = "default") -> dict[str, Any]:
    """Where a draft's time goes: the shared steps (parse, context, kind detection, tokens,
    contact details, reading grade) and each rule's own `run`, as mean milliseconds per draft.
    Uses the Linter's internals (its active rules and their checks), so it is a diagnostic, not
    an API: when those change, this figure says so instead of failing the run."""
    try:
        from followup_lint import Linter
        from followup_lint.analysis.core import Analysis
        from followup_lint.analysis.kind_detection import detect_kind
        from followup_lint.reading.sources import read_draft

        linter = Linter(_config(mode))
        steps: dict[str, float] = {}
        rules: dict[str, float] = {}

        def clock(name: str, into: dict[str, float], fn: Callable[..., Any], *args: Any) -> Any:
            t = time.process_time()
            out = fn(*args)
            into[name] = into.get(name, 0.0) + (time.process_time() - t) * 1000
            return out

        def drain(check: Any, analysis: Any, parts: Any) -> list[Any]:
            return list(check.run(analysis, parts))

        for d in drafts:
            draft = clock("parse draft", steps, read_draft, d.text)
            ctx = clock("resolve context", steps, linter._context, draft, d.context, None)
            kind = clock("detect kind", steps, detect_kind, draft)[0]
            a = Analysis(draft, ctx, pipeline=linter.pipeline, kind=kind, kind_source="detected")
            clock("tokens", steps, getattr, a, "tokens")
            clock("contact details", steps, getattr, a, "contacts")
            clock("reading grade", steps, getattr, a, "reading_grade")
            for active in linter.active:
                spec = active.rule.spec
                if spec.applies_to(kind):
                    clock(active.id, rules, drain, active.check, a, draft.parts(spec.scope))
        n = len(drafts)
        return {
            "steps_ms": {k: v / n for k, v in steps.items()},
            "rules_ms": dict(sorted(((k, v / n) for k, v in rules.items()), key=lambda kv: -kv[1])),
        }
    except Exception as exc:  # a diagnostic must not sink the benchmark
        return {"error": f"{type(exc).__name__}: {exc}"}


def proselint_latency(drafts: Sequence[GeneratedDraft]) -> dict[str, Any]:
    """proselint 0.16 through its Python API, the way its CLI calls it: the checks registered
    once, then `LintFile(name, text).lint()` per draft with the default configuration."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        from proselint.version import __version__
    except ImportError as exc:
        return {"available": False, "why": f"proselint is not installed ({exc.name})"}
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    for d in drafts[:20]:
        LintFile("draft", d.text).lint()
    times: list[float] = []
    cpu: list[float] = []
    found = 0
    gc.collect()
    for d in drafts:
        c, t = time.process_time(), time.perf_counter()
        results = LintFile("draft", d.text).lint()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        found += len(results)
    return {
        "available": True,
        "version": __version__,
        "checks": len(registry.checks),
        **summarize(times),
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": percentile(cpu, 95),
        "findings_per_draft": found / len(drafts),
    }


def _spread(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "q1": percentile(values, 25),
        "q3": percentile(values, 75),
        "n": len(values),
    }


def paired_latency(
    drafts: Sequence[GeneratedDraft], rounds: int = 5, per_round: int = 100
) -> dict[str, Any]:
    """followup-lint (a reused Linter, default rules) and proselint (its registry built once)
    on the same drafts, interleaved draft by draft (which goes first alternates) and round by
    round, so both see the same machine load. Each round's ratio is our CPU time over
    proselint's on that round's drafts; the figure is the median and spread of those ratios."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError as exc:
        return {"available": False, "why": f"proselint is not installed ({exc.name})"}
    from followup_lint import Linter

    linter = Linter(_config("default"))
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    for d in drafts[:20]:
        linter.lint(d.text, context=d.context)
        LintFile("draft", d.text).lint()

    def ours(d: GeneratedDraft) -> float:
        c = time.process_time()
        linter.lint(d.text, context=d.context)
        return time.process_time() - c

    def theirs(d: GeneratedDraft) -> float:
        c = time.process_time()
        LintFile("draft", d.text).lint()
        return time.process_time() - c

    ratios: list[float] = []
    our_ms: list[float] = []
    their_ms: list[float] = []
    gc.collect()
    for r in range(rounds):
        chunk = [drafts[(r * per_round + i) % len(drafts)] for i in range(per_round)]
        a = b = 0.0
        for i, d in enumerate(chunk):
            if (i + r) % 2:
                x, y = ours(d), theirs(d)
            else:
                y, x = theirs(d), ours(d)
            a, b = a + x, b + y
            our_ms.append(x * 1000)
            their_ms.append(y * 1000)
        ratios.append(a / b if b else float("inf"))
    return {
        "available": True,
        "rounds": rounds,
        "per_round": per_round,
        "needs": sorted(getattr(linter, "needs", ())),
        "ratio": _spread(ratios),
        "ours_cpu_median_ms": statistics.median(our_ms),
        "theirs_cpu_median_ms": statistics.median(their_ms),
    }


# A small launcher forks and execs the command and reports that child's own accounting. The
# peak RSS must not come from a child of this benchmark process: Linux carries the RSS high-water
# mark across fork and exec, so every child of a 140 MB parent would report 140 MB.
_LAUNCHER = r"""
import os, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_RDWR)
    for n in (0, 1, 2):
        os.dup2(fd, n)
    os.execv(sys.argv[2], sys.argv[2:])
_, status, ru = os.wait4(pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(f"{os.waitstatus_to_exitcode(status)} {ru.ru_utime + ru.ru_stime} {ru.ru_maxrss}")
"""


def _run_child(
    cmd: list[str], env: dict[str, str] | None = None
) -> tuple[int, float, float, float]:
    """(exit status, CPU seconds, wall seconds, peak RSS MiB) of one whole process, from the
    kernel's accounting of that process alone (wait4 in a small launcher)."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-S", "-c", _LAUNCHER, out.name, *cmd], check=True, cwd=ROOT, env=env
        )
        wall = time.perf_counter() - t
        code, cpu, peak = out.read().split()
    kib = int(peak) if sys.platform != "darwin" else int(peak) // 1024
    return int(code), float(cpu), wall, kib / 1024


def paired_cli(runs: int = 7, *, bytecode: bool = False) -> dict[str, Any]:
    """`followup-lint check FILE` and `proselint check FILE` as whole processes, A B A B ...
    after one warm-up each: CPU, wall and peak RSS of each run, and the CPU ratio pair by pair.

    `bytecode`: both processes may write and read compiled bytecode (into a fresh
    PYTHONPYCACHEPREFIX, which the warm-up pair fills), as an installed package has it: pip
    compiles a wheel's modules when it installs them. Otherwise the environment is this
    process's: where PYTHONDONTWRITEBYTECODE=1 (this machine sets it), an editable install's
    modules are compiled from source in every process, while proselint's installed ones are
    not."""
    prose = shutil.which("proselint")
    if prose is None:
        return {"available": False, "why": "proselint is not installed"}
    with tempfile.TemporaryDirectory() as tmp:
        env = _fresh_cache_env(Path(tmp))
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        path = _sample_draft_path(Path(tmp))
        ours_cmd = [*_cli_command(), "check", str(path), "--format", "json", *_ignore_args()]
        theirs_cmd = [prose, "check", str(path)]
        ours: list[tuple[int, float, float, float]] = []
        theirs: list[tuple[int, float, float, float]] = []
        for i in range(runs + 1):
            a = _run_child(ours_cmd, env)
            b = _run_child(theirs_cmd, env)
            if a[0] not in (0, 1):
                raise RuntimeError(f"{' '.join(ours_cmd)} exited {a[0]}")
            if i:
                ours.append(a)
                theirs.append(b)
    return {
        "available": True,
        "runs": runs,
        "bytecode": bytecode,
        "ours_cpu": _spread([x[1] for x in ours]),
        "ours_wall": _spread([x[2] for x in ours]),
        "ours_peak_mib": _spread([x[3] for x in ours]),
        "theirs_cpu": _spread([x[1] for x in theirs]),
        "theirs_peak_mib": _spread([x[3] for x in theirs]),
        "ratio_cpu": _spread([a[1] / b[1] for a, b in zip(ours, theirs, strict=True) if b[1]]),
    }


def throughput_one(drafts: Sequence[GeneratedDraft]) -> dict[str, Any]:
    """`Linter.lint_many` over every draft (no per-draft context: lint_many takes one)."""
    from followup_lint import Linter

    linter = Linter(_config("default"))
    linter.lint_many([d.text for d in drafts[:10]])
    texts = [d.text for d in drafts]
    gc.collect()
    t = time.perf_counter()
    reports = linter.lint_many(texts)
    wall = time.perf_counter() - t
    return {"processes": 1, "drafts": len(reports), "wall_s": wall, "per_s": len(reports) / wall}


def _worker(texts: list[str], barrier: Any, out: Any) -> None:
    try:
        from followup_lint import Linter

        linter = Linter(_config("default"))
        linter.lint_many(texts[:10])  # warm-up
        barrier.wait()
        t = time.perf_counter()
        n = len(linter.lint_many(texts))
        out.put((t, time.perf_counter(), n))
    except Exception as exc:  # report it, and let the other workers stop waiting
        barrier.abort()
        out.put(("error", f"{type(exc).__name__}: {exc}", 0))


def throughput_parallel(drafts: Sequence[GeneratedDraft], processes: int = 2) -> dict[str, Any]:
    """The drafts split between `processes` worker processes, each with its own Linter; the clock
    runs from the moment every worker is ready (a barrier) until the last one finishes."""
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    barrier = ctx.Barrier(processes)
    out = ctx.Queue()
    texts = [d.text for d in drafts]
    chunks = [texts[i::processes] for i in range(processes)]
    procs = [ctx.Process(target=_worker, args=(c, barrier, out)) for c in chunks]
    for p in procs:
        p.start()
    results = [out.get(timeout=900) for _ in procs]
    for p in procs:
        p.join()
    errors = [r[1] for r in results if r[0] == "error"]
    if errors:
        raise RuntimeError(f"a worker process failed: {errors[0]}")
    start = min(r[0] for r in results)
    end = max(r[1] for r in results)
    n = sum(r[2] for r in results)
    return {"processes": processes, "drafts": n, "wall_s": end - start, "per_s": n / (end - start)}


def _fresh_cache_env(tmp: Path) -> dict[str, str]:
    """This process's environment with followup-lint's cache in a new folder under `tmp`, which
    the warm-up run fills. A developer's own cache keeps the compiled patterns of every edit of
    the word lists made under one version number (its regex entry grew to 6 MB here, about
    10 ms of every run to read); a user's holds one version's, and that is what is timed."""
    env = dict(os.environ)
    env["FOLLOWUP_LINT_CACHE_DIR"] = str(tmp / "followup-lint-cache")
    return env


def _cli_command() -> list[str]:
    exe = shutil.which("followup-lint")
    return [exe] if exe else [sys.executable, "-m", "followup_lint"]


def _sample_draft_path(tmp: Path) -> Path:
    example = ROOT / "examples" / "thank_you" / "good.txt"
    if example.is_file():
        return example
    path = tmp / "draft.txt"
    path.write_text(generate(1)[0].text, encoding="utf-8")
    return path


def cold_start(runs: int = 7) -> dict[str, Any]:
    """The whole `followup-lint check FILE` process, start to exit: wall time and the child's CPU
    time (user + system; less sensitive to other load on the machine)."""
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        env = _fresh_cache_env(Path(tmp))
        path = _sample_draft_path(Path(tmp))
        cmd = [*_cli_command(), "check", str(path), "--format", "json", *_ignore_args()]
        walls: list[float] = []
        cpus: list[float] = []
        for i in range(runs + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if proc.returncode not in (0, 1):
                raise RuntimeError(
                    f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]}"
                )
            if i == 0:
                continue  # the first run fills the cache and warms the file-system cache
            walls.append(wall)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        breakdown = _cold_breakdown(path, env)  # while the warmed cache folder still exists
    return {
        "command": " ".join(
            ["followup-lint", "check", os.path.relpath(path, ROOT), "--format", "json"]
        ),
        "runs": runs,
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "cpu_median_s": statistics.median(cpus),
        "breakdown": breakdown,
    }


_BREAKDOWN = r"""
import json, sys, time
t0 = time.process_time()
import followup_lint
t1 = time.process_time()
t2 = time.process_time()
from followup_lint import Linter
config = followup_lint.discover_config(sys.argv[1])
if sys.argv[2]:  # the rules --ignore names, as the timed runs ignore them
    config = config.model_copy(update={"ignore": (*config.ignore, *sys.argv[2].split(","))})
linter = Linter(config)
t3 = time.process_time()
linter.lint(followup_lint.read_draft(__import__("pathlib").Path(sys.argv[1])))
t4 = time.process_time()
print(json.dumps({"import_followup_lint_s": t1 - t0, "spacy_imported": "spacy" in sys.modules,
                  "build_linter_s": t3 - t2, "lint_s": t4 - t3,
                  "interpreter_start_s": t0}))
"""


def _cold_breakdown(path: Path, env: dict[str, str]) -> dict[str, Any]:
    """Where a cold start goes: CPU time inside a fresh interpreter, and a bare interpreter's."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    bare = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    proc = subprocess.run(
        [sys.executable, "-c", _BREAKDOWN, str(path), ",".join(IGNORE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    data: dict[str, Any] = json.loads(proc.stdout)
    data["bare_python_s"] = bare
    return data


_MEMORY_CHILD = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from generate import generate
import psutil
drafts = [d.text for d in generate(int(sys.argv[2]), int(sys.argv[3]))]
rss_start = psutil.Process().memory_info().rss
from followup_lint import Config, Linter
linter = Linter(Config(mode=sys.argv[4]))
rss_built = psutil.Process().memory_info().rss
reports = linter.lint_many(drafts)
print(json.dumps({
    "drafts": len(reports),
    "rss_before_linter_mb": rss_start / 2**20,
    "rss_after_build_mb": rss_built / 2**20,
    "rss_end_mb": psutil.Process().memory_info().rss / 2**20,
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def peak_memory(count: int = 1000, seed: int = 2026, mode: str = "default") -> dict[str, Any]:
    """RSS high-water mark (getrusage ru_maxrss) of a fresh Python process that builds a Linter
    and lints `count` drafts through `lint_many`, keeping every Report."""
    proc = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(HERE), str(count), str(seed), mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"memory child failed: {proc.stderr[-800:]}")
    data: dict[str, Any] = json.loads(proc.stdout)
    data["mode"] = mode
    return data


def lsp(edits: int = 50, timeout: float = 900) -> dict[str, Any]:
    """Run benchmarks/lsp_latency.py (the language-server work owns it) and read its table:
    one row per measurement with median, p95, min and max milliseconds."""
    script = HERE / "lsp_latency.py"
    if not script.is_file():
        return {"available": False, "why": "benchmarks/lsp_latency.py does not exist"}
    cmd = [sys.executable, str(script), "--edits", str(edits)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"available": False, "why": f"lsp_latency.py ran past {timeout:.0f} s"}
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        return {"available": False, "why": f"lsp_latency.py exited {proc.returncode}: {tail}"}
    rows: dict[str, dict[str, float]] = {}
    number = r"(\d+(?:\.\d+)?)"
    for line in proc.stdout.splitlines():
        m = re.match(rf"^(\S.*?)\s+{number}\s+{number}\s+{number}\s+{number}\s*$", line)
        if m:
            rows[m.group(1)] = {"median_ms": float(m.group(2)), "p95_ms": float(m.group(3))}
    result: dict[str, Any] = {"available": bool(rows), "rows": rows, "edits": edits}
    # The target is the server's own latency: the row without the typing pause (debounce 0).
    # The default row adds the 150 ms debounce the server waits for typing to stop.
    immediate = next((v for k, v in rows.items() if "didChange" in k and "debounce 0" in k), None)
    first = next((v for k, v in rows.items() if k.startswith("first didOpen")), None)
    if first is not None:
        result["first"] = first
    # For information: when every rule's findings are out, and the start as a whole.
    result["start"] = {
        k: v
        for k, v in rows.items()
        if k.startswith("launch ->") or k.startswith("first didOpen -> its last")
    }
    default = next((v for k, v in rows.items() if "debounce" in k and "default" in k), None)
    if immediate is None:
        result["available"] = False
        result["why"] = "lsp_latency.py printed no 'debounce 0' row"
        return result
    result.update(immediate)
    if default is not None:
        result["with_debounce"] = default
    return result


def growth(
    sizes: Sequence[int] = (100, 1000, 10_000, 100_000), megabyte: bool = True
) -> dict[str, Any]:
    """Time to lint one draft of each size (default mode, best of a few runs), the cost per word,
    and one draft of a megabyte."""
    from followup_lint import Linter

    linter = Linter(_config("default"))
    rows = []
    for words in sizes:
        text = sized_draft(words)
        repeats = 7 if words <= 1000 else 3 if words <= 10_000 else 1
        linter.lint(text)  # warm this size's code paths
        best = best_cpu = float("inf")
        for _ in range(repeats):
            c, t = time.process_time(), time.perf_counter()
            report = linter.lint(text)
            best = min(best, time.perf_counter() - t)
            best_cpu = min(best_cpu, time.process_time() - c)
        n = len(text.split())
        rows.append(
            {
                "words": n,
                "chars": len(text),
                "seconds": best,
                "cpu_seconds": best_cpu,
                "us_per_word": best_cpu / n * 1e6,
                "findings": len(report.findings),
                "rule_failures": [x for x in report.notices if "failed" in x],
            }
        )
    out: dict[str, Any] = {"rows": rows}
    big = [r for r in rows if r["words"] >= 1000]
    if len(big) >= 2:
        out["per_word_ratio"] = big[-1]["us_per_word"] / big[0]["us_per_word"]
        out["linear"] = out["per_word_ratio"] <= LINEAR_SLACK
    if megabyte:
        words = 185_000
        text = sized_draft(words)
        while len(text.encode()) < 2**20:  # just over one MiB of UTF-8
            words += 5_000
            text = sized_draft(words)
        c, t = time.process_time(), time.perf_counter()
        report = linter.lint(text)
        out["megabyte"] = {
            "bytes": len(text.encode()),
            "words": len(text.split()),
            "seconds": time.perf_counter() - t,
            "cpu_seconds": time.process_time() - c,
            "findings": len(report.findings),
            "rule_failures": [x for x in report.notices if "failed" in x],
        }
    return out


# -- the table -------------------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    value: str
    target: str = ""
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.ok is None else "PASS" if self.ok else "MISS"


@dataclass
class Results:
    meta: dict[str, Any]
    figures: dict[str, Any] = field(default_factory=dict)


def _lat(x: dict[str, Any]) -> str:
    return (
        f"median {x['median_ms']:.2f} ms, p95 {x['p95_ms']:.2f} ms "
        f"(CPU {x['cpu_median_ms']:.2f} / {x['cpu_p95_ms']:.2f})"
    )


def rows_for(res: Results) -> list[Row]:
    f = res.figures
    rows: list[Row] = []
    d = f.get("default")
    p = f.get("proselint")
    if d:
        rows.append(
            Row(
                f"per-draft latency, default mode ({d['rules_active']}/{d['rules_total']} rules)",
                _lat(d),
                f"median <= {TARGET_DEFAULT_MEDIAN_MS:g} ms",
                d["cpu_median_ms"] <= TARGET_DEFAULT_MEDIAN_MS,
            )
        )
    a = f.get("every_rule")
    if a:
        rows.append(
            Row(
                f"per-draft latency, every rule (select ALL, {a['rules_active']} rules)",
                _lat(a),
                f"median <= {TARGET_DEFAULT_MEDIAN_MS:g} ms",
                a["cpu_median_ms"] <= TARGET_DEFAULT_MEDIAN_MS,
            )
        )
    if p:
        if p.get("available"):
            rows.append(
                Row(
                    f"proselint {p['version']} per draft ({p['checks']} checks)",
                    _lat(p),
                )
            )
            ours = a or d
            if ours:
                ratio = ours["median_ms"] / p["median_ms"]
                cpu_ratio = ours["cpu_median_ms"] / p["cpu_median_ms"]
                rows.append(
                    Row(
                        "ratio followup-lint / proselint (medians)",
                        f"{ratio:.2f} wall, {cpu_ratio:.2f} CPU",
                        f"<= {TARGET_RATIO:g}",
                        cpu_ratio <= TARGET_RATIO,
                    )
                )
        else:
            rows.append(Row("proselint", f"not available ({p['why']})"))
    pl = f.get("paired")
    if pl:
        if pl.get("available"):
            r = pl["ratio"]
            rows.append(
                Row(
                    f"per draft / proselint, interleaved ({pl['rounds']} rounds x {pl['per_round']})",
                    f"median {r['median']:.2f} (range {r['min']:.2f}-{r['max']:.2f}; "
                    f"{pl['ours_cpu_median_ms']:.2f} vs {pl['theirs_cpu_median_ms']:.2f} ms CPU)",
                    f"<= {TARGET_PAIRED_RATIO:g}" + (" (no pipeline)" if not pl["needs"] else ""),
                    r["median"] <= TARGET_PAIRED_RATIO if not pl["needs"] else None,
                )
            )
        else:
            rows.append(Row("per draft / proselint, interleaved", f"not available ({pl['why']})"))
    t = f.get("thorough")
    if t:
        rows.append(
            Row(
                f"per-draft latency, thorough mode ({t['pipeline']})",
                _lat(t),
                f"median < {TARGET_THOROUGH_MEDIAN_MS:g} ms",
                t["cpu_median_ms"] < TARGET_THOROUGH_MEDIAN_MS,
            )
        )
    for key in ("throughput_1", "throughput_2"):
        tp = f.get(key)
        if tp:
            rows.append(
                Row(
                    f"lint_many throughput, {tp['processes']} process{'es' if tp['processes'] > 1 else ''}",
                    f"{tp['per_s']:.0f} drafts/s ({tp['drafts']} in {tp['wall_s']:.2f} s)",
                )
            )
    c = f.get("cold_start")
    if c:
        rows.append(
            Row(
                "CLI cold start, one draft (whole process)",
                f"median {c['median_s']:.2f} s wall, {c['cpu_median_s']:.2f} s CPU",
                f"<= {TARGET_COLD_START_S:g} s",
                c["cpu_median_s"] <= TARGET_COLD_START_S,
            )
        )
    for key, how in (("paired_cli", ""), ("paired_cli_bytecode", ", bytecode as installed")):
        pc = f.get(key)
        if not pc:
            continue
        if pc.get("available"):
            oc, tc, rc = pc["ours_cpu"], pc["theirs_cpu"], pc["ratio_cpu"]
            rows.append(
                Row(
                    f"one-draft CLI run{how}, interleaved with proselint ({pc['runs']} pairs)",
                    f"{oc['median']:.3f} s CPU vs {tc['median']:.3f} s; ratio median "
                    f"{rc['median']:.2f} (range {rc['min']:.2f}-{rc['max']:.2f})",
                    f"ratio <= {TARGET_CLI_RATIO:g}",
                    rc["median"] <= TARGET_CLI_RATIO,
                )
            )
            rows.append(
                Row(
                    f"one-draft CLI run{how}, peak RSS (vs proselint)",
                    f"{pc['ours_peak_mib']['median']:.1f} MiB vs "
                    f"{pc['theirs_peak_mib']['median']:.1f} MiB",
                    f"<= {TARGET_CLI_PEAK_MIB:g} MiB",
                    pc["ours_peak_mib"]["median"] <= TARGET_CLI_PEAK_MIB,
                )
            )
        else:
            rows.append(Row("one-draft CLI run vs proselint", f"not available ({pc['why']})"))
    m = f.get("memory")
    if m:
        rows.append(
            Row(
                f"peak memory, Linter over {m['drafts']} drafts ({m['mode']})",
                f"{m['peak_rss_mb']:.0f} MB RSS high-water",
                f"<= {TARGET_PEAK_MB:g} MB",
                m["peak_rss_mb"] <= TARGET_PEAK_MB,
            )
        )
    mt = f.get("memory_thorough")
    if mt:
        rows.append(
            Row(
                f"peak memory, Linter over {mt['drafts']} drafts (thorough)",
                f"{mt['peak_rss_mb']:.0f} MB RSS high-water",
            )
        )
    ls = f.get("lsp")
    if ls:
        if ls.get("available"):
            rows.append(
                Row(
                    "LSP didChange -> diagnostics, debounce 0",
                    f"median {ls['median_ms']:.1f} ms, p95 {ls['p95_ms']:.1f} ms (wall)",
                    f"p95 <= {TARGET_LSP_P95_MS:g} ms",
                    ls["p95_ms"] <= TARGET_LSP_P95_MS,
                )
            )
            fd = ls.get("first")
            if fd:
                rows.append(
                    Row(
                        "LSP first didOpen after initialize -> diagnostics",
                        f"median {fd['median_ms']:.1f} ms, p95 {fd['p95_ms']:.1f} ms (wall)",
                        f"median <= {TARGET_LSP_FIRST_MS:g} ms",
                        fd["median_ms"] <= TARGET_LSP_FIRST_MS,
                    )
                )
            for name, v in ls.get("start", {}).items():
                rows.append(
                    Row(
                        f"LSP {name}",
                        f"median {v['median_ms']:.1f} ms, p95 {v['p95_ms']:.1f} ms (wall)",
                    )
                )
            wd = ls.get("with_debounce")
            if wd:
                rows.append(
                    Row(
                        "LSP didChange -> diagnostics, default 150 ms debounce",
                        f"median {wd['median_ms']:.1f} ms, p95 {wd['p95_ms']:.1f} ms (wall)",
                    )
                )
        else:
            rows.append(
                Row(
                    "LSP change -> diagnostics",
                    f"not available ({ls['why']})",
                    f"p95 <= {TARGET_LSP_P95_MS:g} ms",
                )
            )
    g = f.get("growth")
    if g:
        for r in g["rows"]:
            fails = " (rules failed!)" if r["rule_failures"] else ""
            rows.append(
                Row(
                    f"draft of {r['words']:,} words",
                    f"{r['seconds'] * 1000:.0f} ms wall, {r['cpu_seconds'] * 1000:.0f} ms CPU, "
                    f"{r['us_per_word']:.1f} us/word{fails}",
                )
            )
        if "per_word_ratio" in g:
            rows.append(
                Row(
                    "linear growth (CPU us/word, largest / 1,000 words)",
                    f"{g['per_word_ratio']:.2f}x",
                    f"<= {LINEAR_SLACK:g}x",
                    g["linear"],
                )
            )
        mb = g.get("megabyte")
        if mb:
            fails = ", rules failed" if mb["rule_failures"] else ""
            rows.append(
                Row(
                    f"one-megabyte draft ({mb['bytes'] / 2**20:.2f} MiB, {mb['words']:,} words)",
                    f"{mb['seconds']:.2f} s wall, {mb['cpu_seconds']:.2f} s CPU{fails}",
                    f"<= {TARGET_MEGABYTE_S:g} s, no rule fails",
                    mb["cpu_seconds"] <= TARGET_MEGABYTE_S and not mb["rule_failures"],
                )
            )
    return rows


def render_table(res: Results) -> str:
    rows = rows_for(res)
    meta = res.meta
    head = [
        f"followup-lint {meta['version']} benchmarks - {meta['when']} - {meta['cpus']} CPUs - "
        f"Python {meta['python']} - spaCy {meta['spacy']}",
        f"corpus: {meta['drafts']} generated drafts (seed {meta['seed']}), {meta['words_min']}-"
        f"{meta['words_max']} words (median {meta['words_median']}), {meta['kinds']} kinds, "
        f"{meta['clean']} without deliberate mistakes; load average at start {meta['load']}",
    ]
    if meta.get("ignore"):
        head.append(f"rules ignored (--ignore): {', '.join(meta['ignore'])}")
    w1 = max(len(r.figure) for r in rows)
    w2 = max(len(r.value) for r in rows)
    w3 = max(len(r.target) for r in rows)
    line = "-" * (w1 + w2 + w3 + 12)
    body = [f"{'figure':<{w1}}  {'value':<{w2}}  {'target':<{w3}}  result", line]
    body += [f"{r.figure:<{w1}}  {r.value:<{w2}}  {r.target:<{w3}}  {r.verdict}" for r in rows]
    notes = [
        "Verdicts on time use CPU time (wall time is shown too): other work on a shared machine "
        "stretches wall time but not the CPU time a draft takes. The LSP figure is wall time "
        "(it spans two processes)."
    ]
    d = res.figures.get("default")
    if d:
        notes.append(
            f"findings per draft (default): {d['findings_per_clean_draft']:.2f} on drafts without "
            f"deliberate mistakes, {d['findings_per_draft_with_mistakes']:.2f} on the others"
        )
        if d["rule_failures"]:
            notes.append(f"rules that failed while linting: {'; '.join(d['rule_failures'])}")
    b = res.figures.get("breakdown")
    if b and "steps_ms" in b:  # CPU time
        steps = ", ".join(f"{k} {v:.2f}" for k, v in b["steps_ms"].items())
        top = ", ".join(f"{k} {v:.2f}" for k, v in list(b["rules_ms"].items())[:10])
        total = sum(b["rules_ms"].values())
        notes.append(f"where a draft's time goes (mean CPU ms, default mode): {steps}")
        notes.append(
            f"rules' own time: {total:.2f} ms over {len(b['rules_ms'])} rules; costliest: {top}"
        )
    elif b:
        notes.append(f"time breakdown not available: {b.get('error')}")
    c = res.figures.get("cold_start")
    if c and "import_followup_lint_s" in c.get("breakdown", {}):
        b = c["breakdown"]
        notes.append(
            f"cold start, CPU time: bare python {b['bare_python_s']:.2f} s; in a fresh process "
            f"interpreter start {b.get('interpreter_start_s', 0):.2f} s, import followup_lint {b['import_followup_lint_s']:.2f} s, "
            f"spaCy {'imported' if b.get('spacy_imported') else 'never imported'}, "
            f"build Linter {b['build_linter_s']:.2f} s, lint {b['lint_s'] * 1000:.0f} ms"
        )
    m = res.figures.get("memory")
    if m:
        notes.append(
            f"memory (default): RSS {m['rss_before_linter_mb']:.0f} MB before the Linter, "
            f"{m['rss_after_build_mb']:.0f} MB built, {m['rss_end_mb']:.0f} MB holding {m['drafts']:,} reports"
        )
    return "\n".join([*head, "", *body, "", *notes])


def _meta(drafts: Sequence[GeneratedDraft], seed: int) -> dict[str, Any]:
    import followup_lint

    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:
        spacy_version = "not installed"
    words = [d.words for d in drafts]
    try:
        load = f"{os.getloadavg()[0]:.2f}"
    except OSError:
        load = "n/a"
    return {
        "version": followup_lint.__version__,
        "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy_version,
        "platform": platform.platform(),
        "drafts": len(drafts),
        "seed": seed,
        "words_min": min(words),
        "words_max": max(words),
        "words_median": int(statistics.median(words)),
        "kinds": len({d.kind for d in drafts}),
        "clean": sum(d.clean for d in drafts),
        "load": load,
        "ignore": list(IGNORE),
    }


SECTIONS = (
    "latency",
    "proselint",
    "paired",
    "thorough",
    "throughput",
    "cold",
    "memory",
    "lsp",
    "growth",
)


def run(
    *,
    count: int = 1000,
    seed: int = 2026,
    quick: bool = False,
    only: Sequence[str] = SECTIONS,
    progress: Callable[[str], None] = lambda s: None,
) -> Results:
    drafts = generate(count, seed)
    res = Results(meta=_meta(drafts, seed))
    f = res.figures
    if "latency" in only:
        progress("latency, default mode")
        f["default"] = latency(drafts, "default")
        if f["default"]["rules_active"] < f["default"]["rules_total"]:
            progress("latency, every rule")
            f["every_rule"] = latency(drafts, "default", every_rule=True)
    if "latency" in only:
        progress("where the time goes")
        f["breakdown"] = breakdown(drafts[:300])
    if "proselint" in only:
        progress("proselint")
        f["proselint"] = proselint_latency(drafts)
    if "paired" in only:
        progress("per draft, interleaved with proselint")
        f["paired"] = paired_latency(
            drafts, rounds=3 if quick else 7, per_round=50 if quick else 140
        )
    if "cold" in only:
        progress("one-draft CLI run, interleaved with proselint")
        f["paired_cli"] = paired_cli(3 if quick else 9)
        progress("one-draft CLI run with bytecode, interleaved with proselint")
        f["paired_cli_bytecode"] = paired_cli(3 if quick else 9, bytecode=True)
    if "thorough" in only:
        progress("latency, thorough mode")
        f["thorough"] = latency(drafts[: max(20, count // 4)] if quick else drafts, "thorough")
    if "throughput" in only:
        progress("throughput, 1 process")
        f["throughput_1"] = throughput_one(drafts)
        progress("throughput, 2 processes")
        f["throughput_2"] = throughput_parallel(drafts, 2)
    if "cold" in only:
        progress("CLI cold start")
        f["cold_start"] = cold_start(3 if quick else 7)
    if "memory" in only:
        progress("peak memory")
        f["memory"] = peak_memory(count, seed, "default")
        if not quick:
            f["memory_thorough"] = peak_memory(count, seed, "thorough")
    if "lsp" in only:
        progress("LSP latency")
        f["lsp"] = lsp(20 if quick else 50)
    if "growth" in only:
        progress("cost as the draft grows")
        sizes = (100, 1000, 10_000) if quick else (100, 1000, 10_000, 100_000)
        f["growth"] = growth(sizes, megabyte=not quick)
    return res


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer drafts and repetitions")
    ap.add_argument("--count", type=int, help="drafts in the corpus (default 1000; quick 150)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only these figures (repeatable)"
    )
    ap.add_argument(
        "--json",
        nargs="?",
        const="",
        metavar="FILE",
        help="also write the results as JSON (default: benchmarks/results/<UTC time>.json)",
    )
    ap.add_argument(
        "--ignore",
        default="",
        metavar="RULES",
        help="rules or categories to leave out, comma-separated, as a user's `ignore` does "
        "(e.g. harper,harper-words)",
    )
    args = ap.parse_args(argv)
    global IGNORE
    IGNORE = tuple(x.strip() for x in args.ignore.split(",") if x.strip())
    count = args.count or (150 if args.quick else 1000)
    res = run(
        count=count,
        seed=args.seed,
        quick=args.quick,
        only=args.only or SECTIONS,
        progress=lambda s: print(f"... {s}", file=sys.stderr, flush=True),
    )
    print(render_table(res))
    if args.json is not None:
        path = (
            Path(args.json)
            if args.json
            else RESULTS / (dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + ".json")
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"meta": res.meta, "figures": res.figures}, indent=2) + "\n")
        print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
