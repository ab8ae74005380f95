"""The cheap pre-tests in front of the slips' costlier scans never rule out a text the scan
would have found something in (checked on every text the tests know and on made-up ones)."""

from __future__ import annotations

from followup_lint.proofreading import slips
from tests.test_textpatterns import texts

_REPEATS = [
    "We met at the at the office.",
    "I look forward to hearing from you to hearing from you soon.",
    "Thank you for the chance Thank You For The chance to talk.",
    "getting to know\tgetting to know the team",
    "It was great to meet you, great to meet you again.",
    "I’d love to I’d love to help.",
    "ſo much ſo much",  # not ASCII: the pre-test stands aside
]


def test_repeated_phrase_pre_test_never_hides_a_match() -> None:
    checked = 0
    for text in (*texts(), *_REPEATS):
        if slips._REPEAT_PHRASE_RE.search(text):
            assert slips._may_repeat_phrase(text), text[:80]
            checked += 1
    assert checked >= 5


def test_repeated_phrase_pre_test_rules_out_ordinary_prose() -> None:
    assert not slips._may_repeat_phrase("Thank you for meeting with me to talk about the role.")
    assert slips._may_repeat_phrase("at the at the")


def test_lower_case_scans_find_what_case_insensitive_scans_find() -> None:
    from followup_lint.analysis.core import Analysis
    from followup_lint.model.context import Context
    from followup_lint.model.draft import Part
    from followup_lint.proofreading import confusions as c
    from followup_lint.reading.sources import read_draft

    table = c.verb_forms()
    singular, plural, _ = c._pronoun_verb_patterns()
    patterns = [table.after_aux, table.after_to, table.after_have, table.modal_to]
    patterns += [singular, plural, c._to_gerund_pattern(), c._COUNT_SINGULAR_RE]
    patterns += [slips._REPEAT_RE]
    odd = ["I WILL SENT it today.", "He Need The Report.", "ſhe will sent", "İ will sent it"]
    odd += ["The The report", "THE the", "for 3 Year.", "ſo ſo", "for FIVE week ago"]
    found = 0
    for text in (*texts(), *odd):
        analysis = Analysis(read_draft(text), Context(), kind=None, kind_source="unknown")
        part = Part("body", 0, len(text), text)
        low = c.lowered_part(analysis, part)
        for rx in patterns:
            expected = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in c.scan_lowered(rx, text, low)] == expected
            found += len(expected)
    assert found > 10


def test_years_experience_pre_test_never_hides_a_match() -> None:
    from followup_lint.analysis.textpatterns import fold

    made_up = ["five years experıence", "TWO YEARS EXPERIENCE", "3 years\n experience"]
    for text in (*texts(), *made_up):
        if slips._YEARS_EXPERIENCE_RE.search(text):
            assert "experience" in fold(text), text[:80]
