"""`--format text`: one line per finding, as compilers print them, and a summary."""

from __future__ import annotations

from collections.abc import Sequence

from followup_lint.model.report import Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render(reports: Sequence[Report], *, color: bool = False, **_: object) -> str:
    out: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    fixable = 0
    for report in reports:
        path = report.path or "<stdin>"
        for notice in report.notices:
            out.append(f"{path}: note: {notice}")
        for f in report.findings:
            sev = f.severity.value
            totals[sev] += 1
            fixable += bool(f.fixes)
            where = f"{path}:{f.span.line}:{f.span.column}:"
            rule = f.rule
            if color:
                where = f"{_BOLD}{where}{_RESET}"
                sev_s = f"{_COLORS[sev]}{sev}{_RESET}"
                rule = f"{_DIM}{rule}{_RESET}"
            else:
                sev_s = sev
            basis = " (position in the decoded body)" if f.basis != "source" else ""
            out.append(f"{where} {sev_s} {rule} {f.message}{basis}")
    files = len(reports)
    total = sum(totals.values())
    kinds = ", ".join(
        f"{r.path or '<stdin>'}: {r.kind.replace('_', ' ') if r.kind else 'unknown kind'}"
        f" ({r.kind_source})"
        for r in reports
    )
    if total:
        counts = ", ".join(_plural(n, s) for s, n in totals.items() if n)
        line = f"Found {_plural(total, 'problem')} ({counts}) in {_plural(files, 'file')}."
        if fixable:
            line += f" {fixable} can be fixed (see --format json, or --fix for the safe ones)."
    else:
        line = f"No problems found in {_plural(files, 'file')}."
    out.append(line)
    if reports and len(reports) <= 5:
        out.append(f"Message kind: {kinds}.")
    return "\n".join(out) + "\n"
