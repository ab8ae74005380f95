"""Character offsets and the line/column positions people see in their editor."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) of character offsets, with 1-based line/column of both ends.

    Columns count Unicode code points, as Python strings do; the language server converts them
    to UTF-16 units where LSP wants those.

    Attributes:
        start: Offset of the first character (code points from the start of the source).
        end: Offset one past the last character.
        line: 1-based line of `start`.
        column: 1-based column of `start`.
        end_line: 1-based line of `end`.
        end_column: 1-based column of `end`.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, int]:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


class LineIndex:
    """Maps offsets to (line, column) in O(log n), built once per draft.

    A line ends at "\\n", "\\r\\n" or a lone "\\r", so a file with old Mac or mixed line endings
    still gets the positions an editor shows.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        i = 0
        n = len(text)
        find_r = text.find
        # Scanning for both terminators with str.find keeps this linear and fast on huge inputs.
        # Each search result is kept until the scan passes it: searching again for "\r" on every
        # line would rescan the rest of the text each time (quadratic when the only "\r" is last).
        nl = find_r("\n", 0)
        cr = find_r("\r", 0)
        while True:
            if nl != -1 and nl < i:
                nl = find_r("\n", i)
            if cr != -1 and cr < i:
                cr = find_r("\r", i)
            if nl == -1 and cr == -1:
                break
            if cr != -1 and (nl == -1 or cr < nl):
                nxt = cr + 2 if cr + 1 < n and text[cr + 1] == "\n" else cr + 1
            else:
                nxt = nl + 1
            starts.append(nxt)
            i = nxt
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset (clamped into the text)."""
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        start = max(0, min(start, len(self._text)))
        end = max(start, min(end, len(self._text)))
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(start, end, line, col, end_line, end_col)

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]
