"""`check --statistics`: how often each rule fired, as `ruff check --statistics` prints it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from followup_lint.model.report import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def statistics(reports: Sequence[Report]) -> list[dict[str, Any]]:
    """One row per rule that fired: count, rule, severity, whether a safe fix exists; most
    frequent first."""
    count: Counter[str] = Counter()
    severity: dict[str, str] = {}
    fixable: dict[str, bool] = {}
    for report in reports:
        for f in report.findings:
            count[f.rule] += 1
            severity[f.rule] = f.severity.value
            fixable[f.rule] = fixable.get(f.rule, False) or any(x.safe for x in f.fixes)
    return [
        {"count": n, "rule": rule, "severity": severity[rule], "fixable": fixable[rule]}
        for rule, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def render_statistics(reports: Sequence[Report], *, color: bool = False) -> str:
    rows = statistics(reports)
    if not rows:
        return "No problems found.\n"
    width = max(len(str(r["count"])) for r in rows)
    rule_width = max(len(r["rule"]) for r in rows)
    out = []
    for r in rows:
        sev = r["severity"]
        sev_s = f"{_COLORS[sev]}{sev:<7}{_RESET}" if color else f"{sev:<7}"
        mark = "[*]" if r["fixable"] else "   "
        out.append(f"{r['count']:>{width}}  {r['rule']:<{rule_width}}  {sev_s}  {mark}".rstrip())
    hidden = sum(r.hidden for r in reports)
    if any(r["fixable"] for r in rows):
        out.append("[*] a safe fix is available (--fix)")
    if hidden:
        out.append(f"{hidden} hidden by hidden-false-positives")
    return "\n".join(out) + "\n"
