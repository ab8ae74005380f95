"""Draft spans no pattern slip is looked for in: code, addresses, links, handles, markup and
the contact details the analysis found. One list per draft, shared by slips.py and
confusions.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_lint import regex_cache

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis

_CODE_RE = regex_cache.compile(r"`[^`\n]*`")
# A run of non-space text holding an address, a path, a handle or markup. The look-behind pins
# each match to the start of a run, so the scan stays linear in the text's length.
_TECH_RUN_RE = regex_cache.compile(r"(?<!\S)\S*?(?:[@/\\_#=<>{}|~^$%+]|www\.)\S*")
_CACHE_KEY = "proofreading:protected-spans"


def protected_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """(start, end) draft offsets of the protected spans, computed once per draft."""
    found = analysis.cache.get(_CACHE_KEY)
    if isinstance(found, list):
        return found
    text = analysis.text
    spans = [(m.start(), m.end()) for m in _CODE_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _TECH_RUN_RE.finditer(text)]
    spans += [(c.start, c.end) for c in analysis.contacts]
    analysis.cache[_CACHE_KEY] = spans
    return spans


def covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does draft range [s, e) (an empty range counts as one character) overlap a span?"""
    return any(a < max(e, s + 1) and s < b for a, b in spans)
