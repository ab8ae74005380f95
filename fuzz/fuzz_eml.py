"""Fuzz target for the .eml reader and the header parser (atheris / libFuzzer).

Any exception other than `followup_lint.errors.InputError` is a crash: a malformed message must
end in a clear input error, never a traceback.

Run it for a bounded time (seconds) from the repository root:

    python fuzz/fuzz_eml.py -max_total_time=60 -rss_limit_mb=2048 fuzz/corpus

The optional corpus folder seeds the fuzzer with well-formed messages (`fuzz/seeds/` holds a
few) and collects the inputs that reach new code. A crash is written to `crash-<sha1>` in the
working directory; turn it into a test in tests/robustness/test_regressions.py.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from followup_lint.errors import InputError
from followup_lint.sources import read_bytes

_LINTER = None


def _linter() -> object:
    global _LINTER
    if _LINTER is None:
        from followup_lint import Config, Linter

        # strict: a rule that raises is a crash too, not a notice.
        _LINTER = Linter(Config(select=("ALL",)), strict=True)
    return _LINTER


def check_one(data: bytes, *, lint: bool = True) -> None:
    """Parse (and lint) one input; raise anything but InputError."""
    try:
        draft = read_bytes(data, format="eml")
    except InputError:
        return
    # The parts must point into the text they were cut from.
    for part in [*draft.parts("whole"), *draft.quoted, *draft.header_parts.values()]:
        if not (0 <= part.start <= part.end <= len(draft.text)):
            raise AssertionError(f"part {part.name} out of bounds: {part.start}..{part.end}")
        if draft.text[part.start : part.end] != part.text:
            raise AssertionError(f"part {part.name} text does not match its span")
    draft.addresses("to", "cc", "from")
    if lint:
        report = _linter().lint(draft)  # type: ignore[attr-defined]
        for f in report.findings:
            if not (0 <= f.span.start <= f.span.end <= len(draft.text)):
                raise AssertionError(f"{f.rule}: span out of bounds")


def main(argv: list[str]) -> None:
    import atheris  # type: ignore[import-not-found]

    _linter()  # build once, outside the timed loop (this imports everything we fuzz)
    # Coverage feedback from every loaded Python function: the stdlib `email` package, our
    # reader, draft parser and checks (instrument_imports would miss modules already imported).
    atheris.instrument_all()
    test: Callable[[bytes], None] = check_one
    atheris.Setup(argv, test)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
