"""What the number rules share: the event data, sentences, numbers with units, and the document's
outline (headings, titles, the pieces of a compilation and the year each piece is about).

The outline is a document analysis (wenlint.analyses): computed once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ...analyses import analysis
from ...analyses.lines import short_lines
from ...analyses.outline import HEADING_MARK_INSIDE, number_word_after, structure
from ._numerals import Quantity, cn_to_int, quantity, small_cn

class lazy:  # noqa: N801 - used like re.compile
    """A pattern compiled on first use, so importing the rules stays cheap. The methods used are
    then kept on the instance, so later calls cost no more than on the compiled pattern."""

    def __init__(self, *args) -> None:
        self._args = args
        self._compiled = None

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value


# ----- data -----------------------------------------------------------------------------------

# Simplified -> Traditional for the characters that occur in event names and fixed phrases, so
# that one table matches both scripts (建党/建黨, 十六届五中全会/十六屆五中全會).
_TRAD = {
    "党": "黨", "届": "屆", "会": "會", "国": "國", "劳": "勞", "动": "動", "节": "節", "周": "週",
    "开": "開", "规": "規", "划": "劃", "战": "戰", "军": "軍", "归": "歸", "胜": "勝", "运": "運",
    "纪": "紀", "庆": "慶", "诞": "誕", "华": "華", "门": "門", "红": "紅", "团": "團", "妇": "婦",
    "义": "義", "长": "長", "议": "議", "总": "總", "时": "時", "间": "間", "个": "個",
    "项": "項", "类": "類", "种": "種", "条": "條", "级": "級", "页": "頁", "篇": "篇", "计": "計",
    "汉": "漢", "数": "數", "民": "民", "职": "職", "进": "進", "农": "農", "镇": "鎮", "办": "辦",
    "乡": "鄉", "从": "從", "来": "來", "后": "後", "较": "較", "过": "過", "亿": "億",
    "万": "萬", "两": "兩", "业": "業", "学": "學", "这": "這", "实": "實", "为": "為", "达": "達",
    "于": "於", "与": "與", "余": "餘", "并": "並", "采": "採", "无": "無", "关": "關", "闭": "閉",
    "觉": "覺", "联": "聯", "设": "設", "认": "認", "证": "證", "试": "試", "础": "礎", "阶": "階",
    "段": "段", "结": "結", "纲": "綱", "要": "要", "报": "報", "告": "告", "讲": "講", "话": "話",
    "汇": "匯", "见": "見", "发": "發", "言": "言", "辞": "辭", "稿": "稿", "范": "範", "细": "細",
    "则": "則", "宁": "寧", "备": "備", "东": "東", "泽": "澤", "邓": "鄧", "恩": "恩", "孙": "孫",
    "辛": "辛", "亥": "亥", "遵": "遵", "澳": "澳", "解": "解", "放": "放", "疆": "疆", "藏": "藏",
    "抗": "抗", "击": "擊", "盘": "盤", "际": "際", "盟": "盟", "获": "獲",
}
TRAD = str.maketrans({k: v for k, v in _TRAD.items() if k != v})
SIMP = str.maketrans({v: k for k, v in _TRAD.items() if k != v})


def both_scripts(word: str) -> str:
    """A regex matching `word` in Simplified or Traditional characters."""
    out = []
    for ch in word:
        t = _TRAD.get(ch)
        out.append(f"[{re.escape(ch)}{t}]" if t and t != ch else re.escape(ch))
    return "".join(out)


def data_dir():
    from ..registry import builtin_pack_dir

    return builtin_pack_dir() / "data"


@lru_cache(maxsize=1)
def events() -> dict:
    """rules/data/events.toml (read once per process)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    path = data_dir() / "events.toml"
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, ValueError):
        return {}


def words(name: str) -> list:
    return list(events().get("words", {}).get(name, []))


# ----- text helpers ---------------------------------------------------------------------------

SENTENCE_END = "。！？!?"
CLAUSE_END = "。！？!?；;"
PLACEHOLDER = lazy(r"[XxＸｘ×＊*\ue000□]{1,}|[?？]{2,}|_{2,}")


