"""Starts `followup-lint lsp` with one extra check function that always raises.

The language-server tests run the server through this script so that a rule can fail inside
the real server process. The exception text quotes the draft, as a careless plug-in's might:
the tests check that none of it reaches the log.

With `LSP_TEST_HARPER_DELAY=<seconds>` in the environment, Harper's engine takes that much
longer to build, so a test can open a draft while it is still starting.
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


def _slow_harper(delay: float) -> None:
    import time

    from followup_lint.proofreading.harper_engine import HarperEngine

    build = HarperEngine._build_once

    def slow(self: HarperEngine) -> Any:
        time.sleep(delay)
        return build(self)

    HarperEngine._build_once = slow  # type: ignore[method-assign]


if __name__ == "__main__":
    import os

    from followup_lint.cli import main

    if os.environ.get("LSP_TEST_HARPER_DELAY"):
        _slow_harper(float(os.environ["LSP_TEST_HARPER_DELAY"]))

    sys.exit(main(["lsp", *sys.argv[1:]]))
