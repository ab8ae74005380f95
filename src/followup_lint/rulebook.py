"""Loading rule files: the built-in set shipped in the package, plus the user's folders.

YAML is read with `safe_load` (no Python tags), files are size-capped, and the first problem
stops the run with one line naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from followup_lint.checks import CheckParams
from followup_lint.model.errors import RuleError
from followup_lint.rule_model import RuleBase, rule_model

if TYPE_CHECKING:
    from jinja2 import Template

MAX_RULE_FILE = 256 * 1024  # bytes; a rule is a page of YAML at most
# libyaml's safe loader where PyYAML was built with it: the same safe constructors (Python tags
# are still refused) at about a tenth of the pure-Python parser's cost, which was most of the
# time a Linter took to build and so of the CLI's start-up.


def _safe_loader() -> Any:
    # Imported here: a run whose rule files are in the on-disk cache never parses YAML.
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


DOCS_BASE = "https://followup-lint.readthedocs.io/en/latest/rules/"
#: Limits checked on the YAML event stream before a document is built. Nesting: libyaml's
#: composer recurses per level and crashes the process (a segfault, not an exception) on
#: tens of thousands of "[". Values: a few nested anchors and aliases ("billion laughs") fit in a
#: small file but expand into more values than the machine can hold. A rule has about a hundred.
MAX_RULE_DEPTH = 64
MAX_RULE_VALUES = 100_000


def _check_yaml_shape(text: str, path: Path) -> None:
    """Refuse a document nested too deeply or expanding too far, without building it."""
    import yaml

    expanded: dict[str, int] = {}  # anchor -> values under it, aliases expanded
    stack: list[list[Any]] = [[None, 0]]  # [anchor, values so far] per open collection
    try:
        _walk_yaml_events(text, path, expanded, stack)
    except yaml.YAMLError as exc:
        # PyYAML 6.0.4+ refuses deep nesting itself ("exceeded maximum nesting depth"), before
        # our own count reaches its limit: say the same thing in the same words either way.
        if "nesting depth" in str(getattr(exc, "problem", "") or exc):
            raise RuleError(
                f"{path}: not a rule: nested more than {MAX_RULE_DEPTH} levels deep"
            ) from None
        raise


def _walk_yaml_events(
    text: str, path: Path, expanded: dict[str, int], stack: list[list[Any]]
) -> None:
    import yaml

    for event in yaml.parse(text, Loader=_safe_loader()):
        size = 0
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) > MAX_RULE_DEPTH:
                raise RuleError(
                    f"{path}: not a rule: nested more than {MAX_RULE_DEPTH} levels deep"
                )
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor:
                expanded[anchor] = size
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor:
                expanded[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            size = expanded.get(event.anchor or "", 1)
        stack[-1][1] += size
        if stack[-1][1] > MAX_RULE_VALUES:
            raise RuleError(
                f"{path}: not a rule: it expands to more than {MAX_RULE_VALUES} values "
                "(anchors and aliases nested too far)"
            )


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    """The shipped rule set: inside the installed package, or the repository's rules/. Worked
    out once per process: the Linter asks for every rule, and each answer resolves a path."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"  # an editable install runs from the source tree


@dataclass(frozen=True)
class Rule:
    """A validated rule and where it came from; its message template is compiled on first use
    (most rules report nothing on a given draft, and compiling 58 templates was a tenth of a
    one-draft run)."""

    spec: RuleBase
    path: Path

    @property
    def template(self) -> Template:
        # Imported here: jinja2 (0.02 s to import) is needed only once a rule reports.
        from followup_lint.templating import compile_template

        return compile_template(self.spec.message)  # cached per message

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def check(self) -> CheckParams:
        check: CheckParams = getattr(self.spec, "check")  # noqa: B009 - added by rule_model()
        return check

    @property
    def docs(self) -> str:
        return f"{DOCS_BASE}{self.spec.category}/{self.spec.id}/"


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for item in loc:
        if isinstance(item, int):
            out += f"[{item}]"
        else:
            out += f".{item}" if out else str(item)
    return out


