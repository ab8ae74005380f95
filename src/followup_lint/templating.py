"""Rule messages are Jinja2 templates, rendered in a sandbox with strict undefined variables.

The sandbox matters because rule folders can come from anywhere a user points the config at:
a template must not reach Python internals. Strict undefined turns a misspelt variable into an
error that the rule's own examples catch in the test suite, instead of a silent blank.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

_MAX_TEMPLATE = 4000  # characters; messages are a sentence or three


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters["plural"] = lambda n, word="", suffix="s": word + ("" if n == 1 else suffix)
    return env


@lru_cache(maxsize=1024)
def compile_template(source: str) -> Template:
    """Compile a message template; raises jinja2.TemplateError on a bad one.

    Cached: the rule model's validator and the rule loader both compile each message, and a
    compiled Template is immutable and safe to share."""
    if len(source) > _MAX_TEMPLATE:
        raise TemplateError(f"template is {len(source)} characters; the limit is {_MAX_TEMPLATE}")
    return environment().from_string(source)


def render(template: Template, values: dict[str, Any]) -> str:
    return " ".join(template.render(values).split())


__all__ = ["TemplateError", "compile_template", "render"]
