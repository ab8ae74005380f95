"""Measurements for the proofreading rules (run: `python -m tests.proofreading.measure`).

1. Recall on real misspellings: a fixed-seed sample of codespell's dictionary (test data only),
   each misspelling embedded in a draft sentence; the share flagged by `spelling`, and the share
   of control drafts (the correct word instead) with any spelling finding.
2. Names: spelling findings over the good drafts in examples/ and tests/corpus/ (with their
   context), each listed so that a person can judge it.
3. Time: a reused Linter with the default rules, with and without the proofreading rules, on
   150-word drafts.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

import yaml

from followup_lint import Config, Linter

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = (
    "Thank you for meeting with me yesterday; the {w} came up twice and I enjoyed it.",
    "I wanted to follow up on the {w} we discussed during the interview.",
    "It was a pleasure to hear how your team handles the {w} each quarter.",
)
_WORD = re.compile(r"^[a-z]{3,}$")


def codespell_sample(n: int, seed: int) -> list[tuple[str, str]]:
    import codespell_lib

    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong, _, fixes = line.partition("->")
        right = fixes.split(",")[0].strip()
        # One lower-case word to one word: the shape of a typo in running prose.
        if _WORD.match(wrong) and _WORD.match(right):
            pairs.append((wrong, right))
    return random.Random(seed).sample(pairs, n)


def draft(sentence: str) -> str:
    return f"Subject: Thank you\n\nDear Ms. Raman,\n\n{sentence}\n\nBest regards,\nLee Park"


def recall(n: int, seed: int) -> dict[str, Any]:
    linter = Linter(Config(select=("spelling",)))
    sample = codespell_sample(n, seed)
    flagged = 0
    control_flagged = 0
    missed: list[str] = []
    false_alarms: list[str] = []
    for i, (wrong, right) in enumerate(sample):
        sentence = SENTENCES[i % len(SENTENCES)]
        text = draft(sentence.format(w=wrong))
        hits = [text[f.span.start : f.span.end] for f in linter.lint(text).by_rule("spelling")]
        if wrong in hits:
            flagged += 1
        else:
            missed.append(wrong)
        control = draft(sentence.format(w=right))
        found = [
            control[f.span.start : f.span.end] for f in linter.lint(control).by_rule("spelling")
        ]
        if found:
            control_flagged += 1
            false_alarms.append(f"{right} -> {found}")
    return {
        "n": n,
        "seed": seed,
        "recall": flagged / n,
        "control_fp": control_flagged / n,
        "missed": missed,
        "false_alarms": false_alarms,
    }


def good_drafts() -> list[tuple[str, str, dict[str, Any], str]]:
    """(name, text, context, format) of every good draft in examples/ and tests/corpus/."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    out: list[tuple[str, str, dict[str, Any], str]] = []
    for good in sorted((ROOT / "examples").glob("*/good*.*")):
        ctx_file = good.parent / "followup.toml"
        ctx = tomllib.loads(ctx_file.read_text(encoding="utf-8")) if ctx_file.is_file() else {}
        fmt = "eml" if good.suffix == ".eml" else "text"
        out.append((str(good.relative_to(ROOT)), good.read_text(encoding="utf-8"), ctx, fmt))
    for f in sorted((ROOT / "tests" / "corpus").glob("*good*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        ctx = dict(data.get("context") or {})
        if data.get("kind"):
            ctx["kind"] = data["kind"]
        out.append((str(f.relative_to(ROOT)), data["text"], ctx, data.get("format", "text")))
    return out


def names_on_good_drafts() -> tuple[int, int, list[str]]:
    from followup_lint.reading.sources import read_draft

    linter = Linter(Config(select=("proofreading",)))
    findings: list[str] = []
    words = 0
    for name, text, ctx, fmt in good_drafts():
        d = read_draft(text, format=fmt)  # type: ignore[arg-type]
        report = linter.lint(d, context=ctx)
        words += len(re.findall(r"\w+", d.text))
        for f in report.findings:
            findings.append(f"{name}: {f.rule}: {d.text[f.span.start : f.span.end]!r}")
    return len(good_drafts()), words, findings


def clean_prose() -> tuple[int, list[str]]:
    """Spelling findings over published, edited prose about follow-up emails (the two source
    articles in /work/shared/seeds/, when present), each paragraph linted as a draft body."""
    linter = Linter(Config(select=("spelling",)))
    words = 0
    found: list[str] = []
    for path in sorted(Path("/work/shared/seeds").glob("0*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            if not para.strip():
                continue
            text = draft(para.strip())
            words += len(re.findall(r"\w+", para))
            report = linter.lint(text)
            found += [text[f.span.start : f.span.end] for f in report.by_rule("spelling")]
    return words, found


def _words150(seed: int) -> str:
    rng = random.Random(seed)
    sentences = [
        "Thank you for taking the time to meet with me on Tuesday about the analyst role.",
        "I enjoyed hearing how Priyanka and the Northwind team plan the warehouse forecasting work.",
        "Your point about the Monday peak stayed with me, and I sketched how I would model it.",
        "At my current job I rebuilt a planning spreadsheet into a small Python tool.",
        "It cut planning time from a day to an hour, and the team still uses it every week.",
        "I would be glad to walk you through it or send a short write-up if that would help.",
        "I am very interested in the role and in joining a team that cares about clear data.",
        "Please let me know if there is anything else I can share before the next steps.",
        "I look forward to hearing from you and wish you a good week.",
    ]
    body: list[str] = []
    while len(" ".join(body).split()) < 150:
        body.append(rng.choice(sentences))
    return (
        "Subject: Thank you - Operations Analyst interview\n"
        "To: Helen Marsh <helen.marsh@northwind.com>\n\n"
        "Dear Ms. Marsh,\n\n"
        + " ".join(body)
        + "\n\nKind regards,\nSofia Brandt\n+44 7700 900123\n"
    )


def benchmark_drafts(count: int) -> list[tuple[str, dict[str, Any]]] | None:
    """The default benchmark's generated drafts (benchmarks/generate.py), when it is there."""
    import sys

    here = ROOT / "benchmarks"
    if not (here / "generate.py").is_file():
        return None
    sys.path.insert(0, str(here))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(here))
    return [(d.text, dict(d.context)) for d in generate(count)]


def timing(drafts: int, repeats: int, source: str = "own") -> dict[str, float]:
    items: list[tuple[str, dict[str, Any]]]
    generated = benchmark_drafts(drafts) if source == "benchmark" else None
    items = generated if generated is not None else [(_words150(i), {}) for i in range(drafts)]
    texts = [t for t, _ in items]
    proof = {r.id for r in Linter(Config(select=("proofreading",))).active}
    with_rules = Linter(Config())
    without = Linter(Config(ignore=tuple(sorted(proof))))
    for lin in (with_rules, without):  # warm up: pipelines, word list, caches of the checks
        for t in texts[:5]:
            lin.lint(t)
    # CPU time of this process, runs interleaved: the machine is shared, and wall time measures
    # the neighbours as much as us.
    runs: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(repeats):
        for label, lin in (("with", with_rules), ("without", without)):
            start = time.process_time()
            for t, ctx in items:
                lin.lint(t, context=ctx)
            runs[label].append((time.process_time() - start) / len(texts) * 1000)
    result = {label: statistics.median(values) for label, values in runs.items()}
    result["added_ms"] = result["with"] - result["without"]
    result["words"] = statistics.mean(len(re.findall(r"\w+", t)) for t in texts)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--drafts", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--drafts-from",
        choices=("own", "benchmark"),
        default="own",
        help="time our ~150-word drafts, or the default benchmark's generated ones",
    )
    parser.add_argument("--skip", nargs="*", default=(), choices=("recall", "names", "time"))
    args = parser.parse_args()
    os.environ.setdefault("XDG_CONFIG_HOME", "/nonexistent")  # no personal words file
    if "recall" not in args.skip:
        r = recall(args.sample, args.seed)
        print(
            f"recall: {r['recall']:.1%} of {r['n']} codespell misspellings flagged (seed {r['seed']})"
        )
        print(f"  missed: {r['missed']}")
        print(
            f"controls: {r['control_fp']:.1%} of {r['n']} correct-word drafts had a spelling finding"
        )
        print(f"  false alarms: {r['false_alarms']}")
    if "names" not in args.skip:
        n, words, findings = names_on_good_drafts()
        print(f"good drafts: {n} ({words} words), proofreading findings: {len(findings)}")
        for f in findings:
            print(f"  {f}")
    if "names" not in args.skip:
        words, found = clean_prose()
        if words:
            print(f"clean prose: {words} words, {len(found)} spelling findings: {found}")
    if "time" not in args.skip:
        t = timing(args.drafts, args.repeats, args.drafts_from)
        print(
            f"CPU time per ~{t['words']:.0f}-word draft (median of {args.repeats} runs over "
            f"{args.drafts} drafts): with proofreading {t['with']:.3f} ms, without "
            f"{t['without']:.3f} ms, added {t['added_ms']:.3f} ms"
        )


if __name__ == "__main__":
    main()
