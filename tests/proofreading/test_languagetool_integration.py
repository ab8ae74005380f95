"""Against a real LanguageTool server, when FOLLOWUP_LINT_LANGUAGETOOL_URL names one."""

from __future__ import annotations

import os

import pytest

from followup_lint import Config, Linter
from followup_lint.proofreading import languagetool as lt

URL = os.environ.get("FOLLOWUP_LINT_LANGUAGETOOL_URL")

pytestmark = [
    pytest.mark.languagetool,
    pytest.mark.skipif(
        not URL, reason="needs a LanguageTool server: set FOLLOWUP_LINT_LANGUAGETOOL_URL"
    ),
]

DRAFT = (
    "Subject: Thank you - Platform Engineer interview\n"
    "To: Siobhán Nguyen-Oyelaran <siobhan@northwindlabs.io>\n\n"
    "Dear Ms. Nguyen-Oyelaran,\n\n"
    "Thank you 🙏🏽 for the tour. I has enjoyed our talk about Kubernetes, and he go there often.\n\n"
    "Best regards,\nSam Ito"
)


def test_real_server_finds_grammar_and_keeps_names() -> None:
    assert URL
    lt._clients.clear()
    cfg = Config(languagetool={"url": URL, "timeout": 10})  # type: ignore[arg-type]
    report = Linter(cfg, strict=True).lint(DRAFT)
    assert not report.by_rule("languagetool-unavailable"), report.by_rule(
        "languagetool-unavailable"
    )
    found = [(f.rule, DRAFT[f.span.start : f.span.end]) for f in report.findings]
    lt_found = [x for x in found if x[0].startswith("lt:")]
    assert lt_found, found
    assert any(text in ("has", "I has", "go", "he go") for _, text in lt_found), lt_found
    assert not any("Oyelaran" in text or "Siobhán" in text for _, text in found), found


def test_real_server_languages() -> None:
    assert URL
    client = lt.Client(URL, timeout=10)
    assert any(code.startswith("en") for code in client.languages())
