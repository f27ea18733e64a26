"""A loaded document and exact positions in it.

Three views of the same characters, all of the same length per line:

- `raw`: the decoded file as it is (original line endings, no BOM): what `Finding.text` is cut from.
- `source`: `raw` with every line ending turned into `\\n`: what fixes and reports show.
- `text`: `source` with the parts that are not prose masked out (Markdown code and front matter,
  suppression comments): what rules read. Masking keeps every offset: a masked whole line becomes
  spaces, a masked span inside a line becomes `MASK` characters, so a rule never matches inside it.

Rules report offsets into `text`; `location()` turns them into 1-based line/column positions and
cuts the flagged characters out of `raw`, whatever the file's encoding or line endings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property

from ..findings import Location
from .. import lazyre

# A private-use character: not Han, not Latin, not punctuation, not space. Rules see it where
# a masked span sat inside a line of prose.
MASK = "\ue000"

_NEWLINE = lazyre.compile(r"\r\n|\r|\n")


def _line_starts(text: str, newline: re.Pattern) -> list[int]:
    return [0] + [m.end() for m in newline.finditer(text)]


class Document:
    def __init__(
        self,
        raw: str,
        path: str = "<text>",
        format: str = "text",
        encoding: str | None = "utf-8",
        bom: bytes = b"",
        masked: Iterable[tuple[int, int]] | None = None,
    ) -> None:
        self.path = path
        self.format = format  # "text", "markdown" or "docx"
        self.encoding = encoding
        self.bom = bom
        self.raw = raw
        self.source = raw if "\r" not in raw else _NEWLINE.sub("\n", raw)
        self.line_starts = _line_starts(self.source, re.compile("\n"))
        self.raw_line_starts = (
            self.line_starts if self.source is raw else _line_starts(raw, _NEWLINE)
        )
        if masked is None:
            from .masking import masked_spans

            masked = masked_spans(self.source, format, self.line_starts)
        self.masked_spans = sorted(masked)
        self.text = self._mask(self.source, self.masked_spans)
        # The results of document analyses (wenlint.analyses), kept by their provider.
        self.analyses: dict = {}
        # A Word file: its paragraphs (python-docx objects), line i of the text being paragraph i;
        # the fixer writes a fixed copy through them.
        self.word_paragraphs: list | None = None
        # Digest of the bytes the document was read from; the fixer refuses to overwrite a file
        # whose bytes changed on disk since.
        self.data_hash: str | None = None

    # ----- construction helpers -------------------------------------------------------------

    def with_raw(self, raw: str) -> Document:
        """The same document after an edit (the fixer uses this), masked anew."""
        fixed = Document(raw, self.path, self.format, self.encoding, self.bom)
        fixed.data_hash = self.data_hash
        return fixed

    @staticmethod
    def _mask(source: str, spans: list[tuple[int, int]]) -> str:
        if not spans:
            return source
        out, pos = [], 0
        for start, end in spans:
            start = max(start, pos)
            if end <= start:
                continue
            out.append(source[pos:start])
            # Line by line: a line masked from its start to its end becomes spaces (it reads as a
            # blank line); a part of a line becomes MASK characters.
            part = source[start:end]
            if "\n" not in part:  # most spans: a part of one line
                whole = (start == 0 or source[start - 1] == "\n") and (end == len(source) or source[end] == "\n")
                out.append((" " if whole else MASK) * len(part))
                pos = end
                continue
            for i, piece in enumerate(part.split("\n")):
                if i:
                    out.append("\n")
                    start += 1
                if piece:
                    begins = start == 0 or source[start - 1] == "\n"
                    stop = start + len(piece)
                    ends = stop == len(source) or source[stop] == "\n"
                    out.append((" " if begins and ends else MASK) * len(piece))
                    start = stop
            pos = end
        out.append(source[pos:])
        return "".join(out)

    # ----- lines ----------------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        """The lines of `text` (masked), without their line endings."""
        return self.text.split("\n")

    @property
    def newline(self) -> str:
        """The file's dominant line ending, used when a fix inserts a line break."""
        crlf = self.raw.count("\r\n")
        lf = self.raw.count("\n") - crlf
        cr = self.raw.count("\r") - crlf
        best = max((lf, "\n"), (crlf, "\r\n"), (cr, "\r"))
        return best[1] if best[0] else "\n"

    def line_index(self, offset: int) -> int:
        """0-based index of the line that holds `offset`."""
        return bisect_right(self.line_starts, offset) - 1

    def line_span(self, index: int, newline: bool = False) -> tuple[int, int]:
        """Offsets of line `index` (0-based) in `text`, with or without its line ending."""
        start = self.line_starts[index]
        if index + 1 < len(self.line_starts):
            end = self.line_starts[index + 1]
            return start, end if newline else end - 1
        return start, len(self.text)

    # ----- positions ------------------------------------------------------------------------

    def raw_offset(self, offset: int) -> int:
        index = self.line_index(offset)
        return self.raw_line_starts[index] + (offset - self.line_starts[index])

    def location(self, start: int, end: int) -> Location:
        """The user-facing position of `text[start:end]` and the document's own characters there."""
        first = self.line_index(start)
        last = self.line_index(end)
        column = start - self.line_starts[first]
        end_column = end - self.line_starts[last]
        raw_start = self.raw_line_starts[first] + column
        raw_end = self.raw_line_starts[last] + end_column
        return Location(first + 1, column + 1, last + 1, end_column + 1, self.raw[raw_start:raw_end])

    def __repr__(self) -> str:
        return f"Document({self.path!r}, format={self.format!r}, {len(self.text)} chars)"
