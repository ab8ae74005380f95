"""The `followup-lint` command: one module per subcommand, argument handling only.

Exit codes, as ruff's: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage or
input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from followup_lint import __version__
from followup_lint.cli.options import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_check_options,
    build_config,
    context_overrides,
)
from followup_lint.model.errors import FollowupLintError

#: Modules that each add one subcommand: `add_parser(subparsers)` registers it and sets `func`.
#: Adding a command is adding a module and one line here.
COMMAND_MODULES: tuple[str, ...] = (
    "followup_lint.cli.check",
    "followup_lint.cli.fix",
    "followup_lint.cli.rules",
    "followup_lint.cli.explain",
    "followup_lint.cli.sendmail",
    "followup_lint.cli.new",
    "followup_lint.cli.lsp",
    "followup_lint.cli.docgen",
)


def _command_of(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names when it names one first (the parser has no other positional
    argument and no global option that takes a value)."""
    first = argv[0] if argv else None
    return first if first in {name.rsplit(".", 1)[1] for name in COMMAND_MODULES} else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `command`, only that subcommand's module is imported and registered
    (a `check` need not import the sendmail gate, the scaffold's templates, the language
    server), else every subcommand, as `--help` lists them."""
    parser = argparse.ArgumentParser(
        prog="followup-lint",
        description="Check an email you send after a job interview before you press Send.",
    )
    parser.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if command is None or name.rsplit(".", 1)[1] == command:
            importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_command_of(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        code: int = args.func(args)
        return code
    except FollowupLintError as exc:
        print(f"followup-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`); that is not our error.
        sys.stderr.close()
        return EXIT_OK


__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "UsageError",
    "add_check_options",
    "build_config",
    "build_parser",
    "context_overrides",
    "main",
]
