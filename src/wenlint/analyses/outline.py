"""The structure pass: a document's lines, what each line is, and its paragraphs, computed once
for every family.

Each line gets its span, the span of its text without surrounding blanks, and a class: blank,
masked (code or markup blanked out of `doc.text`, a Markdown table's |---| row too), page marker, table row, heading, list item or
prose. Two readings of a numbered line start are kept, because the families need both:

- the strict reading (`Line.heading`): a numbering token that is a heading's, with its scheme and
  level (一、 （一） 1. （1） 第X章/第X条), not a number that starts a sentence (`5.万吨`, `12.月`,
  `十、百、千`), and whether the line before leaves its sentence open (the line then continues
  that sentence: a number at its start is not a heading);
- the loose reading (`Line.enumerated`): the line starts like any heading or list item (also
  `一是`, `首先，`, `①`, `•`, and the digits the strict reading rejects), which is what decides
  whether a line may run on into the one before.

Paragraphs are the document's lines in a document that puts a paragraph on a line (most Chinese
prose, Word files), and blank-line separated blocks in Markdown and in hard-wrapped plain text
(most long lines run on into the next one). What a family makes of these facts (a numbering
sequence, a broken sentence, a line of furniture) stays with the family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.document import MASK
from .base import analysis
from .pages import is_page_line
from .tables import table_blocks

# Blanks, and the zero-width characters that PDF and web extraction leave at line ends.
SPACES = " \t\u3000\xa0\u200b\u200c\u200d\u2060\ufeff"
_MASK_SPACES = MASK + SPACES

# ----- the strict reading: heading numbers ---------------------------------------------------

# A heading number: 一、 （一） 1、 1. （1）. The groups name the scheme.
HEADING_MARK = (
    r"(?:(?P<cd>[一二三四五六七八九十]{1,3})[、．]"
    r"|[（(](?P<cp>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<dd>\d{1,2})(?:[、．]|\.(?![\d.]))"
    r"|[（(](?P<dp>\d{1,2})[）)])"
)
# The same inside a sentence (after 。 or ；), where 二、 is too often a list to be a heading.
HEADING_MARK_INSIDE = (
    r"(?:[（(](?P<cp>[一二三四五六七八九十]{1,3})[）)]"
    r"|(?P<dd>\d{1,2})(?:[、．]|\.(?![\d.]))"
    r"|[（(](?P<dp>\d{1,2})[）)])"
)
_HEADING_AT_LINE = re.compile(r"[ \t\u3000]*" + HEADING_MARK)
# 第一章 总则 / 第三条　为了…: the chapters and articles of rules and laws (a blank or the line's
# end after the token: `第一条路` is a phrase).
_ARTICLE = re.compile(
    r"[ \t\u3000]*第(?P<n>[一二三四五六七八九十百零〇]{1,5}|[0-9]{1,3})(?P<unit>[编編章节節条條]|部分)(?=[ \t\u3000]|$)"
)
_HEADING_FIRST = frozenset("一二三四五六七八九十（(0123456789第")
# 十、百、千、万 and 一、二、三 as words, and the digits of a date, a percentage or an amount.
_LIST_AFTER = re.compile(r"[一二三四五六七八九十百千万\d]{1,3}[、，,]")
NOT_A_HEADING_AFTER_DIGITS = "月日年%％万亿"
# The last character of a line that leaves its sentence visibly open.
OPEN_END = frozenset("“‘《（(「、，,—")

# The level of each scheme in a Chinese official document's outline (smaller is higher).
LEVELS = {"part": 0, "chapter": 1, "section": 2, "cd": 3, "cp": 4, "dd": 5, "dp": 6, "article": 7}
_ARTICLE_SCHEMES = {"编": "part", "編": "part", "部分": "part", "章": "chapter", "节": "section",
                    "節": "section", "条": "article", "條": "article"}

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def small_numeral(raw: str) -> int | None:
    """一 .. 九十九 written with 十 (a heading's number); None for anything else."""
    if raw.isdecimal():
        return int(raw)
    if raw == "十":
        return 10
    if len(raw) == 1:
        return _CN.get(raw)
    tens, ten, ones = raw.partition("十")
    if not ten or len(tens) > 1 or len(ones) > 1 or (tens and tens not in _CN) or (ones and ones not in _CN):
        return None
    return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)


def number_word_after(text: str, scheme: str, end: int) -> bool:
    """Whether what follows a numbering token at `end` makes it a number in a sentence, not a
    heading's: `5.万吨`, `12.月`, `3.5` (and a bare `1.` that ends the text), `十、百、千`."""
    if scheme == "cd":
        return _LIST_AFTER.match(text, end) is not None
    if scheme == "dd":
        nxt = text[end:end + 1]
        return nxt in NOT_A_HEADING_AFTER_DIGITS or nxt.isdigit()
    return False


