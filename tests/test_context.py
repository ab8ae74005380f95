"""Context: what is known about the interview, from headers < file < flags < API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_lint import Context, ContextError, Linter, read_draft
from followup_lint.model.context import load_context_file, resolve_context

DRAFT = (
    'Subject: Thank you\nTo: Dana Lee <dana.lee@acme.com>, bob@gmail.com\nCc: "Ortiz, Ana" <ana@acme.com>\n'
    "From: Sam Ito <sam@example.com>\nDate: Fri, 13 Nov 2026 09:00:00 +0000\n\nDear Dana,\n\nThanks.\n"
)


def test_headers_give_interviewers_domain_sender_and_time() -> None:
    ctx = resolve_context(read_draft(DRAFT))
    assert [p.name for p in ctx.interviewers] == ["Dana Lee", "Ortiz, Ana"]
    assert [p.name for p in ctx.recipients] == ["Dana Lee", "bob", "Ortiz, Ana"]
    assert ctx.company_domain == "acme.com"
    assert ctx.sender is not None and ctx.sender.name == "Sam Ito"
    assert ctx.sent_at == dt.datetime(2026, 11, 13, 9, 0, tzinfo=dt.timezone.utc)


def test_free_mail_domain_is_not_the_company() -> None:
    ctx = resolve_context(read_draft("To: Dana <dana@gmail.com>\n\nDear Dana,\n"))
    assert ctx.company_domain is None


def test_file_overrides_headers_and_flags_override_file(tmp_path: Path) -> None:
    f = tmp_path / "followup.toml"
    f.write_text(
        'kind = "thank_you"\ncompany = "Acme"\nposition = "Analyst"\ninterviewed_at = 2026-11-12T14:00:00Z\n'
        'decision_expected_by = 2026-11-20\ntopics = ["pricing"]\n'
        '[[interviewers]]\nname = "Dana Lee"\ntitle = "Head of Data"\n'
        '[[earlier_messages]]\nsent_at = 2026-11-09T15:00:00Z\nkind = "status_inquiry"\n',
        encoding="utf-8",
    )
    draft = read_draft(DRAFT)
    ctx = resolve_context(
        draft, file_data=load_context_file(f), overrides={"company": "Acme Corp", "kind": None}
    )
    assert ctx.company == "Acme Corp"  # the flag wins
    assert ctx.kind == "thank_you"  # the file's, since the flag was not given
    assert [p.title for p in ctx.interviewers] == [
        "Head of Data"
    ]  # the file's list replaces the headers'
    assert ctx.decision_expected_by == dt.date(2026, 11, 20)
    assert ctx.earlier_messages[0].kind == "status_inquiry"
    api = Context(company="Acme Labs")
    assert resolve_context(draft, file_data=load_context_file(f), given=api).company == "Acme Labs"


def test_context_file_beside_the_draft_is_picked_up(tmp_path: Path) -> None:
    (tmp_path / "followup.toml").write_text('kind = "networking"\n', encoding="utf-8")
    d = tmp_path / "note.txt"
    d.write_text(
        "Subject: Thank you for the interview\n\nDear Dana,\n\nThank you for meeting me.\n",
        encoding="utf-8",
    )
    report = Linter().lint(d)
    assert report.kind == "networking" and report.kind_source == "given"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('kind = "thanks"\n', "key 'kind'"),
        ('interviewed_at = "last tuesday"\n', "key 'interviewed_at'"),
        ('compnay = "Acme"\n', "key 'compnay': unknown key"),
        ('[[interviewers]]\ntitle = "Lead"\n', "key 'interviewers[0].name'"),
        ("topics = 3\n", "key 'topics'"),
        ("kind = \n", "not valid TOML"),
    ],
)
def test_malformed_context_file_names_file_and_key(
    tmp_path: Path, toml: str, expected: str
) -> None:
    f = tmp_path / "ctx.toml"
    f.write_text(toml, encoding="utf-8")
    with pytest.raises(ContextError) as info:
        load_context_file(f)
    assert str(f) in str(info.value) and expected in str(info.value)


def test_missing_context_file(tmp_path: Path) -> None:
    with pytest.raises(ContextError, match="not found"):
        load_context_file(tmp_path / "nope.toml")


def test_naive_times_are_utc() -> None:
    ctx = Context(interviewed_at=dt.datetime(2026, 11, 12, 14, 0))
    assert ctx.interviewed_at is not None and ctx.interviewed_at.tzinfo is not None
