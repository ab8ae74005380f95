"""A sentence as the body of a short draft (a subject, a greeting, a sign-off), and the words one
rule reports in it: what the sample-list tests and the grammar measurements share."""

from __future__ import annotations

from followup_lint import Config, Linter

HEAD = "Subject: Thank you\n\nDear Ms. Raman,\n\n"
TAIL = "\n\nBest regards,\nLee Park"


def found(body: str, rule: str) -> list[str]:
    """The words `rule` reports in `body`, linted with that rule alone."""
    text = HEAD + body + TAIL
    report = Linter(Config(select=(rule,))).lint(text)
    return [text[f.span.start : f.span.end] for f in report.findings if f.rule == rule]
