"""The layout parser on every layout form of issue 9: where the greeting, the sign-off, the
signature, the paragraphs and the letterhead are, as spans into the original text."""

from __future__ import annotations

import pytest

from followup_lint.reading.draft import Draft, parse_text


def _offsets_hold(d: Draft) -> None:
    parts = [d.subject, d.greeting, d.closing, d.signature, *d.paragraphs, *d.letterhead]
    for p in [*parts, *d.trailer, *d.quoted]:
        if p is not None:
            assert d.text[p.start : p.end] == p.text
    for s in d.slots:
        assert d.text[s.start : s.end] == s.text


def _read(text: str) -> Draft:
    d = parse_text(text)
    _offsets_hold(d)
    return d


def _g(d: Draft) -> str | None:
    return d.greeting.text if d.greeting else None


# -- greetings ---------------------------------------------------------------------------------

LETTER = (
    "Subject:\n\nPriya Natarajan\n12 Elm Road\nLeeds LS1 4AB\n\n3 March 2026\n\n"
    "Mr. Tunde Oduya\nNorthwind Ltd\n4 Quay Street\n\nDear Mr. Oduya:\n\n"
    "Thank you for meeting me on Monday about the planning role.\n\n"
    "Sincerely,\nPriya Natarajan\n"
)


def test_greeting_below_address_blocks_and_a_date_line() -> None:
    d = _read(LETTER)
    assert _g(d) == "Dear Mr. Oduya:"
    assert [p.text.splitlines()[0] for p in d.letterhead] == [
        "Priya Natarajan",
        "3 March 2026",
        "Mr. Tunde Oduya",
    ]
    assert len(d.paragraphs) == 1  # the address lines are not paragraphs


def test_reference_line_under_a_letter_greeting_is_letterhead() -> None:
    d = _read("Dear Sir,\n\nRE: Thank you for the interview\n\nI enjoyed meeting the team.\n")
    assert _g(d) == "Dear Sir,"
    assert d.letterhead[-1].text.startswith("RE:")
    assert [p.text for p in d.paragraphs] == ["I enjoyed meeting the team."]


def test_letter_printed_on_one_line() -> None:
    d = _read(
        "Subject:\n\nJane Roe May 2, 2024 Dear Ms. Pryor: I write to ask about the editor post. "
        "I remain keen on it. Yours truly, Jane Roe"
    )
    assert _g(d) == "Dear Ms. Pryor:"
    assert d.letterhead[0].text == "Jane Roe May 2, 2024"
    assert d.closing is not None and d.closing.text == "Yours truly"
    assert d.signature is not None and d.signature.text == "Jane Roe"
    assert d.paragraphs[-1].text.endswith("I remain keen on it.")


@pytest.mark.parametrize(
    ("first_line", "greeting", "rest"),
    [
        ("Hi Dana, great to meet you yesterday.", "Hi Dana,", "great to meet you yesterday."),
        ("Dear Sir, Madam,", "Dear Sir, Madam,", None),
        ("Dear Sir or Madam:", "Dear Sir or Madam:", None),
        ("Dear Hiring Team", "Dear Hiring Team", None),
        ("To whom it may concern,", "To whom it may concern,", None),
        ("Hello,", "Hello,", None),
        ("Hello Marta", "Hello Marta", None),
        ("Good morning Ms. Okafor,", "Good morning Ms. Okafor,", None),
        ("To the Hiring Committee:", "To the Hiring Committee:", None),
        ("Grace,", "Grace,", None),
        ("**Dear [Contact Name]**", "Dear [Contact Name]", None),
        ("Hi Dana, Sam and Lee,", "Hi Dana, Sam and Lee,", None),
        # A name (with or without a title) and a dash or, after a title, a colon.
        ("Prof. Lindqvist –", "Prof. Lindqvist –", None),
        ("Grace --", "Grace --", None),
        ("Mr. Haddad:", "Mr. Haddad:", None),
        # The opener, a comma, then the name: the name is still the greeting's.
        ("Hello, Grace!", "Hello, Grace!", None),
        ("Hi, Ms. Okafor", "Hi, Ms. Okafor", None),
        ("Hi, Dana, great to meet you.", "Hi, Dana,", "great to meet you."),
        ("Hello, Thanks for the tour!", "Hello,", "Thanks for the tour!"),
    ],
)
def test_greeting_forms(first_line: str, greeting: str, rest: str | None) -> None:
    d = _read(
        f"Subject: Thanks\n\n{first_line}\n\nThank you for the tour of the lab.\n\nBest,\nSam"
    )
    assert _g(d) == greeting
    texts = [p.text for p in d.paragraphs]
    if rest:
        assert texts[0] == rest
    else:
        assert texts == ["Thank you for the tour of the lab."]