def _error_line(path: Path, exc: ValidationError) -> str:
    errors = exc.errors()
    # A discriminated union reports the failing kind's name in the location; keep it (it says
    # which kind's parameters were checked) but drop pydantic's internal tags.
    err = errors[0]
    field = _loc(
        tuple(x for x in err["loc"] if not (isinstance(x, str) and x.startswith("function-")))
    )
    msg = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return f"{path}: field '{field or '(top level)'}': {msg}{more}"


def parse_rule(path: Path, data: Any, *, templates_checked: bool = False) -> Rule:
    """Validate one rule file's document. `templates_checked`: the loader knows this exact file
    compiled before (its cache says so), so the message template is not compiled now."""
    if not isinstance(data, dict):
        raise RuleError(f"{path}: a rule file must be a YAML mapping, not {type(data).__name__}")
    try:
        spec = rule_model().model_validate(data, context={"templates_checked": templates_checked})
    except ValidationError as exc:
        raise RuleError(_error_line(path, exc)) from None
    if path.stem != spec.id:
        raise RuleError(f"{path}: field 'id': '{spec.id}' must match the file name '{path.stem}'")
    return Rule(spec, path)


def _read_rule_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_RULE_FILE:
            raise RuleError(f"{path}: rule file is {size} bytes; the limit is {MAX_RULE_FILE}")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError(f"{path}: rule file is not UTF-8 text") from None
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file ({exc.strerror or exc})") from None


def _parse_yaml(text: str, path: Path) -> Any:
    import yaml

    try:
        _check_yaml_shape(text, path)
        return yaml.load(text, Loader=_safe_loader())  # a safe loader: no Python tags
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"{path}: not valid YAML{where}: {problem}") from None


def load_rule_file(path: Path) -> Rule:
    return parse_rule(path, _parse_yaml(_read_rule_text(path), path))


def _try_parse(text: str, path: Path) -> Any:
    # A file that fails to parse gives its error in its place; marshal cannot write an
    # exception, so a rule set with a broken file is never cached.
    try:
        return _parse_yaml(text, path)
    except RuleError as exc:
        return exc


def _parsed(files: list[tuple[Path, str]]) -> tuple[list[Any], bytes]:
    """The YAML documents of these rule files, from the on-disk cache when the same files (same
    paths, same contents, same package version) were parsed before. Only parsing is cached:
    every document is still validated, so a rule's errors read the same either way."""
    import hashlib

    from followup_lint.cache import load_or_build

    h = hashlib.blake2b(digest_size=16)
    for path, text in files:
        for part in (str(path).encode(), text.encode("utf-8")):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
    key = h.digest()
    data: list[Any] = load_or_build(
        "rules",
        key,
        lambda: [_try_parse(text, path) for path, text in files],
        check=lambda d: isinstance(d, list) and len(d) == len(files),
    )
    return data, key


def _rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RuleError(f"{folder}: rule folder not found")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(folders: Iterable[Path]) -> list[Rule]:
    """Every rule in the folders, in order; a duplicate id is an error naming both files."""
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    from followup_lint.cache import load_or_build, store

    files = [(path, _read_rule_text(path)) for folder in folders for path in _rule_files(folder)]
    documents, key = _parsed(files)
    # Set once this exact rule set has loaded cleanly: its templates compiled then.
    checked = load_or_build("rules-valid", key, lambda: False, check=lambda d: d is True)
    for (path, _text), data in zip(files, documents, strict=True):
        if isinstance(data, RuleError):
            raise data  # the first problem, in file order, as before the cache
        rule = parse_rule(path, data, templates_checked=checked)
        if rule.id in seen:
            raise RuleError(
                f"{path}: field 'id': '{rule.id}' is already defined in {seen[rule.id]}"
            )
        seen[rule.id] = path
        rules.append(rule)
    if not checked:
        store("rules-valid", key, True)
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """The shipped rules, loaded once per process."""
    return tuple(load_rules([builtin_rules_dir()]))
