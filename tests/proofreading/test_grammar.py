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


def test_body_continuing_the_greeting_line_is_not_a_new_sentence() -> None:
    text = "Subject: Thanks\n\nHi Dana, thanks for the call. talk soon.\n\nBest,\nLee"
    report = linter_for(("sentence-start-lowercase",)).lint(text)
    assert [text[f.span.start : f.span.end] for f in report.findings] == ["talk"]
