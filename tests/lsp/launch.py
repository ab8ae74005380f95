"""Starts `followup-lint lsp` with one extra check function that always raises.

The language-server tests run the server through this script so that a rule can fail inside
the real server process. The exception text quotes the draft, as a careless plug-in's might:
the tests check that none of it reaches the log.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from followup_lint.checks.base import Hit
from followup_lint.checks.python import function


@function("lsp_test_boom")
def _boom(analysis: Any, parts: Any, args: Any) -> Iterator[Hit]:
    raise RuntimeError(f"cannot handle {analysis.text!r}")
    yield  # pragma: no cover - makes this a generator like every check function


if __name__ == "__main__":
    from followup_lint.cli import main

    sys.exit(main(["lsp", *sys.argv[1:]]))
