"""The gate's report, written for a person reading it in the mail client's pager.

In the gate the user never sees the assembled message (headers added by the mail client,
perhaps encoded); they wrote a subject and a body. So each finding says where it is in those
terms, "subject" or "body line 3", and quotes the words it is about. Plain text only (mutt shows
the output of its sendmail program as it is, escape sequences included), lines kept short.
It gives no advice that only works on a file (`--fix`): it says how to send anyway, and how to
hide a finding that is wrong.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence

from followup_lint.model.report import Finding, Report
from followup_lint.model.severity import fails
from followup_lint.reading.draft import Draft

#: Set to 1 to send a message whatever the linter says (the report is still printed).
SEND_ANYWAY_ENV = "FOLLOWUP_LINT_SEND_ANYWAY"

WIDTH = 76
_QUOTE_MAX = 60


def body_start(text: str) -> int:
    """Offset of the first character after the blank line that ends the header block."""
    ends = [i for i in (text.find("\n\n"), text.find("\r\n\r\n")) if i != -1]
    if not ends:
        return len(text)
    i = min(ends)
    return i + (4 if text.startswith("\r\n\r\n", i) else 2)


def quote(text: str, limit: int = _QUOTE_MAX) -> str:
    """The words of a span on one line, shortened in the middle (between words) when long."""
    words = text.split()
    joined = " ".join(words)
    if len(joined) <= limit:
        return joined
    head: list[str] = []
    tail: list[str] = []
    budget = (limit - 5) // 2
    for w in words:
        if len(" ".join([*head, w])) > budget:
            break
        head.append(w)
    for w in reversed(words[len(head) :]):
        if len(" ".join([w, *tail])) > budget:
            break
        tail.insert(0, w)
    return f"{' '.join(head)} ... {' '.join(tail)}".strip()


def _header_name(draft: Draft, offset: int) -> str | None:
    for name, part in draft.header_parts.items():
        if part.start <= offset <= part.end:
            return "subject" if name == "subject" else f"the {name.title()}: header"
    return None


def where(finding: Finding, draft: Draft) -> str:
    """'subject, "Hi"' or 'body line 3, "[Name]"' or 'the message as a whole'."""
    text = draft.text
    start, end = finding.span.start, finding.span.end
    top = body_start(text)
    words = quote(text[start:end]) if end > start else ""
    shown = f', "{words}"' if words else ""
    if start < top:
        header = _header_name(draft, start) or "the headers"
        if end - start > 200 or (start == 0 and end >= len(text.rstrip())):
            return "the message as a whole"
        return f"{header}{shown}"
    if end - start > 300:
        return "the body as a whole"
    first = text.count("\n", top, start) + 1
    last = text.count("\n", top, max(start, end - 1)) + 1
    lines = f"body line {first}" if first == last else f"body lines {first}-{last}"
    return f"{lines}{shown}"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    ) or [indent.rstrip()]


def _pattern(words: str) -> str:
    """A regular expression matching `words` literally (only the characters that need it are
    escaped, so the entry stays readable)."""
    return re.sub(r"([\\.^$*+?{}\[\]|()])", r"\\\1", words)


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False
    )


def _hide_example(finding: Finding, draft: Draft) -> list[str]:
    """A `[[hidden-false-positives]]` entry (the configuration's format) for this finding."""
    found = draft.text[finding.span.start : finding.span.end].strip()
    lines = ["    [[hidden-false-positives]]", f"    rule = {json.dumps(finding.rule)}"]
    if found and "\n" not in found and len(found) <= _QUOTE_MAX:
        # json.dumps writes a valid TOML basic string (the same escapes).
        lines.append(f"    text = {json.dumps(found)}")
    else:
        first = " ".join(found.split()[:6])
        lines.append(f"    sentence = {json.dumps(_pattern(first) if first else '.')}")
    return lines


def render(
    report: Report,
    draft: Draft,
    fail_on: str,
    *,
    blocked: bool,
    anyway: bool,
) -> str:
    """The report for the mail client's pager ("" when there is nothing to say)."""
    findings = report.findings
    if not findings and not report.notices:
        return ""
    out: list[str] = []
    for notice in report.notices:
        out.extend(_wrap(f"note: {notice}", ""))
    if findings:
        counts = {s: 0 for s in ("error", "warning", "info")}
        for f in findings:
            counts[f.severity.value] += 1
        summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        out.append(f"followup-lint found {summary} in this message:")
        out.append("")
    for f in findings:
        mark = " (blocks sending)" if fails(f.severity, fail_on) else ""
        out.extend(_wrap(f"{f.severity.value}{mark}: {where(f, draft)}", ""))
        out.extend(_wrap(f.message, "    "))
        basis = "; position in the decoded text" if f.basis != "source" else ""
        out.append(f"    [{f.rule}{basis}]")
        out.append("")
    blocking: Sequence[Finding] = [f for f in findings if fails(f.severity, fail_on)]
    if blocked and not anyway:
        out.extend(_wrap("This message was NOT sent. To send it:", ""))
        for item in (
            "fix it: edit the message (in mutt, e in the compose menu) and send again;",
            f"or send it as it is: send again with {SEND_ANYWAY_ENV}=1 in the environment "
            f"(for example: {SEND_ANYWAY_ENV}=1 mutt);",
            "or, if a finding is wrong, hide it: add its rule and its words (text) or a "
            "pattern for its sentence (sentence) to hidden-false-positives in your "
            ".followup-lint.toml, for example:",
        ):
            out.extend(_bullet(item))
        if blocking:
            out.extend(_hide_example(blocking[0], draft))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
