"""The misspelled words of a draft, found once per draft and shared by the rules that need them
(the `spelling` rule reports them; the LanguageTool rule uses them to avoid saying it twice).

A word is accepted when it is English (`dictionary`), when the context accepts it (`names`), or
when the draft presents it as a name: in the greeting or the signature, in camel case, written
capitalised in mid-sentence (the default, tokenizer-only path has no part-of-speech tags, and
this is the proxy), or tagged PROPN or as a named entity by the trained pipeline (thorough
mode). Acronyms, and anything inside an address, a link, a number or code, are never checked.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_lint import regex_cache
from followup_lint.proofreading.contraction_space import split_contractions
from followup_lint.proofreading.dictionary import english, wrong_forms
from followup_lint.proofreading.names import Known, known_words, near_miss, normalize
from followup_lint.wordtable import WordTable

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_WORD_RE = regex_cache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A run of non-space text with one of these is an address, a path, a handle or markup.
_TECHNICAL_RE = regex_cache.compile(r"[@/\\_#=<>{}|~^$%+]|://")
_CODE_RE = regex_cache.compile(r"`[^`\n]*`")
# Abbreviations after which a capital does not start a sentence ("Dr. Okoro").
_TITLE_ABBREV_RE = regex_cache.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|vs|cf|e\.g|i\.e|approx|incl|No)\.|\b[A-Z]\.)$"
)
_BULLET_RE = regex_cache.compile(r"\s*(?:[-*•>]|\d{1,2}[.)]|[a-z][.)])\s+")
_OPENERS = "\"'“‘([*_"
_SHIFT_TYPO_RE = regex_cache.compile(r"[A-Z]{2}[a-z]{2,}|TH[a-z]")
_X_RUN_RE = regex_cache.compile(r"x{2,}")
# A lower-case roman numeral ("ii", "iv", "xii"), read as a list marker in brackets.
_ROMAN_RE = regex_cache.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")
_CAPITALISED_RE = regex_cache.compile(r"(?<![^\W\d_])[A-Z][^\W\d_]*(?:['’][^\W\d_]+)*")
#: Entity labels that mark a word as a name in thorough mode.
_NAME_ENTS = frozenset(
    {"PERSON", "ORG", "PRODUCT", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW"}
)


@dataclass(frozen=True, slots=True)
class Misspelling:
    start: int
    end: int
    word: str
    #: Corrections, best first (at most three), in the word's capitalisation.
    suggestions: tuple[str, ...]
    #: The known name this word is a near miss of ("Whitfield"), if any.
    name: str | None = None


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _base(low: str) -> str:
    """A word without its possessive ending ("oluwaseun's" -> "oluwaseun")."""
    return low[:-2] if low.endswith("'s") else low


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def sentence_start(text: str, start: int) -> bool:
    """Does the word at `start` begin a sentence (or a line of a list)?"""
    i = start - 1
    crossed = False
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        crossed = crossed or text[i] == "\n"
        i -= 1
    if i < 0:
        return True
    if crossed:
        line_start = text.rfind("\n", 0, start) + 1
        m = _BULLET_RE.match(text, line_start)
        if m and m.end() == start:
            return True
    if text[i] in "!?:…":
        return True
    if text[i] == ".":
        return not _TITLE_ABBREV_RE.search(text, 0, i + 1)
    return False


def _title_line(text: str, start: int) -> bool:
    """Is the line holding `start` written in title case (a subject line, a heading)? There,
    capitals say nothing about names."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line = text[ls : le if le >= 0 else len(text)]
    long_words = [w for w in _WORD_RE.findall(line) if len(w) >= 4]
    if len(long_words) < 3:
        return False
    if line.rstrip().endswith(".") and len(line.split()) >= 6:
        return False  # a sentence full of names ("...Rachid Mimouni, and Leila Sebbar."), not a heading
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps >= 0.6 * len(long_words)


