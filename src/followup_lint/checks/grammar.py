"""`grammar`: slips a pattern catches with high precision, and LanguageTool when configured.

`backend: patterns` runs one named slip from `followup_lint.proofreading.slips` (a/an, a
repeated word, lower-case "i", ...). `backend: languagetool` asks the configured LanguageTool
server: `report: matches` turns its matches into findings with ids `lt:<rule id>`, and
`report: unavailable` is the one info finding that says LanguageTool was configured but could
not be used. Both share one request per draft (memoised in the Analysis), so the server is asked
once whichever rule runs first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import model_validator

from followup_lint.checks import register
from followup_lint.checks.base import Check, CheckParams, CompileEnv, FixSpec, Hit
from followup_lint.model.severity import Severity
from followup_lint.proofreading.slips import SLIPS
from followup_lint.proofreading.speller import accepted_name, misspellings

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.config import LanguageToolSettings
    from followup_lint.proofreading import languagetool as lt
    from followup_lint.reading.draft import Part

Slip = Literal[
    "a-an",
    "repeated-word",
    "lowercase-i",
    "sentence-start",
    "missing-space",
    "space-before-punctuation",
    "its-apostrophe",
    "your-apostrophe",
]


class GrammarParams(CheckParams):
    kind: Literal["grammar"]
    backend: Literal["patterns", "languagetool"] = "patterns"
    #: Which slip (backend: patterns).
    slip: Slip | None = None
    #: What to report (backend: languagetool): its matches, or that it could not be used.
    report: Literal["matches", "unavailable"] = "matches"

    @model_validator(mode="after")
    def _slip_for_patterns(self) -> GrammarParams:
        if self.backend == "patterns" and self.slip is None:
            raise ValueError("backend 'patterns' needs a 'slip'")
        return self


#: The language asked for. British spellings are the offline speller's business (it accepts
#: them), and LanguageTool's own speller is off (below), so en-US costs British writers nothing.
LANGUAGE = "en-US"
#: LanguageTool rules that repeat ours, switched off in every request (the configuration's
#: `languagetool.disabled-rules` adds to them). Its speller is among them: the offline one
#: knows the draft's names and the user's vocabulary, and two findings for one typo help nobody.
DUPLICATES = (
    "MORFOLOGIK_RULE_EN_US",
    "EN_A_VS_AN",
    "ENGLISH_WORD_REPEAT_RULE",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
    "I_LOWERCASE",
    "UPPERCASE_SENTENCE_START",
    "COMMA_PARENTHESIS_WHITESPACE",
    "WHITESPACE_RULE",
    "IT_IS",
    "IT_S_ITS",
    "YOUR_YOU_RE",
    "YOUR",
)


@register
class Grammar(Check):
    kind = "grammar"
    Params = GrammarParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, GrammarParams)
        self.p = params
        self.finder = SLIPS[params.slip] if params.slip else None

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        if self.finder is not None:
            for part in parts:
                yield from self.finder(analysis, part)
            return
        outcome = _languagetool(analysis, parts, self.env.languagetool)
        if outcome is None:
            return  # not configured
        if isinstance(outcome, str):
            if self.p.report == "unavailable":
                at = parts[0].start if parts else 0
                yield Hit(at, at, {"reason": outcome})
            return
        if self.p.report == "matches":
            yield from outcome


def _languagetool(
    analysis: Analysis,
    parts: list[Part],
    settings: LanguageToolSettings | None,
) -> list[Hit] | str | None:
    """The hits of LanguageTool's matches, a reason string when it is unavailable, or None when
    none is configured. Memoised per draft so the two LanguageTool rules share one request."""
    key = f"languagetool:{parts[0].start if parts else 0}:{len(parts)}"
    if key in analysis.cache:
        cached: list[Hit] | str | None = analysis.cache[key]
        return cached
    result: list[Hit] | str | None
    if settings is None or not settings.url:
        result = None
    else:
        # Imported only when a server is configured: its HTTP and TLS modules are a tenth of
        # a one-draft run's start-up otherwise.
        from followup_lint.proofreading import languagetool as lt

        try:
            url = lt.server_url(settings.url, allow_public=settings.allow_public)
            client = lt.client_for(
                url,
                timeout=settings.timeout,
                language=LANGUAGE,
                disabled_rules=(*DUPLICATES, *settings.disabled_rules),
                proxy=settings.proxy,
            )
            texts = [part.text for part in parts]
            per_part = client.check(texts)
            result = _hits(analysis, parts, per_part)
        except lt.Unavailable as exc:
            result = f"LanguageTool ({settings.url}) was not used: {exc}. The offline checks ran."
    analysis.cache[key] = result
    return result


def _hits(analysis: Analysis, parts: list[Part], per_part: list[list[lt.LTMatch]]) -> list[Hit]:
    # Spelling matches from LanguageTool's other spelling rules (its main speller is off).
    ours = {(m.start, m.end) for m in misspellings(analysis, parts)}
    hits: list[Hit] = []
    for part, matches in zip(parts, per_part, strict=True):
        for m in matches:
            s, e = part.start + m.start, part.start + m.end
            if m.is_spelling and ((s, e) in ours or accepted_name(analysis, part, s, e)):
                continue  # a typo the offline speller reports already, or a name it accepts
            fixes = tuple(FixSpec(s, e, r, f"Replace with '{r}'") for r in m.replacements[:3])
            severity = Severity.INFO if m.issue_type == "style" else None
            hits.append(
                Hit(
                    s,
                    e,
                    {"lt_rule": m.rule_id, "lt_message": m.message},
                    fixes,
                    rule=f"lt:{m.rule_id}",
                    severity=severity,
                )
            )
    return hits
