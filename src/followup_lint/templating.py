"""Rule messages are Jinja2 templates, rendered in a sandbox with strict undefined variables.

The sandbox matters because rule folders can come from anywhere a user points the config at:
a template must not reach Python internals. Strict undefined turns a misspelt variable into an
error that the rule's own examples catch in the test suite, instead of a silent blank.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

_MAX_TEMPLATE = 4000  # characters; messages are a sentence or three
_MAX_REPEAT = 10_000  # characters "-" * n may make in a message: more is a bomb, not a sentence


class _MessageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, plus a bound on `*`: the sandbox itself lets `'x' * 10**9` allocate a GB."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("the ** operator is not allowed in a message")
        seq = next((x for x in (left, right) if isinstance(x, (str, list, tuple))), None)
        times = next((x for x in (left, right) if isinstance(x, int)), None)
        if seq is not None and times is not None and len(seq) * times > _MAX_REPEAT:
            raise SecurityError(f"a message may not repeat text past {_MAX_REPEAT} characters")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = _MessageEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters["plural"] = lambda n, word="", suffix="s": word + ("" if n == 1 else suffix)
    # A message needs its variables and filters, not Jinja's helpers (range, cycler, joiner,
    # namespace, lipsum): fewer objects within reach of a hostile rule file.
    env.globals.clear()
    return env


def _check_safe(source: str) -> None:
    """Refuse, when the rule is loaded, what the sandbox would only refuse when a message is
    rendered: private and dunder attributes (`''.__class__.__mro__`) and the ** operator."""
    tree = environment().parse(source)
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Pow, nodes.Filter)):
        if isinstance(node, nodes.Pow):
            raise TemplateError("the ** operator is not allowed in a message")
        if isinstance(node, nodes.Filter):
            if node.name == "attr":  # attr("__class__") is the same reach by another name
                raise TemplateError("the attr filter is not allowed in a message")
            continue
        if isinstance(node, nodes.Getattr):
            name: Any = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value
        else:
            continue
        if isinstance(name, str) and name.startswith("_"):
            raise TemplateError(
                f"the template reads {name!r}; a message may not use attributes that start with '_'"
            )


@lru_cache(maxsize=1024)
def compile_template(source: str) -> Template:
    """Compile a message template; raises jinja2.TemplateError on a bad one.

    Cached: the rule model's validator and the rule loader both compile each message, and a
    compiled Template is immutable and safe to share."""
    if len(source) > _MAX_TEMPLATE:
        raise TemplateError(f"template is {len(source)} characters; the limit is {_MAX_TEMPLATE}")
    _check_safe(source)
    return environment().from_string(source)


def render(template: Template, values: dict[str, Any]) -> str:
    return " ".join(template.render(values).split())


__all__ = ["TemplateError", "compile_template", "render"]
