"""Every regular expression we ship, run over adversarial strings of 12,000 characters with a
time bound: catastrophic backtracking fails the test and names the file and the pattern.

Patterns are collected automatically, so new rules and modules are covered without a change
here: the `patterns` (and `pattern`) fields of every check in rules/**/*.yaml, every compiled
pattern held at module level in src/followup_lint (alone or in a tuple, list or dict), and every
pattern a check kind compiles when a Linter with every rule is built (placeholder's combined
alternation, for one). They run in a subprocess that is killed when one pattern takes too long.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import queue
import re
import subprocess
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import followup_lint
from tests.robustness.conftest import PYTHON, ROOT, strict_linter

#: A pattern's slowest adversarial input may take this long (seconds); linear patterns take
#: milliseconds on 12,000 characters, catastrophic ones minutes.
LIMIT = 0.5
#: Past this the worker is killed and the pattern reported as hanging.
KILL_AFTER = 10.0
WORKER = Path(__file__).with_name("regex_worker.py")


def _patterns_in(node: Any) -> Iterator[str]:
    """Every string under a `patterns` or `pattern` key, at any depth of a check."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("patterns", "pattern"):
                values = value if isinstance(value, list) else [value]
                yield from (v for v in values if isinstance(v, str))
            else:
                yield from _patterns_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns_in(item)


def _rule_patterns() -> Iterator[dict[str, Any]]:
    for path in sorted((ROOT / "rules").rglob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("check"), dict):
            continue
        check = data["check"]
        flags = re.UNICODE | (re.IGNORECASE if check.get("ignore_case", True) else 0)
        found = list(_patterns_in(check))
        for pattern in found:
            yield {
                "label": str(path.relative_to(ROOT)),
                "pattern": pattern,
                "flags": flags,
                "bytes": False,
                "mode": "search",  # rules run their patterns with finditer
            }


def _compiled(where: str, value: Any, mode: str = "search") -> Iterator[dict[str, Any]]:
    items: list[Any]
    if isinstance(value, re.Pattern):
        items = [value]
    elif isinstance(value, (tuple, list, frozenset, set)):
        items = list(value)
    elif isinstance(value, dict):
        items = list(value.values())
    else:
        return
    for item in items:
        if isinstance(item, re.Pattern):
            is_bytes = isinstance(item.pattern, bytes)
            yield {
                "label": where,
                "pattern": item.pattern.decode("latin-1") if is_bytes else item.pattern,
                "flags": item.flags & ~re.UNICODE if is_bytes else item.flags,
                "bytes": is_bytes,
                "mode": mode,
            }


#: Module patterns used only with .match/.fullmatch through another name, which _usage_mode
#: cannot see. Each entry says where; keep this list short and true.
ANCHORED_BY_ALIAS = {
    "_EML_HEADER_RE": "layout._parse_headers: `pattern.fullmatch(line)`",
    "_HEADER_RE": "layout._parse_headers: `pattern.fullmatch(line)`",
}


def _method_calls(sources: str) -> dict[str, set[str]]:
    """NAME -> the methods the source calls on it (`NAME.method(`), read in one pass (a search
    per name over the whole source took over a minute)."""
    calls: dict[str, set[str]] = {}
    for m in re.finditer(r"(?<!\w)(\w+)\.(\w+)\(", sources):
        calls.setdefault(m.group(1), set()).add(m.group(2))
    return calls


def _usage_mode(name: str, calls: dict[str, set[str]]) -> str:
    """ "anchored" when the source only ever calls NAME.match / NAME.fullmatch (one position,
    linear), else "search" (finditer, search, sub, findall: every start position is tried)."""
    if name in ANCHORED_BY_ALIAS:
        return "anchored"
    methods = calls.get(name, set())
    return "anchored" if methods and methods <= {"match", "fullmatch"} else "search"


