"""The on-disk cache (followup_lint.cache): a sound entry is read back, anything else is
rebuilt, and the cache never makes a run fail."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from followup_lint import cache
from followup_lint.rulebook import load_rules


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(where))
    return where


class Builder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_an_entry_is_built_once_then_read(folder: Path) -> None:
    build = Builder({"a": 1, "b": [1, 2]})
    assert cache.load_or_build("t", b"k", build) == {"a": 1, "b": [1, 2]}
    assert cache.load_or_build("t", b"k", build) == {"a": 1, "b": [1, 2]}
    assert build.calls == 1
    assert len(list(folder.glob("t-*.bin"))) == 1
    if hasattr(os, "getuid"):
        assert (folder.stat().st_mode & 0o077) == 0  # a private folder


def test_a_new_key_is_a_new_entry(folder: Path) -> None:
    one, two = Builder(1), Builder(2)
    assert cache.load_or_build("t", b"old", one) == 1
    assert cache.load_or_build("t", b"new", two) == 2
    assert (one.calls, two.calls) == (1, 1)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-3] + b"xyz",  # corrupt payload
        lambda b: b"garbage",  # not an entry at all
        lambda b: b"",  # empty
    ],
)
def test_a_damaged_entry_is_rebuilt_and_rewritten(folder: Path, damage: object) -> None:
    build = Builder(["x", 3])
    cache.load_or_build("t", b"k", build)
    (path,) = folder.glob("t-*.bin")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.load_or_build("t", b"k", build) == ["x", 3]
    assert build.calls == 2
    assert cache.load_or_build("t", b"k", build) == ["x", 3]
    assert build.calls == 2  # the rebuilt entry was written back


def test_a_failed_check_rebuilds(folder: Path) -> None:
    build = Builder({"ok": 1})
    cache.load_or_build("t", b"k", build)
    assert cache.load_or_build("t", b"k", build, check=lambda d: "missing" in d) == {"ok": 1}
    assert build.calls == 2


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root reads anything")
def test_an_unreadable_entry_is_rebuilt(folder: Path) -> None:
    build = Builder(5)
    cache.load_or_build("t", b"k", build)
    (path,) = folder.glob("t-*.bin")
    path.chmod(0)
    assert cache.load_or_build("t", b"k", build) == 5
    assert build.calls == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_is_not_used(folder: Path) -> None:
    folder.mkdir(mode=0o700)
    folder.chmod(0o777)  # shared with everyone: an entry there could be anyone's
    build = Builder(7)
    assert cache.load_or_build("t", b"k", build) == 7
    assert cache.load_or_build("t", b"k", build) == 7
    assert build.calls == 2
    assert not list(folder.glob("*.bin"))


def test_an_unusable_folder_costs_time_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    build = Builder(9)
    assert cache.load_or_build("t", b"k", build) == 9
    assert cache.load_or_build("t", b"k", build) == 9
    assert build.calls == 2


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir() is None
    build = Builder(1)
    cache.load_or_build("t", b"k", build)
    cache.load_or_build("t", b"k", build)
    assert build.calls == 2


def test_data_marshal_cannot_write_is_returned_uncached(folder: Path) -> None:
    value = {"when": object()}
    build = Builder(value)
    assert cache.load_or_build("t", b"k", build) is value
    assert not list(folder.glob("t-*.bin")) and not list(folder.glob(".*tmp"))


RULE = """\
id: {id}
category: tone
severity: info
scope: body
check:
  kind: existence
  phrases: [{word}]
message: "Found {{{{ match }}}}."
guidance: [T1]
description: A test rule.
examples:
  trigger: ["Subject: Hi\\n\\nDear Dana,\\n\\n{word}\\n\\nBest,\\nSam"]
  pass: ["Subject: Hi\\n\\nDear Dana,\\n\\nhello\\n\\nBest,\\nSam"]
"""


def test_rule_files_are_reparsed_when_they_change(folder: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    path = rules / "my-rule.yaml"
    path.write_text(RULE.format(id="my-rule", word="zorblax"), encoding="utf-8")
    (first,) = load_rules([rules])
    assert first.check.phrases == ["zorblax"]  # type: ignore[attr-defined]
    assert list(folder.glob("rules-*.bin"))
    (again,) = load_rules([rules])
    assert again.check.phrases == ["zorblax"]  # type: ignore[attr-defined]
    path.write_text(RULE.format(id="my-rule", word="quuxly"), encoding="utf-8")
    (changed,) = load_rules([rules])
    assert changed.check.phrases == ["quuxly"]  # type: ignore[attr-defined]


def test_a_cached_rule_set_still_reports_a_broken_file(folder: Path, tmp_path: Path) -> None:
    from followup_lint.model.errors import RuleError

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "my-rule.yaml").write_text(RULE.format(id="my-rule", word="zorblax"), "utf-8")
    load_rules([rules])
    (rules / "my-rule.yaml").write_text("id: [unclosed\n", "utf-8")
    with pytest.raises(RuleError, match="not valid YAML"):
        load_rules([rules])


def test_cached_tables_give_the_same_grade(folder: Path) -> None:
    """The syllable table and hyphenation patterns read back from the cache give the grade
    textstat gives (a fresh process, so the tables are not already in memory)."""
    import subprocess

    script = (
        "import textstat\n"
        "from followup_lint.analysis.readability import flesch_kincaid_grade as g\n"
        "t = 'Thank you for the conversation about the quarterly forecasting work and the "
        "Zorblaxian dashboards. I enjoyed it. ' * 4\n"
        "assert g(t) == float(textstat.flesch_kincaid_grade(t)), (g(t), textstat.flesch_kincaid_grade(t))\n"
    )
    env = {**os.environ, cache.ENV: str(folder)}
    for _ in range(2):  # the first run builds the entries, the second reads them
        proc = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
    assert list(folder.glob("syllables-*.bin")) and list(folder.glob("hyphenation-*.bin"))


def test_an_entry_that_cannot_be_read_or_replaced_costs_time_only(folder: Path) -> None:
    build = Builder(4)
    cache.load_or_build("t", b"k", build)
    (path,) = folder.glob("t-*.bin")
    path.unlink()
    path.mkdir()  # reading it fails, and so does renaming a new entry over it
    assert cache.load_or_build("t", b"k", build) == 4
    assert build.calls == 2
    assert not list(folder.glob(".*tmp"))  # the temporary file was cleaned up


def test_old_entries_of_a_name_are_pruned(folder: Path) -> None:
    for i in range(cache.MAX_ENTRIES_PER_NAME + 5):
        cache.load_or_build("t", str(i).encode(), Builder(i))
    assert len(list(folder.glob("t-*.bin"))) == cache.MAX_ENTRIES_PER_NAME
    newest = cache.entry_path("t", str(cache.MAX_ENTRIES_PER_NAME + 4).encode())
    assert newest is not None and newest.exists()
