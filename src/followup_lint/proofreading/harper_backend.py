"""Harper's lints on a draft, as hits of our rules.

Harper sees one paragraph at a time (the parser's body paragraphs: quoted replies and the
signature are never sent). A lint is dropped when it touches
- a template placeholder ("[Company]'s way", "I'm [what you're up to now]"): the words around
  a slot are not the sender's final words;
- protected text (code, an address, a link, a phone number);
- a word the draft or its context accepts as a name (people, company, vocabulary, words
  written capitalised in mid-sentence): Harper does not know them.
The lints of one draft are computed once and shared by the `harper` and `harper-words` rules.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from followup_lint.checks.base import FixSpec, Hit
from followup_lint.model.severity import Severity
from followup_lint.proofreading.harper_engine import (
    EngineUnavailable,
    HarperEngine,
    HarperLint,
    engine,
)
from followup_lint.proofreading.protected import covered, protected_spans

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_UNAVAILABLE_RULE = "harper-unavailable"
#: Longest paragraph sent to Harper, and most characters of one draft.
MAX_PARAGRAPH_CHARS = 5_000
MAX_DRAFT_CHARS = 50_000


def _blocked(analysis: Analysis, part: Part, lint: HarperLint) -> bool:
    from followup_lint.proofreading.speller import accepted_name

    text = part.text
    s, e = lint.start, lint.end
    # The parser's placeholder slots (what unfilled-placeholder reports) Harper never reads.
    for slot in analysis.draft.slots_in(part):
        if slot.start - part.start <= e and s <= slot.end - part.start:  # touching: "[Co]'s"
            return True
    if covered(protected_spans(analysis), part.start + s, part.start + e):
        return True
    for m in _WORD_RE.finditer(text, max(0, s - 1), min(len(text), e + 1)):
        if m.end() <= s or m.start() >= e:
            continue
        word = m.group()
        if word == "I" or word.lower() in ("i'm", "i'd", "i've", "i'll"):
            continue
        if word[:1].isupper() and accepted_name(
            analysis, part, part.start + m.start(), part.start + m.end()
        ):
            return True
        if word.lower() in analysis.vocabulary or word in analysis.vocabulary:
            return True
    return False


#: What separates the paragraphs of a draft in the one text Harper is given: a paragraph break
#: to Harper's plain-text parser, as between two paragraphs of the draft.
_SEPARATOR = "\n\n"


def _lints_by_paragraph(eng: HarperEngine, parts: list[Part]) -> list[tuple[Part, HarperLint]]:
    """Harper's lints of each paragraph, with offsets into that paragraph.

    The paragraphs go to Harper as one text, blank lines between them: one call per draft
    instead of one per paragraph saves about a third of Harper's time, which is mostly a cost
    per call. Harper reads the paragraphs of that text separately, so each one's lints are the
    lints it gets alone (compared on the lints of 6,166 paragraphs of 1,466 drafts: generated,
    corpus and rule examples, with no difference; benchmarks/README.md). Should a lint ever
    cross from one paragraph into the next, the draft is linted paragraph by paragraph."""
    if len(parts) < 2:
        return [(part, lint) for part in parts for lint in eng.lint(part.text)]
    starts: list[int] = []
    at = 0
    for part in parts:
        starts.append(at)
        at += len(part.text) + len(_SEPARATOR)
    out: list[tuple[Part, HarperLint]] = []
    for lint in eng.lint(_SEPARATOR.join(p.text for p in parts)):
        i = bisect.bisect_right(starts, lint.start) - 1
        base = starts[i]
        if i < 0 or lint.end > base + len(parts[i].text):
            return [(part, one) for part in parts for one in eng.lint(part.text)]
        out.append(
            (parts[i], dataclasses.replace(lint, start=lint.start - base, end=lint.end - base))
        )
    return out


def _draft_lints(
    analysis: Analysis, parts: list[Part], dialect: str
) -> list[tuple[Part, HarperLint]] | str:
    key = f"harper:{dialect}:{parts[0].start if parts else 0}:{len(parts)}"
    cached = analysis.cache.get(key)
    if cached is not None:
        result: list[tuple[Part, HarperLint]] | str = cached
        return result
    from followup_lint.proofreading.speller import misspellings

    eng = engine(dialect)
    # A word our speller reports is its business: it knows the draft's names, and one finding
    # per slip is enough ("childs", "teh").
    ours = {(m.start, m.end) for m in misspellings(analysis, parts)}
    # ...and so are the its/your slips our patterns report.
    from followup_lint.proofreading.slips import find_its, find_your

    for part in parts:
        ours |= {(h.start, h.end) for f in (find_its, find_your) for h in f(analysis, part)}
    # ...and a lint that overlaps one of the word-list slips (confusions.py) says the same
    # thing twice ("they was", "I have went", "since two weeks"): ours stays, with its fix.
    from followup_lint.proofreading.confusions import CONFUSION_SLIPS

    listed = [
        (h.start, h.end)
        for part in parts
        for finder in CONFUSION_SLIPS.values()
        for h in finder(analysis, part)
    ]
    found: list[tuple[Part, HarperLint]] | str = []
    try:
        assert isinstance(found, list)
        budget = MAX_DRAFT_CHARS
        sent: list[Part] = []
        for part in parts:
            # A paragraph this long is not prose (a paste, a log, hostile input), and past the
            # budget a draft is not a note: Harper's cost grows with the text.
            if len(part.text) > MAX_PARAGRAPH_CHARS or len(part.text) > budget:
                continue
            budget -= len(part.text)
            sent.append(part)
        for part, lint in _lints_by_paragraph(eng, sent):
            span = (part.start + lint.start, part.start + lint.end)
            if span in ours or _blocked(analysis, part, lint):
                continue
            if any(a < max(span[1], span[0] + 1) and span[0] < b for a, b in listed):
                continue
            found.append((part, lint))
    except EngineUnavailable as exc:
        found = f"{exc}. Harper's grammar checks did not run; the other checks did."
    analysis.cache[key] = found
    return found


def harper_hits(analysis: Analysis, parts: list[Part], group: str, dialect: str) -> list[Hit]:
    """The hits of one of our Harper rules (`group`: "grammar" or "words")."""
    found = _draft_lints(analysis, parts, dialect)
    if isinstance(found, str):
        if analysis.cache.get("harper:unavailable-said"):
            return []
        analysis.cache["harper:unavailable-said"] = True
        at = parts[0].start if parts else 0
        return [
            Hit(
                at,
                at,
                {"reason": found, "what": "", "found": "", "suggestions": [], "harper_rule": ""},
                rule=_UNAVAILABLE_RULE,
                severity=Severity.INFO,
            )
        ]
    hits: list[Hit] = []
    for part, lint in found:
        if lint.group != group:
            continue
        s, e = part.start + lint.start, part.start + lint.end
        suggestions = [x for x in lint.suggestions if x != lint.problem][:3]
        fixes = tuple(
            FixSpec(s, e, r, f"Replace with '{r}'" if r else "Delete it") for r in suggestions
        )
        hits.append(
            Hit(
                s,
                e,
                {
                    "reason": "",
                    "what": lint.what,
                    "found": lint.problem,
                    "suggestions": [x.strip() or "(nothing)" for x in suggestions],
                    "harper_rule": lint.rule,
                },
                fixes,
                rule=f"harper:{lint.rule}",
                severity=Severity.INFO if lint.severity == "info" else None,
            )
        )
    return hits
