"""`followup-lint lsp`: the language server on stdio (followup_lint.lsp)."""

from __future__ import annotations

from typing import Any


def add_parser(sub: Any) -> None:
    from followup_lint.lsp import command

    command.add_parser(sub)
