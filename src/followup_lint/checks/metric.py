"""`metric`: a number measured on the draft, compared with thresholds (which may differ by kind)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import model_validator

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

Measure = Literal[
    "characters",  # of each part (the subject line)
    "words",  # in the scope as a whole
    "paragraphs",  # in the scope
    "paragraph_words",  # of each paragraph
    "sentence_words",  # of each sentence
    "reading_grade",  # Flesch-Kincaid grade of the body (textstat)
    "exclamations",  # "!" in the scope
    "questions",  # "?" in the scope
    "uppercase_ratio",  # share of upper-case letters in each part (at least 8 letters)
]

Threshold = float | dict[str, float]


class MetricParams(CheckParams):
    kind: Literal["metric"]
    measure: Measure
    #: A number, or per message kind: {thank_you: 200, default: 250}.
    max: Threshold | None = None
    min: Threshold | None = None

    @model_validator(mode="after")
    def _some_limit(self) -> MetricParams:
        if self.max is None and self.min is None:
            raise ValueError("a metric check needs 'max', 'min' or both")
        for limit in (self.max, self.min):
            if isinstance(limit, dict) and "default" not in limit:
                raise ValueError("a per-kind threshold needs a 'default' entry")
        return self


def _limit(value: Threshold | None, kind: str | None) -> float | None:
    if value is None or not isinstance(value, dict):
        return value
    return value.get(kind or "default", value["default"])


def _fmt(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 1)


@register
class Metric(Check):
    kind = "metric"
    Params = MetricParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, MetricParams)
        self.p = params

    def _judge(self, value: float, lo: float | None, hi: float | None) -> bool:
        return (hi is not None and value > hi) or (lo is not None and value < lo)

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        hi = _limit(self.p.max, analysis.kind)
        lo = _limit(self.p.min, analysis.kind)
        measure = self.p.measure
        values = {
            "measure": measure,
            "max": _fmt(hi) if hi is not None else None,
            "min": _fmt(lo) if lo is not None else None,
        }

        def hit(s: int, e: int, value: float) -> Hit:
            return Hit(s, e, {**values, "value": _fmt(value)})

        if measure == "characters" or measure == "uppercase_ratio":
            for part in parts:
                text = " ".join(part.text.split())
                if measure == "characters":
                    value: float = len(text)
                else:
                    letters = [c for c in text if c.isalpha()]
                    if len(letters) < 8:
                        continue
                    value = round(sum(c.isupper() for c in letters) / len(letters), 2)
                if self._judge(value, lo, hi):
                    yield hit(part.start, part.end, value)
        elif measure == "words":
            words = _prose_words(analysis, parts)
            if self._judge(len(words), lo, hi):
                if hi is not None and len(words) > hi:
                    s, e = words[int(hi)]  # the first word past the limit
                else:
                    s, e = (parts[0].start, parts[0].end) if parts else (0, 0)
                yield hit(s, e, len(words))
        elif measure == "paragraphs":
            if self._judge(len(parts), lo, hi):
                target = parts[int(hi)] if hi is not None and len(parts) > hi else None
                s, e = (target.start, target.end) if target else (0, 0)
                yield hit(s, e, len(parts))
        elif measure == "paragraph_words":
            for part in parts:
                n = len(_prose_words(analysis, [part]))
                if self._judge(n, lo, hi):
                    yield hit(part.start, part.end, n)
        elif measure == "sentence_words":
            for part in parts:
                for sent in analysis.sentences(part):
                    n = len(analysis.words(sent))
                    if self._judge(n, lo, hi):
                        yield hit(sent.start, sent.end, n)
        elif measure == "reading_grade":
            grade = analysis.reading_grade
            if grade is not None and parts and self._judge(grade, lo, hi):
                yield hit(parts[0].start, parts[-1].end, grade)
        elif measure in ("exclamations", "questions"):
            mark = "!" if measure == "exclamations" else "?"
            places = [p.start + i for p in parts for i, c in enumerate(p.text) if c == mark]
            if self._judge(len(places), lo, hi):
                at = places[int(hi)] if hi is not None and len(places) > hi else 0
                yield hit(at, at + 1, len(places))


def _prose_words(analysis: Analysis, parts: list[Part]) -> list[tuple[int, int]]:
    """The words of these parts that the sender wrote: a template's instructions to its user
    ("(use this space to add what you forgot to say)") are not prose the reader will read."""
    words = [w for p in parts for w in analysis.words(p)]
    spans = [(s.start, s.end) for s in analysis.draft.slots if s.stands_for == "instruction"]
    if not spans:
        return words
    return [w for w in words if not any(a <= w[0] < b for a, b in spans)]
