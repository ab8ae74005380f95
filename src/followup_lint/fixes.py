"""Applying the safe fixes (`check --fix`) and showing them (`check --diff`).

Only fixes whose rule marks them safe (`safe_fix: true`, carried as `Fix.safe`) are applied, as
ruff applies only its safe fixes by default. Each pass takes the first safe fix of every finding,
drops any that overlap one already taken, applies them from the end of the text backwards (so
earlier offsets stay valid), and lints the result again; passes repeat until nothing more applies.

The draft's bytes are sacred. A file is rewritten only when:
- its findings point into the file itself (basis "source"); an .eml whose body is transfer-encoded
  (base64, quoted-printable), multipart or HTML is linted through a decoded rendering, and a fix in
  that rendering cannot be written back without re-encoding the message, so it is left alone;
- decoding and re-encoding the unchanged text gives back exactly the original bytes (a byte-order
  mark, the encoding and every line ending survive);
- in an .eml, the fix lies below the header block (headers are never touched) and its replacement
  can be written in the part's charset and transfer encoding (no 8-bit text into a 7bit part).
Line breaks inside a replacement follow the file's own (CRLF stays CRLF).

How a file is written (`followup_lint.atomic.read_for_rewrite` and `rewrite`): only a regular
file, never a read-only one; the target of a symlink; a hard-linked file in place; mode, owner and
extended attributes kept; and only if the file is still exactly what was read, checked just
before the rename (an editor's save while --fix runs is never overwritten: the file is reported
"not written" and the exit status is 2). The same file named twice (or through a link) is fixed
once. docs/security.md lists these promises and the tests that hold them.

Exit statuses (documented in docs/output-formats.md), modelled on ruff's:
- `--fix`: the file is written; then 0 if no finding at or above --fail-on remains, 1 if one does;
  2 if a file could not be written (it changed meanwhile, is read-only, ...), with nothing
  written to that file.
- `--diff`: nothing is written; 1 if any file would change, 0 if none would.
- 2 for a usage or input error, as everywhere.
"""

from __future__ import annotations

import difflib
import email
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email import policy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_lint.atomic import (
    RewriteError,
    Snapshot,
    check_no_backups,
    read_for_rewrite,
    rewrite,
)
from followup_lint.model.errors import InputError
from followup_lint.model.report import Fix, Report

if TYPE_CHECKING:
    import argparse

    from followup_lint.config import Config
    from followup_lint.linter import Linter
    from followup_lint.model.context import Context
    from followup_lint.reading.draft import Draft

#: A fix that keeps producing new fixes must not loop for ever.
MAX_PASSES = 10


@dataclass
class FixOutcome:
    """What fixing one draft did: the bytes before and after, and what remains to be done."""

    path: str | None
    original: bytes
    fixed: bytes
    #: Number of fixes applied over all passes.
    applied: int
    #: The report of the fixed text (the findings that remain).
    report: Report
    #: Why nothing could be written, when the draft's form rules fixes out (None otherwise).
    skipped: str | None = None
    notes: list[str] = field(default_factory=list)
    #: The report of the text as it was read (before any fix), when fixes were applied.
    first_report: Report | None = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


@dataclass(frozen=True)
class _Form:
    """How the draft's text is stored in its bytes."""

    encoding: str
    bom: bytes
    newline: str
    #: Offset below which fixes are not applied (the header block of an .eml), else 0.
    protected_end: int
    #: An .eml part declared 7bit: only ASCII replacements keep it valid.
    ascii_only: bool


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def _header_end(text: str) -> int:
    """Offset just past the blank line that ends an .eml's header block."""
    ends = [i for i in (text.find("\n\n"), text.find("\r\n\r\n")) if i != -1]
    if not ends:
        return len(text)
    i = min(ends)
    return i + (4 if text.startswith("\r\n\r\n", i) else 2)


