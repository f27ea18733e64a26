"""Helpers the SC rules share: lines, quotes, and phrase-aware suggestions for a span."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter

from ...analyses import analysis
from ._convert import (
    prefers_taiwan_forms, simplify_chars, simplify_keys, taiwan_forms, to_simplified, to_traditional,
)
from ... import lazyre

OPENERS = "《〈「『“‘"
CLOSERS = "》〉」』”’"
MASK = "\ue000"  # what the document puts where masked text (Markdown code) was
WINDOW = 8  # characters of context on each side used to find the phrase a character belongs to


def line_bounds(text: str, start: int, end: int, reach: int | None = None) -> tuple[int, int]:
    """Start and end of the line around text[start:end], looking at most `reach` characters
    away (a document that is one huge line must not make every lookup scan it)."""
    lo = 0 if reach is None else max(0, start - reach)
    hi = len(text) if reach is None else min(len(text), end + reach)
    ls = text.rfind("\n", lo, start) + 1 or lo
    le = text.find("\n", end, hi)
    return ls, hi if le < 0 else le


def doc_line_bounds(doc, pos: int) -> tuple[int, int]:
    """Start and end (without the line break) of the line of `doc.text` that holds `pos`."""
    return doc.line_span(doc.line_index(pos))


def inside_short_quote(text: str, start: int, end: int, limit: int) -> bool:
    """Whether text[start:end] lies inside a pair of Chinese quotes or title marks on its line
    (《漢書》, “長恨歌”) whose content is at most `limit` characters."""
    ls, le = line_bounds(text, start, end, limit)
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
    content = (len(before) - open_at - 1) + (end - start) + close_at  # between the marks
    return content <= limit


def converted_span(doc, start: int, end: int, target: str) -> tuple[int, int, str, bool]:
    """Convert doc.text[start:end] to `target` ("simplified" or "traditional") with the phrase
    tables, reading the context around it so that a character gets the form of the word it
    belongs to. Returns (start, end, suggestion, decided):

    - the span grows to the whole phrase when a dictionary phrase straddles it (头发 for a lone
      发: the suggestion is 頭髮), and to a nearby phrase that the conversion changes although
      none of its characters is script-specific (以后 → 以後 next to a Simplified run), as long as
      nothing between them belongs to the expected script; characters the conversion does not
      change keep their form;
    - `decided` is false when a character had several candidates and no phrase chose one."""
    text = doc.text
    ls, le = line_bounds(text, start, end, WINDOW)
    w0, w1 = max(ls, start - WINDOW), min(le, end + WINDOW)
    # The context stops at a masked span (U+E000): masked code is never part of a suggestion.
    w0 = max(w0, text.rfind(MASK, w0, start) + 1)
    masked_after = text.find(MASK, end, w1)
    if masked_after >= 0:
        w1 = masked_after
    window = text[w0:w1]
    lo, hi = start - w0, end - w0
    if target == "traditional":
        if simplify_keys().search(window, lo, hi) is None:
            # The run itself is Simplified already (as it nearly always is): read only the context.
            source = simplify_chars(window[:lo]) + window[lo:hi] + simplify_chars(window[hi:])
        else:
            source = simplify_chars(window)
        converter = to_traditional()
    else:
        source = window
        converter = to_simplified()
    out, segments, decided = converter.convert(source, lo, hi)
    keep = _expected_only(target)
    a, b = lo, hi
    changed = [(lo, hi)]  # the spans of `window` that take the converted characters
    # The segments are sorted and do not overlap: those that straddle the run are a slice of
    # them, and those wholly before (after) it come before (after) that slice.
    first = bisect_right(segments, lo, key=_END)
    after = bisect_left(segments, hi, key=_START)
    if first < after:  # phrases that straddle the run
        a, b = min(a, segments[first].start), max(b, segments[after - 1].end)
    for seg in reversed(segments[: bisect_right(segments, a, key=_END)]):  # changed phrases just before it
        if out[seg.start : seg.end] != window[seg.start : seg.end]:
            if (keep is None or keep.search(window, seg.end, a) is None) and a - seg.end <= WINDOW:
                a = seg.start
                changed.append((seg.start, seg.end))
    for seg in segments[bisect_left(segments, b, key=_START) :]:  # ... and just after it
        if out[seg.start : seg.end] != window[seg.start : seg.end]:
            if (keep is None or keep.search(window, b, seg.start) is None) and seg.start - b <= WINDOW:
                b = seg.end
                changed.append((seg.start, seg.end))
    taiwan = target == "traditional" and prefers_taiwan_forms(doc)
    pieces, pos = [], a
    for i, j in _union(changed):
        pieces.append(window[pos:i])
        pieces.append(taiwan_forms(out[i:j]) if taiwan else out[i:j])
        pos = j
    pieces.append(window[pos:b])
    return w0 + a, w0 + b, "".join(pieces), decided


_START = attrgetter("start")
_END = attrgetter("end")


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans that cover the same positions as `spans`."""
    merged: list[tuple[int, int]] = []
    for i, j in sorted(spans):
        if i >= j:
            continue
        if merged and i <= merged[-1][1]:
            if j > merged[-1][1]:
                merged[-1] = (merged[-1][0], j)
        else:
            merged.append((i, j))
    return merged


