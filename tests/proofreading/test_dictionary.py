"""The word list wrapper: what counts as English, and the bounded suggestion search."""

from __future__ import annotations

import pytest

from followup_lint.proofreading.dictionary import damerau_within, english


@pytest.mark.parametrize(
    "word",
    [
        "interview",
        "colour",
        "organisation",
        "centre's",
        "travelled",
        "judgement",
        "catalogues",
        "onboarding",
        "resubmitted",
        "submodules",
        "aggregator",
        "overridable",
        "functionality",
        "interviewers'",
    ],
)
def test_known(word: str) -> None:
    assert english().known(word)


@pytest.mark.parametrize(
    "word",
    # Common slips that a looser derivation would excuse: doubled or dropped letters before a
    # suffix, "un" + a short word, a prefix before a rare entry, "quiz" + "es".
    [
        "commited",
        "occured",
        "begining",
        "noticable",
        "untill",
        "unstability",
        "quizes",
        "overide",
        "comiles",
        "operater",
    ],
)
def test_not_known(word: str) -> None:
    assert not english().known(word)


@pytest.mark.parametrize(
    ("typo", "best"),
    [
        ("recieve", "receive"),
        ("taem", "team"),
        ("realy", "really"),
        ("thankyou", "thank you"),
        ("dont", "don't"),
        ("im", "I'm"),
        ("oppertunity", "opportunity"),
        ("tomorow", "tomorrow"),
    ],
)
def test_best_suggestion(typo: str, best: str) -> None:
    suggestions = english().suggest(typo)
    assert suggestions[0] == best
    assert len(suggestions) <= 3 and typo not in suggestions


def test_long_words_get_no_distance_two_search() -> None:
    # 40 letters: beyond MAX_SUGGEST_LENGTH, so nothing is searched at all.
    assert english().suggest("x" * 40) == []


def test_damerau_within() -> None:
    assert damerau_within("abcd", "acbd", 2) == 1
    assert damerau_within("kitten", "sitting", 3) == 3
    assert damerau_within("kitten", "sitting", 2) is None
    assert damerau_within("a", "abcd", 2) is None


# -- the larger word list (issue 11) ------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "voicemail",
        "malware",
        "crowdsourcing",
        "emoji",
        "texting",
        "bulleted",
        "approx",
        "etc",
        "jewellery",
        "organisational",
        "should've",
        "how'd",
        "there're",
        "kubernetes",
        "figma",
        "terraform",
    ],
)
def test_everyday_and_tech_words_pass(word: str) -> None:
    assert english().known(word)


@pytest.mark.parametrize("word", ["recieve", "thier", "workin", "definately", "seperate", "teh"])
def test_web_misspellings_stay_misspellings(word: str) -> None:
    # wordfreq holds these too; a far more common word one edit away gives them away.
    assert not english().known(word)


def test_wrong_forms_map_to_their_fix() -> None:
    from followup_lint.proofreading.dictionary import wrong_forms

    forms = wrong_forms()
    assert forms["dont"] == "don't" and forms["im"] == "I'm" and forms["childs"] == "children"
    assert "its" not in forms and "well" not in forms  # real words stay out


def test_cached_web_table_answers_as_wordfreq_does() -> None:
    """The speller's web frequencies come from a cached table, not from importing wordfreq;
    for every question `web_common` asks (is a word at Zipf 2.5 or more, is a neighbour 1.5
    above it) the table must give wordfreq's own answer."""
    wordfreq = pytest.importorskip("wordfreq")
    from followup_lint.cache import cache_dir
    from followup_lint.proofreading.dictionary import WEB_MIN_ZIPF, _web_table, _zipf

    if cache_dir() is None:
        pytest.skip("the cache is turned off, so wordfreq is asked directly")
    assert _web_table() is not None
    ours = _zipf()
    words = list(wordfreq.get_frequency_dict("en", "large"))[::37]
    words += ["voicemail", "recieve", "receive", "thier", "workin", "zzzqx", "crowdsourcing"]
    checked = 0
    for word in words:
        if not word.isascii() or not word.isalpha() or word != word.lower():
            continue
        real = wordfreq.zipf_frequency(word, "en")
        got = ours(word, "en")
        if real >= WEB_MIN_ZIPF:
            assert got == real, word
        else:
            assert got < WEB_MIN_ZIPF, word
        checked += 1
    assert checked > 5000


def test_suggestions_are_kept_per_word_and_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from followup_lint.proofreading import dictionary

    d = dictionary.Dictionary()
    searched: list[str] = []
    search = d._search

    def counting(lower: str, limit: int) -> list[str]:
        searched.append(lower)
        return search(lower, limit)

    monkeypatch.setattr(d, "_search", counting)
    first = d.suggest("recieve")
    first.append("changed by the caller")  # the caller's list is its own
    assert d.suggest("recieve") == first[:-1]
    assert searched == ["recieve"]  # the second answer was kept, not searched again
    assert d.suggest("recieve", limit=1) == first[:1]
    assert searched == ["recieve", "recieve"]  # another limit is another question
    monkeypatch.setattr(dictionary, "SUGGESTIONS_KEPT", 2)
    d.suggest("teh")
    assert len(d._suggested) <= 2
    d.suggest("recieve")
    assert searched[-1] == "recieve"  # forgotten when the bound was reached
