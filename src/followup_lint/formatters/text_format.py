"""`--output-format text` (one line per finding, as compilers print them, and a summary) and
`full` (ruff's name: each finding also quotes its source line with a caret under the span)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from followup_lint.model.report import Finding, Report

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _width(text: str) -> int:
    """Terminal columns taken by `text` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def source_excerpt(report: Report, finding: Finding, *, color: bool = False) -> list[str]:
    """The finding's first line of source, numbered, with carets under the span (as ruff's
    `full` output); empty when the report holds no text."""
    if not report.text:
        return []
    lines = report.text.splitlines()
    index = finding.span.line - 1
    if not 0 <= index < len(lines):
        return []
    line = lines[index].expandtabs(4)
    start = finding.span.column - 1
    if finding.span.end_line == finding.span.line:
        end = max(finding.span.end_column - 1, start + 1)
    else:
        end = len(line)  # the span goes on below: underline to the end of this line
    end = max(min(end, len(line)), start + 1)
    number = str(finding.span.line)
    gutter = " " * len(number)
    pad = " " * _width(line[:start])
    carets = "^" * max(_width(line[start:end]), 1)
    if color:
        carets = f"{_COLORS[finding.severity.value]}{carets}{_RESET}"
        return [f"{_DIM}{number} |{_RESET} {line}", f"{_DIM}{gutter} |{_RESET} {pad}{carets}", ""]
    return [f"{number} | {line}", f"{gutter} | {pad}{carets}", ""]


def render(
    reports: Sequence[Report],
    *,
    color: bool = False,
    quiet: bool = False,
    full: bool = False,
    **_: object,
) -> str:
    out: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    fixable = 0
    hidden = 0
    for report in reports:
        path = report.path or "<stdin>"
        hidden += report.hidden
        if not quiet:
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
            if full:
                out.extend(source_excerpt(report, f, color=color))
    if quiet:
        return "\n".join(out) + "\n" if out else ""
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
    if hidden:
        line += f" {hidden} hidden by hidden-false-positives."
    out.append(line)
    if reports and len(reports) <= 5:
        out.append(f"Message kind: {kinds}.")
    return "\n".join(out) + "\n"


def render_full(reports: Sequence[Report], **kwargs: object) -> str:
    """`--output-format full`: as `text`, with each finding's source line and a caret."""
    kwargs.pop("full", None)
    return render(reports, full=True, **kwargs)  # type: ignore[arg-type]


def render_concise(reports: Sequence[Report], **kwargs: object) -> str:
    """`--output-format concise`: the same as `text` (ruff's name for it)."""
    return render(reports, **kwargs)  # type: ignore[arg-type]
