"""List the kind each of Harper's lints reports, for src/followup_lint/proofreading/
harper_rule_kinds.txt (run: `python -m tests.proofreading.harper_kinds > FILE-BODY`).

Every lint is switched on and run over the project's own texts (generated drafts, the rule
examples' sources in tests/proofreading/data) and the prose of the documentation installed on
the machine; each lint that fires is printed with the kinds it reported. A lint that never
fires is left out, and then runs as before (nothing is switched off on a guess).
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    out = [d.text for d in generate(600, 99)]
    for path in (ROOT / "tests" / "proofreading" / "data").glob("*.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(re.sub(r"</?m>", "", line.split("\t", 1)[-1]))
    return out + doc_prose()


def doc_prose() -> list[str]:
    """Paragraphs of the documentation installed on the machine (up to 60 a file)."""
    out: list[str] = []
    for path in Path("/usr/share/doc").rglob("*"):
        if path.suffix in (".md", ".txt", ".rst") and path.is_file():
            try:
                body = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            out += [p for p in re.split(r"\n\s*\n", body) if 8 <= len(p.split()) <= 400][:60]
    return out


def main() -> None:
    import harper

    linter = harper.Linter()
    linter.set_lint_config({name: True for name in linter.get_lint_config()})
    kinds: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for text in texts():
        for rule, lints in linter.organized_lints(text, language="plaintext").items():
            for lint in lints:
                kinds[rule][lint.lint_kind] += 1
    for rule in sorted(kinds):
        print(f"{rule}\t{','.join(sorted(kinds[rule]))}")


if __name__ == "__main__":
    main()
