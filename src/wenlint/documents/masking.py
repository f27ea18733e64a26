"""What is not prose and must not be linted: Markdown syntax, code, front matter, comments, link
targets, and wenlint's own suppression comments in every format.

Markdown is read by a CommonMark parser (pulldown-cmark through pyromark, with GFM tables and
strikethrough), whose events carry the exact source range of every block and inline element:
code blocks, HTML blocks and table rows are masked by the lines they cover; emphasis markers,
link and image brackets and targets, inline code, autolinks and inline HTML by their own
characters, so every masked span is an exact offset range of the source. Masking never changes
a length (see `Document._mask`), so positions stay exact.

`looks_like_markdown` tells a plain-text file whose content is Markdown (`markup = "auto"`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

from .directives import find_directives
from .. import lazyre

Span = tuple[int, int]

MARKUPS = ("auto", "text", "markdown")

# Front matter: YAML between `---` lines or TOML between `+++` lines, at the very start, closed,
# and made of key/value lines (a document that starts with a `---` rule followed by prose has none).
_FRONT_MATTER = lazyre.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?\n)?\1[ \t]*(?:\n|\Z)", re.S)
_FRONT_LINE = lazyre.compile(r"[ \t]*(?:#.*|[-\w.\"' ]+[:=].*|-[ \t].*|[ \t]+\S.*|\[.*\]|)")
_HTML_COMMENT = lazyre.compile(r"<!--.*?-->", re.S)
_HTML_RAW = lazyre.compile(r"<(script|style|pre)\b.*?</\1\s*>", re.S | re.I)
_HTML_TAG = lazyre.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REFERENCE_LINE = lazyre.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S", re.M)
_TABLE_PIPE = lazyre.compile(r"(?<!\\)\|")
_BARE_URL = lazyre.compile(r"(?:https?|ftp)://[!#$%&'*+,\-./0-9:;=?@A-Z\[\]_a-z~]+|www\.[A-Za-z0-9-]+\.[!#$%&'*+,\-./0-9:;=?@A-Z_a-z~]+")
_CLOSING_FENCE = lazyre.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*$")


def masked_spans(source: str, format: str, starts: list[int] | None = None) -> list[Span]:
    """The spans of `source` to mask; `starts`, the offsets its lines start at, if known."""
    spans = [(d.start, d.end) for d in find_directives(source, format)]
    if format == "markdown":
        spans += markdown_spans(source, starts)
    return _merge(spans)


def _events(body: str):
    import pyromark

    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    return pyromark.events_with_range(body, options=options)


def markdown_spans(source: str, starts: list[int] | None = None) -> list[Span]:
    if starts is None:
        starts = [0] + [m.end() for m in re.finditer("\n", source)]
    n = len(source)

    def line_start(i: int) -> int:
        return starts[i] if i < len(starts) else n

    def line_end(i: int) -> int:  # without the line break
        return starts[i + 1] - 1 if i + 1 < len(starts) else n

    spans: list[Span] = []
    body = source
    front = front_matter_end(source)
    if front:
        spans += _front_matter_spans(source, front)
        body = re.sub(r"[^\n]", " ", source[:front]) + source[front:]  # the same lines, blank
    at = _Positions(body, starts)
    # Headings (# and setext underlines) and rules stay: they are lines of their own, and the
    # rules read headings and separators by them.
    # Link reference definitions leave no event: a line that looks like one is one when no
    # top-level block holds it; those blocks' byte ranges are kept only when there is such a line.
    references = "]:" in source and _REFERENCE_LINE.search(source) is not None
    blocks: list[tuple[int, int]] = []
    depth = 0
    links: list[tuple[str, int, int]] = []  # the links open: (link type, start, end)
    opaque: tuple[str, int, int] | None = None  # an image or autolink open: its inside is not walked
    opaque_depth = 0
    inner_end = 0  # where the last event inside the innermost link or image ended
    for event, where in _events(body):
        if type(event) is dict and "Text" in event and depth:  # the most frequent event by far
            inner_end = where["end"]
            continue
        lo, hi = where["start"], where["end"]
        if type(event) is str:  # SoftBreak, HardBreak, Rule
            if depth == 0 and references:
                blocks.append((lo, hi))
            inner_end = hi
            continue
        ((kind, value),) = event.items()
        if kind == "End":
            depth -= 1
            if opaque is not None and depth == opaque_depth:
                if opaque[0] != "Autolink":
                    spans += _link_syntax(source, at, 2, opaque, inner_end)
                opaque = None
            elif opaque is None and value == "Link":
                spans += _link_syntax(source, at, 1, links.pop(), inner_end)
            inner_end = hi
            continue
        if kind != "Start":  # Text, Code, InlineHtml, Html, ...
            if opaque is None and kind in ("Code", "InlineHtml"):
                spans.append((at.char(lo), at.char(hi)))
            elif depth == 0 and references:  # outside every block
                blocks.append((lo, hi))
            inner_end = hi
            continue
        if depth == 0 and references:
            blocks.append((lo, hi))
        depth += 1
        inner_end = hi
        if opaque is not None:
            continue
        tag = value if type(value) is str else next(iter(value))
        if tag in ("Emphasis", "Strong", "Strikethrough"):
            if tag == "Strikethrough" and at.bytes[lo + 1 : lo + 2] != b"~":
                continue  # only a double tilde strikes through: `3~5天，6~8人` is two ranges
            width = 1 if tag == "Emphasis" else 2
            start, end = at.char(lo), at.char(hi)
            spans += [(start, start + width), (end - width, end)]
        elif tag == "Link":
            link_type = value[tag]["link_type"]
            if link_type in ("Autolink", "Email"):
                spans.append((at.char(lo), at.char(hi)))
                opaque, opaque_depth = ("Autolink", lo, hi), depth - 1
            else:
                links.append((link_type, lo, hi))
                inner_end = lo + 1
        elif tag == "Image":
            opaque, opaque_depth = (value[tag]["link_type"], lo, hi), depth - 1
            inner_end = lo + 2
        elif tag == "CodeBlock":
            first, last = at.line(lo), at.line(max(lo, hi - 1)) + 1
            fenced = value[tag] != "Indented"  # or {"Fenced": info}
            if fenced and not _CLOSING_FENCE.fullmatch(source[line_start(last - 1) : line_end(last - 1)]):
                last = _unclosed_fence_end(source, starts, first, last)
            spans.append((line_start(first), line_end(last - 1)))
        elif tag == "HtmlBlock":
            first, last = at.line(lo), at.line(max(lo, hi - 1))
            spans += _html_spans(source, line_start(first), line_end(last))
        elif tag == "TableHead":
            row = at.line(lo)
            spans += _pipes(source, line_start(row), line_end(row))
            spans.append((line_start(row + 1), line_end(row + 1)))  # the delimiter row
        elif tag == "TableRow":
            row = at.line(lo)
            spans += _pipes(source, line_start(row), line_end(row))
    if references:
        spans += _reference_definitions(source, at, blocks)
    blocked = _merge(spans)
    firsts = [start for start, _ in blocked]
    spans += [s for s in _bare_urls(source) if _outside(s, blocked, firsts)]
    return spans


_MARKER_WIDTH = {"Emphasis": 1, "Strong": 2, "Strikethrough": 2}


class _Positions:
    """Lines and character offsets of the UTF-8 byte offsets the parser reports."""

    def __init__(self, body: str, starts: list[int]) -> None:
        self.bytes = body.encode("utf-8")
        self.starts = starts
        self.ascii = len(self.bytes) == len(body)
        self._last = (0, 0)  # the last (byte offset, character offset) converted

    @cached_property
    def byte_starts(self) -> list[int]:
        """The byte offsets the lines start at (a prose document with no syntax needs none)."""
        return self.starts if self.ascii else [0] + [m.end() for m in re.finditer(b"\n", self.bytes)]

    def line(self, offset: int) -> int:
        return bisect_right(self.byte_starts, offset) - 1

    def char(self, offset: int) -> int:
        if self.ascii:
            return offset
        i = self.line(offset)
        start, char = self.byte_starts[i], self.starts[i]
        if start <= self._last[0] <= offset:  # on from the last offset asked for, on its line
            start, char = self._last
        char += len(self.bytes[start:offset].decode("utf-8"))
        self._last = (offset, char)
        return char


def _link_syntax(source: str, at: _Positions, opening: int, link: tuple[str, int, int], inner_end: int) -> list[Span]:
    """The brackets and target of a link (`opening` 1, `[`) or an image (2, `![`) around its
    text, which stays: it is prose. `inner_end` is where the text ended, at its `]`."""
    link_type, lo, hi = link
    start, end = at.char(lo), at.char(hi)
    close = at.char(inner_end)
    if source[close : close + 1] != "]":
        close = source.find("]", close, end)
        if close < 0:
            return [(start, start + opening)]
    if link_type == "Collapsed" and source.startswith("[]", end):
        end += 2  # the parser's range stops before a collapsed reference's `[]`
    return [(start, start + opening), (close, end)]


def _pipes(source: str, lo: int, hi: int) -> list[Span]:
    return [(m.start(), m.end()) for m in _TABLE_PIPE.finditer(source, lo, hi)]


def _reference_definitions(source: str, at: _Positions, blocks: list[tuple[int, int]]) -> list[Span]:
    """The lines that look like a link reference definition and lie outside every top-level
    block (given by byte range, in order)."""
    spans: list[Span] = []
    firsts = [lo for lo, _ in blocks]
    for m in _REFERENCE_LINE.finditer(source):
        i = bisect_right(at.starts, m.start()) - 1
        line_lo = at.byte_starts[i]
        line_hi = at.byte_starts[i + 1] if i + 1 < len(at.byte_starts) else len(at.bytes) + 1
        k = bisect_right(firsts, line_hi - 1) - 1  # the last block starting before the line ends
        if k >= 0 and blocks[k][1] > line_lo:
            continue
        end = source.find("\n", m.start())
        spans.append((m.start(), len(source) if end < 0 else end))
    return spans


def front_matter_end(source: str) -> int:
    """End of the front matter block at the very start of `source` (0: none). It must be closed
    and hold only key/value lines, comments and list items."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return 0
    inner = m.group(2) or ""
    if not all(_FRONT_LINE.fullmatch(line) for line in inner.split("\n")[:-1]):
        return 0
    return m.end()


