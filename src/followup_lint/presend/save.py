"""`--save-blocked DIR`: a copy of every message that was not delivered."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from followup_lint.atomic import create_new


class SaveError(Exception):
    """The copy could not be written; the text says why."""


def save_copy(folder: str, data: bytes) -> Path:
    """Write `data` to a new file in `folder` (created, private, if missing), whole or not at
    all, never over another file."""
    if not folder.strip():
        raise SaveError("the folder name is empty")
    try:
        target_dir = Path(folder).expanduser()
    except RuntimeError:  # "~nosuchuser/x": the home folder of a user who does not exist
        user = folder[1:].split("/", 1)[0]
        raise SaveError(
            f"{folder!r} names the home folder of {user!r}, who is not a user here"
        ) from None
    try:
        target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        for _ in range(8):
            # 64 random bits make two messages in the same second land in different files.
            target = target_dir / f"blocked-{stamp}-{secrets.token_hex(8)}.eml"
            try:
                create_new(target, data)
            except FileExistsError:  # pragma: no cover - a collision of 64 random bits
                continue
            return target
        raise SaveError("no free file name")  # pragma: no cover
    except OSError as exc:
        raise SaveError(exc.strerror or str(exc)) from None
