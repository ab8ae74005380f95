"""`--format sarif`: SARIF 2.1.0, the log format code-scanning services read.

One run for the whole invocation. Every rule that fired is listed once in the driver's `rules`
and referred to by index. Positions are 1-based lines and Unicode code-point columns (the run says
so with `columnKind`), with the end column exclusive, as SARIF and our `Span` both define it.

A finding whose position points into the decoded body of an encoded .eml (basis
"decoded-body") has no region in the file itself: it is reported against the file alone, with the
decoded position kept in the result's properties, and its fixes are left out, since a replacement
in the decoded text cannot be applied to the file's bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from followup_lint.model.report import Finding, Fix, Report
from followup_lint.model.spans import Span

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://followup-lint.readthedocs.io/"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str | None) -> str:
    """A relative path stays a relative URI reference (resolved against the checkout by
    code-scanning services); an absolute one becomes a file: URI."""
    if path is None or path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix())


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _fix(fix: Fix, uri: str) -> dict[str, Any]:
    return {
        "description": {"text": fix.title},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": _region(fix.span),
                        "insertedContent": {"text": fix.replacement},
                    }
                ],
            }
        ],
        "properties": {"safe": fix.safe},
    }


def _result(f: Finding, uri: str, rule_index: int) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    props: dict[str, Any] = {"category": f.category, "part": f.part, "basis": f.basis}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity.value],
        "message": {"text": f.message},
    }
    if f.basis == "source":
        location["region"] = _region(f.span)
        if f.fixes:
            result["fixes"] = [_fix(x, uri) for x in f.fixes]
    else:
        props["decodedPosition"] = f.span.to_dict()
    result["locations"] = [{"physicalLocation": location}]
    if f.guidance:
        props["guidance"] = list(f.guidance)
    result["properties"] = props
    return result


def as_object(reports: Sequence[Report]) -> dict[str, Any]:
    from .. import __version__

    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        uri = _uri(report.path)
        for notice in report.notices:
            notifications.append(
                {
                    "level": "note",
                    "message": {"text": notice},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }
            )
        for f in report.findings:
            if f.rule not in index:
                index[f.rule] = len(rules)
                rule: dict[str, Any] = {
                    "id": f.rule,
                    "defaultConfiguration": {"level": _LEVELS[f.severity.value]},
                    "properties": {"category": f.category, "guidance": list(f.guidance)},
                }
                if f.docs:
                    rule["helpUri"] = f.docs
                rules.append(rule)
            results.append(_result(f, uri, index[f.rule]))
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "followup-lint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(reports: Sequence[Report], **_: object) -> str:
    return json.dumps(as_object(reports), indent=2, ensure_ascii=False) + "\n"
