"""The word-list slips of proofreading/confusions.py: each rule on sentences that must trigger
it (with the expected fix) and on correct English that looks close and must not; and the data
files themselves (well formed, no entry that fixes a phrase into itself)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from followup_lint.proofreading import confusions
from tests.conftest import linter_for


def draft(body: str) -> str:
    return f"Subject: Thank you\n\nDear Ms. Raman,\n\n{body}\n\nBest regards,\nLee Park"


def fixes(rule: str, body: str) -> list[tuple[str, str]]:
    """(flagged text, first fix) for each finding of `rule` on the body."""
    text = draft(body)
    out = []
    for f in linter_for((rule,)).lint(text).by_rule(rule):
        out.append((text[f.span.start : f.span.end], f.fixes[0].replacement if f.fixes else ""))
    return out


TRIGGERS = [
    ("sound-alike-phrase", "Thank you for you time today.", ("for you time", "for your time")),
    ("sound-alike-phrase", "Thank You For You Time today.", ("For You Time", "For your time")),
    (
        "sound-alike-phrase",
        "I am happy to except the offer.",
        ("except the offer", "accept the offer"),
    ),
    ("sound-alike-phrase", "I call the team everyday.", ("everyday", "every day")),
    ("sound-alike-phrase", "The launch was quicker then expected.", ("then", "than")),
    ("sound-alike-phrase", "Please bare\nin mind the dates.", ("bare\nin mind", "bear in mind")),
    ("wrong-preposition", "We can discuss about the budget.", ("discuss about", "discuss")),
    ("wrong-preposition", "Could you explain me the rota?", ("explain me", "explain to me")),
    (
        "wrong-preposition",
        "I enjoyed to work with the team.",
        ("enjoyed to work", "enjoyed working"),
    ),
    (
        "wrong-preposition",
        "She insisted to attend.",
        ("insisted to attend", "insisted on attending"),
    ),
    ("sound-alike-phrase", "We grew from 30 too 37 staff.", ("too", "to")),
    ("sound-alike-phrase", "I hold a masters degree.", ("masters degree", "master's degree")),
    ("agreement-slip", "I have five book.", ("book", "books")),
    ("agreement-slip", "I seen the post on Monday.", ("I seen", "I saw")),
    ("sound-alike-phrase", "Your's sincerely", ("Your's", "Yours")),
    ("sound-alike-phrase", "Thanks. May be we can meet.", ("May be we", "Maybe we")),
    ("agreement-slip", "I led it for 3 year.", ("year", "years")),
    ("agreement-slip", "I hope they was pleased.", ("they was", "they were")),
    ("agreement-slip", "If he need the file, I can send it.", ("need", "needs")),
    ("agreement-slip", "When they needs the file, I send it.", ("needs", "need")),
    ("agreement-slip", "This changes are welcome.", ("This", "These")),
    ("agreement-slip", "Those report was late.", ("Those", "That")),
    ("agreement-slip", "My manager are away this week.", ("are", "is")),
    ("agreement-slip", "My manager, for example, are away this week.", ("are", "is")),
    ("agreement-slip", "The role, in fact, have changed since May.", ("have", "has")),
    ("agreement-slip", "One of my reference is on leave.", ("reference", "references")),
    ("agreement-slip", "I check in every weeks.", ("weeks", "week")),
    (
        "agreement-slip",
        "We saw fewer information than hoped.",
        ("fewer information", "less information"),
    ),
    ("agreement-slip", "I asked whether the role have changed.", ("have", "has")),
    ("verb-form-after-auxiliary", "I will sent it today.", ("sent", "send")),
    ("verb-form-after-auxiliary", "Did you received my note?", ("received", "receive")),
    ("verb-form-after-auxiliary", "I didn't applied yet.", ("applied", "apply")),
    ("verb-form-after-auxiliary", "It doesn't works on Monday.", ("works", "work")),
    ("verb-form-after-auxiliary", "I wanted to went there.", ("went", "go")),
    ("verb-form-after-auxiliary", "I have went there twice.", ("went", "gone")),
    ("verb-form-after-auxiliary", "Since then I've took two courses.", ("took", "taken")),
    ("verb-form-after-auxiliary", "I must to say thanks.", ("to", "")),
    ("verb-form-after-auxiliary", "The part must be replaces.", ("replaces", "replaced")),
    ("verb-form-after-auxiliary", "It has been removes.", ("removes", "removed")),
    ("verb-form-after-auxiliary", "It won't be includes.", ("includes", "included")),
    ("verb-form-after-auxiliary", "Does the role requires travel?", ("requires", "require")),
    ("verb-form-after-auxiliary", "Did your team lead says no?", ("says", "say")),
    ("sound-alike-phrase", "They came throw the door.", ("came throw", "came through")),
    ("sound-alike-phrase", "Thanks for the responds.", ("the responds", "the response")),
    ("sound-alike-phrase", "Lets go over it.", ("Lets go", "Let's go")),
    ("split-compound", "We store the meta data.", ("meta data", "metadata")),
    ("since-duration", "I have led the team since 3 years.", ("since", "for")),
    ("sound-alike-phrase", "I would love too help with the launch.", ("love too", "love to")),
    (
        "wrong-preposition",
        "The steps are written in page 4.",
        ("written in page", "written on page"),
    ),
    ("wrong-preposition", "The figures are in page 12.", ("in page", "on page")),
    ("sound-alike-phrase", "I led the desk for tree years.", ("tree years", "three years")),
    ("sound-alike-phrase", "I read the news ever morning.", ("ever morning", "every morning")),
    ("sound-alike-phrase", "She whore a grey suit.", ("She whore", "She wore")),
    ("sound-alike-phrase", "The plan makes since to me.", ("makes since", "makes sense")),
    ("sound-alike-phrase", "All and all, it went well.", ("All and all", "All in all")),
    ("sound-alike-phrase", "They maid a good choice.", ("They maid", "They made")),
    ("sound-alike-phrase", "I wood like to visit.", ("I wood", "I would")),
    (
        "split-compound",
        "It took ten hours of over time.",
        ("hours of over time", "hours of overtime"),
    ),
    (
        "agreement-slip",
        "The files are in an alphabetical order.",
        ("in an alphabetical order", "in alphabetical order"),
    ),
    (
        "wrong-preposition",
        "We raised the question how to split it.",
        ("the question how to", "the question of how to"),
    ),
]


@pytest.mark.parametrize(("rule", "body", "expected"), TRIGGERS)
def test_triggers_with_fix(rule: str, body: str, expected: tuple[str, str]) -> None:
    assert expected in fixes(rule, body)


PASSES = {
    "sound-alike-phrase": [
        "Thank you for your time; I have news for you today.",
        "Everyone except the finance lead accepted the offer.",
        "It is an everyday tool. We can talk more then. It was better then.",
        "Please bear in mind the bare minimum.",
        "Please bare\n\nin mind is a heading, then a paragraph.",
        "My email is bare.in.mind@example.com and the repo is github.com/x/bare-in-mind.",
        "We came, threw the ball and left. It is the only on-site role. Please, not that one.",
        "It lets you see the logs. The people who went were happy. I will look at it.",
        "We want too much at once and have too little time; I need too many approvals.",
        "We planted the tree years ago; the tree days later looked fine.",
        "It was the best ever day, the first ever time. Did you ever time the trip?",
        "It was one for all and all for one. It has made sense since May.",
        "I'll walk you through Parts I through IV. I no longer work there; we, one by one, left.",
    ],
    "split-compound": [
        "Prices rose over time, and hours over time added up.",
    ],
    "wrong-preposition": [
        "We can discuss the budget. The article you mentioned about hiring was useful.",
        "Could you explain it to me? She insisted to me that it was fine.",
        "I am capable of leading it and able to start.",
        "He is considered to be the best; I recommend to the team that we wait.",
        "I enjoyed working there and suggested to her that we meet.",
        "We saw a rise in page views and in page load times after the change.",
    ],
    "agreement-slip": [
        # An aside between a collective or plural noun and its verb changes nothing.
        "The team, for example, are based in Leeds; my colleagues, however, are remote.",
        "My manager, for example, is away, and the offer, I think, was fair.",
        "Meeting you was a pleasure, and a big thank you has gone to the team.",
        "Does he have time? Let it have a chance. You and she have both helped.",
        "You and he are welcome; the items in it have been sorted.",
        "If he needs anything, let it go. The text after it keeps its place.",
        "If he need not come, he need only say so.",
        "This news is good. This does have some side effects. These are the files.",
        "Of these, one is ready. Those who were there agreed. These two were the best.",
        "There were fewer people and less information than we hoped.",
        "If the offer were higher, I would accept. The team are great; the rest are too.",
        "One of the team is away; one of the best is Sam; one of my references is ready.",
        "Every two weeks we meet; every means was tried; fewer information sessions ran.",
        "I have one book, the 2019 budget, a top 10 list and five star reviews.",
        "I sent at least 10 euro. It is too 1990s. We have many.",
        "Have you seen it? Am I done? It may be we who call. We are all ready.",
        "Both the manager and the director are kind. This can have side effects.",
        "The users of\nthis library are happy, and the benefits of the role are clear.",
    ],
    "verb-form-after-auxiliary": [
        "I will send it. I sent it. I'd gone home and I'd made tea.",
        "The interview I had went well, and the manager I spoke to told me so.",
        "Her will was read; the trash can was full; in May we met.",
        "I look forward to known issues being fixed and point you to broken links.",
        "I may to some extent agree. I will bring it, and you can swing by.",
        "The tools I use to build it are free. It will need time. You should indeed.",
        "There will be offers soon. Every human being needs rest. The sum has been paid.",
        "What you choose to be says a lot. Does that mean he has time? Does it work?",
        "Does the team that owns it agree? Did the role involve travel? Do the numbers add up?",
    ],
    "since-duration": [
        "I have led the team since 2019, for three years, since five years ago.",
        "Since two years after graduation I have worked in logistics.",
    ],
}


@pytest.mark.parametrize(("rule", "body"), [(r, b) for r, bs in PASSES.items() for b in bs])
def test_correct_english_passes(rule: str, body: str) -> None:
    assert fixes(rule, body) == []


@pytest.mark.parametrize(
    "name", ["sound_alike_phrases.txt", "preposition_slips.txt", "agreement_slips.txt"]
)
def test_phrase_files_are_well_formed(name: str) -> None:
    text = resources.files("followup_lint.proofreading").joinpath(name).read_text("utf-8")
    seen: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert 2 <= len(fields) <= 3, line
        wrong, right = fields[0], fields[1]
        assert wrong == wrong.lower() and wrong.strip() == wrong, line
        assert wrong != right.lower(), line
        assert wrong not in seen, f"{wrong!r} listed twice in {name}"
        seen.add(wrong)
        if len(fields) == 3:
            assert fields[2] in (
                "before-stop",
                "before-function-word",
                "not-after-aux",
                "at-start",
                "before-ing",
                "before-verb",
                "before-digit",
            ) or fields[2].startswith(("unless-next=", "unless-prev=")), line
    assert list(confusions.phrase_list(name).finditer(next(iter(seen))))


def test_verb_forms_file_is_well_formed() -> None:
    table = confusions.verb_forms()
    assert set(table.group.values()) == {"past", "part", "s", "verb-s"}
    assert set(table.s_participle) <= set(table.base)
    assert all(table.s_participle[form] != form for form in table.s_participle)
    assert all(table.base[form] != form for form in table.base)
    assert set(table.participle) <= set(table.base) | set(table.have_base)
    # A base form flagged after "have" must never be flagged after a modal ("I will send").
    assert not set(table.have_base) & set(table.base)
    assert all(table.have_base[form] != form for form in table.have_base)


def test_phrase_lists_match_as_one_alternation_would() -> None:
    """The phrase lists are tried per first word, at word starts only; the matches must be
    those of every phrase as one alternation, on every rule example and on odd text."""
    import glob

    import yaml

    from followup_lint.proofreading.confusions import PHRASE_LISTS, phrase_list

    texts = [
        "Thank your for the offer. THANK YOUR FOR it. İstanbul: thank your for, piece of mind!",
        "a piece of mind\npiece of\nmind; in regards to-day, don't know, x-piece of mind",
    ]
    root = Path(__file__).resolve().parents[2]
    for path in sorted(glob.glob(str(root / "rules" / "*" / "*.yaml"))):
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        for group in (data.get("examples") or {}).values():
            texts += [str(t) for t in group]
    for name in PHRASE_LISTS:
        table = phrase_list(name)
        whole = table.whole()
        # Each phrase once, in a sentence, in two cases.
        texts += [f"We said {w} today." for w in list(table.right)[::3]]
        texts += [f"WE SAID {w.upper()} TODAY." for w in list(table.right)[1::7]]
        for text in texts:
            got = [(m.start(), m.end()) for m in table.finditer(text)]
            want = [(m.start(), m.end()) for m in whole.finditer(text)]
            assert got == want, (name, text)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The information are in the attached file.",
            ("The information are", "The information is"),
        ),
        ("I think the information are all there.", ("the information are", "the information is")),
    ],
)
def test_one_agreement_slip_gets_one_finding(body: str, expected: tuple[str, str]) -> None:
    # A listed phrase and the noun-verb reading both see "information are": one finding.
    assert fixes("agreement-slip", body) == [expected]
