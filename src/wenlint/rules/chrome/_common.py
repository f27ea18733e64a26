"""Helpers shared by the chrome rules: line hits, the site list, and which lines the family's pack
rules already flag (found in the shared short-line view, `analyses.lines`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from ...analyses import analysis
from ...analyses.lines import SHORT, short_lines
from ...findings import Fix, Hit
from ... import lazyre

# A heading or list item: 一、 （一） 1、 1. (1) 第一，…
ENUMERATOR = lazyre.compile(
    r"[^\S\n]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、.．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[、，,章节条部分]|[①-⑳])"
)


def lines_matching(doc, pattern) -> Iterator[int]:
    """The indices of the lines of `doc.text` where `pattern` (which never crosses a line) matches,
    in order, each once: one search from each line after a line that matched."""
    text, lines, starts = doc.text, doc.lines, doc.line_starts
    m = pattern.search(text)
    while m is not None:
        i = doc.line_index(m.start())
        yield i
        m = pattern.search(text, starts[i] + len(lines[i]) + 1)


def line_hit(doc, index: int, message: str, suggestion: str | None = None) -> Hit:
    """A finding over line `index` (without its line ending) whose fix deletes the whole line."""
    start, end = doc.line_span(index)
    line = doc.lines[index]
    # Report the line without surrounding blanks; the fix still deletes all of it.
    lead = len(line) - len(line.lstrip())
    trail = len(line) - len(line.rstrip())
    if lead + trail < len(line):
        start, end = start + lead, end - trail
    fix_start, fix_end = doc.line_span(index, newline=True)
    return Hit(start, end, message, suggestion, Fix.delete(fix_start, fix_end))


def span_hit(doc, start: int, end: int, message: str) -> Hit:
    return Hit(start, end, message, None, Fix.delete(start, end))


def rest_is_empty(text: str) -> bool:
    """True when nothing but blanks and punctuation is left of a line."""
    # str.isalnum, not a regex: a class over the CJK range costs ~10 ms to compile.
    return not any(c.isalnum() for c in text)


def sentence_span(text: str, start: int, end: int, reach: int, boundary: str,
                  left_boundary: str | None = None) -> tuple[int, int]:
    """The sentence around text[start:end]: out to a boundary mark (at most `reach` characters
    either side), its closing 。！？ included, leading blanks left out."""
    left_boundary = boundary if left_boundary is None else left_boundary
    a = start
    while a > 0 and start - a < reach and text[a - 1] not in left_boundary:
        a -= 1
    b = end
    while b < len(text) and b - end < reach and text[b] not in boundary:
        b += 1
    if b < len(text) and text[b] in "。！？!?":
        b += 1
    while a < b and text[a] in " \t\u3000":
        a += 1
    return a, b


def line_or_span_hit(doc, claims, a: int, b: int, code: str, line_message: str, span_message: str):
    """The hit for furniture at [a, b): the whole line when nothing else is on it, else the span
    (None when another rule of the family already claimed it)."""
    i = doc.line_index(a)
    base, line = doc.line_starts[i], doc.lines[i]
    if rest_is_empty(line[: a - base] + line[b - base :]):
        if not claims.line_free(i):
            return None
        claims.claim_line(i, code)
        return line_hit(doc, i, line_message)
    if not claims.span_free(a, b):
        return None
    claims.claim_span(a, b)
    return Hit(a, b, span_message.format(doc.text[a:b].strip()))


# ----- the site list ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def builtin_sites() -> tuple[str, ...]:
    from ...config.discovery import read_toml
    from ..registry import builtin_pack_dir

    path = builtin_pack_dir() / "data" / "chrome-sites.toml"
    try:
        names = read_toml(path).get("names", [])
    except Exception:  # a missing or broken data file must not take the family down
        names = []
    return tuple(n for n in names if isinstance(n, str) and n.strip())


@lru_cache(maxsize=8)
def sites_pattern(extra: tuple[str, ...] = ()) -> re.Pattern:
    names = sorted({*builtin_sites(), *extra}, key=lambda n: (-len(n), n))
    return re.compile("|".join(re.escape(n) for n in names) or "(?!)")


# ----- lines the pack rules of the family flag --------------------------------------------------


@lru_cache(maxsize=1)
def _pack_line_rules() -> tuple:
    """The chrome pack's line rules."""
    from ..registry import builtin_pack_rules

    return tuple(
        rule for rule in builtin_pack_rules() if rule.category == "chrome" and getattr(rule, "extend", "") == "line"
    )


@lru_cache(maxsize=1)
def _pack_line_patterns() -> tuple:
    """The (already compiled) patterns of the chrome pack's line rules."""
    return tuple(p for rule in _pack_line_rules() for p in rule.patterns)


@lru_cache(maxsize=4096)
def _pack_flags(line: str) -> bool:
    # By content: the same footer or menu line recurs in every page copied from one site.
    return any(p.search(line) is not None for p in _pack_line_patterns())


@analysis("chrome.pack-lines", needs=(short_lines,))
def _pack_flagged_short_lines(doc) -> frozenset[int]:
    """The short lines a line rule of the chrome pack flags, found with one search of each pattern
    over the short-line view (the patterns are MULTILINE and never cross a line), not with every
    pattern on every line; a rule that cannot match the document (the packs' shared prefilter)
    is not searched."""
    view = short_lines(doc)
    flagged: set[int] = set()
    for rule in _pack_line_rules():
        if not rule.may_match(doc):
            continue
        for pattern in rule.patterns:
            for m in pattern.finditer(view.text):
                flagged.add(view.line_of(m.start()))
    return frozenset(flagged)


def pack_flags_line(doc, index: int) -> bool:
    """Whether a line rule of the chrome pack flags line `index`."""
    line = doc.lines[index]
    if 0 < len(line) <= SHORT:
        return index in _pack_flagged_short_lines(doc)
    return len(line) <= 1000 and _pack_flags(line)


# ----- claims: which lines and spans a rule of the family already reported ----------------------


class Claims:
    """Lines and spans already reported, so that one piece of chrome is reported once."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.lines: dict[int, str] = {}
        self.spans: list[tuple[int, int]] = []

    def line_free(self, index: int) -> bool:
        return index not in self.lines and not pack_flags_line(self.doc, index)

    def claim_line(self, index: int, code: str) -> None:
        self.lines[index] = code

    def span_free(self, start: int, end: int) -> bool:
        doc = self.doc
        first, last = doc.line_index(start), doc.line_index(max(start, end - 1))
        if first in self.lines or last in self.lines:
            return False
        if pack_flags_line(doc, first) or pack_flags_line(doc, last):
            return False  # the whole line goes anyway
        # The claimed spans never overlap, so kept sorted only the neighbours can touch this one
        # (a scan of all of them made a document of many short spans quadratic).
        i = bisect.bisect_left(self.spans, (start, end))
        if i and self.spans[i - 1][1] > start:
            return False
        return i == len(self.spans) or self.spans[i][0] >= end

    def claim_span(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
