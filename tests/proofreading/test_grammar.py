"""The pattern-based grammar slips: each one on sentences that must trigger it and on correct
English that looks close and must not (beyond the examples in the rule files)."""

from __future__ import annotations

import pytest

from tests.conftest import linter_for


def draft(body: str) -> str:
    return f"Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"


def fired(rule: str, body: str) -> list[str]:
    text = draft(body)
    report = linter_for((rule,)).lint(text)
    return [text[f.span.start : f.span.end] for f in report.by_rule(rule)]


CASES = {
    "article-a-an": (
        [
            "It was a excellent day.",
            "We had an great talk.",
            "She gave me an useful tip.",
            "That was an one-time event.",
            "I waited a hour.",
            "It is a honor to be considered.",
        ],
        [
            "It was an excellent day and a great talk.",
            "She gave me a useful tip, a unique view and a European angle.",
            "It was an honor, an honest chat and an hour well spent.",
            "I would welcome an unimportant detail or an uninterrupted day.",
            "Plan A or Plan B; I got an A and a B.",
            "We discussed an historic merger and a hotel.",
            "I hold an MBA and a PhD, and wrote an SQL guide and a URL parser.",
            "A one-off, a once-in-a-decade chance, a user story and a union rep.",
            "My portfolio is at https://a.example.com/a/apple.",
        ],
    ),
    "repeated-word": (
        ["I am am excited.", "Thank you for the\nthe tour.", "It is is a great fit."],
        [
            "She had had a long day.",
            "I know that that matters.",
            "We said bye bye and ha ha.",
            "We met Duran Duran fans.",
            "The test ran; the team agreed.",
            "See https://example.com/docs/docs for more.",
        ],
    ),
    "lowercase-i": (
        ["Then i left.", "i'd love to.", "Yes, i've seen it."],
        [
            "I, i.e. me, agree.",
            "See (i) and (ii).",
            "Wi-Fi and iPhone and i18n.",
            "Email me at i@example.com.",
        ],
    ),
    "sentence-start-lowercase": (
        ["Thanks. we should talk.", "Great! let me know.", "Really? yes."],
        [
            "We met at 9 a.m. yesterday.",
            "We discussed tools, e.g. dbt and Airflow.",
            "Wait... then it worked.",
            "Thanks. iPhone apps came up.",
            "Ask vs. tell matters.",
        ],
    ),
    "missing-space": (
        ["Thanks,Dana.", "It went well.Thanks again.", "Python,SQL and Go."],
        [
            "It costs 1,000 dollars, 3.5 hours.",
            "I use Node.js and Vue.js daily.",
            "See e.g. the appendix, i.e. page two.",
            "My site is example.com and https://example.com/a,b.",
            "I sent report.pdf and the U.S. figures.",
        ],
    ),
    "space-before-punctuation": (
        ["Thanks , Dana.", "It went well .", "Really ?"],
        [
            "Thanks, Dana.",
            "Well ... maybe.",
            "Great chat :) see you.",
            "The range is 3 - 5 days.",
        ],
    ),
    "its-apostrophe": (
        [
            "Its a great team.",
            "Its been great.",
            "The product has it's own API.",
            "In it's current form.",
        ],
        [
            "It's a great team and its culture is strong.",
            "The company and its founding team.",
            "Its going rate is fair.",
            "It's time and its time zone.",
        ],
    ),
    "your-apostrophe": (
        ["Thanks for you're help.", "I think your a great mentor.", "Your going to love it."],
        [
            "Thanks for your help; you're a great mentor.",
            "If you're free, let me know.",
            "Thank you for your welcome.",
            "Your being there helped.",
            "You're welcome to call.",
        ],
    ),
    "introductory-clause-comma": (
        [
            "When we spoke on Monday you mentioned a second round.",
            "If the timing works for you I would love to visit the lab.",
            "Because I care about accessibility I read your audit twice.",
            "Until I hear from you I will keep Friday free.",
            "When I told them we would be late they laughed.",
        ],
        [
            "When we spoke on Monday, you mentioned a second round.",
            "Since last week I have been reading about the product.",
            "After meeting the team I was even keener on the role.",
            "Once again I thank you for your time.",
            "Although I know you are busy, I wanted to follow up.",
            "If you would like I can send more samples.",
            "I know that when you are ready we can start.",
            "If so we can meet on Friday.",
        ],
    ),
    "unclosed-aside": (
        [
            "I was, to be honest a little nervous.",
            "The offer is, moreover exactly what I hoped for.",
            "Your feedback, along with your time is much appreciated.",
            "My degree, together with four years in retail has prepared me well.",
        ],
        [
            "I was, to be honest, a little nervous.",
            "Thanks, in fact I already have the forms.",
            "I enjoyed the tour, as well as the lunch, and would love to return.",
            "I will send the slides, along with the notes that we have taken.",
            "My degree, together with four years in retail, has prepared me well.",
            "I look forward to the next steps, as well as meeting the rest of the team.",
            "I met the team, in particular the data group.",
        ],
    ),
    "embedded-question-order": (
        [
            "Could you let me know when will the panel meet?",
            "I wonder why did the date move.",
            "I'd like to find out what are the next steps.",
        ],
        [
            "Could you let me know when the panel will meet?",
            "When will the panel meet? Why did the date move?",
            "I know what is expected, and I know how the team works.",
            "Let me know when is convenient for you.",
        ],
    ),
    "looking-forward-to": (
        ["I look forward hearing from you.", "We are looking forward meeting the team."],
        ["I look forward to hearing from you.", "Looking forward, planning matters."],
    ),
    "fused-sentence": (
        [
            "Thanks to you I met the team on Friday it was a great day. We met on Monday we talked.",
            "I sent the forms to you yesterday I hope they arrived safely.",
            "I called on Tuesday I wanted to ask about the start date.",
        ],
        [
            "I sent the forms to you yesterday. I hope they arrived safely.",
            "I knew when I met you I wanted this job.",
            "The person who interviewed me I think was the team lead.",
            "Everything you told me I found useful.",
            "I will tell you I am ready.",
            "We spoke on Monday about the role and I said I would send samples.",
            "My sample is at `git log today I wrote it` on the wiki page.",
        ],
    ),
    "there-is-plural": (
        [
            "Let me know if there is any form or documents to sign.",
            "There was no agenda or slides before the call.",
        ],
        [
            "There is a form or two to sign.",
            "There is a desk and two chairs.",
            "There are any forms or documents to sign.",
            "There is one form or another process step.",
        ],
    ),
}


