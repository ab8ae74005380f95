"""`followup-lint docgen`: regenerate the docs pages made from the rules and this CLI."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "docgen",
        help="write the generated docs (rule pages, schema, CLI reference)",
        description="The same as `python -m followup_lint.docgen`; arguments are passed on.",
        add_help=False,
    )
    p.add_argument("docgen_args", nargs=argparse.REMAINDER)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from followup_lint.docgen import main

    return main(list(args.docgen_args))
