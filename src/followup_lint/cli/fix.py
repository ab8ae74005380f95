"""`followup-lint fix PATHS`: the same as `check --fix` (apply the safe fixes, atomically)."""

from __future__ import annotations

import argparse
from typing import Any

from followup_lint.cli import check
from followup_lint.cli.options import add_check_options


def add_parser(sub: Any) -> None:
    p = sub.add_parser("fix", help="apply the safe fixes (the same as check --fix)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    check.add_run_options(p)
    add_check_options(p)
    p.set_defaults(func=run, fix=True, diff=False)


def run(args: argparse.Namespace) -> int:
    return check.run(args)
