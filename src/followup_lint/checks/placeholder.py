"""`placeholder`: template markers left in the draft ("[Interviewer's Name]", "{{ company }}")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from followup_lint.checks import register
from followup_lint.checks._matching import regex_matches
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit
from followup_lint.safe_regex import compile_pattern

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

#: The markers templates use. Each is written to stay out of ordinary prose: a Markdown link
#: "[text](url)" and an address in angle brackets "<dana@acme.com>" are not placeholders.
DEFAULT_PATTERNS = (
    r"\[(?!sic\])[^\[\]\n]{0,60}[A-Za-z][^\[\]\n]{0,60}\](?!\()",  # [Interviewer's Name]
    r"\{\{[^{}\n]{0,80}\}\}",  # {{ name }}
    r"\{%[^\n]{0,80}%\}",  # {% if %}
    r"(?<![\w$])\{[A-Za-z_][\w ]{0,40}\}",  # {first_name}
    r"\$\{[^}\n]{1,40}\}",  # ${name}
    r"<(?![\w.+-]+@)(?!https?:)(?!/)[A-Z][A-Za-z' _-]{1,40}>",  # <Company>
    r"%[A-Z][A-Z_]{1,30}%",  # %FIRSTNAME%
    r"\bX{3,}\b|\bx{3,}\b",  # XXX
    r"\bTBD\b|\bTBA\b",
    r"_{4,}",  # ____ (a blank to fill in)
    r"\b(?:FIRST|LAST|COMPANY|JOB|POSITION|ROLE)_?(?:NAME|TITLE)\b",
)
#: Title-Case phrases that only a template would contain; matched case-sensitively.
DEFAULT_PHRASES = (
    "Hiring Manager Name",
    "Hiring Manager's Name",
    "Interviewer Name",
    "Interviewer's Name",
    "Company Name",
    "Your Name",
    "Job Title",
    "Position Title",
    "Position Name",
    "Insert Name",
    "Recipient Name",
    "Your Phone Number",
    "Your Email",
    "Date of Interview",
    "Specific Topic",
)


class PlaceholderParams(CheckParams):
    kind: Literal["placeholder"]
    #: Extra patterns on top of the defaults (or instead of them, with use_defaults: false).
    patterns: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    use_defaults: bool = True


@register
class Placeholder(Check):
    kind = "placeholder"
    Params = PlaceholderParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, PlaceholderParams)
        patterns = list(DEFAULT_PATTERNS) if params.use_defaults else []
        phrases = list(params.phrases)
        if params.use_defaults:
            phrases = [*DEFAULT_PHRASES, *phrases]
        if phrases:
            patterns.append(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
        # One alternation: a single pass over each part, whatever the number of markers. The
        # rule's own patterns are a second one, through compile_pattern: a user's run on RE2,
        # which cannot take the look-arounds of the defaults.
        self.regexes = [re.compile("|".join(f"(?:{p})" for p in patterns))] if patterns else []
        if params.patterns:
            self.regexes.append(compile_pattern("|".join(f"(?:{p})" for p in params.patterns)))

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        hits = sorted(regex_matches(self.regexes, parts), key=lambda h: (h[0], -h[1]))
        last_end = -1
        for s, e, m in hits:
            if s >= last_end:  # the two alternations may find the same marker
                last_end = e
                yield Hit(s, e, {"match": m.group()})