@dataclass(frozen=True, slots=True)
class Heading:
    """The numbering token at the start of a line, read strictly."""

    scheme: str  # "cd" 一、 "cp" （一） "dd" 1. "dp" （1） "chapter" 第X章 "article" 第X条 …
    raw: str  # the number as written (一, 12, 三十)
    number: int | None
    start: int  # the token's first character (its bracket) in `doc.text`
    end: int  # after the token
    continues: bool  # the line before leaves its sentence open: this line continues it

    @property
    def level(self) -> int:
        """Its rank in the outline (smaller is higher); a Markdown heading's is its number of #."""
        return self.number if self.scheme == "markdown" else LEVELS[self.scheme]


def heading_token(text: str, start: int, end: int) -> Heading | None:
    """The strict heading number at the start of text[start:end] (a line), if any; `continues`
    is left False (it depends on the line before)."""
    m = _HEADING_AT_LINE.match(text, start, end)
    if m is not None:
        scheme = m.lastgroup
        raw = m.group(scheme)
        bracket = scheme in ("cp", "dp")
        token_end = m.end()
        if number_word_after(text, scheme, token_end):
            return None
        number = small_numeral(raw)
        if not number:
            return None
        return Heading(scheme, raw, number, m.start(scheme) - bracket, token_end, False)
    m = _ARTICLE.match(text, start, end)
    if m is not None:
        raw = m.group("n")
        number = small_numeral(raw)
        if number:
            return Heading(_ARTICLE_SCHEMES[m.group("unit")], raw, number, m.start("n") - 1, m.end(), False)
    return None


# ----- the loose reading: enumerated lines ---------------------------------------------------

# How a list item or heading starts: 一、 （一） 1、 1. (1) ① 第一， 一是 首先 • and Markdown markers.
ENUMERATOR = re.compile(
    r"(?:[一二三四五六七八九十百]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|[0-9０-９]{1,3}(?:[、，,]|[.．](?![0-9０-９]))"
    r"|[（(][0-9０-９]{1,3}[）)]|[0-9]{1,2}[）)]"
    r"|[①-⑳]"
    r"|第[一二三四五六七八九十百0-9]{1,4}[，,、章节部条是條節]"
    r"|[一二三四五六七八九十]{1,3}是"
    r"|(?:首先|其次|再次|最后)[，,]"
    r"|[•·●○■□◆◇▲△★☆►▶✓✔]"
    r"|[*+\-][ \t](?=\S)"  # a plain-text bullet (Wikipedia extractions keep Markdown's `* `)
    r")"
)
# The characters an enumerator starts with: most lines start with none of them.
ENUMERATOR_STARTS = frozenset(
    "一二三四五六七八九十百（(0123456789０１２３４５６７８９第首其再最•·●○■□◆◇▲△★☆►▶✓✔*+-"
    + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1))
)
# The starts of a list item that no heading has: 一是 首先， ① • - 第一，
_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}是|(?:首先|其次|再次|最后)[，,]|[①-⑳]|[•·●○■□◆◇▲△★☆►▶✓✔]"
    r"|[*+\-][ \t](?=\S)|第[一二三四五六七八九十百0-9]{1,4}[，,、])"
)
_MARKDOWN_HEADING = re.compile(r"(#{1,6})(?:\s|$)")
_MARKDOWN_ITEM = re.compile(r"(?:[-*+]|[0-9]{1,3}[.)])\s")
_MARKDOWN_FIRST = frozenset("#-*+0123456789")  # what a Markdown heading or list item starts with
_INNER_STOP = re.compile("[。！？]")
HEADING_MAX = 40  # a numbered line longer than this, or with a full stop inside, is a paragraph

BLANK, MASKED, PAGE, TABLE, HEADING, ITEM, PROSE = "blank", "masked", "page", "table", "heading", "item", "prose"


@dataclass(slots=True)
class Line:
    index: int
    start: int  # the line's span in `doc.text`, without its line ending
    end: int
    first: int  # the span of its text without blanks (or masked characters) at either end
    last: int
    content: str  # text[first:last]
    kind: str
    heading: Heading | None  # the strict reading of a numbering token at its start
    enumerated: bool  # the loose reading: it starts like a heading or a list item

    @property
    def blank(self) -> bool:
        return self.kind in (BLANK, MASKED)


