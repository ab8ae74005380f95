"""Tone judgements: profanity and insults, hostility, passive aggression, sarcasm, gifts, and
the register of the whole draft. The sentence-level ones read `Analysis.reading`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followup_lint import regex_cache
from followup_lint.analysis.acts import known_acts
from followup_lint.analysis.badwords import bad_words
from followup_lint.analysis.core import Analysis
from followup_lint.analysis.sentences import in_parts
from followup_lint.checks.base import Hit
from followup_lint.judgements.registry import function
from followup_lint.reading.draft import Part


@function("sentence-act")
def sentence_act(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Sentences of the parts in scope that do one of `acts` (see data/acts.txt).

    args: acts (list of act names), max_hits (default 3). The finding covers the words that
    showed the act; `match` is that text."""
    acts = list(args.get("acts", []))
    unknown = [a for a in acts if a not in known_acts()]
    if unknown:
        raise ValueError(
            f"sentence-act: unknown act(s) {unknown} (known: {', '.join(known_acts())})"
        )
    limit = int(args.get("max_hits", 3))
    n = 0
    for s in in_parts(analysis.reading.sentences, sorted(parts, key=lambda p: p.start)):
        for act in acts:
            where = s.span(act)
            if where is None:
                continue
            start, end = where
            yield Hit(start, end, {"match": analysis.text[start:end], "act": act})
            n += 1
            break
        if n >= limit:
            return


@function("profanity")
def profanity(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """Profane words, slurs and insults, censored forms included ("sh*t", "f***ing").

    args: max_hits (default 3)."""
    words = bad_words()
    limit = int(args.get("max_hits", 3))
    n = 0
    for part in parts:
        for start, end, kind in words.find(part.text):
            a, b = part.start + start, part.start + end
            yield Hit(a, b, {"match": analysis.text[a:b], "what": kind})
            n += 1
            if n >= limit:
                return


_LETTER = regex_cache.compile(r"[^\W\d_]")
# "@" standing for "at" between words, as in a text message ("see you @ the office").
_AT_WORD = regex_cache.compile(r"(?<=\s)@(?=\s)")
# Dots or dashes in runs of four or more ("so excited....") read as chat, not prose.
_RUN_MARKS = regex_cache.compile(r"(?<![.\w])\.{4,}|!{2,}\?|\?{2,}|\?!")


@function("casual-register")
def casual_register(analysis: Analysis, parts: list[Part], args: dict[str, Any]) -> Iterator[Hit]:
    """The draft reads like a text message: written all in lower case or all in capitals,
    "@" for "at", runs of dots or of question marks. (Emoji are the `emoji` rule's.)

    args: min_letters (a draft this short is not judged on its case; default 40)."""
    text = "\n".join(p.text for p in parts)
    # The letters as _LETTER finds them, and the upper-case ones; for ASCII text (nearly every
    # draft) counted with C-level maps instead of a list of every letter: there the letters
    # are what str.isalpha says and each upper-case character is one of them.
    if text.isascii():
        letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))
    else:
        found = _LETTER.findall(text)
        letters = len(found)
        upper = sum(1 for c in found if c.isupper())
    if parts and letters >= int(args.get("min_letters", 40)):
        if upper == 0:
            yield Hit(parts[0].start, parts[-1].end, {"match": "all lower case", "what": "lower"})
            return
        if upper / letters > 0.9:
            yield Hit(parts[0].start, parts[-1].end, {"match": "all capitals", "what": "upper"})
            return
    for part in parts:
        for rx, what in ((_AT_WORD, "at"), (_RUN_MARKS, "marks")):
            m = rx.search(part.text)
            if m:
                a, b = part.start + m.start(), part.start + m.end()
                yield Hit(a, b, {"match": analysis.text[a:b], "what": what})
                return
