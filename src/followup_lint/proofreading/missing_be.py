"""A progressive without its "be": "I hope you doing well", "I think they looking for".

After "hope", "trust", "think", "believe" and "guess" comes a clause, and a clause whose
subject is a pronoun needs a finite verb: "you doing" lacks its "are". Verbs of perception
and memory are left out on purpose, because they take an object and an -ing form ("I
remember you saying", "I saw them working"); so are "know" and "imagine" for the same reason.

Where a sentence starts, a subject pronoun and an -ing form lack it too: "I looking forward to
hearing from you", "We currently reviewing the offer". Only there: inside a sentence the
pronoun may be an object or a label ("Table I using", "said I laughing"), and a line break
alone is no sentence start (mail is hard-wrapped). "You" is left out ("You coming tonight?" is
a spoken question), and so are "being" and "having" ("He having left, we ...").

A subject pronoun and an adjective that takes a preposition or "to" lack it as well: "I afraid
of", "we interested in", "I able to start". Only adjectives that describe the subject and need
"be" to do it are listed (never "sure": "I sure hope" is spoken English), and the pronoun must
not follow a form of "be" ("am I able to"), nor a verb that takes an object and an adjective
("it made you happy to", "it keeps them eager for", "thank you, glad to") or a preposition
("those of you interested in"), where the pronoun is the object or the adjective needs no
verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.analysis.core import once_per_draft
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.confusions import not_participles
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_BE = {
    "you": "are",
    "we": "are",
    "they": "are",
    "he": "is",
    "she": "is",
    "everyone": "is",
    "i": "am",
}
_RE = rc.compile(
    r"\b(?:hope|hoping|trust|think|believe|guess)[ \t]+(you|we|they|he|she|everyone)[ \t]+"
    r"([a-z]{2,}ing)\b",
    re.IGNORECASE,
)
# The start of the part, or a sentence end and blanks (a line break among them) before it.
_START_RE = rc.compile(
    r"(?:^|[.!?][\"'”’)]?[ \t]*\n?[ \t]+|[.!?][\"'”’)]?\n)(I|We|They|He|She)[ \t]+"
    r"((?:currently|still|also|really|just|now|actively)[ \t]+)?([a-z]{2,}ing)\b"
)
_NOT_AFTER_START = frozenset({"being", "having"})

# A subject pronoun, at most one adverb, a listed adjective and the word it takes, read on the
# draft's tokens (computed once per draft): only where a listed adjective stands is anything
# looked at, so a draft without one costs a set test.
_ADJECTIVES = frozenset(
    {
        "afraid", "interested", "excited", "glad", "happy", "sorry", "eager", "keen", "ready",
        "able", "unable", "grateful", "thankful", "aware", "available", "pleased", "delighted",
        "willing",
    }
)  # fmt: skip
_ADJ_TAKES = frozenset({"of", "to", "in", "for", "about", "with"})
_ADJ_ADVERBS = frozenset(
    {"very", "really", "so", "also", "truly", "extremely", "still", "not", "always", "now"}
)
_ADJ_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she"})
#: Words after which the pronoun has its verb ("am I able", "aren't you glad") or is the object
#: of a verb that takes an adjective ("made you happy to", "see you ready for", "thank you").
_NOT_AFTER_ADJ = frozenset(
    {
        "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't",
        "weren't", "ain't", "make", "makes", "made", "making", "keep", "keeps", "kept",
        "leave", "leaves", "left", "get", "gets", "got", "find", "finds", "found", "see",
        "saw", "seen", "want", "wants", "wanted", "need", "needs", "like", "thank", "thanks",
        "consider", "considered", "feel", "felt", "seem", "seems", "seemed", "of", "for",
        "to", "with", "from", "among", "by", "than", "about", "at", "on", "in",
    }
)  # fmt: skip


def find_missing_be(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    for m in _RE.finditer(text):
        if m.group(2).lower() in not_participles():
            continue
        a, b = part.start + m.start(1), part.start + m.end(2)
        if covered(protected_spans(analysis), a, b):
            continue
        pronoun = m.group(1)
        be = _BE[pronoun.lower()]
        fix = f"{pronoun} {be} {m.group(2)}"
        yield replacement(
            a,
            b,
            fix,
            {"found": text[m.start(1) : m.end(2)], "expected": fix},
        )
    for m in _START_RE.finditer(text):
        ing = m.group(3)
        if ing in not_participles() or ing in _NOT_AFTER_START:
            continue
        a, b = part.start + m.start(1), part.start + m.end(3)
        if covered(protected_spans(analysis), a, b):
            continue
        pronoun = m.group(1)
        fix = f"{pronoun} {_BE[pronoun.lower()]} {m.group(2) or ''}{ing}"
        yield replacement(
            a,
            b,
            fix,
            {"found": text[m.start(1) : m.end(3)], "expected": fix},
        )
    yield from _adjective_hits(analysis, part)


@once_per_draft("proofreading:missing-be:adjectives")
def _adjective_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """(first token, adjective token) of every "pronoun [adverb] adjective preposition" in
    the draft, found once per draft (the slip runs once per part)."""
    found: list[tuple[int, int]] = []
    tokens = analysis.tokens
    norms = tokens.norms(ignore_case=True)
    if not _ADJECTIVES.isdisjoint(norms):
        text, starts, ends = tokens.text, tokens.starts, tokens.ends
        last = len(norms) - 1
        for i, word in enumerate(norms):
            if word not in _ADJECTIVES or i == last or norms[i + 1] not in _ADJ_TAKES:
                continue
            j = i - 1
            if j > 0 and norms[j] in _ADJ_ADVERBS:
                j -= 1
            if j < 0 or norms[j] not in _ADJ_PRONOUNS or (norms[j] == "i" and tokens[j] != "I"):
                continue
            gaps = [text[ends[k] : starts[k + 1]] for k in range(j, i + 1)]
            if any(not gap or gap.strip(" \t") for gap in gaps):
                continue  # only blanks between the words, never a line break
            if (
                j > 0
                and norms[j - 1] in _NOT_AFTER_ADJ
                and not text[ends[j - 1] : starts[j]].strip(" \t")
            ):
                continue
            found.append((j, i))
    return found


def _adjective_hits(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """A pronoun and an adjective with no "be": "I afraid of", "we very interested in"."""
    spans = _adjective_spans(analysis)
    if not spans:
        return
    tokens = analysis.tokens
    text, starts, ends = tokens.text, tokens.starts, tokens.ends
    for j, i in spans:
        if starts[j] < part.start or ends[i + 1] > part.end:
            continue
        a, b = starts[j], ends[i]
        if covered(protected_spans(analysis), a, b):
            continue
        pronoun = tokens[j]
        middle = " ".join(tokens[k] for k in range(j + 1, i)) + " " if i - j > 1 else ""
        fix = f"{pronoun} {_BE[pronoun.lower()]} {middle}{tokens[i]}"
        yield replacement(
            a,
            b,
            fix,
            {"found": text[a:b], "expected": fix, "adjective": True},
        )
