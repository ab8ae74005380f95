"""Where third-party check kinds and judgements come from: the installed distributions' entry
points, read once per process for both groups (`followup_lint.checks`, `followup_lint.functions`).

Reading them walks every installed distribution's metadata, a few milliseconds each time: the
two registries asking separately read it twice in every run.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import EntryPoints, entry_points
from typing import Any


@lru_cache(maxsize=1)
def _every_entry_point() -> Any:
    # Every group (Python 3.11 gives them as SelectableGroups, later ones as EntryPoints):
    # both have `select(group=...)`.
    return entry_points()


def plugin_entry_points(group: str) -> EntryPoints:
    """The entry points of one group, as `entry_points(group=group)` gives them."""
    found: EntryPoints = _every_entry_point().select(group=group)
    return found
