"""Grammar slips a pattern catches with high precision.

Each finder takes the Analysis and one part and yields (start, end, values, fixes) as draft
offsets. Precision comes first: every finder has an exception list of correct English that looks
close ("an hour", "a university", "had had", "e.g.", "3.5", "Node.js", "its own"), and the rule
files carry those as must-not-trigger examples.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc  # re.compile, kept between runs
from followup_lint.analysis.core import once_per_draft
from followup_lint.analysis.textpatterns import fold
from followup_lint.checks.base import FixSpec, Hit, replacement
from followup_lint.proofreading.adverb_noun import find_adverb_before_noun
from followup_lint.proofreading.clause_commas import (
    find_fused_sentence,
    find_intro_clause_comma,
    find_unclosed_aside,
)
from followup_lint.proofreading.compounds import find_compound_modifier
from followup_lint.proofreading.confusions import (
    CONFUSION_SLIPS,
    agreement_section,
    lowered_part,
    s_verb_forms,
    scan_lowered,
)
from followup_lint.proofreading.contraction_space import find_contraction_space
from followup_lint.proofreading.dictionary import english
from followup_lint.proofreading.ligatures import find_ligature
from followup_lint.proofreading.missing_article import find_missing_article
from followup_lint.proofreading.missing_be import find_missing_be
from followup_lint.proofreading.missing_the import find_missing_the
from followup_lint.proofreading.noun_agreement import find_singular_subject_verb
from followup_lint.proofreading.past_time import find_present_with_past_time
from followup_lint.proofreading.phrasal_verbs import find_noun_form_as_verb
from followup_lint.proofreading.possessive_names import find_article_before_possessive_name
from followup_lint.proofreading.protected import covered, protected_spans
from followup_lint.proofreading.quantities import (
    countable_nouns,
    find_a_lot_of,
    find_one_with_plural,
    find_quantifier_singular,
    quantity_section,
    singular_guess,
)
from followup_lint.proofreading.speller import sentence_start
from followup_lint.proofreading.weekday_dates import find_weekday_date

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

Finder = Callable[["Analysis", "Part"], Iterator[Hit]]


def _inside(analysis: Analysis, part: Part, s: int, e: int) -> bool:
    """Is the part-relative range [s, e) in a span no slip looks in (proofreading/protected.py)?"""
    return covered(protected_spans(analysis), part.start + s, part.start + e)


def _case_like(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


# -- a / an ------------------------------------------------------------------------------------

_ARTICLE_RE = rc.compile(r"(?<![\w.'’-])(a|an|A|An)([ \t]+)([A-Za-z0-9][A-Za-z0-9'’-]*)")
# An acronym said letter by letter: capitals (and a lower-case tail: "MSc", "PhD"), no vowel
# or at most three letters ("HTTP", "MBA"; not "NASA", said as a word).
_SPELLED_ACRONYM_RE = rc.compile(r"[A-Z]{2,4}s?|[A-Z]{2}[a-z]|[A-Z][a-z][A-Z]")
# Acronyms in common use said as a word or either way ("a SQL database": "sequel").
_ACRONYM_EITHER = frozenset({"SQL", "FAQ", "URL", "LED", "UAT"})
_DIGITS_RE = rc.compile(r"\d[\d,.]*")
# Words spelt with a vowel letter but said with a consonant sound ("a university", "a one-off").
_CONSONANT_SOUND_RE = rc.compile(
    r"(?:uni|unanim|usa|use|usu|uti|uto|ute|ura|uri|ukul|ubiq|eu|ewe|one\b|one-|once|ouija)"
)
# ...and spelt with a consonant letter but said with a vowel sound ("an hour", "an honest").
_VOWEL_SOUND_RE = rc.compile(r"(?:hour|honest|honou?r|heir)")
# Words where either article is in good use ("an historic", "an herb" in US English).
_EITHER_RE = rc.compile(r"(?:histor|hotel|herb|habitu|heroic|hyster|hypot)")
_LETTER_VOWEL_SOUND = frozenset("aefhilmnorsx")


def _wants_an(word: str) -> bool | None:
    """True if the word takes "an", False if "a", None when unsure."""
    low = word.lower().replace("’", "'")
    head, sep, _ = low.partition("-")
    if sep and len(head) == 1:
        return head in _LETTER_VOWEL_SOUND  # "an x-ray", "a t-shirt", "an e-mail"
    if len(low) < 2 or _EITHER_RE.match(low):
        return None
    if low.startswith("un") and len(low) > 7 and english().known(low[2:]) and low[2] == "i":
        return True  # "an unimportant", "an uninterested": un- + a word starting with i
    if low[0] in "aeiou":
        return not _CONSONANT_SOUND_RE.match(low)
    if low[0] == "h" and _VOWEL_SOUND_RE.match(low):
        return True
    return False if low[0].isalpha() else None


def _acronym_wants_an(word: str) -> bool | None:
    """For an acronym said letter by letter, the article its first letter's name takes."""
    core = word.split("-")[0]
    if core.upper() in _ACRONYM_EITHER or not _SPELLED_ACRONYM_RE.fullmatch(core):
        return None
    letters = core.rstrip("s") if core.endswith("s") and core[:-1].isupper() else core
    if len(letters) > 3 and any(c in "AEIOU" for c in letters.upper()):
        return None  # "NASA", "UNICEF": said as words
    return letters[0].lower() in _LETTER_VOWEL_SOUND


def _number_wants_an(word: str) -> bool | None:
    """ "an 8-year", "an 11-week", "an 18%"; "a 7-day", "a 100-person"."""
    m = _DIGITS_RE.match(word)
    if m is None:
        return None
    digits = m.group().replace(",", "").split(".")[0]
    if not digits:
        return None
    if digits[0] == "8":
        return True
    # 11 and 18 (and 11,000 or 18 million) are said "eleven", "eighteen".
    return digits[:2] in ("11", "18") and len(digits) % 3 == 2


