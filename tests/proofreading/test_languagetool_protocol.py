"""Protocol tests: the LanguageTool client against a small HTTP server on 127.0.0.1 that answers
the documented API (/v2/languages, /v2/check) the way LanguageTool does, including UTF-16
offsets, slowness, rate limits and errors."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import jsonschema
import pytest

from followup_lint import Config, Linter, Report
from followup_lint.cli import main
from followup_lint.model.severity import fails
from followup_lint.proofreading import languagetool as lt
from tests.proofreading.conftest import FakeLanguageTool

DRAFT = (
    "Subject: Thank you - Platform Engineer interview\n"
    "To: Siobhán Nguyen-Oyelaran <siobhan@northwindlabs.io>\n\n"
    "Dear Ms. Nguyen-Oyelaran,\n\n"
    "Thank you 🙏🏽 for the tour of the café. I has enjoyed it.\n\n"
    "The roadmap discussion was great 😀 and we has much to do.\n\n"
    "Best regards,\nSam Ito"
)


def linter(url: str, timeout: float = 2.0) -> Linter:
    cfg = Config(languagetool={"url": url, "timeout": timeout})  # type: ignore[arg-type]
    return Linter(cfg, strict=True)


def lt_findings(report: Report) -> list[tuple[str, str]]:
    return [
        (f.rule, DRAFT[f.span.start : f.span.end])
        for f in report.findings
        if f.rule.startswith("lt:")
    ]


def test_protocol_check_request_and_utf16_offsets(fake_lt: FakeLanguageTool) -> None:
    fake_lt.grammar = {"has": ("HAVE_PART_AGREEMENT", ["have", "had"])}
    fake_lt.spelling = {"Oyelaran": ["Overran"]}
    report = linter(fake_lt.url).lint(DRAFT)
    # Both "has" matches land on "has" although emoji come before them (UTF-16 offsets).
    assert lt_findings(report) == [("lt:HAVE_PART_AGREEMENT", "has")] * 2
    assert not report.by_rule("languagetool-unavailable")
    [form] = fake_lt.requests  # one request for the whole draft, shared by both rules
    assert form["language"] == "en-US"
    assert "MORFOLOGIK_RULE_EN_US" in form["disabledRules"].split(",")
    assert "I has enjoyed it." in form["text"] and "Subject:" not in form["text"]
    first = next(f for f in report.findings if f.rule == "lt:HAVE_PART_AGREEMENT")
    assert [x.replacement for x in first.fixes] == ["have", "had"]


def test_protocol_languages_endpoint(fake_lt: FakeLanguageTool) -> None:
    client = lt.client_for(fake_lt.url, timeout=2.0, language="en-US", disabled_rules=())
    assert "en-US" in client.languages()


def test_protocol_results_are_cached_per_paragraph(fake_lt: FakeLanguageTool) -> None:
    fake_lt.grammar = {"has": ("HAVE_PART_AGREEMENT", ["have"])}
    lin = linter(fake_lt.url)
    first = lin.lint(DRAFT)
    again = lin.lint(DRAFT)
    assert len(fake_lt.requests) == 1
    assert lt_findings(again) == lt_findings(first)
    # An edit to one paragraph re-sends that paragraph only.
    edited = DRAFT.replace("we has much", "we has so much")
    report = lin.lint(edited)
    assert len(fake_lt.requests) == 2
    assert (
        fake_lt.requests[1]["text"].strip()
        == "The roadmap discussion was great 😀 and we has so much to do."
    )
    assert len([f for f in report.findings if f.rule == "lt:HAVE_PART_AGREEMENT"]) == 2


def test_protocol_slow_server_times_out_and_is_reported_once(fake_lt: FakeLanguageTool) -> None:
    fake_lt.delay = 3.0
    started = time.monotonic()
    report = linter(fake_lt.url, timeout=0.5).lint(DRAFT)
    assert time.monotonic() - started < 2.5
    [info] = report.by_rule("languagetool-unavailable")
    assert info.severity.value == "info"
    assert "did not answer within 0.5 s" in info.message
    # Information only: it never makes a run fail, even at --fail-on warning.
    assert not fails(info.severity, "warning")


def test_protocol_rate_limit_is_reported_and_not_retried(fake_lt: FakeLanguageTool) -> None:
    fake_lt.status = 429
    fake_lt.retry_after = "60"
    lin = linter(fake_lt.url)
    report = lin.lint(DRAFT)
    [info] = report.by_rule("languagetool-unavailable")
    assert "429" in info.message and "60 s" in info.message
    # The next draft within the wait does not knock again.
    report2 = lin.lint(DRAFT.replace("tour", "visit"))
    assert report2.by_rule("languagetool-unavailable")
    assert len(fake_lt.requests) == 1


def test_protocol_server_error_and_bad_json(fake_lt: FakeLanguageTool) -> None:
    fake_lt.status = 500
    report = linter(fake_lt.url).lint(DRAFT)
    assert "HTTP 500" in report.by_rule("languagetool-unavailable")[0].message
    lt._clients.clear()
    fake_lt.status = 200
    fake_lt.body = b"<html>not json</html>"
    report = linter(fake_lt.url).lint(DRAFT)
    assert "JSON" in report.by_rule("languagetool-unavailable")[0].message


def test_protocol_offline_checks_still_run_when_unreachable() -> None:
    lt._clients.clear()
    text = DRAFT.replace("tour", "tuor")
    report = linter("http://127.0.0.1:9").lint(text)
    assert len(report.by_rule("languagetool-unavailable")) == 1
    assert [text[f.span.start : f.span.end] for f in report.by_rule("spelling")] == ["tuor"]
    lt._clients.clear()


def test_protocol_cli_flag_and_exit_code(
    fake_lt: FakeLanguageTool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    fake_lt.grammar = {"has": ("HAVE_PART_AGREEMENT", ["have"])}
    code = main(
        [
            "check",
            "--select",
            "languagetool,languagetool-unavailable",
            "--languagetool-url",
            fake_lt.url,
            "--format",
            "json",
            str(draft),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert '"lt:HAVE_PART_AGREEMENT"' in out
    schema_path = Path(lt.__file__).resolve().parents[1] / "schemas" / "report.schema.json"
    jsonschema.validate(json.loads(out), json.loads(schema_path.read_text(encoding="utf-8")))
    # Unreachable: an info finding, and the exit status is still 0 at --fail-on warning.
    code = main(
        [
            "check",
            "--select",
            "languagetool-unavailable",
            "--languagetool-url",
            "http://127.0.0.1:9",
            "--fail-on",
            "warning",
            str(draft),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "languagetool-unavailable" in out


def test_public_service_needs_opt_in(fake_lt: FakeLanguageTool) -> None:
    report = linter("https://api.languagetool.org").lint(DRAFT)
    [info] = report.by_rule("languagetool-unavailable")
    assert "allow-public" in info.message
    assert lt.server_url("public", allow_public=True) == lt.PUBLIC_URL
    with pytest.raises(lt.Unavailable, match="not an http"):
        lt.server_url("ftp://example.com", allow_public=False)


def test_local_server_announces_download_and_fails_cleanly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`url = "local"` where nothing can be downloaded: the download is announced with its size
    and place before it starts, and its failure becomes the info finding."""
    import language_tool_python.download_lt as dl

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    for name in (
        "BASE_URL_NEW_RELEASES",
        "BASE_URL_RELEASE",
        "BASE_URL_ARCHIVE",
        "BASE_URL_SNAPSHOT",
    ):
        monkeypatch.setattr(dl, name, "http://127.0.0.1:9/")
    monkeypatch.setattr(lt, "_local", None)
    caplog.set_level(logging.WARNING, logger="followup_lint.proofreading.languagetool")
    report = linter("local").lint(DRAFT)
    [info] = report.by_rule("languagetool-unavailable")
    if lt.java_major() is None or (lt.java_major() or 0) < 17:
        assert "Java 17" in info.message
    else:
        assert "could not be downloaded or started" in info.message
        announce = [
            r.getMessage() for r in caplog.records if "Downloading LanguageTool" in r.getMessage()
        ]
        assert announce and "250 MB" in announce[0] and str(tmp_path / "lt") in announce[0]
    monkeypatch.setattr(lt, "_local", None)
