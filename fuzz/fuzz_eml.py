"""Fuzz target for the .eml reader and the header parser (atheris, i.e. libFuzzer for Python).

Any exception other than `followup_lint.model.errors.InputError` is a crash: a malformed message must
end in a clear input error, never a traceback. Parts must also point into the text they were cut
from, and the addresses in the headers must parse.

Run it for a bounded time (in seconds) from the repository root:

    pip install atheris
    mkdir -p /tmp/eml-corpus && cp fuzz/seeds/* /tmp/eml-corpus/
    python fuzz/fuzz_eml.py -max_total_time=300 -rss_limit_mb=2048 /tmp/eml-corpus

`FUZZ_LINT=1` also lints every message that parses (with every rule, strict: a rule that raises
is a crash too); that finds more but runs about a hundred times slower. A crash is written to
`crash-<sha1>` in the working directory (or `-artifact_prefix=DIR/`); replay one with
`python fuzz/fuzz_eml.py crash-<sha1>`, then add it to tests/robustness/crashes/ so that
tests/robustness/test_regressions.py keeps it fixed.

Without atheris, `python fuzz/fuzz_eml.py --mutate SECONDS` runs the same checks on random
mutations of the seeds in pure Python (what the test suite does in CI).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parent / "seeds"

_linter: Any = None


def _get_linter() -> Any:
    global _linter
    if _linter is None:
        from followup_lint import Config, Linter

        _linter = Linter(Config(select=("ALL",)), strict=True)
    return _linter


def check_one(data: bytes, *, lint: bool = False) -> None:
    """Parse (and optionally lint) one input; raise anything but InputError."""
    from followup_lint.model.errors import InputError
    from followup_lint.reading.sources import read_bytes

    try:
        draft = read_bytes(data, format="eml")
    except InputError:
        return
    for part in [*draft.parts("whole"), *draft.quoted, *draft.header_parts.values()]:
        if not (0 <= part.start <= part.end <= len(draft.text)):
            raise AssertionError(f"part {part.name} out of bounds: {part.start}..{part.end}")
        if draft.text[part.start : part.end] != part.text:
            raise AssertionError(f"part {part.name}: its text does not match its span")
    draft.addresses("to", "cc", "from")
    if lint:
        report = _get_linter().lint(draft)
        for f in report.findings:
            if not (0 <= f.span.start <= f.span.end <= len(draft.text)):
                raise AssertionError(f"{f.rule}: span {f.span} out of bounds")


def mutate(data: bytes, rnd: random.Random, pool: list[bytes]) -> bytes:
    """One libFuzzer-like mutation: flip, insert, delete, duplicate or splice bytes."""
    buf = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        op = rnd.randrange(6)
        at = rnd.randint(0, len(buf))
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] = rnd.randrange(256)
        elif op == 1:
            buf[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif op == 2:
            del buf[at : at + rnd.randint(1, 32)]
        elif op == 3 and buf:
            s = rnd.randrange(len(buf))
            buf[at:at] = buf[s : s + rnd.randint(1, 64)]
        elif op == 4:
            other = rnd.choice(pool)
            s = rnd.randrange(len(other) + 1)
            buf[at:at] = other[s : s + rnd.randint(1, 200)]
        else:
            token = rnd.choice(_TOKENS)
            buf[at:at] = token
    return bytes(buf)


# Fragments that steer mutations into the interesting corners of RFC 5322 / MIME.
_TOKENS = [
    b"\r\n",
    b"\n\n",
    b"\n\t",
    b":",
    b";",
    b",",
    b'"',
    b"<",
    b">",
    b"@",
    b"=?utf-8?q?=E2=80=93?=",
    b"=?utf-8?b?",
    b"=?x-unknown?q?a?=",
    b"Content-Type: multipart/mixed; boundary=Z\n",
    b"Content-Type: message/rfc822\n",
    b"Content-Type: text/html; charset=utf-16\n",
    b"Content-Transfer-Encoding: base64\n",
    b"Content-Transfer-Encoding: quoted-printable\n",
    b"\n--Z\n",
    b"\n--Z--\n",
    b"From: a: b;\n",
    b"To: undisclosed-recipients:;\n",
    b"Date: Mon, 31 Feb 2026 25:61:00 +9999\n",
    b"=\n",
    b"=FF",
    b"\xff\xfe",
    b"\x00",
]


def run_mutations(
    seconds: float | None = None, *, count: int | None = None, seed: int = 0, lint: bool = False
) -> int:
    """Pure-Python fallback: random mutations of the seeds, for `seconds` or `count` inputs
    (the same inputs for the same seed and count); returns how many ran."""
    pool = [p.read_bytes() for p in sorted(SEEDS.iterdir()) if p.is_file()]
    rnd = random.Random(seed)
    deadline = time.monotonic() + seconds if seconds is not None else float("inf")
    n = 0
    while time.monotonic() < deadline and (count is None or n < count):
        data = mutate(rnd.choice(pool), rnd, pool)
        try:
            check_one(data, lint=lint)
        except Exception as exc:
            raise AssertionError(f"input {data!r} raised {type(exc).__name__}: {exc}") from exc
        n += 1
    return n


def main(argv: list[str]) -> None:
    lint = os.environ.get("FUZZ_LINT") == "1"
    if len(argv) >= 3 and argv[1] == "--mutate":
        n = run_mutations(float(argv[2]), lint=lint)
        print(f"{n} mutated inputs, no crash")
        return

    import atheris  # type: ignore[import-not-found,unused-ignore]

    # Instrument the code under test for coverage feedback: the standard library's `email`
    # package (the parser we drive) and ours. Nothing of either is imported before this point.
    with atheris.instrument_imports(include=["email", "followup_lint"]):
        import email.parser  # noqa: F401

        import followup_lint.reading.sources  # noqa: F401
    if lint:
        _get_linter()  # build once, outside the fuzzing loop

    def test(data: bytes) -> None:
        check_one(data, lint=lint)

    atheris.Setup(argv, test)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
