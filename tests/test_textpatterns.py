"""The literal prefilter must never change a result: checked on every regex of the rule set,
the kind-detection cues and the built-in functions, over every draft the tests know."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from followup_lint.analysis import kind_detection as detect
from followup_lint.analysis.acts import compiled
from followup_lint.analysis.textpatterns import (
    Prefiltered,
    fold,
    literal_openings,
    loose,
    required_literals,
    spaced,
)
from followup_lint.checks._matching import compile_patterns
from followup_lint.judgements import content, personalization
from followup_lint.rulebook import builtin_rules

TESTS = Path(__file__).parent


@lru_cache(maxsize=1)
def texts() -> tuple[str, ...]:
    out = [p.read_text(encoding="utf-8") for p in (TESTS.parent / "examples").glob("*/*.txt")]
    out += [p.read_text(encoding="utf-8") for p in TESTS.glob("detect_*/*.txt")]
    for p in (TESTS / "corpus").glob("*.yaml"):
        out.append(yaml.safe_load(p.read_text(encoding="utf-8"))["text"])
    for rule in builtin_rules():
        for ex in (*rule.spec.examples.trigger, *rule.spec.examples.pass_):
            out.append(ex.text)
    # Case and Unicode folds that str.lower() alone would get wrong.
    out += ["SORRY TO BOTHER YOU", "ſorry to bother you", "I rEaLlY need thıs job", "ASAP!"]
    out += ["I have emailed you\n\n  three times", "sorry\u00a0to bother you", " asap"]
    return tuple(out)


def _patterns() -> list[re.Pattern[str]]:
    found: list[re.Pattern[str]] = []
    for rule in builtin_rules():
        params = rule.check
        pats = getattr(params, "patterns", None)
        if pats:
            found += compile_patterns(pats, ignore_case=getattr(params, "ignore_case", True))
    found += [rx.regex for cues in detect._COMPILED.values() for rx, _ in cues]
    found += [rx.regex for rx in compiled().values()]  # the act lexicon (data/acts.txt)
    found += [
        personalization._STOCK.regex,
        content._ATTACHMENT_MENTION.regex,
    ]
    return found


def test_prefilter_never_changes_a_result() -> None:
    patterns = _patterns()
    assert len(patterns) > 100
    for rx in patterns:
        pre = Prefiltered(rx)
        for text in texts():
            got = [m.span() for m in pre.finditer(text, fold(text))]
            assert got == [m.span() for m in rx.finditer(text)], (rx.pattern, text[:80])


def test_most_patterns_have_literal_openings() -> None:
    patterns = _patterns()
    known = sum(literal_openings(rx) is not None for rx in patterns)
    assert known / len(patterns) > 0.8


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\b(?:thank(?:s|\s+you)|appreciat\w*)", re.I, {"thanks", "thank yo", "apprecia"}),
        (r"\bI (?:expect|demand)", re.I, {"i expect", "i demand"}),
        (r"\ba\s+pleasure", re.I, {"a pleasu"}),  # whitespace runs read as one space
        (r"a\s*b", 0, {"ab", "a b"}),
        (r"(?<!\w)asap", 0, {"asap"}),
        (r"x?yz", 0, {"yz", "xyz"}),
        (r"[A-Z]{2,}", 0, None),  # a class first: unknown, so always run
        (r"\bµs", re.I, None),  # non-ASCII under IGNORECASE: unknown
    ],
)
def test_literal_openings(pattern: str, flags: int, expected: set[str] | None) -> None:
    got = literal_openings(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == expected


def test_loose_spaces_match_line_breaks_but_not_inside_classes() -> None:
    assert re.fullmatch(loose(r"a b ?c"), "a\n  bc")
    assert loose(r"[ \t]x") == r"[ \t]x"
    assert loose(r"a\ b") == r"a\ b"


def test_word_index_counts_as_a_full_scan_would() -> None:
    index = detect._INDEX
    for text in texts():
        expected = [min(len(rx.findall(text)), 2) for rx in index.patterns]
        assert index.counts(text, limit=2) == expected, text[:80]


def test_required_literals_are_in_every_text_a_pattern_matches() -> None:
    """The pre-test of the rules' patterns skips a text that holds none of a pattern's
    required literals; over every pattern and text here, no text it matches is skipped."""
    patterns = _patterns()
    better = 0
    for rx in patterns:
        found = required_literals(rx)
        if found is None:
            continue
        opening = literal_openings(rx)
        better += opening is None or set(found) != set(opening)
        ignore_case = bool(rx.flags & re.IGNORECASE)
        for text in texts():
            if rx.search(text):
                hay = fold(text) if ignore_case else spaced(text)
                assert any(s in hay for s in found), (rx.pattern, sorted(found), text[:80])
    assert better > 10  # it does find rarer literals than the openings for some patterns


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        # Common openings, a rare word further in: the word is the test.
        (r"\b(?:I['’]m|we['’]re)\s+quiet\s+(?:sure|good)", re.I, {" quiet "}),
        # An alternation every match passes through, whatever comes first.
        (r"\b(?:he|she)['’]s\s+(?:knowing|owning)\b", re.I, {"knowing", "owning"}),
        # A literal run across a lookbehind and a word boundary stays one run.
        (r"\b(?<=for\s)all\s+it['’]s", re.I, {"all it"}),
        (r"(?:ab|c)x*", 0, {"ab", "c"}),  # openings as good as anything further in
        (r"[A-Z]{2,}", 0, None),
        (r"[xy]a\s*bcdef", 0, {"bcdef"}),  # an optional space breaks the run
        (r"[ab]x(?:yz|)w", 0, {"x"}),  # an alternative that may be empty requires nothing
        (r"[ \t]+regards\b", re.I, {" regards"}),  # a class of spaces reads as one space
    ],
)
def test_required_literals(pattern: str, flags: int, expected: set[str] | None) -> None:
    got = required_literals(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == expected
