"""`followup-lint new KIND`: a draft scaffold (the logic lives in followup_lint.scaffold)."""

from __future__ import annotations

from typing import Any


def add_parser(sub: Any) -> None:
    from followup_lint import scaffold

    scaffold.add_parser(sub)
