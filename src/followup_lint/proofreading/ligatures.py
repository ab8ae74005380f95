"""Words holding a typographic ligature ("ﬁnal", "oﬀer"), which text copied out of a PDF keeps.

One precompiled character class is searched first, so a draft without a ligature (nearly every
draft) costs one scan of each paragraph and nothing else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from followup_lint import regex_cache as rc  # re.compile, kept between runs
from followup_lint.checks.base import Hit, replacement
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

# The seven Latin ligatures of Unicode's presentation forms (ff, fi, fl, ffi, ffl, long st, st).
# "æ" and "œ" are letters of their own ("encyclopædia") and are not in it.
_LIGATURE_RE = rc.compile("[\ufb00-\ufb06]")
_WORD_RE = rc.compile(r"\w+")


def find_ligature(analysis: Analysis, part: Part) -> Iterator[Hit]:
    text = part.text
    first = _LIGATURE_RE.search(text)
    if first is None:
        return
    start = first.start()
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1  # back to the start of the first ligature's word
    for m in _WORD_RE.finditer(text, start):
        if _LIGATURE_RE.search(m.group()) is None:
            continue
        a, b = part.start + m.start(), part.start + m.end()
        if covered(protected_spans(analysis), a, b):
            continue
        fix = unicodedata.normalize("NFKC", m.group())
        yield replacement(a, b, fix, {"found": m.group(), "expected": fix})
