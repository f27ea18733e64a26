"""What is not prose and must not be linted: Markdown syntax, code, front matter, comments, link
targets, and wenlint's own suppression comments in every format.

Markdown is read by a CommonMark parser (markdown-it-py, with GFM tables and strikethrough):
the block structure (code, HTML blocks, tables, headings, rules) comes from its tokens and
their line maps; the inline syntax (emphasis markers, link and image targets, inline code,
autolinks, inline HTML) is found again in the source by walking each inline token's children in
order, so every masked span is an exact offset range of the source. Masking never changes a
length (see `Document._mask`), so positions stay exact.

`looks_like_markdown` tells a plain-text file whose content is Markdown (`markup = "auto"`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .directives import find_directives

Span = tuple[int, int]

MARKUPS = ("auto", "text", "markdown")

# Front matter: YAML between `---` lines or TOML between `+++` lines, at the very start, closed,
# and made of key/value lines (a document that starts with a `---` rule followed by prose has none).
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?\n)?\1[ \t]*(?:\n|\Z)", re.S)
_FRONT_LINE = re.compile(r"[ \t]*(?:#.*|[-\w.\"' ]+[:=].*|-[ \t].*|[ \t]+\S.*|\[.*\]|)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_RAW = re.compile(r"<(script|style|pre)\b.*?</\1\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_REFERENCE = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_TABLE_PIPE = re.compile(r"(?<!\\)\|")
_BARE_URL = re.compile(r"(?:https?|ftp)://[!#$%&'*+,\-./0-9:;=?@A-Z\[\]_a-z~]+|www\.[A-Za-z0-9-]+\.[!#$%&'*+,\-./0-9:;=?@A-Z_a-z~]+")
_CLOSING_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})[ \t]*$")


def masked_spans(source: str, format: str) -> list[Span]:
    spans = [(d.start, d.end) for d in find_directives(source, format)]
    if format == "markdown":
        spans += markdown_spans(source)
    return _merge(spans)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_spans(source: str) -> list[Span]:
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
    # Headings (# and setext underlines) and rules stay: they are lines of their own, and the
    # rules read headings and separators by them.
    tokens = _parser().parse(body)
    covered: set[int] = set()
    row_cursor: dict[int, int] = {}
    in_table = 0
    for tok in tokens:
        if tok.map:
            covered.update(range(tok.map[0], tok.map[1]))
        kind = tok.type
        if kind in ("fence", "code_block"):
            first, last = tok.map
            if kind == "fence" and not _CLOSING_FENCE.fullmatch(source[line_start(last - 1) : line_end(last - 1)]):
                last = _unclosed_fence_end(source, starts, first, last)
            spans.append((line_start(first), line_end(last - 1)))
        elif kind == "html_block":
            lo, hi = line_start(tok.map[0]), line_end(tok.map[1] - 1)
            spans += _html_spans(source, lo, hi)
        elif kind == "table_open":
            in_table += 1
        elif kind == "table_close":
            in_table -= 1
        elif kind == "thead_open" and tok.map:
            row = tok.map[1]  # the delimiter row follows the header
            spans.append((line_start(row), line_end(row)))
        elif kind == "tr_open" and tok.map:
            lo, hi = line_start(tok.map[0]), line_end(tok.map[0])
            spans += [(m.start(), m.end()) for m in _TABLE_PIPE.finditer(source, lo, hi)]
        elif kind == "inline" and tok.map:
            first, last = tok.map
            cursor = row_cursor.get(first, line_start(first)) if in_table else line_start(first)
            found, cursor = _inline_spans(source, tok.children or [], cursor, line_end(last - 1))
            spans += found
            if in_table:
                row_cursor[first] = cursor
    # Link reference definitions leave no token: lines outside every block that define one.
    for i in range(len(starts)):
        if i not in covered:
            m = _REFERENCE.match(source, line_start(i), line_end(i))
            if m:
                spans.append((line_start(i), line_end(i)))
    blocked = _merge(spans)
    spans += [s for s in _bare_urls(source) if _outside(s, blocked)]
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


_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_FRONT_KEY = re.compile(r"[ \t]*(?:-[ \t]+)?(?:[-\w.\"' ]+[:=][ \t]*(?:[|>][-+]?[ \t]*)?)?[\"']?")
_FRONT_TAIL = re.compile(r"[\"'][ \t]*$")


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
    blocked = _merge(spans)
    spans += [m.span() for m in _HTML_TAG.finditer(source, lo, hi) if _outside(m.span(), blocked)]
    return spans


def _inline_spans(source: str, children, cursor: int, hi: int) -> tuple[list[Span], int]:
    """The syntax of one inline token's children, found in order in source[cursor:hi]."""
    spans: list[Span] = []
    skip_to_close = False
    for child in children:
        kind = child.type
        if skip_to_close:
            if kind == "link_close":
                skip_to_close = False
            continue
        if kind == "text":
            if child.content:
                pos = source.find(child.content, cursor, hi)
                if pos >= 0:
                    cursor = pos + len(child.content)
        elif kind in ("strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"):
            pos = source.find(child.markup, cursor, hi)
            if pos >= 0:
                spans.append((pos, pos + len(child.markup)))
                cursor = pos + len(child.markup)
        elif kind == "code_inline":
            ticks = re.compile(f"(?<!`){re.escape(child.markup)}(?!`)")
            m = ticks.search(source, cursor, hi)
            if m:
                close = ticks.search(source, m.end(), hi)
                end = close.end() if close else m.end()
                spans.append((m.start(), end))
                cursor = end
        elif kind == "link_open":
            if child.markup in ("autolink", "linkify"):
                pos = source.find("<", cursor, hi)
                close = source.find(">", pos, hi) if pos >= 0 else -1
                if close >= 0:
                    spans.append((pos, close + 1))
                    cursor = close + 1
                skip_to_close = True
            else:
                pos = source.find("[", cursor, hi)
                if pos >= 0:
                    spans.append((pos, pos + 1))
                    cursor = pos + 1
        elif kind == "link_close":
            pos = source.find("]", cursor, hi)
            if pos >= 0:
                end = _target_end(source, pos + 1, hi)
                spans.append((pos, end))
                cursor = end
        elif kind == "image":
            pos = source.find("![", cursor, hi)
            if pos >= 0:
                close = _bracket_end(source, pos + 1, hi)
                if close > 0:
                    end = _target_end(source, close, hi)
                    spans += [(pos, pos + 2), (close - 1, end)]
                    cursor = end
        elif kind == "html_inline":
            pos = source.find(child.content, cursor, hi)
            if pos >= 0:
                spans.append((pos, pos + len(child.content)))
                cursor = pos + len(child.content)
    return spans, cursor


