"""The options `check`, `fix` and `sendmail` share, and turning them into a Config and a context.

Only argument handling lives here: what a value means is the library's business.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from followup_lint.config import Config, discover_config, load_config
from followup_lint.formatters import FORMATTERS
from followup_lint.model.errors import FollowupLintError
from followup_lint.model.kinds import KINDS
from followup_lint.model.severity import FAIL_ON_CHOICES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(FollowupLintError):
    """A flag's value is wrong."""


def split_ids(values: Sequence[str] | None) -> tuple[str, ...]:
    """`--select a,b --select c` -> ("a", "b", "c")."""
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def parse_when(flag: str, value: str | None) -> dt.datetime | None:
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
    """Options shared by `check`, `fix` and `sendmail`."""
    p.add_argument(
        "--output-format",
        "--format",
        dest="format",
        choices=sorted(FORMATTERS),
        default="text",
        metavar="FORMAT",
        help=f"{', '.join(sorted(FORMATTERS))} (default: text; full also shows the source line "
        "with a caret under each finding)",
    )
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
    p.add_argument(
        "--config",
        metavar="FILE",
        help="configuration file (default: found upward from each draft)",
    )
    p.add_argument(
        "--mode",
        choices=("default", "thorough"),
        default=None,
        help="thorough loads the trained English pipeline",
    )
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="auto: colour on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it",
    )
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
    ctx.add_argument(
        "--kind",
        choices=KINDS,
        metavar="KIND",
        help=f"the kind of message: {', '.join(KINDS)} (default: detected)",
    )
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
    """The context flags as a mapping with the context file's keys (None: not given)."""
    decision = parse_when("--decision-expected-by", args.decision_expected_by)
    return {
        "kind": args.kind,
        "company": args.company,
        "position": args.position,
        "interviewers": [{"name": n} for n in args.interviewer or ()] or None,
        "topics": list(args.topic) if args.topic else None,
        "interviewed_at": parse_when("--interviewed-at", args.interviewed_at),
        "sent_at": parse_when("--sent-at", args.sent_at),
        "decision_expected_by": decision.date() if decision else None,
    }


def build_config(args: argparse.Namespace, start: str | Path | None) -> Config:
    """The configuration for a draft at `start`: --config, else the file found upward from
    the draft, with the command line's flags on top (each recorded in `Config.origins`)."""
    cfg = load_config(args.config) if args.config else discover_config(start)
    update: dict[str, Any] = {}
    if args.select:
        update["select"] = split_ids(args.select)
    if args.ignore:
        update["ignore"] = tuple(cfg.ignore) + split_ids(args.ignore)
    if args.fail_on:
        update["fail_on"] = args.fail_on
    if args.mode:
        update["mode"] = args.mode
    if getattr(args, "languagetool_url", None):
        update["languagetool"] = cfg.languagetool.model_copy(update={"url": args.languagetool_url})
    if not update:
        return cfg
    origins = (*cfg.origins, *((k.replace("_", "-"), "the command line") for k in update))
    return cfg.model_copy(update={**update, "origins": origins})


def use_color(choice: str, stream: Any = None) -> bool:
    """--color, then NO_COLOR and FORCE_COLOR (https://force-color.org), then is it a tty."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return bool((stream or sys.stdout).isatty())