def test_a_first_sentence_is_not_a_greeting() -> None:
    d = _read("Subject: x\n\nMorning meetings at Acme were a pleasure, and I learned a lot.\n")
    assert d.greeting is None


def test_a_heading_with_a_colon_is_not_a_greeting() -> None:
    d = _read("Subject: x\n\nHighlights:\n\nThe tour of the lab and the talk with Ana.\n")
    assert d.greeting is None


# -- sign-offs and signatures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ending", "closing", "signature"),
    [
        ("I can send it over. Best, Sam", "Best", "Sam"),
        ("I can send it over.\n\nCheers, Sam Ito", "Cheers,", "Sam Ito"),
        ("I can send it over.\n\nKind regards\n\nSam Ito", "Kind regards", "Sam Ito"),
        ("I can send it over.\n\nThank you for your consideration,\nSam Ito", None, "Sam Ito"),
        ("I can send it over. Best regards, [Your Name]", "Best regards", "[Your Name]"),
        ("I can send it over. Best regards.", "Best regards", None),
        (
            "I can send it over.\n\nWarmly -- Sam Ito\nsam@ito.example",
            "Warmly --",
            "Sam Ito\nsam@ito.example",
        ),
        ("I can send it over.\n\nAll the best – Sam Ito", "All the best –", "Sam Ito"),
    ],
)
def test_sign_off_forms(ending: str, closing: str | None, signature: str | None) -> None:
    d = _read(f"Subject: Thanks\n\nHi Dana,\n\nThank you for the tour.\n\n{ending}")
    assert d.closing is not None
    if closing:
        assert d.closing.text == closing
    assert (d.signature.text if d.signature else None) == signature
    assert d.paragraphs[-1].text == "I can send it over."


def test_name_line_alone_is_a_signature_without_sign_off() -> None:
    d = _read("Subject: Thanks\n\nHi Dana,\n\nThank you for the tour.\n\nSam Ito\n")
    assert d.closing is None
    assert d.signature is not None and d.signature.text == "Sam Ito"
    assert [line.kind for line in d.signature_lines] == ["name"]


def test_signature_block_lines_are_typed() -> None:
    d = _read(
        "Subject: Thanks\n\nHi Dana,\n\nThank you for the tour.\n\nBest regards,\nSam Ito\n"
        "Senior Analyst, Northwind\n+1 555 201 3344\nsam.ito@example.org\n"
        "linkedin.com/in/samito\n12 Elm Road\n"
    )
    assert [line.kind for line in d.signature_lines] == [
        "name",
        "title",
        "phone",
        "email",
        "profile",
        "address",
    ]


def test_details_on_one_line_are_typed_each() -> None:
    d = _read(
        "Subject: Thanks\n\nHi Dana,\n\nThank you for the tour.\n\nBest regards,\n"
        "Ines Duarte | +1 555 201 3344 | ines@duarte.example\nPortfolio: inesduarte.studio\n"
    )
    assert [(line.kind, line.part.text) for line in d.signature_lines] == [
        ("name", "Ines Duarte"),
        ("phone", "+1 555 201 3344"),
        ("email", "ines@duarte.example"),
        ("profile", "Portfolio: inesduarte.studio"),
    ]


def test_a_label_without_a_site_is_not_a_profile() -> None:
    d = _read(
        "Subject: Thanks\n\nHi Dana,\n\nThank you for the tour.\n\nBest regards,\n"
        "Ines Duarte\nWebsite: coming soon\n"
    )
    assert "profile" not in [line.kind for line in d.signature_lines]


def test_phone_number_as_the_last_line_is_contact_details() -> None:
    d = _read(
        "Subject: x\n\nHello Marta\n\nThank you.\nIt was great.\n\nKind regards\nTomas Berg\n555 0190 4417"
    )
    assert [line.kind for line in d.signature_lines] == ["name", "phone"]


def test_sent_from_my_phone_is_a_trailer() -> None:
    d = _read("Subject: x\n\nHi Dana,\n\nThank you.\n\nBest,\nSam\n\nSent from my iPhone\n")
    assert [p.text for p in d.trailer] == ["Sent from my iPhone"]
    assert d.signature is not None and d.signature.text == "Sam"


