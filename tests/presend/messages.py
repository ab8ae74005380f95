"""Messages as a mail client hands them to its sendmail program, byte for byte.

Each is a realistic follow-up whose subject passes the subject rules, written out as exact bytes
(8-bit UTF-8, CRLF line endings, a multipart message with a binary attachment), so the tests can
check that what reaches the real command is the very same bytes.
"""

from __future__ import annotations

import base64

_HEADERS = (
    "From: Sam Ito <sam.ito@example.org>\n"
    "To: Dana Müller <dana.mueller@acme.example>\n"
    "Subject: Thank you – Data Analyst interview on 12 November\n"
    "Date: Thu, 13 Nov 2026 09:12:00 +0100\n"
    "Message-ID: <20261113091200.4242@example.org>\n"
    "MIME-Version: 1.0\n"
)

_BODY = (
    "Dear Ms. Müller,\n"
    "\n"
    "Thank you for meeting me on Wednesday to talk about the Data Analyst role at Acme.\n"
    "I enjoyed our conversation about the churn dashboard and the café loyalty data.\n"
    ".\n"
    "..a line that starts with dots, which SMTP must stuff and unstuff\n"
    "From the start of a line, as mbox would mangle it.   \n"
    "\n"
    "Best regards,\n"
    "Sam Ito\n"
    "+44 20 7946 0958 | sam.ito@example.org\n"
)

#: 8-bit UTF-8 in the headers and the body, LF line endings (as mutt writes it).
EIGHT_BIT = (
    _HEADERS
    + "Content-Type: text/plain; charset=utf-8\n"
    + "Content-Transfer-Encoding: 8bit\n\n"
    + _BODY
).encode("utf-8")

#: The same with CRLF line endings (as git send-email and some clients write it).
CRLF = EIGHT_BIT.replace(b"\n", b"\r\n")

_ATTACHMENT = bytes(range(256)) * 8  # every byte value, so any re-encoding would show

#: multipart/mixed: the text and a PDF-typed binary attachment in base64.
MULTIPART = (
    _HEADERS
    + 'Content-Type: multipart/mixed; boundary="=-=boundary-4242=-="\n'
    + "\n"
    + "This is a multi-part message in MIME format.\n"
    + "--=-=boundary-4242=-=\n"
    + "Content-Type: text/plain; charset=utf-8\n"
    + "Content-Transfer-Encoding: 8bit\n"
    + "\n"
    + _BODY
    + "--=-=boundary-4242=-=\n"
    + 'Content-Type: application/pdf; name="portfolio.pdf"\n'
    + 'Content-Disposition: attachment; filename="portfolio.pdf"\n'
    + "Content-Transfer-Encoding: base64\n"
    + "\n"
    + base64.encodebytes(_ATTACHMENT).decode("ascii")
    + "--=-=boundary-4242=-=--\n"
).encode("utf-8")

#: A draft with a template marker left in: `unfilled-placeholder` (an error) blocks it.
PLACEHOLDER = EIGHT_BIT.replace("Dear Ms. Müller,".encode(), b"Dear [Interviewer's Name],")

#: The subject line of every message above.
SUBJECT = "Subject: Thank you – Data Analyst interview on 12 November".encode()

#: The rules these tests run: stable while the rule set grows around them.
SELECT = "subject,unfilled-placeholder"


def gate_env() -> dict[str, str]:
    """The environment without FOLLOWUP_LINT_SEND_ANYWAY, so the gate really checks."""
    import os

    return {k: v for k, v in os.environ.items() if k != "FOLLOWUP_LINT_SEND_ANYWAY"}


def gate_argv(real: list[str], *extra: str) -> list[str]:
    """`followup-lint sendmail` with the rules these messages are written against, then the real
    command after `--`."""
    import sys

    return [
        sys.executable,
        "-m",
        "followup_lint",
        "sendmail",
        "--select",
        SELECT,
        *extra,
        "--",
        *real,
    ]
