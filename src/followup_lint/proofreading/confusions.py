"""Confused words and wrong forms that a word list catches: set phrases written with a
sound-alike word, closed compounds split in two, a verb with the wrong preposition, words that
do not agree, a wrong verb form after a modal, "did" or "to", and "since" with a length of time
or a present progressive.

Every list is a data file in this package (one entry a line, its source named at its top):
sound_alike_phrases.txt, split_compounds.txt, preposition_slips.txt, agreement_slips.txt and
verb_forms.txt. Each
list is compiled once per process into one regular expression, so a part of a draft costs one
scan per rule, whatever the length of the list. As with the other slips (`slips.py`), precision
comes first: an entry is listed only when its wrong form has no correct reading, and matches
inside code, addresses, links and phone numbers are left alone.

The finders have the signature of `slips.Finder` and are registered in `slips.SLIPS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc  # re.compile, kept between runs
from followup_lint.analysis.textpatterns import ODD_FOLDS
from followup_lint.checks.base import FixSpec, Hit, replacement
from followup_lint.proofreading.clause_commas import relative_heads
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.realword import find_real_word_typo

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

Finder = Callable[["Analysis", "Part"], Iterator[Hit]]

_APOSTROPHE = "['’]"
# Blanks between two words of a phrase: spaces, and at most one line break (a hard-wrapped
# line), never a blank line between paragraphs.
_SP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"


def _case_like(template: str, word: str) -> str:
    if template[:1].isupper() and not word[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def group_fix(
    analysis: Analysis,
    part: Part,
    m: re.Match[str],
    right_of: Mapping[str, str],
    values: Mapping[str, str] | None = None,
) -> Hit | None:
    """The replacement of a match's first group by its listed form (`right_of`, keyed in lower
    case, the case of the found word kept), or None inside a protected span (a quotation, a
    name, a link): the last step of the verb-form slips."""
    s, e = m.span(1)
    b = part.start + e
    if covered(protected_spans(analysis), part.start + m.start(), b):
        return None
    found = m.group(1)
    fix = _case_like(found, right_of[found.lower()])
    return replacement(part.start + s, b, fix, {"found": found, "expected": fix, **(values or {})})


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [
        [field.strip() for field in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


# -- phrase lists ------------------------------------------------------------------------------

#: Words after which "he have", "it do" are questions or infinitives, not slips.
_AUXILIARIES = frozenset(
    {
        "does",
        "did",
        "do",
        "doesn't",
        "didn't",
        "don't",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "won't",
        "wouldn't",
        "can't",
        "cannot",
        "couldn't",
        "haven't",
        "hasn't",
        "hadn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "needn't",
        "shan't",
        "shouldn't",
        "mustn't",
        "let",
        "lets",
        "make",
        "makes",
        "made",
        "help",
        "helps",
        "helped",
        "to",
        "that",
        "lest",
        "have",
        "has",
        "had",
        "am",
        "is",
        "are",
        "was",
        "were",
        "and",
        "or",
        "nor",
    }
)
_WORD_BEFORE_RE = rc.compile(r"([A-Za-z'’]+)\W*$")
_STOP_AFTER_RE = rc.compile(r"\s*(?:[.!?,;:)\]]|$)")
# The word just after a match (for "unless-next=" conditions: "world wide" but not before "web").
_WORD_AFTER_RE = rc.compile(r"[ \t]+([A-Za-z]+)")
# A number just after a match ("written in page 21", not "a rise in page views").
_DIGIT_AFTER_RE = rc.compile(r"[ \t]+\d")
# The start of the part or of a sentence, before a match ("May be we can ..." opens one).
_AT_START_RE = rc.compile(r"(?:^|[.!?][\"'”’)]?[ \t]+|\n[ \t]*)$")
# Punctuation, the end, or a function word: the listed noun is not a modifier of another noun.
_FUNCTION_AFTER_RE = rc.compile(
    r"\s*(?:[.!?,;:)\]]|$|(?:than|about|on|for|to|in|from|of|and|or|but|at|with|is|was|are|were|"
    r"now|this|that|these|those|the|a|an)\b)",
    re.IGNORECASE,
)


# Where a listed phrase may start: a word's first letter with no word character, apostrophe
# or hyphen before it (the lists' own left boundary). The run of word characters there is the
# key of the phrases that may match.
_WORD_START_RE = rc.compile(r"(?<![\w'’-])(\w+)")


def _word_starts(text: str) -> tuple[str, bool, list[tuple[int, str]]]:
    """(the text to match on, whether it needs case folding, its word starts with their lower
    case head)."""
    low = text.lower()
    fold = len(low) != len(text)
    src = text if fold else low
    starts = [(m.start(), m.group(1).lower()) for m in _WORD_START_RE.finditer(src)]
    return src, fold, starts


def _part_word_starts(analysis: Analysis, part: Part) -> tuple[str, bool, list[tuple[int, str]]]:
    """`_word_starts` of a part, worked out once per draft: the three phrase lists read every
    paragraph, each rule in turn, so a cache of the last paragraph alone never hit."""
    if len(analysis.text) > _KEEP_STARTS_UP_TO:
        return _word_starts(part.text)  # megabytes of text: a list per paragraph is too much
    key = f"proofreading:confusions:word-starts:{part.start}:{part.end}"
    found = analysis.cache.get(key)
    if found is None:
        found = analysis.cache[key] = _word_starts(part.text)
    result: tuple[str, bool, list[tuple[int, str]]] = found
    return result


#: Longest draft whose paragraphs' word starts are kept for the next phrase list (a draft of
#: megabytes would hold a tuple for each of its words).
_KEEP_STARTS_UP_TO = 200_000


def lowered_part(analysis: Analysis, part: Part) -> str | None:
    """The part in lower case when a case-sensitive scan of it reads as a case-insensitive
    scan of the part does (letter for letter, and no letter that re.IGNORECASE folds other
    than `str.lower` does: `ODD_FOLDS`); None otherwise. Once per part and draft."""
    key = f"proofreading:confusions:lowered:{part.start}:{part.end}"
    if key in analysis.cache:
        found: str | None = analysis.cache[key]
        return found
    text = part.text
    low = text.lower()
    exact = len(low) == len(text) and (
        text.isascii() or (ODD_FOLDS is not None and ODD_FOLDS.isdisjoint(text))
    )
    analysis.cache[key] = low if exact else None
    return low if exact else None


@cache
def _case_sensitive(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A lower-case pattern compiled without IGNORECASE (for text already in lower case: the
    engine then compares letters as they are, and skips impossible starts faster)."""
    return rc.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def scan_lowered(rx: re.Pattern[str], text: str, low: str | None) -> list[re.Match[str]]:
    """`list(rx.finditer(text))` for a case-insensitive pattern written in lower case, found by
    scanning `low` (`lowered_part`: the text in lower case, or None) about twice as fast. Each hit
    is matched again on the text itself (so groups read as written); should any hit not come
    out the same, the text is scanned the ordinary way."""
    if low is None:
        return list(rx.finditer(text))
    out: list[re.Match[str]] = []
    for hit in _case_sensitive(rx).finditer(low):
        m = rx.match(text, hit.start())
        if m is None or m.end() != hit.end():
            return list(rx.finditer(text))
        out.append(m)
    return out


