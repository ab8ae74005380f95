"""Configuration: discovery, validation, selection and per-rule overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Config, ConfigError, Linter
from followup_lint.config import discover_config, find_config, load_config

BAD = "Subject: hey\n\nHi,\n\nI want the job in order to grow.\n\nThx\n"


def test_found_upward_and_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.followup-lint]\nfail-on = "warning"\n', encoding="utf-8"
    )
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    assert discover_config(sub).fail_on == "warning"
    (tmp_path / "a" / ".followup-lint.toml").write_text('ignore = ["tone"]\n', encoding="utf-8")
    assert discover_config(sub).ignore == ("tone",)


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 80\n", encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('fail-on = "sometimes"\n', "key 'fail-on'"),
        ('ignroe = ["x"]\n', "key 'ignroe': unknown key"),
        ("select = 3\n", "key 'select'"),
        ('[rules.too-long]\nseverity = "fatal"\n', "key 'rules.too-long.severity'"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_config_names_key(tmp_path: Path, toml: str, expected: str) -> None:
    f = tmp_path / ".followup-lint.toml"
    f.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(f)
    assert str(f) in str(info.value) and expected in str(info.value)


def test_select_and_ignore_by_id_and_category() -> None:
    only_subject = Linter(Config(select=("subject",)))
    assert {a.rule.spec.category for a in only_subject.active} == {"subject"}
    r = only_subject.lint(BAD)
    assert r.findings and all(f.category == "subject" for f in r.findings)
    no_vague = Linter(Config(select=("subject",), ignore=("subject-vague",)))
    assert "subject-vague" not in {a.id for a in no_vague.active}
    assert "subject-vague" not in no_vague.lint(BAD).rules


def test_unknown_rule_in_select_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule or category 'subjct'"):
        Linter(Config(select=("subjct",)))


def test_severity_and_parameter_overrides(tmp_path: Path) -> None:
    f = tmp_path / ".followup-lint.toml"
    f.write_text('[rules.subject-too-long]\nseverity = "error"\nmax = 10\n', encoding="utf-8")
    linter = Linter(load_config(f))
    [finding] = linter.lint("Subject: Thank you for the interview\n\nDear Dana,\n").by_rule(
        "subject-too-long"
    )
    assert finding.severity.value == "error" and "10" in finding.message


def test_bad_parameter_override_names_the_key(tmp_path: Path) -> None:
    f = tmp_path / ".followup-lint.toml"
    f.write_text('[rules.subject-too-long]\nmax = "long"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.subject-too-long\.max"):
        Linter(load_config(f))


def test_extra_rule_folder(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "no-cheers.yaml").write_text(
        "id: no-cheers\ncategory: tone\nseverity: warning\nscope: closing\n"
        "check: {kind: existence, phrases: [cheers]}\nmessage: 'Our house style avoids \"{{ match }}\".'\n"
        "guidance: [N1]\ndescription: House style.\n"
        'examples: {trigger: ["Dear Dana,\\n\\nHi.\\n\\nCheers,\\nSam"], pass: ["Dear Dana,\\n\\nHi.\\n\\nBest,\\nSam"]}\n',
        encoding="utf-8",
    )
    cfg = tmp_path / ".followup-lint.toml"
    cfg.write_text('rule-folders = ["house"]\nselect = ["no-cheers"]\n', encoding="utf-8")
    linter = Linter(load_config(cfg))
    assert linter.lint("Dear Dana,\n\nHi.\n\nCheers,\nSam").rules == {"no-cheers"}


def test_messages_show_the_overridden_parameters(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "few-cheers.yaml").write_text(
        "id: few-cheers\ncategory: tone\nseverity: warning\nscope: message\n"
        "check: {kind: existence, phrases: [cheers], max_hits: 5}\n"
        "message: 'Reported at most {{ max_hits }} times.'\n"
        "guidance: [N1]\ndescription: House style.\n"
        'examples: {trigger: ["Dear Dana,\\n\\nHi.\\n\\nCheers,\\nSam"], pass: ["Dear Dana,\\n\\nHi.\\n\\nBest,\\nSam"]}\n',
        encoding="utf-8",
    )
    cfg = tmp_path / ".followup-lint.toml"
    cfg.write_text(
        'rule-folders = ["house"]\nselect = ["few-cheers"]\n[rules.few-cheers]\nmax_hits = 2\n',
        encoding="utf-8",
    )
    [finding] = Linter(load_config(cfg)).lint("Dear Dana,\n\nHi.\n\nCheers,\nSam").findings
    assert finding.message == "Reported at most 2 times."
