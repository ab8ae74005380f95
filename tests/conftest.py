"""Shared fixtures. Linters are built once per configuration: compiling rules is the slow part."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from followup_lint import Config, Linter, Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The on-disk cache (followup_lint.cache) in a folder of this test session, not the
    user's: the suite never reads entries an earlier run left, and leaves none behind.
    Subprocesses inherit it through the environment."""
    if "FOLLOWUP_LINT_CACHE_DIR" in os.environ:
        yield
        return
    os.environ["FOLLOWUP_LINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    os.environ.pop("FOLLOWUP_LINT_CACHE_DIR", None)


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
