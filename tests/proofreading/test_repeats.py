"""One finding per slip: proofreading findings of several rules on the same words."""

from __future__ import annotations

import pytest

from followup_lint import lint
from followup_lint.model.report import Finding
from followup_lint.model.severity import Severity
from followup_lint.model.spans import Span
from followup_lint.proofreading.repeats import drop_repeats


def finding(
    rule: str, start: int, end: int, severity: str = "warning", category: str = "proofreading"
) -> Finding:
    return Finding(
        rule=rule,
        category=category,
        severity=Severity(severity),
        message="m",
        span=Span(start, end, 1, start + 1, 1, end + 1),
        part="body",
    )


def kept(*findings: Finding) -> list[str]:
    return [f.rule for f in drop_repeats(list(findings))]


def test_an_engine_finding_on_our_words_goes() -> None:
    assert kept(finding("harper:ThereIsAgreement", 0, 7), finding("there-is-plural", 0, 16)) == [
        "there-is-plural"
    ]
    assert kept(finding("lt:SOME_RULE", 3, 5), finding("agreement-slip", 0, 4)) == [
        "agreement-slip"
    ]


def test_a_misspelt_word_inside_a_phrase_finding_goes() -> None:
    assert kept(finding("spelling", 3, 7), finding("sound-alike-phrase", 0, 7)) == [
        "sound-alike-phrase"
    ]


def test_the_first_of_our_findings_on_the_same_words_stays() -> None:
    assert kept(finding("confused-phrase", 0, 9), finding("sound-alike-phrase", 0, 9)) == [
        "confused-phrase"
    ]


@pytest.mark.parametrize(
    "pair",
    [
        # different words that only touch: both stay
        (finding("harper:X", 0, 4), finding("agreement-slip", 4, 8)),
        # two of our rules on overlapping but different words report different things
        (finding("sentence-start-lowercase", 0, 4), finding("sound-alike-phrase", 0, 14)),
        # a finding of another category is never merged
        (finding("wordy-phrase", 0, 9, category="concision"), finding("sound-alike-phrase", 0, 9)),
        # a spelling finding that is not inside the other stays
        (finding("spelling", 0, 9), finding("sound-alike-phrase", 5, 14)),
        # two engines' findings: neither is ours, both stay
        (finding("harper:X", 0, 4), finding("lt:Y", 0, 4)),
    ],
)
def test_findings_that_say_different_things_stay(pair: tuple[Finding, Finding]) -> None:
    assert kept(*pair) == [f.rule for f in pair]


def test_a_finding_never_goes_for_one_of_lower_severity() -> None:
    assert kept(finding("harper:X", 0, 4, "error"), finding("agreement-slip", 0, 4, "info")) == [
        "harper:X",
        "agreement-slip",
    ]


def test_many_findings_stay_cheap_and_ordered() -> None:
    many = [finding("spelling", i * 10, i * 10 + 4) for i in range(20_000)]
    assert drop_repeats(many) == many


DRAFT = "Subject: Thank you\n\nDear Ms. Raman,\n\n{}\n\nBest regards,\nLee Park\n"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("There's problems with the schedule on my side.", "There's"),
        ("It was de juro a promotion.", "de juro"),
    ],
)
def test_a_slip_two_rules_read_is_reported_once(sentence: str, words: str) -> None:
    text = DRAFT.format(sentence)
    at = text.index(words)
    on_it = [
        f
        for f in lint(text).findings
        if f.category in ("proofreading", "spelling")
        and f.span.start < at + len(words)
        and at < f.span.end
    ]
    assert len(on_it) == 1, [f.rule for f in on_it]