class _Scan:
    """Per-draft state, built lazily: a clean draft whose words are all in the dictionary never
    computes the accepted names, the names seen mid-sentence or the contact spans."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.dictionary = english()
        self.words = self.dictionary.words
        self.trained = bool(analysis.pipeline.trained)
        self._known: Known | None = None
        self._people: set[str] | None = None
        self._proper: set[str] | None = None
        self._skip: list[tuple[int, int]] | None = None
        self._tokens: dict[int, Any] | None = None

    @property
    def known(self) -> Known:
        if self._known is None:
            self._known = known_words(self.analysis)
        return self._known

    @property
    def people(self) -> set[str]:
        if self._people is None:
            self._people = set(self.known.people)
        return self._people

    @property
    def proper_seen(self) -> set[str]:
        # A word written capitalised in mid-sentence of ordinary prose anywhere in the draft is
        # taken as a name everywhere (also where it starts a sentence or sits in the subject).
        if self._proper is None:
            seen: set[str] = set()
            for part in self.analysis.draft.parts("whole"):
                if part.name == "subject":
                    continue
                text = part.text
                for m in _CAPITALISED_RE.finditer(text):
                    w = m.group()
                    if w.isupper() or sentence_start(text, m.start()):
                        continue
                    if not _title_line(text, m.start()):
                        seen.add(_base(normalize(w)))
            self._proper = seen
        return self._proper

    def token_at(self, offset: int) -> Any:
        if self._tokens is None:
            self._tokens = {tok.idx: tok for tok in self.analysis.doc}
        return self._tokens.get(offset)

    def skipped(self, s: int, e: int) -> bool:
        """Inside an email address, a link or a phone number (the Analysis's contacts)?"""
        if self._skip is None:
            self._skip = [(c.start, c.end) for c in self.analysis.contacts]
        return any(a <= s and e <= b for a, b in self._skip)


def _run_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """The run of non-space characters around text[s:e]."""
    rs = s
    while rs > 0 and not text[rs - 1].isspace():
        rs -= 1
    re_ = e
    while re_ < len(text) and not text[re_].isspace():
        re_ += 1
    return rs, re_


def _occurrences(text: str, words: set[str]) -> list[tuple[int, str]]:
    """Where each of these words stands in `text` as a whole token of `_WORD_RE` (searching for
    a few suspects is cheaper than walking every token of the part again)."""
    found: list[tuple[int, str]] = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            before_ok = i == 0 or not _is_letter(text[i - 1])
            after_ok = j == len(text) or not (
                _is_letter(text[j])
                or (text[j] in "'’" and j + 1 < len(text) and _is_letter(text[j + 1]))
            )
            if before_ok and after_ok:
                found.append((i, w))
            i = text.find(w, i + 1)
    return found


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _scan_part(scan: _Scan, part: Part) -> list[Misspelling]:
    text = part.text
    base = part.start
    words = scan.words
    # The fast path: almost every word of a draft is in the list as written, and a part whose
    # words all are (none with a capital after the first letter) needs nothing more.
    wrong = wrong_forms()
    lowered = {w: w.lower() for w in set(_WORD_RE.findall(text)) if len(w) > 1}
    if isinstance(words, WordTable):  # one call for the paragraph's words, not one each
        unlisted = words.absent(set(lowered.values()))
    else:
        unlisted = {low for low in lowered.values() if low not in words}
    suspects = {
        w
        for w, low in lowered.items()
        if low in unlisted or low in wrong or (len(w) > 2 and w[1].isupper() and not w.isupper())
    }
    if not suspects:
        return []
    out: list[Misspelling] = []
    code: list[tuple[int, int]] | None = None
    split: list[tuple[int, int]] | None = None
    for s, word in sorted(_occurrences(text, suspects)):
        e = s + len(word)
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if before.isdigit() or after.isdigit():
            continue  # "3rd", "Q3", "10am"
        if before == "(" and after == ")" and _ROMAN_RE.fullmatch(word):
            continue  # a list marker: "(ii) case studies; (iv) costs"
        if after == "." and text[e + 1 : e + 2].isalpha():
            continue  # "Node.js", "e.g.", "example.com"
        if before == "." and s >= 2 and text[s - 2].isalpha():
            continue
        rs, re_ = _run_bounds(text, s, e)
        if _TECHNICAL_RE.search(text, rs, re_) or text.startswith("www.", rs):
            continue  # an address, a path, a handle, markup
        if code is None:
            code = [(c.start(), c.end()) for c in _CODE_RE.finditer(text)]
        if any(a <= s < b for a, b in code):
            continue
        if _being_typed(scan, part, e, word) or _cut_off(scan, text, e, word):
            continue
        if split is None:
            split = split_contractions(text)
        if any(a <= s and e <= b for a, b in split):
            continue  # "couldn t", "I ll": the contraction-space rule offers "couldn't"
        found = _judge(scan, part, s, word)
        # Contact spans cost a phone-number search: asked only about a word about to be flagged.
        if found is not None and not scan.skipped(base + s, base + e):
            suggestions, name = found
            out.append(Misspelling(base + s, base + e, word, suggestions, name))
    return out


def _hyphenated_name(text: str, s: int, e: int) -> bool:
    """Is text[s:e] one capitalised part of a hyphenated run whose neighbouring part is
    capitalised too? That is how compound names are written, also where a sentence starts
    and the capital alone would prove nothing."""
    if text[e : e + 1] == "-" and text[e + 1 : e + 2].isupper():
        return True
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha():
        i = s - 2
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        return text[i].isupper()
    return False


def _being_typed(scan: _Scan, part: Part, e: int, word: str) -> bool:
    """Is this the last word of the draft, with nothing after it, and the start of a common
    word? An editor lints as the user types, and a draft cut off mid-word ("Do let me know if
    you nee") is unfinished, not misspelled."""
    if part.start + e != len(scan.text.rstrip()) or len(word) < 3:
        return False
    return scan.dictionary.starts_common(normalize(word))


def _cut_off(scan: _Scan, text: str, e: int, word: str) -> bool:
    """Is the word cut short on purpose, an ellipsis straight after it, and the start of a
    common word? A quotation trimmed mid-word ("the results were ampl...") shows the cut."""
    if len(word) < 2 or not (text.startswith("...", e) or text.startswith("\u2026", e)):
        return False
    return scan.dictionary.starts_common(normalize(word))


def _judge(scan: _Scan, part: Part, s: int, word: str) -> tuple[tuple[str, ...], str | None] | None:
    """None when the word is acceptable; else (suggestions, near-missed name)."""
    if word.isupper() or (word[:-1].isupper() and word[-1] == "s" and len(word) > 2):
        return None  # an acronym: "KPI", "APIs"
    low = normalize(word)
    if _X_RUN_RE.fullmatch(low):
        return None  # "xx", "xxxx": a blank left to fill in (the placeholder rule's business)
    known = scan.known
    if low in known.exact or _base(low) in known.exact:
        return None
    meant = wrong_forms().get(low)
    if (
        meant is not None
        and word[1:].islower()
        and word[:1].isupper()
        and not sentence_start(part.text, s)
        and scan.dictionary.known(low)
        and _name_like(scan, part, s, word)
    ):
        return None  # "William Cant", "Julia Childs": a surname spelled like a wrong form
    if meant is not None:
        # "dont", "Im", "childs": not words, whatever a rare list entry or a capital says.
        return ((_match_case(word, meant) if not meant.startswith("I'") else meant,), None)
    d = scan.dictionary
    if d.known(low):
        if _SHIFT_TYPO_RE.fullmatch(word):
            return ((word[0] + word[1:].lower(),), None)  # "THe": the shift key held too long
        return None
    if not low.isascii() and d.known(_fold(low)):
        return None  # "résumé", "Zoë" when the list has the unaccented form
    missed = near_miss(low, scan.people)
    if missed is None and _name_like(scan, part, s, word):
        return None
    suggestions: list[str] = []
    if missed is not None:
        suggestions.append(known.display.get(missed, missed))
    for cand in d.suggest(low):
        cand = _match_case(word, cand)
        if cand not in suggestions:
            suggestions.append(cand)
    return tuple(suggestions[:3]), (known.display.get(missed, missed) if missed else None)


def _name_like(scan: _Scan, part: Part, s: int, word: str) -> bool:
    """Does the draft present this word as a name?"""
    if not word[:1].isupper():
        # Camel case with a lower-case start ("iPhone", "eBay") is a product name.
        return any(c.isupper() for c in word[1:])
    if any(c.isupper() for c in word[1:]):
        return True  # "McKenzie", "JavaScript", "DeShawn"
    if _hyphenated_name(part.text, s, s + len(word)):
        return True  # "Mc-Master-Carr", "Jean-Luc": capitalised parts joined by hyphens
    if part.name in ("greeting", "signature"):
        return True  # capitalised words there are names
    if part.name != "subject":  # subject lines capitalise at will: a capital says nothing there
        if scan.trained:
            tok = scan.token_at(part.start + s)
            if tok is not None and (tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS):
                return True
        elif not sentence_start(part.text, s) and not _title_line(part.text, s):
            return True
    return _base(normalize(word)) in scan.proper_seen


def _scan_for(analysis: Analysis) -> _Scan:
    scan = analysis.cache.get("proofreading:scan")
    if not isinstance(scan, _Scan):
        scan = _Scan(analysis)
        analysis.cache["proofreading:scan"] = scan
    return scan


def accepted_name(analysis: Analysis, part: Part, start: int, end: int) -> bool:
    """Is the text at draft offsets [start, end) a name this draft or its context accepts
    (known from the context, an acronym, or presented as a name, and no near miss of a known
    person's name)? LanguageTool's spelling matches on such words are dropped."""
    scan = _scan_for(analysis)
    word = analysis.text[start:end]
    if not word or not word.replace("'", "").replace("’", "").isalpha():
        return False
    if word.isupper() and len(word) > 1:
        return True
    low = normalize(word)
    if low in scan.known.exact or _base(low) in scan.known.exact:
        return True
    if near_miss(low, scan.people) is not None:
        return False
    return _name_like(scan, part, start - part.start, word)


def misspellings(analysis: Analysis, parts: list[Part]) -> list[Misspelling]:
    """The misspelled words in these parts (memoised per draft and part)."""
    scan = _scan_for(analysis)
    out: list[Misspelling] = []
    for part in parts:
        key = f"proofreading:spell:{part.start}:{part.end}"
        found = analysis.cache.get(key)
        if found is None:
            found = _scan_part(scan, part)
            analysis.cache[key] = found
        out.extend(found)
    return out
