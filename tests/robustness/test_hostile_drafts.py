"""Hostile drafts through the real CLI in a subprocess: each ends with findings (exit 0/1) or
one clear input error (exit 2) within a time bound, never a traceback.

The bounds are generous (a loaded CI machine is slow); a regression to quadratic or worse
blows through them. Memory is bounded by the input limits these tests exercise (MAX_CHARS,
MAX_HEADER_CHARS, the MIME part and nesting limits).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.robustness.conftest import PYTHON

TIMEOUT = 60  # seconds per draft, start-up included


def _mail(headers: str, body: str) -> bytes:
    return (headers + "MIME-Version: 1.0\n\n" + body).encode("utf-8")


def _many_parts(n: int) -> bytes:
    parts = "".join(f"--B\nContent-Type: text/plain\n\npart {i}\n" for i in range(n))
    return _mail(
        "From: a@example.org\nSubject: Thank you\nContent-Type: multipart/mixed; boundary=B\n",
        parts + "--B--\n",
    )


def _nested_multipart(depth: int) -> bytes:
    head = "From: a@example.org\nSubject: Thank you\nMIME-Version: 1.0\n"
    head += "Content-Type: multipart/mixed; boundary=b0\n\n"
    body = "".join(
        f"--b{i - 1}\nContent-Type: multipart/mixed; boundary=b{i}\n\n" for i in range(1, depth)
    )
    body += f"--b{depth - 1}\nContent-Type: text/plain\n\nDear Dana,\n\nThank you.\n"
    body += "".join(f"--b{i}--\n" for i in range(depth - 1, -1, -1))
    return (head + body).encode()


def _nested_rfc822(depth: int) -> bytes:
    layer = "From: a@example.org\nSubject: Fwd\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n"
    return (layer * depth + "From: a@example.org\nSubject: inner\n\nhello\n").encode()


def _plain(body: str, subject: str = "Thank you - Data Analyst interview") -> bytes:
    return f"Subject: {subject}\n\nDear Ms. Okafor,\n\n{body}\n\nBest regards,\nPriya\n".encode()


_PARA = (
    "Thank you for taking the time to speak with me on Tuesday about the Data Analyst role. "
    "I enjoyed hearing how your team is moving its reporting to a shared warehouse."
)

CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    # name: (file name, contents)
    "10,000 MIME parts": ("parts.eml", lambda: _many_parts(10_000)),
    "10,000 nested multiparts": ("nested.eml", lambda: _nested_multipart(10_000)),
    "5,000 nested message/rfc822": ("rfc822.eml", lambda: _nested_rfc822(5_000)),
    "300 nested message/rfc822": ("rfc822-300.eml", lambda: _nested_rfc822(300)),
    "quote bomb (.txt)": (
        "quotes.txt",
        lambda: _plain(
            "Thanks.\n\n"
            + "> " * 10_000
            + "deep\n"
            + "".join("> " * i + "x\n" for i in range(1, 1000))
        ),
    ),
    "quote bomb (.eml)": (
        "quotes.eml",
        lambda: _mail(
            "From: a@example.org\nSubject: Thank you\n", "Dear Dana,\n\n" + "> " * 10_000 + "x\n"
        ),
    ),
    "a header of a million characters (.eml)": (
        "header.eml",
        lambda: _mail(
            "From: a@example.org\nSubject: " + "x" * 1_000_000 + "\n", "Dear Dana,\n\nThanks.\n"
        ),
    ),
    "40,000 recipients (.eml)": (
        "to.eml",
        lambda: _mail(
            "From: a@example.org\nTo: "
            + ", ".join(f"P{i} <p{i}@acme.com>" for i in range(40_000))
            + "\n",
            "Dear Dana,\n\nThanks.\n",
        ),
    ),
    "a subject line of a million characters (.txt)": (
        "subject.txt",
        lambda: _plain("Thanks.", "x" * 1_000_000),
    ),
    "5 MB plain draft": ("big.txt", lambda: _plain("\n\n".join([_PARA] * 30_000))),
    "500,000 '[' in a row": ("brackets.txt", lambda: _plain("[" * 500_000)),
    "many lines, then one CR": ("cr.txt", lambda: _plain("x\n" * 100_000 + "\r")),
    "10,000 paragraphs": ("paras.txt", lambda: _plain("\n\n".join(["Thank you."] * 10_000))),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_draft(tmp_path: Path, name: str) -> None:
    filename, make = CASES[name]
    path = tmp_path / filename
    path.write_bytes(make())
    result = subprocess.run(
        [PYTHON, "-m", "followup_lint", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(path) in lines[0], result.stderr[-2000:]
    else:
        assert '"files"' in result.stdout
        assert "failed" not in result.stdout, "a rule failed: " + result.stdout[-2000:]
