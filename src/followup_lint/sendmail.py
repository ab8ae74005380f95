"""`followup-lint sendmail [check options] -- REAL_COMMAND [ARGS]`: a pre-send gate.

Mail clients (mutt, neomutt, git send-email, anything that can run a sendmail program) hand the
finished message to a command on standard input. This command reads it whole, lints it, and then
either gives exactly the same bytes to the real command and exits with its status, or blocks:
the report on stderr, a non-zero status the mail client shows, and nothing sent.

The message is never altered and never lost. Whenever it is not sent (blocked, the linter failed,
the real command could not be started) and `--save-blocked DIR` was given, a copy is written there
first, atomically, under a name of its own; the error says where.

Exit status (sendmail's sysexits codes, which mutt and msmtp print by name):
  the real command's status  the message was handed on (0 when it was sent)
  65 (EX_DATAERR)            blocked: findings at or above --fail-on
  64 (EX_USAGE)              no real command was given
  69 (EX_UNAVAILABLE)        the real command could not be started; nothing sent
  70 (EX_SOFTWARE)           the linter failed (an unreadable message, a bad configuration or
                             context file, or a bug); nothing sent
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from followup_lint.atomic import write_atomic
from followup_lint.model.errors import FollowupLintError
from followup_lint.model.report import Report
from followup_lint.model.severity import fails

#: Set to 1 to send a message whatever the linter says (the report is still printed).
SEND_ANYWAY_ENV = "FOLLOWUP_LINT_SEND_ANYWAY"

EX_USAGE, EX_DATAERR, EX_UNAVAILABLE, EX_SOFTWARE = 64, 65, 69, 70


def add_parser(sub: Any) -> None:
    from followup_lint.cli import add_check_options

    p = sub.add_parser(
        "sendmail",
        help="lint a message on stdin, then hand it to the real sendmail or block it",
        description=(
            "Read an RFC 5322 message on standard input, lint it, and pass exactly the same "
            "bytes to REAL_COMMAND, or block it with the report on stderr. "
            f"Set {SEND_ANYWAY_ENV}=1 to send anyway."
        ),
        epilog=(
            "exit status: the real command's when the message was handed on; 65 blocked by "
            "findings; 64 no real command; 69 the real command could not be started; "
            "70 the linter failed. Nothing is sent unless the real command ran."
        ),
    )
    add_check_options(p)
    p.add_argument(
        "--save-blocked",
        metavar="DIR",
        help="keep a copy of every message that is not sent in this folder",
    )
    p.add_argument(
        "real_command",
        nargs=argparse.REMAINDER,
        metavar="-- REAL_COMMAND [ARGS]",
        help="the sendmail program that delivers the message, e.g. -- msmtp -t",
    )
    p.set_defaults(func=run)


def _say(text: str) -> None:
    sys.stderr.write(text if text.endswith("\n") else text + "\n")
    sys.stderr.flush()


def _save(folder: str, data: bytes) -> Path:
    """Write the message to a new file in `folder` (created if missing), atomically."""
    target_dir = Path(folder).expanduser()
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    # 64 random bits make two blocked messages in the same second land in different files.
    target = target_dir / f"blocked-{stamp}-{secrets.token_hex(8)}.eml"
    while target.exists():  # pragma: no cover - a collision of 64 random bits
        target = target_dir / f"blocked-{stamp}-{secrets.token_hex(8)}.eml"
    write_atomic(target, data)
    return target


def _not_sent(args: argparse.Namespace, data: bytes, why: str, status: int) -> int:
    """Report why the message was not sent, and where its copy is (if one was asked for)."""
    where = ""
    if args.save_blocked:
        try:
            where = f" A copy of the message is in {_save(args.save_blocked, data)}."
        except OSError as exc:
            where = (
                f" It could NOT be saved in {args.save_blocked} ({exc.strerror or exc});"
                " your mail client still has it."
            )
    _say(f"followup-lint: message NOT sent: {why}.{where}")
    return status


def _where(exc: BaseException) -> str:
    """file:line where an exception was raised. The exception's text is left out on purpose:
    it may quote the draft, and this line ends up in bug reports."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "an unknown place"
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}"


def _lint(args: argparse.Namespace, data: bytes) -> tuple[Report, str]:
    """The report, and the --fail-on threshold in force (the flag, else the configuration's)."""
    from followup_lint.cli import build_config, context_overrides
    from followup_lint.linter import Linter
    from followup_lint.reading.sources import read_bytes

    config = build_config(args, None)
    draft = read_bytes(data, format="eml")
    report = Linter(config).lint(draft, context=context_overrides(args), context_file=args.context)
    return report, config.fail_on


def _deliver(args: argparse.Namespace, command: list[str], data: bytes) -> int:
    try:
        proc = subprocess.run(command, input=data, check=False)
    except FileNotFoundError:
        return _not_sent(args, data, f"cannot run {command[0]!r}: no such command", EX_UNAVAILABLE)
    except PermissionError:
        return _not_sent(
            args, data, f"cannot run {command[0]!r}: permission denied", EX_UNAVAILABLE
        )
    except OSError as exc:
        return _not_sent(
            args, data, f"cannot run {command[0]!r}: {exc.strerror or exc}", EX_UNAVAILABLE
        )
    # A command killed by a signal has a negative returncode; a shell reports it as 128 + N.
    return proc.returncode if proc.returncode >= 0 else 128 - proc.returncode


def run(args: argparse.Namespace) -> int:
    from followup_lint.formatters import FORMATTERS

    command = list(args.real_command or [])
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        _say(
            "followup-lint: error: give the real sendmail command after --, "
            "e.g. followup-lint sendmail -- msmtp -t"
        )
        return EX_USAGE
    data = sys.stdin.buffer.read()
    anyway = os.environ.get(SEND_ANYWAY_ENV, "").strip().lower() in ("1", "true", "yes")

    try:
        report, fail_on = _lint(args, data)
    except FollowupLintError as exc:
        if anyway:
            _say(f"followup-lint: could not lint the message ({exc}); sending anyway.")
            return _deliver(args, command, data)
        return _not_sent(args, data, f"followup-lint could not check it: {exc}", EX_SOFTWARE)
    except Exception as exc:
        # A bug in followup-lint must not cost the user their message: say so and keep it.
        if anyway:
            _say(f"followup-lint: failed ({type(exc).__name__}); sending anyway.")
            return _deliver(args, command, data)
        return _not_sent(
            args,
            data,
            f"followup-lint failed ({type(exc).__name__} at {_where(exc)}); this is a bug in "
            f"followup-lint, please report it. To send without the check, set {SEND_ANYWAY_ENV}=1",
            EX_SOFTWARE,
        )

    blocked = report.failed(fail_on)
    if report.findings or report.notices:
        color = args.color == "always" or (
            args.color == "auto" and not os.environ.get("NO_COLOR") and sys.stderr.isatty()
        )
        sys.stderr.write(FORMATTERS[args.format]([report], color=color, fail_on=fail_on))
        sys.stderr.flush()
    if not blocked:
        return _deliver(args, command, data)
    if anyway:
        _say(f"followup-lint: {SEND_ANYWAY_ENV} is set: sending despite the findings above.")
        return _deliver(args, command, data)
    counts = sum(1 for f in report.findings if fails(f.severity, fail_on))
    return _not_sent(
        args,
        data,
        f"{counts} finding{'s' if counts != 1 else ''} at or above '{fail_on}' "
        f"(fix the draft, or send anyway with {SEND_ANYWAY_ENV}=1)",
        EX_DATAERR,
    )
