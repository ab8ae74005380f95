"""followup-lint: checks the emails people send after a job interview.

>>> import followup_lint
>>> report = followup_lint.lint(open("draft.txt").read(), context={"company": "Contoso"})
>>> for finding in report.findings:
...     print(finding.span.line, finding.rule, finding.message)
"""

from __future__ import annotations

# First: where Python keeps no bytecode of its own, the package's compiled code comes from
# followup-lint's cache (see _bytecode.py); importing it installs the loader.
from followup_lint import _bytecode  # noqa: F401
from followup_lint._version import __version__
from followup_lint.config import Config, discover_config, load_config
from followup_lint.linter import Linter, lint
from followup_lint.model.context import Context, EarlierMessage, Person
from followup_lint.model.errors import (
    ConfigError,
    ContextError,
    FollowupLintError,
    InputError,
    RuleError,
)
from followup_lint.model.report import Finding, Fix, Report
from followup_lint.model.severity import Severity
from followup_lint.model.spans import Span
from followup_lint.reading.draft import Draft, Part
from followup_lint.reading.sources import read_draft

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
