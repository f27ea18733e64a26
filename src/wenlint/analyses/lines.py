"""The short lines of a document joined by newlines: where line patterns search in one pass.

Website furniture, titles, date lines and headings are short lines, and in prose the short lines
are a fraction of the text. A pattern that never crosses a line searches them once, joined, instead
of each line in turn; `line_of` maps a match back to its line. The chrome rules find their
candidate lines here, the number rules their title and date lines."""

from __future__ import annotations

import re
from bisect import bisect_right

from .base import analysis

# The longest line kept: chrome lines, titles and headings are shorter.
SHORT = 120


class ShortLines:
    """The lines of a document up to `SHORT` characters (not the empty ones) joined by "\\n",
    with a map back to their indices."""

    __slots__ = ("text", "lines", "starts")

    def __init__(self, lines: list[str]) -> None:
        self.lines = [i for i, line in enumerate(lines) if 0 < len(line) <= SHORT]
        self.text = "\n".join(lines[i] for i in self.lines)
        starts, pos = [], 0
        for i in self.lines:
            starts.append(pos)
            pos += len(lines[i]) + 1
        self.starts = starts

    def line_of(self, offset: int) -> int:
        """The document line index of an offset in `text`."""
        return self.lines[bisect_right(self.starts, offset) - 1]

    def candidate_lines(self, pattern: re.Pattern) -> list[int]:
        """Document line indices (sorted, unique) of the short lines where `pattern` matches."""
        found: list[int] = []
        for m in pattern.finditer(self.text):
            i = self.line_of(m.start())
            if not found or found[-1] != i:
                found.append(i)
        return found


@analysis("lines.short")
def short_lines(doc) -> ShortLines:
    return ShortLines(doc.lines)
