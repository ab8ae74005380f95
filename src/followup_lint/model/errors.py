"""Errors a user can cause and fix.

Every one of these is caught by the CLI and printed as one line (exit 2); a traceback means a bug
in followup-lint, never a mistake of the user's.
"""

from __future__ import annotations


class FollowupLintError(Exception):
    """Base class: something the user gave us is wrong. The message names what and where."""


class InputError(FollowupLintError):
    """A draft cannot be read: missing, a directory, binary, malformed .eml, bad encoding."""


class ContextError(FollowupLintError):
    """A context file or context flag is malformed."""


class ConfigError(FollowupLintError):
    """A configuration file is malformed."""


class RuleError(FollowupLintError):
    """A rule file is malformed; the message names the file and the field."""
