"""The Harper backend: our mapping, fail-soft, names and placeholders, and a clean stdout."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup_lint import Config, Linter
from followup_lint.proofreading import harper_engine
from followup_lint.proofreading.harper_engine import EngineUnavailable, HarperEngine, mapping

DRAFT = "Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"


def _harper_rules(body: str, **ctx: object) -> list[str]:
    linter = Linter(Config(select=("harper", "harper-words")))
    report = linter.lint(DRAFT.format(body=body), context=ctx or None)
    return [f.rule for f in report.findings]


def test_grammar_slip_found_with_our_id() -> None:
    assert any(r.startswith("harper:") for r in _harper_rules("I has enjoyed every part of it."))


def test_off_kinds_and_rules_are_dropped() -> None:
    table = mapping()
    assert table.group_of("SpellCheck", "Spelling") is None
    assert table.group_of("AnA", "Agreement") is None  # off by name, whatever its kind
    assert table.group_of("Anything", "Formatting") is None
    assert table.group_of("Anything", "NoSuchKind") is None  # unmeasured kinds are dropped
    kinds = table.group_of("TheirToThere", "Grammar")
    assert kinds is not None and kinds.group == "words"


@pytest.mark.parametrize(
    "body",
    [
        "We need a leader that has vision.",  # ThatThan read "leader that" as "-er than"
        "I updated the product roadmap last week.",  # RoadMap
        "I applied to related positions and I am new to automated testing.",
        "I'd love to learn more and also meet the team.",  # AvoidAndAlso
        "Have a look at my portfolio when you can.",  # HaveTakeALook
        "Please report any test failures to the manager.",  # MissingDeterminer
        "Backup files are stored nightly and kickoff meetings start on Monday.",
        "I mentioned the health care plan, the back end and the data set.",  # open compounds
        "I have done copywriting for two agencies.",  # Copyright keeps "copywrite" only
        "I hate to be a bother, but I have a knowledge of Dutch too.",  # MassNouns
        "We were hanging on a wing and a prayer after the crash.",  # MassNouns, off
        "The word list, the white space and the time stamp in the log file.",  # CompoundNouns
        "I will send it to you tomorrow morning.",  # PossessiveYour read "you" as "your"
        "A lot depends on the budget. Thanks a lot guys.",  # QuantifierNeedsOf on "a lot"
        "My details on the careers site are out of date.",  # OutOfDate
        "I want to give my team the support they need.",  # TheyToThem
    ],
)
def test_lints_that_misfire_on_correct_email_are_dropped(body: str) -> None:
    assert _harper_rules(body) == []


def test_narrowed_lints_still_catch_their_slips() -> None:
    assert mapping().keeps("Copyright", "copywrite")  # our speller flags it first in a draft


def test_closed_compounds_are_our_word_lists_not_harpers() -> None:
    # Harper's CompoundNouns is off (it joins any two nouns); split-compound knows the
    # compounds that are never written open.
    draft = (
        "Subject: Thank you\n\nDear Ms. Raman,\n\nThe kids waited in the class room.\n\nBest,\nLee"
    )
    rules = {f.rule for f in Linter().lint(draft).findings}
    assert "split-compound" in rules
    assert "harper:CompoundNouns" not in rules


def test_accepted_texts_compare_case_and_spacing_blind() -> None:
    table = mapping()
    assert not table.keeps("PronounVerbAgreement", "Guys")
    assert not table.keeps("PronounVerbAgreement", " PARENTS ")
    assert table.keeps("PronounVerbAgreement", "likes")
    assert not table.keeps("Copyright", "copywriting")


def test_placeholder_text_is_not_checked() -> None:
    assert _harper_rules("I'd enjoy hearing what [what you're up to now] looks like.") == []


def test_quoted_reply_and_signature_not_checked() -> None:
    text = (
        "Subject: Re: Thank you\n\nDear Ms. Raman,\n\nThank you for the note.\n\n"
        "Best regards,\nLee Park\nI has a phone\n\n> On Monday you wrote:\n> I has enjoyed it."
    )
    report = Linter(Config(select=("harper",))).lint(text)
    assert not [f for f in report.findings if f.rule.startswith("harper:")]


def test_missing_engine_is_one_info_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise EngineUnavailable("Harper is not installed")

    monkeypatch.setattr(harper_engine, "_module", broken)
    monkeypatch.setattr(harper_engine, "_engines", {})
    report = Linter(Config(select=("harper", "harper-words", "spelling"))).lint(
        DRAFT.format(body="I has enjoyed it, and I recieved the notes.")
    )
    unavailable = [f for f in report.findings if f.rule == "harper-unavailable"]
    assert len(unavailable) == 1 and unavailable[0].severity.value == "info"
    assert "not installed" in unavailable[0].message
    assert any(f.rule == "spelling" for f in report.findings)  # the rest of the report is whole


def test_engine_failure_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def broken() -> object:
        calls.append(1)
        raise EngineUnavailable("no")

    monkeypatch.setattr(harper_engine, "_module", broken)
    eng = HarperEngine()
    for _ in range(3):
        with pytest.raises(EngineUnavailable):
            eng.lint("text")
    assert len(calls) == 1


def test_one_linter_per_thread() -> None:
    import threading

    eng = HarperEngine()
    eng.warm()
    seen: list[object] = []

    def worker() -> None:
        eng.lint("I has enjoyed it.")
        seen.append(eng._local.linter)

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen and seen[0] is not eng._local.linter


def test_stdout_stays_clean() -> None:
    # harper-py 0.2.0 prints debug lines from some lints; JSON output and the language server's
    # stdio stream need stdout to hold nothing but ours.
    code = (
        "from followup_lint.proofreading.harper_engine import HarperEngine\n"
        "e = HarperEngine()\n"
        "for s in ['I am looking forward to hear from you.', 'I look forward to meet you.',\n"
        "          'He go to school.', 'I could of done it.', 'This might peak your interest.']:\n"
        "    e.lint(s)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == ""


def test_prebuild_is_claimed_by_the_first_thread_that_lints() -> None:
    eng = HarperEngine()
    eng.prebuild()
    eng.prebuild()  # once per engine
    assert eng.lint("I has enjoyed it.")
    assert eng._spare is None and eng._local.linter is not None


def test_prebuild_failure_reaches_the_linting_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise EngineUnavailable("Harper is not installed")

    monkeypatch.setattr(harper_engine, "_module", broken)
    eng = HarperEngine()
    eng.prebuild()
    with pytest.raises(EngineUnavailable, match="not installed"):
        eng.lint("text")


def test_lints_whose_every_kind_is_dropped_do_not_run() -> None:
    import harper

    table = mapping()
    names = set(harper.Linter().get_lint_config())
    assert set(table.kinds_seen) <= names  # the data file names lints of the pinned release
    assert table.dropped("SpellCheck")  # off by name
    assert table.dropped("OxfordComma")  # a Style lint: we drop that kind
    assert not table.dropped("TheMy")  # a Repetition lint, but sent to `harper` by name
    assert not table.dropped("PronounVerbAgreement")  # an Agreement lint: kept
    assert not table.dropped("NoSuchLintEver")  # never seen: it runs
