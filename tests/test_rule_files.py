"""Rule files: validation errors name the file and the field; the schema is exported."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import RuleError
from followup_lint.rule_model import rule_schema
from followup_lint.rulebook import builtin_rules, load_rule_file, load_rules

GOOD = """\
id: {id}
category: tone
severity: warning
scope: body
check:
  kind: existence
  phrases: [awesome]
message: "Avoid {{{{ match }}}}."
guidance: [N2]
description: Casual praise.
examples:
  trigger: ["Dear Dana,\\n\\nThat was awesome.\\n\\nBest,\\nSam"]
  pass: ["Dear Dana,\\n\\nThat was useful.\\n\\nBest,\\nSam"]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / f"{name}.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_good_rule_loads(tmp_path: Path) -> None:
    rule = load_rule_file(_write(tmp_path, "casual", GOOD.format(id="casual")))
    assert rule.id == "casual" and rule.check.kind == "existence"


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("severity: warning", "severity: fatal", "severity"),
        ("scope: body", "scope: footer", "scope"),
        ("  kind: existence", "  kind: nonsense", "check"),
        ("  phrases: [awesome]", "  phrases: [awesome]\n  max_hits: 0", "check.existence.max_hits"),
        ("  phrases: [awesome]", "  phrasez: [awesome]", "check.existence.phrasez"),
        ("guidance: [N2]", "guidance: [Z9]", "guidance"),
        ('message: "Avoid {{ match }}."', 'message: "Avoid {{ match."', "message"),
        ("  pass: [", "  passes: [", "examples"),
        ("description: Casual praise.\n", "", "description"),
    ],
)
def test_invalid_rule_names_file_and_field(tmp_path: Path, old: str, new: str, field: str) -> None:
    text = GOOD.format(id="casual")
    assert old in text
    p = _write(tmp_path, "casual", text.replace(old, new))
    with pytest.raises(RuleError) as info:
        load_rule_file(p)
    message = str(info.value)
    assert message.startswith(str(p)) and f"field '{field}" in message
    assert "\n" not in message  # one line


def test_id_must_match_file_name(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="must match the file name"):
        load_rule_file(_write(tmp_path, "other", GOOD.format(id="casual")))


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a", "casual", GOOD.format(id="casual"))
    _write(tmp_path / "b", "casual", GOOD.format(id="casual"))
    with pytest.raises(RuleError, match="already defined"):
        load_rules([tmp_path])


def test_python_tags_and_bad_yaml_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not valid YAML"):
        load_rule_file(_write(tmp_path, "evil", "!!python/object/apply:os.system ['echo hi']\n"))
    with pytest.raises(RuleError, match=r"not valid YAML \(line 2, column 1\)"):
        load_rule_file(_write(tmp_path, "broken", "id: [unclosed\n"))
    with pytest.raises(RuleError, match="must be a YAML mapping"):
        load_rule_file(_write(tmp_path, "list", "- a\n- b\n"))


def test_strict_template_variables_fail_at_render(tmp_path: Path) -> None:
    from followup_lint import Config, Linter

    rule = load_rule_file(
        _write(tmp_path, "casual", GOOD.format(id="casual").replace("{{ match }}", "{{ mtach }}"))
    )
    linter = Linter(Config(), rules=[rule], strict=True)
    with pytest.raises(Exception, match="mtach"):
        linter.lint("Dear Dana,\n\nThat was awesome.\n\nBest,\nSam")


def test_builtin_rules_are_unique_and_documented() -> None:
    rules = builtin_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r.path.parent.name == r.spec.category, (
            f"{r.path} should live in rules/{r.spec.category}/"
        )
        assert r.spec.description.strip() and r.spec.guidance


def test_schema_lists_every_check_kind() -> None:
    from followup_lint.checks import registry

    schema = rule_schema()
    text = str(schema)
    for kind in registry():
        assert f"'{kind}'" in text
    assert "examples" in schema["properties"]
