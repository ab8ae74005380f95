"""General agreement mechanisms: a singular noun that is nearly always counted after words that
take a plural ("a lot of car", "there are problem"); a subject and its verb read across a
closed relative clause and after "whether"/"if"; a plural and the "-s" form of any verb where
only a verb can stand; a plural before "who" and an "-s" form; "it's" where only the
possessive reads (after "for", as a verb's object, before a superlative and a noun) and "its"
before an -ing form and its object; a counted noun standing bare after "is"/"am"/"are". Each slip fires in its general form, with
different words, and the correct sentences closest to it stay quiet. Sentences written here."""

from __future__ import annotations

import pytest

from followup_lint.proofreading.quantities import countable_nouns
from tests.proofreading.short_draft import found


@pytest.mark.parametrize(
    ("rule", "body", "words"),
    [
        ("quantifier-singular", "We saw a lot of car on the road this morning.", "a lot of car"),
        ("quantifier-singular", "I have lots of book to read first.", "lots of book"),
        ("quantifier-singular", "There are many kinds of job in this field.", "many kinds of job"),
        ("quantifier-singular", "There are a lot problem with the old system.",
         "There are a lot problem"),
        ("quantifier-singular", "There're problem in the second draft.", "There're problem"),
        ("quantifier-singular", "We met hundreds of candidate at the fair.",
         "hundreds of candidate"),
        ("quantifier-singular", "There were plenty of reason to say yes.", "plenty of reason"),
        ("quantifier-singular", "The lab has a wide variety of tool for tests.",
         "a wide variety of tool"),
        ("quantifier-singular", "I know a lot of person in sales.", "a lot of person"),
        ("singular-subject-verb", "She asked whether the recruiter want a second call.", "want"),
        ("singular-subject-verb", "I wonder if the client like my portfolio.", "like"),
        ("singular-subject-verb", "My cat, whose name is Max, eat.", "eat"),
        ("singular-subject-verb", "The manager, who I met on Monday, want to talk again.", "want"),
        ("singular-subject-verb", "Because the project need more time, we moved it.", "need"),
        ("agreement-slip", "My manager, who you met, are away this week.", "are"),
        ("plural-subject-verb", "The dogs barks loudly at night.", "barks"),
        ("plural-subject-verb", "She asked whether the candidates needs the forms.", "needs"),
        ("plural-subject-verb", "There are others who likes working late.", "likes"),
        ("plural-subject-verb", "I know people who has done this job for years.", "has"),
        ("plural-subject-verb", "My colleagues, who knows the team well, agree.", "knows"),
        ("plural-subject-verb", "I thank the recruiters who helps me.", "helps"),
        ("its-apostrophe", "No one had any remedies for it's crazy rants.", "it's"),
        ("its-apostrophe", "I wanted to take it's apple and run.", "it's"),
        ("its-apostrophe", "The firm doubled it's revenue last year.", "it's"),
        ("its-apostrophe", "The city lost it’s charm after the mall opened.", "it’s"),
        ("its-apostrophe", "For the painting, it's reddest area was in the corner.", "it's"),
        ("its-apostrophe", "The company and it's biggest client met today.", "it's"),
        ("its-apostrophe", "Its giving me a headache.", "Its"),
        ("missing-article", "He is friend.", "He is friend"),
        ("missing-article", "I am student, and I work part time.", "I am student"),
        ("missing-article", "I'm engineer and I love data.", "I'm engineer"),
        ("missing-article", "You are guest, so please sit.", "You are guest"),
    ],
)  # fmt: skip
def test_slip_fires(rule: str, body: str, words: str) -> None:
    assert words in found(body, rule)


@pytest.mark.parametrize(
    ("rule", "body"),
    [
        ("quantifier-singular", "We spent a lot of time and a lot of work on it."),
        ("quantifier-singular", "I had lots of experience and plenty of information."),
        ("quantifier-singular", "There are problem areas we should discuss."),
        ("quantifier-singular", "We had a lot of car trouble on the way."),
        ("quantifier-singular", "There are lots of car and truck routes here."),
        ("quantifier-singular", "The parking lots of the new campus are large."),
        ("quantifier-singular", "This kind of job suits me, as do different types of file."),
        ("quantifier-singular", "There are a lot of problems with the old system."),
        ("quantifier-singular", "It depends a lot of course on the budget."),
        ("quantifier-singular", "The flat has a lot of room and a lot of light."),
        ("quantifier-singular", "Hundreds of people and dozens of children came."),
        ("singular-subject-verb", "I suggest that the manager take the lead."),
        ("singular-subject-verb", "Please let the manager know if the team want a call."),
        ("singular-subject-verb", "My cat, whose name is Max, eats at noon."),
        ("singular-subject-verb", "The manager, who I met on Monday, and I want to talk."),
        ("singular-subject-verb", "When the customer need arises, we act."),
        ("singular-subject-verb", "This helps if the message you want to send is long."),
        ("agreement-slip", "If the offer were higher, I would sign."),
        ("plural-subject-verb", "The sales figures clearly show growth."),
        ("plural-subject-verb", "The dogs sometimes bark at night."),
        ("plural-subject-verb", "Mary is one of the students who has won the prize."),
        ("plural-subject-verb", "I spoke to the head of the teams who has the budget."),
        ("plural-subject-verb", "Those who like working late are welcome."),
        ("plural-subject-verb", "The savings accounts usually pay more."),
        ("plural-subject-verb", "The systems requirements clearly state the limit."),
        ("plural-subject-verb", "The first printed line tells who maintains the list."),
        ("its-apostrophe", "I left early, for it's late. For it's true that we met."),
        ("its-apostrophe", "I take it's fine to call you tomorrow."),
        ("its-apostrophe", "It's cheapest to call in the morning, and it's coldest at night."),
        ("its-apostrophe", "It's best practice, it's honest work and it's modest pay."),
        ("its-apostrophe", "Its running costs are high, and its founding team is small."),
        ("its-apostrophe", "Wait for it, it's coming soon. It's latest by Friday."),
        ("its-apostrophe", "The team lost it's not clear how many deals."),
        ("missing-article", "He was patient. It is key. That is fact."),
        ("missing-article", "It is day, not night. She is member of parliament."),
        ("missing-article", "It is problem solving that I enjoy, and it is book club night."),
        ("missing-article", "The winner is Bank."),
    ],
)
def test_correct_sentence_passes(rule: str, body: str) -> None:
    assert found(body, rule) == []


def test_countable_plurals() -> None:
    nouns = countable_nouns()
    assert nouns["city"] == "cities" and nouns["box"] == "boxes" and nouns["child"] == "children"
    # The nouns with a common uncountable use stay out of the list.
    assert not {"time", "work", "email", "room", "experience", "course"} & nouns.keys()