def _module_patterns() -> Iterator[dict[str, Any]]:
    src = Path(followup_lint.__file__).resolve().parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in sorted(src.rglob("*.py")))
    calls = _method_calls(sources)
    for info in pkgutil.walk_packages(followup_lint.__path__, "followup_lint."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional dependency of one module (a plug-in's, say)
            continue
        rel = Path(module.__file__ or "").resolve().relative_to(src.parent.parent)
        for name, value in sorted(vars(module).items()):
            yield from _compiled(f"{rel}: {name}", value, _usage_mode(name, calls))


def _check_patterns() -> Iterator[dict[str, Any]]:
    for active in strict_linter().active:
        for name, value in sorted(vars(active.check).items()):
            label = f"{active.rule.path.relative_to(ROOT) if active.rule.path.is_relative_to(ROOT) else active.rule.path} (compiled {active.rule.check.kind} check, .{name})"
            yield from _compiled(label, value)


def _act_patterns() -> Iterator[dict[str, Any]]:
    """The act lexicon (analysis/data/acts.txt), compiled one alternation per section."""
    from followup_lint.analysis.acts import compiled

    for name, pre in compiled().items():
        yield {
            "label": f"src/followup_lint/analysis/data/acts.txt [{name}]",
            "pattern": pre.regex.pattern,
            "flags": pre.regex.flags,
            "bytes": False,
            "mode": "search",
        }


@lru_cache(maxsize=1)
def _collect() -> tuple[dict[str, Any], ...]:
    seen: set[tuple[str, int, bool, str]] = set()
    out: list[dict[str, Any]] = []
    for item in (*_rule_patterns(), *_module_patterns(), *_check_patterns(), *_act_patterns()):
        key = (item["pattern"], item["flags"], item["bytes"], item["mode"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def collect() -> list[dict[str, Any]]:
    return [dict(item) for item in _collect()]


def _run(
    patterns: list[dict[str, Any]], tmp: Path, kill_after: float = KILL_AFTER
) -> tuple[list[str], int]:
    """Time every pattern in the worker; returns the failures and how many patterns ran."""
    spec = tmp / "patterns.json"
    spec.write_text(json.dumps(patterns), encoding="utf-8")
    failures: list[str] = []
    done = 0
    start = 0
    while start < len(patterns):
        proc = subprocess.Popen(
            [PYTHON, str(WORKER), str(spec), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue[str | None] = queue.Queue()

        def pump(p: subprocess.Popen[str] = proc, q: queue.Queue[str | None] = lines) -> None:
            assert p.stdout is not None
            for line in p.stdout:
                q.put(line.strip())
            q.put(None)

        threading.Thread(target=pump, daemon=True).start()
        current = start
        while True:
            try:
                line = lines.get(timeout=kill_after)
            except queue.Empty:
                proc.kill()
                proc.wait()
                item = patterns[current]
                failures.append(
                    f"{item['label']}: pattern {item['pattern']!r} still running after "
                    f"{kill_after:.0f} s (catastrophic backtracking)"
                )
                done += 1
                start = current + 1
                break
            if line is None:  # the worker finished (or died: then say so)
                if proc.wait() != 0:
                    failures.append(f"regex worker died on {patterns[current]!r}")
                    start = current + 1
                else:
                    start = len(patterns)
                break
            kind, _, rest = line.partition(" ")
            if kind == "START":
                current = int(rest)
            elif kind == "DONE":
                index, seconds, input_name = rest.split(" ", 2)
                done += 1
                item = patterns[int(index)]
                if float(seconds) > LIMIT:
                    failures.append(
                        f"{item['label']}: pattern {item['pattern']!r} took {float(seconds):.2f} s "
                        f"on {input_name!r} (limit {LIMIT} s)"
                    )
    return failures, done


def test_patterns_are_collected() -> None:
    patterns = collect()
    labels = {p["label"] for p in patterns}
    # The collector must see rule files, modules and compiled checks, or it tests nothing.
    assert any(label.startswith("rules/") and label.endswith(".yaml") for label in labels)
    assert any("src/followup_lint/reading/layout.py" in label for label in labels)
    # The placeholder markers (once the placeholder check's compiled alternation) are the
    # layout parser's slot patterns now, held at module level in reading/slots.py.
    assert any("src/followup_lint/reading/slots.py" in label for label in labels)
    assert any("acts.txt" in label for label in labels)
    assert len(patterns) > 30


def test_no_catastrophic_backtracking(tmp_path: Path) -> None:
    patterns = collect()
    failures, done = _run(patterns, tmp_path)
    assert done == len(patterns)
    assert not failures, "\n".join(failures)


def test_the_timer_catches_a_catastrophic_pattern(tmp_path: Path) -> None:
    """The harness itself: a textbook exponential pattern must be reported, by name."""
    bad = {"label": "example.yaml", "pattern": r"^(a+)+$", "flags": 0, "bytes": False}
    good = {"label": "fine.yaml", "pattern": r"\ba\w*", "flags": 0, "bytes": False}
    for item in (bad, good):
        item["mode"] = "search"
    failures, done = _run([bad, good], tmp_path, kill_after=3.0)
    assert done == 2
    assert len(failures) == 1 and "example.yaml" in failures[0] and "(a+)+" in failures[0]


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
