"""The charset of an .eml body: a Latin-1 (or windows-1252) body that declares no charset is
read as such, not refused as "not valid utf-8 (its declared charset)"; a body that breaks the
charset it does declare is refused with a message that says which charset was declared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import lint
from followup_lint.model.errors import InputError
from followup_lint.reading.sources import decode_body, read_draft

BODY = (
    "Dear Ms. Müller,\n\nThank you for the chat at the café \u2013 I enjoyed it.\n\nBest,\nRenée\n"
)
LATIN1_BODY = BODY.replace("\u2013", "-")
HEADERS = "Subject: Thank you\nFrom: renee@example.com\nTo: anna@example.com\nMIME-Version: 1.0\n"


def _eml(content_type: str | None, body: bytes, cte: str = "8bit") -> bytes:
    ctype = f"Content-Type: {content_type}\n" if content_type else ""
    head = f"{HEADERS}{ctype}Content-Transfer-Encoding: {cte}\n\n"
    return head.encode("ascii") + body


@pytest.mark.parametrize("content_type", [None, "text/plain", "text/plain; charset=us-ascii"])
def test_undeclared_8bit_body_is_read_as_windows_1252(content_type: str | None) -> None:
    draft = read_draft(_eml(content_type, BODY.encode("cp1252")), path="n.eml", format="eml")
    assert "Müller" in draft.text and "café \u2013 I" in draft.text and "Renée" in draft.text


def test_undeclared_utf8_body_is_read_as_utf8() -> None:
    draft = read_draft(_eml("text/plain", BODY.encode("utf-8")), path="n.eml", format="eml")
    assert "Müller" in draft.text and "Renée" in draft.text


def test_quoted_printable_latin1_without_charset() -> None:
    body = b"Dear Ms. M=FCller,\n\nThank you.\n\nBest,\nRen=E9e\n"
    draft = read_draft(_eml("text/plain", body, cte="quoted-printable"), path="n.eml", format="eml")
    assert "Müller" in draft.text and "Renée" in draft.text


def test_bytes_undefined_in_windows_1252_are_kept() -> None:
    assert decode_body(b"a\x81b\x9dc\xe9", None, "n.eml") == "a\x81b\x9dc\xe9"


def test_body_breaking_its_declared_charset_says_so_truthfully() -> None:
    raw = _eml("text/plain; charset=utf-8", LATIN1_BODY.encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_draft(raw, path="n.eml", format="eml")
    text = str(err.value)
    assert text.startswith("n.eml: ") and "utf-8" in text and "declares" in text


def test_unknown_declared_charset() -> None:
    with pytest.raises(InputError, match="unknown charset 'x-nonesuch'"):
        read_draft(_eml("text/plain; charset=x-nonesuch", b"Hi\n"), path="n.eml", format="eml")


def test_latin1_note_lints_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "note.eml").write_bytes(_eml("text/plain", LATIN1_BODY.encode("latin-1")))
    r = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "note.eml", "--fail-on", "never"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "utf-8" not in r.stderr
    assert "not valid" not in r.stdout + r.stderr
    report = lint(tmp_path / "note.eml")
    assert report.findings  # linted, not refused
    assert not any("\ufffd" in f.message or "\u00c3" in f.message for f in report.findings)
    assert "Müller" in read_draft(tmp_path / "note.eml").text