_HAN = lazyre.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_FRONT_KEY = lazyre.compile(r"[ \t]*(?:-[ \t]+)?(?:[-\w.\"' ]+[:=][ \t]*(?:[|>][-+]?[ \t]*)?)?[\"']?")
_FRONT_TAIL = lazyre.compile(r"[\"'][ \t]*$")


def _front_matter_spans(source: str, end: int) -> list[Span]:
    """Front matter is data, but its Chinese values (a title, a description, comments kept in
    it) are text readers see: keys, delimiters, quotes and lines without Chinese are masked."""
    spans: list[Span] = []
    pos = 0
    for line in source[:end].split("\n"):
        stop = pos + len(line)
        if not _HAN.search(line):
            spans.append((pos, stop))
        else:
            key = _FRONT_KEY.match(line)
            spans.append((pos, pos + key.end()))
            tail = _FRONT_TAIL.search(line, key.end())
            if tail:
                spans.append((pos + tail.start(), stop))
        pos = stop + 1
    return spans


def _unclosed_fence_end(source: str, starts: list[int], first: int, last: int) -> int:
    """A fence never closed runs, by CommonMark, to the end of its container; prose after it
    would be lost. Such a block is taken to end at the first blank line."""
    for i in range(first + 1, last):
        lo = starts[i]
        hi = starts[i + 1] - 1 if i + 1 < len(starts) else len(source)
        if not source[lo:hi].strip():
            return i
    return last


