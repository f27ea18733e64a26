"""What is not prose and must not be linted: Markdown code, front matter, comments, link targets,
and wenlint's own suppression comments in every format."""

from __future__ import annotations

import re

from .directives import find_directives

_FRONT_MATTER = re.compile(r"\A(?:---[ \t]*\n.*?\n---|\+\+\+[ \t]*\n.*?\n\+\+\+)[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BACKTICKS = re.compile(r"`+")
# Links and images `[text](destination "title")`: the text is prose, the brackets and the
# destination are markup. Autolinks `<http://…>` are markup as a whole.
_LINK = re.compile(r"(!?\[)[^\]\n]*(\]\([^()\s]*(?:\s+\"[^\"]*\")?\))")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")


def masked_spans(source: str, format: str) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in find_directives(source, format)]
    if format == "markdown":
        spans += markdown_spans(source)
    return _merge(spans)


def markdown_spans(source: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(source)
    if m:
        spans.append((0, m.end()))
    spans += _fenced_blocks(source)
    blocked = _merge(spans)

    def outside(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in blocked)

    spans += [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(source) if outside(m.start(), m.end())]
    spans += [span for span in _code_spans(source) if outside(*span)]
    for m in _LINK.finditer(source):
        if outside(m.start(), m.end()):
            spans += [m.span(1), m.span(2)]
    spans += [(m.start(), m.end()) for m in _AUTOLINK.finditer(source) if outside(m.start(), m.end())]
    return spans


def _fenced_blocks(source: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while True:
        m = _FENCE_OPEN.search(source, pos)
        if not m:
            return spans
        fence = m.group(1)
        closing = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        close = closing.search(source, m.end())
        end = close.end() if close else len(source)
        spans.append((m.start(), end))
        pos = end


def _code_spans(source: str) -> list[tuple[int, int]]:
    """Inline code: a run of N backticks up to the next run of exactly N, within a paragraph."""
    spans = []
    runs = list(_BACKTICKS.finditer(source))
    i = 0
    while i < len(runs):
        opener = runs[i]
        for j in range(i + 1, len(runs)):
            closer = runs[j]
            if "\n\n" in source[opener.end() : closer.start()]:
                break
            if len(closer.group()) == len(opener.group()):
                spans.append((opener.start(), closer.end()))
                i = j
                break
        i += 1
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