def find_article(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _ARTICLE_RE.finditer(text):
        article, word = m.group(1), m.group(3)
        if article[0] == "A" and not sentence_start(text, m.start()):
            continue  # "Plan A of the project", "Grade A"
        want: bool | None
        if word[0].isdigit():
            want = _number_wants_an(word)
        elif word[1:2].isupper() or (word.isupper() and len(word) > 1):
            want = _acronym_wants_an(word)
        elif word[:1].isupper() and word[0] in "UuEeOo":
            continue  # proper names: "a Uber", "an Oxford" are said differently
        else:
            want = _wants_an(word)
        if want is None or want == (article.lower() == "an"):
            continue
        if _inside(analysis, part, m.start(), m.end()):
            continue
        right = "an" if want else "a"
        right = _case_like(article, right)
        s = part.start + m.start(1)
        e = part.start + m.end(1)
        yield Hit(
            s,
            e,
            {"found": article, "expected": right, "word": word},
            (FixSpec(s, e, right, f"Replace with '{right}'"),),
        )


# -- repeated word ---------------------------------------------------------------------------

_REPEAT_RE = rc.compile(r"(?<![\w'’-])([A-Za-z]+)(\s+)(\1)(?![\w'’-])", re.IGNORECASE)
# Correct English with a word said twice ("she had had", "bye bye", "so-so" written apart).
_GOOD_REPEATS = frozenset({"had", "bye", "ha", "no", "so", "very", "yeah", "knock", "tut"})
# "that that" is correct ("I know that that is hard") unless a noun phrase or clause follows.
_THAT_THAT_BAD_RE = rc.compile(
    r"\s+(?:the|a|an|we|i|you|they|he|she|it's|we're|i'm)\b|\s*$",
    re.IGNORECASE,
)
# A noun that is also a modal verb, after a determiner: "The can can hold two litres".
_NOUN_MODALS = frozenset({"can", "will", "may", "must"})
# Modals that are also first names: capitalised first, the pair is a name and its verb.
_NAME_MODALS = frozenset({"will", "may"})
_DETERMINER_BEFORE_RE = rc.compile(
    r"(?:^|\W)(?:the|a|this|that|each|every|my|your|our|their|his|her|its)\s+$", re.IGNORECASE
)
# Two to four words said twice: "at the at the", "getting to know getting to know".
_REPEAT_PHRASE_RE = rc.compile(
    r"(?<![\w'’-])((?:[A-Za-z'’]+[ \t]+){1,3}[A-Za-z'’]+)[ \t]+(\1)(?![\w'’-])", re.IGNORECASE
)
# Two words said twice on purpose, in idioms:
# - "as X as X": "as low as low can be", "as big as Big Ben";
# - "and X and X", "X and X and": repetition for emphasis ("look and look and look");
# - "X in X in", "X to X to", ...: a paired-noun idiom ("hand in hand", "day to day") and then
#   the same preposition starting the next phrase ("walked hand in hand in the park");
# - "call a spade a spade".
_REPEAT_IDIOM_FIRST = frozenset({"as", "and", "or"})
_REPEAT_IDIOM_LINK = frozenset(
    {"in", "to", "by", "for", "after", "upon", "on", "over", "against", "and", "or"}
)
_REPEAT_NOT_NOUN = frozenset(
    {"the", "a", "an", "of", "in", "at", "on", "to", "for", "with", "from", "by", "this", "that",
     "my", "your", "our", "their", "his", "her", "its", "it", "i", "we", "you", "they", "he",
     "she", "is", "was", "be", "are", "were"}
)  # fmt: skip
_CALL_BEFORE_RE = rc.compile(r"\bcall(?:s|ed|ing)?[ \t]+$", re.IGNORECASE)


def _idiomatic_repeat(text: str, m: re.Match[str]) -> bool:
    words = m.group(1).lower().split()
    if len(words) != 2:
        return False
    first, second = words
    if first in _REPEAT_IDIOM_FIRST:
        return True
    if second in _REPEAT_IDIOM_LINK and first not in _REPEAT_NOT_NOUN:
        return True
    return first in ("a", "an") and bool(_CALL_BEFORE_RE.search(text, 0, m.start()))


# The words of a text in lower case, as _REPEAT_PHRASE_RE reads them (runs of letters and
# apostrophes), for its pre-test.
_PHRASE_WORD_RE = rc.compile(r"[a-z'’]+")


def _may_repeat_phrase(text: str) -> bool:
    """Could _REPEAT_PHRASE_RE match? A phrase of k words (2 to 4) said twice is, among the
    text's words, two neighbours equal to the two k places on: a test on lists of words
    instead of a backtracking scan at every word. Only for text in ASCII and the curly
    apostrophe, where `str.lower` is how the pattern compares letters (elsewhere: True)."""
    if not text.replace("’", "'").isascii():
        return True
    words = _PHRASE_WORD_RE.findall(text.lower())
    for k in (2, 3, 4):
        same = list(map(operator.eq, words, words[k:]))
        if any(map(operator.and_, same, same[1:])):
            return True
    return False


def find_repeated(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in scan_lowered(_REPEAT_RE, text, lowered_part(analysis, part)):
        word = m.group(1)
        low = word.lower()
        if low in _GOOD_REPEATS or "\n\n" in m.group(2):
            continue
        if low == "that" and not _THAT_THAT_BAD_RE.match(text, m.end()):
            continue
        if low in _NOUN_MODALS and _DETERMINER_BEFORE_RE.search(text, 0, m.start()):
            continue
        if low in _NAME_MODALS and word[:1].isupper():
            continue  # "Will will call you", "May may join us": a name, then the modal
        if word[:1].isupper() and m.group(3)[:1].isupper() and not sentence_start(text, m.start()):
            continue  # "Duran Duran", "Sirhan Sirhan": a name
        if _inside(analysis, part, m.start(), m.end()):
            continue
        s = part.start + m.end(1)
        e = part.start + m.end(3)
        yield Hit(
            part.start + m.start(3),
            e,
            {"word": m.group(3)},
            (FixSpec(s, e, "", f"Delete the second '{m.group(3)}'"),),
        )
    if (" " not in text and "\t" not in text) or not _may_repeat_phrase(text):
        return
    for m in _REPEAT_PHRASE_RE.finditer(text):
        phrase = m.group(1)
        if (
            not any(len(w) > 2 for w in phrase.split())
            or _idiomatic_repeat(text, m)
            or _inside(analysis, part, m.start(), m.end())
        ):
            continue
        s = part.start + m.end(1)
        e = part.start + m.end(2)
        yield Hit(
            part.start + m.start(2),
            e,
            {"word": m.group(2)},
            (FixSpec(s, e, "", f"Delete the second '{m.group(2)}'"),),
        )


# -- two determiners in a row ------------------------------------------------------------------

# An article and then another determiner, or a pronoun, before the noun: "the a thing", "a
# the report", "the my notes", "the he house" (one of them is left over from an edit). The
# second word is lower case, so "the A grade", "the IT team" and "the My Lai" pass, and a word
# joined on by a hyphen ("the she-wolf") or quoted ("the 'a'") is not matched.
# The pattern opens with a letter class (the regex engine skips fast to where one is); what may
# stand before the article is checked in Python.
_DOUBLE_DETERMINER_RE = rc.compile(
    r"([Tt]he|THE|[Aa]n?|AN?)[ \t]+(a|an|the|my|your|our|their|his|its|this|these|those|he|"
    r"she)(?![\w'’:-])"
)
_WORDISH = frozenset("'’-")
# The second word kept when it is a determiner that can stand alone before the noun.
_DETERMINER_KEEPS = frozenset(
    {"my", "your", "our", "their", "his", "its", "this", "these", "those"}
)


def find_double_determiner(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _DOUBLE_DETERMINER_RE.finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_" or text[at - 1] in _WORDISH):
            continue  # inside a word ("Santa the", "beta a")
        first, second = m.group(1), m.group(2)
        if first.lower() == second or _inside(analysis, part, m.start(), m.end()):
            continue  # "the the" is repeated-word's
        if second in _DETERMINER_KEEPS:
            # Drop the article: "the my notes" -> "my notes".
            kept = _case_like(first, second)
            fix = FixSpec(
                part.start + m.start(1), part.start + m.end(2), kept, f"Replace with '{kept}'"
            )
        else:
            # Drop the second word: "the a thing" -> "the thing", "the he house" -> "the house".
            s, e = part.start + m.end(1), part.start + m.end(2)
            fix = FixSpec(s, e, "", f"Delete '{second}'")
        yield Hit(
            part.start + m.start(1),
            part.start + m.end(2),
            {"found": m.group(0), "first": first, "second": second},
            (fix,),
        )


# -- lower-case "i" --------------------------------------------------------------------------

# The literal comes first so that the regex engine can search for it; what may precede the "i"
# is checked in Python (a leading look-behind makes the engine try every position).
_LOWER_I_RE = rc.compile(r"i(?=(?:['’](?:m|ve|ll|d)\b)|(?![\w'’)(-]|\.\w))")
_NOT_BEFORE_I = frozenset(".'’/@(-")
_ROMAN_ITEM_RE = rc.compile(r"(?:^|\n)[ \t]*i[.)][ \t]")
# "page i", "part i", "phase i": a roman numeral after a word that numbers things.
_NUMBERED_BEFORE_RE = rc.compile(
    r"\b(?:page|pages|part|chapter|section|volume|vol\.|appendix|phase|step|type|class|stage|"
    r"level|grade|figure|fig\.|table|book|act|article|schedule|tier|war|item)\s+$",
    re.IGNORECASE,
)


def find_lowercase_i(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    items = {m.end() - 3 for m in _ROMAN_ITEM_RE.finditer(text)}
    for m in _LOWER_I_RE.finditer(text):
        s = m.start()
        if s > 0 and (text[s - 1] in _NOT_BEFORE_I or text[s - 1].isalnum() or text[s - 1] == "_"):
            continue
        if s in items or _inside(analysis, part, s, s + 1):
            continue
        if _NUMBERED_BEFORE_RE.search(text, max(0, s - 20), s):
            continue
        a = part.start + s
        yield Hit(a, a + 1, {}, (FixSpec(a, a + 1, "I", "Capitalise 'I'"),))


# -- a sentence starting in lower case --------------------------------------------------------

_SENT_BREAK_RE = rc.compile(r"[.!?][ \t]+(?:\n[ \t]*)?(?=[a-z])|[.!?]\n[ \t]*(?=[a-z])")
_ABBREV_BEFORE_RE = rc.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|cf|a\.m|p\.m|approx|incl|esp|ca|no|fig|dept|et al|viz|"
    r"mr|mrs|ms|mx|dr|prof|jr|sr|st|inc|ltd|co|corp|est|ext|tel|ref|vol|pp|min|max|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.|\b[A-Za-z]\.|\.\.\.|…)$",
    re.IGNORECASE,
)
# A list marker: "a)", "(b)", "ii.", "iv)".
_LIST_MARKER_RE = rc.compile(r"\(?(?:[a-z]|[ivx]{1,4})[.)]")
_FIRST_WORD_RE = rc.compile(r"[^\s]+")


def _plain_word(token: str) -> bool:
    """A lower-case ordinary word (not "iPhone", "npm@9", "e.g.", "i" or "3pm")."""
    core = token.rstrip(",;:!?.)\"'”’")
    return core.isalpha() and core.islower() and core != "i"


def find_sentence_start(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    starts: list[int] = []
    draft = analysis.draft
    greeting = draft.greeting
    same_line_as_greeting = (
        greeting is not None
        and greeting.end <= part.start
        and "\n" not in draft.text[greeting.end : part.start]
    )
    lead = len(text) - len(text.lstrip("\"'“‘("))
    if text[lead : lead + 1].islower() and not same_line_as_greeting:
        starts.append(lead)
    for m in _SENT_BREAK_RE.finditer(text):
        if _ABBREV_BEFORE_RE.search(text, 0, m.start() + 1):
            continue
        starts.append(m.end())
    vocab = {w.lower() for w in analysis.vocabulary}
    for s in starts:
        token = _FIRST_WORD_RE.match(text, s)
        if token is None or _LIST_MARKER_RE.fullmatch(token.group()):
            continue
        if not _plain_word(token.group()):
            continue
        if token.group().rstrip(",;:!?.").lower() in vocab or _inside(analysis, part, s, s + 1):
            continue
        a = part.start + s
        up = text[s].upper()
        yield Hit(
            a,
            a + len(token.group().rstrip(",;:!?.)\"'”’")),
            {"word": token.group().rstrip(",;:!?.)\"'”’")},
            (FixSpec(a, a + 1, up, f"Capitalise '{text[s]}'"),),
        )


# -- missing space after a full stop or comma -------------------------------------------------

# A comma or full stop with a letter right after it; the letters before are checked in Python.
_MISSING_SPACE_RE = rc.compile(r"[,.](?=[A-Za-z])")
_ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _missing_space_at(text: str, i: int) -> bool:
    """Words on both sides of the mark at i: "time,and" (not "a,b"), "today.The" (not "Node.js",
    "e.g.", "U.S.")."""
    before = text[max(0, i - 2) : i]
    after = text[i + 1 : i + 3]
    if text[i] == ",":
        left = len(before) >= 1 and before[-1] in _ASCII_LETTER
        left2 = len(before) == 2 and all(c in _ASCII_LETTER for c in before)
        right2 = len(after) == 2 and all(c in _ASCII_LETTER for c in after)
        return left and (left2 or right2)
    return (
        len(before) == 2
        and before.isascii()
        and before.isalpha()
        and before.islower()
        and len(after) == 2
        and after[0].isupper()
        and after[1].islower()
        and after.isascii()
    )


def find_missing_space(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _MISSING_SPACE_RE.finditer(text):
        s = m.start()
        if not _missing_space_at(text, s) or _inside(analysis, part, s, s + 1):
            continue
        a = part.start + s
        mark = m.group()
        yield Hit(
            a,
            a + 1,
            {"mark": mark},
            (FixSpec(a, a + 1, mark + " ", f"Add a space after '{mark}'"),),
        )


# -- space before punctuation -----------------------------------------------------------------

_SPACE_BEFORE_RE = rc.compile(r"(?<=[A-Za-z0-9”’\"])([ \t]+)([,.;:!?])(?=\s|$|[\"”’])")


def find_space_before(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _SPACE_BEFORE_RE.finditer(text):
        if _inside(analysis, part, m.start(), m.end()):
            continue
        s, e = part.start + m.start(1), part.start + m.end(1)
        mark = m.group(2)
        yield Hit(
            s, e + 1, {"mark": mark}, (FixSpec(s, e, "", f"Remove the space before '{mark}'"),)
        )


# -- its / it's, your / you're ----------------------------------------------------------------

_NO_HYPHEN = r"(?![\w'’-])"
_CONFUSIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "its" + a determiner, "been" or "not": only "it's" fits ("its a great team").
    (
        rc.compile(
            rf"\b(its)\s+(?:a|an|the|been|not|also|so|too|my|your|our|their|his|her){_NO_HYPHEN}",
            re.IGNORECASE,
        ),
        "it's",
    ),
    # "it's own", and "it's" after a preposition ("at it's core"): only "its" fits.
    (rc.compile(r"\b(it['’]s)\s+own\b", re.IGNORECASE), "its"),
    # "it's" + a noun that "it is" cannot take without an article ("remember it's name").
    (
        rc.compile(
            r"\b(it['’]s)\s+(?:name|names|benefits|approach|title|cover|purpose|mission|culture|"
            r"values|members|customers|employees|staff|products|services|website|headquarters|"
            r"founders?|shape|size|colou?r|origins|strengths|weaknesses|goals|features)\b",
            re.IGNORECASE,
        ),
        "its",
    ),
    (
        rc.compile(
            r"\b(?:of|in|on|with|from|by|into|through|at|to|due\s+to|such\s+as|alongside|despite|"
            r"during|among|amongst|amid|about|within|without|throughout|across|towards?|"
            # "behind", "beyond", "like", "after" and "before" stay out ("what lies beyond it's
            # unknown"); "for" is read below.
            r"upon|onto|via|against)\s+"
            r"(it['’]s)\s+(?=[a-z])",
            re.IGNORECASE,
        ),
        "its",
    ),
    # "for it's crazy rants": "for" after a word (not "For it's late", the old "because", nor
    # "I left early, for it's late").
    (rc.compile(r"(?<=[a-z] )for\s+(it['’]s)\s+(?=[a-z])", re.IGNORECASE), "its"),
    # "it's" + a superlative + a noun ("it's biggest client"): "it is" would need "the".
    # "best" and "worst" stay out ("it's best to wait"), and so does a superlative that ends
    # its phrase or takes a clause ("it's fastest when cached").
    (
        rc.compile(
            r"\b(it['’]s)\s+(?:biggest|largest|greatest|newest|latest|oldest|highest|lowest|"
            r"strongest|weakest|fastest|slowest|smallest|deepest|earliest|youngest|longest|"
            r"shortest|brightest|finest|richest|reddest|darkest|busiest)\s+"
            r"(?!(?:when|if|at|in|on|for|to|than|of|and|or|but|with|by|after|before|during|"
            r"because|since|now|today|here|there|yet|so)\b)(?=[a-z])",
            re.IGNORECASE,
        ),
        "its",
    ),
    # "it's" as the object of a verb that takes a noun phrase and never a clause ("to take
    # it's apple", "improve it's reach", "lost it's value"): "it is" cannot follow them. Verbs
    # that also take a clause ("see", "find", "appreciate", "think") are not listed.
    (
        rc.compile(
            r"\b(?<!\bI\s)(?:take|took|taken|taking|admire[ds]?|admiring|enjoy(?:ed|s|ing)?|"
            r"improve[ds]?|improving|share[ds]?|sharing|visit(?:ed|s|ing)?|increase[ds]?|"
            r"reduce[ds]?|expand(?:ed|s|ing)?|boost(?:ed|s|ing)?|protect(?:ed|s|ing)?|lose|"
            r"loses|lost|losing|retain(?:ed|s)?|maintain(?:ed|s)?|exceed(?:ed|s)?|praise[ds]?|"
            r"praising|strengthen(?:ed|s)?|raise[ds]?|lower(?:ed|s)?|double[ds]?|halve[ds]?"
            r"|reach(?:ed|es|ing)?)\s+(it['’]s)\s+"
            # the words a clause would start with stay out ("once you lose it's gone")
            r"(?!(?:been|got|gotten|gone|going|not|so|very|really|just|quite|all|always|never|"
            r"hard|easy|fine|great|good|better|worse|ok|okay|done|too|also|still|now|only|a|an|"
            r"the|time|nice|important|true|likely|clear|possible|worth|up|over|out|about|here|"
            r"there|what|how|because)\b)(?=[a-z])",
            re.IGNORECASE,
        ),
        "its",
    ),
    # "Its removing the errors": "its", an -ing form and a determiner or an object pronoun
    # (a verb's object): only "it is" reads ("its running costs" stays possessive).
    (
        rc.compile(
            r"\b(its)\s+[a-z]{3,}ing\s+(?:the|a|an|my|your|our|their|his|her|this|these|"
            rf"those|me|us|them|you|him){_NO_HYPHEN}",
            re.IGNORECASE,
        ),
        "it's",
    ),
    # "Its hard to say": "its" + an adjective + "to"/"that"/a stop ("its hard drive" stays
    # possessive), or + a word that cannot follow a possessive.
    (
        rc.compile(
            r"\b(its)\s+(?:(?:hard|easy|great|good|nice|clear|possible|important|true|likely|"
            r"unlikely|okay|ok|fine|exciting|wonderful|difficult|amazing|interesting|unclear)"
            r"(?=\s+(?:to|that)\b|\s*[.!?,])|(?:better|worse)(?=\s+(?:to|for|than)\b)|"
            rf"always|never|really|quite|already|gonna|where|when|why|how){_NO_HYPHEN}",
            re.IGNORECASE,
        ),
        "it's",
    ),
    (rc.compile(rf"\b(your)\s+(?:a|an|the|gonna|going\s+to){_NO_HYPHEN}", re.IGNORECASE), "you're"),
    # "I hope your well", "your not", "your interested": "your" + a word no noun phrase starts
    # with. ("your well-being", "your free time", "your busy schedule" stay possessive.)
    (
        rc.compile(
            r"\b(your)\s+(?:well(?=\s*(?:[.!?,;]|$|and\b|too\b))|not|also|still|already|"
            rf"interested|able|sure|aware|so\s+(?:kind|right|busy)){_NO_HYPHEN}",
            re.IGNORECASE,
        ),
        "you're",
    ),
    (rc.compile(r"\bhope\s+(?:that\s+)?(your)\s+(?=[a-z]+ing\b)", re.IGNORECASE), "you're"),
    (rc.compile(r"(?:^|(?<=[.!?]\s))(Your)\s+welcome\s*(?:[.!,]|$)"), "you're"),
    (
        rc.compile(r"\b(you['’]re)\s+(?:own|time|consideration|help|feedback|insights?)\b", re.I),
        "your",
    ),
    (
        rc.compile(
            r"\b(?:for|of|with|from|by|on|into|through|at)\s+(you['’]re)\b(?!\s+(?:welcome|right)\b)",
            re.IGNORECASE,
        ),
        "your",
    ),
    # "you're" before a noun made with a noun ending ("you're application", "you're
    # leadership"): no adjective or verb after "you're" ends so ("witness" is the one noun
    # that can: "you're witness to it").
    (
        rc.compile(
            r"\b(you['’]re)\s+(?!witness)[a-z]{2,}(?:tion|sion|ment|ness|ity|ence|ance|ship)s?"
            r"\b(?![-'’])",
            re.IGNORECASE,
        ),
        "your",
    ),
    # "to you're pet.": after "to", "you're" and one word that ends the sentence, the word is a
    # noun ("reply to you're email."), unless it is a word a person can be ("to you're ready").
    (
        rc.compile(
            r"\bto\s+(you['’]re)\s+(?!(?:welcome|right|done|ready|sure|free|able|here|there|"
            r"fine|ok|okay|well|going|not|in|on|up|off|out|back|away|home|late|early|busy|"
            r"correct|wrong|new|next|first|last)\b)[a-z]+\s*[.!?]",
            re.IGNORECASE,
        ),
        "your",
    ),
)


def _confusions(analysis: Analysis, part: Part, targets: tuple[str, ...]) -> Iterator[Hit]:
    text = part.text
    # A cheap substring test rules the patterns out for most parts (as Vale does).
    low = text.lower()
    cues = ("its", "it's", "it’s") if "its" in targets else ("your", "you're", "you’re")
    if not any(cue in low for cue in cues):
        return
    seen: set[int] = set()
    # The patterns that find "it's" or "you're" need the word in the part.
    contracted = "'" in low or "’" in low
    for rx, right in _CONFUSIONS:
        if right not in targets or (right in ("its", "your") and not contracted):
            continue
        for m in rx.finditer(text):
            s, e = m.start(1), m.end(1)
            if s in seen or _inside(analysis, part, s, e):
                continue
            seen.add(s)
            found = m.group(1)
            fix = _case_like(found, right)
            a, b = part.start + s, part.start + e
            yield replacement(
                a,
                b,
                fix,
                {"found": found, "expected": fix},
            )


# "it's" + a superlative + a noun ("it's biggest client", "it's reddest area"): a superlative
# needs "the" after "it is", so only the possessive reads. The next word must be no function
# word or -ly adverb ("it's cheapest to call", "it's coldest at night" read as "it is").
_ITS_SUPERLATIVE_RE = rc.compile(
    r"\b(it['’]s)\s+([a-z]{2,}est)\s+(?!(?:to|in|on|at|for|of|by|with|when|if|than|and|or|but|"
    r"that|this|now|today|here|there|so|as|after|before|during|from|around|between|among)\b)"
    r"([a-z]{3,})\b(?<!ly)(?![-'’])",
    re.IGNORECASE,
)
#: Words in -est that are no superlative ("it's honest work", "it's modest pay").
_NOT_SUPERLATIVE = frozenset(
    {"interest", "honest", "modest", "earnest", "forest", "harvest", "protest", "suggest",
     "contest", "request", "digest", "arrest", "manifest", "conquest", "priest", "unrest",
     "guest", "invest", "test", "rest", "west", "nest", "chest", "quest", "best", "pest",
     "vest", "zest", "crest", "jest", "lest", "fest", "midwest", "behest", "inquest"}
)  # fmt: skip


def _superlative(word: str) -> bool:
    """ "biggest", "reddest", "largest", "easiest", "greatest": an adjective's superlative."""
    if word in _NOT_SUPERLATIVE:
        return False
    d = english()
    stem = word[:-3]
    stems = [stem, word[:-2]]  # "great" + "est", "large" + "st"
    if stem.endswith("i"):
        stems.append(stem[:-1] + "y")  # "easiest"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.append(stem[:-1])  # "biggest", "reddest"
    return any(len(s) >= 3 and d.frequency(s) >= 1000 for s in stems)


def _its_superlative_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _ITS_SUPERLATIVE_RE.finditer(text):
        if not _superlative(m.group(2).lower()) or _inside(analysis, part, m.start(1), m.end(3)):
            continue
        fix = _case_like(m.group(1), "its")
        yield replacement(
            part.start + m.start(1),
            part.start + m.end(1),
            fix,
            {"found": m.group(1), "expected": fix},
        )


def _kept_confusions(analysis: Analysis, part: Part, targets: tuple[str, ...]) -> Iterator[Hit]:
    # Kept per part in the Analysis: the rule and the Harper backend (which leaves these words
    # to us) both ask, and the scan runs once.
    key = f"proofreading:slips:{targets[0]}:{part.start}:{part.end}"
    hits = analysis.cache.get(key)
    if not isinstance(hits, list):
        hits = list(_confusions(analysis, part, targets))
        if "its" in targets and ("it's" in part.text or "it’s" in part.text):
            seen = {h.start for h in hits}
            hits += [h for h in _its_superlative_hits(analysis, part) if h.start not in seen]
        analysis.cache[key] = hits
    return iter(hits)


def find_its(analysis: Analysis, part: Part) -> Iterator[Hit]:
    return _kept_confusions(analysis, part, ("it's", "its"))


def find_your(analysis: Analysis, part: Part) -> Iterator[Hit]:
    return _kept_confusions(analysis, part, ("you're", "your"))


# -- a verb's base form after "look forward to" -------------------------------------------------

# "to" in "look forward to" is a preposition: a verb after it takes -ing ("to hearing").
_FORWARD_TO_RE = rc.compile(
    r"\blook(?:s|ed|ing)?\s+forward\s+to\s+([a-z]+)\b(?![-'’])", re.IGNORECASE
)
# "I look forward hearing from you": the "to" itself is missing before an -ing form.
_FORWARD_NO_TO_RE = rc.compile(
    r"\blook(?:s|ed|ing)?\s+(forward)\s+(?!to\b)([a-z]{3,}ing)\b", re.IGNORECASE
)
# Words after "look forward to" that are not verbs, or whose -ing form is another word.
_NOT_A_BASE_VERB = frozenset(
    {
        "the",
        "a",
        "an",
        "it",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "my",
        "his",
        "her",
        "their",
        "its",
        "you",
        "him",
        "them",
        "us",
        "me",
        "more",
        "any",
        "some",
        "next",
        "further",
        "future",
        "each",
        "every",
        "all",
        "both",
        "another",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "what",
        "whatever",
        "news",
        "lunch",
        "dinner",
        "coffee",
        "summer",
        "spring",
        "autumn",
        "fall",
        "winter",
        "snow",  # weather: nouns there ("looking forward to snow")
        "rain",
        "being",
        "having",
        "hearing",
        "meeting",
        "working",
        "seeing",
    }
)


def _ing(verb: str) -> str | None:
    """The -ing form of a base verb if the dictionary lists it ("hear" -> "hearing",
    "make" -> "making", "plan" -> "planning")."""
    d = english()
    forms = [verb + "ing"]
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        forms.insert(0, verb[:-1] + "ing")
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms.append(verb + verb[-1] + "ing")
    for form in forms:
        if d.frequency(form) >= 300:
            return form
    return None


def find_forward_to(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "forward" not in text.lower():
        return
    for m in _FORWARD_NO_TO_RE.finditer(text):
        if _inside(analysis, part, m.start(), m.end()):
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        yield Hit(
            a,
            part.start + m.end(2),
            {"found": m.group(2), "expected": "to " + m.group(2), "missing_to": True},
            (FixSpec(b, b, " to", "Add 'to'"),),
        )
    for m in _FORWARD_TO_RE.finditer(text):
        verb = m.group(1)
        low = verb.lower()
        if low in _NOT_A_BASE_VERB or low.endswith("ing") or _inside(analysis, part, *m.span(1)):
            continue
        right = _ing(low)
        if right is None or english().frequency(low) < 300:
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        yield Hit(
            a,
            b,
            {"found": verb, "expected": right, "missing_to": False},
            (FixSpec(a, b, right, f"Replace with '{right}'"),),
        )


# -- a pronoun capitalised in mid-sentence ------------------------------------------------------

_MID_PRONOUN_RE = rc.compile(
    r"(?<=[a-z,;][ \t])(You|Your|Yours|We|Our|Ours|Us|Me|My|They|Their|Them|He|She|His|Him|Her|It|Its)\b(?![-'’]\w)"
)


def find_capital_pronoun(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    vocab = {w.lower() for w in analysis.vocabulary}
    for m in _MID_PRONOUN_RE.finditer(text):
        word = m.group(1)
        if _inside(analysis, part, m.start(), m.end()) or word.lower() in vocab:
            continue
        # Inside a run of capitalised words: a title or a name ("Why We Sleep", "Thank You").
        before = re.search(r"([A-Za-z]+)[^A-Za-z]*$", text[max(0, m.start() - 30) : m.start()])
        after = re.match(r"[^A-Za-z\n]*([A-Za-z]+)", text[m.end() : m.end() + 30])
        if (before and before.group(1)[0].isupper()) or (after and after.group(1)[0].isupper()):
            continue
        # After an article the word is a noun, not a pronoun ("the It girl", "the Me decade").
        if before and before.group(1).lower() in ("the", "a", "an"):
            continue
        # A line of title case (a heading, a quoted title).
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        line = text[ls : le if le >= 0 else len(text)]
        words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
        if words and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        low = word.lower()
        yield Hit(
            a, b, {"found": word, "expected": low}, (FixSpec(a, b, low, f"Replace with '{low}'"),)
        )


# -- an object pronoun as a subject ---------------------------------------------------------------

# "Me and my colleague will attend", "Him and I met on Monday": an object pronoun opening a
# sentence as part of its subject, then one more person (a pronoun, a name, or "my/the" and a
# noun), then a verb. "Me and my big mouth!" has no verb; "us and them" (a set phrase that can
# be a subject itself) is not looked at. Tried only where "Me and", "Him and" or "Her and" is.
_OBJECT_SUBJECT_RE = rc.compile(
    r"(?m)(?:^|(?<=[.!?] ))[ \t]*(Me|Him|Her)[ \t]+and[ \t]+(?=(?:(?:I|he|she|we|they|him|her|me)|"
    r"(?i:my|his|our|their|the)[ \t]+[a-z]+|[A-Z][a-z]+)[ \t]+(?i:will|would|can|could|should|are|"
    r"were|was|have|had|went|met|did|plan|planned|attended|spoke|talked|worked|agreed|discussed|"
    r"decided|enjoyed|look|looked|work|both)\b)"
)


# "Her has many ideas", "Him was late": the object pronoun alone opens the sentence, straight
# before a finite verb that no possessive noun phrase starts with (so "Her work is ..." and
# "Her likes and dislikes" stay out: "likes", like the modals, is left off the list).
_OBJECT_ALONE_RE = rc.compile(
    r"(?m)(?:^|(?<=[.!?] ))[ \t]*(Me|Him|Her|Them)[ \t]+(?:is|was|has|are|were|have|am|"
    r"isn['’]t|wasn['’]t|hasn['’]t|aren['’]t|weren['’]t|haven['’]t|doesn['’]t|don['’]t|"
    r"didn['’]t|said|told|went)\b(?!['’])"
)
_SUBJECT_FORM = {"me": "I", "him": "He", "her": "She", "them": "They"}

# "Tim and me work together", "My mother and him went": the object pronoun second, after a name
# or "my/the" and a noun opening the sentence, straight before a verb. "Her" only before verbs
# no noun shares ("Tim and her work inspire me": her work), so "work", "plan", "look" and
# "hope" follow "me" and "him" alone. Tried only where " and me ", " and him " or " and her "
# is.
_VERB_AFTER_PAIR = (
    r"will|would|can|could|should|are|were|have|had|went|met|did|spoke|talked|worked|agreed|"
    r"discussed|decided|enjoyed|attended|planned|both"
)
_SECOND_OBJECT_RE = rc.compile(
    r"(?m)(?:^|(?<=[.!?] ))[ \t]*(?:[A-Z][a-z]+|(?:My|Our|His|Her|Their|The)[ \t]+[a-z]+)"
    r"[ \t]+and[ \t]+(?:(me|him)[ \t]+(?:"
    + _VERB_AFTER_PAIR
    + r"|work|plan|look|looked|hope|live|lived)|(her)[ \t]+(?:"
    + _VERB_AFTER_PAIR
    + r"))\b(?!['’])"
)


def find_object_pronoun_subject(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "Me and" in text or "Him and" in text or "Her and" in text:
        for m in _OBJECT_SUBJECT_RE.finditer(text):
            if _inside(analysis, part, m.start(1), m.end()):
                continue
            yield Hit(part.start + m.start(1), part.start + m.end(), {"match": m.group(0).strip()})
    if " and me " in text or " and him " in text or " and her " in text:
        for m in _SECOND_OBJECT_RE.finditer(text):
            g = 1 if m.group(1) else 2
            if _inside(analysis, part, m.start(), m.end()):
                continue
            right = _SUBJECT_FORM[m.group(g).lower()].lower()
            right = "I" if right == "i" else right
            yield replacement(
                part.start + m.start(g), part.start + m.end(g), right, {"match": m.group(0).strip()}
            )
    if not any(w in text for w in ("Me ", "Him ", "Her ", "Them ")):
        return
    for m in _OBJECT_ALONE_RE.finditer(text):
        if _inside(analysis, part, m.start(1), m.end()):
            continue
        right = _SUBJECT_FORM[m.group(1).lower()]
        yield replacement(
            part.start + m.start(1), part.start + m.end(1), right, {"match": m.group(0).strip()}
        )


# -- a comma splice after an opening clause -----------------------------------------------------

# Two sentences joined by a comma, in the shapes email writers use most: an opening clause
# ("It was a pleasure meeting you", "What wonderful news") and then a subject and its verb
# ("it's been", "I am", "I enjoyed"). A clause that opens with a subordinator ("When I
# arrived, it was raining") or an interjection ("Thanks, I will") is left alone.
_SPLICE_OPENERS_RE = rc.compile(
    r"(?:it\s+(?:was|is|has\s+been)|it['’]s|this\s+(?:is|was)|that\s+(?:is|was)|that['’]s|"
    r"what\s+(?:a|an|wonderful|great|good|exciting|lovely)|i\s+(?:am|was|have|had)|i['’]m|"
    r"thank\s+you\s+(?:for|again|so)|thanks\s+(?:for|again|so)|"
    r"i\s+(?:just\s+|really\s+|truly\s+)?(?:hope|wanted|want|enjoyed|appreciate|appreciated)|"
    r"i\s+(?:am\s+)?look(?:ing)?\s+forward|i['’]m\s+looking\s+forward)\b",
    re.IGNORECASE,
)
# A word in the first clause that makes the comma close a clause of its own ("I hope that when
# we meet, I can ..."), so the comma is right.
_SPLICE_SUBORDINATE_RE = rc.compile(
    r"\b(?:when|whenever|if|because|since|although|though|while|whilst|once|after|before|until|"
    r"unless|as|where|whether)\b",
    re.IGNORECASE,
)
_SPLICE_AFTER_RE = rc.compile(
    r",[ \t]+((?:it|i|we|this|that|there|you|they)(?:['’](?:s|m|re|ve|d|ll)\b|\s+(?:am|is|are|was|"
    r"were|have|has|had|will|would|can|could|really|truly|enjoyed|learned|loved|look|hope|"
    r"appreciate|believe|think|feel|want|wanted|know)\b)|please\s+(?:let|feel|find|contact|send|"
    r"do|don['’]t|call|reach|advise|keep|see|accept|note|consider|confirm)\b|"
    r"(?:just\s+)?let\s+me\s+know\b)",
    re.IGNORECASE,
)
# Each run of blanks is entered at its first character only, so the scan stays linear.
_SENTENCE_START_RE = rc.compile(r"(?:^|(?<=[.!?\n]))[ \t]*(?=[A-Z])")


def find_comma_splice(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "," not in text:
        return
    for st in _SENTENCE_START_RE.finditer(text):
        s = st.end()
        if not _SPLICE_OPENERS_RE.match(text, s):
            continue
        end = len(text)
        for stop in ".!?\n":
            i = text.find(stop, s)
            if i >= 0:
                end = min(end, i)
        comma = text.find(",", s, end)
        if comma < 0:
            continue
        left = text[s:comma].split()
        if len(left) < 3 or len(left) > 14 or _SPLICE_SUBORDINATE_RE.search(text, s, comma):
            continue
        m = _SPLICE_AFTER_RE.match(text, comma)
        if m is None or _inside(analysis, part, comma, m.end()):
            continue
        a = part.start + comma
        yield Hit(
            a,
            a + 1,
            {"clause": m.group(1)},
            (FixSpec(a, a + 1, ";", "Replace the comma with a semicolon"),),
        )


# -- an apostrophe in "years' of" or missing in "five years experience" -------------------------

_YEARS_OF_RE = rc.compile(r"\b(?:years|months|weeks|days)(['’])\s+of\b", re.IGNORECASE)
_YEARS_EXPERIENCE_RE = rc.compile(
    r"\b(?:\d+\+?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
    r"several|many|a\s+few)\s+(years|months|weeks)(\s+)(?:of\s+)?(?=experience\b)",
    re.IGNORECASE,
)


def find_time_apostrophe(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    low = text.lower()
    if "year" not in low and "month" not in low and "week" not in low and "day" not in low:
        return
    for m in _YEARS_OF_RE.finditer(text):
        if _inside(analysis, part, m.start(), m.end()):
            continue
        a = part.start + m.start(1)
        yield Hit(
            a,
            a + 1,
            {"found": text[m.start() : m.end(1)], "expected": text[m.start() : m.start(1)]},
            (FixSpec(a, a + 1, "", "Delete the apostrophe"),),
        )
    # The pattern ends at "experience" (read as re.IGNORECASE reads letters: `fold`).
    scan = _YEARS_EXPERIENCE_RE.finditer(text) if "experience" in fold(text) else ()
    for m in scan:
        if text[m.end(2) : m.end(2) + 3].lower() == "of " or _inside(
            analysis, part, m.start(), m.end()
        ):
            continue  # "five years of experience" is right
        a = part.start + m.end(1)
        unit = m.group(1)
        yield Hit(
            part.start + m.start(1),
            a,
            {"found": unit, "expected": unit + "'"},
            (FixSpec(a, a, "'", "Add an apostrophe"),),
        )


# -- "there is" with a plural noun --------------------------------------------------------------

_THERE_IS_RE = rc.compile(
    r"\b(there(?:['’]s|\s+is|\s+was))\s+(?:(?:no|some|many|several|few|two|three|four|five|"
    r"six|seven|eight|nine|ten|other|more|any|(?!1\b)\d{1,3}(?:,\d{3})*)\s+)?([a-z]{4,}|men)\b(?!['’])",
    re.IGNORECASE,
)
# Nouns that end in -s and are singular, or quantity words that take "there's" in speech.
_SINGULAR_IN_S = frozenset(
    {
        "news",
        "series",
        "means",
        "species",
        "physics",
        "mathematics",
        "politics",
        "ethics",
        "economics",
        "lens",
        "canvas",
        "atlas",
        "chaos",
        "bias",
        "alias",
        "lots",
        "tons",
        "loads",
        "heaps",
        "plenty",
        "thanks",
        "basis",
        "analysis",
        "crisis",
        "emphasis",
        "status",
        "focus",
        "campus",
        "bonus",
        "virus",
        "census",
        "consensus",
        "process",
        "progress",
        "access",
        "success",
        "business",
        "address",
        "stress",
        "interest",
    }
)


# Plurals without an -s ("there is many people", "there's 3 women").
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children"})


# "There is any paperwork or forms": with "or" the verb agrees with the nearer noun. The last
# noun must end the phrase: punctuation, the end, or a word that starts what follows.
_THERE_OR_RE = rc.compile(
    r"\b(there(?:['’]s|\s+is|\s+was))\s+(?:(?:any|a|an|no|one|some)\s+)?[a-z]+(?:\s+[a-z]+)?"
    r"\s+or\s+(?:(?:any|other|more|further)\s+)?(?:[a-z]+\s+)?([a-z]{3,}s)\b(?!['’])"
    r"(?=\s*(?:$|[.,;:!?)]|(?:that|which|to|for|i|you|we|left|needed|required|pending|"
    r"outstanding|involved|from|before|after|missing)\b))",
    re.IGNORECASE,
)


_NEXT_WORD_RE = rc.compile(r"[ \t]+([A-Za-z]+)")


def _common_plural(noun: str) -> bool:
    """Is this the plural of a common noun ("updates", "formalities"), not a singular in -s?"""
    noun = noun.lower()
    if noun in _IRREGULAR_PLURALS:
        return True
    if (
        noun in _SINGULAR_IN_S
        or not noun.endswith("s")
        or noun.endswith(("ss", "us", "is", "ics", "ous"))
    ):
        return False
    single = singular_guess(noun)
    d = english()
    # Not a plural of a common noun otherwise ("perhaps", "always").
    return d.frequency(single) >= 1000 and d.frequency(noun) >= 300


def find_there_is_plural(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "there" not in text.lower():
        return
    seen: set[int] = set()
    for regex in (_THERE_IS_RE, _THERE_OR_RE):
        for m in regex.finditer(text):
            if m.start(1) in seen or not _common_plural(m.group(2)):
                continue
            after = _NEXT_WORD_RE.match(text, m.end())
            if after and after.group(1).lower() in agreement_section("head-nouns"):
                continue  # "there was no operations manager": the plural modifies a noun
            if _inside(analysis, part, m.start(), m.end()):
                continue
            seen.add(m.start(1))
            verb = m.group(1)
            low = verb.lower()
            right = "there were" if low.endswith("was") else "there are"
            right = _case_like(verb, right)
            a, b = part.start + m.start(1), part.start + m.end(1)
            yield Hit(
                a,
                b,
                {"found": verb, "expected": right, "noun": m.group(2)},
                (FixSpec(a, b, right, f"Replace with '{right}'"),),
            )


# -- a plural subject with a singular verb ("my skills matches") -------------------------------

# A possessive or "the/these/those", a plural noun and straight after it a singular verb. The
# phrase must open a subject: after a preposition ("one of the interviews has", "on the teams
# is") the noun is not the subject, so those are skipped.
# The determiner in either case: a sentence opens with it ("The interviews was"). The verbs
# are 3rd-person forms that are not also common plural nouns after a noun ("the job offers",
# "the sales figures", "the remains" stay out).
_PLURAL_SUBJECT_RE = rc.compile(
    r"(?:^|(?<=[\s(\"“]))((?:[A-Za-z]+\s+)?)((?i:my|your|our|their|his|her|the|these|those))\s+"
    r"([a-z]{3,}s)\s+(is|was|has|matches|meets|fits|aligns|makes|gives|seems|looks|sounds|"
    r"needs|includes|shows|suits|reflects|thinks|says|knows|believes|appears|goes|does|"
    r"doesn['’]t|isn['’]t|wasn['’]t|hasn['’]t|comes|becomes|gets|feels|requires|provides|"
    r"allows|helps|wants|expects|hopes|agrees|depends|tends|happens|means)\b(?![-'’]\w)"
)
_PREPOSITION_BEFORE = frozenset(
    {
        "of", "on", "in", "at", "for", "with", "from", "by", "about", "between", "among",
        "across", "to", "under", "over", "into", "within", "without", "after", "before",
        "during", "through", "like", "than", "behind", "beyond", "near", "per", "via",
    }
)  # fmt: skip
# Plurals that name one amount or one place ("five years is long", "the headquarters is").
_MEASURE_PLURALS = frozenset(
    {
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "dollars", "pounds",
        "euros", "miles", "kilometres", "kilometers", "headquarters", "premises", "whereabouts",
        "odds", "crossroads", "barracks", "pants", "trousers", "scissors", "basics", "sales",
        "earnings", "savings", "proceeds", "arrangements",
        # ... and words in -s that name one thing: a degree ("my masters was"), a field.
        "masters", "bachelors", "thanks", "means", "news", "series", "species", "politics",
        "athletics", "electronics", "graphics",
    }
)  # fmt: skip


# The same with any "-s" form of a common verb, where only a verb can stand: before an -ly
# adverb, a determiner or an object pronoun ("The dogs barks loudly", "whether the candidates
# needs the forms"). A plural that modifies another noun ("the sales figures clearly show") is
# left out (`attributive-plurals`, _MEASURE_PLURALS), and so are adverbs in -s ("sometimes").
# Read on the draft's tokens (once per draft, from each determiner: a regular expression tried
# at every word cost four times as much).
_PLURAL_DETERMINERS = frozenset(
    {"my", "your", "our", "their", "his", "her", "the", "these", "those"}
)
_VERB_CUES = frozenset(
    {"the", "a", "an", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these",
     "those", "me", "him", "us", "them"}
)  # fmt: skip


@once_per_draft("proofreading:plural-s-verb")
def _plural_s_verb_spans(analysis: Analysis) -> list[tuple[int, int, int]]:
    """(determiner, noun, verb) token indices of "the dogs barks loudly" in the draft."""
    found: list[tuple[int, int, int]] = []
    tokens = analysis.tokens
    norms = tokens.norms(ignore_case=True)
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    last = len(norms) - 3
    for det in _PLURAL_DETERMINERS.intersection(norms):
        i = -1
        while True:
            try:
                i = norms.index(det, i + 1, last)
            except ValueError:
                break
            noun, verb, cue = norms[i + 1], norms[i + 2], norms[i + 3]
            if not (noun.endswith("s") and verb.endswith("s") and len(verb) > 3):
                continue
            if cue not in _VERB_CUES and not (cue.endswith("ly") and len(cue) > 3):
                continue
            if tokens[i + 1] != noun or tokens[i + 2] != verb or not noun.isalpha():
                continue
            gaps = (text[ends[k] : starts[k + 1]] for k in range(i, i + 3))
            if any(not g.isspace() or "\n\n" in g for g in gaps):
                continue
            found.append((i, i + 1, i + 2))
    return found


# A plural of countable_nouns.txt, or "others"/"those"/"people", then "who" and the "-s" form
# of a common verb ("There
# are others who likes sleeping", "the candidates who has applied"). "One of the people who
# has" is left alone (usage guides allow it), and so is a plural after "of" ("the head of the
# teams who has": "who" may be the head).
_PLURAL_WHO_RE = rc.compile(
    r"(?<![\w'’-])(others|those|people|[a-z]{3,}s),?[ \t]+who[ \t]+(?:(?:also|still|really|"
    r"always|never|often|usually|only|just)[ \t]+)?([a-z]{2,}s)\b(?![-'’])"
)
_OF_BEFORE_RE = rc.compile(r"\b(?:of|one|each|every|any)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _s_form_of_verb(word: str) -> bool:
    """Is this the "-s" form of a common verb ("likes", "barks", "watches", "studies")?"""
    if word in s_verb_forms():
        return True
    if word in quantity_section("one-thing-words") or word.endswith(("ss", "us", "is", "ous")):
        return False
    d = english()
    base = singular_guess(word)
    stem = word[:-2] if word.endswith("es") else base
    return d.frequency(base) >= 1000 or (stem != base and d.frequency(stem) >= 1000)


def _plural_noun(noun: str) -> bool:
    """The plural of a common noun, or of one of countable_nouns.txt ("recruiters")."""
    return _common_plural(noun) or countable_nouns().get(singular_guess(noun)) == noun


def _plural_s_verb_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    attributive = agreement_section("attributive-plurals")
    tokens = analysis.tokens
    norms = tokens.norms(ignore_case=True)
    starts, ends = tokens.starts, tokens.ends
    for det_at, noun_at, verb_at in _plural_s_verb_spans(analysis):
        if starts[det_at] < part.start or ends[verb_at] > part.end:
            continue
        before = norms[det_at - 1] if det_at > 0 else ""
        noun, verb = norms[noun_at], norms[verb_at]
        if before in _PREPOSITION_BEFORE or before.endswith("ing") or before in ("and", "or"):
            continue
        if noun in _MEASURE_PLURALS or noun in attributive or not _plural_noun(noun):
            continue
        if verb.endswith(("ss", "us", "is")) or verb in quantity_section("one-thing-words"):
            continue
        a, b = starts[det_at] - part.start, ends[verb_at] - part.start
        if not _s_form_of_verb(verb) or _inside(analysis, part, a, b):
            continue
        yield Hit(starts[verb_at], ends[verb_at], {"found": verb, "noun": noun})
    if "who" not in text:
        return
    for m in _PLURAL_WHO_RE.finditer(text):
        noun, verb = m.group(1), m.group(2)
        if verb not in s_verb_forms() or noun in _MEASURE_PLURALS:
            continue
        if noun not in ("others", "those", "people") and (
            noun in s_verb_forms() or countable_nouns().get(singular_guess(noun)) != noun
        ):
            continue  # only nouns that are nearly always counted: "tells who maintains" passes
        if _OF_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "one of the people who has", "the head of the teams who has"
        if _inside(analysis, part, m.start(1), m.end(2)):
            continue
        yield Hit(part.start + m.start(2), part.start + m.end(2), {"found": verb, "noun": noun})


def find_plural_subject_verb(analysis: Analysis, part: Part) -> Iterator[Hit]:
    seen: set[int] = set()
    for hit in (*_plural_subject_hits(analysis, part), *_plural_s_verb_hits(analysis, part)):
        if hit.start not in seen:
            seen.add(hit.start)
            yield hit


def _plural_subject_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _PLURAL_SUBJECT_RE.finditer(text):
        before = m.group(1).strip().lower()
        noun = m.group(3)
        if before in _PREPOSITION_BEFORE or noun in _MEASURE_PLURALS:
            continue
        # "Meeting you and your colleagues was", "Seeing the results is": the subject is the
        # whole -ing phrase or a coordination. After ", and" a new clause starts instead.
        joined = before in ("and", "or", "nor") and not text[: m.start(1)].rstrip().endswith(",")
        if joined or before.endswith("ing"):
            continue
        if not _common_plural(noun) or _inside(analysis, part, m.start(2), m.end()):
            continue
        a, b = part.start + m.start(4), part.start + m.end(4)
        yield Hit(a, b, {"found": m.group(4), "noun": noun})


# -- "than" after an adjective that is not comparative -----------------------------------------

_THAN_RE = rc.compile(r"\b([a-z]{5,})\s+than\b")
_ADJ_SUFFIX_RE = rc.compile(r"(?:ing|ous|ful|ive|ent|ant|able|ible|ic)$")
# Words before "than" that make a comparison without "more" ("rather than", "other than").
_THAN_OK = frozenset(
    {
        "rather",
        "other",
        "different",
        "differently",
        "else",
        "sooner",
        "superior",
        "inferior",
        "preferable",
        "nothing",
        "anything",
        "everything",
        "something",
        "someone",
        "anyone",
    }
)
_COMPARISON_BEFORE_RE = rc.compile(
    r"\b(?:more|less|rather|other|no|any|much|far|even|fewer|least|most|prefer\w*)\b", re.I
)


def find_comparative_than(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    if "than" not in text:
        return
    d = english()
    for m in _THAN_RE.finditer(text):
        word = m.group(1)
        if word in _THAN_OK or not _ADJ_SUFFIX_RE.search(word) or d.frequency(word) < 300:
            continue
        # "more exciting and rewarding than", "rather working than idle": a comparison is
        # already made in the four words before.
        window = text[max(0, m.start() - 40) : m.start()].split()[-4:]
        if _COMPARISON_BEFORE_RE.search(" ".join(window)):
            continue
        if _inside(analysis, part, m.start(), m.end()):
            continue
        a, b = part.start + m.start(1), part.start + m.end(1)
        yield Hit(
            a,
            b,
            {"found": word},
            (FixSpec(a, b, f"more {word}", f"Replace with 'more {word}'"),),
        )


SLIPS: dict[str, Finder] = {
    "a-an": find_article,
    "repeated-word": find_repeated,
    "lowercase-i": find_lowercase_i,
    "sentence-start": find_sentence_start,
    "missing-space": find_missing_space,
    "space-before-punctuation": find_space_before,
    "its-apostrophe": find_its,
    "your-apostrophe": find_your,
    "looking-forward-to": find_forward_to,
    "capital-pronoun": find_capital_pronoun,
    "double-determiner": find_double_determiner,
    "object-pronoun-subject": find_object_pronoun_subject,
    "a-lot-of": find_a_lot_of,
    "one-with-plural": find_one_with_plural,
    "comma-splice": find_comma_splice,
    "time-apostrophe": find_time_apostrophe,
    "there-is-plural": find_there_is_plural,
    "comparative-than": find_comparative_than,
    "plural-subject-verb": find_plural_subject_verb,
    "introductory-clause-comma": find_intro_clause_comma,
    "unclosed-aside": find_unclosed_aside,
    "fused-sentence": find_fused_sentence,
    "noun-form-as-verb": find_noun_form_as_verb,
    "missing-be": find_missing_be,
    "contraction-space": find_contraction_space,
    "present-with-past-time": find_present_with_past_time,
    "missing-article": find_missing_article,
    "quantifier-singular": find_quantifier_singular,
    "compound-modifier": find_compound_modifier,
    "singular-subject-verb": find_singular_subject_verb,
    "adverb-before-noun": find_adverb_before_noun,
    "missing-the": find_missing_the,
    "article-before-possessive-name": find_article_before_possessive_name,
    "ligature": find_ligature,
    "weekday-date": find_weekday_date,
    **CONFUSION_SLIPS,  # word-list slips: proofreading/confusions.py
}