def test_signature_separator() -> None:
    d = _read("Subject: x\n\nHi Dana,\n\nThank you for the tour.\n\n-- \nSam Ito\n555-201-3344")
    assert d.closing is None
    assert d.signature is not None and d.signature.text.startswith("Sam Ito")


def test_postscript_after_the_signature_is_body_text() -> None:
    d = _read(
        "Subject: x\n\nHi Dana,\n\nThank you for the tour.\n\nBest regards,\nSam\n\n"
        "P.S. I would still love any feedback.\n"
    )
    assert d.closing is not None and d.closing.text == "Best regards,"
    assert d.signature is not None and d.signature.text == "Sam"
    assert d.paragraphs[-1].text == "P.S. I would still love any feedback."


def test_truncated_draft_gets_no_invented_sign_off() -> None:
    d = _read("Subject: x\n\nDear Mr. Cole,\n\nThank you for the interview. I feel the post would")
    assert d.closing is None and d.signature is None
    assert len(d.paragraphs) == 1


def test_thank_you_as_the_first_line_is_body() -> None:
    d = _read("Dear Dana,\n\nThank you.\n\n-- \nSam Ito")
    assert d.closing is None
    assert [p.text for p in d.paragraphs] == ["Thank you."]


# -- paragraphs ----------------------------------------------------------------------------------


def test_single_line_breaks_between_sentences_split_a_draft_without_blank_lines() -> None:
    d = _read(
        "Subject: x\nDear Ms. Lee,\nThank you for the interview.\nI enjoyed the tour of the lab,\n"
        "which was larger than I expected.\nI look forward to hearing from you.\nBest,\nSam"
    )
    assert [p.text.replace("\n", " ") for p in d.paragraphs] == [
        "Thank you for the interview.",
        "I enjoyed the tour of the lab, which was larger than I expected.",
        "I look forward to hearing from you.",
    ]


def test_single_line_breaks_are_not_paragraphs_when_the_draft_has_blank_lines() -> None:
    d = _read(
        "Subject: x\n\nDear Ms. Lee,\n\nThank you for the interview.\nI enjoyed the tour.\n\n"
        "Best,\nSam"
    )
    assert len(d.paragraphs) == 1


def test_html_paragraphs_and_line_breaks() -> None:
    d = _read(
        "Subject: x\n\n<p>Hi Greg</p>\n<p>Thanks for meeting me today.</p>\n"
        "<p>I enjoyed the tour.</p>\n\n<p>All the best</p>\n<p>Ben Carver<br>\n"
        "ben@example.com<br>\n555-555-0148</p>"
    )
    assert _g(d) == "Hi Greg"
    assert [p.text for p in d.paragraphs] == ["Thanks for meeting me today.", "I enjoyed the tour."]
    assert d.closing is not None and d.closing.text == "All the best"
    assert [line.kind for line in d.signature_lines] == ["name", "email", "phone"]


def test_markdown_backslash_breaks() -> None:
    d = _read(
        "Subject: x\n\nDear Dana,\n\nThank you for the offer.\n\nSincerely,\\\n**Sam Ito**\\\n**sam@example.org**"
    )
    assert d.closing is not None and d.closing.text.startswith("Sincerely,")
    assert [line.kind for line in d.signature_lines] == ["name", "email"]


def test_quoted_reply_is_not_the_senders_text() -> None:
    d = _read(
        "Subject: Re: x\n\nHi Colin,\n\nThanks for the update.\n\nRuth Ellison\n\n"
        "On Mon, Oct 7, 2024 at 4:12 PM Colin <c@example.org> wrote:\n> Hi Ruth,\n> See you.\n"
    )
    assert d.signature is not None and d.signature.text == "Ruth Ellison"
    assert [p.text for p in d.paragraphs] == ["Thanks for the update."]
    assert d.quoted and d.quoted[0].text.startswith("On Mon")


def test_a_long_reference_line_above_the_greeting_is_letterhead() -> None:
    d = _read(
        "Subject:\n\nLena Ortiz\n4 Birch Close\n\n14 May 2026\n\n"
        "RE: Application for the position of Senior Planning Officer (reference 2291)\n\n"
        "Dear Hiring Manager:\n\nThank you for the interview on Monday.\n\nYours faithfully,\n\n"
        "Lena Ortiz"
    )
    assert _g(d) == "Dear Hiring Manager:"
    assert d.letterhead[-1].text.startswith("RE: Application")
    assert [p.text for p in d.paragraphs] == ["Thank you for the interview on Monday."]