@pytest.mark.parametrize(
    ("rule", "body"),
    [(rule, body) for rule, (trigger, _) in CASES.items() for body in trigger],
)
def test_triggers(rule: str, body: str) -> None:
    assert fired(rule, body), f"{rule} should fire on {body!r}"


@pytest.mark.parametrize(
    ("rule", "body"),
    [(rule, body) for rule, (_, passing) in CASES.items() for body in passing],
)
def test_correct_english_that_looks_close(rule: str, body: str) -> None:
    assert fired(rule, body) == [], f"{rule} should not fire on {body!r}"


def test_fix_texts() -> None:
    text = draft("It was a excellent day. Then i left the the room.")
    report = linter_for(("proofreading",)).lint(text)
    fixes = {f.rule: (f.fixes[0].replacement, f.fixes[0].safe) for f in report.findings}
    assert fixes["article-a-an"] == ("an", False)
    assert fixes["lowercase-i"] == ("I", True)
    assert fixes["repeated-word"] == ("", True)
    # Applying the repeated-word fix leaves one "the" and one space.
    rw = report.by_rule("repeated-word")[0].fixes[0]
    fixed = text[: rw.span.start] + rw.replacement + text[rw.span.end :]
    assert "left the room." in fixed


def test_clause_commas_point_at_the_gap_and_fix_it() -> None:
    text = draft("Though I said I was open to travel I did not expect three flights a week.")
    report = linter_for(("introductory-clause-comma",)).lint(text)
    (finding,) = report.findings
    assert text[finding.span.start : finding.span.end] == "travel I"
    fix = finding.fixes[0]
    fixed = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
    assert "open to travel, I did" in fixed

    # "told them we would": the pronoun after "told them" opens the clause "told" takes.
    text = draft("When I told them we would be late they laughed.")
    (finding,) = linter_for(("introductory-clause-comma",)).lint(text).findings
    assert text[finding.span.start : finding.span.end] == "late they"

    text = draft("My design work, as well as my research skills would help the team.")
    (finding,) = linter_for(("unclosed-aside",)).lint(text).findings
    fix = finding.fixes[0]
    fixed = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
    assert "research skills, would help" in fixed


def test_body_continuing_the_greeting_line_is_not_a_new_sentence() -> None:
    text = "Subject: Thanks\n\nHi Dana, thanks for the call. talk soon.\n\nBest,\nLee"
    report = linter_for(("sentence-start-lowercase",)).lint(text)
    assert [text[f.span.start : f.span.end] for f in report.findings] == ["talk"]
