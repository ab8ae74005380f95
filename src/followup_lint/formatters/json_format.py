"""`--format json`: one versioned object, validated against `schemas/report.schema.json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from followup_lint.model.report import JSON_VERSION, Report


def as_object(reports: Sequence[Report]) -> dict[str, Any]:
    return {"version": JSON_VERSION, "files": [r.to_dict() for r in reports]}


def render(reports: Sequence[Report], **_: object) -> str:
    return json.dumps(as_object(reports), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The published JSON Schema of this output."""
    text = (
        resources.files("followup_lint").joinpath("schemas/report.schema.json").read_text("utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded
