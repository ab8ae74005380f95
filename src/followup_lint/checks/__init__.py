"""The registry of check kinds.

Built-in kinds are the modules of this package, found and imported on first use, so adding a
kind is adding a module. Third-party kinds come from the `followup_lint.checks` entry-point group.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import threading

from followup_lint.checks.base import Check, CheckParams, CompileEnv, FixSpec, Hit
from followup_lint.plugins import plugin_entry_points

log = logging.getLogger(__name__)

_REGISTRY: dict[str, type[Check]] = {}
_loaded = False
_lock = threading.Lock()


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: make a check kind available to rule files by its `kind` name."""
    existing = _REGISTRY.get(cls.kind)
    if existing is not None and existing is not cls:
        raise ValueError(f"check kind {cls.kind!r} is registered twice ({existing} and {cls})")
    _REGISTRY[cls.kind] = cls
    return cls


def registry() -> dict[str, type[Check]]:
    """All check kinds by name (built-in modules and entry points), loaded once."""
    global _loaded
    with _lock:
        if not _loaded:
            for info in pkgutil.iter_modules(__path__):
                if info.name != "base" and not info.name.startswith("_"):
                    importlib.import_module(f"{__name__}.{info.name}")
            for ep in plugin_entry_points("followup_lint.checks"):
                try:
                    ep.load()  # the module registers its classes with @register
                except Exception as exc:  # a broken plug-in must not break the linter
                    log.warning("check plug-in %s failed to load: %s", ep.name, exc)
            _loaded = True
    # Sorted, so that the rule schema does not depend on which module happened to import a
    # check kind first (importing `functions` registers `python` before the others).
    return dict(sorted(_REGISTRY.items()))


__all__ = ["Check", "CheckParams", "CompileEnv", "FixSpec", "Hit", "register", "registry"]
