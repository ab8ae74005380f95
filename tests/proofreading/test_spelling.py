"""The offline speller: typos flagged with suggestions, names and terms the draft's context and
headers know accepted, near misses of the interviewer's name never accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Config, Linter, Report
from tests.conftest import linter_for

DONE_WHEN = """Subject: Thank you - Platform Engineer interview
To: Siobhán Nguyen-Oyelaran <siobhan.nguyen-oyelaran@northwindlabs.io>
From: Sam Ito <sam.ito@example.com>

Dear Ms. Nguyen-Oyelaran,

Thank you for taking the time to meet with me on Tuesday. I realy enjoyed our conversation
about the migration, and I am excitd about the chance to join your team. Please let me know
if you need any aditional information.

Best regards,
Sam Ito
"""


def spelling(text: str, context: dict | None = None, mode: str = "default") -> Report:
    return linter_for(("spelling",), mode).lint(text, context=context or {})


def flagged(report: Report) -> list[str]:
    return [f.message.split('"')[1] for f in report.by_rule("spelling")]


def test_done_when_typos_flagged_with_suggestions_and_unusual_name_accepted() -> None:
    report = spelling(DONE_WHEN)
    found = {DONE_WHEN[f.span.start : f.span.end]: f for f in report.by_rule("spelling")}
    assert set(found) == {"realy", "excitd", "aditional"}
    assert found["realy"].fixes[0].replacement == "really"
    assert found["excitd"].fixes[0].replacement == "excited"
    assert found["aditional"].fixes[0].replacement == "additional"
    for f in found.values():
        assert 1 <= len(f.fixes) <= 3
        assert not any(fix.safe for fix in f.fixes)
        assert f.category == "proofreading"


def test_near_miss_of_the_interviewers_name_is_flagged_with_the_name() -> None:
    text = DONE_WHEN.replace("Dear Ms. Nguyen-Oyelaran,", "Dear Ms. Nguyen-Oyelarin,")
    report = spelling(text)
    names = [f for f in report.by_rule("spelling") if "Oyelarin" in f.message]
    assert len(names) == 1
    assert names[0].fixes[0].replacement == "Oyelaran"
    assert text[names[0].span.start : names[0].span.end] == "Oyelarin"


def test_near_miss_mid_sentence_is_not_taken_for_a_proper_noun() -> None:
    body = "Subject: Thanks\n\nDear Dana,\n\nPlease thank Ms. Whitfeld for the tour.\n\nBest,\nSam"
    report = spelling(body, {"interviewers": [{"name": "Dana Whitfield"}]})
    assert flagged(report) == ["Whitfeld"]
    # Without the context the same capitalised word is a name we know nothing about.
    assert flagged(spelling(body)) == []


def test_context_terms_are_accepted_and_the_same_words_flagged_without_context() -> None:
    text = (
        "Subject: Thank you\n\nDear Ms. Raman,\n\nkubectl and zephyrine came up when we talked "
        "about the quarkly rollout.\n\nBest regards,\nLee Park"
    )
    assert set(flagged(spelling(text))) == {"kubectl", "zephyrine", "quarkly"}
    ctx = {"topics": ["kubectl tooling", "Zephyrine scheduler"], "company": "Quarkly Labs"}
    assert flagged(spelling(text, ctx)) == []


def test_vocabulary_from_the_configuration() -> None:
    text = "Subject: Thanks\n\nDear Ms. Raman,\n\nThe dbtplex models were great.\n\nBest,\nLee"
    plain = Linter(Config(select=("spelling",)), strict=True).lint(text)
    assert flagged(plain) == ["dbtplex"]
    vocab = Linter(Config(select=("spelling",), vocabulary=("dbtplex",)), strict=True).lint(text)
    assert flagged(vocab) == []


def test_user_words_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "Subject: Thanks\n\nDear Ms. Raman,\n\nThe snowplex models were great.\n\nBest,\nLee"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert flagged(spelling(text)) == ["snowplex"]
    words = tmp_path / "followup-lint" / "words.txt"
    words.parent.mkdir()
    words.write_text("# my words\nSnowplex\n", encoding="utf-8")
    assert flagged(spelling(text)) == []


def test_addresses_links_numbers_code_and_acronyms_are_not_checked() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Raman,\n\nMy demo is at https://github.com/lpark/qwzx-demo "
        "and www.lpark-portfolo.dev, my email is lpark.qwzx@example.com, call +1 415 555 0134. "
        "I ran `kubctl aply` for the OKRs and KPIs, 3rd in Q3, and 10am works.\n\nBest,\nLee"
    )
    assert flagged(spelling(text)) == []


def test_email_local_parts_and_header_names_are_accepted() -> None:
    text = (
        "Subject: Thanks\nTo: recruiting <talent.okafor@brightwellhq.com>\n\nHello,\n\n"
        "Please pass my thanks to Ms. Okafor; Brightwellhq was lovely.\n\nBest,\nLee"
    )
    assert flagged(spelling(text)) == []


def test_capitalised_unknown_word_at_sentence_start_is_checked() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Raman,\n\nThanks again. Definately a great day.\n\nBest,\nLee"
    )
    report = spelling(text)
    assert flagged(report) == ["Definately"]
    assert report.by_rule("spelling")[0].fixes[0].replacement == "Definitely"


def test_a_name_used_mid_sentence_is_accepted_at_a_sentence_start_too() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Raman,\n\nOluwaseun showed me the lab. I also met "
        "Oluwaseun's manager.\n\nBest,\nLee"
    )
    assert flagged(spelling(text)) == []


def test_title_case_subject_words_are_checked() -> None:
    text = "Subject: Thank You For The Oppertunity\n\nDear Ms. Raman,\n\nThanks.\n\nBest,\nLee"
    assert flagged(spelling(text)) == ["Oppertunity"]


def test_shift_key_typo() -> None:
    text = "Subject: Thanks\n\nDear Ms. Raman,\n\nTHe team was great.\n\nBest,\nLee"
    report = spelling(text)
    assert flagged(report) == ["THe"]
    assert report.by_rule("spelling")[0].fixes[0].replacement == "The"


def test_british_spellings_and_accents_are_accepted() -> None:
    text = (
        "Subject: Thanks\n\nDear Ms. Raman,\n\nI attached my résumé; the organisation of the "
        "centre's programme and its colourful catalogue impressed me, as did the café.\n\n"
        "Best,\nLee"
    )
    assert flagged(spelling(text)) == []


def test_thorough_mode_uses_proper_noun_tags() -> None:
    # A capitalised unknown word starting a sentence is checked on the fast path, but the
    # trained pipeline tags a person's name as PROPN, and it is accepted.
    text = (
        "Subject: Thanks\n\nDear Ms. Raman,\n\nThank you for the tour. Oyelowo Adebanjo "
        "showed me the lab, and the team was helpful.\n\nBest,\nLee"
    )
    fast = flagged(spelling(text))
    assert "Oyelowo" in fast
    thorough = flagged(spelling(text, mode="thorough"))
    assert "Oyelowo" not in thorough and "Adebanjo" not in thorough


def test_run_together_words_get_a_split_suggestion() -> None:
    text = "Subject: Thanks\n\nDear Ms. Raman,\n\nThankyou for your time.\n\nBest,\nLee"
    report = spelling(text)
    assert report.by_rule("spelling")[0].fixes[0].replacement == "Thank you"


# -- contractions, wrong forms and the word being typed (issue 11) -----------------------------


def _spelling_words(body: str) -> dict[str, list[str]]:
    from followup_lint import Config, Linter

    text = f"Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"
    report = Linter(Config(select=("spelling",))).lint(text)
    return {
        text[f.span.start : f.span.end]: [x.replacement for x in f.fixes]
        for f in report.findings
        if f.rule == "spelling"
    }


def test_contraction_without_apostrophe_flagged_with_fix() -> None:
    found = _spelling_words("I dont mind, and Im sure thats fine. The childs loved it.")
    assert found["dont"][0] == "don't"
    assert found["Im"][0] == "I'm"  # a capital does not make it a name
    assert found["thats"][0] == "that's"
    assert found["childs"][0] == "children"


def test_standard_contractions_pass() -> None:
    assert _spelling_words("I should've asked how'd you start, and there're two more.") == {}


def test_last_word_being_typed_is_not_flagged() -> None:
    from followup_lint import Config, Linter

    report = Linter(Config(select=("spelling",))).lint(
        "Subject: Thank you\n\nDear Ms. Raman,\n\nDo let me know if you nee"
    )
    assert not [f for f in report.findings if f.rule == "spelling"]
    # ...but the same letters mid-draft are a misspelling
    assert "nee" in _spelling_words("If you nee anything, tell me.")