def _closing_end(source: str, pos: int, hi: int, opening: str, closing: str) -> int:
    """The offset after the `closing` mark that closes the `opening` one at `pos` (nesting and
    escapes respected), or -1."""
    depth, i = 0, pos
    while i < hi:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _bracket_end(source: str, pos: int, hi: int) -> int:
    """The offset after the `]` that closes the `[` at `pos`, or -1."""
    return _closing_end(source, pos, hi, "[", "]")


def _target_end(source: str, pos: int, hi: int) -> int:
    """After a link's `]`: the end of its `(destination "title")` or `[label]`, if any."""
    if pos < hi and source[pos] == "(":
        end = _closing_end(source, pos, hi, "(", ")")
        return pos if end == -1 else end
    if pos < hi and source[pos] == "[":
        end = _bracket_end(source, pos, hi)
        return end if end > 0 else pos
    return pos


def _bare_urls(source: str) -> list[Span]:
    spans = []
    for m in _BARE_URL.finditer(source):
        end = m.end()
        while end > m.start() and source[end - 1] in ".,;:!?'\"":
            end -= 1  # sentence punctuation after a URL is not part of it
        spans.append((m.start(), end))
    return spans


def _outside(span: Span, blocked: list[Span]) -> bool:
    start, end = span
    return all(end <= s or start >= e for s, e in blocked)


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

_SIGNALS = {
    "heading": re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M),
    # A line with text (its leading blanks, then a non-blank: linear in the line's length), then
    # the underline.
    "setext": re.compile(r"^[^\S\n]*\S[^\n]*\n {0,3}(?:=+|-{3,})[ \t]*$", re.M),
    "fence": re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1", re.M | re.S),
    "link": re.compile(r"!?\[[^\]\n]+\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)"),
    "table": re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}", re.M),
    "reference": re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+", re.M),
}
SAMPLE = 100_000  # characters read to decide


def looks_like_markdown(source: str) -> bool:
    """Whether a plain-text file is written in Markdown: at least two kinds of block or link
    syntax (headings, fenced code, links, tables, reference definitions), or one of them used
    three times or more. Emphasis, list bullets and rules do not count: plain text has `**`,
    `*` and `***` of its own."""
    sample = source[:SAMPLE]
    score = 0
    for pattern in _SIGNALS.values():
        found = 0
        for _ in pattern.finditer(sample):
            found += 1
            if found == 3:
                break
        score += 2 if found >= 3 else 1 if found else 0
        if score >= 2:
            return True
    return False