def _form(data: bytes, draft: Draft) -> _Form | str:
    """How to write the text back, or why it cannot be."""
    if draft.basis != "source":
        return (
            "its body is encoded (multipart, base64, quoted-printable or HTML); fixes would "
            "change the message's encoding, so the file is left as it is"
        )
    text = draft.text
    if draft.format == "eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        encoding = msg.get_content_charset() or "utf-8"
        cte = str(msg.get("Content-Transfer-Encoding", "7bit")).strip().lower()
        form = _Form(encoding, b"", _newline(text), _header_end(text), cte == "7bit")
    else:
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        form = _Form("utf-8", bom, _newline(text), 0, False)
    try:
        same = form.bom + text.encode(form.encoding) == data
    except (LookupError, UnicodeEncodeError):
        same = False
    if not same:
        return "its text does not re-encode to the same bytes, so it cannot be rewritten safely"
    return form


def _acceptable(fix: Fix, form: _Form) -> bool:
    if fix.span.start < form.protected_end:
        return False
    if form.ascii_only and not fix.replacement.isascii():
        return False
    try:
        fix.replacement.encode(form.encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def choose_fixes(report: Report, form: _Form | None = None) -> list[Fix]:
    """The first safe fix of each finding, without overlaps, in text order."""
    candidates = []
    for finding in report.findings:
        if finding.basis != "source":
            continue
        fix = next((x for x in finding.fixes if x.safe), None)
        if fix is not None and (form is None or _acceptable(fix, form)):
            candidates.append(fix)
    candidates.sort(key=lambda x: (x.span.start, x.span.end, x.replacement))
    chosen: list[Fix] = []
    for fix in candidates:
        if chosen:
            last = chosen[-1]
            if (fix.span.start, fix.span.end, fix.replacement) == (
                last.span.start,
                last.span.end,
                last.replacement,
            ):
                continue  # two rules proposing the same edit
            # Overlapping edits, or two insertions at one point: the first wins this pass.
            if fix.span.start < last.span.end or (
                fix.span.start == fix.span.end == last.span.start == last.span.end
            ):
                continue
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: Sequence[Fix], newline: str = "\n") -> str:
    """Apply non-overlapping fixes, last first, so that earlier offsets stay valid."""
    out = text
    for fix in sorted(fixes, key=lambda x: x.span.start, reverse=True):
        replacement = fix.replacement
        if newline != "\n":
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        out = out[: fix.span.start] + replacement + out[fix.span.end :]
    return out


def fix_bytes(
    data: bytes,
    linter: Linter,
    *,
    path: str | None = None,
    format: str | None = None,
    context: Context | Mapping[str, Any] | None = None,
    context_file: str | Path | None = None,
) -> FixOutcome:
    """Apply the safe fixes to a draft's bytes; the result says what changed and what remains."""
    from followup_lint.reading.sources import read_bytes

    draft = read_bytes(data, path=path, format=format)
    report = linter.lint(draft, context=context, context_file=context_file)
    form = _form(data, draft)
    if isinstance(form, str):
        has_safe = any(x.safe for f in report.findings for x in f.fixes)
        return FixOutcome(path, data, data, 0, report, form if has_safe else None)
    current, applied, first_report = data, 0, report
    for _ in range(MAX_PASSES):
        fixes = choose_fixes(report, form)
        if not fixes:
            break
        text = apply_fixes(draft.text, fixes, form.newline)
        current = form.bom + text.encode(form.encoding)
        applied += len(fixes)
        draft = read_bytes(current, path=path, format=format)
        report = linter.lint(draft, context=context, context_file=context_file)
    return FixOutcome(path, data, current, applied, report, first_report=first_report)


def unified_diff(outcome: FixOutcome, encoding: str = "utf-8") -> str:
    """The change as a unified diff (a/PATH, b/PATH), "" when nothing changed."""
    if not outcome.changed:
        return ""
    name = outcome.path or "<stdin>"
    old = outcome.original.decode(encoding, "replace").splitlines(keepends=True)
    new = outcome.fixed.decode(encoding, "replace").splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}"):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass
class _Target:
    """One file named on the command line, as read for fixing."""

    given: str
    real: Path | None  # the file behind any symlinks; None for standard input
    data: bytes
    snapshot: Snapshot | None


