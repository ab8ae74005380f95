"""Severities and the --fail-on threshold."""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}

#: Values accepted by --fail-on: a severity, or "never" (always exit 0 on findings).
FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def fails(severity: Severity, fail_on: str) -> bool:
    """Does a finding of this severity make the run fail at this threshold?"""
    if fail_on == "never":
        return False
    return severity.rank >= Severity(fail_on).rank
