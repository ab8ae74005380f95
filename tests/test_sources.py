"""Reading drafts from every kind of source, and refusing bad ones with a clear error."""

from __future__ import annotations

import base64
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup_lint import InputError, Linter, read_draft
from followup_lint.reading.sources import read_bytes

LETTER = "Dear Dana,\n\nThank you for meeting with me.\n\nBest regards,\nSam Ito\n"


def _message(
    body: str = LETTER, cte: str | None = None, subject: str = "Thank you – Analyst interview"
) -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["From"] = "Sam Ito <sam@example.com>"
    msg["To"] = "Dana Lee <dana.lee@acme.com>"
    msg["Subject"] = subject
    msg["Date"] = "Fri, 13 Nov 2026 09:00:00 +0000"
    msg.set_content(body, cte=cte) if cte else msg.set_content(body)
    return msg


def test_string_bytes_path_and_message_agree(tmp_path: Path) -> None:
    text = "Subject: Thank you\n\n" + LETTER
    p = tmp_path / "draft.txt"
    p.write_text(text, encoding="utf-8")
    drafts = [read_draft(text), read_draft(text.encode()), read_draft(p)]
    assert {d.subject.text for d in drafts if d.subject} == {"Thank you"}
    assert all(d.signature and d.signature.text == "Sam Ito" for d in drafts)
    d = read_draft(_message())
    assert d.subject is not None and d.subject.text == "Thank you – Analyst interview"
    assert d.signature is not None and d.signature.text == "Sam Ito"


def test_plain_eml_is_linted_in_place(tmp_path: Path) -> None:
    # An ASCII subject: a non-ASCII one is RFC 2047-encoded on the wire, so it would be decoded.
    msg = _message(
        body="Dear Dana,\n\nThanks for [Company] time.\n\nBest regards,\nSam Ito\n",
        cte="8bit",
        subject="Thank you - Analyst interview",
    )
    raw = bytes(msg)
    p = tmp_path / "note.eml"
    p.write_bytes(raw)
    report = Linter().lint(p)
    assert report.basis == "source"
    [finding] = report.by_rule("unfilled-placeholder")
    text = raw.decode()
    assert text[finding.span.start : finding.span.end] == "[Company]"
    line = text.splitlines()[finding.span.line - 1]
    assert line[finding.span.column - 1 :].startswith("[Company]")


def test_quoted_printable_eml_is_decoded_and_says_so(tmp_path: Path) -> None:
    body = "Dear Dana,\n\nThank you for the café visit and for [Company] — it was lovely.\n\nBest regards,\nSam Ito\n"
    raw = bytes(_message(body=body, cte="quoted-printable"))
    assert b"=E2=80=94" in raw or b"=C3=A9" in raw  # really encoded
    report = Linter().lint(raw, path="note.eml")
    assert report.basis == "decoded-body"
    [finding] = report.by_rule("unfilled-placeholder")
    assert finding.basis == "decoded-body"


def test_base64_eml_with_encoded_subject() -> None:
    msg = _message(
        body="Dear Dana,\n\nMerci beaucoup für alles.\n\nBest regards,\nSam Ito\n",
        cte="base64",
        subject="Danke – Interview für die Stelle",
    )
    draft = read_draft(msg.as_bytes(), format="eml")
    assert draft.subject is not None and draft.subject.text == "Danke – Interview für die Stelle"
    assert "für alles" in draft.body_text


def test_multipart_prefers_plain_and_lists_attachments() -> None:
    msg = _message()
    msg.add_alternative("<p>Dear Dana, HTML version</p>", subtype="html")
    msg.add_attachment(
        b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="portfolio.pdf"
    )
    draft = read_draft(msg.as_bytes(), format="eml")
    assert "HTML version" not in draft.body_text and "Thank you for meeting" in draft.body_text
    assert [(a.filename, a.content_type) for a in draft.attachments] == [
        ("portfolio.pdf", "application/pdf")
    ]


def test_html_only_message_is_converted_to_text() -> None:
    msg = EmailMessage()
    msg["Subject"] = "Thank you"
    msg.set_content(
        "<html><body><p>Dear Dana,</p><p>Thank you <b>so much</b>.</p><p>Best regards,<br>Sam Ito</p></body></html>",
        subtype="html",
    )
    draft = read_draft(msg.as_bytes(), format="eml")
    assert (
        "<b>" not in draft.text and "Thank you **so much**" in draft.text
    ) or "Thank you so much" in draft.text


def test_latin1_charset_is_decoded() -> None:
    raw = (
        b"Subject: Merci\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
        b"Dear Ren\xe9e,\n\nThank you.\n\nBest,\nSam\n"
    )
    draft = read_draft(raw, format="eml")
    assert draft.greeting is not None and draft.greeting.text == "Dear Renée,"


def test_stdin_bytes_that_look_like_mail_are_read_as_eml() -> None:
    raw = bytes(_message())
    draft = read_bytes(raw)
    assert draft.format == "eml" and draft.headers["to"].startswith("Dana Lee")


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"\x00\x01\x02binary", None, "binary"),
        (b"Dear Dana,\n\n\xff\xfe broken", "text", "not valid UTF-8"),
        (
            b"Subject: x\nContent-Type: text/plain; charset=klingon\n\nbody",
            "eml",
            "unknown charset",
        ),
        (b"no headers at all, just words", "eml", "malformed email"),
    ],
)
def test_bad_input_is_an_input_error(data: bytes, fmt: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_draft(data, format=fmt, path="draft.eml" if fmt == "eml" else "draft.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_draft(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_draft(tmp_path)


def test_draft_file_is_never_modified(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    data = b"Subject: hey\r\n\r\nyo,\r\n[Name]\r\n"
    p.write_bytes(data)
    Linter().lint(p)
    assert p.read_bytes() == data


def test_unsupported_type() -> None:
    with pytest.raises(TypeError, match="cannot lint"):
        read_draft(42)  # type: ignore[arg-type]


def test_base64_body_raw_bytes_round_trip() -> None:
    # A sanity check that the fixture really is base64 on the wire.
    raw = _message(body="Dear Dana,\n\nHello.\n", cte="base64").as_bytes()
    assert base64.b64encode(b"Dear Dana,").decode()[:8].encode() in raw