def _targets(paths: Sequence[str]) -> list[_Target]:
    """Read every draft before anything is written; refuse what cannot be fixed safely. The
    same file named twice (or through a symlink or another hard link) is fixed once."""
    from followup_lint.reading.sources import MAX_BYTES

    out: list[_Target] = []
    seen: set[tuple[int, int]] = set()
    stdin_done = False
    for p in paths:
        if p == "-":
            if stdin_done:
                continue
            stdin_done = True
            out.append(_Target(p, None, sys.stdin.buffer.read(), None))
            continue
        try:
            real, data, snap = read_for_rewrite(p, MAX_BYTES)
            if (snap.dev, snap.ino) in seen:
                continue
            seen.add((snap.dev, snap.ino))
        except RewriteError as exc:
            raise InputError(str(exc)) from None
        out.append(_Target(p, real, data, snap))
    return out


def run_fixes(
    args: argparse.Namespace,
    paths: Sequence[str],
    linter: Linter,
    overrides: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    config: Config,
) -> int:
    """`check --fix` / `check --diff` for the CLI. `overrides` is the context for every path,
    or one context per path (the CLI adds what each draft learns from the others)."""
    from followup_lint.formatters import FORMATTERS
    from followup_lint.reading.sources import format_for

    targets = _targets(paths)
    outcomes: list[FixOutcome] = []
    contexts = [overrides] * len(paths) if isinstance(overrides, Mapping) else list(overrides)
    # A file named twice is fixed once (see _targets), with the context of its first mention.
    context_of: dict[str, Mapping[str, Any]] = {}
    for p, context in zip(paths, contexts, strict=True):
        context_of.setdefault(p, context)
    for t in targets:
        if t.real is None:
            name = args.stdin_filename
            fmt = format_for(Path(name)) if name else None
        else:
            name, fmt = t.given, format_for(Path(t.given))
        outcomes.append(
            fix_bytes(
                t.data,
                linter,
                path=name,
                format=fmt,
                context=context_of[t.given],
                context_file=args.context,
            )
        )

    for o in outcomes:
        if o.skipped:
            print(f"followup-lint: {o.path or '<stdin>'}: not fixed: {o.skipped}", file=sys.stderr)

    if args.diff:
        applied = sum(o.applied for o in outcomes)
        for o in outcomes:
            sys.stdout.write(unified_diff(o))
        remaining = sum(len(o.report.findings) for o in outcomes)
        print(
            f"Would fix {applied} finding{'s' if applied != 1 else ''} ({remaining} would remain).",
            file=sys.stderr,
        )
        sys.stdout.flush()
        return 1 if any(o.changed for o in outcomes) else 0

    applied = 0
    reports: list[Report] = []
    not_written: list[str] = []
    stdin_out: list[FixOutcome] = []
    for o, t in zip(outcomes, targets, strict=True):
        if t.real is None:
            stdin_out.append(o)
            applied += o.applied
            reports.append(o.report)
            continue
        try:
            # Even with nothing to fix, a safety copy left by an interrupted --fix is news.
            check_no_backups(t.given, t.real)
        except RewriteError as exc:
            not_written.append(str(exc))
            reports.append(o.first_report or o.report)
            continue
        if o.changed:
            assert t.snapshot is not None
            try:
                rewrite(t.given, t.real, o.fixed, t.snapshot)
            except RewriteError as exc:
                not_written.append(str(exc))
                # Nothing was written: what the user has is the original, so report that.
                reports.append(o.first_report or o.report)
                continue
            except OSError as exc:
                not_written.append(
                    f"{t.given}: cannot write the fixed draft ({exc.strerror or exc}); "
                    "the file is unchanged"
                )
                reports.append(o.first_report or o.report)
                continue
        applied += o.applied
        reports.append(o.report)
    if stdin_out:
        # As ruff does: the fixed text goes to stdout, the report of what remains to stderr.
        for o in stdin_out:
            sys.stdout.buffer.write(o.fixed)
        sys.stdout.flush()
        report_stream = sys.stderr
    else:
        report_stream = sys.stdout
    report_stream.write(FORMATTERS[args.format](reports, color=False, fail_on=config.fail_on))
    report_stream.flush()
    for line in not_written:
        print(f"followup-lint: error: {line}", file=sys.stderr)
    print(f"Fixed {applied} finding{'s' if applied != 1 else ''}.", file=sys.stderr)
    if not_written:
        return 2
    return 1 if any(r.failed(config.fail_on) for r in reports) else 0
