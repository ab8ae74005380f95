"""LanguageTool's documented /v2/check JSON turned into findings (no server involved: the
client is replaced by one that answers with a recorded response)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from followup_lint import Config, Linter
from followup_lint.proofreading import languagetool as lt

# The shape documented at https://languagetool.org/http-api/ (POST /v2/check), trimmed.
DOCUMENTED = json.loads(
    """
{
  "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28",
               "apiVersion": 1, "premium": false, "status": ""},
  "warnings": {"incompleteResults": false},
  "language": {"name": "English (US)", "code": "en-US",
               "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.99}},
  "matches": [
    {"message": "The verb 'has' does not agree with the subject 'I'.",
     "shortMessage": "Agreement",
     "replacements": [{"value": "have"}, {"value": "had"}, {"value": "having"}, {"value": "haz"}],
     "offset": 46, "length": 3,
     "context": {"text": "...", "offset": 0, "length": 3},
     "sentence": "I has enjoyed our talk.",
     "type": {"typeName": "Other"},
     "rule": {"id": "HAVE_PART_AGREEMENT", "description": "Agreement",
              "issueType": "grammar",
              "category": {"id": "GRAMMAR", "name": "Grammar"}},
     "ignoreForIncompleteSentence": false, "contextForSureMatch": 0}
  ]
}
"""
)


def test_parse_documented_response() -> None:
    text = "Thank you for meeting with me yesterday 🙂 and I has enjoyed our talk."
    payload = json.loads(json.dumps(DOCUMENTED))
    payload["matches"][0]["offset"] = len(text[: text.index("has")].encode("utf-16-le")) // 2
    [m] = lt.parse_matches(payload, text)
    assert text[m.start : m.end] == "has"
    assert m.rule_id == "HAVE_PART_AGREEMENT"
    assert m.replacements == ("have", "had", "having", "haz")
    assert not m.is_spelling


def test_malformed_response_is_unavailable_and_bad_matches_are_skipped() -> None:
    with pytest.raises(lt.Unavailable):
        lt.parse_matches({"error": "nope"}, "text")
    payload = {"matches": [{"offset": "x"}, {"offset": 0, "length": 4, "rule": {"id": "R-1.x"}}]}
    [m] = lt.parse_matches(payload, "text here")
    assert (m.start, m.end, m.rule_id) == (0, 4, "R_1_x")  # fits the report schema's lt: ids


class _Recorded(lt.Client):
    """A client that answers from a function of the sent text instead of the network."""

    def __init__(self, answer: Any) -> None:
        super().__init__("http://recorded.invalid")
        self.answer = answer
        self.sent: list[dict[str, str]] = []

    def _request(self, path: str, data: dict[str, str] | None = None) -> Any:
        assert data is not None
        self.sent.append(data)
        return self.answer(data["text"])


def _match(
    text: str, word: str, rule: str, repl: list[str], issue: str, cat: str, nth: int = 0
) -> dict:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    off = len(text[:i].encode("utf-16-le")) // 2
    n = len(word.encode("utf-16-le")) // 2
    return {
        "message": f"Check '{word}'.",
        "replacements": [{"value": r} for r in repl],
        "offset": off,
        "length": n,
        "rule": {"id": rule, "issueType": issue, "category": {"id": cat}},
    }


DRAFT = (
    "Subject: Thank you\nTo: Siobhán Nguyen-Oyelaran <siobhan@northwindlabs.io>\n\n"
    "Dear Ms. Nguyen-Oyelaran,\n\n"
    "Thank you 🙏 for the café tour, Ms. Nguyen-Oyelaran. I has enjoyed it, and teh demo.\n\n"
    "Best regards,\nSam Ito"
)


def test_matches_become_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(text: str) -> dict:
        return {
            "matches": [
                _match(
                    text,
                    "has",
                    "HAVE_PART_AGREEMENT",
                    ["have", "had", "having", "x"],
                    "grammar",
                    "GRAMMAR",
                ),
                _match(
                    text,
                    "Oyelaran",
                    "MORFOLOGIK_RULE_EN_US",
                    ["Overran"],
                    "misspelling",
                    "TYPOS",
                    1,
                ),
                _match(text, "teh", "MORFOLOGIK_RULE_EN_US", ["the"], "misspelling", "TYPOS"),
                _match(text, "café", "EN_DIACRITICS", ["cafe"], "style", "STYLE"),
                # A spelling match on an ordinary word is kept: only names and our own typos go.
                _match(text, "tour", "MORFOLOGIK_RULE_EN_US", ["tours"], "misspelling", "TYPOS"),
            ]
        }

    client = _Recorded(answer)
    monkeypatch.setattr(lt, "client_for", lambda *a, **k: client)
    linter = Linter(Config(languagetool={"url": "http://127.0.0.1:1"}), strict=True)  # type: ignore[arg-type]
    report = linter.lint(DRAFT)
    lt_findings = [f for f in report.findings if f.rule.startswith("lt:")]
    by_rule = {f.rule: f for f in lt_findings}
    # The name and the typo our own speller reports are dropped; grammar and style stay.
    assert sorted(f.rule for f in lt_findings) == [
        "lt:EN_DIACRITICS",
        "lt:HAVE_PART_AGREEMENT",
        "lt:MORFOLOGIK_RULE_EN_US",
    ]
    kept = by_rule["lt:MORFOLOGIK_RULE_EN_US"]
    assert DRAFT[kept.span.start : kept.span.end] == "tour"
    agreement = by_rule["lt:HAVE_PART_AGREEMENT"]
    assert DRAFT[agreement.span.start : agreement.span.end] == "has"
    assert [x.replacement for x in agreement.fixes] == ["have", "had", "having"]
    assert agreement.category == "proofreading"
    assert "HAVE_PART_AGREEMENT" in agreement.message and "Check 'has'" in agreement.message
    style = by_rule["lt:EN_DIACRITICS"]
    assert DRAFT[style.span.start : style.span.end] == "café"
    assert style.severity.value == "info"
    assert report.by_rule("spelling") and DRAFT[
        report.by_rule("spelling")[0].span.start :
    ].startswith("teh")
    assert not report.by_rule("languagetool-unavailable")
    assert report.to_dict()["findings"]


def test_disabled_rules_reach_the_request(monkeypatch: pytest.MonkeyPatch) -> None:
    made: dict[str, Any] = {}
    real = lt.client_for

    def spy(url: str, **kw: Any) -> lt.Client:
        made.update(kw)
        client = real(url, **kw)
        monkeypatch.setattr(
            client,
            "_request",
            lambda path, data=None: made.setdefault("form", data) and {"matches": []},
        )
        return client

    monkeypatch.setattr(lt, "client_for", spy)
    cfg = Config(languagetool={"url": "http://127.0.0.1:1", "disabled_rules": ["PASSIVE_VOICE"]})  # type: ignore[arg-type]
    Linter(cfg, strict=True).lint(DRAFT)
    expected = {"EN_A_VS_AN", "ENGLISH_WORD_REPEAT_RULE", "MORFOLOGIK_RULE_EN_US", "PASSIVE_VOICE"}
    assert expected <= set(made["disabled_rules"])
    assert "EN_A_VS_AN" in made["form"]["disabledRules"].split(",")
    lt._clients.clear()
