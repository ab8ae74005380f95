"""Hostile rule files: sandbox escapes in message templates, Python tags in YAML, huge files,
alias bombs and deep nesting. Each is refused with a RuleError naming the file (and through the
CLI: exit 2, one line on stderr, no traceback)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from followup_lint.model.errors import RuleError
from followup_lint.rulebook import MAX_RULE_FILE, load_rules
from tests.robustness.conftest import PYTHON

_RULE = """\
id: hostile
category: tone
severity: warning
scope: body
check:
  kind: existence
  phrases: [sorry]
message: {message}
guidance: [N1]
description: A hostile rule.
examples:
  trigger: ["Dear Dana,\\n\\nSorry.\\n\\nBest,\\nLee"]
  pass: ["Dear Dana,\\n\\nThanks.\\n\\nBest,\\nLee"]
"""

ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ match['__class__'] }}",
    "{{ match | attr('__class__') }}",
    "{{ self._TemplateReference__context }}",
    "{{ 9 ** 9 ** 9 }}",
    "{{ 'x' * 100000000 }}",  # constant: refused when the rule is loaded
    "{{ range(10) | list }}",  # Jinja's globals are gone, and a message calls no function
    "{{ lipsum() }}",
]


def _write(folder: Path, text: str, name: str = "hostile.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _quoted(message: str) -> str:
    return '"' + message.replace('"', '\\"') + '"'


@pytest.mark.parametrize("message", ESCAPES)
def test_sandbox_escape_is_refused_at_load(tmp_path: Path, message: str) -> None:
    path = _write(tmp_path / "rules", _RULE.format(message=_quoted(message)))
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path / "rules"])
    text = str(err.value)
    assert str(path) in text and "message" in text, text


@pytest.mark.parametrize(
    "message",
    [
        "{{ match * 100000000 }}",  # a memory bomb the sandbox itself allows
        "{{ (match * 2000) | replace('o', match * 2000) }}",
        "{% for c in match * 2000 %}{{ match * 2000 }}{% endfor %}",
    ],
)
def test_runtime_abuse_fails_the_rule_not_the_run(tmp_path: Path, message: str) -> None:
    """What can only be caught while rendering makes the rule fail with a notice (or raise in
    strict mode), never allocate the memory or reach a helper."""
    from followup_lint import Config, Linter

    _write(tmp_path / "rules", _RULE.format(message=_quoted(message)))
    rules = load_rules([tmp_path / "rules"])
    linter = Linter(Config(), rules=rules)
    report = linter.lint("Dear Dana,\n\nSorry for the delay.\n\nBest,\nLee")
    assert not report.findings
    assert any("hostile failed" in n for n in report.notices), report.notices


def test_python_tags_are_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        _RULE.format(message='"x"') + f"extra: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    path = _write(tmp_path / "rules", text)
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path / "rules"])
    assert str(path) in str(err.value) and "YAML" in str(err.value)
    assert not marker.exists()


def test_huge_file_is_refused(tmp_path: Path) -> None:
    text = _RULE.format(message='"x"') + "# " + "x" * MAX_RULE_FILE + "\n"
    path = _write(tmp_path / "rules", text)
    with pytest.raises(RuleError, match="limit") as err:
        load_rules([tmp_path / "rules"])
    assert str(path) in str(err.value)


def _alias_bomb(levels: int) -> str:
    lines = [_RULE.format(message='"x"').replace("  phrases: [sorry]", "  phrases: [sorry]")]
    lines.append("bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
    for i in range(1, levels):
        lines.append(f"bomb{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "rules", _alias_bomb(9))  # 9**9 values once expanded
    with pytest.raises(RuleError, match="expands") as err:
        load_rules([tmp_path / "rules"])
    assert str(path) in str(err.value)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = _RULE.format(message='"x"') + "deep: " + "[" * 50_000 + "]" * 50_000 + "\n"
    path = _write(tmp_path / "rules", text)
    with pytest.raises(RuleError, match="nested") as err:
        load_rules([tmp_path / "rules"])
    assert str(path) in str(err.value)


def _cli(tmp_path: Path, rule_text: str) -> subprocess.CompletedProcess[str]:
    _write(tmp_path / "rules", rule_text)
    config = tmp_path / ".followup-lint.toml"
    config.write_text('rule-folders = ["rules"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Subject: Thank you\n\nDear Dana,\n\nSorry.\n\nBest,\nLee\n", encoding="utf-8")
    return subprocess.run(
        [PYTHON, "-m", "followup_lint", "check", "--config", str(config), str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    "case",
    ["escape", "python-tag", "alias-bomb", "deep"],
)
def test_cli_refuses_hostile_rule_folder(tmp_path: Path, case: str) -> None:
    text = {
        "escape": _RULE.format(message=_quoted(ESCAPES[2])),
        "python-tag": _RULE.format(message='"x"') + "extra: !!python/object/apply:os.system [id]\n",
        "alias-bomb": _alias_bomb(9),
        "deep": _RULE.format(message='"x"') + "deep: " + "[" * 50_000 + "]" * 50_000 + "\n",
    }[case]
    result = _cli(tmp_path, text)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "hostile.yaml" in lines[0], result.stderr
