"""Runs regular expressions over adversarial strings and reports the time of each (a subprocess
of test_regex_backtracking.py, so that a pattern that never finishes can be killed).

Reads a JSON list of {"label", "pattern", "flags", "bytes", "mode"} from the file named on the
command line (mode "search": every match is looked for, as rules do; "anchored": the pattern is
only used with .match/.fullmatch at one position), starts at the index given, and prints one line per pattern: "START i" before and
"DONE i <seconds> <input name>" after (the slowest input), flushed, so the parent knows which
pattern was running when it had to kill this process.
"""

from __future__ import annotations

import json
import re
import sys
import time

N = 12_000


def adversarial_inputs(n: int = N) -> list[tuple[str, str]]:
    """Strings that make backtracking engines blow up on nested or overlapping quantifiers."""
    half = n // 2
    return [
        ("spaces", " " * n),
        ("spaces then !", " " * n + "!"),
        ("letters", "a" * n),
        ("letters then !", "a" * n + "!"),
        ("capitalised words without spaces", "Aa" * half),
        ("capitalised words", "Aa " * (n // 3) + "1"),
        ("capitals", "A" * n + "a"),
        ("open brackets", "[" * n),
        ("bracketed letters", "[a" * half),
        ("nested brackets", "[" * half + "]" * half),
        ("braces", "{" * n),
        ("double braces", "{{ " * (n // 3)),
        ("angle brackets", "<" * n),
        ("word, then punctuation", ("a." * half) + "@"),
        ("hyphens", "-" * n),
        ("underscores then x", "_" * n + "x"),
        ("x's", "X" * n + "a"),
        ("exclamation marks", "!" * n + "a"),
        ("question and exclamation", "?!" * half + "a"),
        ("digits", "1" * n + "a"),
        ("phone-like", "1 " * half + "x"),
        ("emails", "a@" * half),
        ("dots", "." * n + "a"),
        ("tabs and spaces", " \t" * half + "x"),
        # A sign-off or a name, then a long run of spaces that the pattern cannot finish on.
        ("sign-off, spaces, then x", "Best" + " " * n + "x"),
        ("name, spaces, then x", "Dana" + " " * n + "x"),
        ("lines", "a\n" * half),
        ("blank lines", "\n" * n + "a"),
        ("On ... without wrote", "On " * (n // 3)),
        ("repeated phrase", "thank you " * (n // 10)),
        ("repeated greeting", "Dear " * (n // 5)),
        ("apostrophes", "a'" * half + "!"),
        ("percent signs", "%A" * half),
        ("dollar braces", "${" * half),
        ("slashes", "/" * n + "a"),
        ("http", "http://" * (n // 7)),
        ("mixed words and commas", "Best, " * (n // 6) + "1"),
        ("unicode letters", "é" * n + "!"),
        ("one-letter words", "x " * half),
        ("one-letter words then !", "x " * half + "!"),
        ("quote markers", "> " * half + "x"),
        ("words then comma", "a " * half + ","),
        ("capitalised words then comma", "Aa " * (n // 3) + ","),
        ("long word then space", "a" * n + " !"),
    ]


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        patterns = json.load(f)
    start = int(sys.argv[2])
    inputs = adversarial_inputs()
    byte_inputs = [(name, s.encode("utf-8")) for name, s in inputs]
    for i in range(start, len(patterns)):
        item = patterns[i]
        print(f"START {i}", flush=True)
        if item["bytes"]:
            rx: re.Pattern[str] | re.Pattern[bytes] = re.compile(
                item["pattern"].encode("latin-1"), item["flags"]
            )
            cases: list[tuple[str, str | bytes]] = list(byte_inputs)
        else:
            rx = re.compile(item["pattern"], item["flags"])
            cases = list(inputs)
        worst, worst_name = 0.0, ""
        for name, text in cases:
            t0 = time.perf_counter()
            if item["mode"] == "anchored":  # only ever used with .match / .fullmatch
                rx.match(text)  # type: ignore[arg-type]
                rx.fullmatch(text)  # type: ignore[arg-type]
            else:
                for _ in rx.finditer(text):  # type: ignore[arg-type]
                    pass
            took = time.perf_counter() - t0
            if took > worst:
                worst, worst_name = took, name
        print(f"DONE {i} {worst:.4f} {worst_name}", flush=True)


if __name__ == "__main__":
    main()