class PhraseList:
    """A compiled list of wrong forms, and what each one should be.

    A list of three hundred phrases as one alternation costs a tenth of a second to compile
    and is tried at every character of every paragraph. The phrases are grouped instead by
    their first word (its first run of word characters), each group compiled the first time a
    paragraph has a word that starts one, and tried only at such words: the same matches, in
    the same order (tests/proofreading/test_confusions.py compares them with the whole
    alternation)."""

    __slots__ = ("_compiled", "_groups", "_ignorecase", "condition", "right")

    def __init__(self, right: dict[str, str], condition: dict[str, str]) -> None:
        self.right = right
        self.condition = condition
        groups: dict[str, list[str]] = {}
        for wrong in sorted(right, key=len, reverse=True):
            head = re.match(r"\w+", wrong)
            groups.setdefault(head.group() if head else "", []).append(wrong)
        self._groups = groups
        self._compiled: dict[tuple[str, bool], re.Pattern[str]] = {}

    @staticmethod
    def _body(phrases: list[str]) -> str:
        alternation = "|".join(_phrase_pattern(w) for w in phrases)
        return rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])"

    def _rx(self, head: str, fold: bool) -> re.Pattern[str]:
        rx = self._compiled.get((head, fold))
        if rx is None:
            # Case-sensitive on text already in lower case (the regex engine skips case
            # folding); case-insensitive for the rare text whose lower case changes length.
            rx = rc.compile(self._body(self._groups[head]), re.IGNORECASE if fold else 0)
            self._compiled[(head, fold)] = rx
        return rx

    def compile_all(self) -> None:
        for head in self._groups:
            self._rx(head, False)

    def whole(self) -> re.Pattern[str]:
        """Every phrase as one alternation (what `finditer` must agree with; for tests)."""
        return rc.compile(self._body(sorted(self.right, key=len, reverse=True)), re.IGNORECASE)

    def finditer(
        self, text: str, starts: tuple[str, bool, list[tuple[int, str]]] | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches in `text`, read in lower case where that keeps every offset (`starts`:
        `_word_starts(text)`, when the caller has it already)."""
        src, fold, at_words = starts if starts is not None else _word_starts(text)
        pos = 0
        for at, head in at_words:
            if at < pos or head not in self._groups:
                continue
            hit = self._rx(head, fold).match(src, at)
            if hit is not None:
                yield hit
                pos = max(hit.end(), at + 1)

    def key(self, found: str) -> str:
        return " ".join(found.lower().replace("’", "'").split())


def _phrase_pattern(wrong: str) -> str:
    return _SP.join(re.escape(w).replace("'", _APOSTROPHE) for w in wrong.split())


#: The phrase lists the rules read (compiled whole by `compile_phrase_lists`).
PHRASE_LISTS = (
    "sound_alike_phrases.txt",
    "preposition_slips.txt",
    "agreement_slips.txt",
    "split_compounds.txt",
)


def compile_phrase_lists() -> None:
    """Compile every group of every phrase list now (a server does this when idle)."""
    for name in PHRASE_LISTS:
        phrase_list(name).compile_all()


@cache
def phrase_list(name: str) -> PhraseList:
    """The data file `name`, grouped for matching (longest phrases first, so "to a great
    extend" wins over a shorter entry that starts the same way)."""
    right: dict[str, str] = {}
    condition: dict[str, str] = {}
    for fields in _data_lines(name):
        wrong = " ".join(fields[0].lower().split())
        right[wrong] = fields[1]
        if len(fields) > 2 and fields[2]:
            condition[wrong] = fields[2]
    return PhraseList(right, condition)


def _phrase_hits(analysis: Analysis, part: Part, name: str) -> Iterator[Hit]:
    table = phrase_list(name)
    text = part.text
    for m in table.finditer(text, _part_word_starts(analysis, part)):
        found = text[m.start() : m.end()]
        key = table.key(found)
        expected = table.right.get(key)
        if expected is None:
            continue
        cond = table.condition.get(key)
        if cond == "before-stop" and not _STOP_AFTER_RE.match(text, m.end()):
            continue
        if cond == "before-function-word" and not _FUNCTION_AFTER_RE.match(text, m.end()):
            continue
        if cond == "at-start" and not _AT_START_RE.search(text, 0, m.start()):
            continue
        if cond is not None and cond.startswith("unless-next="):
            after = _WORD_AFTER_RE.match(text, m.end())
            if after is not None and after.group(1).lower() in cond[12:].split("|"):
                continue
        if cond is not None and cond.startswith("unless-prev="):
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is not None and before.group(1).lower() in cond[12:].split("|"):
                continue
        if cond == "before-ing":
            after = _WORD_AFTER_RE.match(text, m.end())
            if after is None or not after.group(1).lower().endswith("ing"):
                continue
        if cond == "before-verb":
            after = _WORD_AFTER_RE.match(text, m.end())
            if after is None or after.group(1).lower() not in _common_base_verbs():
                continue
        if cond == "before-digit" and not _DIGIT_AFTER_RE.match(text, m.end()):
            continue
        if cond == "not-after-aux":
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is not None and before.group(1).lower().replace("’", "'") in _AUXILIARIES:
                continue
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue
        fix = _case_like(found, expected)
        yield replacement(a, b, fix, {"found": found, "expected": fix})


# "then" after a comparative where a comparison follows: "more then expected", "higher then 5%".
_THEN_RE = rc.compile(
    r"\b(?:more|less|fewer|worse|[a-z]{2,}er)\s+(then)\s+"
    r"(?=(?:expected|anticipated|planned|usual|ever|originally|normal|average|\d))",
    re.IGNORECASE,
)


# "then" for "than" further from its comparative, before a word a comparison ends on: "more
# expensive on some systems then others", "less often then before". The comparative ("more",
# "less", "fewer", "better", "worse") must be in the same clause, with no punctuation between;
# "then" must not follow "and", "but" or "or" ("we ate more and then others came"), and a
# pronoun after it must not be the subject of a clause ("one more pass then anyone can review").
_THEN_FAR_RE = rc.compile(
    r"\b(then)[ \t]+(?=(?:(?:others|anyone|anybody|anything|everyone|everybody|most|the[ \t]+rest)"
    r"\b(?![ \t]+(?:can|could|will|would|should|may|might|must|shall|has|have|had|is|was|are|"
    r"were|gets|goes|needs|wants|joined|left|came|started|took)\b)|(?:before|usual|expected|"
    r"last[ \t]+(?:year|time|month|week)|ever)\b))",
    re.IGNORECASE,
)
_COMPARATIVE_IN_CLAUSE_RE = rc.compile(
    r"\b(?:more|less|fewer|better|worse)\b[^,;:.!?()]*$", re.IGNORECASE
)
_CONJUNCTION_BEFORE_RE = rc.compile(r"\b(?:and|but|or)\s*$", re.IGNORECASE)


_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred"
)
# "too" before a number: "we grew too ten offices", "from 30 too 37" (not "too 1990s").
_TOO_NUMBER_RE = rc.compile(
    rf"\b(too){_SP}(?=\d+(?![\d,.]*['’]?s\b)|(?:{_NUMBER_WORDS})\b(?![-'’]))", re.IGNORECASE
)


# "by" for "be" after a modal, before a word that follows "be" and never "by": "it can by
# used", "we would by happy to", "this will by consistent". "Kerry might by supporting it" (a
# verb left out), "we could by chance" and "we will by late June" pass: only participles and
# predicative adjectives that no phrase of "by" starts with are listed after it.
_BY_FOR_BE_RE = rc.compile(
    # Opens on the literal "by" (the engine skips to it); the modal before is read in Python.
    r"by(?<![\w'’-]by)"
    rf"(?={_SP}(?:able|available|happy|glad|ready|possible|sure|done|used|sent|found|"
    r"made|given|reached|seen|held|shown|taken|consistent|useful|helpful|interested|delighted|"
    r"pleased|honou?red|thrilled|excited|grateful|needed|required|responsible|back|"
    r"in[ \t]+touch)\b(?![-'’]))",
    re.IGNORECASE,
)
_MODALS_BEFORE_BY = frozenset(
    {"can", "could", "will", "would", "should", "must", "may", "might", "shall", "cannot"}
    | {"won't", "wouldn't"}
)


def find_sound_alike(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A set phrase with a sound-alike word: "bare in mind", "piece of mind", "for you time";
    and "then" for "than" after a comparative ("more then expected")."""
    listed = list(_phrase_hits(analysis, part, "sound_alike_phrases.txt"))
    yield from listed
    text = part.text
    for m in _TOO_NUMBER_RE.finditer(text):
        a, b = part.start + m.start(1), part.start + m.end(1)
        if any(h.start < b and a < h.end for h in listed) or covered(
            protected_spans(analysis), a, b
        ):
            continue
        fix = _case_like(m.group(1), "to")
        yield replacement(
            a,
            b,
            fix,
            {"found": m.group(1), "expected": fix},
        )
    if " by " in text:
        for m in _BY_FOR_BE_RE.finditer(text):
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is None or text[before.end() : m.start()].strip():
                continue  # nothing but blanks may stand between the modal and "by"
            if before.group(1).lower().replace("’", "'") not in _MODALS_BEFORE_BY:
                continue
            a, b = part.start + m.start(), part.start + m.end()
            if covered(protected_spans(analysis), part.start + before.start(), b):
                continue
            fix = _case_like(m.group(), "be")
            yield replacement(a, b, fix, {"found": m.group(), "expected": fix})
    if "then" not in text.lower():
        return
    near: list[tuple[int, int]] = []
    for m in _THEN_RE.finditer(text):
        a, b = part.start + m.start(1), part.start + m.end(1)
        if covered(protected_spans(analysis), part.start + m.start(), b):
            continue
        if any(h.start < b and a < h.end for h in listed):
            continue  # "other then" is in the list already
        near.append((a, b))
        found = m.group(1)
        fix = _case_like(found, "than")
        yield replacement(a, b, fix, {"found": found, "expected": fix})
    for m in _THEN_FAR_RE.finditer(text):
        a, b = part.start + m.start(1), part.start + m.end(1)
        if any(h.start < b and a < h.end for h in listed) or (a, b) in near:
            continue
        window = text[max(0, m.start() - 80) : m.start()]
        if not _COMPARATIVE_IN_CLAUSE_RE.search(window) or _CONJUNCTION_BEFORE_RE.search(window):
            continue
        if covered(protected_spans(analysis), a, b):
            continue
        found = m.group(1)
        fix = _case_like(found, "than")
        yield replacement(a, b, fix, {"found": found, "expected": fix})


def find_split_compound(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A closed compound written as two words: "through out", "my self", "web site"
    (split_compounds.txt)."""
    return _phrase_hits(analysis, part, "split_compounds.txt")


def find_wrong_preposition(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A verb or adjective with the wrong preposition: "discuss about", "capable to"; and "to"
    with a verb after a verb that takes -ing ("I enjoyed to work", "insisted to attend")."""
    yield from _phrase_hits(analysis, part, "preposition_slips.txt")
    if " to" not in part.text:
        return
    text = part.text
    for m in scan_lowered(_to_gerund_pattern(), text, lowered_part(analysis, part)):
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1).lower() in _PASSIVE_BEFORE:
            continue  # "he is considered to be", "you are recommended to update"
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue
        verb, base = m.group(1), m.group(2)
        ing = _ing_form(base.lower())
        lead = verb + " on" if verb.lower().startswith("insist") else verb
        fix = f"{lead} {ing}" if ing else ""
        values = {
            "found": m.group(),
            "expected": fix or f"{lead} + -ing",
            "note": f'"{verb}" takes an -ing form, not "to" and a verb',
        }
        yield Hit(a, b, values, (FixSpec(a, b, fix, f"Replace with '{fix}'"),) if fix else ())


@lru_cache(maxsize=1)
def _common_base_verbs() -> frozenset[str]:
    """Base forms of common verbs (ing_verbs.txt's common verbs and verb_forms.txt's bases),
    for the "before-verb" condition: "want too go", not "want too much"."""
    words = _sections("ing_verbs.txt")
    return frozenset(set(words["common-verbs"]) | set(verb_forms().base.values()))


_PASSIVE_BEFORE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})


@lru_cache(maxsize=1)
def _to_gerund_pattern() -> re.Pattern[str]:
    words = _sections("ing_verbs.txt")
    verbs = set(words["common-verbs"]) | set(verb_forms().base.values())
    verbs.discard("be")  # "it is considered to be": passive, and "be" has no -ing use here
    takes = "|".join(sorted(sorted(words["takes-ing"]), key=len, reverse=True))
    return rc.compile(
        rf"\b({takes}){_SP}to{_SP}({'|'.join(sorted(sorted(verbs), key=len, reverse=True))})"
        r"(?![\w'’-])",
        re.IGNORECASE,
    )


def _ing_form(verb: str) -> str | None:
    """The -ing form of a base verb, when the dictionary knows it ("attend" -> "attending",
    "make" -> "making", "plan" -> "planning")."""
    forms = [verb + "ing"]
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        forms.insert(0, verb[:-1] + "ing")
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms.append(verb + verb[-1] + "ing")
    d = english()
    for form in forms:
        if d.frequency(form) >= 300:
            return form
    return None


def find_agreement(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """Words that do not agree: "they was", "these kind of", "less people", "informations";
    a pronoun and its verb at the start of a clause ("if he need", "they needs"); "this" or
    "these" with the wrong number ("this errors are", "these error is")."""
    finders = (
        _phrase_hits(analysis, part, "agreement_slips.txt"),
        _pronoun_verb_hits(analysis, part),
        _these_verb_hits(analysis, part),
        _determiner_number_hits(analysis, part),
        _noun_verb_hits(analysis, part),
        _count_singular_hits(analysis, part),
    )
    # One slip, one finding: a listed phrase ("the information are") and the noun-verb reading
    # of its last two words would otherwise both report it.
    taken: list[tuple[int, int]] = []
    for hits in finders:
        for hit in hits:
            if any(hit.start < b and a < hit.end for a, b in taken):
                continue
            taken.append((hit.start, hit.end))
            yield hit


_COUNT_WORDS = _NUMBER_WORDS.replace("one|", "")
# A count and a singular noun: "I have five book.", "for 3 year.", "two week ago". Only after a
# word that makes the number a count ("have", "for", "in", "about" ...: agreement_words.txt), so
# "the 2019 budget", "a top 10 list" and "Version 2 release" pass, and only before a stop, "of",
# "ago", "later" or "earlier" (for "many" and "several": a stop), so "five star hotel" passes.
_COUNT_SINGULAR_RE = rc.compile(
    rf"(?<![\w.,])((?:[2-9]|[1-9]\d{{1,2}})|{_COUNT_WORDS}|many|several){_SP}"
    r"([a-z]{3,})(?=[ \t]*(?:[.!?,;:]|$)|[ \t]+(?:of|ago|later|earlier)\b)",
    re.IGNORECASE,
)


def _count_singular_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    words = _agreement_words()
    d = english()
    for m in scan_lowered(_COUNT_SINGULAR_RE, text, lowered_part(analysis, part)):
        count, noun = m.group(1).lower(), m.group(2)
        # The word before, read in Python (a leading word group in the pattern would make the
        # engine retry at every letter of a long word).
        prior = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        before = prior.group(1).lower() if prior is not None else ""
        if before not in words["before-count"] or noun in words["not-singular-nouns"]:
            continue
        if count in ("many", "several") and not _STOP_AFTER_RE.match(text, m.end()):
            continue
        plural = _plural_of(noun)
        if (
            noun.endswith(("s", "ed", "ing", "ly", "est", "most", "a", "i"))
            or d.frequency(noun) < 1000
            or d.frequency(plural) < 300
        ):
            continue
        a, b = part.start + m.start(2), part.start + m.end(2)
        if covered(protected_spans(analysis), part.start + m.start(1), b):
            continue
        yield Hit(
            a,
            b,
            {"found": f"{m.group(1)} {noun}", "expected": f"{m.group(1)} {plural}"},
            (FixSpec(a, b, plural, f"Replace with '{plural}'"),),
        )


#: Words that look like plurals of common words but are singular or fixed ("this news is").
_NOT_PLURAL = frozenset({"news", "means", "thanks", "series", "species", "physics", "politics"})
_THIS_PLURAL_RE = rc.compile(rf"\b(this){_SP}([a-z]{{3,}}s){_SP}(?:are|were|have)\b", re.I)
_THESE_SINGULAR_RE = rc.compile(
    rf"\b(these|those){_SP}([a-z]{{3,}}){_SP}(?:is|was|has)\b", re.IGNORECASE
)
# "every" is a determiner only, so a plural after it is a slip: "every days", "every candidates".
_EVERY_PLURAL_RE = rc.compile(rf"\b(every){_SP}([a-z]{{3,}}s)\b(?![-'’])", re.IGNORECASE)
# A lower-case word after a plural: the noun an attributive plural modifies ("sports event").
_MODIFIED_NOUN_RE = rc.compile(r"[ \t]+[a-z]{3,}\b")
# "one of the/my ... + a singular noun" before a verb or the end of a phrase: "one of my friend
# is", "one of the reason why".
_ONE_OF_SINGULAR_RE = rc.compile(
    rf"\bone{_SP}of{_SP}(?:the|my|your|his|her|our|their|its|these|those){_SP}([a-z]{{3,}})"
    r"(?=\s*(?:[.!?,;:]|$|(?:is|was|has|who|that|which|why|and|i|we|you|he|she|they)\b))",
    re.IGNORECASE,
)


def _plural_of(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


_NOT_A_NOUN_AFTER_THESE = frozenset(
    {
        "who",
        "which",
        "that",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "few",
        "many",
        "all",
        "here",
        "there",
        "alone",
        "too",
        "also",
        "both",
    }
)


def _singular_of(word: str) -> str | None:
    low = word.lower()
    if low in _NOT_PLURAL or low.endswith(("ss", "us", "is", "ics", "ous", "'s")):
        return None
    if verb_forms().group.get(low) == "s":
        return None  # "this does have", "this needs": a verb
    single = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    d = english()
    if d.frequency(single) < 1000 or d.frequency(low) < 300:
        return None
    return single


def _determiner_number_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    low = text.lower()
    found: list[tuple[int, int, str, str]] = []
    if "this" in low:
        for m in _THIS_PLURAL_RE.finditer(text):
            if _singular_of(m.group(2)) is not None:
                found.append((m.start(1), m.end(2), m.group(1), "these"))
    if "these" in low or "those" in low:
        d = english()
        for m in _THESE_SINGULAR_RE.finditer(text):
            noun = m.group(2).lower()
            if (
                noun in _NOT_A_NOUN_AFTER_THESE
                or noun.endswith(("s", "ed", "ing", "ly", "a", "i"))
                or d.frequency(noun) < 1000
            ):
                continue
            found.append((m.start(1), m.end(2), m.group(1), "this"))
    if "every" in low:
        for m in _EVERY_PLURAL_RE.finditer(text):
            if m.group(2).lower() in agreement_section(
                "attributive-plurals"
            ) and _MODIFIED_NOUN_RE.match(text, m.end(2)):
                continue  # "every sports event": the plural modifies the noun after it
            single = _singular_of(m.group(2))
            if single is not None:
                found.append((m.start(2), m.end(2), m.group(2), single))
    if "one of" in low:
        words = _agreement_words()["not-singular-nouns"]
        d = english()
        for m in _ONE_OF_SINGULAR_RE.finditer(text):
            noun = m.group(1)
            plural = _plural_of(noun)
            if (
                noun in words
                or noun.endswith(("s", "ed", "ing", "ly", "est", "most", "a", "i"))
                or d.frequency(noun) < 1000
                or d.frequency(plural) < 300
            ):
                continue
            found.append((m.start(1), m.end(1), noun, plural))
    for s, e, det, right in found:
        if right == "this" and det.lower() == "those":
            right = "that"
        a, b = part.start + s, part.start + e
        if covered(protected_spans(analysis), a, b):
            continue
        fix = _case_like(det, right)
        yield Hit(
            a,
            part.start + s + len(det),
            {"found": text[s:e], "expected": fix + text[s + len(det) : e]},
            (FixSpec(a, part.start + s + len(det), fix, f"Replace with '{fix}'"),),
        )


# A pronoun and a verb form that does not agree with it, where a clause starts (so "you and
# he go", "let it go" and "thank you has" are left alone). A line break is not a clause start:
# plain-text mail is hard-wrapped anywhere ("the users of\nthis library are"). "after",
# "before", "until" and "since" are not clause starts here: as prepositions they take "it" as an object ("the text
# after it keeps its place").
_AGREE_CLAUSE_START = (
    r"(?:^|[.!?;:(]|\b(?:because|when|if|although|though|while|so|but|then|now|once|unless|"
    r"whether|where)\b)[ \t]*\b"
)
#: An adverb of frequency or degree between the pronoun and its verb ("I really likes", "she
#: always go"): the verb still agrees with the pronoun.
_AGREE_ADVERB = (
    rf"(?:{_SP}(?:also|never|always|really|still|just|only|even|often|usually|sometimes|"
    r"rarely|generally|normally|actually|truly|probably|certainly|definitely|simply))?"
)
#: Base forms that the phrase list already covers ("he have", "he do not").
_SKIP_BASES = frozenset({"have", "do", "be"})
#: "need" is also a modal ("he need not worry", "she need only ask").
_MODAL_NEED_AFTER_RE = rc.compile(r"[ \t]+(?:not|only|hardly|never|n['’]t)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pronoun_verb_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    table = verb_forms()
    s_form = {
        stem: form
        for form, stem in table.base.items()
        if form.endswith("s") and table.group.get(form) == "s"
    }
    bases = sorted((b for b in s_form if b not in _SKIP_BASES), key=len, reverse=True)
    singular = rc.compile(
        rf"{_AGREE_CLAUSE_START}(?:he|she|it){_AGREE_ADVERB}{_SP}({'|'.join(bases)})(?![\w'’-])",
        re.IGNORECASE,
    )
    # After "I", "you", "we", "they" the listed forms and those of the common verbs ("I likes",
    # "we plans"): at a clause's start no noun in -s follows these pronouns ("we parents" is
    # not one of them).
    common = {_third_person(v) for v in _sections("ing_verbs.txt")["common-verbs"]}
    forms = sorted(
        {f for f in s_form.values() if f not in ("has", "does")} | common, key=len, reverse=True
    )
    plural = rc.compile(
        rf"{_AGREE_CLAUSE_START}(?:i|you|we|they){_AGREE_ADVERB}{_SP}({'|'.join(forms)})"
        r"(?![\w'’-])",
        re.IGNORECASE,
    )
    return singular, plural, s_form


@lru_cache(maxsize=1)
def _these_verb_pattern() -> re.Pattern[str]:
    verbs = sorted(agreement_section("verbs-not-nouns"), key=len, reverse=True)
    return rc.compile(
        rf"{_AGREE_CLAUSE_START}(these|those){_AGREE_ADVERB}{_SP}({'|'.join(verbs)})(?![\w'’-])",
        re.IGNORECASE,
    )


def _base_of_s_form(form: str) -> str:
    """ "includes" -> "include", "applies" -> "apply", "does" -> "do", "has" -> "have"."""
    low = form.lower()
    if low == "has":
        return "have"
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("sses", "ches", "shes", "xes", "oes")):
        return low[:-2]
    return low[:-1]


def _these_verb_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """ "These includes the ring": a plural demonstrative opening a clause, then an "-s" verb
    ("One of these seems right" is left alone: there "these" does not open the clause)."""
    text = part.text
    folded = text.lower()
    if "these" not in folded and "those" not in folded:
        return
    # `lowered_part` is None where lower-casing moves letters (then the pattern reads the text).
    for m in scan_lowered(_these_verb_pattern(), text, lowered_part(analysis, part)):
        word = m.group(2)
        a, b = part.start + m.start(2), part.start + m.end(2)
        if covered(protected_spans(analysis), part.start + m.start(1), b):
            continue
        fix = _case_like(word, _base_of_s_form(word))
        yield replacement(
            a, b, fix, {"found": f"{m.group(1)} {word}", "expected": f"{m.group(1)} {fix}"}
        )


def _pronoun_verb_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    singular, plural, s_form = _pronoun_verb_patterns()
    base_of = verb_forms().base
    text = part.text
    low = lowered_part(analysis, part)
    for rx, to_s in ((singular, True), (plural, False)):
        for m in scan_lowered(rx, text, low):
            word = m.group(1)
            if word.lower() == "need" and _MODAL_NEED_AFTER_RE.match(text, m.end()):
                continue
            right = s_form[word.lower()] if to_s else base_of[word.lower()]
            a, b = part.start + m.start(1), part.start + m.end(1)
            if covered(protected_spans(analysis), part.start + m.start(), b):
                continue
            fix = _case_like(word, right)
            yield replacement(
                a,
                b,
                fix,
                {"found": word, "expected": fix},
            )


# -- a verb form after a modal, "do"/"did" or "to" -----------------------------------------------

_PRONOUN = r"(?:i|you|he|she|it|we|they)"
_MODAL = r"(?:can|could|will|would|shall|should|may|might|must)"
_NEGATED = (
    r"(?:can['’]t|cannot|couldn['’]t|won['’]t|wouldn['’]t|shouldn['’]t|mustn['’]t|mightn['’]t|"
    rf"didn['’]t|doesn['’]t|don['’]t|did{_SP}not|does{_SP}not|do{_SP}not|"
    # gen2b: the other negatives of the modals, with no subject needed ("The team could not
    # sent", "you needn't worried"). Not "can not", "must not", "will not" or "may not": "a
    # can not opened", "a must not missed", "a will not signed", "in May not ..." are nouns.
    rf"(?:could|would|should|might|shall){_SP}not|shan['’]t|needn['’]t)"
)
# An adverb that may stand between the auxiliary and the verb ("I will also send").
_ADVERB = (
    rf"(?:{_SP}(?:not|also|never|always|really|still|just|only|even|ever|probably|definitely|"
    r"certainly|surely|then|soon))?"
)
# Words before "to" that make it the mark of an infinitive ("I wanted to went"). A bare "to"
# is not enough: "the manager I spoke to told me" ends a clause with "to".
_INFINITIVE_WORDS = frozenset(
    {
        "want",
        "wants",
        "wanted",
        "need",
        "needs",
        "needed",
        "going",
        "able",
        "unable",
        "like",
        "liked",
        "love",
        "loved",
        "hope",
        "hoped",
        "plan",
        "plans",
        "planned",
        "try",
        "tries",
        "tried",
        "decide",
        "decided",
        "forget",
        "forgot",
        "have",
        "has",
        "had",
        "got",
        "wish",
        "wished",
        "expect",
        "expected",
        "intend",
        "intended",
        "manage",
        "managed",
        "start",
        "started",
        "continue",
        "continued",
        "seem",
        "seems",
        "seemed",
        "happy",
        "glad",
        "pleased",
        "delighted",
        "excited",
        "eager",
        "keen",
        "ready",
        "supposed",
        "allowed",
        "asked",
        "order",
        "as",
        # added with the eleventh sample: "promised to cleanup his room", "agreed to setup"
        "trying",
        "promise",
        "promised",
        "promises",
        "agree",
        "agreed",
        "offered",
        "refused",
        "remember",
        "willing",
        # added with the fourteenth sample: "prefer to changing", "don't hesitate to contacting"
        "prefer",
        "prefers",
        "preferred",
        "hesitate",
        "hesitated",
        "afford",
        "deserve",
        "deserves",
        "deserved",
        "choose",
        "chose",
    }
)
_INFINITIVE_BEFORE = "(?:" + "|".join(sorted(_INFINITIVE_WORDS)) + ")"
# Where a clause starts, so that "I had went" is the perfect and "the interview I had went
# well" (a relative clause ending in "had") is left alone.
_CLAUSE_START = (
    r"(?:^|[.!?;:,(\n]|\b(?:and|but|so|because|since|as|when|if|once|after|before|while|"
    r"although|though|then|now|recently|already|also|yesterday|today|honestly|actually)\b)"
    r"[ \t]*\b"
)


@dataclass(frozen=True, slots=True)
class VerbForms:
    after_aux: re.Pattern[str]
    after_to: re.Pattern[str]
    after_have: re.Pattern[str]
    modal_to: re.Pattern[str]
    base: dict[str, str]
    participle: dict[str, str]
    group: dict[str, str]
    #: Base forms wrong after "have", with their participle (a part of `participle`).
    have_base: dict[str, str]
    #: "been", "be" or "being" and a base form: "has been inform", "will be confirm".
    after_be: re.Pattern[str]
    #: The base forms wrong there, with their participle.
    be_base: dict[str, str]
    #: "be" or "been" and an "-s" form of the "verb-s" group: "must be replaces".
    after_be_s: re.Pattern[str]
    #: "does"/"did"/"do", a determiner and a noun or two, then a "verb-s" form: "Does your
    #: memory usage grows", "Did the recruiter says".
    after_do_np: re.Pattern[str]
    #: The "verb-s" forms, with their participle (`base` has their base form).
    s_participle: dict[str, str]


@lru_cache(maxsize=1)
def verb_forms() -> VerbForms:
    base: dict[str, str] = {}
    participle: dict[str, str] = {}
    group_of: dict[str, str] = {}
    after_to_forms: list[str] = []
    after_to_s_forms: list[str] = []
    have_base: dict[str, str] = {}
    be_base: dict[str, str] = {}
    passive: list[str] = []
    s_participle: dict[str, str] = {}
    for fields in _data_lines("verb_forms.txt"):
        form, stem, group = fields[:3]
        if group == "verb-s":  # an "-s" form that is never a noun: also wrong after "be"
            s_participle[form] = fields[3]
            base[form] = stem
            group_of.setdefault(form, group)
            if form not in after_to_s_forms:
                after_to_s_forms.append(form)
            continue
        if group == "base":  # a base form wrong after "have": its participle
            have_base[form] = fields[3]
            be_base[form] = fields[3]
            continue
        if group == "passive":  # a base form wrong after "been", "be", "being" only
            be_base[form] = fields[3]
            passive.append(form)
            continue
        base[form] = stem
        group_of[form] = group
        if group == "past":
            after_to_forms.append(form)
        elif group == "s":
            after_to_s_forms.append(form)
        if len(fields) > 3 and fields[3]:
            participle[form] = fields[3]

    # The "-s" forms of the common verbs a writer puts after a modal ("I can contributes").
    common = _sections("ing_verbs.txt")["common-verbs"]
    for verb in common:
        form = _third_person(verb)
        if form not in base:  # not in `group_of`: unlike the listed forms, many are nouns too
            base[form] = verb
            after_to_s_forms.append(form)

    def alternation(words: list[str] | set[str] | dict[str, str]) -> str:
        return "|".join(sorted(sorted(words), key=len, reverse=True))

    # The listed irregular forms, then any word in -ed (a regular past, checked in Python).
    forms = alternation(base) + r"|[a-z]{3,}ed"
    # A subject pronoun (or "who") and a modal, "I'll", a negated auxiliary, or a question
    # opening "did you", "does it"; then the form. "I'd" is left out: it is also "I had".
    aux = (
        rf"(?:\b(?:{_PRONOUN}|who){_SP}{_MODAL}|\b{_PRONOUN}['’]ll|\b{_NEGATED}|"
        # gen2b: "which"/"that" as a subject ("the form that would helped"); only the modals
        # that are never nouns ("that can", "that may", "which must" are left out).
        rf"\b(?:which|that){_SP}(?:could|would|should|might|will|shall)|"
        rf"\b(?:did|does|do){_SP}{_PRONOUN})"
    )
    after_aux = rc.compile(rf"{aux}{_ADVERB}{_SP}({forms})(?![\w'’-])", re.IGNORECASE)
    # After the "to" of an infinitive: a simple past ("wanted to went") or an "-s" form ("glad
    # to provides"). After "as to" and "going to" a noun may follow ("as to needs", "going to
    # works events"), so there only the pasts are looked for.
    # An -ing form after such a "to" ("eager to joining", "nice to meeting you") too; its
    # base is found in Python. "got to" (arrived) takes nouns as well.
    # The pattern starts at "to" (a literal, which the regex engine finds fast); the word
    # before it is checked in `_to_takes`.
    # A regular past in -ed too ("going to attached the file", "need to finished it"), but only
    # before an object or a stop: before a noun it is an adjective ("going to used bookstores",
    # "to interested parties").
    after_to = rc.compile(
        rf"\bto(?P<adv>{_ADVERB}){_SP}(?:(?P<past>{alternation(after_to_forms)})|"
        rf"(?P<s>{alternation(after_to_s_forms)}|[a-z]{{2,}}ing)|"
        rf"(?P<ed>[a-z]{{3,}}ed)(?=[ \t]+(?:the|a|an|my|your|our|their|his|her|it|them|me|us|him|"
        rf"this|that|these|those|you|everything|everyone)\b|[ \t]*[.!?,;]|[ \t]*$))(?![\w'’-])",
        re.IGNORECASE,
    )
    # "I have went", "she has came", "we had took": a simple past where the participle
    # belongs, after a pronoun at the start of a clause, "who"/"which", "I've" or "having",
    # or a modal's perfect ("should've went", "could have came", "must have ran"). Or after a
    # determiner and a noun at the start of a clause ("The impact had broke my foot"); a noun
    # inside the sentence may end a relative clause ("the meeting my boss had went well"), so
    # it is not read there.
    have = (
        rf"(?:{_CLAUSE_START}(?:{_PRONOUN}|(?:the|my|our|your|his|her|their|this|that){_SP}"
        rf"[a-z]{{3,}}){_SP}(?:have|has|had)|\b(?:who|which){_SP}(?:have|has|had)|"
        rf"\b{_PRONOUN}['’]ve|\bhaving|"
        rf"\b(?:could|should|would|must|might|may)(?:['’]ve|{_SP}have)|"
        # gen2b: the same perfect after every modal and its negatives ("couldn't have came",
        # "would not have went", "won't have took", "will have went", "cannot have knew").
        rf"\b(?:(?:could|should|would|must|might|will|shall)(?:n['’]t|{_SP}not|{_SP}never)|"
        rf"won['’]t|can['’]t|cannot|will|shall)(?:['’]ve|{_SP}have))"
    )
    # ... or a base form ("I have send", "she has give"): only the verbs listed as "base",
    # whose base is never a noun or adjective there ("we have leave booked", "lead experience").
    participle.update(have_base)
    after_have = rc.compile(
        rf"{have}{_ADVERB}{_SP}({alternation(participle)})(?![\w'’-])", re.IGNORECASE
    )
    # "I must to go", "you should to send": "to" between a modal and a listed verb. ("I may to
    # some extent agree" passes: "some" is not a verb.) "will" and "would" are left out ("the
    # will to win", "would to God").
    # The listed verbs' base forms and the common verbs a writer puts after a modal.
    stems = set(base.values()) | set(common)
    modal_to = rc.compile(
        rf"\b{_PRONOUN}{_SP}(?:can|could|should|must|might|may){_SP}(to){_SP}"
        rf"(?:{alternation(sorted(stems))})(?![\w'’-])",
        re.IGNORECASE,
    )
    # "has been inform", "will be confirm", "being invite": a base form where the passive
    # takes the participle. Not before "or"/"and" ("it will be give and take", "make or
    # break"), and "bring" is left out ("it will be bring your own lunch"). After "was",
    # "were", "is" or "are" only the regular verbs of the "passive" group, and only before
    # "by" or a word of time ("was introduce yesterday"): "all I did was ask" is right.
    be_forms = {f: p for f, p in be_base.items() if f != "bring"}
    after_be = rc.compile(
        rf"\b(?:(?:been|be|being){_ADVERB}{_SP}({alternation(be_forms)})(?![\w'’-])"
        rf"(?![ \t]+(?:or|and|n['’])\b)|(?:was|were|is|are){_SP}({alternation(passive)})"
        rf"(?=[ \t]+(?:by|yesterday|today|last|earlier|already|recently)\b))",
        re.IGNORECASE,
    )
    # "must be replaces", "has been informs": an "-s" form that is never a noun after "be" or
    # "been" ("there will be offers" and "a human being needs" keep nouns and "being" out),
    # the "be" after a modal, a negation or "has to", "needs to" ..., the "been" after "have"
    # (`before_be`, `before_been`): after any other "to be" it may end a clause that is the
    # subject ("what you want to be says a lot"). Both patterns are tried only at the words
    # they start with (`find_verb_form`), never scanned over a paragraph.
    s_forms = alternation(s_participle)
    after_be_s = rc.compile(rf"be(?:en)?{_ADVERB}{_SP}({s_forms})(?![\w'’-])", re.IGNORECASE)
    # "Does your memory usage grows": after "does"/"did"/"do" and a determiner, one or two
    # words of a noun phrase, then such a form. A pronoun or a word that opens a clause among
    # them ends the phrase ("Does that mean he has", "Did the team that owns").
    np_word = (
        r"(?!(?:i|you|he|she|it|we|they|who|which|that|and|or|not|if|when|whether|what|where|"
        r"how|why|than|as|to|there|this|these|those)\b)[a-z]+"
    )
    after_do_np = rc.compile(
        rf"d(?:oes|id|o){_SP}(?:the|your|my|our|their|his|her|its|this|that){_SP}"
        rf"{np_word}(?:{_SP}{np_word})?{_SP}({s_forms})(?![\w'’-])",
        re.IGNORECASE,
    )
    return VerbForms(
        after_aux,
        after_to,
        after_have,
        modal_to,
        base,
        participle,
        group_of,
        have_base,
        after_be,
        be_forms,
        after_be_s,
        after_do_np,
        s_participle,
    )


@lru_cache(maxsize=1)
def s_verb_forms() -> frozenset[str]:
    """The "-s" forms of common verbs: those of verb_forms.txt and those made from the common
    verbs of ing_verbs.txt and the `subject-verbs` of agreement_words.txt ("likes", "needs")."""
    forms = {f for f, g in verb_forms().group.items() if g in ("s", "verb-s")}
    bases = set(_sections("ing_verbs.txt")["common-verbs"]) | agreement_section("subject-verbs")
    return frozenset(forms | {_third_person(b) for b in bases})


def _third_person(verb: str) -> str:
    """ "attend" -> "attends", "teach" -> "teaches", "study" -> "studies"."""
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return verb[:-1] + "ies"
    return verb + "s"


def _ing_base(word: str) -> str | None:
    """The base of an -ing form when the dictionary knows it as a common word ("meeting" ->
    "meet", "making" -> "make", "planning" -> "plan"); None for "nothing", "bring" and
    other words in -ing that are no verb's -ing form."""
    low = word.lower()
    if low in not_participles():
        return None
    stem = low[:-3]
    candidates = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    d = english()
    best = max(candidates, key=d.frequency)
    return best if d.frequency(best) >= 300 else None


def not_participles() -> frozenset[str]:
    """Words in -ing that are not a verb's -ing form, or are a base form ("bring")."""
    return _sections("ing_verbs.txt")["not-participles"]


#: Words before a pronoun and modal whose clause leaves its verb out ("all I could to help",
#: "as best we can to", "what I can to"): the "to" there starts a purpose clause.
_ELLIPSIS_HEADS = relative_heads() | {"what", "whatever", "as", "best"}


def _elliptic(text: str, start: int, found: str) -> bool:
    """Does the modal matched at `start` leave its verb out, so that what follows it is not
    its verb? "all I could to help", "the best we can given the timeline"."""
    if found.lower() == "given":
        return True  # "as soon as we can given the notice": "given" opens a phrase of its own
    before = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).lower() in _ELLIPSIS_HEADS


#: Words in -ed that are not a regular past ("indeed", "embed") or whose stem is not the verb.
_NOT_REGULAR_PAST = frozenset({"indeed", "embed", "naked", "wicked", "sacred", "hatred", "kindred"})


def _regular_base(word: str) -> str | None:
    """The base form of a regular past in -ed when the dictionary knows it as a common word
    ("received" -> "receive", "attached" -> "attach", "planned" -> "plan", "applied" ->
    "apply"); None for words such as "need", "proceed" or "indeed"."""
    low = word.lower()
    if low in _NOT_REGULAR_PAST or low.endswith("eed") or len(low) < 5:
        return None
    stem = low[:-2]
    candidates = [low[:-1], stem]
    if stem.endswith("i"):
        candidates.insert(0, stem[:-1] + "y")
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    d = english()
    for c in candidates:
        if d.frequency(c) >= 300:
            return c
    return None


_LAST_WORD_RE = rc.compile(rf"(?<![\w'’-])([A-Za-z]+){_SP}\Z")
#: Words before "to" that a noun may follow, so only a simple past counts after them ("as to
#: needs", "going to works events", "got to meetings").
_TO_TAKES_NOUNS = frozenset({"as", "going", "got"})
#: Words before "to" after which an -ing form is a slip too ("nice to meeting you", "not easy
#: to grasping"): adjectives that take an infinitive, never the preposition "to" ("close to
#: finishing", "open to relocating" and "used to working" are right, so those stay out).
_TO_BEFORE_ING = frozenset(
    {
        "nice",
        "great",
        "lovely",
        "good",
        "wonderful",
        "pleasure",
        "easy",
        "hard",
        "difficult",
        "possible",
        "impossible",
        "able",
        "unable",
        "willing",
        "thrilled",
    }
)


def _to_takes(text: str, m: re.Match[str], group: str) -> bool:
    """Is the "to" that `m` starts at the mark of an infinitive, so that the form after it is
    a slip? After the words of `_INFINITIVE_WORDS` ("wanted to went", "glad to provides"),
    or, for an -ing form, after "nice", "great" ... ("nice to meeting")."""
    before = _LAST_WORD_RE.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return False
    word = before.group(1).lower()
    if group == "past":
        return word in _INFINITIVE_WORDS
    if word in _INFINITIVE_WORDS and word not in _TO_TAKES_NOUNS:
        return True
    return word in _TO_BEFORE_ING and not m.group("adv") and m.group("s").lower().endswith("ing")


def find_verb_form(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A past tense, participle or "-s" form where the base form belongs: "I will sent",
    "did you received", "it doesn't works", "to went"."""
    table = verb_forms()
    text = part.text
    seen: set[int] = set()
    low = lowered_part(analysis, part)
    for rx in (table.after_aux, table.after_to):
        for m in scan_lowered(rx, text, low):
            g: str | int = 1
            if rx is table.after_to:
                g = "past" if m.group("past") else "ed" if m.group("ed") else "s"
                if not _to_takes(text, m, "past" if g == "ed" else g):
                    continue
            s, e = m.span(g)
            if s in seen:
                continue
            seen.add(s)
            a, b = part.start + s, part.start + e
            if covered(protected_spans(analysis), part.start + m.start(), b):
                continue
            found = m.group(g)
            if rx is table.after_aux and _elliptic(text, m.start(), found):
                continue
            if found.lower().endswith("ing") and found.lower() not in table.base:
                right = _ing_base(found)
            else:
                right = table.base.get(found.lower()) or _regular_base(found)
            if right is None:
                continue
            fix = _case_like(found, right)
            yield replacement(
                a,
                b,
                fix,
                {"found": found, "expected": fix, "after": "auxiliary"},
            )
    for m in scan_lowered(table.after_have, text, low):
        hit = group_fix(analysis, part, m, table.participle, {"after": "have"})
        if hit is not None:
            yield hit
    for m in scan_lowered(table.after_be, text, low):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        a, b = part.start + s, part.start + e
        if covered(protected_spans(analysis), part.start + m.start(), b):
            continue
        found = m.group(g)
        fix = _case_like(found, table.be_base[found.lower()])
        yield replacement(
            a,
            b,
            fix,
            {"found": found, "expected": fix, "after": "be"},
        )
    yield from _s_form_hits(analysis, part, table, seen)
    yield from _please_hits(analysis, part, table, low)
    for m in scan_lowered(table.modal_to, text, low):
        s, e = m.span(1)
        a, b = part.start + s, part.start + e
        if covered(protected_spans(analysis), part.start + m.start(), part.start + m.end()):
            continue
        if _elliptic(text, m.start(), ""):
            continue  # "everything I can to help": "can (do)" in a relative clause, then "to"
        # Delete "to" and the space after it.
        yield Hit(
            a,
            b,
            {"found": m.group(1), "expected": "", "after": "modal-to"},
            (FixSpec(a, b + 1, "", "Delete 'to'"),),
        )


#: Words after which "please" opens a request, so the verb after it is an imperative: "Could
#: you please sends", "kindly please finds"; a sentence start counts too (`_AT_START_RE`).
_PLEASE_HEADS = frozenset({"you", "kindly", "also", "and", "so", "now", "then", "but"})


@cache
def _please_pattern() -> re.Pattern[str]:
    """ "please" and an "-s" form of the "s" or "verb-s" groups ("Please sends", "Please finds
    attached"). It opens with the literal "please" (the word boundary is read behind it), so the
    scan of a lowered paragraph jumps from one "please" to the next."""
    table = verb_forms()
    forms = sorted((f for f, g in table.group.items() if g in ("s", "verb-s")), key=len)
    alternation = "|".join(reversed(forms))
    return rc.compile(rf"please(?<![\w'’-]please){_SP}({alternation})(?![\w'’-])", re.IGNORECASE)


def _please_hits(
    analysis: Analysis, part: Part, table: VerbForms, low: str | None
) -> Iterator[Hit]:
    """ "Please sends me the file": "please" asks, and the verb after it is the bare imperative.
    Only where "please" opens the request (a sentence start, or after "you", "kindly" ...):
    "as you please" and "to please" are the verb "please"."""
    text = part.text
    for m in scan_lowered(_please_pattern(), text, low):
        lead = text[max(0, m.start() - 30) : m.start()].rstrip()
        if lead and not lead.endswith(",") and not _AT_START_RE.search(text, 0, m.start()):
            before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            if before is None or before.group(1).lower() not in _PLEASE_HEADS:
                continue
            if text[before.end(1) : m.start()].strip():
                continue  # "as you please. Goes ...": the stop ends the clause
        hit = group_fix(analysis, part, m, table.base, {"after": "please"})
        if hit is not None:
            yield hit


#: What must stand before the "be" and the "been" of `VerbForms.after_be_s`.
_BEFORE_BE_RE = rc.compile(
    rf"(?:\b(?:{_MODAL}|not|(?:has|have|had|needs?|going|supposed|ought|about){_SP}to)|"
    rf"['’]ll|n['’]t){_SP}\Z",
    re.IGNORECASE,
)
_BEFORE_BEEN_RE = rc.compile(rf"(?:\b(?:has|have|had)|['’]s|['’]ve){_SP}\Z", re.IGNORECASE)
_S_FORM_HEADS = frozenset({"be", "been", "does", "did", "do"})
_S_FORM_HEAD_RE = rc.compile(r"(?<![\w'’-])(?:been|be|does|did|do)(?!\w)", re.IGNORECASE)


def _s_form_hits(analysis: Analysis, part: Part, table: VerbForms, seen: set[int]) -> Iterator[Hit]:
    """A "verb-s" form after a modal's "be" or after "been" ("it must be replaces"), or after
    "does the X" ("Does the role requires travel?"). Tried only where one of those words
    starts (the paragraph's word starts are worked out once for the phrase lists)."""
    text = part.text
    starts: Iterable[tuple[int, str]]
    if len(analysis.text) > _KEEP_STARTS_UP_TO:
        # Megabytes of text: the word starts are not kept, so only these words are looked for.
        low = text.lower()
        src = text if len(low) != len(text) else low
        starts = ((m.start(), m.group().lower()) for m in _S_FORM_HEAD_RE.finditer(src))
    else:
        src, _, starts = _part_word_starts(analysis, part)
    for at, head in starts:
        if head not in _S_FORM_HEADS:
            continue
        if head.startswith("b"):
            m = table.after_be_s.match(src, at)
            if m is None:
                continue
            before = _BEFORE_BEEN_RE if head == "been" else _BEFORE_BE_RE
            if not before.search(src, max(0, at - 40), at):
                continue
            after = "be"
        else:
            m = table.after_do_np.match(src, at)
            if m is None:
                continue
            after = "auxiliary"
        s, e = m.span(1)
        if s in seen:
            continue
        seen.add(s)
        a, b = part.start + s, part.start + e
        if covered(protected_spans(analysis), part.start + m.start(), b):
            continue
        found = text[s:e]
        key = found.lower()
        right = table.s_participle[key] if after == "be" else table.base[key]
        fix = _case_like(found, right)
        yield replacement(a, b, fix, {"found": found, "expected": fix, "after": after})


# -- "since" with a length of time -------------------------------------------------------------

_SINCE_RE = rc.compile(
    r"\b(since)\s+(?:(?:the\s+)?(?:last|past)\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|a\s+few|a\s+couple\s+of)"
    r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b(?!\s+(?:ago|before|earlier|"
    r"back|old|prior|after|later|since|of\s+age))",
    re.IGNORECASE,
)


def find_since_duration(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """ "since six years": "since" names a point in time; a length of time takes "for"."""
    text = part.text
    if "since" not in text.lower():
        return
    for m in _SINCE_RE.finditer(text):
        a, b = part.start + m.start(1), part.start + m.end(1)
        if covered(protected_spans(analysis), a, part.start + m.end()):
            continue
        fix = _case_like(m.group(1), "for")
        yield replacement(
            a,
            b,
            fix,
            {"found": m.group(1), "expected": fix, "period": text[m.end(1) : m.end()].strip()},
        )


# "I am working here since 2019": a present progressive with "since" and a point in time.
# Nothing that starts a new clause may stand between them ("I am working on a tool, which has
# grown since 2019" passes). Tried only on paragraphs with "since" in them.
_PROGRESSIVE_SINCE_RE = rc.compile(
    r"\b(?:I[ \t]+am|I['’]m|we[ \t]+are|we['’]re|he[ \t]+is|he['’]s|she[ \t]+is|she['’]s|"
    r"they[ \t]+are|they['’]re)[ \t]+(?:[a-z]+ly[ \t]+)?(?:working|living|studying|waiting|looking|"
    r"doing|leading|managing|teaching|learning|using|developing|building|running|based|employed|"
    r"staying)\b(?:(?!\b(?:which|that|who|whom|whose|because|and|but|when|where|while)\b)"
    r"[^.!?\n,;]){0,40}?\bsince[ \t]+(?:\d{4}\b|last\b|(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|then)\b|the[ \t]+(?:start|beginning|end)\b)",
    re.IGNORECASE,
)


def find_progressive_since(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "since" not in text.lower():
        return
    for m in _PROGRESSIVE_SINCE_RE.finditer(text):
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue
        yield Hit(a, b, {"match": m.group(0)})


def _once(name: str, finder: Finder) -> Finder:
    """The finder with its hits kept in the Analysis per part: the rule and the Harper
    backend (which drops Harper's lints on the same words) both ask, and the scan runs once."""

    def run(analysis: Analysis, part: Part) -> Iterator[Hit]:
        key = f"proofreading:confusions:{name}:{part.start}:{part.end}"
        hits = analysis.cache.get(key)
        if not isinstance(hits, list):
            hits = list(finder(analysis, part))
            analysis.cache[key] = hits
        return iter(hits)

    run.__doc__ = finder.__doc__
    return run


CONFUSION_SLIPS: dict[str, Finder] = {
    name: _once(name, finder)
    for name, finder in {
        "sound-alike-phrase": find_sound_alike,
        "split-compound": find_split_compound,
        "wrong-preposition": find_wrong_preposition,
        "agreement-slip": find_agreement,
        "verb-form-after-auxiliary": find_verb_form,
        "since-duration": find_since_duration,
        "progressive-since": find_progressive_since,
        # Not a word list but word-pair counts (proofreading/realword.py); kept here so that
        # Harper drops its lint on the same word too.
        "real-word-typo": find_real_word_typo,
    }.items()
}


# -- a singular noun and a plural verb --------------------------------------------------------

# A determiner at the start of a clause, a singular common noun, then "are", "were", "have" or
# "don't": "My manager are away", "The role have changed". Each part is narrow on purpose:
# - only those four verbs: a base verb after a noun ("the team work") is too often a noun
#   itself ("the actual work is done", "the subject matter");
# - the determiner starts a clause, so the noun is its subject ("users who reported this issue
#   were" and "the benefits of the role are" are left alone);
# - the noun is lower case, ends in no "s" (so no plural, and no "process", which might be
#   either) and is a common word; collective nouns that British English makes plural ("the team
#   are"), shares and groups ("the majority are"), plurals without -s ("the fish are") and
#   adjectives used as nouns ("the latter are", "the innermost are") are left out
#   (agreement_words.txt);
# - nothing joins a second subject on just before ("both the manager and the director are"),
#   and "were" is skipped after "if", "wish" or "though" ("if the offer were higher").
#
# An aside set off by commas may stand between the noun and the verb: "My manager, for example,
# are away". Only asides that name no noun of their own, so none can be the verb's subject.
_ASIDE = (
    r"(?:,[ \t]+(?i:for[ \t]+example|for[ \t]+instance|in[ \t]+fact|of[ \t]+course|however|"
    r"as[ \t]+you[ \t]+know|I[ \t]+think|I[ \t]+believe|in[ \t]+my[ \t]+view),"
    # ... or a relative clause closed by its comma ("My manager, who you met, are away"): the
    # verb after the closing comma is the main clause's, so it agrees with the noun before.
    r"|,[ \t]+(?i:who|whose|which)[ \t][^,.;:!?()\n]{1,60},)?"
)
_NOUN_VERB_RE = rc.compile(
    rf"{_AGREE_CLAUSE_START}(?i:the|my|your|his|her|our|their|this|each|every){_SP}"
    rf"([a-z]{{3,}}){_ASIDE}{_SP}(are|were|have|don['’]t)\b(?![-'’])"
)
_NOUN_VERB_FIX = {"are": "is", "were": "was", "have": "has", "don't": "doesn't"}


def _agreement_words() -> dict[str, frozenset[str]]:
    """The sections of agreement_words.txt."""
    return _sections("agreement_words.txt")


def agreement_section(name: str) -> frozenset[str]:
    """One [section] of agreement_words.txt (empty when the file has none of that name)."""
    return _agreement_words().get(name, frozenset())


@cache
def _sections(name: str) -> dict[str, frozenset[str]]:
    """The [sections] of a data file of words."""
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
            continue
        current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


_SUBJUNCTIVE_BEFORE_RE = rc.compile(r"\b(?:if|wish|wished|though|suppose|supposing)\b", re.I)


def _noun_verb_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    words = _agreement_words()
    d = english()
    for m in _NOUN_VERB_RE.finditer(text):
        noun, verb = m.group(1), m.group(2)
        if (
            noun in words["not-singular-nouns"]
            or noun.endswith(("s", "ed", "ing", "ly", "est", "most", "a", "i"))
            or d.frequency(noun) < 1000
        ):
            continue
        # The clause so far: from the last sentence break to the determiner.
        start = max(text.rfind(c, 0, m.start(1)) for c in ".!?;:") + 1
        window = text[start : m.start(1)].lower()
        if any(f" {w} " in f" {window} " for w in ("both", "either", "neither")):
            continue  # "both the manager and the director are"
        vlow = verb.lower().replace("’", "'")
        if vlow == "were" and _SUBJUNCTIVE_BEFORE_RE.search(window):
            continue
        a, b = part.start + m.start(2), part.start + m.end(2)
        if covered(protected_spans(analysis), part.start + m.start(1), b):
            continue
        fix = _case_like(verb, _NOUN_VERB_FIX[vlow])
        yield replacement(
            a,
            b,
            fix,
            {"found": f"{noun} {verb}", "expected": f"{noun} {fix}"},
        )
