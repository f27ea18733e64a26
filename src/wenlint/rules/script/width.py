"""SC004 and SC005: character width — half-width punctuation inside Chinese text, full-width Latin
letters and digits."""

from __future__ import annotations

import re

from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._runs import rare_spans

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CLOSE = "”’）》」』】〕〉"
TO_FULL = str.maketrans(",;:!?()", "，；：！？（）")
FULL_MARKS = "，；：！？（"
HALF_MARKS = b",;:!?("

# A half-width mark right after a Han character (or a closing Chinese quote/bracket), with the
# spaces that follow it; ":" between digits (19:30, 5:1), "," in 1,000, URLs never qualify.
_MARK = re.compile(f"([,;:!?])(?<=[{HAN}{CJK_CLOSE}][,;:!?])[ \\t]*")
# A half-width bracket pair around Chinese text: 局(产业), (一), (2008年8月15日).
_BRACKETS = re.compile(f"\\(([^()\\n]{{0,80}}?[{HAN}][^()\\n]{{0,80}}?)\\)")


def _convention(doc, ctx) -> bool:
    """Whether half-width punctuation in Chinese text should be flagged: `punctuation-width`
    "full" always, "half" never, "auto" (default) when the document itself uses full-width marks
    more often than half-width ones in Chinese text, so a consistently half-width document (as
    many pasted from the web are) is left alone."""
    mode = ctx.option("punctuation-width")
    if mode == "full":
        return True
    if mode != "auto":
        return False
    key = "script.width-convention"
    value = doc.cache.get(key)
    if value is None:
        text = doc.text
        # An upper bound of the half-width marks first; the exact count of those in Chinese text
        # only when the bound leaves the answer open.
        bound = _half_marks(doc)
        if bound == 0:
            full = 1 if any(c in text for c in FULL_MARKS) else 0  # only whether there is one
        else:
            full = sum(text.count(c) for c in FULL_MARKS)
        if full == 0 or full > bound:
            value = full > 0
        elif full * 4 <= bound:
            value = False  # half-width marks outnumber full-width ones four to one: not close
        else:
            half = len(_MARK.findall(text)) + len(_BRACKETS.findall(text))
            value = full > half
        doc.cache[key] = value
    return value


def _half_marks(doc) -> int:
    """How many half-width marks , ; : ! ? ( the text has, anywhere: counted in its ASCII
    characters alone (dropping the others is one fast pass), cached per document."""
    key = "script.half-marks"
    count = doc.cache.get(key)
    if count is None:
        ascii_text = doc.text.encode("ascii", "ignore")
        count = doc.cache[key] = len(ascii_text) - len(ascii_text.translate(None, HALF_MARKS))
    return count


