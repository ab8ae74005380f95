"""Shared fixtures. Linters are built once per configuration: compiling rules is the slow part."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest

from followup_lint import Config, Linter, Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@lru_cache(maxsize=256)
def linter_for(
    select: tuple[str, ...] = (), mode: str = "default", languagetool_url: str | None = None
) -> Linter:
    """A strict Linter (a rule that raises fails the test) for these rules (and, when given, a
    LanguageTool server URL)."""
    lt = {"url": languagetool_url} if languagetool_url else {}
    config = Config(select=select, mode=mode, languagetool=lt)  # type: ignore[arg-type]
    return Linter(config, strict=True)


@pytest.fixture
def lint_text() -> Callable[..., Report]:
    def run(
        text: str, *, select: tuple[str, ...] = (), context: dict | None = None, **kw: object
    ) -> Report:
        return linter_for(select).lint(text, context=context or {}, **kw)  # type: ignore[arg-type]

    return run
