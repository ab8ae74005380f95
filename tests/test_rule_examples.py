"""Every rule's own examples: each `trigger` example must make the rule fire, each `pass`
example must not. Collected automatically from rules/ (one test per example, named by rule id),
as LanguageTool tests the examples inside its rules."""

from __future__ import annotations

import pytest

from followup_lint.rule_model import Example
from followup_lint.rulebook import Rule, builtin_rules

from .conftest import linter_for


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
    linter = linter_for((rule.id,), mode)
    draft_format = example.format
    from followup_lint.sources import read_draft

    draft = read_draft(example.text, format=draft_format)
    return linter.lint(draft, context=context)


@pytest.mark.parametrize(("rule", "expect", "example"), _cases())
def test_rule_example(rule: Rule, expect: str, example: Example) -> None:
    report = _lint(rule, example)
    fired = report.by_rule(rule.id)
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
