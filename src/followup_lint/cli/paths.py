"""Which files a `check` argument names: a file, a glob, a folder (its drafts), or `-`.

A folder stands for the drafts under it, as `ruff check .` and `vale .` work: files ending in
.txt, .md or .eml, skipping hidden folders and whatever the exclude patterns match. Patterns
are globs matched against the path relative to the folder given and against each file or
folder name (`drafts/old/*`, `*.bak.txt`, `archive`).
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from followup_lint.model.errors import InputError

#: The extensions a folder's drafts have.
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".eml")
#: Folders never searched: tools' caches and environments hold no drafts.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


def _excluded(rel: str, name: str, patterns: Sequence[str]) -> bool:
    rel = rel.replace(os.sep, "/")
    return any(
        fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p + "/*")
        for p in patterns
    )


def drafts_under(folder: Path, exclude: Sequence[str] = ()) -> list[str]:
    """The draft files under `folder`, sorted, hidden folders and excluded paths left out."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder):
        rel_root = os.path.relpath(root, folder)
        rel_root = "" if rel_root == "." else rel_root
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_FOLDERS
            and not _excluded(os.path.join(rel_root, d), d, exclude)
        )
        for name in sorted(files):
            if not name.lower().endswith(DRAFT_SUFFIXES) or name.startswith("."):
                continue
            if _excluded(os.path.join(rel_root, name), name, exclude):
                continue
            out.append(os.path.join(root, name))
    return out


def expand(
    paths: Iterable[str], exclude: Callable[[str], Sequence[str]] = lambda _folder: ()
) -> list[str]:
    """Files, in the order given: globs expanded, folders replaced by their drafts (without
    those matching `exclude(folder)`, the patterns that apply to that folder)."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif os.path.isdir(p):
            found = drafts_under(Path(p), exclude(p))
            if not found:
                raise InputError(
                    f"{p}: no drafts in this folder (looked for {', '.join(DRAFT_SUFFIXES)})"
                )
            out.extend(found)
        elif any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(f"{p}: no files match this pattern")
            out.extend(m for m in matches if os.path.isfile(m))
        else:
            out.append(p)
    # The same file named twice (a glob and a folder) is one draft.
    seen: set[str] = set()
    unique = []
    for p in out:
        key = p if p == "-" else os.path.realpath(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
