"""Shared pieces of the robustness suite: hypothesis settings, a strict Linter, independent
position arithmetic.

Hypothesis settings are named profiles used by decorator, never loaded globally, so other test
modules keep their own. `ROBUST_PROFILE=random` explores new inputs on every run; the default,
`derandomized`, replays the same inputs (CI); `ROBUST_PROFILE=deep` runs many more examples.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, settings

from followup_lint import Config, Linter

ROOT = Path(__file__).resolve().parents[2]
CRASHES = Path(__file__).resolve().parent / "crashes"

_COMMON = {
    "deadline": None,  # one draft can take a while on a slow CI machine; speed is benchmarks'
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    "print_blob": True,
}
settings.register_profile("robust-derandomized", derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("robust-random", derandomize=False, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("robust-deep", derandomize=False, max_examples=5000, **_COMMON)  # type: ignore[arg-type]


def robust(max_examples: int) -> settings:
    """Settings for one property: the chosen profile, with this many examples (unless deep)."""
    name = os.environ.get("ROBUST_PROFILE", "derandomized")
    base = settings.get_profile(f"robust-{name}")
    if name == "deep":
        return base
    return settings(base, max_examples=max_examples)


@lru_cache(maxsize=1)
def strict_linter() -> Linter:
    """Every rule (default-off ones too), strict: a rule that raises fails the test."""
    return Linter(Config(select=("ALL",)), strict=True)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset, counted from scratch: a line ends at "\\n", "\\r\\n"
    or a lone "\\r"; an offset between "\\r" and "\\n" is still on the line they end."""
    line, col = 1, 1
    i = 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n" and i + 1 < offset:
            line, col = line + 1, 1
            i += 2
            continue
        if ch == "\n" or (ch == "\r" and not (i + 1 < len(text) and text[i + 1] == "\n")):
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


def positions(text: str) -> list[tuple[int, int]]:
    """`position` of every offset 0..len(text), in one pass (same rules, no shared code)."""
    out: list[tuple[int, int]] = []
    line, col = 1, 1
    for i, ch in enumerate(text):
        out.append((line, col))
        crlf_first = ch == "\r" and text[i + 1 : i + 2] == "\n"
        if ch == "\n" or (ch == "\r" and not crlf_first):
            line, col = line + 1, 1
        else:
            col += 1  # the "\r" of a CRLF counts as a column until its "\n" ends the line
    out.append((line, col))
    return out


PYTHON = sys.executable
