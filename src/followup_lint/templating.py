"""Rule messages are Jinja2 templates, rendered in a sandbox with strict undefined variables.

The sandbox matters because rule folders can come from anywhere a user points the config at:
a template must not reach Python internals. Strict undefined turns a misspelt variable into an
error that the rule's own examples catch in the test suite, instead of a silent blank.

Jinja's sandbox keeps a template away from Python's internals but not from the machine's memory
and time: `{{ 'x'|center(1000000000) }}` allocates a gigabyte, `{% set a = a ~ a %}` thirty
times doubles a string into one, nested loops over a long match never end. So, on top of it:

- at load time, a template may use only what a message needs (output, `if`, one level of `for`,
  plain `set`, the filters in `ALLOWED_FILTERS`, the methods in `ALLOWED_METHODS`), and constant
  arguments that would build something huge are refused there and then;
- at render time, every filter, method, operator and `~` that can build a value checks its size
  before building it (`MAX_TEXT`), the values built in one rendering add up to at most `MAX_WORK`
  characters, loops make at most `MAX_ITERATIONS` turns in all, and the message is at most
  `MAX_TEXT` characters. Past a limit the rendering stops with a SecurityError (the Linter
  reports that rule as failed and runs the others).

Jinja's constant folding is switched off (`optimized=False`): it would run a filter with constant
arguments while the rule is being loaded, before any of these checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

_MAX_TEMPLATE = 4000  # characters; messages are a sentence or three
_MAX_REPEAT = 10_000  # characters "-" * n may make in a message: more is a bomb, not a sentence
#: The largest string or list a template may build, and the longest message.
MAX_TEXT = 100_000
#: The longest text value a message quotes whole; a longer one is quoted by its beginning.
MAX_QUOTE = 1_000
#: Characters built by filters, methods and operators in one rendering, added up.
MAX_WORK = 2_000_000
#: Loop turns in one rendering, all loops together.
MAX_ITERATIONS = 1_000
#: The widest width, indent, batch or slice count, or format field a template may ask for.
MAX_WIDTH = 1_000

#: Filters a message may use: what reshapes a word list or a number for a sentence. Left out:
#: attr (reaches attributes by name), random (a message must be reproducible), striptags and
#: urlize (backtracking regexes), tojson and pprint (an unbounded indent), xmlattr, safe.
ALLOWED_FILTERS = frozenset(
    {
        "abs", "batch", "capitalize", "center", "count", "d", "default", "dictsort", "e",
        "escape", "filesizeformat", "first", "float", "format", "groupby", "indent", "int",
        "items", "join", "last", "length", "list", "lower", "map", "max", "min", "plural",
        "reject", "rejectattr", "replace", "reverse", "round", "select", "selectattr", "slice",
        "sort", "string", "sum", "title", "trim", "truncate", "unique", "upper", "urlencode",
        "wordcount", "wordwrap",
    }
)  # fmt: skip
#: Methods a message may call: they return a value no larger than the one they are called on.
ALLOWED_METHODS = frozenset(
    {
        "upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip",
        "rstrip", "startswith", "endswith", "isalpha", "isdigit", "isupper", "islower",
        "isspace", "istitle", "isalnum", "isnumeric", "count", "find", "rfind", "index",
        "rindex", "split", "rsplit", "splitlines", "removeprefix", "removesuffix", "partition",
        "rpartition", "get", "items", "keys", "values", "cycle", "changed",
    }
)  # fmt: skip
#: Statements a message may contain.
_ALLOWED_STATEMENTS = (nodes.Output, nodes.If, nodes.For, nodes.Assign)
_REFUSED_STATEMENTS = {
    nodes.Macro: "macros",
    nodes.CallBlock: "call blocks",
    nodes.FilterBlock: "filter blocks",
    nodes.AssignBlock: "{% set %} blocks",
    nodes.Block: "blocks",
    nodes.Extends: "extends",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.With: "with",
    nodes.Scope: "scopes",
}
# A %-format field: flags, width, precision ("%-1000000000s", "%.*f").
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[a-zA-Z%]")


class _Budget:
    """What one rendering has spent so far."""

    __slots__ = ("iterations", "work")

    def __init__(self) -> None:
        self.work = 0
        self.iterations = 0


_budget: ContextVar[_Budget | None] = ContextVar("followup_lint_template_budget", default=None)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict)) else 0


def _spend(value: Any) -> Any:
    """Charge a built value to the rendering; refuse it when it or the total is too large."""
    size = _size(value)
    if size > MAX_TEXT:
        raise SecurityError(f"a message may not build text or lists past {MAX_TEXT} items")
    budget = _budget.get()
    if budget is not None:
        budget.work += size
        if budget.work > MAX_WORK:
            raise SecurityError(f"a message may not build more than {MAX_WORK} characters")
    return value


def _ahead(estimate: int) -> None:
    """Refuse, before it is built, a value that would be too large."""
    if estimate > MAX_TEXT:
        raise SecurityError(f"a message may not build text or lists past {MAX_TEXT} items")


def _width(value: Any, what: str) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise SecurityError(f"a message may not ask for {what} {value} (the limit is {MAX_WIDTH})")
    if isinstance(value, str) and len(value) > MAX_WIDTH:
        raise SecurityError(
            f"a message may not ask for a {what} of {len(value)} characters "
            f"(the limit is {MAX_WIDTH})"
        )


def _check_percent_format(fmt: str) -> None:
    for m in _PERCENT_FIELD.finditer(fmt):
        for number in m.groups():
            if number == "*":
                raise SecurityError("a message may not take a format width from a value ('*')")
            if number is not None and int(number) > MAX_WIDTH:
                raise SecurityError(f"a message may not format a field wider than {MAX_WIDTH}")


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value))


# -- bounded filters ----------------------------------------------------------------------------


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with its arguments checked before the call and its result charged after it."""

    def pre(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        value = args[0] if args else None
        rest = args[1:]

        def arg(i: int, key: str, default: Any = None) -> Any:
            return rest[i] if len(rest) > i else kwargs.get(key, default)

        if name == "center":
            _width(arg(0, "width", 80), "width")
        elif name == "indent":
            width = arg(0, "width", 4)
            _width(width, "indent")
            if isinstance(value, str):
                per_line = width if isinstance(width, int) else _size(width)
                _ahead(len(value) + (value.count("\n") + 1) * max(per_line, 0))
        elif name == "wordwrap":
            wrap = arg(2, "wrapstring", None) or "\n"
            _width(wrap, "wrapstring")
            width = arg(0, "width", 79)
            if isinstance(value, str) and isinstance(width, int) and width > 0:
                _ahead(len(value) + (len(value) // width + 1) * _size(wrap))
        elif name in ("batch", "slice"):
            _width(arg(0, "linecount" if name == "batch" else "slices", 1), f"{name} count")
        elif name == "format":
            if isinstance(value, str):
                _check_percent_format(value)
        elif name == "replace":
            old, new, count = arg(0, "old", ""), arg(1, "new", ""), arg(2, "count", None)
            if isinstance(value, str) and isinstance(old, str) and isinstance(new, str):
                times = value.count(old) if old else len(value) + 1
                if isinstance(count, int) and count >= 0:
                    times = min(times, count)
                _ahead(len(value) + times * max(len(new) - len(old), 0))
        elif name == "join":
            sep = arg(0, "d", "")
            if isinstance(value, (str, list, tuple)):
                total = _size(sep) * max(len(value) - 1, 0)
                _ahead(total)
                for item in value:
                    total += _text_len(item)
                    _ahead(total)
        elif name == "sum":
            start = arg(1, "start", 0)
            if not isinstance(start, (int, float)) or isinstance(start, bool):
                raise SecurityError("a message may sum numbers only")

    def guarded(*args: Any, **kwargs: Any) -> Any:
        pre(args, kwargs)
        return _spend(func(*args, **kwargs))

    # Keep Jinja's pass_context/pass_environment marker so the filter gets what it expects.
    pass_arg = getattr(func, "jinja_pass_arg", None)
    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]

        def guarded_passing(first: Any, *args: Any, **kwargs: Any) -> Any:
            pre(args, kwargs)
            return _spend(func(first, *args, **kwargs))

        guarded_passing.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
        return guarded_passing
    return guarded


def _loop_guard(iterable: Any) -> Iterator[Any]:
    """Every `for` loop's iterable passes through this (added to the tree at load time)."""
    budget = _budget.get()
    if _size(iterable) > MAX_TEXT:
        raise SecurityError(f"a message may not loop over more than {MAX_TEXT} items")
    for item in iterable:
        if budget is not None:
            budget.iterations += 1
            if budget.iterations > MAX_ITERATIONS:
                raise SecurityError(
                    f"a message's loops may not turn more than {MAX_ITERATIONS} times"
                )
        yield item


def _join_guard(items: Iterable[Any]) -> str:
    """`a ~ b ~ c` (added to the tree at load time in place of Jinja's unbounded join)."""
    parts = [str(x) for x in items]
    _ahead(sum(len(p) for p in parts))
    return str(_spend("".join(parts)))


def _bounded_concat(pieces: Iterable[str]) -> str:
    """The rendered output (and `{% set %}` blocks): consumed piece by piece, refused past
    MAX_TEXT, so that an endless loop of output stops at the limit."""
    token = _budget.set(_Budget()) if _budget.get() is None else None
    try:
        out: list[str] = []
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > MAX_TEXT:
                raise SecurityError(f"a message may not be longer than {MAX_TEXT} characters")
            out.append(piece)
        return "".join(out)
    finally:
        if token is not None:
            _budget.reset(token)


class _MessageEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox, plus bounds on what a template may build (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    concat = staticmethod(_bounded_concat)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("the ** operator is not allowed in a message")
        if operator == "*":
            seq = next((x for x in (left, right) if isinstance(x, (str, list, tuple))), None)
            times = next((x for x in (left, right) if isinstance(x, int)), None)
            if seq is not None and times is not None and len(seq) * times > _MAX_REPEAT:
                raise SecurityError(f"a message may not repeat text past {_MAX_REPEAT} characters")
        elif operator == "+":
            _ahead(_size(left) + _size(right))
        elif operator == "%" and isinstance(left, str):
            _check_percent_format(left)
        return _spend(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", None)
        if name not in ALLOWED_METHODS or getattr(__obj, "__self__", None) is None:
            raise SecurityError(f"a message may not call {name or type(__obj).__name__!r}")
        return _spend(super().call(__context, __obj, *args, **kwargs))


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    env = _MessageEnvironment(undefined=StrictUndefined, autoescape=False, optimized=False)
    env.filters["plural"] = lambda n, word="", suffix="s": word + ("" if n == 1 else suffix)
    for name in list(env.filters):
        if name in ALLOWED_FILTERS:
            env.filters[name] = _guard_filter(name, env.filters[name])
        else:
            del env.filters[name]
    env.filters["_loop_guard"] = _loop_guard
    env.filters["_join_guard"] = _join_guard
    # A message needs its variables and filters, not Jinja's helpers (range, cycler, joiner,
    # namespace, lipsum): fewer objects within reach of a hostile rule file.
    env.globals.clear()
    return env


# -- load time ----------------------------------------------------------------------------------


def _const(node: nodes.Node | None) -> Any:
    return node.value if isinstance(node, nodes.Const) else None


def _filter_arg(node: nodes.Filter, i: int, key: str) -> Any:
    if len(node.args) > i:
        return _const(node.args[i])
    return next((_const(kw.value) for kw in node.kwargs if kw.key == key), None)


def _check_filter(node: nodes.Filter) -> None:
    if node.name == "attr":  # attr("__class__") is the same reach by another name
        raise TemplateError("the attr filter is not allowed in a message")
    if node.name not in ALLOWED_FILTERS:
        raise TemplateError(f"the {node.name!r} filter is not allowed in a message")
    checks = {
        "center": (0, "width", "width"),
        "indent": (0, "width", "indent"),
        "batch": (0, "linecount", "batch count"),
        "slice": (0, "slices", "slice count"),
        "wordwrap": (2, "wrapstring", "wrapstring"),
    }
    try:
        if node.name in checks:
            i, key, what = checks[node.name]
            _width(_filter_arg(node, i, key), what)
        if node.name == "format" and isinstance(_const(node.node), str):
            _check_percent_format(_const(node.node))
        if node.name in ("map", "select", "reject") and node.args:
            used = _const(node.args[0])
            if node.name == "map" and isinstance(used, str) and used not in ALLOWED_FILTERS:
                raise SecurityError(f"the {used!r} filter is not allowed in a message")
    except SecurityError as exc:
        raise TemplateError(str(exc)) from None


def _check_node(node: nodes.Node, loops: int) -> None:
    for kind, what in _REFUSED_STATEMENTS.items():
        if isinstance(node, kind):
            raise TemplateError(f"a message may not use {what}")
    if isinstance(node, nodes.Stmt) and not isinstance(node, _ALLOWED_STATEMENTS):
        raise TemplateError(f"a message may not use {type(node).__name__} statements")
    if isinstance(node, nodes.For):
        if node.recursive:
            raise TemplateError("a message may not use recursive loops")
        if loops:
            raise TemplateError("a message may not nest loops")
    if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
        used = {n.name for n in node.node.find_all(nodes.Name)}
        if node.target.name in used:
            raise TemplateError(
                f"{{% set {node.target.name} %}} may not use {node.target.name} itself "
                "(a message does not grow a value step by step)"
            )
    if isinstance(node, nodes.Pow):
        raise TemplateError("the ** operator is not allowed in a message")
    if isinstance(node, nodes.Filter):
        _check_filter(node)
    if isinstance(node, nodes.Call):
        target = node.node
        if not isinstance(target, nodes.Getattr) or target.attr not in ALLOWED_METHODS:
            if isinstance(target, nodes.Getattr):
                raise TemplateError(f"a message may not call {target.attr!r}")
            called = target.name if isinstance(target, nodes.Name) else "a function"
            raise TemplateError(f"a message may not call functions ({called})")
    if isinstance(node, nodes.Mul):
        text, times = (_const(node.left), _const(node.right))
        if isinstance(times, str):
            text, times = times, text
        if isinstance(text, str) and isinstance(times, int) and len(text) * times > _MAX_REPEAT:
            raise TemplateError(f"a message may not repeat text past {_MAX_REPEAT} characters")
    if isinstance(node, nodes.Mod) and isinstance(_const(node.left), str):
        try:
            _check_percent_format(_const(node.left))
        except SecurityError as exc:
            raise TemplateError(str(exc)) from None
    name: Any = None
    if isinstance(node, nodes.Getattr):
        name = node.attr
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        name = node.arg.value
    if isinstance(name, str) and name.startswith("_"):
        raise TemplateError(
            f"the template reads {name!r}; a message may not use attributes that start with '_'"
        )
    if isinstance(node, nodes.For):
        # The body runs once per turn; the iterable, the filter and the else part do not.
        for child in (node.target, node.iter, *([node.test] if node.test else []), *node.else_):
            _check_node(child, loops)
        for child in node.body:
            _check_node(child, loops + 1)
        return
    for child in node.iter_child_nodes():
        _check_node(child, loops)


class _Guards(NodeTransformer):
    """Route every loop's iterable and every `~` through the bounded helpers."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "_loop_guard", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        items = nodes.List(list(node.nodes), lineno=node.lineno)
        return nodes.Filter(items, "_join_guard", [], [], None, None, lineno=node.lineno)


@lru_cache(maxsize=1024)
def compile_template(source: str) -> Template:
    """Compile a message template; raises jinja2.TemplateError on a bad one.

    Cached: the rule model's validator and the rule loader both compile each message, and a
    compiled Template is immutable and safe to share."""
    if len(source) > _MAX_TEMPLATE:
        raise TemplateError(f"template is {len(source)} characters; the limit is {_MAX_TEMPLATE}")
    env = environment()
    try:
        tree = env.parse(source)
        _check_node(tree, 0)
        tree = _Guards().visit(tree)
        return env.from_string(tree)
    except (RecursionError, SyntaxError, MemoryError):
        raise TemplateError("the template is nested too deeply") from None


def _quotable(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_QUOTE:
        return value[:MAX_QUOTE] + "…"
    return value


def render(template: Template, values: dict[str, Any]) -> str:
    """The message for these values, whitespace collapsed. A text value longer than MAX_QUOTE
    (a "word" of a million letters that the speller reports) is quoted by its beginning: the
    finding's span already says where all of it is."""
    token = _budget.set(_Budget())
    try:
        quoted = {k: _quotable(v) for k, v in values.items()}
        return " ".join(template.render(quoted).split())
    finally:
        _budget.reset(token)


__all__ = ["MAX_TEXT", "SecurityError", "TemplateError", "compile_template", "render"]
