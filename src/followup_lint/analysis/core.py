"""Facts about one draft, computed lazily and at most once: tokens, words, sentences, metrics,
contact details, the message kind. Checks read these; none of them re-parses the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, wraps
from typing import TYPE_CHECKING, Any, TypeVar

from followup_lint import regex_cache
from followup_lint.analysis.contacts import Contact, find_contacts
from followup_lint.analysis.nlp import NO_PIPELINE, Pipeline
from followup_lint.analysis.tokens import Tokens, tokenize
from followup_lint.model.context import Context
from followup_lint.model.spans import LineIndex
from followup_lint.reading.draft import Draft, Part

if TYPE_CHECKING:
    from followup_lint.analysis.sentences import Reading

_WORD_RE = regex_cache.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
# A sentence ends at . ! ? (or an ellipsis) followed by space and an upper-case letter, digit or
# quote, or at a paragraph's end. Abbreviations such as "Ms." and "e.g." are not ends.
# A sentence ends at a stop before a capital, or at the line break before a list item ("- ",
# "• ", "2) "): the items of a list are not one long sentence though they rarely end in a stop.
_SENT_END_RE = regex_cache.compile(
    r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n[ \t]*(?=(?:[-*•–]|\d{1,2}[.)])[ \t]+\S)"
)
_ABBREV_RE = regex_cache.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|Inc|Ltd|Co|Corp|e\.g|i\.e|a\.m|p\.m|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|U\.S|approx|dept)\.|\b[A-Z]\.)$"
)


_T = TypeVar("_T")


def once_per_draft(key: str) -> Callable[[Callable[[Analysis], _T]], Callable[[Analysis], _T]]:
    """A finding step worked out once per draft and kept in `Analysis.cache` under `key`: the
    slips that walk the draft's tokens run once per part, but their answer is the draft's."""

    def decorate(compute: Callable[[Analysis], _T]) -> Callable[[Analysis], _T]:
        @wraps(compute)
        def once(analysis: Analysis) -> _T:
            if key in analysis.cache:
                kept: _T = analysis.cache[key]
                return kept
            found = analysis.cache[key] = compute(analysis)
            return found

        return once

    return decorate


class Analysis:
    """Everything the checks need to know about a draft, in its context."""

    def __init__(
        self,
        draft: Draft,
        context: Context,
        *,
        pipeline: Pipeline = NO_PIPELINE,
        kind: str | None,
        kind_source: str,
        vocabulary: frozenset[str] = frozenset(),
    ) -> None:
        self.draft = draft
        self.context = context
        self.pipeline = pipeline
        self.kind = kind
        self.kind_source = kind_source
        self.vocabulary = vocabulary
        #: Per-draft scratch space for check kinds that share an expensive intermediate result.
        self.cache: dict[str, Any] = {}

    @property
    def text(self) -> str:
        return self.draft.text

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.draft.text)

    @cached_property
    def tokens(self) -> Tokens:
        """The draft's tokens (words, numbers, addresses, links, punctuation) with offsets, from
        our own tokenizer: phrase lists match on these, so the default path needs no spaCy."""
        return tokenize(self.draft.text)

    @cached_property
    def doc(self) -> Any:
        """A spaCy Doc of the whole text, from the trained pipeline the Linter loaded because an
        enabled rule declared `needs` (or a blank one, tokens only, when none is installed)."""
        if self.pipeline.nlp is None:  # no rule declared a need: tokens only, loaded on demand
            from followup_lint.analysis.nlp import get_pipeline

            self.pipeline = get_pipeline("fast")
        nlp = self.pipeline.nlp
        # A draft beyond the pipeline's length limit is tokenized up to the limit; the Linter
        # adds a notice saying so (see Linter._lint_draft). Offsets stay those of the draft.
        # Line breaks become spaces (same length, so offsets are unchanged): a phrase such as
        # "just wanted to" must match in hard-wrapped text, where spaCy would otherwise keep the
        # newline as a token between the words. A blank line still separates (two spaces).
        text = self.draft.text[: nlp.max_length].replace("\r", " ").replace("\n", " ")
        if self.pipeline.trained:
            return nlp(text)
        return nlp.make_doc(text)

    def words(self, part: Part) -> list[tuple[int, int]]:
        """(start, end) offsets of the words in a part."""
        # Several metric rules and the word counts ask for the same paragraphs: scan each once
        # (a copy is returned, so a caller that edits its list cannot spoil the cache).
        key = f"words:{part.start}:{part.end}"
        found: list[tuple[int, int]] | None = self.cache.get(key)
        if found is None:
            base = part.start
            found = [(base + m.start(), base + m.end()) for m in _WORD_RE.finditer(part.text)]
            self.cache[key] = found
        return list(found)

    def sentences(self, part: Part) -> list[Part]:
        """Sentences of a part (offsets into the draft), split by punctuation and line breaks
        between list items."""
        key = f"sentences:{part.start}:{part.end}"
        if key in self.cache:
            cached: list[Part] = self.cache[key]
            return cached
        text = part.text
        out: list[Part] = []
        start = 0
        for m in _SENT_END_RE.finditer(text):
            if _ABBREV_RE.search(text[start : m.start()]):
                continue
            out.append(self._sub(part, start, m.start()))
            start = m.end()
        if start < len(text):
            out.append(self._sub(part, start, len(text)))
        out = [s for s in out if s.text]
        self.cache[key] = out
        return out

    @staticmethod
    def _sub(part: Part, s: int, e: int) -> Part:
        text = part.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return Part("sentence", part.start + s, part.start + e, text[s:e])

    @cached_property
    def body_word_count(self) -> int:
        return sum(len(self.words(p)) for p in self.draft.paragraphs)

    @cached_property
    def message_word_count(self) -> int:
        return sum(len(self.words(p)) for p in self.draft.parts("message"))

    @cached_property
    def reading_grade(self) -> float | None:
        """Flesch-Kincaid grade of the body (textstat), or None for a body too short to score."""
        body = self.draft.body_text
        if self.body_word_count < 30:
            return None
        # textstat's grade through a lean syllable table (readability.py says why): the same
        # number at a fraction of the first call's time and memory.
        from followup_lint.analysis.readability import flesch_kincaid_grade

        return float(flesch_kincaid_grade(body))

    @cached_property
    def reading(self) -> Reading:
        """What each sentence of the sender's text does (thanks, states interest, refers to the
        interview, complains, ...): analysis/sentences.py, read once per draft."""
        from followup_lint.analysis.sentences import read_analysis

        return read_analysis(self)

    @cached_property
    def contacts(self) -> list[Contact]:
        """Contact details anywhere in the sender's own text (body, closing, signature)."""
        found: list[Contact] = []
        for part in self.draft.parts("message"):
            found.extend(find_contacts(part.text, offset=part.start))
        return found
