"""What each sentence of the draft does, read once per draft.

Every sentence of the sender's own text (greeting, body, sign-off) is matched against the act
lexicon (`data/acts.txt`, loaded by `acts.py`), and then three judgements a pattern alone cannot
make are applied:

- *sincerity*: a thank-you whose object is a complaint ("thanks for ghosting me") is sarcasm,
  not gratitude; and in a draft that mocks the reader anywhere, no thanks and no statement of
  interest is taken at face value;
- *negation and owner* of interest: "I am no longer interested", "if you are interested",
  "there's no interest" and "your interest in my profile" are not the sender stating theirs;
- *a specific reference*: a sentence that reports what was said, seen or discussed, and names
  something concrete (not only the role, the team or the company), or a slot left for one.

Pure Python over the Analysis's own sentence split: no spaCy, so the default path stays cheap
(docs/understanding.md has the measurements and the limits).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followup_lint import regex_cache
from followup_lint.analysis.acts import (
    ACTS,
    Section,
    WordIndex,
    compiled,
    gates,
    sections,
    word_index,
    words,
)

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# A template slot: "[specific topic discussed]", "{specific_aspect}", "%TOPIC%", "<project>".
_SLOT = regex_cache.compile(
    r"\[[^\[\]\n]{1,80}\]|\{\{?[^{}\n]{1,80}\}?\}|%[A-Z_]{2,40}%|<[A-Za-z][^<>\n]{1,60}>"
)
# Words in a slot that say it stands for something from the interview, not a name or the role.
_SLOT_TOPIC = regex_cache.compile(
    r"topic|specific|project|challenge|discuss|mention|initiative|aspect|detail|point|goal|"
    r"problem|issue|idea|insight|thing|observ|quality|example|achievement|remark",
    re.I,
)
_WORD = regex_cache.compile(r"[A-Za-z][A-Za-z'’-]*")
_CLAUSE_END = regex_cache.compile(r"[,;:.!?()\u2013\u2014]| - | and | but | or ", re.I)
_NEGATION = regex_cache.compile(
    r"\b(?:not|no|never|nor|n't|longer|without|lost|lose|less|neither|cannot)\b|n't\b", re.I
)
# Whose the interest is: the nearest subject before the match.
_SUBJECT = regex_cache.compile(
    r"\b(?:i|i'm|i’m|i've|i'd|we|me|my|our|you|you're|they|he|she|there)\b", re.I
)
_OTHERS = frozenset({"you", "you're", "they", "he", "she", "there"})
_FIGURE = regex_cache.compile(
    r"(?<![\d.])(?!1[01]0\s?(?:%|percent))\d+(?:[.,]\d+)?\s?(?:%|percent|k\b|x\b)|[$€£]\s?\d"
)
_NO_OBJECT = frozenset({"it", "them", "this", "that", "so", "me", "us", "him", "her", "they"})
_THING = regex_cache.compile(
    r"\b(?:the|your|our|its|their)\s+((?:[a-z][a-z'’-]+\s+){0,2}[a-z][a-z'’-]+)"
)
# "thank-you note" names a note, not a thanks.
_FOR = regex_cache.compile(r"\bfor\b", re.I)
_NOT_THANKS = regex_cache.compile(r"thank[- ]you (?:note|e-?mail|letter|card|message)s?\b", re.I)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the sender's text and what it does."""

    start: int
    end: int
    text: str
    #: The part it lies in: "greeting", "body", "closing" or "signature".
    part: str
    acts: frozenset[str]
    #: (act, start, end): where in the draft each act was recognised (first match per act).
    spans: tuple[tuple[str, int, int], ...] = ()
    #: The concrete detail from the interview this sentence names, if any.
    detail: str | None = None

    def span(self, act: str) -> tuple[int, int] | None:
        for a, s, e in self.spans:
            if a == act:
                return s, e
        return None


@dataclass(frozen=True)
class Reading:
    """The sentences of one draft and the draft-level judgements made from them."""

    sentences: tuple[Sentence, ...]
    #: Some sentence mocks the reader (sarcastic thanks, "good luck rejecting ...").
    mocking: bool
    _by_act: dict[str, tuple[Sentence, ...]] = field(default_factory=dict, repr=False)

    def doing(self, act: str, part: str | None = "body") -> tuple[Sentence, ...]:
        """Sentences that do `act` (in `part`, or anywhere when part is None)."""
        found = self._by_act.get(act, ())
        return found if part is None else tuple(s for s in found if s.part == part)

    def does(self, act: str, part: str | None = "body") -> bool:
        return bool(self.doing(act, part))

    @property
    def sincere_thanks(self) -> tuple[Sentence, ...]:
        """Sentences that thank the reader and mean it: in the body, or a sign-off that thanks
        for something ("Thank you for your consideration,"), which a bare "Thanks," does not."""
        if self.mocking:
            return ()
        closing = tuple(s for s in self.doing("thanks", "closing") if _FOR.search(s.text))
        return self.doing("thanks") + closing

    @property
    def own_interest(self) -> tuple[Sentence, ...]:
        """Body sentences where the sender states their own interest, and means it."""
        return () if self.mocking else self.doing("interest")

    @property
    def details(self) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.detail is not None and s.part == "body")


