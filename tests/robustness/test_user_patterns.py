"""User-supplied patterns (a rule folder, a configuration override) run on RE2: a catastrophic
pattern cannot hang the linter, an invalid or unsupported one is refused with one line naming
the file and the pattern, and the patterns that ship with followup-lint stay on `re`.

The hostile cases run the real CLI in a subprocess with a timeout, so a regression fails the
test instead of hanging the suite.
"""

from __future__ import annotations

import re
import subprocess
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_lint import Config, Linter
from followup_lint.checks._matching import LazyPattern
from followup_lint.config import load_config
from followup_lint.model.errors import ConfigError, RuleError
from followup_lint.safe_regex import LinearPattern, compile_pattern, user_patterns
from tests.robustness.conftest import PYTHON, robust

#: The reported case: 32 "a"s and a "!" make `(a+)+$` backtrack for hours on `re`.
HOSTILE_SUBJECT = "a" * 32 + "!"
#: Generous on a loaded machine; RE2 answers in milliseconds, `re` would take hours.
TIMEOUT = 60


def _rule(pattern: str, *, rule_id: str = "user-pattern", scope: str = "subject") -> str:
    quoted = pattern.replace("\\", "\\\\").replace('"', '\\"')
    return textwrap.dedent(
        f"""\
        id: {rule_id}
        category: tone
        severity: warning
        scope: {scope}
        check:
          kind: existence
          patterns: ["{quoted}"]
        message: "Found {{{{ match }}}}."
        guidance: [T1]
        description: A user's rule.
        examples:
          trigger: ["Subject: aaaa"]
          pass: ["Subject: bbbb"]
        """
    )


def _workspace(tmp_path: Path, pattern: str) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "user-pattern.yaml").write_text(_rule(pattern), encoding="utf-8")
    (tmp_path / ".followup-lint.toml").write_text('rule-folders = ["rules"]\n', encoding="utf-8")
    draft = f"Subject: {HOSTILE_SUBJECT}\n\nDear Dana,\n\nThank you.\n\nBest,\nPriya\n"
    (tmp_path / "draft.txt").write_text(draft, encoding="utf-8")
    return tmp_path


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "followup_lint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_catastrophic_pattern_in_a_user_rule_does_not_hang(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "(a+)+$")
    start = time.monotonic()
    r = _cli(ws, "check", "draft.txt", "--select", "user-pattern")
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - start < TIMEOUT
    assert "Traceback" not in r.stderr


def test_catastrophic_pattern_does_not_hang_the_gate(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "(a+)+$")
    message = (ws / "draft.txt").read_bytes()
    r = subprocess.run(
        [PYTHON, "-m", "followup_lint", "sendmail", "--", "cat"],
        cwd=ws,
        input=message,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout == message  # handed on, byte for byte


def test_catastrophic_pattern_still_finds_what_it_should(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "(a+)+!$")  # matches the subject: RE2 runs it, and finds it
    r = _cli(ws, "check", "draft.txt", "--select", "user-pattern", "--fail-on", "warning")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "user-pattern" in r.stdout


def test_catastrophic_pattern_from_a_config_override_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text(
        '[rules.pushy-wording]\npatterns = ["(a+)+$"]\nmax_hits = 1\n', encoding="utf-8"
    )
    body = "Dear Dana,\n\n" + HOSTILE_SUBJECT + "\n\nBest,\nPriya\n"
    (tmp_path / "draft.txt").write_text(f"Subject: {HOSTILE_SUBJECT}\n\n{body}", encoding="utf-8")
    r = _cli(tmp_path, "check", "draft.txt", "--select", "pushy-wording")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(unclosed", "not a valid regular expression"),
        ("(?<=x)a", "look-ahead or look-behind"),
        ("(?!x)a", "negative look-ahead"),
        (r"(a)\1", "back-reference"),
        ("(?P<w>a)(?P=w)", "back-reference by name"),
        ("a{2000}", "more than 1000 times"),
        ("a++", "possessive"),
        ("(?>a)", "atomic group"),
        (r"[\W]", r"\W inside [...]"),
    ],
)
def test_unusable_user_pattern_is_refused_naming_file_and_pattern(
    tmp_path: Path, pattern: str, why: str
) -> None:
    ws = _workspace(tmp_path, pattern)
    with pytest.raises(RuleError) as err:
        Linter(Config(rule_folders=(ws / "rules",)))
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(str(ws / "rules" / "user-pattern.yaml") + ": pattern ")
    assert repr(pattern) in text and why in text


