"""`--format github`: GitHub Actions workflow commands, shown as annotations on the changed files.

`::error file=drafts/x.eml,line=3,col=5,endLine=3,endColumn=9,title=followup-lint (rule)::text`

GitHub reads `%`, CR and LF in the message as escapes (`%25`, `%0D`, `%0A`); in a property value
`:` and `,` would end the value, so they are escaped too (`%3A`, `%2C`). Columns are 1-based and
the end column is exclusive, as ruff's github output has them. A finding positioned in the decoded
body of an encoded .eml is annotated on the file without a line, since its position is not one
in the file.
"""

from __future__ import annotations

from collections.abc import Sequence

from followup_lint.model.report import Report

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, props: list[tuple[str, str]], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    head = f"{level} {joined}" if joined else level
    return f"::{head}::{escape_data(message)}"


def render(reports: Sequence[Report], **_: object) -> str:
    out: list[str] = []
    for report in reports:
        path = report.path or "<stdin>"
        file_prop = [("file", report.path)] if report.path else []
        for notice in report.notices:
            out.append(_command("notice", [*file_prop, ("title", "followup-lint")], notice))
        for f in report.findings:
            props = list(file_prop)
            s = f.span
            if f.basis == "source":
                props += [
                    ("line", str(s.line)),
                    ("col", str(s.column)),
                    ("endLine", str(s.end_line)),
                    ("endColumn", str(s.end_column)),
                ]
                where = f"{path}:{s.line}:{s.column}"
            else:
                where = f"{path} (decoded body {s.line}:{s.column})"
            props.append(("title", f"followup-lint ({f.rule})"))
            out.append(_command(_LEVELS[f.severity.value], props, f"{where}: {f.rule} {f.message}"))
    return "".join(line + "\n" for line in out)
