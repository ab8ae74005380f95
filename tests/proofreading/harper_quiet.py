"""List Harper's lints that never fire on any text we have (run: `python -m
tests.proofreading.harper_quiet`; harper-py prints some debug lines of its own, which are not
lint names). A measurement for the question whether to switch them off (docs/proofreading.md,
"What Harper costs"): they are kept on, because the blind samples showed them catching errors.

Every lint is switched on and run over Harper's own descriptions of its lints (which quote the
slips they catch), the tuned parts of LanguageTool's example samples in tests/proofreading/data
(never the blind parts, which measure what this list costs), the correct email sentences there,
600 generated drafts and the prose of the documentation installed on the machine. A lint that
reports nothing on any of them is printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts(descriptions: list[str]) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from tests.proofreading.harper_kinds import doc_prose
    from tests.proofreading.measure_grammar import _MARK, TUNED, _sample

    out = list(descriptions)
    out += [d.text for d in generate(600, 99)]
    for name, part, _label in TUNED:
        out += [_MARK.sub(r"\1", sentence) for _kind, sentence in _sample(name)[part]]
    data = ROOT / "tests" / "proofreading" / "data" / "correct_sentences.txt"
    out += [line for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out + doc_prose()


def main() -> None:
    import harper

    linter = harper.Linter(harper.Dialect.AMERICAN)
    every = dict(linter.get_lint_config())
    linter.set_lint_config({name: True for name in every})
    described = linter.get_lint_descriptions()
    descriptions = list(described.values()) if isinstance(described, dict) else []
    fired: set[str] = set()
    for text in texts(descriptions):
        for name, found in linter.organized_lints(text, language="plaintext").items():
            if found:
                fired.add(name)
    print(f"# {len(every) - len(fired)} of {len(every)} lints never fired")
    for name in sorted(set(every) - fired):
        print(name)


if __name__ == "__main__":
    main()
