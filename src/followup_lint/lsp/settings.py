"""The editor's settings for the server, and how they change the configuration.

They come from `initializationOptions` and `workspace/didChangeConfiguration` (or a pull with
`workspace/configuration`, section "followup-lint"). Either a flat object or one nested under
"followup-lint" (or "followupLint") is accepted, keys in camelCase, kebab-case or snake_case:

    {"failOn": "warning", "select": ["subject"], "ignore": ["subject-vague"],
     "contextFile": "followup.toml", "languagetoolUrl": "http://localhost:8081",
     "debounce": 150}

Later settings override the initialization options key by key. A bad value is reported and
that key keeps the value it had before (from the initialization options, or the default); the
rest still apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from followup_lint.config import Config
from followup_lint.model.severity import FAIL_ON_CHOICES

SECTION = "followup-lint"
_SECTIONS = (SECTION, "followupLint", "followup_lint")
DEFAULT_DEBOUNCE_MS = 150
_MAX_DEBOUNCE_MS = 10_000
_KEYS = frozenset({"failon", "select", "ignore", "contextfile", "languagetoolurl", "debounce"})


@dataclass(frozen=True)
class Settings:
    fail_on: str | None = None
    #: None: the configuration file's `select`; a tuple replaces it.
    select: tuple[str, ...] | None = None
    #: Added to the configuration file's `ignore`.
    ignore: tuple[str, ...] = ()
    context_file: str | None = None
    languagetool_url: str | None = None
    #: Milliseconds to wait after the last change before linting (0 lints on every change).
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    def apply(self, config: Config, known: Iterable[str]) -> tuple[Config, list[str]]:
        """`config` with these settings laid over it, and a problem for each unknown rule name."""
        names = set(known)
        problems: list[str] = []

        def keep(key: str, values: tuple[str, ...]) -> tuple[str, ...]:
            unknown = [v for v in values if v not in names]
            if unknown:
                problems.append(f"setting '{key}': unknown rule or category {unknown[0]!r}")
            return tuple(v for v in values if v in names)

        update: dict[str, Any] = {}
        if self.select is not None:
            update["select"] = keep("select", self.select)
        if self.ignore:
            update["ignore"] = tuple(config.ignore) + keep("ignore", self.ignore)
        if self.fail_on:
            update["fail_on"] = self.fail_on
        if self.languagetool_url:
            update["languagetool"] = config.languagetool.model_copy(
                update={"url": self.languagetool_url}
            )
        return (config.model_copy(update=update) if update else config), problems

    def context_path(self, root: str | None) -> Path | None:
        """The context file setting as a path (a relative one is relative to the workspace)."""
        if not self.context_file:
            return None
        p = Path(self.context_file).expanduser()
        if not p.is_absolute() and root:
            p = Path(root) / p
        return p


def _norm(key: str) -> str:
    return re.sub(r"[-_]", "", key).lower()


def _names(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return tuple(x.strip() for x in value.split(",") if x.strip())
    if isinstance(value, list | tuple) and all(isinstance(x, str) for x in value):
        return tuple(x.strip() for x in value if x.strip())
    return None


def section(raw: Any) -> dict[str, Any] | None:
    """The part of a settings object that is ours: nested under our name, or a flat object
    with at least one of our keys. None when there is nothing of ours in it."""
    if not isinstance(raw, Mapping):
        return None
    for name in _SECTIONS:
        inner = raw.get(name)
        if isinstance(inner, Mapping):
            return dict(inner)
    if any(_norm(str(k)) in _KEYS for k in raw):
        return dict(raw)
    return None


def parse_settings(
    raw: Mapping[str, Any], base: Settings | None = None
) -> tuple[Settings, list[str]]:
    """Read our keys from `raw` over `base`; unknown keys are ignored (other tools' settings
    may share the object), bad values are returned as problems."""
    settings = base or Settings()
    problems: list[str] = []
    for key, value in raw.items():
        k = _norm(str(key))
        if value is None:
            continue
        if k == "failon":
            if value in FAIL_ON_CHOICES:
                settings = replace(settings, fail_on=value)
            else:
                problems.append(
                    f"setting 'failOn': {value!r} is not one of {', '.join(FAIL_ON_CHOICES)}"
                )
        elif k in ("select", "ignore"):
            names = _names(value)
            if names is None:
                problems.append(f"setting '{key}': give a list of rule ids or categories")
            else:
                settings = (
                    replace(settings, select=names)
                    if k == "select"
                    else replace(settings, ignore=names)
                )
        elif k == "contextfile":
            if isinstance(value, str):
                settings = replace(settings, context_file=value or None)
            else:
                problems.append("setting 'contextFile': give a path")
        elif k == "languagetoolurl":
            if isinstance(value, str) and (not value or re.match(r"^(https?://|local$)", value)):
                settings = replace(settings, languagetool_url=value or None)
            else:
                problems.append(
                    f"setting 'languagetoolUrl': {value!r} is not an http(s) URL or 'local'"
                )
        elif k == "debounce":
            if (
                isinstance(value, int | float)
                and not isinstance(value, bool)
                and 0 <= value <= _MAX_DEBOUNCE_MS
            ):
                settings = replace(settings, debounce_ms=int(value))
            else:
                problems.append(
                    f"setting 'debounce': {value!r} is not a number of milliseconds (0 to {_MAX_DEBOUNCE_MS})"
                )
    return settings, problems
