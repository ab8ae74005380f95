"""`followup-lint sendmail [check options] -- REAL_COMMAND [ARGS]`: a pre-send gate.

Mail clients (mutt, neomutt, git send-email, anything that can run a sendmail program) hand the
finished message to a command on standard input. This command reads it whole into a private
file, lints it, and then either starts the real command with that file as its standard input
(exactly the same bytes, all of them) and exits with its status, or blocks: the report on
stderr, a non-zero status the mail client shows, and nothing sent. The work is done in
`followup_lint.presend`; this module is the command line.

Exit status (sendmail's sysexits codes, which mutt and msmtp print by name):
  0                          handed on, and the real command read all of it and exited 0
  the real command's status  it failed or was killed (128 + signal); a copy is kept
  65 (EX_DATAERR)            blocked: findings at or above --fail-on
  64 (EX_USAGE)              no real command was given
  66 (EX_NOINPUT)            standard input is closed: there is no message
  69 (EX_UNAVAILABLE)        the real command could not be started; nothing sent
  70 (EX_SOFTWARE)           the linter failed (an unreadable message, a bad configuration or
                             context file, or a bug); nothing sent
  74 (EX_IOERR)              the real command exited 0 without reading the whole message
  75 (EX_TEMPFAIL)           the message could not be read or spooled; nothing sent
"""

from __future__ import annotations

import argparse
from typing import Any

from followup_lint.presend.gate import (
    EX_DATAERR,
    EX_IOERR,
    EX_NOINPUT,
    EX_SOFTWARE,
    EX_TEMPFAIL,
    EX_UNAVAILABLE,
    EX_USAGE,
    run,
)
from followup_lint.presend.report import SEND_ANYWAY_ENV

__all__ = [
    "EX_DATAERR",
    "EX_IOERR",
    "EX_NOINPUT",
    "EX_SOFTWARE",
    "EX_TEMPFAIL",
    "EX_UNAVAILABLE",
    "EX_USAGE",
    "SEND_ANYWAY_ENV",
    "add_parser",
    "run",
]


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
            "exit status: 0 sent; the real command's when it failed (a copy is kept with "
            "--save-blocked); 65 blocked by findings; 64 no real command; 66 no input; "
            "69 the real command could not be started; 70 the linter failed; 74 the real "
            "command did not read the whole message; 75 the message could not be spooled. "
            "Nothing is sent unless the real command ran."
        ),
    )
    add_check_options(p)
    p.add_argument(
        "--save-blocked",
        metavar="DIR",
        help="keep a copy of every message that is not sent (or may not have been) in this folder",
    )
    p.add_argument(
        "real_command",
        nargs=argparse.REMAINDER,
        metavar="-- REAL_COMMAND [ARGS]",
        help="the sendmail program that delivers the message, e.g. -- msmtp -t",
    )
    p.set_defaults(func=run)
