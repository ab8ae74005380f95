"""informal-greeting's safe fix keeps the person's name, supplies it when the context knows it,
and is not offered when nobody is known ("Hey," must not become "Dear,")."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Config, Linter
from followup_lint.cli import main

LINTER = Linter(Config(select=("informal-greeting",)))
BODY = "Subject: Thank you\n\n{greeting}\n\nThank you for Tuesday.\n\nBest regards,\nSam\n"


def _fixes(text: str, **context: object) -> list[str]:
    report = LINTER.lint(text, context=context)
    assert report.rules == {"informal-greeting"}
    return [x.replacement for f in report.findings for x in f.fixes if x.safe]


def test_a_name_in_the_greeting_is_kept() -> None:
    assert _fixes(BODY.format(greeting="Hey Dana,")) == ["Dear"]


def test_the_one_known_interviewer_is_written_in() -> None:
    assert _fixes("To: Marcus Webb <m.webb@acme.com>\n" + BODY.format(greeting="Hey,")) == [
        "Dear Marcus"
    ]
    titled = [{"name": "Marcus Webb", "title": "Mr."}]
    assert _fixes(BODY.format(greeting="Hey,"), interviewers=titled) == ["Dear Mr. Webb"]


def test_a_job_title_is_not_put_in_front_of_the_surname() -> None:
    # "title" in a context file is often the person's job, which is no way to greet them.
    job = [{"name": "Marcus Webb", "title": "Design Lead"}]
    assert _fixes(BODY.format(greeting="Hey,"), interviewers=job) == ["Dear Marcus"]
    doctor = [{"name": "Amara Osei", "title": "Dr"}]
    assert _fixes(BODY.format(greeting="Hey,"), interviewers=doctor) == ["Dear Dr Osei"]


def test_no_safe_fix_when_nobody_or_several_people_are_known() -> None:
    assert _fixes(BODY.format(greeting="Hey,")) == []
    two = [{"name": "Marcus Webb"}, {"name": "Dana Lee"}]
    assert _fixes(BODY.format(greeting="Yo!"), interviewers=two) == []


def test_a_replacement_that_needs_no_name_is_still_offered() -> None:
    assert _fixes(BODY.format(greeting="Hey all,")) == ["Hello all"]


def test_check_fix_writes_dear_mr_webb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    draft = tmp_path / "note.txt"
    draft.write_text(BODY.format(greeting="Hey,"), encoding="utf-8")
    (tmp_path / "followup.toml").write_text(
        '[[interviewers]]\nname = "Marcus Webb"\ntitle = "Mr."\n', encoding="utf-8"
    )
    main(["check", "--fix", str(draft), "--select", "informal-greeting"])
    capsys.readouterr()
    assert "\n\nDear Mr. Webb,\n\n" in draft.read_text(encoding="utf-8")
