"""`required`: something the draft must have (a subject, a sign-off, contact details, a phrase)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from followup_lint import regex_cache
from followup_lint.checks import register
from followup_lint.checks._matching import PhraseSet, compile_patterns, regex_matches
from followup_lint.checks.base import Check, CheckParams, CompileEnv, Hit
from followup_lint.reading import lexicon

if TYPE_CHECKING:
    from followup_lint.analysis.core import Analysis
    from followup_lint.reading.draft import Part

Need = Literal[
    "content",  # the scope has any text at all (subject-missing, greeting missing, ...)
    "contact",  # a phone number, an email address or a profile link
    "name",  # a line that reads as a person's name (a signature)
    "phrase",  # one of `phrases` or `patterns`
]

ContactKind = Literal["phone", "email", "profile", "url"]
_DEFAULT_CONTACTS: tuple[ContactKind, ...] = ("phone", "email", "profile")

# A name line: one to four capitalised words, no digits, no @.
_NAME_LINE = regex_cache.compile(
    r"^[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t\r]*$", re.M
)


class RequiredParams(CheckParams):
    kind: Literal["required"]
    need: Need
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    ignore_case: bool = True
    #: Which contact details count, for need: contact.
    contact_kinds: list[ContactKind] = Field(default_factory=lambda: list(_DEFAULT_CONTACTS))
    #: Where to point when the thing is missing: the start of the scope, or its end.
    anchor: Literal["start", "end"] = "start"
    #: When the scope itself is absent (no subject at all): report it, or leave that to the
    #: rule whose job it is (subject-missing) and stay silent.
    when_absent: Literal["report", "skip"] = "report"

    @model_validator(mode="after")
    def _phrases_for_phrase(self) -> RequiredParams:
        if self.need == "phrase" and not (self.phrases or self.patterns):
            raise ValueError("need: phrase requires 'phrases' or 'patterns'")
        return self


@register
class Required(Check):
    kind = "required"
    Params = RequiredParams

    def __init__(self, params: CheckParams, env: CompileEnv) -> None:
        super().__init__(params, env)
        assert isinstance(params, RequiredParams)
        self.p = params
        self.phrases = PhraseSet(params.phrases)
        self.patterns = compile_patterns(params.patterns, ignore_case=params.ignore_case)

    def _present(self, analysis: Analysis, parts: list[Part]) -> bool:
        need = self.p.need
        if need == "content":
            return any(p.text.strip() for p in parts)
        if need == "contact":
            return _has_contact(analysis, parts, self.p.contact_kinds)
        if need == "name":
            draft = analysis.draft
            # The parser typed the signature's lines; a name slot ("[Your Name]") counts.
            if any(line.kind == "name" for line in draft.signature_lines):
                return True
            for part in parts:
                if any(s.stands_for in _NAME_SLOTS for s in draft.slots_in(part)):
                    return True
            names = {n.lower() for n in analysis.context.names()}
            for part in parts:
                for m in _NAME_LINE.finditer(part.text):
                    line = m.group().strip()
                    if line.lower() in names or (len(line.split()) >= 1 and not _is_closing(line)):
                        return True
            return False
        if any(True for _ in self.phrases.matches(analysis, parts)):
            return True
        return any(True for _ in regex_matches(self.patterns, parts, analysis))

    def run(self, analysis: Analysis, parts: list[Part]) -> Iterator[Hit]:
        # An empty "Subject:" line is as absent as none: subject-missing reports it once.
        if self.p.when_absent == "skip" and not any(p.text.strip() for p in parts):
            return
        if self._present(analysis, parts):
            return
        draft = analysis.draft
        if parts:
            at = parts[0].start if self.p.anchor == "start" else parts[-1].end
            end = parts[0].end if self.p.anchor == "start" else parts[-1].end
            yield Hit(at, end, {"need": self.p.need})
            return
        # Nothing in scope: point at the end of the sender's text, or the start of the draft.
        own = draft.parts("whole")
        if self.p.anchor == "end" and own:
            yield Hit(own[-1].end, own[-1].end, {"need": self.p.need})
        else:
            first = own[0].start if own else 0
            yield Hit(first, first, {"need": self.p.need})


_NAME_SLOTS = frozenset({"sender_name", "name"})
_LINE_KINDS = {"phone": "phone", "email": "email", "profile": "profile"}


def _has_contact(analysis: Analysis, parts: list[Part], kinds: list[ContactKind]) -> bool:
    """A phone, email or profile link in the scope, as found by the contact finder, as a
    signature line the parser typed ("555 0190 4417" alone under the name), or as a slot for
    one ("[Your Phone Number]", "Your contact info")."""
    if any(c.kind in kinds for c in analysis.contacts):
        return True
    draft = analysis.draft
    if any(_LINE_KINDS.get(line.kind) in kinds for line in draft.signature_lines):
        return True
    return any(s.stands_for == "contact" for p in parts for s in draft.slots_in(p))


def _is_closing(line: str) -> bool:
    return line.strip(" ,.!").lower() in lexicon.closings()
