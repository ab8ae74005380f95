"""Which of Harper's switched-off lints would earn their place (run:
`python -m tests.proofreading.audit_harper [--corpus DIR] [--show RULE ...]`).

For every lint that `harper_lints.toml` drops (by its kind or by name), Harper is run with all
its lints on over
- the marked errors of the samples that may be tuned on (dev, fresh tune part, third): a catch
  is a lint of that rule overlapping the marked words;
- correct text: the correct sentences of all the LanguageTool samples (the blind part's are
  counted, never printed), tests/proofreading/data/correct_sentences.txt, the good drafts of
  examples/, the corpus drafts labelled free of errors, and about 50,000 words of correct prose
  (the licence texts in /usr/share/common-licenses and the two guidance articles).
It prints one line per lint with catches or correct-text findings: catches, findings on the
LanguageTool correct sentences, on our correct text, and on the prose (per 50,000 words).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

import harper

from followup_lint.proofreading.harper_engine import mapping

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
_MARK = re.compile(r"<m>(.*?)</m>")
PROSE = [
    *sorted(Path("/usr/share/common-licenses").glob("*")),
    *sorted((ROOT.parent.parent / "shared" / "seeds").glob("*.txt")),
]


def _lines(name: str) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    part = "all"
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# part:"):
            part = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            kind, sentence = line.split("\t", 1)
            out.append((part, kind, sentence))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared" / "corpus")
    ap.add_argument("--show", nargs="*", default=[], help="print the texts these lints flag")
    args = ap.parse_args()
    linter = harper.Linter(harper.Dialect.AMERICAN)
    linter.set_lint_config({k: True for k in linter.get_default_lint_config()})
    table = mapping()
    show = set(args.show)

    def lints(text: str) -> list[tuple[str, str, int, int, str]]:
        out = []
        for rule, found in linter.organized_lints(text, language="plaintext").items():
            for lint in found:
                if table.group_of(rule, lint.lint_kind) is None or not table.keeps(
                    rule, lint.problem_text
                ):
                    out.append(
                        (rule, lint.lint_kind, lint.span.start, lint.span.end, lint.problem_text)
                    )
        return out

    kinds: dict[str, str] = {}
    catches: Counter[str] = Counter()
    lt_alarms: Counter[str] = Counter()
    ours: Counter[str] = Counter()
    prose: Counter[str] = Counter()
    samples = [
        *(("dev", k, s) for _, k, s in _lines("lt_examples.txt")),
        *((p, k, s) for p, k, s in _lines("lt_examples_fresh.txt")),
        *(("third", k, s) for _, k, s in _lines("lt_examples_third.txt")),
    ]
    for part, kind, sentence in samples:
        plain = _MARK.sub(r"\1", sentence)
        found = lints(plain)
        if kind == "E" and part != "blind":
            m = _MARK.search(sentence)
            if m is None:
                continue
            s = m.start()
            e = s + len(m.group(1))
            for rule in {r for r, k, a, b, _ in found if a < e and s < max(b, a + 1)}:
                catches[rule] += 1
                if rule in show:
                    print(f"  catch {rule}: {sentence}")
        elif kind == "C":
            for rule in {r for r, *_ in found}:
                lt_alarms[rule] += 1
                if rule in show and part != "blind":
                    print(f"  LT alarm {rule}: {plain}")
        for r, k, *_ in found:
            kinds[r] = k
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*/good.txt"))]
    labels = args.corpus / "labels.tsv"
    if labels.is_file():
        with labels.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["no_grammar_errors"] == "yes" and row["no_spelling_errors"] == "yes":
                    texts.append((args.corpus / "drafts" / row["file"]).read_text(encoding="utf-8"))
    texts += [
        line
        for line in (DATA / "correct_sentences.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for text in texts:
        for r, k, a, b, p in lints(text):
            ours[r] += 1
            kinds[r] = k
            if r in show:
                print(f"  ours {r}: {p!r} in {text[max(0, a - 40) : b + 40]!r}")
    words = 0
    for path in PROSE:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        for para in re.split(r"\n\s*\n", text):
            for r, k, a, b, p in lints(para):
                prose[r] += 1
                kinds[r] = k
                if r in show:
                    print(f"  prose {r}: {p!r} in {para[max(0, a - 40) : b + 40]!r}")
    print(f"prose: {words} words; columns: catches (dev+tune+third), LT correct, ours, prose/50k")
    rules = sorted(
        set(catches) | set(lt_alarms) | set(ours) | set(prose), key=lambda r: (-catches[r], r)
    )
    for r in rules:
        print(
            f"{r:40s} {kinds.get(r, '?'):15s} {catches[r]:3d} {lt_alarms[r]:3d} {ours[r]:3d} "
            f"{prose[r] * 50000 / max(1, words):6.1f}"
        )


if __name__ == "__main__":
    main()