def _clause_before(text: str, at: int) -> str:
    """The text of the clause that ends where a match starts."""
    head = text[:at]
    cut = 0
    for m in _CLAUSE_END.finditer(head):
        cut = m.end()
    return head[cut:]


def _own_interest(text: str, m: re.Match[str]) -> bool:
    """An interest match is the sender's own, stated and not negated."""
    before = _clause_before(text, m.start())
    negated = _NEGATION.search(before) or _NEGATION.search(m.group())
    # "can't wait" is itself a negation, and means the opposite
    if negated and not re.search(r"can(?:no|')t wait", m.group(), re.I):
        return False
    if re.search(r"\b(?:would|could|should|might) have\b", before, re.I):
        return False  # "I would have been a fine asset": what might have been
    subjects = _SUBJECT.findall(before)
    if subjects and subjects[-1].lower().replace("’", "'") in _OTHERS:
        # "if you are interested", "there's interest", unless the sender's own "me" follows
        return bool(re.search(r"\b(?:me|my)\b", m.group(), re.I))
    return not re.search(r"\b(?:your|their|his|her|its|no)\s+$", before, re.I)


def _negated_thanks(text: str, m: re.Match[str]) -> bool:
    """ "I don't appreciate being ignored", "no thanks to you"; but not "I can't thank you
    enough"."""
    before = _clause_before(text, m.start())[-20:]
    if not _NEGATION.search(before):
        return False
    return not re.match(r"[\w ]{0,12}\benough\b", text[m.end() :])


# A complaint word that follows one of these is denied or contrasted, which makes the thanks a
# compliment: "thank you for not ignoring my questions", "for a real reply rather than a form
# letter".
_DENIED = regex_cache.compile(
    r"\b(?:not|never|without|rather than|instead of)\s+(?:[\w'’-]+\s+){0,2}$", re.I
)


def _complains(obj: str) -> bool:
    """What a thank-you is for names a complaint ("for ghosting me"), not denied."""
    found = _finditer("sarcastic_object", obj, word_index(obj))
    return any(not _DENIED.search(obj[: m.start()]) for m in found)


def _content_words(fragment: str) -> list[str]:
    vague = words("vague_word")
    heads = words("stock_head")
    out = []
    for w in _WORD.findall(fragment):
        low = w.lower().replace("’", "'").removesuffix("'s")
        if w[0].isupper() or len(low) < 3 or low in vague or low in heads:
            continue  # capitalised words are mostly the company, the role or a person
        out.append(low)
    return out


def _finditer(name: str, text: str, keys: WordIndex) -> Iterator[re.Match[str]]:
    """Matches of a lexicon section in a sentence, skipped when no word of it can start one.

    Where every match must start at a word beginning or a mark the section names
    (`acts.sections`), its patterns are tried at those places only: the same matches, left to
    right and without overlap, as `finditer`, which tries a long alternation at every
    character."""
    section = sections().get(name) if keys.exact else None
    if section is not None:
        if section.keys.isdisjoint(keys.at):
            return iter(())
        return _at_starts(section, text, keys.low, keys.starts(section.keys))
    gate = gates()[name]
    if gate is not None and gate.isdisjoint(keys.at):
        return iter(())
    return compiled()[name].regex.finditer(text)


def _at_starts(section: Section, text: str, low: str, starts: list[int]) -> Iterator[re.Match[str]]:
    end = 0
    for p in starts:
        if p < end:
            continue  # inside the previous match: finditer resumes after it
        m = section.match(text, low, p)
        if m is not None and m.end() > p:  # an opening is never empty
            yield m
            end = m.end()


