"""The word-list entries, conditions and patterns added with the thirteenth sample of
LanguageTool's examples (the "Possible Typo" rules at the start of grammar.xml): each slip in its
general form fires, and the correct sentence that looks closest stays quiet. Sentences written
here, not taken from the sample."""

from __future__ import annotations

import pytest

from followup_lint import Config, Linter
from tests.proofreading.short_draft import HEAD, TAIL
from tests.proofreading.short_draft import found as _found


@pytest.mark.parametrize(
    ("rule", "body", "found"),
    [
        ("sound-alike-phrase", "I glanced over my should.", "over my should"),
        ("sound-alike-phrase", "She stayed true to her words.", "true to her words"),
        ("sound-alike-phrase", "The bad new was that the role moved.", "The bad new was"),
        ("sound-alike-phrase", "My laptop has bee repaired twice.", "has bee"),
        ("sound-alike-phrase", "They have not bee told yet.", "have not bee"),
        ("sound-alike-phrase", "My grandfather served in Word War II.", "Word War II"),
        ("sound-alike-phrase", "It is the word's largest bakery.", "the word's largest"),
        ("sound-alike-phrase", "The tool is also know as the planner.", "is also know as"),
        ("sound-alike-phrase", "If the link fails, your should call me.", "your should"),
        ("sound-alike-phrase", "We made us of the new dashboard.", "made us of"),
        ("sound-alike-phrase", "It was on of the best talks.", "on of the best"),
        ("sound-alike-phrase", "There exits an easier way to do this.", "There exits an"),
        ("sound-alike-phrase", "At he end of the call, we agreed.", "At he end"),
        ("sound-alike-phrase", "Please put the codes in parenthesis.", "in parenthesis"),
        ("sound-alike-phrase", "One the one hand, the pay is good.", "One the one hand"),
        ("sound-alike-phrase", "Wed love to hear back from you.", "Wed love to"),
        ("sound-alike-phrase", "By who's standards was it measured?", "who's standards"),
        ("sound-alike-phrase", "Whose the hiring manager for this role?", "Whose the"),
        ("sound-alike-phrase", "I could not stop been nervous.", "stop been"),
        ("sound-alike-phrase", "Prices are higher theses days.", "theses days"),
        ("sound-alike-phrase", "My brother-in-laws both work there.", "brother-in-laws"),
        ("sound-alike-phrase", "Yes, I'l send it today.", "I'l"),
        ("sound-alike-phrase", "They’v agreed to the terms.", "They’v"),
        ("sound-alike-phrase", "We would by happy to help.", "by"),
        ("sound-alike-phrase", "The report can by sent today.", "by"),
        ("split-compound", "The re cent changes help.", "re cent"),
        ("split-compound", "It runs as a stand alone app.", "stand alone app"),
        ("split-compound", 'It was an "ah ha" moment.', "ah ha"),
        ("object-pronoun-subject", "Sam and me worked on the launch.", "me"),
        ("object-pronoun-subject", "The recruiter and him spoke on Monday.", "him"),
        ("object-pronoun-subject", "Dana and her went over the plan.", "her"),
        ("object-pronoun-subject", "Me and Sam work in the same team.", "Me and "),
        ("date-preposition", "I could start in June 16.", "in June 16"),
        ("date-preposition", "We met in March 3, 2025.", "in March 3"),
        ("date-preposition", "We met in 12 March at the office.", "in 12 March"),
        ("date-preposition", "The call is in Nov. 4th.", "in Nov. 4th"),
        ("plural-possessive", "This was the employees's choice.", "employees's"),
        ("plural-possessive", "The companies’s offers differ.", "companies’s"),
        ("ligature", "The ﬁnal round is on Monday.", "ﬁnal"),
        ("contraction-case", "We'Re looking forward to it.", "We'Re"),
        ("contraction-case", "I don'T mind.", "don'T"),
        ("sound-alike-phrase", "Is there a was to book a later slot?", "Is there a was"),
        ("sound-alike-phrase", "I have a but of experience with SQL.", "a but of"),
        ("how-like", "How was the interview like?", "How was the interview like?"),
        ("how-like", "How is it like to work there?", "How is it like to "),
        ("sound-alike-phrase", "It costs more on some laptops then others.", "then"),
        ("sound-alike-phrase", "We meet less often then before.", "then"),
    ],
)
def test_new_entries_fire(rule: str, body: str, found: str) -> None:
    assert found in _found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("sound-alike-phrase", "I looked over my shoulder; he stayed true to his word."),
        # unless-next: "bee" as a noun after "has".
        ("sound-alike-phrase", "The hive has bee colonies, and she has bee allergies."),
        ("sound-alike-phrase", "I also know as much as anyone here."),
        ("sound-alike-phrase", "Your shoulder should heal; your car could be ready."),
        ("sound-alike-phrase", "They will wed in June; we met on Wed and Thu."),
        ("sound-alike-phrase", "Both theses were approved, and my in-laws visited."),
        # "by" as a preposition after a modal.
        ("sound-alike-phrase", "Kerry might by supporting it win; we could by chance meet."),
        ("sound-alike-phrase", "We will by late June have it, and you can reach me by phone."),
        ("split-compound", "Items on the stand alone cost more; they stand alone among peers."),
        ("split-compound", "Ah ha ha, that was funny."),
        ("object-pronoun-subject", "Dana and her work inspire me. Dana and her team worked."),
        ("object-pronoun-subject", "I met Sam and him at the fair. Sam and I worked late."),
        ("date-preposition", "In June 10 new people joined, and in March 2024 we moved."),
        ("date-preposition", "I am free in June, in 2026 and on June 16."),
        ("plural-possessive", "The boss's office, the class's schedule, the series's end."),
        ("plural-possessive", "Mr. Peters's team and the campus's library."),
        ("ligature", "The encyclopædia and the final offer."),
        ("contraction-case", "WE'RE READY, Mr. O'Neil; McDonald's is near, and I'm here."),
        ("sound-alike-phrase", "We chose plan A but of course; one option was to wait."),
        ("how-like", "What is it like? How is the schedule you would like?"),
        ("how-like", "How is a plan like a map? How is your team doing?"),
        ("sound-alike-phrase", "I learned more and then others joined. I read more, then others."),
        ("sound-alike-phrase", "Do one more pass then anyone can review it."),
    ],
)
def test_closest_correct_sentence_stays_quiet(rule: str, body: str) -> None:
    assert _found(body, rule) == []


def test_harper_filters_of_the_thirteenth_sample() -> None:
    """ "all though" after "of" is "all" and "though"; "it self-" is a compound of "self"; the
    slips each filter leaves are still found."""
    pytest.importorskip("harper")
    linter = Linter(Config(select=("harper", "harper-words")))

    def rules(body: str) -> list[str]:
        return [f.rule for f in linter.lint(HEAD + body + TAIL).findings]

    assert rules("Best of all though, the pay is fair.") == []
    assert rules("Was it self-evident to the panel?") == []
    assert "harper:AllThough" in rules("All though I liked it, I left.")


def test_roman_list_markers_in_brackets_are_not_misspellings() -> None:
    assert _found("We covered (i) pay; (ii) hours; (iv) travel.", "spelling") == []
    assert _found("We covered (teh) pay and (iiv) hours.", "spelling") == ["teh", "iiv"]


def test_ligature_fix_spells_the_word_in_plain_letters() -> None:
    linter = Linter(Config(select=("ligature",)))
    report = linter.lint(HEAD + "Thank you for the oﬀer and the ﬁnal ﬂow chart." + TAIL)
    fixes = [f.fixes[0].replacement for f in report.findings]
    assert fixes == ["offer", "final", "flow"]
