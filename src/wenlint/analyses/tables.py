"""The rows of a document's tables: Markdown pipe tables and tab-separated lines.

Markdown masking blanks the table syntax (the pipes) out of `doc.text`, so a Markdown row is read
from `doc.source`, whose offsets are the same; rules read the cells from here and never go back
to the source themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import analysis

_MD_ROW = re.compile(r"^[ \t]{0,3}\|.*\|[ \t]*$")
_MD_DELIMITER = re.compile(r"^[ \t]{0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")


@dataclass(frozen=True, slots=True)
class TableRow:
    line: str  # the line as written (a Markdown row with its pipes)
    offset: int  # where it starts in `doc.text` (and `doc.source`)
    markdown: bool  # a Markdown pipe row; else a tab-separated one
    delimiter: bool  # the |---|:--:| row under a Markdown header
    cells: tuple[tuple[str, int], ...]  # each cell's text (unstripped) and offset


def _cells(line: str, offset: int, markdown: bool) -> tuple[tuple[str, int], ...]:
    out = []
    if markdown:
        body_start = line.index("|") + 1
        body_end = line.rstrip().rindex("|")
        pos = body_start
        for part in line[body_start:body_end].split("|"):
            out.append((part, offset + pos))
            pos += len(part) + 1
    else:
        pos = 0
        for part in line.split("\t"):
            out.append((part, offset + pos))
            pos += len(part) + 1
    return tuple(out)


def _row(line: str, offset: int, markdown: bool) -> TableRow:
    delimiter = markdown and _MD_DELIMITER.match(line) is not None
    return TableRow(line, offset, markdown, delimiter, () if delimiter else _cells(line, offset, markdown))


@analysis("tables.blocks")
def table_blocks(doc) -> list[list[TableRow]]:
    """The tables of `doc`: runs of consecutive rows of one kind (Markdown or tab-separated)."""
    text = doc.source if doc.format == "markdown" else doc.text
    blocks: list[list[TableRow]] = []
    if "|" not in text and "\t" not in text:
        return blocks
    block: list[TableRow] = []
    pos = 0
    for line in text.split("\n"):
        markdown = bool(_MD_ROW.match(line)) if "|" in line else False
        tsv = not markdown and "\t" in line.strip()
        if markdown or tsv:
            if block and block[-1].markdown != markdown:
                blocks.append(block)
                block = []
            block.append(_row(line, pos, markdown))
        elif block:
            blocks.append(block)
            block = []
        pos += len(line) + 1
    if block:
        blocks.append(block)
    return blocks
