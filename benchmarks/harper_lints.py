"""What Harper's lints cost per draft, on text Harper has not seen before (run:
`python benchmarks/harper_lints.py [--drafts N] [--rounds R]`).

Harper keeps the lints of text it has linted (a paragraph linted twice is nearly free the
second time), so timing the same drafts again measures that cache, not a new draft. Here each
configuration gets a fresh `harper.Linter`, warmed on 30 other drafts, and then lints drafts
of its own round that it has never seen; the configurations take turns within each round:

- none: every lint off (what tokenising and tagging a draft costs);
- seen: only the lints `proofreading/harper_rule_kinds.txt` lists with a kind we keep;
- ours: our configuration, as the `harper` and `harper-words` rules run it.

It prints one line per round and configuration: mean CPU milliseconds per draft and how many
lints run. docs/proofreading.md ("What Harper's lints cost") says what the figures decided.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _cost(config: dict[str, Any], drafts: list[str], warm: list[str]) -> float:
    import harper

    linter = harper.Linter(harper.Dialect.AMERICAN)
    linter.set_lint_config(config)
    for text in warm:
        linter.organized_lints(text, language="plaintext")
    start = time.process_time()
    for text in drafts:
        linter.organized_lints(text, language="plaintext")
    return (time.process_time() - start) / len(drafts) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=150, help="new drafts per round")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    from generate import generate

    from followup_lint.proofreading.harper_engine import engine, mapping

    texts = [d.text for d in generate(30 + 3 * args.drafts * args.rounds, seed=4242)]
    ours = dict(engine()._linter().get_lint_config())
    table = mapping()
    seen = {name: (on if name in table.kinds_seen else False) for name, on in ours.items()}
    configs = {"none": {name: False for name in ours}, "seen": seen, "ours": ours}
    running = {k: sum(v is not False for v in c.values()) for k, c in configs.items()}
    warm, at = texts[:30], 30
    print(f"{'round':>5}  {'lints':<5} {'run':>4}  ms/draft")
    for r in range(args.rounds):
        order = list(configs) if r % 2 == 0 else list(reversed(configs))
        for name in order:  # each configuration its own drafts: none is linted twice
            batch, at = texts[at : at + args.drafts], at + args.drafts
            print(
                f"{r + 1:>5}  {name:<5} {running[name]:>4}  {_cost(configs[name], batch, warm):.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
