"""The rule file format: one YAML file per rule, validated by a pydantic model.

The `check` field is a union of every registered check kind's parameter model, keyed by its
`kind`; the model is built after the registry is loaded so plug-in kinds validate too. The same
model exports `rules/schema.json` for editors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from followup_lint.checks import registry
from followup_lint.guidance import GUIDANCE
from followup_lint.model.kinds import KINDS, MessageKind
from followup_lint.model.severity import Severity

Scope = Literal["subject", "greeting", "body", "closing", "signature", "message", "whole"]
CATEGORIES = (
    "subject",
    "personalization",
    "concision",
    "contact",
    "tone",
    "courtesy",
    "proofreading",
    "content",
    "timing",
)
_ID_RE = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
#: What a rule may need from the trained English pipeline (analysis/nlp.py COMPONENTS says which
#: spaCy components each takes). A rule that needs none never makes the Linter import spaCy.
Need = Literal["tagger", "parser", "lemmatizer", "ner"]


class Example(BaseModel):
    """A draft (or a fragment of one) with the context it is linted in."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    #: Context keys, as in a context file (company, interviewers, interviewed_at, ...).
    context: dict[str, Any] = Field(default_factory=dict)
    #: Lint the text as this format ("text", "markdown", "eml").
    format: Literal["text", "markdown", "eml"] = "text"
    note: str | None = None


def _example(v: Any) -> Any:
    return {"text": v} if isinstance(v, str) else v


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    trigger: list[Example] = Field(min_length=1)
    pass_: list[Example] = Field(alias="pass", min_length=1)

    @field_validator("trigger", "pass_", mode="before")
    @classmethod
    def _strings(cls, v: Any) -> Any:
        return [_example(x) for x in v] if isinstance(v, list) else v


class RuleBase(BaseModel):
    """Every field of a rule file except `check` (added per registry in `rule_model()`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_ID_RE, max_length=60)
    category: str = Field(pattern=_ID_RE)
    severity: Severity
    kinds: Literal["all"] | list[MessageKind] = "all"
    scope: Scope
    message: str = Field(min_length=1)
    guidance: list[str] = Field(min_length=1)
    description: str = Field(min_length=1)
    #: Longer docs text: why the rule exists, in our words, and how to fix what it finds.
    why: str | None = None
    #: Its fixes are safe to apply without a look (`check --fix`); otherwise they are offered.
    safe_fix: bool = False
    #: Off unless selected by id or category (slow, or opinionated).
    default_enabled: bool = True
    #: Drop this rule's finding when a rule of another category reports exactly the same words
    #: (the spelling rule yields to `slang` on "sooo", which explains the problem better).
    yields: bool = False
    #: The trained pipeline's components this rule reads (part-of-speech tags, the dependency
    #: parse, lemmas, named entities). The Linter loads the union over the enabled rules, and
    #: nothing (no spaCy) when that is empty; a rule whose needs cannot be met is skipped with
    #: a notice.
    needs: list[Need] = Field(default_factory=list)
    examples: Examples

    @field_validator("guidance")
    @classmethod
    def _known_guidance(cls, v: list[str]) -> list[str]:
        unknown = [g for g in v if g not in GUIDANCE]
        if unknown:
            raise ValueError(f"unknown guidance id(s) {unknown}; see GUIDANCE.md")
        return v

    @field_validator("message")
    @classmethod
    def _template_compiles(cls, v: str, info: ValidationInfo) -> str:
        if info.context and info.context.get("templates_checked"):
            # The same file compiled cleanly on an earlier run (rulebook's on-disk cache says
            # so); its template is compiled when the rule first reports something.
            return v
        # Imported here, not at the top: a rule set whose templates compiled on an earlier run
        # (the usual case) never needs jinja2 to load.
        from followup_lint.templating import TemplateError, compile_template

        try:
            compile_template(v)
        except TemplateError as exc:
            raise ValueError(f"message template does not compile: {exc}") from None
        return v

    @model_validator(mode="after")
    def _kinds_known(self) -> RuleBase:
        if isinstance(self.kinds, list) and not self.kinds:
            raise ValueError("kinds: give 'all' or at least one message kind")
        return self

    def applies_to(self, kind: str | None) -> bool:
        # A rule for particular kinds runs only when the kind is known to be one of them.
        return self.kinds == "all" or (kind is not None and kind in self.kinds)


@lru_cache(maxsize=1)
def rule_model() -> type[RuleBase]:
    """The Rule model with `check` as a discriminated union of the registered kinds."""
    # Sorted by kind name: the registry fills in import order, which differs between runs (a
    # test that imports one check module first), and the schema must not change with it.
    params = tuple(cls.Params for _, cls in sorted(registry().items()))
    check_type: Any = (
        Annotated[Union[params], Field(discriminator="kind")] if len(params) > 1 else params[0]  # noqa: UP007
    )
    model: type[RuleBase] = create_model("Rule", __base__=RuleBase, check=(check_type, ...))
    return model


def rule_schema() -> dict[str, Any]:
    """JSON Schema of a rule file, for editors (written to rules/schema.json)."""
    schema = rule_model().model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "followup-lint rule"
    return schema


KIND_NAMES = KINDS
ID_PATTERN = re.compile(_ID_RE)
