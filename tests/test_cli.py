"""The command line: output, exit codes (0 clean, 1 findings, 2 usage/input error), no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from followup_lint.cli import main
from followup_lint.formatters.json_format import schema
from tests.conftest import EXAMPLES

BAD = EXAMPLES / "thank_you" / "bad.txt"
GOOD = EXAMPLES / "thank_you" / "good.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bad_thank_you_exits_1_with_the_foundation_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check", str(BAD), "--color", "never")
    assert code == 1
    for rule in ("subject-shouting", "unfilled-placeholder", "too-long", "missing-contact-details"):
        assert f" {rule} " in out, rule
    first = out.splitlines()[0]
    path, line, col, _message = first.split(":", 3)
    assert path == str(BAD) and int(line) >= 1 and int(col) >= 1
    assert "Found" in out.splitlines()[-2]


def test_good_draft_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(GOOD))
    assert code == 0, out


def test_fail_on_threshold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Subject: Following up\n\nDear Dana,\n\nAny news on the Analyst role?\n\nBest regards,\nSam Ito\n555-201-3344\n",
        encoding="utf-8",
    )
    assert run(capsys, "check", str(draft))[0] == 0  # only warnings: pass at the default (error)
    assert run(capsys, "check", str(draft), "--fail-on", "warning")[0] == 1
    assert run(capsys, "check", str(BAD), "--fail-on", "never")[0] == 0


def test_json_output_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(BAD), str(GOOD), "--format", "json")
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, schema())
    assert data["version"] == 1 and len(data["files"]) == 2
    bad = data["files"][0]
    assert bad["path"] == str(BAD) and bad["kind"] == "thank_you" and bad["kind_source"] == "given"
    assert bad["summary"]["total"] == len(bad["findings"]) > 0
    text = BAD.read_text(encoding="utf-8")
    for f in bad["findings"]:
        assert 0 <= f["span"]["start"] <= f["span"]["end"] <= len(text)


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    data = BAD.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "draft.txt", "--color", "never")
    assert code == 1 and out.startswith("draft.txt:")


def test_select_ignore_and_context_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(BAD), "--select", "subject", "--format", "json")
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert rules and all(r.startswith("subject-") for r in rules)
    code, out, _ = run(
        capsys, "check", str(BAD), "--ignore", "personalization,subject", "--format", "json"
    )
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert "unfilled-placeholder" not in rules and not any(r.startswith("subject-") for r in rules)
    code, out, _ = run(capsys, "check", str(BAD), "--kind", "networking", "--format", "json")
    assert code == 1 and json.loads(out)["files"][0]["kind"] == "networking"


def test_glob(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(EXAMPLES / "*" / "good.txt"), "--format", "json")
    assert code == 0 and len(json.loads(out)["files"]) == 7


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: str(p), "no drafts in this folder"),
        (lambda p: (p / "bin.txt").write_bytes(b"\x00\x01\x02") and str(p / "bin.txt"), "binary"),
        (
            lambda p: (p / "x.eml").write_bytes(b"just words, no headers") and str(p / "x.eml"),
            "malformed email",
        ),
        (lambda p: str(p / "*.nothing"), "no files match"),
    ],
)
def test_input_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make, message: str
) -> None:  # type: ignore[no-untyped-def]
    target = make(tmp_path)
    code, out, err = run(capsys, "check", target)
    assert (
        code == 2
        and out == ""
        and message in err
        and err.count("\n") == 1
        and "Traceback" not in err
    )


def test_bad_flag_values_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(GOOD), "--interviewed-at", "last tuesday")
    assert code == 2 and "--interviewed-at" in err
    with pytest.raises(SystemExit) as info:
        main(["check", str(GOOD), "--kind", "love_letter"])
    assert info.value.code == 2


def test_bad_config_context_and_rule_files_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text('ignroe = ["x"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(GOOD), "--config", str(cfg))
    assert code == 2 and "ignroe" in err
    ctx = tmp_path / "ctx.toml"
    ctx.write_text('kind = "thanks"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(GOOD), "--context", str(ctx))
    assert code == 2 and "ctx.toml" in err and "'kind'" in err
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "broken.yaml").write_text("id: broken\ncategory: tone\n", encoding="utf-8")
    cfg.write_text('rule-folders = ["rules"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(GOOD), "--config", str(cfg))
    assert code == 2 and "broken.yaml" in err and "field '" in err


def test_empty_and_huge_drafts_finish_with_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(empty), "--format", "json")
    rules = {f["rule"] for f in json.loads(out)["files"][0]["findings"]}
    assert code == 1 and {"subject-missing", "body-missing"} <= rules
    huge = tmp_path / "huge.txt"
    para = "Thank you for the conversation about the pricing project and the team. " * 12 + "\n\n"
    huge.write_text(
        "Subject: Thank you – Analyst interview\n\nDear Dana,\n\n"
        + para * (5_000_000 // len(para)),
        encoding="utf-8",
    )
    assert huge.stat().st_size > 4_900_000
    code, out, _ = run(capsys, "check", str(huge), "--format", "json")
    assert code in (0, 1)
    assert "too-long" in {f["rule"] for f in json.loads(out)["files"][0]["findings"]}


def test_template_only_draft(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    t = tmp_path / "template.txt"
    t.write_text(
        "Subject: Thank you – [Position]\n\nDear [Interviewer's Name],\n\n[Body]\n\nBest regards,\n[Your Name]\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(t), "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1 and sum(f["rule"] == "unfilled-placeholder" for f in findings) == 4


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    ids = {r["id"] for r in json.loads(out)["rules"]}
    assert (
        code == 0
        and {"subject-missing", "too-long", "missing-contact-details", "unfilled-placeholder"}
        <= ids
    )
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "subject-too-long" in out
    code, out, _ = run(capsys, "explain", "subject-too-long")
    assert code == 0 and "S1:" in out and "Flags, for example" in out
    code, _, err = run(capsys, "explain", "subject-to-long")
    assert code == 2 and "did you mean 'subject-too-long'" in err


def test_module_entry_point_and_no_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", "/nonexistent/draft.txt"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("followup-lint ")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


# -- conventions of ruff and Vale (issue 12) --------------------------------------------------


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / ".git").mkdir()  # a repository root: discovery stops here
    for d in ("m1", "m2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "bad.txt").write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "m1" / ".followup-lint.toml").write_text(
        'ignore = ["tone", "proofreading", "concision"]\n', encoding="utf-8"
    )
    return tmp_path / "m1" / "bad.txt", tmp_path / "m2" / "bad.txt"


def _per_file(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, int]:
    _, out, _ = run(capsys, "check", *map(str, paths), "--format", "json")
    return {r["path"]: len(r["findings"]) for r in json.loads(out)["files"]}


def test_each_draft_gets_the_configuration_found_upward_from_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    m1, m2 = _two_folders(tmp_path)
    forward = _per_file(capsys, m1, m2)
    backward = _per_file(capsys, m2, m1)
    assert forward == backward
    assert forward[str(m1)] < forward[str(m2)]


def test_stdin_filename_decides_discovery(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    m1, m2 = _two_folders(tmp_path)
    counts = []
    for name in (m1, m2):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.read_bytes())))
        _, out, _ = run(capsys, "check", "-", "--stdin-filename", str(name), "--format", "json")
        counts.append(len(json.loads(out)["files"][0]["findings"]))
    assert counts[0] < counts[1]


def test_no_path_is_a_usage_error_even_with_a_pipe(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, err = run(capsys, "check")
    assert code == 2 and out == "" and "pass - to read a draft from standard input" in err


def test_quiet_statistics_and_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(BAD), "-q", "--color", "never")
    assert code == 1 and "Found" not in out and "Message kind" not in out
    assert out.count(f"{BAD}:") == len(out.splitlines())
    code, stats, _ = run(capsys, "check", str(BAD), "--statistics", "--color", "never")
    assert code == 1
    rows = [
        line.split()
        for line in stats.splitlines()
        if line[:1].strip() and line.split()[0].isdigit()
    ]
    assert sum(int(r[0]) for r in rows) == len(out.splitlines())
    assert any(r[1] == "unfilled-placeholder" and r[2] == "error" for r in rows)
    assert run(capsys, "check", str(BAD), "--exit-zero")[0] == 0
    assert run(capsys, "check", "/no/such/file.txt", "--exit-zero")[0] == 2


def test_output_format_full_quotes_the_line_with_a_caret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _code, out, _ = run(
        capsys, "check", str(BAD), "--output-format", "full", "--select", "unfilled-placeholder"
    )
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if " unfilled-placeholder " in line)
    _path, line_no, col, _rest = lines[i].split(":", 3)
    source, carets = lines[i + 1], lines[i + 2]
    assert source.startswith(f"{line_no} | ")
    text = source.split(" | ", 1)[1]
    under = carets.split(" | ", 1)[1]
    start = under.index("^")
    assert start == int(col) - 1
    assert text[start : start + under.count("^")].startswith("[")


def test_force_color_and_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[" in run(capsys, "check", str(BAD))[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in run(capsys, "check", str(BAD))[1]


def test_a_folder_lints_its_drafts_minus_the_excluded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    for rel in ("a.txt", "b.md", "c.eml", "notes.pdf", "old/d.txt", ".hidden/e.txt"):
        p = tmp_path / "drafts" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        body = "Subject: Thank you\n\nDear Dana,\n\nThank you.\n\nBest,\nSam\n"
        p.write_text(("From: s@x.org\n" if rel.endswith(".eml") else "") + body, encoding="utf-8")
    _, out, _ = run(capsys, "check", str(tmp_path / "drafts"), "--format", "json")
    names = sorted(Path(r["path"]).name for r in json.loads(out)["files"])
    assert names == ["a.txt", "b.md", "c.eml", "d.txt"]
    (tmp_path / ".followup-lint.toml").write_text('exclude = ["old"]\n', encoding="utf-8")
    _, out, _ = run(
        capsys, "check", str(tmp_path / "drafts"), "--exclude", "*.md", "--format", "json"
    )
    names = sorted(Path(r["path"]).name for r in json.loads(out)["files"])
    assert names == ["a.txt", "c.eml"]


def test_show_settings_names_where_each_value_came_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    m1, _m2 = _two_folders(tmp_path)
    code, out, _ = run(capsys, "check", str(m1), "--show-settings", "--fail-on", "warning")
    assert code == 0
    lines = {line.split(" = ")[0].strip(): line for line in out.splitlines() if " = " in line}
    assert lines["ignore"].endswith(f"# {tmp_path / 'm1' / '.followup-lint.toml'}")
    assert '"warning"' in lines["fail-on"] and lines["fail-on"].endswith("# the command line")
    assert lines["select"].endswith("# default")


def test_unknown_rule_on_the_command_line_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(GOOD), "--select", "subject-shoutin")
    assert (
        code == 2
        and "--select: unknown rule or category 'subject-shoutin'; did you mean 'subject-shouting'?"
        in err
    )


def test_check_counts_hidden_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    draft = tmp_path / "bad.txt"
    draft.write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text(
        '[[hidden-false-positives]]\nrule = "unfilled-placeholder"\ntext = "[Job Title]"\n',
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "check", str(draft), "--color", "never")
    assert "unfilled-placeholder" not in out and "1 hidden by hidden-false-positives" in out
    _, out, _ = run(capsys, "check", str(draft), "--format", "json")
    assert json.loads(out)["files"][0]["summary"]["hidden"] == 1


def test_python_dash_m_and_the_fix_subcommand(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "check", str(GOOD)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Subject: Thanks\n\nHey Dana,\n\nThank you for Tuesday.\n\nBest,\nSam\n", encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "followup_lint", "fix", str(draft), "--select", "informal-greeting"],
        capture_output=True,
        text=True,
    )
    assert "Dear Dana," in draft.read_text(encoding="utf-8"), proc.stderr


def test_explain_shows_how_to_hide_one_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "spelling")
    assert code == 0
    assert "[[hidden-false-positives]]" in out and 'rule = "spelling"' in out
