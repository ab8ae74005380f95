"""`followup-lint rules`: list the rules, marking those the configuration turns off."""

from __future__ import annotations

import json
from typing import Any

from followup_lint.cli.options import EXIT_OK
from followup_lint.config import discover_config, load_config


def add_parser(sub: Any) -> None:
    p = sub.add_parser("rules", help="list the rules")
    p.add_argument(
        "--output-format", "--format", dest="format", choices=("text", "json"), default="text"
    )
    p.add_argument("--all", action="store_true", help="do not mark rules your config turns off")
    p.add_argument("--config", metavar="FILE")
    p.set_defaults(func=run)


def run(args: Any) -> int:
    from followup_lint.linter import Linter

    config = load_config(args.config) if args.config else discover_config(None)
    linter = Linter(config.model_copy(update={"select": ("ALL",), "ignore": ()}))
    enabled = {a.id for a in Linter(config).active} if not args.all else None
    rows = []
    for rule in linter.all_rules:
        s = rule.spec
        rows.append(
            {
                "id": s.id,
                "category": s.category,
                "severity": s.severity.value,
                "kinds": s.kinds if s.kinds == "all" else list(s.kinds),
                "scope": s.scope,
                "check": rule.check.kind,
                "guidance": list(s.guidance),
                "description": s.description,
                "enabled": enabled is None or s.id in enabled,
                "docs": rule.docs,
                "fixable": s.safe_fix,
            }
        )
    if args.format == "json":
        print(json.dumps({"version": 1, "rules": rows}, indent=2))
        return EXIT_OK
    width = max((len(str(r["id"])) for r in rows), default=10)
    for r in sorted(rows, key=lambda r: (r["category"], r["id"])):
        mark = " " if r["enabled"] else "-"
        print(
            f"{mark} {r['id']:<{width}}  {r['severity']:<7}  {r['category']:<15}  {r['description']}"
        )
    return EXIT_OK
