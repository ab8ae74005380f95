"""Offsets in UTF-16 code units (Java strings, so LanguageTool) to Python character offsets.

A character outside the Basic Multilingual Plane (most emoji, some CJK) is one Python character
but two UTF-16 code units; everything else is one of each. Accented letters are one of each when
precomposed and two Python characters (two code units) when decomposed, so they need no care.
"""

from __future__ import annotations

import bisect


class Utf16Map:
    """Converts UTF-16 offsets into `text` to Python offsets, in O(log n) per offset."""

    def __init__(self, text: str) -> None:
        #: Python offsets of the characters that take two UTF-16 code units.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._len = len(text)

    def to_python(self, unit: int) -> int:
        """The Python offset of UTF-16 offset `unit` (an offset inside a surrogate pair maps to
        the character's start)."""
        if not self._wide or unit <= 0:
            return max(0, min(unit, self._len))
        # Binary search for the number k of wide characters before the answer p: p = unit - k
        # where k = number of wide characters with offset < p.
        lo, hi = 0, len(self._wide)
        while lo < hi:
            mid = (lo + hi) // 2
            # The wide character at self._wide[mid] starts at UTF-16 unit self._wide[mid] + mid.
            if self._wide[mid] + mid < unit:
                lo = mid + 1
            else:
                hi = mid
        return min(unit - lo, self._len)

    def span(self, offset: int, length: int) -> tuple[int, int]:
        """A (start, end) Python span from LanguageTool's offset and length."""
        start = self.to_python(offset)
        end = self.to_python(offset + length)
        return start, max(start, end)


def utf16_len(text: str) -> int:
    """The length of `text` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def python_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of Python offset `offset` (for tests and for building requests)."""
    return offset + bisect.bisect_left([i for i, ch in enumerate(text) if ord(ch) > 0xFFFF], offset)
