"""The Python API: lint(), Linter, lint_many, reports, and isolation of a failing rule."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import followup_lint
from followup_lint import Config, Context, Linter, Person, Report, lint
from followup_lint.rulebook import builtin_rules
from tests.conftest import EXAMPLES

DRAFTS = sorted(EXAMPLES.glob("*/*.txt"))


def test_lint_accepts_text_and_context() -> None:
    text = (EXAMPLES / "thank_you" / "bad.txt").read_text(encoding="utf-8")
    report = lint(text, context={"kind": "thank_you", "company": "Contoso"})
    assert (
        isinstance(report, Report) and report.kind == "thank_you" and report.kind_source == "given"
    )
    assert report.failed() and "unfilled-placeholder" in report.rules
    typed = lint(
        text, context=Context(kind="thank_you", interviewers=(Person(name="Marcus Webb"),))
    )
    assert typed.kind == "thank_you"


def test_findings_are_sorted_and_point_into_the_text() -> None:
    path = EXAMPLES / "thank_you" / "bad.txt"
    text = path.read_text(encoding="utf-8")
    report = Linter().lint(path)
    starts = [f.span.start for f in report.findings]
    assert starts == sorted(starts)
    lines = text.splitlines(keepends=True)
    for f in report.findings:
        offset = sum(len(line) for line in lines[: f.span.line - 1]) + f.span.column - 1
        assert offset == f.span.start
        assert f.docs.startswith("https://") and f.guidance


def test_lint_many_matches_lint_one_by_one() -> None:
    linter = Linter()
    one = [linter.lint(p).to_dict() for p in DRAFTS]
    many = [r.to_dict() for r in linter.lint_many(DRAFTS)]
    assert one == many


def test_thread_safe_reuse() -> None:
    linter = Linter()
    expected = [linter.lint(p).to_dict() for p in DRAFTS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda p: linter.lint(p).to_dict(), DRAFTS * 3))
    assert got == expected * 3


def test_a_failing_rule_becomes_a_notice_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    linter = Linter(Config(select=("subject",)))
    victim = linter.active[0]

    def boom(*_a: object, **_k: object) -> object:
        raise RuntimeError("secret draft text")

    monkeypatch.setattr(victim.check, "run", boom)
    report = linter.lint("Subject: hey\n\nDear Dana,\n")
    assert any(victim.id in n for n in report.notices)
    assert all("secret" not in n for n in report.notices)
    strict = Linter(Config(select=("subject",)), strict=True)
    monkeypatch.setattr(strict.active[0].check, "run", boom)
    with pytest.raises(RuntimeError):
        strict.lint("Subject: hey\n\nDear Dana,\n")


def test_kind_given_detected_or_default() -> None:
    note = "Subject: Thank you for the interview\n\nDear Dana,\n\nThank you for taking the time to meet with me.\n"
    assert Linter().lint(note).kind_source == "detected"
    vague = "Subject: hello\n\nDear Dana,\n\nHello.\n"
    assert Linter().lint(vague).kind_source in ("unknown", "detected")
    assert Linter(Config(kind="networking")).lint(vague).kind in (
        "networking",
        Linter().lint(vague).kind,
    )


def test_public_api_is_typed() -> None:
    root = Path(followup_lint.__file__).parent
    assert (root / "py.typed").exists()
    for name in followup_lint.__all__:
        assert hasattr(followup_lint, name)


def test_rules_ship_with_the_package() -> None:
    # In a wheel the rules sit inside the package (pyproject force-include); in a checkout, at
    # the repository root. Either way they load.
    assert len(builtin_rules()) >= 15


def test_a_yielding_rule_gives_way_on_the_same_words() -> None:
    text = "Subject: Thank you\n\nDear Dana,\n\nThanks sooo much for the chat.\n\nBest regards,\nSam Ito\n"
    both = Linter(Config(select=("slang", "spelling"))).lint(text)
    assert "slang" in both.rules and "spelling" not in both.rules
    alone = Linter(Config(select=("spelling",))).lint(text)
    assert "spelling" in alone.rules  # nobody else reports "sooo", so spelling does


def test_lint_accepts_any_config() -> None:
    # Config holds a dict (rules); lint() caches a Linter per configuration and must hash it.
    cfg = Config(rules={"too-long": {"severity": "error"}}, select=("too-long",))  # type: ignore[dict-item]
    assert lint("Subject: Hi\n\nDear Dana,\n\nThanks.\n", config=cfg) is not None
    assert lint("Subject: Hi\n\nDear Dana,\n\nThanks.\n", config=Config()) is not None
    assert hash(cfg) == hash(
        Config(rules={"too-long": {"severity": "error"}}, select=("too-long",))
    )  # type: ignore[dict-item]


def test_report_failed_honours_the_linters_fail_on() -> None:
    text = "Subject: Following up\n\nDear Dana,\n\nAny news on the Analyst role?\n\nBest regards,\nSam Ito\n555-201-3344\n"
    strict = Linter(Config(fail_on="warning")).lint(text)
    assert strict.findings and not any(f.severity.value == "error" for f in strict.findings)
    assert strict.failed() and not strict.failed("error")
    assert not Linter().lint(text).failed()
    assert not Linter(Config(fail_on="never")).lint(text).failed()


def test_documented_members_have_their_own_docstrings() -> None:
    from followup_lint.config import discover_config
    from followup_lint.model.context import EarlierMessage

    for obj in (
        discover_config,
        Report.counts,
        Report.by_rule,
        Report.to_dict,
        Person,
        EarlierMessage,
    ):
        assert obj.__doc__ and "A base class for creating Pydantic models" not in obj.__doc__, obj