def sentence_bounds(text: str, pos: int, ends: str = SENTENCE_END) -> tuple[int, int]:
    """The sentence (up to a sentence end or line break) around `pos`: (start, end), end exclusive
    and just after the end punctuation when there is one."""
    ls = text.rfind("\n", max(0, pos - 4000), pos) + 1
    le = text.find("\n", pos, pos + 4000)
    le = min(len(text), pos + 4000) if le == -1 else le
    first, last = _end_scans(ends)
    # the last sentence end before pos: look in a short window first, widen it only when needed
    # (one str.rfind per end character would run back to the line start for the absent ones)
    start = ls
    lo = pos
    while lo > ls:
        lo = max(ls, lo - 64 if lo == pos else pos - 4 * (pos - lo))
        m = last.match(text, lo, pos)
        if m is not None:
            start = m.end()
            break
    m = first.search(text, pos, le)
    return start, (m.end() if m is not None else le)


@lru_cache(maxsize=8)
def _end_scans(ends: str):
    cls = "[" + re.escape(ends) + "]"
    return re.compile(cls), re.compile("(?s).*" + cls)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end == -1 else end)


# ----- numbers with units ---------------------------------------------------------------------

UNITS = (
    "人次|户次|件次|人|名|位|家|个|個|户|戶|起|条|條|件|次|美元|元|亩|畝|公顷|平方米|立方米|吨|噸|"
    "篇|项|項|所|座|套|台|臺|辆|輛|份|册|冊|本|场|場|期|幅|株|支|只|头|頭|批|处|處|间|間|栋|棟|"
    "小时|公里|千米|米|个村|村|元钱|斤|公斤|千克|张|張|部|届|屆|站|箱|袋|盒|封|块|塊|棵"
)
UNIT_CANON = {"個": "个", "戶": "户", "條": "条", "畝": "亩", "噸": "吨", "項": "项", "臺": "台",
              "輛": "辆", "冊": "册", "場": "场", "頭": "头", "處": "处", "間": "间", "棟": "栋",
              "張": "张", "屆": "届", "塊": "块", "元钱": "元", "个村": "村"}
APPROX_BEFORE = ("约", "近", "大约", "将近", "超过", "超", "逾", "达上", "上", "几", "数", "不到", "不足", "約", "將近", "超過")
APPROX_AFTER = ("以上", "以下", "左右", "上下", "多", "余", "餘", "许", "來", "来")

# (?<![\d.．]) is checked after the first digit, so that the pattern starts with a digit and a
# scan skips ahead in C to the next digit (as an opening lookbehind it was tried at every position)
# 1,370,536,875: thousands separators are part of the number (else "875人" would be read)
NUMBER_UNIT = lazy(
    r"(\d(?<![\d.．,]\d)(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*)(?:\.\d+)?)\s?((?:[千百][万萬亿億]|[万萬]亿|萬億|[万萬亿億千])?)([多余餘来來]?)(" + UNITS + r")(?!\d|百分点|百分點)"
)


@dataclass
class Amount:
    start: int
    end: int
    qty: Quantity
    unit: str  # canonical unit
    approx: bool
    label: str = ""  # the words right before the number (its category), for parts


def amounts(text: str, start: int, end: int) -> list[Amount]:
    """Numbers with units in text[start:end], with approximation markers noted."""
    out = []
    for m in NUMBER_UNIT.finditer(text, start, end):
        q = quantity(m.group(1).replace(",", ""), m.group(2))
        if q is None:
            continue
        unit = UNIT_CANON.get(m.group(4), m.group(4))
        before = text[max(start, m.start() - 2):m.start()]
        after = text[m.end():m.end() + 2]
        approx = bool(m.group(3)) or before.endswith(APPROX_BEFORE) or after.startswith(APPROX_AFTER)
        out.append(Amount(m.start(), m.end(), q, unit, approx))
    return out


# ----- outline: headings, titles, pieces ------------------------------------------------------

CN_NUM = "一二三四五六七八九十"
# A heading number inside a sentence ("。3.细化…", "；（2）…"); at a line start the structure pass
# (wenlint.analyses.outline) reads them. "二、" inside a sentence is never taken as a heading.
# Each pattern starts with a literal, so the scan skips ahead in C (the rules must be fast).
HEADING_SCANS = (
    lazy(r"。[ \t\u3000]*" + HEADING_MARK_INSIDE),
    lazy(r"；[ \t\u3000]*" + HEADING_MARK_INSIDE),
)
# The schemes of the outline the number rules check: 一、 （一） 1、 1. （1）.
STYLES = ("cd", "cp", "dd", "dp")
TERMINAL = "。！？!?；;：:…”」』）)】>》]"

