"""Properties that hold for ANY text or .eml bytes, checked with hypothesis.

For any text: linting never raises (every rule on, strict), each finding's span lies inside the
source, its line/column agree with its offsets (recounted here from scratch), the same input
gives the same findings twice, and the text with the findings' fixes applied lints again.
For any bytes read as an .eml: the only exception is InputError.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup_lint.model.errors import InputError
from followup_lint.model.report import Finding, Report
from followup_lint.reading.sources import read_bytes
from tests.robustness.conftest import positions, robust, strict_linter

# Pieces that steer random text into the shapes the parser and the rules care about.
_PIECES = [
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "Subject: ",
    "To: Dana Lee <dana@acme.com>\n",
    "Cc: , <>, @x\n",
    "Date: Tue, 10 Nov 2026 16:05:00 +0000\n",
    "Dear Dana,",
    "Hi there -",
    "Thank you for the interview about the analyst role.",
    "I am just checking in!!!",
    "Best,\nLee",
    "Sincerely,",
    "-- \n",
    "> ",
    "On Mon, Dana wrote:\n",
    "[Interviewer's Name]",
    "{{ company }}",
    "the the",
    "i think its ok",
    "+1 (555) 010-0199",
    "https://www.linkedin.com/in/lee",
    "\t",
    "\x00",
    "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
    "\u200b\ufeff",
    "e\u0301",  # a combining accent
    "👩🏽‍💻",  # an emoji ZWJ sequence: several code points
    "\U0010ffff",
]

_long_lines = st.builds(
    lambda ch, n: ch * n,
    st.sampled_from(["a", " ", "[", "!", "x ", "> ", "Aa", "\u00e9"]),
    st.integers(min_value=200, max_value=5_000),
)

texts = st.lists(
    st.one_of(
        st.text(max_size=40),  # any code points, control characters included
        st.sampled_from(_PIECES),
        _long_lines,
    ),
    max_size=25,
).map("".join)


def check_spans(text: str, report: Report) -> None:
    table = positions(text)
    for f in report.findings:
        spans = [f.span, *(fix.span for fix in f.fixes)]
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text), (f.rule, span, len(text))
            assert (span.line, span.column) == table[span.start], (f.rule, span)
            assert (span.end_line, span.end_column) == table[span.end], (f.rule, span)
            # Never between the two characters of a CRLF line ending.
            for off in (span.start, span.end):
                assert not (0 < off < len(text) and text[off - 1 : off + 1] == "\r\n"), (
                    f.rule,
                    span,
                )
        assert f.message.strip(), f.rule


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Apply the first fix of each finding, from the end, skipping fixes that overlap."""
    fixes = sorted(
        (f.fixes[0] for f in findings if f.fixes),
        key=lambda x: (x.span.start, x.span.end),
        reverse=True,
    )
    out = text
    limit = len(text) + 1
    for fix in fixes:
        if fix.span.end > limit or (fix.span.end == limit and fix.span.start == limit):
            continue  # overlaps (or touches at the same point) a fix already applied
        out = out[: fix.span.start] + fix.replacement + out[fix.span.end :]
        limit = fix.span.start
    return out


def _as_dicts(report: Report) -> list[dict[str, object]]:
    return [f.to_dict() for f in report.findings]


@robust(max_examples=60)
@given(texts)
def test_any_text_lints_with_valid_spans(text: str) -> None:
    linter = strict_linter()
    report = linter.lint(text)
    check_spans(text, report)
    again = linter.lint(text)
    assert _as_dicts(again) == _as_dicts(report)  # deterministic
    assert again.kind == report.kind


@robust(max_examples=40)
@given(texts)
def test_fixed_text_lints_again(text: str) -> None:
    linter = strict_linter()
    report = linter.lint(text)
    fixed = apply_fixes(text, report.findings)
    check_spans(fixed, linter.lint(fixed))


_EML_PIECES = [
    b"\r\n",
    b"\n",
    b"\n\n",
    b"From: Lee <lee@example.org>\n",
    b'To: "Lee, Dana" <dana@acme.com>, Sam <sam@acme.com>\n',
    b"To: undisclosed-recipients:;\n",
    b"From: a: b;\n",
    b"Subject: Thank you\n",
    b"Subject: =?utf-8?q?Thank_you_=E2=80=93_role?=\n",
    b"Subject: =?x-unknown?b?AAAA?=\n",
    b"Date: Mon, 99 Foo 2026 99:99:99 +9999\n",
    b"MIME-Version: 1.0\n",
    b"Content-Type: multipart/mixed; boundary=B\n",
    b'Content-Type: multipart/alternative; boundary=""\n',
    b"Content-Type: text/plain; charset=utf-8\n",
    b"Content-Type: text/plain; charset=idna\n",
    b"Content-Type: text/plain; charset=utf-16\n",
    b"Content-Type: text/html; charset=latin-1\n",
    b"Content-Type: message/rfc822\n",
    b"Content-Transfer-Encoding: base64\n",
    b"Content-Transfer-Encoding: quoted-printable\n",
    b'Content-Disposition: attachment; filename="cv.pdf"\n',
    b"\n--B\n",
    b"\n--B--\n",
    b"\t folded continuation\n",
    b"Dear Dana,\n\nThank you.\n\nBest,\nLee\n",
    b"<p>Dear Dana,</p><p>Thanks</p>",
    b"SGVsbG8gd29ybGQ=",
    b"=E2=80=93=\n",
    b"\xff\xfe\x80",
    b"\x00",
]

eml_bytes = st.lists(
    st.one_of(st.binary(max_size=24), st.sampled_from(_EML_PIECES)), max_size=30
).map(b"".join)


@robust(max_examples=200)
@given(eml_bytes)
def test_any_eml_bytes_read_or_input_error(data: bytes) -> None:
    try:
        draft = read_bytes(data, format="eml")
    except InputError as exc:
        assert str(exc).startswith("<input>: ")  # names what it read
        return
    for part in [*draft.parts("whole"), *draft.quoted, *draft.header_parts.values()]:
        assert draft.text[part.start : part.end] == part.text
    report = strict_linter().lint(draft)
    check_spans(draft.text, report)
