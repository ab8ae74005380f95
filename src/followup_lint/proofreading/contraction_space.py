"""A contraction with a space where its apostrophe was: "I don t have", "It s a fit", "we re".

Curly apostrophes get lost between editors, phones and web forms, and what is left is the
contraction in two halves. Only contractions whose first half is itself a word are read
("don", "can", "it", "we"), which the speller passes, and those whose halves are no words
("couldn t", "I ll", "we ve"), where the speller leaves the halves to this rule: its own guess
for "couldn" alone would be "could".

Left alone, each seen in correct text or likely there: a hyphen or a full stop after the second
half ("can t-shirt"; "Don T. Ross", an initial), "let s" before "be", "denote" or "equal" (a
variable named s), and "re" before a determiner or a possessive ("I am writing to you re the
offer", the Latin "regarding").

The second halves ("t", "m", "s", "re", "ll", "ve" after a blank) are rare in English, so one
case-sensitive scan for them rules out nearly every paragraph before the full pattern runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# The cheap test: a lone "t", "m", "s", "re", "ll" or "ve" after a blank (the slip writes them
# in lower case; the first half may have any case).
_GATE = rc.compile(r"[ \t](?:t|m|s|re|ll|ve)(?![\w'’-])")
_END = r"(?![\w'’.-])"
_RE = rc.compile(
    r"(?<![\w'’-])(?:"
    r"(?i:don|can|won|couldn|wouldn|shouldn|didn|doesn|isn|wasn|weren|aren|haven|hasn|hadn|"
    rf"mustn|needn)[ \t]t{_END}"
    rf"|(?:I|(?i:you|we|they|he|she|it|that))[ \t]ll{_END}"
    rf"|(?:I|(?i:you|we|they|would|could|should|might|must))[ \t]ve{_END}"
    rf"|I[ \t]m{_END}"
    rf"|(?i:it|that|there|here|what|where|who|he|she)[ \t]s{_END}"
    rf"|(?i:let)[ \t]s{_END}(?![ \t]+(?:be|denote|equal)\b)"
    rf"|(?i:you|we|they)[ \t]re{_END}"
    r"(?![ \t]+(?:the|your|our|my|a|an|this|that|these|those|their|his|her|its)\b)"
    r")"
)


def find_contraction_space(analysis: Analysis, part: Part) -> Iterator[Hit]:
    """ "I don t have": the space stands where the apostrophe was; the fix puts it back."""
    text = part.text
    if _GATE.search(text) is None:
        return
    for m in _RE.finditer(text):
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue  # a link, an address, code or a placeholder
        found = m.group(0)
        fix = re.sub(r"[ \t]", "'", found, count=1)
        yield replacement(a, b, fix, {"found": found, "expected": fix})


def split_contractions(text: str) -> list[tuple[int, int]]:
    """The spans (offsets in `text`) of the split contractions this rule reports: the speller
    leaves the words inside them alone."""
    if _GATE.search(text) is None:
        return []
    return [m.span() for m in _RE.finditer(text)]