def test_unusable_user_pattern_through_the_cli_is_one_line_and_exit_2(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "(?<=x)a")
    r = _cli(ws, "check", "draft.txt")
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert str(ws / "rules" / "user-pattern.yaml") in lines[0] and "'(?<=x)a'" in lines[0]


def test_invalid_pattern_in_a_config_override_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / ".followup-lint.toml"
    path.write_text('[rules.pushy-wording]\npatterns = ["(oops"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Linter(load_config(path))
    text = str(err.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: key 'rules.pushy-wording': pattern '(oops' is not a valid")


def test_the_gate_refuses_an_invalid_user_pattern_as_a_usage_error(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, "(unclosed")
    message = (ws / "draft.txt").read_bytes()
    r = subprocess.run(
        [PYTHON, "-m", "followup_lint", "sendmail", "--", "cat"],
        cwd=ws,
        input=message,
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    err = r.stderr.decode()
    assert "bug in followup-lint" not in err and "Traceback" not in err, err
    assert "user-pattern.yaml" in err and "'(unclosed'" in err


def test_builtin_patterns_stay_on_re_and_overrides_of_other_keys_keep_them() -> None:
    # pushy-wording's patterns use look-aheads RE2 cannot run: overriding max_hits alone must
    # leave them to `re`, and they must still find what they find.
    linter = Linter(Config(select=("pushy-wording",), rules={"pushy-wording": {"max_hits": 1}}))
    (active,) = linter.active
    compiled = active.check.patterns  # type: ignore[attr-defined]
    # Built-in patterns run on `re` (compiled lazily behind their pre-test), never on RE2.
    assert compiled and not any(isinstance(p, LinearPattern) for p in compiled)
    assert all(isinstance(p, (re.Pattern, LazyPattern)) for p in compiled)
    report = linter.lint("Subject: Update\n\nDear Dana,\n\nPlease reply ASAP.\n\nBest,\nPriya\n")
    assert [f.rule for f in report.findings] == ["pushy-wording"]


def test_a_config_override_of_patterns_runs_on_re2() -> None:
    config = Config(
        select=("pushy-wording",), rules={"pushy-wording": {"patterns": [r"\bnow or never\b"]}}
    )
    (active,) = Linter(config).active
    compiled = active.check.patterns  # type: ignore[attr-defined]
    assert [type(p) for p in compiled] == [LinearPattern]
    report = Linter(config).lint("Subject: x\n\nDear Dana,\n\nIt is now or never.\n\nBest,\nLee\n")
    assert [f.rule for f in report.findings] == ["pushy-wording"]


def test_outside_user_patterns_re_compiles() -> None:
    assert isinstance(compile_pattern(r"(?<=a)b"), re.Pattern)
    with pytest.raises(RuleError), user_patterns("rules/x.yaml"):
        compile_pattern(r"(?<=a)b")


# -- the same matches as Python's `re` where both can run the pattern -------------------------

SAME_MEANING = [
    r"\w+",
    r"\W+",
    r"\d+",
    r"\D\d",
    r"\s+",
    r"\S+",
    r"[\w-]+",
    r"[^\w\s]",
    r"[\d.]+",
    r"a.b",
    r"(?:ab|a)c?",
    r"x\Z",
    r"[]x]",
    r"[^]x]+",
    r"\u00e9+",
    r"caf[eé]",
    r"[[:a]+",  # a literal "[" in a class (RE2 alone would read a POSIX class)
    r"a{,2}b",
]
ALPHABET = "ab:[ xX_-.é\u00a0\u2003٣２7\t\n]Ü!"


@robust(max_examples=150)
@given(st.sampled_from(SAME_MEANING), st.text(alphabet=ALPHABET, max_size=40), st.booleans())
def test_re2_matches_like_re(pattern: str, text: str, ignore_case: bool) -> None:
    flags = re.UNICODE | (re.IGNORECASE if ignore_case else 0)
    with user_patterns("rules/x.yaml"):
        linear = compile_pattern(pattern, flags)
    expected = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
    assert [(m.start(), m.end()) for m in linear.finditer(text)] == expected
