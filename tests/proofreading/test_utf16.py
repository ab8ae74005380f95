"""LanguageTool's offsets are UTF-16 code units; ours are Python characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup_lint.proofreading.utf16 import Utf16Map, python_to_utf16, utf16_len
from tests.proofreading.conftest import utf16_offset


def test_emoji_shift_offsets_after_them() -> None:
    text = "Thanks 🙏🏽 for the tour! Ich bin begeistert 😀 und froh."
    umap = Utf16Map(text)
    i = text.index("tour")
    assert umap.to_python(utf16_offset(text, i)) == i
    j = text.index("froh")
    assert umap.to_python(utf16_offset(text, j)) == j
    assert utf16_offset(text, j) == j + 3  # three astral characters before it


def test_accented_text_precomposed_and_decomposed() -> None:
    text = "Café résumé — Zoë, naïve. Cafe\u0301 too."
    umap = Utf16Map(text)
    for word in ("résumé", "Zoë", "naïve", "too"):
        i = text.index(word)
        start, end = umap.span(
            utf16_offset(text, i), utf16_offset(text, i + len(word)) - utf16_offset(text, i)
        )
        assert text[start:end] == word


def test_offset_inside_a_surrogate_pair_maps_to_the_character() -> None:
    text = "a😀b"
    umap = Utf16Map(text)
    assert [umap.to_python(u) for u in range(5)] == [0, 1, 1, 2, 3]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_round_trip(text: str) -> None:
    umap = Utf16Map(text)
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        assert python_to_utf16(text, i) == utf16_offset(text, i)
        assert umap.to_python(utf16_offset(text, i)) == i
