"""The gate's decisions: send, block, or keep the message because something failed.

Promises (docs/presend.md and docs/security.md say how each is tested):
- the real command gets the exact bytes the mail client gave, all of them, or is not started;
- a message the gate lets through is always handed on, and a blocked one always exits 65,
  whatever happens to standard error;
- whenever a message may not have been delivered (blocked, not checked, the real command
  missing, failing, killed, or not reading all of it) and `--save-blocked DIR` was given, a
  copy is kept there and the last line on stderr says where.
"""

from __future__ import annotations

import argparse
import os
import traceback
from pathlib import Path

from followup_lint.model.errors import FollowupLintError
from followup_lint.model.report import Report
from followup_lint.model.severity import fails
from followup_lint.presend import report as gate_report
from followup_lint.presend.handoff import StartError, hand_off, signal_name
from followup_lint.presend.report import SEND_ANYWAY_ENV
from followup_lint.presend.save import SaveError, save_copy
from followup_lint.presend.spool import Spool, SpoolError, spool_stdin
from followup_lint.presend.streams import (
    Stderr,
    reopen_closed_descriptors,
    safe_stderr,
    stdin_reader,
)
from followup_lint.reading.draft import Draft

EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_UNAVAILABLE, EX_SOFTWARE = 64, 65, 66, 69, 70
EX_IOERR, EX_TEMPFAIL = 74, 75


class _Gate:
    def __init__(self, args: argparse.Namespace, command: list[str], err: Stderr) -> None:
        self.args = args
        self.command = command
        self.err = err

    def say(self, text: str) -> None:
        self.err.write(text if text.endswith("\n") else text + "\n")

    def not_sent(self, spool: Spool | None, why: str, status: int, *, maybe: bool = False) -> int:
        """Say why the message was not (or may not have been) sent and where its copy is."""
        where = ""
        if self.args.save_blocked and spool is not None:
            try:
                where = f" A copy of the message is in {save_copy(self.args.save_blocked, spool.read_all())}."
            except (SaveError, OSError) as exc:
                where = (
                    f" It could NOT be saved in {self.args.save_blocked} ({exc});"
                    " your mail client still has it."
                )
        head = "may NOT have been sent" if maybe else "NOT sent"
        self.say(f"followup-lint: message {head}: {why}.{where}")
        return status

    def deliver(self, spool: Spool) -> int:
        name = os.path.basename(self.command[0])
        try:
            d = hand_off(self.command, spool.fd, spool.size)
        except StartError as exc:
            return self.not_sent(spool, exc.why, exc.status)
        for signum in d.held[:1]:
            self.say(
                f"followup-lint: {signal_name(signum)} arrived while {name} was sending; "
                "it was let finish, so the result below is what really happened."
            )
        if d.killed_by is not None:
            return self.not_sent(
                spool,
                f"{name} was stopped by {signal_name(d.killed_by)} before it finished",
                d.status,
                maybe=True,
            )
        if d.status != 0:
            return self.not_sent(
                spool, f"{name} failed (exit status {d.status})", d.status, maybe=True
            )
        if not d.whole:
            return self.not_sent(
                spool,
                f"{name} exited 0 but read only {d.read} of the message's {d.size} bytes, so "
                "it cannot have sent all of it",
                EX_IOERR,
                maybe=True,
            )
        return 0

    def lint(self, data: bytes) -> tuple[Report, Draft, str]:
        from followup_lint.cli import build_config, context_overrides
        from followup_lint.linter import Linter
        from followup_lint.reading.sources import read_bytes

        config = build_config(self.args, None)
        draft = read_bytes(data, format="eml")
        linter = Linter(config)
        report = linter.lint(
            draft, context=context_overrides(self.args), context_file=self.args.context
        )
        return report, draft, config.fail_on

    def print_report(
        self, report: Report, draft: Draft, fail_on: str, blocked: bool, anyway: bool
    ) -> None:
        from followup_lint.formatters import FORMATTERS

        if self.args.format == "text":
            text = gate_report.render(report, draft, fail_on, blocked=blocked, anyway=anyway)
        elif report.findings or report.notices:
            color = self.args.color == "always"
            text = FORMATTERS[self.args.format]([report], color=color, fail_on=fail_on)
        else:
            text = ""
        self.err.write(text)


def _where(exc: BaseException) -> str:
    """file:line where an exception was raised. The exception's text is left out on purpose:
    it may quote the draft, and this line ends up in bug reports."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "an unknown place"
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}"


def run(args: argparse.Namespace) -> int:
    closed = reopen_closed_descriptors()
    with safe_stderr() as err:
        return _run(args, closed, err)


def _run(args: argparse.Namespace, closed: set[int], err: Stderr) -> int:
    command = list(args.real_command or [])
    if command and command[0] == "--":
        command = command[1:]
    gate = _Gate(args, command, err)
    if not command:
        gate.say(
            "followup-lint: error: give the real sendmail command after --, "
            "e.g. followup-lint sendmail -- msmtp -t"
        )
        return EX_USAGE
    read = None if 0 in closed else stdin_reader()
    if read is None:
        return gate.not_sent(
            None, "standard input is closed, so there is no message to send", EX_NOINPUT
        )
    from followup_lint.reading.sources import MAX_BYTES

    try:
        spool = spool_stdin(read, MAX_BYTES)
    except SpoolError as exc:
        return gate.not_sent(None, str(exc), EX_TEMPFAIL)
    try:
        return _decide(gate, spool)
    finally:
        spool.close()


def _decide(gate: _Gate, spool: Spool) -> int:
    anyway = os.environ.get(SEND_ANYWAY_ENV, "").strip().lower() in ("1", "true", "yes")
    try:
        report, draft, fail_on = gate.lint(spool.head)
    except FollowupLintError as exc:
        if anyway:
            gate.say(f"followup-lint: could not check the message ({exc}); sending anyway.")
            return gate.deliver(spool)
        return gate.not_sent(spool, f"followup-lint could not check it: {exc}", EX_SOFTWARE)
    except Exception as exc:
        # A bug in followup-lint must not cost the user their message: say so and keep it.
        if anyway:
            gate.say(f"followup-lint: failed ({type(exc).__name__}); sending anyway.")
            return gate.deliver(spool)
        return gate.not_sent(
            spool,
            f"followup-lint failed ({type(exc).__name__} at {_where(exc)}); this is a bug in "
            f"followup-lint, please report it. To send without the check, set {SEND_ANYWAY_ENV}=1",
            EX_SOFTWARE,
        )

    blocked = report.failed(fail_on)
    try:
        gate.print_report(report, draft, fail_on, blocked, anyway)
    except Exception as exc:  # the report is advice: failing to make it must not change the outcome
        gate.say(
            f"followup-lint: could not write the report ({type(exc).__name__} at {_where(exc)})."
        )
    if not blocked:
        return gate.deliver(spool)
    if anyway:
        gate.say(f"followup-lint: {SEND_ANYWAY_ENV} is set: sending despite the findings above.")
        return gate.deliver(spool)
    counts = sum(1 for f in report.findings if fails(f.severity, fail_on))
    return gate.not_sent(
        spool,
        f"{counts} finding{'s' if counts != 1 else ''} at or above '{fail_on}' "
        f"(edit it, or send it anyway with {SEND_ANYWAY_ENV}=1)",
        EX_DATAERR,
    )
