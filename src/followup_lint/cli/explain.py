"""`followup-lint explain RULE`: what a rule checks, why, examples, and how to silence it."""

from __future__ import annotations

from typing import Any

from followup_lint.cli.options import EXIT_OK
from followup_lint.config import load_config


def add_parser(sub: Any) -> None:
    p = sub.add_parser("explain", help="what a rule checks, why, and examples")
    p.add_argument("rule", metavar="RULE")
    p.add_argument("--config", metavar="FILE")
    p.set_defaults(func=run)


def run(args: Any) -> int:
    from followup_lint.explain import explain_rule

    print(explain_rule(args.rule, config=load_config(args.config) if args.config else None), end="")
    return EXIT_OK
