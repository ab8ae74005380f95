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
    """Replace the text at `span` with `replacement`. `safe` fixes may be applied unattended.

    Attributes:
        span: The text to replace.
        replacement: What to write instead ("" removes the text).
        title: A short label for an editor's quick-fix menu.
        safe: True when the fix cannot change what the sender meant (`check --fix` applies it).
    """

    span: Span
    replacement: str
    title: str
    safe: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The fix as JSON-ready data (the `fix` object of the published JSON Schema)."""
        return {
            "span": self.span.to_dict(),
            "replacement": self.replacement,
            "title": self.title,
            "safe": self.safe,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with a draft, where it is, why it matters, and how to fix it.

    Attributes:
        rule: The rule's stable id ("subject-too-long").
        category: The rule's category (subject, personalization, tone, ...).
        severity: error (do not send as it is), warning or info.
        message: What is wrong, why it matters and what to do, in plain words.
        span: Where: character offsets into the source and 1-based line and column.
        part: The part of the draft it lies in (subject, greeting, body, closing, ...).
        fixes: Up to three replacements; `Fix.safe` ones may be applied unattended.
        guidance: Ids of the etiquette points (GUIDANCE.md) the rule rests on.
        docs: Link to the rule's documentation page.
        basis: "source", or "decoded-body" when offsets point into a decoded .eml body.
    """

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
        """The finding as JSON-ready data (the `finding` object of the JSON Schema)."""
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
    #: The threshold of the Linter that made the report (its configuration's `fail-on`).
    fail_on: str = "error"
    #: How many findings `hidden-false-positives` silenced (they are not in `findings`).
    hidden: int = 0
    #: The text the spans point into, for formatters that quote the source line (never in
    #: `to_dict`: the JSON output carries positions, not the draft).
    text: str = field(default="", repr=False)

    def counts(self) -> dict[str, int]:
        """The number of findings of each severity: {"error": n, "warning": n, "info": n},
        every severity present even at 0."""
        c = Counter(f.severity.value for f in self.findings)
        return {s.value: c.get(s.value, 0) for s in Severity}

    def failed(self, fail_on: str | None = None) -> bool:
        """True when any finding is at or above the threshold (the CLI's exit status 1).

        The threshold is `fail_on` when given, else the one the report was made with (the
        Linter's configured `fail-on`, "error" by default)."""
        threshold = fail_on if fail_on is not None else self.fail_on
        return any(fails(f.severity, threshold) for f in self.findings)

    def by_rule(self, rule_id: str) -> list[Finding]:
        """The findings of one rule, in the order of the report (by position)."""
        return [f for f in self.findings if f.rule == rule_id]

    @property
    def rules(self) -> set[str]:
        """The ids of the rules that fired."""
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: one entry of `files` in `check --format json`,
        as the published JSON Schema (schemas/report.schema.json) describes it."""
        return {
            "path": self.path,
            "kind": self.kind,
            "kind_source": self.kind_source,
            "basis": self.basis,
            "findings": [f.to_dict() for f in self.findings],
            "notices": list(self.notices),
            "summary": {**self.counts(), "total": len(self.findings), "hidden": self.hidden},
        }