class HalfWidthPunctuation(Rule):
    code = "SC004"
    name = "half-width-punctuation"
    category = "script"
    severity = "info"
    summary = "中文里夹着半角标点（, ; : ! ? 和括号），而全文以全角为准"
    why = (
        "Chinese text takes full-width punctuation (，；：！？（）); half-width marks between Chinese "
        "characters come from pasting or an English input method and look cramped. The "
        "document's own convention decides (`punctuation-width = \"auto\"`): a document that "
        "mostly uses full-width marks gets its stray half-width ones reported; one that is "
        "half-width throughout is left alone unless `punctuation-width = \"full\"` "
        "(`\"half\"` turns the rule off). Times "
        "(19:30), ratios (5:1), numbers (1,000) and URLs are never touched. One finding per line, "
        "whose fix converts every such mark on the line."
    )
    bad = "区总工会召开了会议，听取了工作报告，研究了下半年工作。会议要求,各级工会要认真落实。"
    good = "区总工会召开了会议，听取了工作报告，研究了下半年工作。会议要求，各级工会要认真落实。"
    fix_doc = (
        "Use the full-width mark. `--fix` converts every half-width mark and half-width bracket "
        "pair in Chinese text on the flagged line (safe), and drops the spaces typed after them."
    )
    fix_safety = "safe"
    options = {"punctuation-width": "auto"}
    specs = (
        Spec("会议指出，要加强学习，提高素质，改进作风，务求实效；要团结协作，开拓创新。\n"
             "会议要求,各级工会要认真落实;同时,要加强督查(每季度一次)。\n下午三点，会议结束。",
             (",",),
             fixed="会议指出，要加强学习，提高素质，改进作风，务求实效；要团结协作，开拓创新。\n"
                   "会议要求，各级工会要认真落实；同时，要加强督查（每季度一次）。\n下午三点，会议结束。"),
        # Mostly half-width: the document's convention, left alone ...
        Spec("一年来,县总工会在县委的领导下,取得了显著成绩;得到了充分肯定。"),
        # ... unless the configuration asks for full-width.
        Spec("一年来,县总工会在县委的领导下,取得了显著成绩。", (",",), options={"punctuation-width": "full"},
             fixed="一年来，县总工会在县委的领导下，取得了显著成绩。"),
        # Times, ratios, decimals, ranges, URLs and English stay as they are.
        Spec("时间：19:30:04，比例为5:1，共1,000人，增长1.5万，建设2--3个基地，网址http://example.com，Hello, world!"),
    )

    def check(self, doc, ctx):
        if not _convention(doc, ctx) or _half_marks(doc) == 0:
            return  # (no half-width mark at all: nothing to find)
        text = doc.text
        by_line: dict[int, list[Edit]] = {}
        for m in _MARK.finditer(text):
            by_line.setdefault(doc.line_index(m.start()), []).append(Edit(m.start(), m.end(), m.group(1).translate(TO_FULL)))
        for m in _BRACKETS.finditer(text):
            edits = by_line.setdefault(doc.line_index(m.start()), [])
            edits.append(Edit(m.start(), m.start() + 1, "（"))
            edits.append(Edit(m.end() - 1, m.end(), "）"))
        for line in sorted(by_line):
            edits = sorted(set(by_line[line]), key=lambda e: (e.start, e.end))
            kept: list[Edit] = []
            for e in edits:
                if not kept or e.start >= kept[-1].end:
                    kept.append(e)
            first = kept[0]
            mark = text[first.start]
            count = len(kept)
            more = f"（本行共 {count} 处）" if count > 1 else ""
            message = f"中文里的半角标点「{mark}」应改为全角「{first.content}」{more}"
            yield Hit(first.start, first.start + 1, message, first.content, Fix(tuple(kept), "safe"))


_HALF = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}


class FullWidthAlphanumeric(Rule):
    code = "SC005"
    name = "full-width-alphanumeric"
    category = "script"
    severity = "info"
    summary = "全角字母或数字（ＡＢＣ、１２３）"
    why = (
        "Latin letters and Arabic numerals in Chinese text are written half-width (GB/T 15835); "
        "full-width ones (２０２４年, ＧＤＰ) come from an input method left in full-width mode, and "
        "they break searching, sorting and number checks."
    )
    bad = "全年共培训职工１２０人次，ＧＤＰ增长８．５％。"
    good = "全年共培训职工120人次，GDP增长8.5％。"
    fix_doc = "Use the half-width letters and digits; `--fix` converts them (safe)."
    fix_safety = "safe"
    specs = (
        Spec("全年共培训职工１２０人次，ＧＤＰ增长８．５％。", ("１２０", "ＧＤＰ", "８．５"),
             fixed="全年共培训职工120人次，GDP增长8.5％。"),
        Spec("全年共培训职工120人次，GDP增长8.5%，Word文档。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        for start, end in rare_spans(doc)["fullwidth"]:
            full = text[start:end]
            half = full.translate(_HALF)
            yield Hit(start, end, f"全角字母数字「{full}」应改为半角「{half}」", half,
                      Fix.replace(start, end, half, "safe"))
