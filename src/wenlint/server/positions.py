"""Positions as an LSP client counts them.

wenlint counts columns in characters (code points); LSP counts them in the code units of the
encoding negotiated at initialisation, UTF-16 unless the client offers another. A character outside
the Basic Multilingual Plane (an emoji, a CJK Extension B character such as 𠀀) is one character
but two UTF-16 code units, so every column after it on the line moves by one.

Lines are the document's lines with every line ending (\\r\\n, \\r, \\n) counted once, as both
LSP and `Document.source` count them.
"""

from __future__ import annotations

import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = UTF16) -> int:
    """The length of `text` in the client's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + len(_ASTRAL.findall(text))


def column_units(line: str, column: int, encoding: str = UTF16) -> int:
    """A 0-based character column of `line` in code units."""
    return units(line[:column], encoding)


def column_chars(line: str, position: int, encoding: str = UTF16) -> int:
    """A 0-based column in code units back to characters; a position inside a character (or past
    the end of the line) moves to the end of that character (of the line)."""
    if encoding == UTF32 or (encoding == UTF16 and not _ASTRAL.search(line)):
        return min(position, len(line))
    counted = 0
    for index, char in enumerate(line):
        if counted >= position:
            return index
        counted += units(char, encoding)
    return len(line)


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their endings, every ending counted as LSP counts it."""
    return _NEWLINE.split(text)


def offset_position(text: str, offset: int, encoding: str = UTF16) -> tuple[int, int]:
    """(line, character) in code units of the character offset `offset` of `text`. LSP has no
    position between the two characters of a "\r\n": callers never ask for one."""
    head = text[:offset]
    breaks = list(_NEWLINE.finditer(head))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks), units(head[line_start:], encoding)