DOC_TYPES = (
    "总结|計劃|总结范文|计划|报告|材料|方案|讲话|汇报|要点|意见|通知|规划|发言|致辞|讲稿|细则|"
    "總結|計畫|報告|講話|匯報|規劃|發言|範文|範本|范本|篇"
)
TITLE_TYPES = lazy(r"(?:" + DOC_TYPES + r")")
_NOT_TITLE = lazy(r"[。，,；;！!？?:：>|]")
PIECE_MARK = lazy(r"(?:^|(?<=\n))[ \t\u3000]*【(?:篇|第)\s*[0-9一二三四五六七八九十]+\s*篇?】")
# (?=(…))\1: the line is taken whole, never backtracked into (a long line fails at once)
SHORT_LINE = lazy(r"\n(?=([^\n]{2,60}))\1(?=\n|$)")
SHORT_FIRST = lazy(r"([^\n]{2,60})(?=\n|$)")
DATE_LINE = lazy(r"^[\s(（]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s)）]*$")
TITLE_YEAR = lazy(
    r"((?:19|20)\d{2})\s*[-—–~～至到]+\s*((?:19|20)\d{2})|((?:19|20)\d{2})(?!\d)|((?:19|20)\d)[*＊×xX](?=\s*年)"
)
FIRST_LINE_YEAR = lazy(r"^[ \t\u3000]*((?:19|20)\d{2})年(?:[，,]|上半年|下半年|度|全年|是|一年来)")
# (发布|更新)时间: only the time word matters (the prefix never changes the year that is read)
POST_DATE = lazy(r"(?:时间|時間|日期)\s*[:：]\s*((?:19|20)\d{2})\s*[-/年.]")


@dataclass
class Heading:
    start: int  # offset of the marker (its bracket, or its first numeral)
    end: int  # offset after the marker
    line: int  # 0-based line index
    style: str  # "cd" 一、  "cp" （一）  "dd" 1、  "dp" （1）
    number: int
    at_line_start: bool


@dataclass
class Piece:
    start: int
    years: tuple[int, int] | None  # the year (interval) the piece is about, when it says
    title: str = ""
    year_span: tuple[int, int] | None = None  # where the year was read


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    post_year: int | None = None
    post_span: tuple[int, int] | None = None
    marks: list[int] = field(default_factory=list)  # offsets of 【篇N】 section marks

    def piece_at(self, pos: int) -> Piece | None:
        found = None
        for piece in self.pieces:
            if piece.start <= pos:
                found = piece
            else:
                break
        return found


def _first(item):
    return item[0]


@lru_cache(maxsize=2048)
def _small(raw: str) -> int | None:
    return small_cn(raw)


