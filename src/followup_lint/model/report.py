"""Findings and reports: the product other tools import.

Plain dataclasses rather than pydantic models: a report is built on every keystroke in an
editor, and construction cost matters more here than validation (the inputs are our own).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from followup_lint.model.severity import Severity, fails
from followup_lint.model.spans import Span

#: Version of the JSON output; bumped only on incompatible changes.
JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the text at `span` with `replacement`. `safe` fixes may be applied unattended."""

    span: Span
    replacement: str
    title: str
    safe: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "replacement": self.replacement,
            "title": self.title,
            "safe": self.safe,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a draft, where it is, why it matters, and how to fix it."""

    rule: str
    category: str
    severity: Severity
    message: str
    span: Span
    part: str
    fixes: tuple[Fix, ...] = ()
    guidance: tuple[str, ...] = ()
    docs: str = ""
    #: "source" when offsets point into the file as the user sees it; "decoded-body" when the
    #: draft was an .eml whose body had to be decoded first (base64, quoted-printable, HTML).
    basis: str = "source"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "span": self.span.to_dict(),
            "part": self.part,
            "fixes": [f.to_dict() for f in self.fixes],
            "guidance": list(self.guidance),
            "docs": self.docs,
            "basis": self.basis,
        }


@dataclass(slots=True)
class Report:
    """Everything followup-lint found in one draft."""

    path: str | None
    kind: str | None
    kind_source: str  # "given" (context or flag) | "detected" | "unknown"
    findings: list[Finding] = field(default_factory=list)
    #: Things the user should know about the run itself (a fallback pipeline, a skipped backend).
    notices: list[str] = field(default_factory=list)
    basis: str = "source"

    def counts(self) -> dict[str, int]:
        c = Counter(f.severity.value for f in self.findings)
        return {s.value: c.get(s.value, 0) for s in Severity}

    def failed(self, fail_on: str = "error") -> bool:
        """True when any finding is at or above the threshold (the CLI's exit status 1)."""
        return any(fails(f.severity, fail_on) for f in self.findings)

    def by_rule(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule_id]

    @property
    def rules(self) -> set[str]:
        """The ids of the rules that fired."""
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "kind_source": self.kind_source,
            "basis": self.basis,
            "findings": [f.to_dict() for f in self.findings],
            "notices": list(self.notices),
            "summary": {**self.counts(), "total": len(self.findings)},
        }
