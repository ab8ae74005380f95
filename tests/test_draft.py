"""Splitting a draft into parts: every part's text is exactly the slice its offsets name."""

from __future__ import annotations

import pytest

from followup_lint.reading.draft import Draft, parse_text


def _check_offsets(d: Draft) -> None:
    parts = [d.subject, d.greeting, *d.paragraphs, d.closing, d.signature, *d.quoted]
    for p in parts:
        if p is not None:
            assert d.text[p.start : p.end] == p.text, p


def test_full_letter() -> None:
    text = (
        "Subject: Thank you – Analyst interview\nTo: Dana Lee <dana@acme.com>\n\n"
        "Dear Ms. Lee,\n\nThank you for Tuesday.\nIt was great.\n\nI look forward to it.\n\n"
        "Best regards,\nLee Park\n555-201-3344\n"
    )
    d = parse_text(text)
    _check_offsets(d)
    assert d.subject is not None and d.subject.text == "Thank you – Analyst interview"
    assert d.headers["to"] == "Dana Lee <dana@acme.com>"
    assert d.greeting is not None and d.greeting.text == "Dear Ms. Lee,"
    assert [p.text for p in d.paragraphs] == [
        "Thank you for Tuesday.\nIt was great.",
        "I look forward to it.",
    ]
    assert d.closing is not None and d.closing.text == "Best regards,"
    assert d.signature is not None and d.signature.text == "Lee Park\n555-201-3344"
    assert d.addresses("to")[0].domain == "acme.com"


def test_greeting_on_the_same_line_as_the_body() -> None:
    d = parse_text("Hi Dana, thanks for the chat today.\n\nCheers,\nSam")
    _check_offsets(d)
    assert d.greeting is not None and d.greeting.text == "Hi Dana,"
    assert d.paragraphs[0].text == "thanks for the chat today."


def test_closing_and_name_on_one_line() -> None:
    d = parse_text("Dear Dana,\n\nThank you.\n\nBest, Jordan")
    _check_offsets(d)
    assert d.closing is not None and d.closing.text == "Best,"
    assert d.signature is not None and d.signature.text == "Jordan"


def test_quoted_reply_is_set_aside() -> None:
    text = (
        "Dear Dana,\n\nThanks for the update.\n\nBest regards,\nSam\n\n"
        "On Mon, 9 Nov 2026 at 10:00, Dana Lee <dana@acme.com> wrote:\n> We will decide soon.\n> Dana\n"
    )
    d = parse_text(text)
    _check_offsets(d)
    assert d.signature is not None and d.signature.text == "Sam"
    assert len(d.quoted) == 1 and "We will decide soon." in d.quoted[0].text
    assert "decide" not in d.body_text


def test_inline_quote_lines_are_not_body() -> None:
    d = parse_text("Dear Dana,\n\n> Can you start in May?\nYes, May works.\n\nBest regards,\nSam")
    _check_offsets(d)
    assert [p.text for p in d.paragraphs] == ["Yes, May works."]
    assert d.quoted[0].text == "> Can you start in May?"


def test_forwarded_block_is_set_aside() -> None:
    d = parse_text(
        "Dear Dana,\n\nSee below.\n\nThanks,\nSam\n\n---------- Forwarded message ---------\nFrom: x\n\nold text"
    )
    assert "old text" not in d.body_text and d.quoted


def test_signature_delimiter_without_closing() -> None:
    d = parse_text("Dear Dana,\n\nThank you.\n\n-- \nSam Ito\n555-201-3344")
    _check_offsets(d)
    assert d.signature is not None and d.signature.text.startswith("Sam Ito")
    assert d.closing is None


def test_crlf_and_lone_cr_line_endings() -> None:
    d = parse_text("Subject: Hi there\r\n\r\nDear Dana,\r\n\r\nThank you.\r\n\r\nBest,\r\nSam\r\n")
    _check_offsets(d)
    assert d.subject is not None and d.subject.text == "Hi there"
    assert d.closing is not None and d.signature is not None and d.signature.text == "Sam"
    d2 = parse_text("Dear Dana,\r\rThank you.\r\rBest,\rSam")
    _check_offsets(d2)
    assert d2.signature is not None and d2.signature.text == "Sam"


def test_folded_header() -> None:
    d = parse_text(
        "Subject: Thank you for the interview\n  for the Analyst role\n\nDear Dana,\n\nThanks."
    )
    assert d.headers["subject"] == "Thank you for the interview for the Analyst role"
    _check_offsets(d)


def test_text_without_headers_is_all_letter() -> None:
    d = parse_text("Thank you: it was a good day.\n\nSam")
    assert d.subject is None and not d.headers
    assert d.paragraphs[0].text.startswith("Thank you:")


@pytest.mark.parametrize("text", ["", "\n\n\n", "Subject: x", "   ", ">\n>>", "Best,", "Dear,"])
def test_degenerate_drafts_parse(text: str) -> None:
    _check_offsets(parse_text(text))


@pytest.mark.parametrize(
    "scope", ["subject", "greeting", "body", "closing", "signature", "message", "whole"]
)
def test_every_scope_is_known(scope: str) -> None:
    assert isinstance(
        parse_text("Subject: a\n\nDear Dana,\n\nHi.\n\nBest,\nSam").parts(scope), list
    )


def test_unknown_scope_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown scope"):
        parse_text("x").parts("footer")
