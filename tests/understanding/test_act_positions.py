"""The act lexicon tried at word beginnings and marks only (acts.Section) finds exactly what
each section's whole alternation finds with finditer, on every kind of sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from followup_lint.analysis import acts, sentences

ROOT = Path(__file__).resolve().parents[2]

ODD = [
    "I'd love to join the team, and I'd be glad to help.",
    "Any update? When might I expect to hear back?",
    "ſorry, I am ſo thankful for the İnterview with you.",  # re.I folds these differently
    "THANK YOU for the tour!!! I’m really interested in the role.",
    "Thanks for ghosting me. I don't appreciate being ignored.",
    "Could you let me know where things stand? I'm keen to continue.",
    "no thanks",
    "",
]


def _sentences() -> list[str]:
    out = list(ODD)
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("trigger", "pass"):
            for ex in (data.get("examples") or {}).get(key) or []:
                text = ex if isinstance(ex, str) else ex.get("text", "")
                out.extend(line for line in text.split("\n") if line.strip())
    return out


SENTENCES = _sentences()


@pytest.mark.parametrize("name", sorted(acts.sections()))
def test_a_section_finds_what_its_alternation_finds(name: str) -> None:
    whole = acts.compiled()[name].regex
    found_any = False
    for text in SENTENCES:
        expected = [(m.start(), m.end()) for m in whole.finditer(text)]
        got = [(m.start(), m.end()) for m in sentences._finditer(name, text, acts.word_index(text))]
        assert got == expected, (name, text)
        found_any = found_any or bool(expected)
    assert found_any or name in ("gift", "negotiates", "closes_door"), name


def test_every_section_is_tried_by_position() -> None:
    # A lexicon line that could start anywhere would send its section back to whole scans.
    assert set(acts.sections()) == set(acts.compiled())


def test_a_text_whose_lower_case_is_longer_is_scanned_whole() -> None:
    assert not acts.word_index("İstanbul").exact
    assert acts.word_index("Thank you").exact
