"""The compiled-pattern cache (followup_lint.regex_cache): a pattern read back from the disk
is the pattern `re` compiles, and a damaged or missing entry only means compiling again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from followup_lint import cache, regex_cache

PATTERNS = [
    (r"(?<![\w'’-])(?:best\s+regards|cheers)(?![\w'’-])", re.IGNORECASE),
    (r"^(?P<name>[A-Z][a-z]+)(?:,\s*(?P=name))?$", 0),
    (r"(?i:thank\s+you)\s+(\w+)|(?:see\s+you)", re.MULTILINE),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder and a module state as in a new process."""
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(where))
    _forget(monkeypatch)
    return where


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_STATE", regex_cache._State())


def _store_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compile PATTERNS, write them to the entry, and start again as a new process would."""
    for pattern, flags in PATTERNS:
        regex_cache.compile(pattern, flags)
    regex_cache.flush()
    _forget(monkeypatch)


class Counting:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = re.compile

        def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
            self.calls += 1
            return real(pattern, flags)

        monkeypatch.setattr(regex_cache.re, "compile", counted)


def test_a_pattern_is_the_one_re_compiles(fresh: Path) -> None:
    for pattern, flags in PATTERNS:
        got = regex_cache.compile(pattern, flags)
        assert got == re.compile(pattern, flags)
        assert got is regex_cache.compile(pattern, flags)  # kept in the process


@pytest.mark.skipif(regex_cache._ENGINE is None, reason="not CPython's regex engine")
def test_the_next_process_reads_the_compiled_patterns(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in PATTERNS:
        regex_cache.compile(pattern, flags)
    regex_cache.flush()
    assert len(list(fresh.glob("regex-*.bin"))) == 1
    _forget(monkeypatch)
    expected = [re.compile(pattern, flags) for pattern, flags in PATTERNS]
    counting = Counting(monkeypatch)
    got = [regex_cache.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert counting.calls == 0  # every one rebuilt from the cache, none parsed
    assert got == expected
    assert [g.groupindex for g in got] == [e.groupindex for e in expected]
    assert [g.flags for g in got] == [e.flags for e in expected]
    text = "Best regards, best  REGARDS cheers"
    rx = regex_cache.compile(*PATTERNS[0])
    assert [m.span() for m in rx.finditer(text)] == [(0, 12), (14, 27), (28, 34)]


def test_the_same_pattern_with_other_flags_is_another_entry(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_cache.compile("abc", 0)
    regex_cache.compile("abc", re.IGNORECASE)
    regex_cache.flush()
    _forget(monkeypatch)
    assert regex_cache.compile("abc", re.IGNORECASE).match("ABC")
    assert not regex_cache.compile("abc", 0).match("ABC")


@pytest.mark.parametrize("damage", [lambda b: b[:-7] + b"garbage", lambda b: b""])
def test_a_damaged_entry_means_compiling_again(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    for pattern, flags in PATTERNS:
        regex_cache.compile(pattern, flags)
    regex_cache.flush()
    (entry,) = fresh.glob("regex-*.bin")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    _forget(monkeypatch)
    for pattern, flags in PATTERNS:
        assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)


def test_code_that_the_engine_rejects_falls_back(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = PATTERNS[1]
    regex_cache.compile(pattern, flags)
    regex_cache.flush()
    _forget(monkeypatch)
    stored = regex_cache._load()
    given, final, code, groups, groupindex, indexgroup = stored[pattern][0]
    stored[pattern] = [(given, final, code[: len(code) // 2], groups, groupindex, indexgroup)]
    assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)


def test_the_cache_turned_off_still_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    _forget(monkeypatch)
    pattern, flags = PATTERNS[2]
    assert regex_cache.compile(pattern, flags) == re.compile(pattern, flags)
    regex_cache.flush()  # nowhere to write: no error


@pytest.mark.skipif(regex_cache._ENGINE is None, reason="not CPython's regex engine")
def test_an_entry_grown_past_its_size_keeps_what_a_process_used(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Patterns of earlier edits pile up under one version; past MAX_BYTES the next flush keeps
    # only the patterns the flushing process took or compiled.
    _store_patterns(monkeypatch)
    monkeypatch.setattr(regex_cache, "MAX_BYTES", 1)  # every entry is "too big" now
    regex_cache.compile(*PATTERNS[0])  # taken from the entry
    regex_cache.compile(r"\bnew\s+pattern\b", 0)  # compiled, and stored at the flush
    regex_cache.flush()
    _forget(monkeypatch)
    kept = regex_cache._load()
    assert set(kept) == {PATTERNS[0][0], r"\bnew\s+pattern\b"}


@pytest.mark.skipif(regex_cache._ENGINE is None, reason="not CPython's regex engine")
def test_an_entry_under_its_size_keeps_every_pattern(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_patterns(monkeypatch)
    regex_cache.compile(r"\bother\b", 0)
    regex_cache.flush()
    _forget(monkeypatch)
    assert set(regex_cache._load()) == {p for p, _ in PATTERNS} | {r"\bother\b"}


@pytest.mark.skipif(regex_cache._ENGINE is None, reason="not CPython's regex engine")
def test_an_entry_mostly_of_patterns_a_process_did_not_use_is_pruned(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # After an upgrade most of the entry is the old version's: past PRUNE_FROM_BYTES, an entry
    # more than twice what the flushing process used keeps only that.
    _store_patterns(monkeypatch)
    monkeypatch.setattr(regex_cache, "PRUNE_FROM_BYTES", 1)
    regex_cache.compile(r"\bnew\s+pattern\b", 0)  # all this process uses
    regex_cache.flush()
    _forget(monkeypatch)
    assert set(regex_cache._load()) == {r"\bnew\s+pattern\b"}


@pytest.mark.skipif(regex_cache._ENGINE is None, reason="not CPython's regex engine")
def test_an_entry_a_process_mostly_used_is_kept_whole(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_patterns(monkeypatch)
    monkeypatch.setattr(regex_cache, "PRUNE_FROM_BYTES", 1)
    for pattern, flags in PATTERNS:  # every stored pattern taken from the entry
        regex_cache.compile(pattern, flags)
    regex_cache.compile(r"\bother\b", 0)
    regex_cache.flush()
    _forget(monkeypatch)
    assert set(regex_cache._load()) == {p for p, _ in PATTERNS} | {r"\bother\b"}
