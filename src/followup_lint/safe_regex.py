"""User-supplied regular expressions run on RE2, a linear-time engine.

A rule folder or a configuration override is data that anyone can hand a user, and Python's
`re` backtracks: `(a+)+$` on 32 "a"s and a "!" takes minutes, in the CLI, the sendmail gate and
the language server alike. So a pattern that does not come with followup-lint itself is compiled
by google-re2, whose matching time is linear in the text whatever the pattern, and whose memory
per pattern is capped. The built-in patterns stay on `re` (they use look-arounds and
back-references, and tests/robustness/test_regex_backtracking.py holds each of them to a time
bound on adversarial input).

A user pattern must be a valid Python regular expression (the syntax the rule docs describe) that
RE2 can run: no look-ahead or look-behind, no back-references, no possessive or atomic groups,
repetition counts up to 1000. `\\w`, `\\d`, `\\s` (and their negations) keep their Unicode meaning
in Python; `\\b` is an ASCII word boundary (RE2 has no Unicode one), see docs/security.md.

Which patterns are the user's is set around the check's constructor with `user_patterns(origin)`
(the Linter does it for every rule from a user folder, and for every rule whose patterns a
configuration overrides); `compile_pattern` is what a check kind calls to compile one.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from followup_lint.model.errors import ConfigError, FollowupLintError, RuleError

#: RE2's memory budget per pattern (its default); a pattern needing more is refused at load.
MAX_MEMORY = 8 << 20
#: The parameters of a check kind that hold regular expressions.
PATTERN_KEYS = frozenset({"patterns", "pattern"})

_origin: ContextVar[_Origin | None] = ContextVar("followup_lint_user_patterns", default=None)


class _Origin:
    """Where the patterns being compiled came from, for the error message."""

    __slots__ = ("error", "where")

    def __init__(self, where: str, error: type[FollowupLintError]) -> None:
        self.where = where
        self.error = error


@contextlib.contextmanager
def user_patterns(where: str | None, *, config: bool = False) -> Iterator[None]:
    """Patterns compiled inside this block are the user's (from `where`: a rule file, or a
    configuration file and key): RE2 runs them. `where=None` leaves the built-in engine."""
    if where is None:
        yield
        return
    token = _origin.set(_Origin(where, ConfigError if config else RuleError))
    try:
        yield
    finally:
        _origin.reset(token)


@lru_cache(maxsize=1024)
def _resolved(path: Path) -> Path:
    """`path.resolve()`, remembered: a Linter asks about every rule's file and the shipped
    folder, and each resolve is a few system calls (about 12 ms of a one-draft run)."""
    return path.resolve()


def user_pattern_origin(
    rule_path: Path,
    rule_id: str,
    override: Mapping[str, Any] | None,
    config_source: Path | None,
    builtin_dir: Path,
) -> tuple[str | None, bool]:
    """(where the rule's patterns come from, whether that is a configuration) — or (None, False)
    when they ship with followup-lint and `re` may run them."""
    if override and PATTERN_KEYS & set(override):
        return f"{config_source or 'configuration'}: key 'rules.{rule_id}'", True
    try:
        _resolved(rule_path).relative_to(_resolved(builtin_dir))
    except ValueError:
        return str(rule_path), False
    return None, False


def compiling_user_patterns() -> bool:
    """True inside `user_patterns`: the patterns compiled now are a user's, not built-in."""
    return _origin.get() is not None


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile one rule pattern: with `re` for the built-in rules, with RE2 for the user's
    (inside `user_patterns`). A pattern that is invalid, or that RE2 cannot run, raises a
    RuleError or ConfigError naming where it came from and the pattern."""
    origin = _origin.get()
    if origin is None:
        return re.compile(pattern, flags)
    return cast("re.Pattern[str]", LinearPattern(pattern, flags, origin))


def _quote(pattern: str) -> str:
    return repr(pattern if len(pattern) <= 120 else pattern[:117] + "...")


# -- Python syntax, RE2 meaning ---------------------------------------------------------------

# Python's Unicode classes spelt for RE2 (whose \w, \d, \s are ASCII). \w is str.isalnum() or
# "_"; \d is a decimal digit (Nd); \s is str.isspace().
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x0b\f\r\x1c-\x1f\x85\p{Z}"
_OUTSIDE = {
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "d": _DIGIT,
    "D": r"\P{Nd}",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "Z": r"\z",
}
_INSIDE = {"w": _WORD, "d": _DIGIT, "D": r"\P{Nd}", "s": _SPACE}


class _Untranslatable(Exception):
    pass


def to_re2(pattern: str) -> str:
    """The pattern in RE2 syntax with Python's meaning for \\w \\d \\s (and negations), \\Z and
    \\uXXXX; everything else is passed on for RE2 to accept or refuse."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = 0
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            if e in "uU":
                width = 4 if e == "u" else 8
                out.append(r"\x{" + pattern[i + 2 : i + 2 + width] + "}")
                i += 2 + width
                continue
            table = _INSIDE if in_class else _OUTSIDE
            if e in table:
                out.append(table[e])
            elif in_class and e in "WS":
                raise _Untranslatable(f"\\{e} inside [...]; write the negated class [^...]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            # "]" right after "[" or "[^" is a literal in both syntaxes.
            if c == "]" and i > class_start:
                in_class = False
            elif c == "[":
                out.append(r"\[")  # a literal in Python; RE2 would start "[:alpha:]"
                i += 1
                continue
        elif c == "{" and pattern[i + 1 : i + 2] == ",":
            out.append("{0")  # Python reads "{,3}" as "{0,3}"; RE2 as the literal text
            i += 1
            continue
        elif c == "[":
            in_class = True
            class_start = i + 1
            if pattern[class_start : class_start + 1] == "^":
                class_start += 1
            out.append(c)
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _why_not(reason: str) -> str:
    """RE2's refusal, said for a rule author."""
    if "invalid perl operator: (?<" in reason or "invalid perl operator: (?=" in reason:
        return "it uses a look-ahead or look-behind"
    if "invalid perl operator: (?!" in reason:
        return "it uses a negative look-ahead"
    if "invalid perl operator: (?>" in reason:
        return "it uses an atomic group"
    if "invalid escape sequence: \\" in reason and reason[-1:].isdigit():
        return "it uses a back-reference"
    if "invalid perl operator: (?P" in reason:
        return "it uses a back-reference by name, (?P=name)"
    if "invalid perl operator: (?x" in reason:
        return "it uses verbose mode, (?x)"
    if "bad repetition operator: *+" in reason or "++" in reason or "?+" in reason:
        return "it uses a possessive quantifier"
    if "invalid repetition size" in reason:
        return "it repeats something more than 1000 times"
    if "pattern too large" in reason:
        return "it is too large (RE2 caps the memory a pattern may use)"
    return reason


class LinearPattern:
    """A user pattern compiled by RE2, with the parts of `re.Pattern` that checks use.

    `pattern` and `flags` are the Python ones (the literal-prefix prefilter reads them);
    matching, and so the time it takes, is RE2's."""

    __slots__ = ("_rx", "flags", "pattern")

    def __init__(self, pattern: str, flags: int, origin: _Origin) -> None:
        where = f"{origin.where}: pattern {_quote(pattern)}"
        try:
            with warnings.catch_warnings():
                # "Possible nested set" and the like: advice for `re` users, not an error here.
                warnings.simplefilter("ignore", FutureWarning)
                re.compile(pattern, flags)
        except (re.error, OverflowError, RecursionError) as exc:
            raise origin.error(f"{where} is not a valid regular expression ({exc})") from None
        flags |= re.UNICODE
        inline = "".join(
            letter
            for letter, bit in (("i", re.IGNORECASE), ("m", re.MULTILINE), ("s", re.DOTALL))
            if flags & bit
        )
        unsupported = flags & (re.VERBOSE | re.ASCII)
        if unsupported:
            raise origin.error(f"{where}: verbose and ASCII flags are not supported here")
        try:
            translated = to_re2(pattern)
        except _Untranslatable as exc:
            raise origin.error(
                f"{where}: user patterns run on RE2, which cannot take {exc}"
            ) from None
        import re2  # here, not at the top: only a user's own patterns need it

        options = re2.Options()
        options.log_errors = False  # RE2 would print its own complaint on stderr
        options.max_mem = MAX_MEMORY
        try:
            self._rx = re2.compile(f"(?{inline}){translated}" if inline else translated, options)
        except re2.error as exc:
            reason = exc.args[0] if exc.args else ""
            if isinstance(reason, bytes):
                reason = reason.decode("utf-8", "replace")
            raise origin.error(
                f"{where}: user patterns run on RE2 so that no pattern can hang the linter, "
                f"and RE2 cannot run this one: {_why_not(str(reason))}"
            ) from None
        self.pattern = pattern
        self.flags = flags

    @property
    def groups(self) -> int:
        return self._rx.groups

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self._rx.groupindex

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._rx.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._rx.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._rx.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        return self._rx.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self._rx.findall(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self._rx.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        return self._rx.split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LinearPattern({self.pattern!r})"


__all__ = [
    "LinearPattern",
    "compile_pattern",
    "to_re2",
    "user_pattern_origin",
    "user_patterns",
]
