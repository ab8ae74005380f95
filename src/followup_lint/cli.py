"""The `followup-lint` command.

Exit codes, as ruff's: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage or
input error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from followup_lint.config import Config, discover_config, load_config
from followup_lint.formatters import FORMATTERS
from followup_lint.model.errors import FollowupLintError, InputError
from followup_lint.model.kinds import KINDS
from followup_lint.model.report import Report
from followup_lint.model.severity import FAIL_ON_CHOICES
from followup_lint.reading.sources import format_for, read_bytes, read_draft

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(FollowupLintError):
    """A flag's value is wrong."""


def _split(values: Sequence[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def _when(flag: str, value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"{flag}: {value!r} is not a date or time (use ISO 8601, e.g. 2026-11-12T14:00)"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def add_check_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `check` and `sendmail`."""
    p.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="output format")
    p.add_argument(
        "--fail-on",
        choices=FAIL_ON_CHOICES,
        default=None,
        help="lowest severity that makes the exit status 1 (default: error)",
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="IDS",
        help="only these rule ids or categories (comma-separated)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="IDS",
        help="skip these rule ids or categories (comma-separated)",
    )
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward)")
    p.add_argument(
        "--mode",
        choices=("default", "thorough"),
        default=None,
        help="thorough loads the trained English pipeline",
    )
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument(
        "--languagetool-url",
        metavar="URL",
        default=None,
        help='LanguageTool server for extra grammar checks (e.g. http://localhost:8081, or "local")',
    )
    ctx = p.add_argument_group("what you know about the interview (overrides the context file)")
    ctx.add_argument(
        "--context", metavar="FILE", help="context file (default: followup.toml beside the draft)"
    )
    ctx.add_argument("--kind", choices=KINDS, help="the kind of message (default: detected)")
    ctx.add_argument("--company")
    ctx.add_argument("--position")
    ctx.add_argument("--interviewer", action="append", metavar="NAME", help="repeatable")
    ctx.add_argument("--topic", action="append", metavar="TOPIC", help="repeatable")
    ctx.add_argument("--interviewed-at", metavar="WHEN", help="ISO 8601 date and time")
    ctx.add_argument(
        "--sent-at", metavar="WHEN", help="ISO 8601 (default: the Date header, else now)"
    )
    ctx.add_argument("--decision-expected-by", metavar="DATE", help="the employer's stated date")


def context_overrides(args: argparse.Namespace) -> dict[str, Any]:
    decision = _when("--decision-expected-by", args.decision_expected_by)
    return {
        "kind": args.kind,
        "company": args.company,
        "position": args.position,
        "interviewers": [{"name": n} for n in args.interviewer or ()] or None,
        "topics": list(args.topic) if args.topic else None,
        "interviewed_at": _when("--interviewed-at", args.interviewed_at),
        "sent_at": _when("--sent-at", args.sent_at),
        "decision_expected_by": decision.date() if decision else None,
    }


def build_config(args: argparse.Namespace, start: str | None) -> Config:
    cfg = load_config(args.config) if args.config else discover_config(start)
    update: dict[str, Any] = {}
    if args.select:
        update["select"] = _split(args.select)
    if args.ignore:
        update["ignore"] = tuple(cfg.ignore) + _split(args.ignore)
    if args.fail_on:
        update["fail_on"] = args.fail_on
    if args.mode:
        update["mode"] = args.mode
    if getattr(args, "languagetool_url", None):
        update["languagetool"] = cfg.languagetool.model_copy(update={"url": args.languagetool_url})
    return cfg.model_copy(update=update) if update else cfg


def _expand(paths: Sequence[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p != "-" and any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(f"{p}: no files match this pattern")
            out.extend(m for m in matches if os.path.isfile(m))
        else:
            out.append(p)
    return out


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def run_check(args: argparse.Namespace) -> int:
    from followup_lint.linter import Linter

    paths = _expand(args.paths or [])
    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise UsageError("no drafts given: name files, a glob, or - for standard input")
        paths = ["-"]
    first_file = next((p for p in paths if p != "-"), None)
    config = build_config(args, first_file)
    linter = Linter(config)
    overrides = context_overrides(args)
    if getattr(args, "fix", False) or getattr(args, "diff", False):
        from followup_lint.fixes import run_fixes

        return run_fixes(args, paths, linter, overrides, config)
    reports: list[Report] = []
    drafts = []
    for p in paths:
        if p == "-":
            name = args.stdin_filename
            fmt = format_for(Path(name)) if name else None
            draft = read_bytes(sys.stdin.buffer.read(), path=name, format=fmt)
        else:
            draft = read_draft(Path(p))
        drafts.append(draft)
    # Notes to different interviewers checked together are compared (near-duplicate-notes).
    from followup_lint.analysis.similarity import other_notes

    for draft, others in zip(drafts, other_notes(drafts), strict=True):
        context = {**overrides, "other_notes": others} if others else overrides
        reports.append(linter.lint(draft, context=context, context_file=args.context))
    formatter = FORMATTERS[args.format]
    sys.stdout.write(formatter(reports, color=_use_color(args.color), fail_on=config.fail_on))
    sys.stdout.flush()
    return EXIT_FINDINGS if any(r.failed(config.fail_on) for r in reports) else EXIT_OK


def run_rules(args: argparse.Namespace) -> int:
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


def run_explain(args: argparse.Namespace) -> int:
    from followup_lint.explain import explain_rule

    print(explain_rule(args.rule, config=load_config(args.config) if args.config else None), end="")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup-lint",
        description="Check an email you send after a job interview before you press Send.",
    )
    parser.add_argument("--version", action="version", version=f"followup-lint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint drafts (files, globs, or - for stdin)")
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for stdin")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes (atomically)")
    fixing.add_argument("--diff", action="store_true", help="show the safe fixes; write nothing")
    add_check_options(check)
    check.set_defaults(func=run_check)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--all", action="store_true", help="do not mark rules your config turns off")
    rules.add_argument("--config", metavar="FILE")
    rules.set_defaults(func=run_rules)

    explain = sub.add_parser("explain", help="what a rule checks, why, and examples")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")
    explain.set_defaults(func=run_explain)

    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.add_parser(sub)
    return parser


#: Modules that each add one subcommand: `add_parser(subparsers)` registers it and sets `func`.
#: Adding a command is adding a module and one line here.
COMMAND_MODULES: tuple[str, ...] = (
    "followup_lint.sendmail",
    "followup_lint.scaffold",
    "followup_lint.lsp.command",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
