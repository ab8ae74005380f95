"""Every rule's own examples: each `trigger` example must make the rule fire, each `pass`
example must not. Collected automatically from rules/ (one test per example, named by rule id),
as LanguageTool tests the examples inside its rules."""

from __future__ import annotations

import os

import pytest

from followup_lint.rule_model import Example
from followup_lint.rulebook import Rule, builtin_rules
from tests.conftest import linter_for


def _cases() -> list[object]:
    cases = []
    for rule in builtin_rules():
        for expect, examples in (
            ("trigger", rule.spec.examples.trigger),
            ("pass", rule.spec.examples.pass_),
        ):
            for n, example in enumerate(examples, 1):
                cases.append(pytest.param(rule, expect, example, id=f"{rule.id}-{expect}-{n}"))
    return cases


def _lint(rule: Rule, example: Example):  # type: ignore[no-untyped-def]
    mode = "thorough" if example.context.get("_mode") == "thorough" else "default"
    context = {k: v for k, v in example.context.items() if not k.startswith("_")}
    # `_languagetool`: "server" needs a real LanguageTool server (skipped without one); any other
    # value is the URL to configure (e.g. one where nothing listens).
    lt = example.context.get("_languagetool")
    lt_url = os.environ.get("FOLLOWUP_LINT_LANGUAGETOOL_URL") if lt == "server" else lt
    if lt == "server" and not lt_url:
        pytest.skip("needs a LanguageTool server: set FOLLOWUP_LINT_LANGUAGETOOL_URL")
    linter = linter_for((rule.id,), mode, lt_url)
    draft_format = example.format
    from followup_lint.reading.sources import read_draft

    draft = read_draft(example.text, format=draft_format)
    return linter.lint(draft, context=context)


@pytest.mark.parametrize(("rule", "expect", "example"), _cases())
def test_rule_example(rule: Rule, expect: str, example: Example) -> None:
    report = _lint(rule, example)
    # LanguageTool's and Harper's findings carry their own ids (lt:<ID>, harper:<lint>); only
    # this rule runs here.
    fired = [
        f for f in report.findings if f.rule == rule.id or f.rule.startswith(("lt:", "harper:"))
    ]
    if expect == "trigger":
        assert fired, f"{rule.id} should fire on:\n{example.text}"
        for f in fired:
            assert 0 <= f.span.start <= f.span.end <= len(example.text)
            assert f.message.strip()
            # An unrendered variable would leave template syntax behind (unless the draft had it).
            assert "{{" not in f.message or "{{" in example.text
    else:
        assert not fired, (
            f"{rule.id} should not fire, but said: {[f.message for f in fired]}\non:\n{example.text}"
        )


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule in builtin_rules():
        assert rule.spec.examples.trigger and rule.spec.examples.pass_, rule.id