@analysis("number.outline", needs=(structure, short_lines))
def outline(doc) -> Outline:
    text = doc.text
    out = Outline()
    # headings: at a line start, as the structure pass reads them (a line that continues the
    # sentence of the line before is left out); inside a sentence, after 。 or ；
    found = []
    heading_line_starts = set()  # line starts of the headings that start their line
    add_line = heading_line_starts.add
    for line in structure(doc).headings():
        h = line.heading
        if h.scheme in STYLES:
            found.append((line.start - 1 if line.index else 0, h.start, h.end, h.scheme, h.number, line.index))
            add_line(line.start)
    small = _small
    for scan in HEADING_SCANS:
        for m in scan.finditer(text):
            style = m.lastgroup
            raw = m.group(style)
            number = int(raw) if style == "dd" or style == "dp" else small(raw)
            if not number:
                continue
            end = m.end()
            if number_word_after(text, style, end):
                continue
            found.append((m.start(), m.start(style) - (style == "cp" or style == "dp"), end, style, number, None))
    found.sort(key=_first)
    line_starts = doc.line_starts
    headings = out.headings
    for _, marker, end, style, number, line_index in found:
        at_start = line_index is not None
        if not at_start:
            line_index = bisect_right(line_starts, marker) - 1
        headings.append(Heading(marker, end, line_index, style, number, at_start))
    # post date in a page header
    head = text[:3000]
    pm = POST_DATE.search(head) if ("时间" in head or "時間" in head or "日期" in head) else None
    if pm:
        out.post_year = int(pm.group(1))
        out.post_span = (pm.start(1), pm.end(1))
    # titles and pieces
    mark_starts = set()  # line starts of the 【篇N】 lines
    i = text.find("【")
    while i != -1:
        ls = line_starts[bisect_right(line_starts, i) - 1]  # not rfind: a long line has many 【
        if PIECE_MARK.match(text, ls):
            mark_starts.add(ls)
            out.marks.append(i)
        i = text.find("【", i + 1)
    candidates = []
    # the short lines (2 to 60 characters) that can be candidates, in order: the first line, the
    # lines without the punctuation no title or date line has (_NOT_TITLE) and the 【篇N】 lines
    shorts = []
    not_title = _NOT_TITLE.search
    lines = doc.lines
    for i in short_lines(doc).lines:
        ls = line_starts[i]
        le = ls + len(lines[i])
        if 2 <= le - ls <= 60 and (not i or ls in mark_starts or not_title(text, ls, le) is None):
            shorts.append((ls, le))
    for ls, le in shorts:
        if ls in heading_line_starts:
            continue
        line = text[ls:le].strip(" \t\u3000")
        if not line:
            continue
        if ls in mark_starts:
            candidates.append((ls, le, line, "mark"))
        elif "日" in line and DATE_LINE.match(line):
            candidates.append((ls, le, line, "date"))
        elif TITLE_TYPES.search(line[-12:]) and not _NOT_TITLE.search(line):
            candidates.append((ls, le, line, "title"))
    prev_end = None
    current: Piece | None = None
    for start, end, line, kind in candidates:
        joined = prev_end is not None and not text[prev_end:start].strip() and kind == "title"
        years, span = _line_years(text, start, end, line, kind)
        if joined and current is not None:
            if years is not None and current.years is None:
                current.years, current.year_span = years, span
        else:
            current = Piece(start, years, line, span)
            out.pieces.append(current)
        prev_end = end
    # a piece without a year in its title may state it in its first line ("2019年，区总工会…")
    for i, piece in enumerate(out.pieces):
        if piece.years is not None:
            continue
        nl = text.find("\n", piece.start)
        if nl == -1:
            continue
        limit = out.pieces[i + 1].start if i + 1 < len(out.pieces) else len(text)
        rest = text[nl + 1:min(limit, nl + 400)]
        stripped = rest.lstrip()
        offset = nl + 1 + (len(rest) - len(stripped))
        fm = FIRST_LINE_YEAR.match(stripped)
        if fm:
            y = int(fm.group(1))
            piece.years, piece.year_span = (y, y), (offset + fm.start(1), offset + fm.end(1))
        else:
            # the first line may hold a title phrase: "xx县总工会  200*年精神文明创建工作总结 一年来,…"
            first = stripped.split("\n", 1)[0][:40]
            tm = re.search(r"((?:19|20)\d{2}|(?:19|20)\d[*＊×xX])\s*年[^，,。]{0,14}(?:" + DOC_TYPES + ")", first)
            if tm:
                years = _year_interval(tm.group(1))
                if years:
                    piece.years = years
                    piece.year_span = (offset + tm.start(1), offset + tm.end(1))
    return out


def _year_interval(token: str) -> tuple[int, int] | None:
    token = token.strip()
    if len(token) == 4 and token.isdigit():
        y = int(token)
        return (y, y)
    if len(token) == 4 and token[:3].isdigit():
        base = int(token[:3]) * 10
        return (base, base + 9)
    return None


def _line_years(text, start, end, line, kind):
    """The year interval a title or date line states, and where."""
    if kind == "date":
        m = re.search(r"(?:19|20)\d{2}", text[start:end])
        y = int(m.group())
        return (y, y), (start + m.start(), start + m.end())
    for m in TITLE_YEAR.finditer(text, start, end):
        if m.group(1):
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                return None, None  # a reversed range says nothing reliable (NM007 flags it)
            return (a, b), (m.start(1), m.end(2))
        if m.group(3):
            y = int(m.group(3))
            return (y, y), (m.start(3), m.end(3))
        if m.group(4):
            base = int(m.group(4)) * 10
            return (base, base + 9), (m.start(4), m.end(4) + 1)
    return None, None
