"""Grammar measurements (run: `python -m tests.proofreading.measure_grammar [--corpus DIR]`).

1. Correct text: findings of the grammar backends (rules of category proofreading other than
   `spelling`, and the confused-word rules of category spelling) per 1,000 words on the good
   drafts of examples/, the corpus drafts labelled free of spelling and grammar errors (when the
   corpus is there), and tests/proofreading/data/correct_sentences.txt. Each finding is listed.
2. A public grammar checker's own examples, two samples of LanguageTool's rule examples: the
   share of marked errors a proofreading or spelling finding overlaps, and the share of
   correct sentences with any such finding.
   - dev: tests/proofreading/data/lt_examples.txt, the first sample, tuned on;
   - fresh: tests/proofreading/data/lt_examples_fresh.txt, read at other places of the file,
     one error per rule as in the held-out sample. Its "tune" part may be tuned on; its
     "blind" part never is, so its misses and alarms are not printed (only the counts);
   - third: tests/proofreading/data/lt_examples_third.txt, ten more places of the file, drawn
     the same way, tuned on;
   - fourth: tests/proofreading/data/lt_examples_fourth.txt, drawn the same way at places none
     of the others touched: its "tune" part was read and may be tuned on; its "blind" part was
     drawn by a helper who reported only counts, and only its counts are printed;
   - fifth: tests/proofreading/data/lt_examples_fifth.txt, blind like the fourth's blind part,
     mostly from the part of the file that holds the short phrase rules;
   - sixth: tests/proofreading/data/lt_examples_sixth.txt, nine more places of the file none of
     the others touched, drawn the same way, tuned on;
   - seventh: tests/proofreading/data/lt_examples_seventh.txt, eleven more places of the file
     (offsets 970000 to 1670000) none of the others touched, drawn the same way, tuned on;
   - eighth: tests/proofreading/data/lt_examples_eighth.txt, windows the lead drew and tuned on
     (the sixth and seventh were drawn by helpers the same way);
   - ninth: tests/proofreading/data/lt_examples_ninth.txt, six more windows (offsets 116000 to
     714000) none of the others touched, drawn by a helper the same way, tuned on;
   - tenth: tests/proofreading/data/lt_examples_tenth.txt, six windows (offsets 876000 to
     1064000) a helper drew the same way and tuned on;
   - eleventh: tests/proofreading/data/lt_examples_eleventh.txt, seven more windows (offsets
     1154000 to 1436000, mostly collocation and confused-word rules) drawn by a helper the
     same way, tuned on;
   - twelfth: tests/proofreading/data/lt_examples_twelfth.txt, seven more windows (offsets
     1566000 to 1736000) a helper drew the same way and tuned on;
   - seventeenth: tests/proofreading/data/lt_examples_seventeenth.txt, eleven windows (offsets
     1930000 to the file's end) a helper read the same way: all of them are rules LanguageTool
     leaves off by default ("EU English", "Creative Writing"), so it holds no examples;
   - fourteenth: tests/proofreading/data/lt_examples_fourteenth.txt, 21 windows (offsets
     284000 to 1136000) overlapping tuned ones, only the rules no sample held, tuned on;
   - thirteenth: tests/proofreading/data/lt_examples_thirteenth.txt, nine windows (offsets 0 to
     212000, the "Possible Typo" rules at the start of the file) a helper drew the same way and
     tuned on;
   - fifteenth: tests/proofreading/data/lt_examples_fifteenth.txt, fourteen windows (offsets
     1224000 to 1764000) placed beside earlier ones, drawn by a helper the same way (only rules
     no other sample holds), tuned on;
   - sixteenth: tests/proofreading/data/lt_examples_sixteenth.txt, eight windows (offsets
     1796000 to 1914000, mostly categories off by default; its rules are the typography ones)
     a helper drew the same way and tuned on;
   - sibling: tests/proofreading/data/lt_examples_siblings.txt, the SECOND error example of each
     rule whose first one a tuned sample holds, read in thirteen windows tuned samples had read
     (offsets 100000 to 1702000): the held-out sample may draw any error of a rule, so this
     measures how often a sibling of a tuned example is caught. Never tuned on: only its counts
     are printed, even with --show-missed.
Each sentence is linted as the body of a short draft, with every rule on as by default.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from followup_lint import Linter
from tests.proofreading.short_draft import HEAD, TAIL

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
_MARK = re.compile(r"<m>(.*?)</m>")
PROOF = ("proofreading", "spelling")


#: The samples rules may be written against: (file, part, label), in the order printed.
TUNED = (
    ("lt_examples.txt", "all", "dev sample"),
    ("lt_examples_fresh.txt", "tune", "fresh sample (tune part)"),
    ("lt_examples_third.txt", "all", "third sample (tune)"),
    ("lt_examples_fourth.txt", "tune", "fourth sample (tune part)"),
    ("lt_examples_sixth.txt", "tune", "sixth sample (tune)"),
    ("lt_examples_seventh.txt", "tune", "seventh sample (tune)"),
    ("lt_examples_eighth.txt", "tune", "eighth sample (tune)"),
    ("lt_examples_ninth.txt", "tune", "ninth sample (tune)"),
    ("lt_examples_tenth.txt", "tune", "tenth sample (tune)"),
    ("lt_examples_eleventh.txt", "tune", "eleventh sample (tune)"),
    ("lt_examples_twelfth.txt", "tune", "twelfth sample (tune)"),
    ("lt_examples_seventeenth.txt", "tune", "seventeenth sample (tune)"),
    ("lt_examples_fourteenth.txt", "tune", "fourteenth sample (tune)"),
    ("lt_examples_thirteenth.txt", "tune", "thirteenth sample (tune)"),
    ("lt_examples_fifteenth.txt", "tune", "fifteenth sample (tune)"),
    ("lt_examples_sixteenth.txt", "tune", "sixteenth sample (tune)"),
)
#: The parts never read or tuned on: only their counts are printed.
BLIND = (
    ("lt_examples_fresh.txt", "blind", "fresh sample (blind part)"),
    ("lt_examples_fourth.txt", "blind", "fourth sample (blind part)"),
    ("lt_examples_fifth.txt", "blind", "fifth sample (blind)"),
)
#: Other error examples of rules a tuned sample holds, never tuned on: counts only, like BLIND.
SIBLING = (("lt_examples_siblings.txt", "sibling", "siblings of tuned rules (never tuned)"),)


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


def _sample(name: str) -> dict[str, list[tuple[str, str]]]:
    """The examples of a sample file by part ("# part: NAME" lines; "all" when none)."""
    parts: dict[str, list[tuple[str, str]]] = {}
    part = "all"
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# part:"):
            part = line.split(":", 1)[1].strip()
            # A part may hold no rules at all (a window of rules off by default).
            parts.setdefault(part, [])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        kind, sentence = line.split("\t", 1)
        parts.setdefault(part, []).append((kind, sentence))
    return parts


def public_examples(
    linter: Linter,
    label: str,
    examples: list[tuple[str, str]],
    *,
    show: bool = True,
    show_missed: bool = False,
) -> tuple[int, int, int, int]:
    """Lint each example; print the score (and, when `show`, each alarm; with `show_missed`
    too, each miss)."""
    caught = errors = alarms = correct = 0
    missed: list[str] = []
    for kind, sentence in examples:
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
                missed.append(sentence)
        elif kind == "C":
            correct += 1
            if findings:
                alarms += 1
                if show:
                    print(f"  alarm: {plain!r}: {[f.rule for f in findings]}")
    if show and show_missed:
        for sentence in missed:
            print(f"  missed: {sentence}")
    print(
        f"{label}: {caught}/{errors} marked errors caught ({caught / max(1, errors):.0%}), "
        f"alarms on {alarms}/{correct} correct sentences ({alarms / max(1, correct):.0%})"
    )
    return caught, errors, alarms, correct


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared" / "corpus")
    ap.add_argument(
        "--show-missed", action="store_true", help="list the misses of the tunable samples"
    )
    ap.add_argument(
        "--skip-blind", action="store_true", help="leave out the blind part (while tuning)"
    )
    args = ap.parse_args()
    linter = Linter()
    correct_text(linter, args.corpus if args.corpus.is_dir() else None)
    for file, part, label in TUNED:
        public_examples(
            linter,
            f"public examples, {label}",
            _sample(file)[part],
            show_missed=args.show_missed,
        )
    if args.skip_blind:
        return
    # The blind parts last, counts only: reading their misses would make them tuned samples.
    for file, part, label in BLIND + SIBLING:
        public_examples(linter, f"public examples, {label}", _sample(file)[part], show=False)


if __name__ == "__main__":
    main()
