"""MkDocs hook: links from a page to files outside docs/ (examples/, rules/, src/, ...) become
links to those files in the repository, so pages can point at example configurations and
`mkdocs build --strict` still checks every link inside the site."""

from __future__ import annotations

import re
from typing import Any

_OUTSIDE = re.compile(r"\]\((?:\.\./)+((?:examples|rules|src|fuzz|benchmarks|tests|editors|scripts)/[^)\s]*)\)")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    base = str(config["repo_url"]).rstrip("/") + "/blob/main/"
    return _OUTSIDE.sub(lambda m: f"]({base}{m.group(1)})", markdown)
