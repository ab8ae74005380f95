"""A singular countable noun without its article after "is", "was" or "am": "It is good idea
to meet", "I am strong candidate for the role", "You are good boy".

Only the shape "subject + be + one listed adjective + one listed noun" is read
(`article_words.txt`): the subject "it", "this" or "that" with "is", "was" or "'s"; "I" with
"am" or "'m"; "you" with "are" or "'re"; "he" or "she" with "is" or "was". The noun must end its
phrase (a stop, a preposition, "to", "that", "and", a comma after it), so a noun used as a
modifier ("It is good idea generation") is not taken for the head. Uncountable uses ("great
news", "good practice", "great experience") are not in the list.

Read on the draft's tokens once per draft, and only when a listed noun is there.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from followup_lint.analysis.core import once_per_draft
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.confusions import _sections
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.quantities import countable_nouns

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

#: The verbs each subject takes here (tokens as our tokenizer gives them: "it's" is "it" "'s",
#: "I'm" is one token).
_SUBJECT_VERBS = {
    "is": frozenset({"it", "this", "that", "he", "she"}),
    "was": frozenset({"it", "this", "that", "he", "she"}),
    "'s": frozenset({"it", "that", "he", "she"}),
    "am": frozenset({"i"}),
    "are": frozenset({"you"}),
}
_JOINED = frozenset({"i'm", "you're"})
#: What may follow the noun: it ends the phrase there.
_AFTER = frozenset(
    {".", ",", ";", ":", "!", "?", ")", "to", "for", "of", "in", "on", "at", "with", "that",
     "and", "but", "because", "as", "when", "if", "so", "since", "who", "which"}
)  # fmt: skip
_VOWEL_SOUND_EXCEPTIONS = frozenset({"unique", "useful", "usual"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    sections = _sections("article_words.txt")
    return sections["adjectives"], sections["nouns"]


def _article(adjective: str) -> str:
    low = adjective.lower()
    return "an" if low[0] in "aeiou" and low not in _VOWEL_SOUND_EXCEPTIONS else "a"


@once_per_draft("proofreading:missing-article")
def _spans(analysis: Analysis) -> list[tuple[int, int, int]]:
    """(subject token, adjective token, noun token) of each hit in the draft, once per draft."""
    found: list[tuple[int, int, int]] = []
    adjectives, nouns = _words()
    tokens = analysis.tokens
    norms = tokens.norms(ignore_case=True)
    found.extend(_bare_noun_spans(analysis, norms))
    if not nouns.isdisjoint(norms):
        text, starts, ends = tokens.text, tokens.starts, tokens.ends
        for i, word in enumerate(norms):
            if word not in nouns or i < 3 or norms[i - 1] not in adjectives:
                continue
            if i + 1 < len(norms) and norms[i + 1] not in _AFTER:
                continue  # the noun modifies another noun, or the phrase goes on
            verb = norms[i - 2]
            if verb in _JOINED:
                subject_at, ok = i - 2, True
            else:
                subjects = _SUBJECT_VERBS.get(verb)
                subject_at = i - 3
                ok = subjects is not None and norms[subject_at] in subjects
            if not ok:
                continue
            gaps = [text[ends[k] : starts[k + 1]] for k in range(subject_at, i)]
            if any("\n\n" in gap or gap.strip() for gap in gaps):
                continue
            found.append((subject_at, i - 1, i))
    return found


#: Nouns of countable_nouns.txt that also stand bare after "is" in correct English: words of
#: time and money ("it is day"), adjectives ("he was patient", "it is key") and a fact.
_NOT_BARE = frozenset(
    {"day", "week", "month", "year", "hour", "decade", "century", "dollar", "euro", "cent",
     "patient", "key", "fact", "graduate", "pilot", "intern"}
)  # fmt: skip
#: After a bare noun only what ends the sentence or the clause is taken ("He is friend.", "I
#: am student, and ..."); not "of", since titles go bare before it ("She is member of
#: parliament").


#: What ends the clause after a bare noun ("He is friend.", "I am student, and ..."). Not
#: "of": titles go bare before it ("She is member of parliament").
_CLAUSE_ENDS = frozenset({".", ",", ";", "!", "?", "and", "but"})
_BARE_VERBS = (*_SUBJECT_VERBS, *_JOINED)


def _bare_noun_spans(analysis: Analysis, norms: list[str]) -> Iterator[tuple[int, int, int]]:
    """(subject, -1, noun) token indices where a noun that is nearly always counted stands
    alone after a subject pronoun and its form of "be" and ends the clause: "He is friend.",
    "I am student, and ...". There is no adjective: -1 stands in its place, and the article
    goes before the noun. Found from the verbs (list.index, no Python loop per token)."""
    countable = countable_nouns()
    tokens = analysis.tokens
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    last = len(norms) - 2
    for verb in _BARE_VERBS:
        i = 0
        while True:
            try:
                i = norms.index(verb, i + 1, last)
            except ValueError:
                break
            noun = norms[i + 1]
            if noun not in countable or noun in _NOT_BARE or norms[i + 2] not in _CLAUSE_ENDS:
                continue
            if tokens[i + 1] != noun:
                continue  # a capitalised word is a name ("It is Bank.")
            if verb in _JOINED:
                subject_at = i
            elif norms[i - 1] in _SUBJECT_VERBS[verb]:
                subject_at = i - 1
            else:
                continue
            # Plain-text mail is hard-wrapped: the words must stand on one line.
            if any(text[ends[k] : starts[k + 1]].strip(" \t") for k in range(subject_at, i + 1)):
                continue
            yield subject_at, -1, i + 1


def find_missing_article(analysis: Analysis, part: Part) -> Iterator[Hit]:
    spans = _spans(analysis)
    if not spans:
        return
    tokens = analysis.tokens
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    for subject_at, adjective_at, noun_at in spans:
        if starts[subject_at] < part.start or ends[noun_at] > part.end:
            continue
        a, b = starts[subject_at], ends[noun_at]
        if covered(protected_spans(analysis), a, b):
            continue
        if adjective_at < 0:  # a bare noun ("He is friend."): the article goes before it
            article = _article(tokens[noun_at])
            at = starts[noun_at]
            expected = f"{text[a:at]}{article} {tokens[noun_at]}"
        else:
            adjective = tokens[adjective_at]
            article = _article(adjective)
            at = starts[adjective_at]
            expected = f"{article} {adjective} {tokens[noun_at]}"
        yield Hit(
            a,
            b,
            {"found": text[a:b], "article": article, "expected": expected},
            (FixSpec(at, at, f"{article} ", f"Insert '{article}'"),),
        )
