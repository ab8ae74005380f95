"""`followup-lint new KIND`: scaffolds that cannot pass until the sender has written their part.

For every kind: the scaffold, as written, fails the full default rule set (unfilled-placeholder
flags each marker); once each placeholder is replaced with the words a sender would write, it
passes at --fail-on error. The warnings that remain after filling are printed (run with -s).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import Config, Context, Linter
from followup_lint.model.kinds import KINDS
from followup_lint.scaffold import render_scaffold

PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")

CONTEXT = Context(
    company="Northwind Logistics",
    position="Data Analyst",
    interviewers=[{"name": "Dana Lee", "email": "dana.lee@northwind.example"}],
    topics=["the route-planning dashboard"],
    interviewed_at=dt.datetime(2026, 11, 12, 14, 0, tzinfo=dt.timezone.utc),
    sender={"name": "Sam Ito", "email": "sam.ito@example.org"},
)

CONTACT = "+44 20 7946 0958"

#: When each kind would be sent, counted from the interview (the cadence GUIDANCE.md sets out).
SENT_AFTER = {
    "thank_you": dt.timedelta(hours=20),
    "status_inquiry": dt.timedelta(days=8),
    "final_follow_up": dt.timedelta(days=16),
    "offer_reply": dt.timedelta(days=10),
    "decline_offer": dt.timedelta(days=10),
    "rejection_reply": dt.timedelta(days=10),
    "networking": dt.timedelta(days=30),
}

#: What a sender would write in place of each marker, kind by kind.
FILLS: dict[str, dict[str, str]] = {
    "thank_you": {
        "[the specific moment from the interview you enjoyed]": (
            "the moment we sketched how late deliveries could be flagged a day earlier"
        ),
        "[One or two sentences on the value you would bring, tied to what you heard.]": (
            "In my current job I rebuilt a similar report so that it refreshed every hour, "
            "and I would enjoy doing the same for your planners."
        ),
    },
    "status_inquiry": {
        "[Something new since the interview, or why the role still appeals to you.]": (
            "Since we spoke, I have finished a course on forecasting that fits the role well."
        ),
    },
    "final_follow_up": {
        "[One sentence on what you would bring to the team.]": (
            "I would bring five years of reporting work and a habit of explaining numbers simply."
        ),
    },
    "offer_reply": {
        "[The points you want clarified: start date, benefits, working pattern.]": (
            "Could you confirm the start date and how many days each week the team works on site?"
        ),
        "[If negotiating: the change you ask for and why, stated politely.]": (
            "I would also like to ask whether a salary of 52,000 is possible, given my "
            "experience with similar dashboards."
        ),
        "[the date you will answer]": "Friday, 20 November",
    },
    "decline_offer": {
        "[A short, professional reason, e.g. you accepted a role closer to your plans.]": (
            "I have accepted a position that is closer to my family."
        ),
    },
    "rejection_reply": {
        "[Optional: a polite request for brief feedback on your interview, or delete this line.]": (
            "If you have a moment, I would value any brief feedback on my interview."
        ),
    },
    "networking": {
        "[Why you are writing now: a useful article, congratulations on a success, or your news.]": (
            "I read your team's article on greener delivery routes and enjoyed it very much."
        ),
    },
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    # The default rule set, as a user runs it (strict: a rule that raises fails the test).
    return Linter(Config(), strict=True)


def _fill(text: str, kind: str) -> str:
    for marker, words in {**FILLS[kind], "[your phone number or profile link]": CONTACT}.items():
        assert marker in text, f"{kind}: the scaffold no longer has {marker!r}"
        text = text.replace(marker, words)
    return text


def test_every_kind_has_a_template() -> None:
    assert set(FILLS) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_unfinished_scaffold_fails(kind: str, linter: Linter) -> None:
    text = render_scaffold(kind, CONTEXT)
    markers = PLACEHOLDER.findall(text)
    assert markers, "a scaffold must leave the sender's own words to the sender"
    report = linter.lint(text, context=CONTEXT.merged(kind=kind))
    flagged = [text[f.span.start : f.span.end] for f in report.by_rule("unfilled-placeholder")]
    assert sorted(flagged) == sorted(markers)
    assert report.failed("error")
    # What the context knew is filled in.
    for fact in ("Northwind Logistics", "Data Analyst", "Dana Lee", "Sam Ito"):
        assert fact in text


@pytest.mark.parametrize("kind", KINDS)
def test_filled_scaffold_passes(kind: str, linter: Linter) -> None:
    text = _fill(render_scaffold(kind, CONTEXT), kind)
    assert not PLACEHOLDER.search(text)
    assert CONTEXT.interviewed_at is not None
    sent_at = CONTEXT.interviewed_at + SENT_AFTER[kind]
    report = linter.lint(text, context=CONTEXT.merged(kind=kind, sent_at=sent_at))
    errors = [f"{f.rule}: {f.message}" for f in report.findings if f.severity.value == "error"]
    assert errors == []
    assert not report.failed("error")
    remaining = [f"{f.severity.value} {f.rule}" for f in report.findings]
    print(f"\n{kind}: remaining after filling: {remaining or 'none'}")


def test_scaffold_without_context_marks_what_is_unknown(linter: Linter) -> None:
    text = render_scaffold("thank_you")
    for marker in ("[the interviewer's name]", "[the company]", "[the role]", "[your name]"):
        assert marker in text
    report = linter.lint(text)
    assert len(report.by_rule("unfilled-placeholder")) == len(PLACEHOLDER.findall(text))


def _new(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_lint", "new", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_cli_writes_once_and_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "followup.toml").write_text(
        'company = "Northwind Logistics"\nposition = "Data Analyst"\n'
        'topics = ["the route-planning dashboard"]\n'
        '[[interviewers]]\nname = "Dana Lee"\n'
    )
    proc = _new(
        "thank_you",
        "--context",
        "followup.toml",
        "--sender",
        "Sam Ito",
        "-o",
        "d.txt",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    target = tmp_path / "d.txt"
    written = target.read_text(encoding="utf-8")
    assert written == render_scaffold(
        "thank_you",
        Context(
            company="Northwind Logistics",
            position="Data Analyst",
            topics=["the route-planning dashboard"],
            interviewers=[{"name": "Dana Lee"}],
            sender={"name": "Sam Ito"},
        ),
    )
    target.write_text("my own edits\n")
    again = _new("thank_you", "-o", "d.txt", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists; use --force" in again.stderr
    assert target.read_text() == "my own edits\n"
    forced = _new("networking", "-o", "d.txt", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "Keeping in touch" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.txt", "followup.toml"]


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    missing = _new("thank_you", "-o", "no/such/folder/d.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    bad = _new("thank_you", "--context", "nope.toml", cwd=tmp_path)
    assert bad.returncode == 2
    assert "nope.toml: context file not found" in bad.stderr
    unknown = _new("love_letter", cwd=tmp_path)
    assert unknown.returncode == 2
    # The scaffold goes to standard output when no -o is given, and the check then fails on it.
    out = _new("status_inquiry", "--company", "Northwind", cwd=tmp_path)
    check = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "-"],
        input=out.stdout,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert check.returncode == 1
    assert "unfilled-placeholder" in check.stdout
