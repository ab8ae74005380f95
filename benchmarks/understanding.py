"""What reading each sentence costs (analysis/sentences.py), beside a whole lint of the same draft.

    python benchmarks/understanding.py            # 300 generated drafts, 5 rounds
    python benchmarks/understanding.py --count 60 --rounds 3

For each generated draft (benchmarks/generate.py), in the same loop and interleaved so that the
machine's load hits both alike: CPU time of `Analysis.reading` on a fresh Analysis (the
per-sentence acts, details, sincerity; nothing else), and CPU time of a whole `Linter.lint` of
the draft with a reused Linter. Prints the medians, scaled to a 150-word body, and whether
spaCy was imported by the reading itself (it must not be).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from followup_lint import Config, Linter
from followup_lint.analysis.core import Analysis
from followup_lint.model.context import Context
from followup_lint.reading.sources import read_draft


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()

    had_spacy = "spacy" in sys.modules
    drafts = [read_draft(d.text) for d in generate(a.count)]
    linter = Linter(Config())
    texts = [d.text for d in drafts]
    for d in drafts[:10]:  # warm the lexicon and the linter
        _ = Analysis(
            d, Context(), pipeline=linter.pipeline, kind=None, kind_source="unknown"
        ).reading
        linter.lint(d.text)
    reading: list[float] = []
    whole: list[float] = []
    words: list[int] = []
    for _ in range(a.rounds):
        for d, text in zip(drafts, texts, strict=True):
            an = Analysis(d, Context(), pipeline=linter.pipeline, kind=None, kind_source="unknown")
            t = time.process_time()
            an.reading  # noqa: B018  (the cached property is the thing measured)
            reading.append(time.process_time() - t)
            t = time.process_time()
            linter.lint(text)
            whole.append(time.process_time() - t)
            words.append(max(1, an.body_word_count))
    per150 = [r / w * 150 for r, w in zip(reading, words, strict=True)]
    print(f"drafts: {a.count} x {a.rounds} rounds, median body {statistics.median(words)} words")
    print(f"{'figure':44} {'median':>10} {'p95':>10}")
    for name, xs in (
        ("reading the sentences (ms CPU)", reading),
        ("reading, scaled to a 150-word body (ms CPU)", per150),
        ("whole lint, reused Linter (ms CPU)", whole),
    ):
        xs = sorted(x * 1000 for x in xs)
        print(f"{name:44} {statistics.median(xs):10.3f} {xs[int(0.95 * (len(xs) - 1))]:10.3f}")
    # Does reading sentences need spaCy? Ask a fresh interpreter that imports only the reader.
    probe = (
        "import sys; from followup_lint.analysis.sentences import read_sentences; "
        "read_sentences([('body', 0, 'Thank you for the tour of the lab.')]); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    print(
        f"spaCy imported before the run: {had_spacy}; "
        f"imported by reading sentences alone: {out.stdout.strip() or out.stderr[-200:]}"
    )


if __name__ == "__main__":
    main()
