"""`followup-lint sendmail -- REAL_COMMAND`: the pre-send gate (followup_lint.sendmail)."""

from __future__ import annotations

from typing import Any


def add_parser(sub: Any) -> None:
    from followup_lint import sendmail

    sendmail.add_parser(sub)
