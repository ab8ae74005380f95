"""Character offsets to LSP positions and back.

Findings count Python characters (code points); LSP counts columns in UTF-16 code units unless
client and server agreed on another encoding. "é" is one unit either way, but an emoji such as
"🙂" is one character and two UTF-16 units, so a finding after it would land one column early if
the offsets were sent as they are.
"""

from __future__ import annotations

import bisect

from lsprotocol import types

UTF16 = "utf-16"
UTF8 = "utf-8"
UTF32 = "utf-32"


def _units(text: str, encoding: str) -> int:
    """Length of `text` in the code units of `encoding`."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    # UTF-16: characters above U+FFFF take a surrogate pair.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class PositionMap:
    """Maps offsets into one text to LSP positions (and back), built once per linted text.

    Lines end at "\\n", "\\r\\n" or a lone "\\r", as both LSP and `followup_lint.model.spans` say.
    """

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = str(encoding)
        starts = [0]
        n = len(text)
        i = 0
        while i < n:
            ch = text[i]
            if ch == "\n":
                starts.append(i + 1)
            elif ch == "\r":
                if i + 1 < n and text[i + 1] == "\n":
                    i += 1
                starts.append(i + 1)
            i += 1
        self._starts = starts

    def _line_end(self, line: int) -> int:
        """Offset where a line's text ends (before its terminator)."""
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        while end > self._starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return types.Position(line=line, character=_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (clamped to the line, as LSP asks)."""
        if position.line >= len(self._starts):
            return len(self.text)
        start = self._starts[max(0, position.line)]
        end = self._line_end(max(0, position.line))
        want = max(0, position.character)
        units = 0
        for i in range(start, end):
            if units >= want:
                return i
            units += _units(self.text[i], self.encoding)
        return end
