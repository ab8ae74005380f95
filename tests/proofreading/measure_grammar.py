"""Grammar measurements (run: `python -m tests.proofreading.measure_grammar [--corpus DIR]`).

1. Correct text: findings of the grammar backends (rules of category proofreading other than
   `spelling`, and the confused-word rules of category spelling) per 1,000 words on the good
   drafts of examples/, the corpus drafts labelled free of spelling and grammar errors (when the
   corpus is there), and tests/proofreading/data/correct_sentences.txt. Each finding is listed.
2. A public grammar checker's own examples (tests/proofreading/data/lt_examples.txt, a sample
   of LanguageTool's rule examples): the share of marked errors a proofreading or spelling
   finding overlaps, and the share of correct sentences with any such finding.
Each sentence is linted as the body of a short draft, with every rule on as by default.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from followup_lint import Linter

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
HEAD = "Subject: Thank you\n\nDear Ms. Raman,\n\n"
TAIL = "\n\nBest regards,\nLee Park"
_MARK = re.compile(r"<m>(.*?)</m>")
PROOF = ("proofreading", "spelling")


def _grammar(f: object) -> bool:
    rule = getattr(f, "rule", "")
    return (
        getattr(f, "category", "") in PROOF
        and rule != "spelling"
        and not rule.endswith("-unavailable")
    )


def correct_text(linter: Linter, corpus: Path | None) -> None:
    texts: list[tuple[str, str]] = [
        (str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "examples").glob("*/good.txt"))
    ]
    if corpus is not None and (corpus / "labels.tsv").is_file():
        with (corpus / "labels.tsv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["no_grammar_errors"] == "yes" and row["no_spelling_errors"] == "yes":
                    p = corpus / "drafts" / row["file"]
                    texts.append((p.name, p.read_text(encoding="utf-8")))
    for line in (DATA / "correct_sentences.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            texts.append(("sentence", HEAD + line + TAIL))
    words = 0
    found: list[str] = []
    for name, text in texts:
        words += len(text.split())
        for f in linter.lint(text).findings:
            if _grammar(f):
                found.append(f"  {name}: {f.rule}: {text[f.span.start : f.span.end]!r}")
    print(
        f"correct text: {len(texts)} texts, {words} words, {len(found)} grammar findings "
        f"({1000 * len(found) / max(1, words):.2f} per 1,000 words)"
    )
    print("\n".join(found))


def public_examples(linter: Linter) -> None:
    caught = errors = alarms = correct = 0
    missed: list[str] = []
    for line in (DATA / "lt_examples.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, sentence = line.split("\t", 1)
        m = _MARK.search(sentence)
        plain = _MARK.sub(r"\1", sentence)
        text = HEAD + plain + TAIL
        findings = [f for f in linter.lint(text).findings if f.category in PROOF]
        if kind == "E" and m is not None:
            errors += 1
            s = len(HEAD) + m.start()
            e = s + len(m.group(1))
            if any(f.span.start < e and s < max(f.span.end, f.span.start + 1) for f in findings):
                caught += 1
            else:
                missed.append(plain)
        elif kind == "C":
            correct += 1
            if findings:
                alarms += 1
                print(f"  alarm: {plain!r}: {[f.rule for f in findings]}")
    print(
        f"public examples: {caught}/{errors} marked errors caught ({caught / errors:.0%}), "
        f"alarms on {alarms}/{correct} correct sentences ({alarms / max(1, correct):.0%})"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared" / "corpus")
    args = ap.parse_args()
    linter = Linter()
    correct_text(linter, args.corpus if args.corpus.is_dir() else None)
    public_examples(linter)


if __name__ == "__main__":
    main()
