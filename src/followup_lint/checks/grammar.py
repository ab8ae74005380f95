"""`grammar`: the grammar backends behind one check kind.

A rule names its backend, and every backend answers the same question (`GrammarBackend.run`:
the hits in these parts, or the reason it could not be used):

- `patterns`: one named slip from `followup_lint.proofreading.slips` (a/an, a repeated word,
  lower-case "i", ...), always there, offline;
- `harper`: Harper, an offline grammar engine (`followup_lint.proofreading.harper_backend`);
  `group: grammar` reports its grammar lints as `harper:<lint>`, `group: words` its
  confused-word lints, and the first Harper rule to run reports `harper-unavailable` (info) once
  when the engine is missing or failing;
- `languagetool`: the configured LanguageTool server; `report: matches` turns its matches into
  findings with ids `lt:<rule id>`, and `report: unavailable` is the one info finding that says
  LanguageTool was configured but could not be used. Both share one request per draft
  (memoised in the Analysis), so the server is asked once whichever rule runs first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, Protocol

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
    "looking-forward-to",
    "capital-pronoun",
    "double-determiner",
    "a-lot-of",
    "object-pronoun-subject",
    "progressive-since",
    "one-with-plural",
    "comma-splice",
    "time-apostrophe",
    "there-is-plural",
    "comparative-than",
    "plural-subject-verb",
    "introductory-clause-comma",
    "unclosed-aside",
    "fused-sentence",
    "noun-form-as-verb",
    "missing-be",
    "contraction-space",
    "quantifier-singular",
    "compound-modifier",
    "singular-subject-verb",
    "sound-alike-phrase",
    "split-compound",
    "wrong-preposition",
    "agreement-slip",
    "verb-form-after-auxiliary",
    "since-duration",
    "real-word-typo",
    "adverb-before-noun",
    "missing-the",
    "article-before-possessive-name",
    "present-with-past-time",
    "missing-article",
    "ligature",
    "weekday-date",
]


class GrammarParams(CheckParams):
    kind: Literal["grammar"]
    backend: Literal["patterns", "harper", "languagetool"] = "patterns"
    #: Which slip (backend: patterns).
    slip: Slip | None = None
    #: Which of Harper's lints (backend: harper): grammar, or a real word for another.
    group: Literal["grammar", "words"] = "grammar"
    #: English dialect Harper checks against (backend: harper).
    dialect: Literal["american", "british", "canadian", "australian", "indian"] = "american"
    #: What to report (backend: languagetool): its matches, or that it could not be used.
    report: Literal["matches", "unavailable"] = "matches"

    @model_validator(mode="after")
    def _slip_for_patterns(self) -> GrammarParams:
        if self.backend == "patterns" and self.slip is None:
            raise ValueError("backend 'patterns' needs a 'slip'")
        return self


class GrammarBackend(Protocol):
    """What every grammar engine offers the check: hits within `parts` (draft offsets).
    An engine that cannot be used reports it in its own hits (an info finding, once per
    draft) and never raises: the rest of the report stays whole."""

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]: ...


class _Patterns:
    def __init__(self, p: GrammarParams, env: CompileEnv) -> None:
        assert p.slip is not None
        self.finder = SLIPS[p.slip]

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        for part in parts:
            yield from self.finder(analysis, part)


class _Harper:
    def __init__(self, p: GrammarParams, env: CompileEnv) -> None:
        self.group = p.group
        self.dialect = p.dialect
        # Compiled only when the rule is on: start building Harper now, in the background, so
        # that its second of start-up overlaps with the rest of the Linter's. (Imported here:
        # a rule set with Harper off never loads its modules.)
        from followup_lint.proofreading.harper_engine import engine as harper_engine

        harper_engine(p.dialect).prebuild()

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        from followup_lint.proofreading.harper_backend import harper_hits

        return iter(harper_hits(analysis, parts, self.group, self.dialect))


class _LanguageTool:
    def __init__(self, p: GrammarParams, env: CompileEnv) -> None:
        self.report = p.report
        self.settings = env.languagetool

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        outcome = _languagetool(analysis, parts, self.settings)
        if outcome is None:
            return  # not configured
        if isinstance(outcome, str):
            if self.report == "unavailable":
                at = parts[0].start if parts else 0
                yield Hit(at, at, {"reason": outcome})
            return
        if self.report == "matches":
            yield from outcome


_BACKENDS: dict[str, type[_Patterns] | type[_Harper] | type[_LanguageTool]] = {
    "patterns": _Patterns,
    "harper": _Harper,
    "languagetool": _LanguageTool,
}


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
        self.backend: GrammarBackend = _BACKENDS[params.backend](params, env)

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        return self.backend.run(analysis, parts)


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
