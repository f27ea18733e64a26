"""Helpers the SC rules share: lines, quotes, and phrase-aware suggestions for a span."""

from __future__ import annotations

import re

from ._convert import prefers_taiwan_forms, simplify_chars, taiwan_forms, to_simplified, to_traditional

OPENERS = "《〈「『“‘"
CLOSERS = "》〉」』”’"
WINDOW = 8  # characters of context on each side used to find the phrase a character belongs to


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def inside_short_quote(text: str, start: int, end: int, limit: int) -> bool:
    """Whether text[start:end] lies inside a pair of Chinese quotes or title marks on its line
    (《漢書》, “長恨歌”) whose content is at most `limit` characters."""
    ls, le = line_bounds(text, start, end)
    before = text[max(ls, start - limit) : start]
    open_at = max(before.rfind(c) for c in OPENERS)
    if open_at < 0:
        return False
    if any(c in before[open_at + 1 :] for c in CLOSERS):
        return False
    after = text[end : min(le, end + limit)]
    close_at = min((i for i in (after.find(c) for c in CLOSERS) if i >= 0), default=-1)
    if close_at < 0 or any(c in after[:close_at] for c in OPENERS):
        return False
    content = (start - (start - len(before) + open_at) - 1) + (end - start) + close_at
    return content <= limit


def converted_span(doc, start: int, end: int, target: str) -> tuple[int, int, str, bool]:
    """Convert doc.text[start:end] to `target` ("simplified" or "traditional") with the phrase
    tables, reading the context around it so that a character gets the form of the word it
    belongs to. Returns (start, end, suggestion, decided): the span grows to the whole phrase
    when a dictionary phrase straddles it (characters outside the original span keep their form),
    and `decided` is false when a character had several candidates and no phrase chose one."""
    text = doc.text
    ls, le = line_bounds(text, start, end)
    w0, w1 = max(ls, start - WINDOW), min(le, end + WINDOW)
    window = text[w0:w1]
    if target == "traditional":
        source = simplify_chars(window)
        converter = to_traditional()
    else:
        source = window
        converter = to_simplified()
    a, b = start - w0, end - w0
    out, segments, decided = converter.convert(source, a, b)
    lo, hi = a, b
    for seg in segments:
        if seg.start < hi and seg.end > lo:
            a, b = min(a, seg.start), max(b, seg.end)
    middle = out[lo:hi]
    if target == "traditional" and prefers_taiwan_forms(doc):
        middle = taiwan_forms(middle)
    return w0 + a, w0 + b, window[a:lo] + middle + window[hi:b], decided


def trie_pattern(words) -> str:
    """An alternation of literal words as a prefix tree (`人(?:工智慧)|部落格|計(?:畫|程車)`):
    the stdlib `re` then tries one branch per first character instead of every word, and the
    longest word still wins."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    branches = [re.escape(ch) + emit(child) for ch, child in sorted(root.items()) if ch]
    return "|".join(branches) if branches else "[^\\s\\S]"
