"""`followup-lint new KIND [--context FILE] [-o FILE]`: a draft to start from, not a blank page.

The scaffold for each message kind is a Jinja2 template in `templates/`, in our own words, filled
from what the context knows: the interviewer's name, the company, the role, a topic, the date of
the interview, the sender's name and email. What only the sender can write (the moment they
enjoyed, the value they bring, the reason for declining) is left as a visible placeholder in square
brackets, e.g. "[the specific moment from the interview you enjoyed]", as is any fact the context
does not have ("[the company]"). The `unfilled-placeholder` rule (severity error) flags every
such marker, so an unfinished scaffold can never pass `check` or the `sendmail` gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from followup_lint.atomic import write_atomic
from followup_lint.model.context import Context, build_context, load_context_file
from followup_lint.model.errors import FollowupLintError
from followup_lint.model.kinds import KINDS

#: The closing each kind signs off with.
_CLOSINGS = {
    "thank_you": "Best regards",
    "status_inquiry": "Best regards",
    "final_follow_up": "Kind regards",
    "offer_reply": "Best regards",
    "decline_offer": "With best wishes",
    "rejection_reply": "Kind regards",
    "networking": "Best wishes",
}


class ScaffoldError(FollowupLintError):
    """The scaffold cannot be written where asked."""


def _environment() -> SandboxedEnvironment:
    # Sandboxed with strict undefined names: a typo in a template fails loudly in the tests
    # instead of leaving a silent gap in someone's email.
    return SandboxedEnvironment(
        loader=PackageLoader("followup_lint", "templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def _on_day(when: dt.datetime | None) -> str:
    return f"on {when.day} {when:%B}" if when else ""


def template_values(kind: str, context: Context) -> dict[str, Any]:
    """What the template is filled with; anything unknown becomes a bracketed placeholder."""
    interviewer = context.interviewers[0].name if context.interviewers else None
    sender = context.sender
    return {
        "kind": kind,
        "interviewer": interviewer or "[the interviewer's name]",
        "company": context.company or "[the company]",
        "position": context.position or "[the role]",
        "topic": context.topics[0] if context.topics else "[a topic you discussed]",
        "topics": list(context.topics),
        "when": _on_day(context.interviewed_at),
        "sender_name": sender.name if sender else "[your name]",
        "sender_email": sender.email if sender and sender.email else None,
        "closing": _CLOSINGS[kind],
    }


def render_scaffold(kind: str, context: Context | None = None) -> str:
    """The scaffold text for a message kind (one of `KINDS`)."""
    if kind not in KINDS:
        raise ScaffoldError(f"unknown message kind {kind!r}; choose one of {', '.join(KINDS)}")
    template = _environment().get_template(f"{kind}.txt.j2")
    return template.render(template_values(kind, context or Context()))


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="write a draft scaffold for a kind of message",
        description=(
            "Write a draft for KIND, filled from the context; the words only you can write are "
            "left as [bracketed placeholders] that `check` reports until you replace them."
        ),
    )
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    p.add_argument("--context", metavar="FILE", help="context file (followup.toml format)")
    p.add_argument("--company")
    p.add_argument("--position")
    p.add_argument(
        "--interviewer", action="append", metavar="NAME", help="repeatable; the first is greeted"
    )
    p.add_argument("--topic", action="append", metavar="TOPIC", help="repeatable")
    p.add_argument("--sender", metavar="NAME", help="your name, for the signature")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=run)


def _context(args: argparse.Namespace) -> Context:
    data: dict[str, Any] = load_context_file(args.context) if args.context else {}
    flags = {
        "company": args.company,
        "position": args.position,
        "interviewers": [{"name": n} for n in args.interviewer] if args.interviewer else None,
        "topics": list(args.topic) if args.topic else None,
    }
    data.update({k: v for k, v in flags.items() if v is not None})
    if args.sender:
        data["sender"] = {**dict(data.get("sender") or {}), "name": args.sender}
    return build_context(data, where=args.context or "command line")


def run(args: argparse.Namespace) -> int:
    text = render_scaffold(args.kind, _context(args))
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    if target.is_dir():
        raise ScaffoldError(f"{target}: is a directory; give a file name")
    if target.exists() and not args.force:
        raise ScaffoldError(f"{target}: already exists; use --force to overwrite it")
    try:
        write_atomic(target, text.encode("utf-8"))
    except FileNotFoundError:
        raise ScaffoldError(f"{target}: the folder {target.parent} does not exist") from None
    except OSError as exc:
        raise ScaffoldError(f"{target}: cannot write ({exc.strerror or exc})") from None
    print(
        f"Wrote {target}. Replace every [bracketed placeholder], then run "
        f"`followup-lint check {target}`.",
        file=sys.stderr,
    )
    return 0
