"""Our own tokenizer and the phrase matching built on it (the default path has no spaCy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import Config, Linter
from followup_lint.analysis.core import Analysis
from followup_lint.analysis.tokens import phrase_tokens, tokenize
from followup_lint.checks._matching import PhraseSet
from followup_lint.model.context import Context
from followup_lint.reading.draft import Part
from followup_lint.reading.sources import read_draft


def _words(text: str) -> list[str]:
    t = tokenize(text)
    return [t[i] for i in range(len(t))]


def test_tokens_keep_addresses_links_and_abbreviations_whole() -> None:
    assert _words("Mail dana.lee@acme.com or see https://acme.com/u/x now") == [
        "Mail",
        "dana.lee@acme.com",
        "or",
        "see",
        "https://acme.com/u/x",
        "now",
    ]
    assert _words("the U.S. office, e.g. at 10.30") == [
        "the",
        "U.S",
        ".",
        "office",
        ",",
        "e.g",
        ".",
        "at",
        "10.30",
    ]


def test_possessive_is_its_own_token_and_contractions_stay_whole() -> None:
    assert _words("the dude's idea, don't y'all") == [
        "the",
        "dude",
        "'s",
        "idea",
        ",",
        "don't",
        "y'all",
    ]
    assert _words("follow-up") == ["follow", "-", "up"]


def test_offsets_are_those_of_the_text() -> None:
    text = "İstanbul thx, ok?"
    t = tokenize(text)
    for i, (s, e) in enumerate(t.spans()):
        assert text[s:e] == t[i]
    # Lower-casing "İ" makes two characters; the index still maps to the right token.
    assert t.index(ignore_case=True)["thx"] == [1]


def _analysis(text: str) -> Analysis:
    draft = read_draft(text)
    return Analysis(draft, Context(), kind=None, kind_source="unknown")


def _found(phrases: list[str], text: str, *, ignore_case: bool = True) -> list[str]:
    a = _analysis(text)
    whole = [Part("whole", 0, len(a.text), a.text)]
    return [a.text[s:e] for s, e in PhraseSet(phrases, ignore_case=ignore_case).matches(a, whole)]


def test_phrases_match_whole_tokens_only() -> None:
    assert _found(["u"], "Will u come? The U.S. team, u2, mail u@x.com, menu") == ["u"]
    assert _found(["thx"], "Thx again. thxx. THX!") == ["Thx", "THX"]
    assert _found(["dude"], "the dude's idea") == ["dude"]


def test_phrases_match_either_apostrophe_and_a_wrapped_line() -> None:
    assert _found(["what's up"], "So, what’s up?") == ["what’s up"]
    assert _found(["just wanted to"], "I just wanted\nto say thanks") == ["just wanted\nto"]
    # A blank line between the words: two paragraphs, not one phrase.
    assert _found(["just wanted to"], "I just wanted\n\nto say thanks") == []


def test_longest_phrase_wins_and_case_sensitive_sets_keep_case() -> None:
    assert _found(["hey", "hey there"], "Hey there, hey") == ["Hey there", "hey"]
    assert _found(["Ms"], "ms Ms", ignore_case=False) == ["Ms"]
    assert phrase_tokens("Can’t stop", ignore_case=True) == ("can't", "stop")


def test_default_rules_never_import_spacy() -> None:
    script = (
        "import sys\n"
        "from followup_lint import Linter\n"
        "linter = Linter()\n"
        "r = linter.lint('Subject: Thx\\n\\nHey Dana,\\n\\nI just wanted to say thx. u rock\\n\\nThx\\nSam\\n')\n"
        "assert not linter.needs, linter.needs\n"
        "assert r.by_rule('slang') and r.by_rule('just-wanted-to'), r.findings\n"
        "print('spacy' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


RULE = """\
id: needs-entities
category: tone
severity: info
scope: body
needs: [ner]
check:
  kind: existence
  phrases: [zorblax]
message: "Found {{ match }}."
guidance: [T1]
description: A test rule that declares it reads named entities.
examples:
  trigger: ["Subject: Hi\\n\\nDear Dana,\\n\\nzorblax\\n\\nBest,\\nSam"]
  pass: ["Subject: Hi\\n\\nDear Dana,\\n\\nhello\\n\\nBest,\\nSam"]
"""


def test_a_rule_declaring_needs_loads_only_those_components(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    (tmp_path / "needs-entities.yaml").write_text(RULE, encoding="utf-8")
    linter = Linter(Config(rule_folders=(tmp_path,), select=("needs-entities",)))
    assert linter.needs == frozenset({"ner"})
    if not linter.pipeline.trained:
        pytest.skip("no trained English pipeline installed")
    names = linter.pipeline.nlp.pipe_names
    assert "ner" in names and "tagger" not in names and "parser" not in names
    assert [a.id for a in linter.active] == ["needs-entities"]


def test_a_linter_without_needs_has_no_pipeline() -> None:
    linter = Linter(Config(select=("slang",)))
    assert linter.needs == frozenset() and linter.pipeline.nlp is None