@dataclass(slots=True)
class Structure:
    lines: list[Line]
    paragraphs: list[tuple[int, int]]  # (first line index, last line index)
    blocks: bool  # paragraphs are blank-line separated blocks (Markdown, hard-wrapped text)

    def headings(self) -> list[Line]:
        """The lines whose strict numbering token is a heading's (not a continued sentence)."""
        return [line for line in self.lines if line.heading is not None and not line.heading.continues]

    def items(self) -> list[Line]:
        return [line for line in self.lines if line.kind == ITEM]


def _classify(text: str, source: str, index: int, start: int, raw: str, markdown: bool,
              table_rows: set[int], previous: str) -> Line:
    end = start + len(raw)
    content = raw.strip(_MASK_SPACES)
    if not content:
        kind = MASKED if source[start:end].strip() else BLANK
        return Line(index, start, end, start, start, "", kind, None, False)
    first = start + len(raw) - len(raw.lstrip(_MASK_SPACES)) if raw[0] in _MASK_SPACES else start
    last = first + len(content)
    if ("页" in content or "頁" in content or content[0] in "-—－–") and is_page_line(content):
        return Line(index, start, end, first, last, content, PAGE, None, False)
    heading = None
    lead = raw[0] if raw[0] not in " \t\u3000" else raw.lstrip(" \t\u3000")[:1]
    if lead in _HEADING_FIRST or lead.isdecimal():  # (\d also reads other scripts' digits)
        heading = heading_token(text, start, end)
        if heading is not None and previous:
            previous = previous.rstrip()
            if previous and previous[-1] in OPEN_END:
                heading = Heading(heading.scheme, heading.raw, heading.number, heading.start, heading.end, True)
    enumerated = content[0] in ENUMERATOR_STARTS and ENUMERATOR.match(content) is not None
    if table_rows and start in table_rows:
        return Line(index, start, end, first, last, content, TABLE, heading, enumerated)
    if markdown and content[0] in _MARKDOWN_FIRST:
        m = _MARKDOWN_HEADING.match(content)
        if m:
            return Line(index, start, end, first, last, content, HEADING,
                        Heading("markdown", m.group(1), len(m.group(1)), first, first + m.end(1), False), True)
        if _MARKDOWN_ITEM.match(content):
            return Line(index, start, end, first, last, content, ITEM, heading, True)
    kind = PROSE
    if heading is not None:
        if not heading.continues:
            short = len(content) <= HEADING_MAX and _INNER_STOP.search(content, 0, len(content) - 1) is None
            kind = HEADING if short else ITEM
    elif enumerated and _ITEM.match(content):
        kind = ITEM
    return Line(index, start, end, first, last, content, kind, heading, enumerated)


_STOPS = "。！？!?…；;：:”’」』）)》】"


def _hard_wrapped(lines: list[Line]) -> bool:
    """Plain text wrapped at a fixed width: most long lines of prose run on into the next one."""
    mid = total = 0
    for a, b in zip(lines, lines[1:]):
        if a.kind == PROSE and b.kind == PROSE and not b.enumerated and len(a.content) >= 15:
            total += 1
            if a.content[-1] not in _STOPS:
                mid += 1
    return mid >= 4 and mid * 2 >= total


def _paragraphs(lines: list[Line], blocks: bool) -> list[tuple[int, int]]:
    breaks = (BLANK, MASKED, PAGE)
    if not blocks:
        return [(line.index, line.index) for line in lines if line.kind not in breaks]
    paragraphs = []
    first = None
    for line in lines:
        if first is not None and (line.kind in breaks or line.kind in (HEADING, ITEM, TABLE)):
            paragraphs.append((first, line.index - 1))
            first = None
        if line.kind not in breaks:
            if line.kind in (HEADING, TABLE):
                paragraphs.append((line.index, line.index))  # a heading or a row stands alone
            elif first is None:
                first = line.index
    if first is not None:
        paragraphs.append((first, len(lines) - 1))
    return paragraphs


@analysis("outline.structure", needs=(table_blocks,))
def structure(doc) -> Structure:
    """The lines of `doc` with their classes, and its paragraphs."""
    text, source = doc.text, doc.source
    markdown = doc.format == "markdown"
    table_rows = {row.offset for block in table_blocks(doc) for row in block}
    lines: list[Line] = []
    append = lines.append
    pos = 0
    previous = ""
    for index, raw in enumerate(doc.lines):
        if raw:
            append(_classify(text, source, index, pos, raw, markdown, table_rows, previous))
            pos += len(raw) + 1
        else:  # an empty line (most blank lines): nothing to classify
            append(Line(index, pos, pos, pos, pos, "", BLANK, None, False))
            pos += 1
        previous = raw
    blocks = markdown or (doc.format == "text" and _hard_wrapped(lines))
    return Structure(lines, _paragraphs(lines, blocks), blocks)
