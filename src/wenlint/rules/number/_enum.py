"""Inline enumerations: 一是…二是…, 第一，…第二，…, ①…②….

A marker belongs to the section it is in: sections end at a heading that starts a line and at
the start of a new piece of a compilation, so every section numbers its enumerations afresh.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from ...analyses import analysis
from ._common import _small, lazy, outline
from ._numerals import small_cn

_SHI = lazy(r"([一二三四五六七八九十]{1,2})\s?是")
_DI = lazy(r"第([一二三四五六七八九十]{1,2})(?=[，,、：:])")
_CIRCLED_CHARS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED = lazy("[" + _CIRCLED_CHARS + "]")
# a numeral right before 一是 makes it a word: 统一是, 唯一是, 第一是, 五一是(劳动节), 十一是(国庆)
_NOT_BEFORE_SHI = set("〇零一二三四五六七八九十百千万两第统唯同单均之逐归整划专合週周星")
_CN_SHI = set("一二三四五六七八九十")
# 是 right after a numeral (一是), or after a numeral and a space: literal first, so the scan
# skips ahead in C over the many other 是
_SHI_AFTER_NUMERAL = lazy(r"是(?:(?<=[一二三四五六七八九十]是)|(?<=[一二三四五六七八九十] 是))")
_PUNCT = set("，,。；;：:！!？?、（(）)“”\"'「」 \t\u3000\n")
_START = attrgetter("start")
# ordinals listed before the noun they count: 第二、三卷, 第二、第三、第五、第六各款
_LISTED_ORDINALS = lazy(
    r"第[一二三四五六七八九十]{1,3}、(?:第?[一二三四五六七八九十]{1,3}、)*第?[一二三四五六七八九十]{1,3}"
    r"(?:[卷条條款项項章节節部册冊期次个個届屆篇集]|各)"
)
FAMILY_NAMES = {"shi": "是", "di": "第", "ci": ""}


@dataclass
class Marker:
    start: int
    end: int
    family: str  # "shi" 一是, "di" 第一，, "ci" ①
    number: int
    text: str
    section: int  # index of the section it is in


def label(family: str, n: int) -> str:
    cn = "一二三四五六七八九十"
    word = cn[n - 1] if 1 <= n <= 10 else ("十" + cn[n - 11] if 11 <= n <= 19 else str(n))
    if family == "shi":
        return f"{word}是"
    if family == "di":
        return f"第{word}"
    return _CIRCLED_CHARS[n - 1] if 1 <= n <= 20 else str(n)


@analysis("number.sections", needs=(outline,))
def section_starts(doc) -> list[int]:
    o = outline(doc)
    return sorted({0} | {h.start for h in o.headings if h.at_line_start} | {p.start for p in o.pieces})


@analysis("number.markers", needs=(section_starts,))
def markers(doc) -> list[Marker]:
    text = doc.text
    starts = section_starts(doc)
    found: list[Marker] = []
    append = found.append
    small = _small
    for sm in _SHI_AFTER_NUMERAL.finditer(text):
        i = sm.start()
        j = i - 1 if text[i - 1] != " " else i - 2
        start = j - 1 if j and text[j - 1] in _CN_SHI else j
        run = text[start:j + 1]
        prev = text[start - 1] if start else ""
        n = small(run) if prev not in _NOT_BEFORE_SHI else None
        nxt = text[i + 1:i + 3]
        if n is not None and not (nxt[:1] == run[:1] or nxt.startswith(("否", "非"))):  # 一是一 / 是否
            append(Marker(start, i + 1, "shi", n, text[start:i + 1], bisect_right(starts, start) - 1))
    if "第" in text:
        for m in _DI.finditer(text):
            prev = text[m.start() - 1] if m.start() else "\n"
            if prev not in _PUNCT:
                continue  # 1个第一、3个第二 / 取得第一
            if prev == "、" or _LISTED_ORDINALS.match(text, m.start()):
                continue  # 第二、三卷 / 第二、第三、第五各款: ordinals listed, not an enumeration
            n = small_cn(m.group(1))
            if n:
                found.append(Marker(m.start(), m.end(), "di", n, m.group(), bisect_right(starts, m.start()) - 1))
    for m in (_CIRCLED.finditer(text) if "①" in text else ()):
        found.append(Marker(m.start(), m.end(), "ci", _CIRCLED_CHARS.index(m.group()) + 1, m.group(),
                            bisect_right(starts, m.start()) - 1))
    found.sort(key=_START)
    return found


@analysis("number.marker-starts", needs=(markers,))
def marker_starts(doc) -> list[int]:
    return [k.start for k in markers(doc)]


def run_after(doc, pos: int, family: str | None = None) -> list[Marker]:
    """The enumeration that starts right after `pos` (its first marker numbered 1) in the same
    section: its consecutive markers 1, 2, 3, …"""
    ms = markers(doc)
    starts = section_starts(doc)
    section = bisect_right(starts, pos) - 1
    out: list[Marker] = []
    keys = marker_starts(doc)
    for k in ms[bisect_left(keys, pos):]:
        if k.section != section:
            break
        if not out:
            if k.number != 1 or (family and k.family != family):
                return []
            out.append(k)
            continue
        if k.family != out[0].family:
            continue
        if k.number == out[-1].number + 1:
            out.append(k)
        elif k.number == 1:
            break
    return out
