"""Findings as LSP diagnostics, and the record of one linted document that actions read."""

from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types

from followup_lint.linter import Linter
from followup_lint.lsp.positions import PositionMap
from followup_lint.model.report import Finding, Report
from followup_lint.model.severity import Severity, fails

SOURCE = "followup-lint"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass
class Located:
    """A finding with its place in the document as the editor has it."""

    finding: Finding
    diagnostic: types.Diagnostic
    #: False when the finding points into a decoded .eml body that the document does not show
    #: as it is: no fix is offered then, since its offsets are not the document's.
    exact: bool


@dataclass
class LintResult:
    """What the server knows about one linted document version."""

    uri: str
    version: int | None
    text: str
    items: list[Located] = field(default_factory=list)
    linter: Linter | None = None
    fail_on: str = "error"
    positions: PositionMap | None = None
    #: Diagnostics that are not findings: why the draft could not be linted.
    extra: list[types.Diagnostic] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[types.Diagnostic]:
        return self.extra + [i.diagnostic for i in self.items]


def to_diagnostic(
    finding: Finding, rng: types.Range, fail_on: str, note: str = ""
) -> types.Diagnostic:
    return types.Diagnostic(
        range=rng,
        message=note + finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=finding.docs) if finding.docs else None,
        source=SOURCE,
        # Tells a client (and the hover) whether this finding would fail `check --fail-on`
        # and so block the sendmail gate with the same settings.
        data={"rule": finding.rule, "blocking": fails(finding.severity, fail_on)},
    )


def locate(
    report: Report, draft_text: str, doc_text: str, positions: PositionMap, fail_on: str
) -> list[Located]:
    """Place each finding in the document.

    When the linted text is the document itself (plain text, Markdown, a simple .eml) offsets
    map directly. When it is the decoded body of an encoded .eml, a finding's text is looked up
    in the document; found once, it goes there, else to the top of the file with a note.
    """
    out: list[Located] = []
    same = draft_text == doc_text
    for f in report.findings:
        if same:
            rng = positions.range(f.span.start, f.span.end)
            out.append(Located(f, to_diagnostic(f, rng, fail_on), exact=True))
            continue
        snippet = draft_text[f.span.start : f.span.end]
        at = doc_text.find(snippet) if snippet.strip() else -1
        if at >= 0 and doc_text.find(snippet, at + 1) < 0:
            rng = positions.range(at, at + len(snippet))
            out.append(Located(f, to_diagnostic(f, rng, fail_on), exact=False))
        else:
            rng = positions.range(0, 0)
            note = f"(in the decoded message, line {f.span.line}) "
            out.append(Located(f, to_diagnostic(f, rng, fail_on, note), exact=False))
    return out


def problem_diagnostic(message: str, code: str) -> types.Diagnostic:
    """One diagnostic at the top of the document for a draft that could not be linted at all."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code=code,
        source=SOURCE,
    )