def _detail(text: str, refers: bool, keys: WordIndex) -> str | None:
    """A concrete detail from the interview that this sentence names, or None."""
    for slot in _SLOT.finditer(text):
        if _SLOT_TOPIC.search(slot.group()):
            return slot.group()
    art = next(_finditer("artefact", text, keys), None)
    if art:
        return art.group()
    fig = _FIGURE.search(text)
    if fig and refers:
        return fig.group()
    for cue in _finditer("topic_cue", text, keys):
        after = text[cue.end() : cue.end() + 90]
        clause = _CLAUSE_END.split(after, maxsplit=1)[0]
        first = clause.split()[:1]
        if first and first[0].lower() in _NO_OBJECT:
            continue  # "as you described it": the thing described is elsewhere
        if _content_words(" ".join(clause.split()[:8])):
            return (cue.group() + clause).strip()
    if refers:
        # In a sentence about the meeting, "the bathroom window" or "your pricing plan" names
        # something concrete unless its head noun is a stock one ("your management team").
        heads = words("stock_head")
        vague = words("vague_word")
        for m in _THING.finditer(text):
            phrase: list[str] = []
            for w in m.group(1).split():
                if w.lower() in vague and phrase:
                    break  # "the interview but left": the phrase ends at a function word
                phrase.append(w)
            head = phrase[-1].lower()
            if head not in heads and head not in vague and _content_words(" ".join(phrase)):
                return "the " + " ".join(phrase)
    return None


def read_sentences(pieces: list[tuple[str, int, str]]) -> Reading:
    """Read sentences given as (part name, start offset, text)."""
    out: list[Sentence] = []
    # The section of each act, looked up once per draft rather than per sentence (the whole
    # alternations and their gates are built only if a sentence needs them: the rare text
    # whose case folding is odd, or an act whose patterns may start anywhere).
    by_section = sections()
    plan = [(act, by_section.get(act)) for act in ACTS]
    for part, start, text in pieces:
        keys = word_index(text)
        at = keys.at
        exact = keys.exact
        acts: set[str] = set()
        spans: list[tuple[str, int, int]] = []
        for act, section in plan:
            # `_finditer(act, text, keys)`, inline: most acts are ruled out by a set test.
            found: Iterator[re.Match[str]]
            if exact and section is not None:
                if section.keys.isdisjoint(at):
                    continue
                found = _at_starts(section, text, keys.low, keys.starts(section.keys))
            else:
                gate = gates()[act]
                if gate is not None and gate.isdisjoint(at):
                    continue
                found = compiled()[act].regex.finditer(text)
            for m in found:
                name = act
                if act == "thanks":
                    if _NOT_THANKS.match(text, m.start()) or _negated_thanks(text, m):
                        continue
                    if _complains(text[m.end() :]):
                        name = "thanks_sarcastic"
                elif act == "interest" and not _own_interest(text, m):
                    continue
                if name not in acts:
                    acts.add(name)
                    spans.append((name, start + m.start(), start + m.end()))
                if name == act:
                    break
        refers = "refers_to_interview" in acts
        detail = _detail(text, refers, keys) if part == "body" else None
        out.append(
            Sentence(start, start + len(text), text, part, frozenset(acts), tuple(spans), detail)
        )
    by_act: dict[str, list[Sentence]] = {}
    for s in out:
        for a in s.acts:
            by_act.setdefault(a, []).append(s)
    mocking = bool(by_act.get("sarcasm") or by_act.get("thanks_sarcastic"))
    return Reading(tuple(out), mocking, {a: tuple(v) for a, v in by_act.items()})


#: How much of a draft the sentence reading covers (the tone and content rules read it). An
#: email is a few thousand characters; this is room for a hundred of them.
READING_MAX_CHARS = 200_000


def read_analysis(analysis: Analysis) -> Reading:
    """Read the sentences of a draft's greeting, body paragraphs, sign-off and signature.

    The reading stops after READING_MAX_CHARS characters (the Linter's notice says so): a draft
    of megabytes is not an email, and reading all of it would cost seconds."""
    draft = analysis.draft
    limit = READING_MAX_CHARS
    named = [("greeting", draft.greeting)]
    named += [("body", p) for p in draft.paragraphs]
    named += [("closing", draft.closing), ("signature", draft.signature)]
    pieces = [
        (name, s.start, s.text)
        for name, part in named
        if part is not None
        for s in analysis.sentences(part)
        if s.start < limit
    ]
    return read_sentences(pieces)


def in_parts(sentences: tuple[Sentence, ...], parts: list[Part]) -> list[Sentence]:
    """The sentences that start inside one of the parts (parts in text order, as a draft gives
    them): a binary search per sentence, so a draft of thousands of paragraphs stays linear."""
    starts = [p.start for p in parts]
    out = []
    for s in sentences:
        i = bisect.bisect_right(starts, s.start) - 1
        if i >= 0 and s.start < parts[i].end:
            out.append(s)
    return out