def _expected_only(target: str) -> re.Pattern | None:
    """A character only the expected script has (it stops a run from growing): the class the
    script tables count with (its empty group changes no search)."""
    from ._detect import tables

    t = tables()
    return t.t_count_re if target == "traditional" else t.s_count_re


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


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# One pass over the text for the rare characters several rules look for: full-width letters and
# digits (SC005), Greek and Cyrillic letters (SC007), kana (SC008), lowercase ASCII letters
# (SC006), Latin-1 letters that start mojibake (SC010). A single character class scans at C speed (an alternation of classes is five times
# slower); the runs it finds are sorted into kinds in Python, and they are few in Chinese text.
# Written `[…][…]*`, not `[…]+`: a pattern that starts with a plain class lets the `re` engine
# skip to the next candidate with a fast character-set scan (twice as fast on the bench corpus).
_RARE_CLASS = "[０-９Ａ-Ｚａ-ｚ\u0370-\u052f\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9fa-z\u00c2\u00c3\u00e2-\u00ef]"
_RARE = lazyre.compile(_RARE_CLASS + _RARE_CLASS + "*")
_KINDS = lazyre.compile(
    "(?P<fullwidth>[０-９Ａ-Ｚａ-ｚ]+)|(?P<alphabet>[\u0370-\u052f])"
    "|(?P<kana>[\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9f]+)|(?P<lower>[a-z]+)"
    "|(?P<latin1>[\u00c2\u00c3\u00e2-\u00ef])"
)
_FW_DECIMAL = lazyre.compile("(?:[．，][０-９]+)+")


@analysis("script.rare-spans")
def rare_spans(doc) -> dict[str, list[tuple[int, int]]]:
    """Spans of the rare characters the width/Latin rules need, by kind:
    "fullwidth" runs (with their full-width decimal points: ８．５), single "alphabet" letters
    (Greek, Cyrillic), "kana" runs, "lower": a run of two or three lowercase ASCII letters
    that is a whole word on its own (nothing alphabetic on either side), and "latin1": the
    letters (Â Ã â-ï) that start UTF-8 read as Latin-1."""
    text = doc.text
    found = {"fullwidth": [], "alphabet": [], "kana": [], "lower": [], "latin1": []}
    for m in _RARE.finditer(text):
        base = m.start()
        for k in _KINDS.finditer(m.group()):
            kind = k.lastgroup
            start, end = base + k.start(), base + k.end()
            if kind == "fullwidth":
                if found["fullwidth"] and start < found["fullwidth"][-1][1]:
                    continue  # the digits after a decimal point already taken
                tail = _FW_DECIMAL.match(text, end)
                if tail and tail.end() > end and text[tail.end() - 1] != "，":
                    end = tail.end()
            elif kind == "lower":
                if not 2 <= end - start <= 3 or (start, end) != m.span():
                    continue
                if start and text[start - 1].isalpha() and not _HAN_CHAR.match(text[start - 1]):
                    continue
                if end < len(text) and text[end].isalpha() and not _HAN_CHAR.match(text[end]):
                    continue
            found[kind].append((start, end))
    return found


_HAN_CHAR = lazyre.compile(f"[{HAN}]")
