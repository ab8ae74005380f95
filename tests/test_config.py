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


# -- bounded, trusted discovery (issue 14, item 10) -------------------------------------------


def test_discovery_stops_at_a_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text('ignore = ["tone"]\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "drafts").mkdir()
    assert find_config(repo / "drafts") is None
    assert discover_config(repo / "drafts") == Config()
    (repo / ".followup-lint.toml").write_text('ignore = ["subject"]\n', encoding="utf-8")
    assert discover_config(repo / "drafts").ignore == ("subject",)


def test_discovery_stops_at_the_home_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".followup-lint.toml").write_text('ignore = ["tone"]\n', encoding="utf-8")
    home = tmp_path / "home"
    (home / "drafts").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    assert find_config(home / "drafts") is None


def test_a_file_others_can_write_is_ignored_with_a_notice(tmp_path: Path) -> None:
    shared = tmp_path / ".followup-lint.toml"
    shared.write_text('[languagetool]\nurl = "http://127.0.0.1:9"\n', encoding="utf-8")
    shared.chmod(0o666)
    cfg = discover_config(tmp_path)
    assert cfg.languagetool.url is None
    assert cfg.notices and "other users may write it" in cfg.notices[0]
    report = Linter(cfg).lint(BAD)
    assert any("was ignored" in n for n in report.notices)


def test_a_file_owned_by_someone_else_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    (tmp_path / ".followup-lint.toml").write_text('ignore = ["tone"]\n', encoding="utf-8")
    monkeypatch.setattr(os, "getuid", lambda: os.stat(tmp_path).st_uid + 1)
    cfg = discover_config(tmp_path)
    assert cfg.ignore == () and "belongs to another user" in cfg.notices[0]


def test_the_report_says_where_draft_text_is_sent(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('[languagetool]\nurl = "http://127.0.0.1:9"\ntimeout = 0.2\n', encoding="utf-8")
    report = Linter(load_config(path)).lint(BAD)
    sent = [n for n in report.notices if "is sent to the LanguageTool server" in n]
    assert sent and "http://127.0.0.1:9" in sent[0] and str(path) in sent[0]
    assert not any("is sent to" in n for n in Linter(Config()).lint(BAD).notices)


# -- did you mean ------------------------------------------------------------------------------


def test_unknown_rule_in_a_config_file_suggests_the_closest(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('ignore = ["subject-shoutin"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'subject-shouting'"):
        Linter(load_config(path))


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('fail_onn = "warning"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'fail-on'"):
        load_config(path)


# -- hidden false positives ----------------------------------------------------------------------

HFP_DRAFT = (
    "Subject: Thank you - Analyst interview\n\nDear Ms. Okafor,\n\n"
    "Thank you for the conversation about kubeflow on Tuesday. I enjoyed it!\n\n"
    "Best regards,\nPriya Natarajan\npriya@example.com\n"
)


def _rules_hit(cfg: Config, text: str = HFP_DRAFT) -> tuple[set[str], int]:
    report = Linter(cfg).lint(text)
    return report.rules, report.hidden


def test_hidden_false_positive_by_exact_text() -> None:
    rules, hidden = _rules_hit(Config(select=("spelling",)))
    assert "spelling" in rules and hidden == 0
    cfg = Config.model_validate(
        {
            "select": ["spelling"],
            "hidden-false-positives": [{"rule": "spelling", "text": "kubeflow"}],
        }
    )
    rules, hidden = _rules_hit(cfg)
    assert "spelling" not in rules and hidden == 1


def test_hidden_false_positive_by_sentence_pattern() -> None:
    base = {"select": ["spelling"]}
    wrong = Config.model_validate(
        {
            **base,
            "hidden-false-positives": [{"rule": "spelling", "sentence": "conversation about X"}],
        }
    )
    assert _rules_hit(wrong) == ({"spelling"}, 0)
    right = Config.model_validate(
        {
            **base,
            "hidden-false-positives": [{"rule": "spelling", "sentence": r"about \w+ on Tuesday"}],
        }
    )
    assert _rules_hit(right) == (set(), 1)
    other_rule = Config.model_validate(
        {**base, "hidden-false-positives": [{"rule": "too-long", "text": "kubeflow"}]}
    )
    assert _rules_hit(other_rule)[1] == 0


def test_hidden_false_positives_in_followup_toml_apply_to_that_draft(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "note.txt").write_text(HFP_DRAFT, encoding="utf-8")
    (tmp_path / "a" / "followup.toml").write_text(
        '[[hidden-false-positives]]\nrule = "spelling"\ntext = "kubeflow"\n', encoding="utf-8"
    )
    linter = Linter(Config(select=("spelling",)))
    a, b = linter.lint_many([tmp_path / "a" / "note.txt", tmp_path / "b" / "note.txt"])
    assert (a.hidden, len(a.findings)) == (1, 0)
    assert b.hidden == 0 and b.rules == {"spelling"}


def test_a_hidden_entry_needs_a_pattern_or_text(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('[[hidden-false-positives]]\nrule = "spelling"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="hidden-false-positives"):
        load_config(path)
    path.write_text(
        '[[hidden-false-positives]]\nrule = "spelling"\nsentence = "(unclosed"\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="not a valid regular expression"):
        load_config(path)


def test_sentence_around() -> None:
    from followup_lint.model.hidden import sentence_around

    text = "First one. The second\nsentence wraps here! Third."
    start = text.index("wraps")
    assert sentence_around(text, start, start + 5) == "The second sentence wraps here!"


def test_a_hidden_entry_for_an_unknown_rule_suggests_the_closest(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('[[hidden-false-positives]]\nrule = "speling"\ntext = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"key 'hidden-false-positives'.*did you mean 'spelling'"):
        Linter(load_config(path))
