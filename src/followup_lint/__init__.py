"""followup-lint: checks the emails people send after a job interview.

>>> import followup_lint
>>> report = followup_lint.lint(open("draft.txt").read(), context={"company": "Contoso"})
>>> for finding in report.findings:
...     print(finding.span.line, finding.rule, finding.message)
"""

from __future__ import annotations

from .config import Config, discover_config, load_config
from .context import Context, EarlierMessage, Person
from .draft import Draft, Part
from .errors import ConfigError, ContextError, FollowupLintError, InputError, RuleError
from .linter import Linter, lint
from .report import Finding, Fix, Report
from .severity import Severity
from .sources import read_draft
from .spans import Span

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "Context",
    "ContextError",
    "Draft",
    "EarlierMessage",
    "Finding",
    "Fix",
    "FollowupLintError",
    "InputError",
    "Linter",
    "Part",
    "Person",
    "Report",
    "RuleError",
    "Severity",
    "Span",
    "__version__",
    "discover_config",
    "lint",
    "load_config",
    "read_draft",
]