def _html_spans(source: str, lo: int, hi: int) -> list[Span]:
    """The markup of an HTML block: comments, script/style/pre content, and tags; the text
    between tags is prose."""
    spans = [m.span() for m in _HTML_COMMENT.finditer(source, lo, hi)]
    spans += [m.span() for m in _HTML_RAW.finditer(source, lo, hi)]
    if not spans:
        return [m.span() for m in _HTML_TAG.finditer(source, lo, hi)]
    blocked = _merge(spans)
    firsts = [start for start, _ in blocked]
    spans += [m.span() for m in _HTML_TAG.finditer(source, lo, hi) if _outside(m.span(), blocked, firsts)]
    return spans


def _bare_urls(source: str) -> list[Span]:
    # Every URL starts at an `http`, `https` or `ftp` before a `://`, or at a `www.`: the pattern
    # is tried only there (in order, as a scan would), since scanning a whole text for it is slow.
    starts = set()
    for mark, back in (("://", (5, 4, 3)), ("www.", (0,))):
        i = source.find(mark)
        while i >= 0:
            starts.update(i - b for b in back if i >= b)
            i = source.find(mark, i + 1)
    spans: list[Span] = []
    scanned = 0
    for start in sorted(starts):
        m = _BARE_URL.match(source, start) if start >= scanned else None
        if m is None:
            continue
        scanned = end = m.end()
        while end > m.start() and source[end - 1] in ".,;:!?'\"":
            end -= 1  # sentence punctuation after a URL is not part of it
        spans.append((m.start(), end))
    return spans


def _outside(span: Span, blocked: list[Span], firsts: list[int]) -> bool:
    """Whether `span` overlaps none of `blocked` (merged: sorted and disjoint; `firsts` their starts)."""
    start, end = span
    k = bisect_right(firsts, start)
    if k and blocked[k - 1][1] > start:
        return False
    return k == len(blocked) or blocked[k][0] >= end


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ----- is a plain-text file Markdown? ---------------------------------------------------------

# Each kind of syntax with the text that any match of it holds: a pattern runs only over a sample
# that has its text (most plain-text documents have none of them).
_SIGNALS = {
    "heading": (re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M), ("# ", "#\t")),
    # A line with text (its leading blanks, then a non-blank: linear in the line's length), then
    # the underline.
    "setext": (re.compile(r"^[^\S\n]*\S[^\n]*\n {0,3}(?:=+|-{3,})[ \t]*$", re.M), ("=", "---")),
    "fence": (re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1", re.M | re.S), ("```", "~~~")),
    "link": (re.compile(r"!?\[[^\]\n]+\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)"), ("](",)),
    "table": (re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}", re.M), ("|",)),
    "reference": (re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+", re.M), ("]:",)),
}
SAMPLE = 100_000  # characters read to decide


def looks_like_markdown(source: str) -> bool:
    """Whether a plain-text file is written in Markdown: at least two kinds of block or link
    syntax (headings, fenced code, links, tables, reference definitions), or one of them used
    three times or more. Emphasis, list bullets and rules do not count: plain text has `**`,
    `*` and `***` of its own."""
    sample = source[:SAMPLE]
    score = 0
    for pattern, needles in _SIGNALS.values():
        if not any(needle in sample for needle in needles):
            continue
        found = 0
        for _ in pattern.finditer(sample):
            found += 1
            if found == 3:
                break
        score += 2 if found >= 3 else 1 if found else 0
        if score >= 2:
            return True
    return False
