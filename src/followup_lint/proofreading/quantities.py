"""A quantifier that counts things before a singular noun: "many problem", "several reason why",
"a few question", "if you have any question" (the `quantifier-singular` rule); and "a lot"
straight before a plural noun, without its "of": "I have a lot questions" (`a-lot-of`).

"Any" takes the singular as readily as the plural ("nobody having any question, he ended"), so
only the request to a reader, "(if) you have any question", is looked at; and "some" takes
both numbers, so only "some" and a singular noun before "are" or "were" ("some language are").

The noun must be a common word whose regular plural is common too (the web frequencies of
proofreading/dictionary.py), so that uncountable nouns ("much time" is not looked at; "many
information" would need "information" to have a common plural, which it has not) and
adjectives ("many different") pass. It must end the noun phrase: a stop or one of the words in
`follows-noun-phrase` comes next (quantity_words.txt), so compounds ("many team members",
"several job offers") pass. Compiled once; one scan of a paragraph per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import FixSpec, Hit
from followup_lint.proofreading.confusions import _sections
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

#: Between two words: spaces, or one line break (plain-text mail is hard-wrapped anywhere).
_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
#: Words ending so that they are no singular noun a plural could be made of.
_NOT_SINGULAR_ENDINGS = ("s", "ed", "ing", "ly", "est", "ful", "ous")
#: What may follow a quantifier's noun even when the noun is also a verb: a stop, "of", an
#: auxiliary ("many reason are"). Before any other word, a verb reading wins: "many believe
#: that", "several want to", "few work in finance" (the quantifier is a pronoun there).
_NOUN_ONLY_AFTER = rc.compile(
    r"(?:[.!?,;:)](?![\w.])|[ \t]*$)|\s+(?:of|is|are|was|were|have|has|had|will|would|can|could|should"
    r"|may|might|must)\b",
    re.IGNORECASE,
)


def _words() -> dict[str, frozenset[str]]:
    return _sections("quantity_words.txt")


def quantity_section(name: str) -> frozenset[str]:
    """One [section] of quantity_words.txt."""
    return _words().get(name, frozenset())


@cache
def _phrase_end() -> str:
    """A look-ahead for the end of a noun phrase: a stop, the end of the line, or one of the
    words of `follows-noun-phrase`. A stop ends the phrase when it is not part of a name ("many
    pack .idx files")."""
    after = "|".join(sorted(_words()["follows-noun-phrase"]))
    return rf"(?=(?:[.!?,;:)](?![\w.])|[ \t]*$)|{_SP}(?:{after})\b)"


def singular_guess(noun: str) -> str:
    """The singular a regular plural was made from ("companies" -> "company", "updates" ->
    "update"); the caller checks that it is a word."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = _words()
    quantifiers = sorted(w["plural-quantifiers"]) + [
        q.replace("_", _SP) for q in sorted(w["plural-quantifiers-two"])
    ]
    end = _phrase_end()
    counted = rc.compile(
        rf"(?<![\w'’-])({'|'.join(quantifiers)}){_SP}([a-z]{{3,}})\b(?![-'’]){end}",
        re.IGNORECASE,
    )
    nouns = "|".join(sorted(w["any-nouns"]))
    any_noun = rc.compile(
        rf"\byou{_SP}(?:still{_SP})?(?:have|had){_SP}(any){_SP}({nouns})\b(?![-'’]){end}",
        re.IGNORECASE,
    )
    # "some language are": "some" takes either number, but a plural verb shows the plural.
    some_are = rc.compile(
        rf"(?<![\w'’-])(some){_SP}([a-z]{{3,}})\b(?![-'’]){_SP}(?:are|were)\b", re.IGNORECASE
    )
    return counted, any_noun, some_are


def plural_of(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _countable(noun: str) -> bool:
    if noun.endswith(_NOT_SINGULAR_ENDINGS) or noun in _words()["not-nouns"]:
        return False
    d = english()
    return d.frequency(noun) >= 1000 and d.frequency(plural_of(noun)) >= 300


#: Words one of which a paragraph must hold before the patterns are tried.
_CUES = (
    "many",
    "several",
    "various",
    "numerous",
    "multiple",
    "few",
    "couple",
    "number",
    "any",
    "some",
)


#: "and"/"or", a singular word, then a plural: the noun after the quantifier is the first of two
#: modifiers of that plural ("many wine and food festivals", "few sales or support calls").
_COORDINATED_MODIFIER = rc.compile(
    rf"{_SP}(?:and|or){_SP}[a-z]{{3,}}(?<!s){_SP}[a-z]{{3,}}s\b", re.IGNORECASE
)


def find_quantifier_singular(analysis: Analysis, part: Part) -> Iterator[Hit]:
    yield from _counted_singular(analysis, part)
    yield from _countable_after_heads(analysis, part)


def _counted_singular(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    lowered = text.lower()
    if not any(c in lowered for c in _CUES):
        return
    counted, any_noun, some_are = _patterns()
    for rx, check in ((counted, True), (any_noun, False), (some_are, True)):
        for m in rx.finditer(text):
            noun = m.group(2)
            if noun != noun.lower() or (check and not _countable(noun)):
                continue  # a capitalised word is a name, or starts a title ("Several Ways")
            if noun in _words()["pronoun-verbs"] and not _NOUN_ONLY_AFTER.match(text, m.end()):
                continue
            if _COORDINATED_MODIFIER.match(text, m.end()):
                continue  # "many style and grammar issues": two modifiers of one plural noun
            a, b = part.start + m.start(2), part.start + m.end(2)
            if covered(protected_spans(analysis), part.start + m.start(1), b):
                continue
            plural = plural_of(noun)
            found = " ".join(m.group(1).split())
            yield Hit(
                a,
                b,
                {"found": f"{found} {noun}", "expected": f"{found} {plural}"},
                (FixSpec(a, b, plural, f"Replace with '{plural}'"),),
            )


# -- a countable noun after "a lot of", "kinds of", "there are" ----------------------------------

# "a lot of car", "lots of book", "plenty of reason", "hundreds of candidate", "many kinds of
# job", "there are a lot problem", "there're problem": words that take a plural or a mass noun,
# before the singular of a noun that is nearly always counted (countable_nouns.txt, so "a lot of
# work", "lots of experience" and "plenty of time" pass), where its noun phrase ends ("a lot of
# car trouble", "there are problem areas" pass). Before "and"/"or" the noun may be the first of
# two modifiers ("lots of car and truck traffic"), so it is left alone there.


@cache
def countable_nouns() -> dict[str, str]:
    """The nouns of countable_nouns.txt, each with its plural."""
    text = resources.files(__package__).joinpath("countable_nouns.txt").read_text("utf-8")
    nouns: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "irregular":
            single, plural = line.split()
            nouns[single] = plural
        else:
            nouns.update((w, plural_of(w)) for w in line.split())
    return nouns


#: A paragraph must hold one of these before the patterns below are tried.
_HEAD_CUES = ("lot", "plenty", "kinds", "types", "sorts", "dozens", "hundreds", "thousands",
              "millions", "variety", "range", "series", "bunch", "handful", "there")  # fmt: skip
#: Words before "lots" that make it plots or places ("parking lots of", "two lots of land").
_LOTS_NOT_AFTER = frozenset(
    {"the", "these", "those", "parking", "car", "vacant", "empty", "two", "three", "four", "five",
     "several", "many", "some", "both", "all", "our", "their", "my", "your", "his", "her", "its"}
)  # fmt: skip


@cache
def _countable_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    end = _phrase_end()
    heads = (
        rf"a{_SP}lot{_SP}of|lots{_SP}of|plenty{_SP}of|"
        rf"a{_SP}(?:(?:wide|whole|large|small|great|huge){_SP})?"
        rf"(?:bunch|handful|variety|range|series){_SP}of|"
        rf"(?:dozens|hundreds|thousands|millions){_SP}of|"
        # "kinds of" alone takes a singular in British use ("different types of file"); after a
        # word that counts, the plural is the only reading ("many kinds of book").
        rf"(?:many|several|numerous|countless){_SP}(?:kinds|types|sorts){_SP}of"
    )
    after_head = rc.compile(
        rf"(?<![\w'’-])({heads}){_SP}([a-z]{{3,}})\b(?![-'’]){end}", re.IGNORECASE
    )
    # "there are a lot problem", "there're problem", "there were lots question": the verb shows
    # the plural, and "a lot"/"lots" without "of" before a noun is one more slip of the same
    # phrase (the fix gives both).
    there_are = rc.compile(
        rf"\b(there(?:{_SP}are|{_SP}were|['’]re)(?:{_SP}(?:a{_SP}lot|lots)(?:{_SP}of)?)?)"
        rf"{_SP}([a-z]{{3,}})\b(?![-'’]){end}",
        re.IGNORECASE,
    )
    return after_head, there_are


_AND_OR_AFTER = rc.compile(rf"{_SP}(?:and|or|nor|&)\b", re.IGNORECASE)
_LOT_WITHOUT_OF = rc.compile(rf"(a{_SP}lot|lots)$", re.IGNORECASE)


def _countable_after_heads(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    lowered = text.lower()
    if not any(c in lowered for c in _HEAD_CUES):
        return
    nouns = countable_nouns()
    seen: set[int] = set()
    for rx in _countable_patterns():
        for m in rx.finditer(text):
            noun = m.group(2)
            plural = nouns.get(noun)
            if plural is None or m.start(2) in seen or _AND_OR_AFTER.match(text, m.end()):
                continue
            seen.add(m.start(2))
            head = m.group(1)
            if head[:4].lower() == "lots":
                before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
                if before is not None and before.group(1).lower() in _LOTS_NOT_AFTER:
                    continue  # "the parking lots of the town": plots, not "many"
            a, b = part.start + m.start(1), part.start + m.end(2)
            if covered(protected_spans(analysis), a, b):
                continue
            lead = " ".join(head.split())
            if _LOT_WITHOUT_OF.search(lead):
                lead += " of"
            right = f"{lead} {plural}"
            yield Hit(
                a,
                b,
                {"found": " ".join(text[m.start(1) : m.end(2)].split()), "expected": right},
                (FixSpec(a, b, right, f"Replace with '{right}'"),),
            )


# -- "a lot" without its "of" -------------------------------------------------------------------

# "have a lot questions", "there are a lot problems": "a lot" as the object of a verb of having
# or meeting (so "a lot depends on it", where it is the subject, is not looked at), then the
# plural of a common countable noun that ends its phrase. Words that "a lot" modifies as an
# adverb or that are no plural noun ("a lot less", "a lot thanks", "a lot years ago", "a lot
# guys") are left out.
_A_LOT_VERBS = (
    r"have|has|had|having|are|were|got|get|gets|getting|gave|give|learned|learnt|made|make|"
    r"makes|ask|asked|saw|see|met|meet|need|needed|with|received|receive|spent|sent"
)


@cache
def _a_lot_pattern() -> re.Pattern[str]:
    return rc.compile(
        rf"\b(?:{_A_LOT_VERBS}){_SP}(a{_SP}lot){_SP}([a-z]{{3,}}s)\b(?![-'’]){_phrase_end()}",
        re.IGNORECASE,
    )


def find_a_lot_of(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "lot" not in text.lower():
        return
    for m in _a_lot_pattern().finditer(text):
        noun = m.group(2)
        if noun in _words()["one-thing-words"] or noun != noun.lower():
            continue
        single = singular_guess(noun)
        d = english()
        if d.frequency(noun) < 300 or (
            d.frequency(single) < 1000 and d.frequency(noun[:-2]) < 1000
        ):
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        if covered(protected_spans(analysis), a, part.start + m.end(2)):
            continue
        yield Hit(
            a,
            part.start + m.end(2),
            {"found": text[m.start(1) : m.end(2)], "expected": f"a lot of {noun}"},
            (FixSpec(b, b, " of", "Add 'of'"),),
        )


# -- "a" or "much" before a plural -------------------------------------------------------------

# "I have a questions about", "we don't have much problems with it": an article that counts one,
# or "much" (which measures what is not counted), before the plural of a common countable noun
# that ends its phrase. A plural that modifies the next noun ("a systems engineer", "a sales
# role", "much sales data") does not end its phrase, and words in -s that name one thing ("a
# means of", "a series", "a news story", "much thanks") are left out.
# The look-behind starts a word only at its first letter: the search stays linear on a long
# run of letters (tests/robustness/test_regex_backtracking.py).
_WORD_BEFORE_RE = rc.compile(r"(?<![A-Za-z'’])([A-Za-z'’]+)[ \t]+$")
#: A word or a comma just before: the capital "A" after it does not start a sentence.
_LETTER_BEFORE_RE = rc.compile(r"[\w,][ \t]+$")
_MUCH_AFTER = frozenset(
    {"have", "has", "had", "having", "with", "so", "too", "how", "as", "without", "got", "get",
     "gets", "made", "make", "makes", "caused", "cause", "causes", "created", "create", "any",
     "don't", "didn't", "doesn't", "need", "needed", "see", "saw", "find", "found"}
)  # fmt: skip


@cache
def _one_plural_pattern() -> re.Pattern[str]:
    return rc.compile(
        rf"(?<![\w'’.-])(a|much)({_SP}(?:(?:very|really|too|so|more)\s+)?)([a-z]{{3,}}s)\b"
        rf"(?![-'’]){_phrase_end()}",
        re.IGNORECASE,
    )


def find_one_with_plural(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _one_plural_pattern().finditer(text):
        word, noun = m.group(1), m.group(3)
        if noun in _words()["one-thing-words"]:
            continue
        if noun.endswith(("ss", "us", "is", "ics", "ous", "ness")):
            continue
        single = singular_guess(noun)
        if not _countable(single):
            continue
        if word == "A" and _LETTER_BEFORE_RE.search(text, max(0, m.start() - 3), m.start()):
            # A capital "A" inside a sentence is a letter or grade ("two A divisions",
            # "Division A teams", "Plan A results"), not the article.
            continue
        a, b = part.start + m.start(1), part.start + m.end(3)
        if covered(protected_spans(analysis), a, b):
            continue
        if word.lower() == "much":
            # "Much needs to be done": "much" is the subject there. Only "much" after a word
            # that makes it a determiner of the noun ("have much", "so much", "too much").
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
            if before is None or before.group(1).lower() not in _MUCH_AFTER:
                continue
            many = "Many" if word[0].isupper() else "many"
            yield Hit(
                a,
                b,
                {"found": text[m.start(1) : m.end(3)], "expected": f"{many}{m.group(2)}{noun}"},
                (FixSpec(a, part.start + m.end(1), many, f"Replace with '{many}'"),),
            )
        else:
            yield Hit(
                a,
                b,
                {"found": text[m.start(1) : m.end(3)], "expected": f"{word}{m.group(2)}{single}"},
                (FixSpec(part.start + m.start(3), b, single, f"Replace with '{single}'"),),
            )
