"""Cost of each grammar engine: start-up (once per process) and per draft, printed as a table.

Run: `python benchmarks/proofreading_cost.py [--drafts N] [--rounds R]`. Start-up is measured in
a fresh interpreter per engine (the import and the first build, as a CLI run pays them). The
per-draft cost is measured in this process, the engines interleaved round by round so that
machine noise hits every engine alike; the median over rounds is reported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = {
    # rule ids selected for each engine (LanguageTool needs a server and is not measured here)
    "patterns": (
        "article-a-an",
        "repeated-word",
        "lowercase-i",
        "sentence-start-lowercase",
        "missing-space",
        "space-before-punctuation",
        "its-apostrophe",
        "your-apostrophe",
    ),
    "word lists": (
        "sound-alike-phrase",
        "wrong-preposition",
        "agreement-slip",
        "verb-form-after-auxiliary",
        "since-duration",
        "split-compound",
        "real-word-typo",
    ),
    # the rules added with the fourth and fifth samples (2026-12-01, late evening)
    "evening slips": (
        "double-determiner",
        "object-pronoun-subject",
        "progressive-since",
        "a-lot-of",
        "one-with-plural",
    ),
    "harper": ("harper", "harper-words"),
}
STARTUP = (
    "import time; t = time.perf_counter()\n"
    "from followup_lint import Config, Linter\n"
    "L = Linter(Config(select={rules!r}))\n"
    "L.lint('Subject: Thanks\\n\\nDear Ms. Raman,\\n\\nThank you for the tour.\\n\\nBest,\\nLee')\n"
    "print(time.perf_counter() - t)\n"
)


def _drafts(n: int) -> list[str]:
    files = sorted((ROOT / "examples").rglob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    return (texts * (n // max(1, len(texts)) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from followup_lint import Config, Linter

    startup: dict[str, float] = {}
    for name, rules in ENGINES.items():
        out = subprocess.run(
            [sys.executable, "-c", STARTUP.format(rules=rules)],
            capture_output=True,
            text=True,
            check=True,
        )
        startup[name] = float(out.stdout.strip().splitlines()[-1])
    drafts = _drafts(args.drafts)
    linters = {name: Linter(Config(select=rules)) for name, rules in ENGINES.items()}
    for linter in linters.values():
        linter.lint(drafts[0])  # build lazily-built engines before timing
    per: dict[str, list[float]] = {name: [] for name in ENGINES}
    for _ in range(args.rounds):
        for name, linter in linters.items():
            t = time.perf_counter()
            for d in drafts:
                linter.lint(d)
            per[name].append((time.perf_counter() - t) / len(drafts))
    words = statistics.mean(len(d.split()) for d in drafts)
    print(f"{len(drafts)} drafts of {words:.0f} words on average, {args.rounds} rounds")
    print(f"{'engine':<13} {'start-up (s)':>13} {'per draft (ms)':>15}")
    for name in ENGINES:
        print(f"{name:<13} {startup[name]:>13.2f} {statistics.median(per[name]) * 1000:>15.1f}")


if __name__ == "__main__":
    main()
