"""NM007: a date range that runs backwards, or stages whose date ranges overlap; NM008: a date
that cannot exist (2月30日, 13月)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ._common import lazy

DASH = r"\s*(?:[-—–~～]{1,2}|至|到)\s*"
# (?<![\d\-—–.]) checked after the year's first digit, so the pattern starts with 1 or 2
YEAR_RANGE = lazy(r"((?:1(?<![\d\-—–.]1)9|2(?<![\d\-—–.]2)0)\d{2})\s*年?" + DASH + r"((?:19|20)\d{2})(?![\d\-—–])")
DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"
DATE_RANGE = lazy(
    r"(?<!\d)" + DATE + DASH + r"(?:((?:19|20)\d{2})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(?:(\d{1,2})\s*[日号])?"
)
MONTH_DAY = lazy(r"(?<![\d.．])(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
LUNAR = ("农历", "阴历", "農曆", "陰曆", "腊月", "臘月", "正月")
_LUNAR = lazy("|".join(LUNAR))
# 月 not right after a Han character: the only 月 that can follow a digit (no Han character is one)
_MONTH_CANDIDATE = lazy("月(?<=[^\u4e00-\u9fff]月)")


_DASHES = ("-", "—", "–", "~", "～", "至", "到")
_DATE_TAIL = lazy(DATE + r"\s*$")


# A range dash not right after a Han character other than 年月日号 (达到, 直至): the only dashes
# _dash_positions can keep (no Han character is a digit). One literal-first scan per dash skips
# ahead in C faster than one scan for a class of them.
_DASH_CANDIDATES = tuple(
    lazy(re.escape(d) + "(?:(?<![\u4e00-\u9fff]" + re.escape(d) + ")|(?<=[年月日号]" + re.escape(d) + "))")
    for d in _DASHES
)


@analysis("number.range-dashes")
def _dash_positions(doc) -> list[int]:
    """Offsets of range dashes with a digit (or 年/月/日) right before them."""
    text = doc.text
    out = []
    for i in [dm.start() for scan in _DASH_CANDIDATES for dm in scan.finditer(text)]:
        j = i - 1
        while j >= 0 and text[j] in " \t\u3000-—–":
            j -= 1
        if j >= 0 and (text[j].isdigit() or text[j] in "年月日号"):
            out.append(i if text[i - 1] not in "-—–" else i - 1)
    return sorted(set(out))


def _year_range_matches(doc):
    text = doc.text
    for i in _dash_positions(doc):
        m = YEAR_RANGE.search(text, max(0, i - 8), i + 12)
        if m and m.end(1) <= i < m.start(2):
            yield m


def _date_range_matches(doc):
    text = doc.text
    seen = -1
    for i in _dash_positions(doc):
        if text[i - 1:i] not in ("日", "号", "月") and not text[i - 1:i].isdigit():
            continue
        back = _DATE_TAIL.search(text, max(0, i - 20), i)
        if back is None or back.start() <= seen:
            continue
        m = DATE_RANGE.match(text, back.start())
        if m is not None:
            seen = m.start()
            yield m


@dataclass
class DateRange:
    start: int
    end: int
    a: tuple[int, int, int]
    b: tuple[int, int, int]
    text: str


@analysis("number.date-ranges", needs=(_dash_positions,))
def date_ranges(doc) -> list[DateRange]:
    text = doc.text
    out = []
    if "月" in text:
        for m in _date_range_matches(doc):
            y1, m1, d1 = int(m.group(1)), int(m.group(2)), m.group(3)
            y2, m2, d2 = m.group(4), m.group(5), m.group(6)
            if not (y2 or m2 or d2):
                continue
            if d2 and not m2 and not d1:
                continue  # 2008年5月-6日?: not a range we understand
            if not (1 <= m1 <= 12):
                continue
            a = (y1, m1, int(d1) if d1 else 1)
            b_month = int(m2) if m2 else m1
            if not (1 <= b_month <= 12):
                continue
            b_day = int(d2) if d2 else (calendar.monthrange(int(y2) if y2 else y1, b_month)[1] if m2 or y2 else a[2])
            b = (int(y2) if y2 else y1, b_month, b_day)
            out.append(DateRange(m.start(), m.end(), a, b, m.group()))
    return out


def _fmt(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


class DateRangeOrder(Rule):
    code = "NM007"
    name = "date-range-order"
    category = "number"
    reads = ("number.range-dashes", "number.date-ranges")
    severity = "info"
    summary = "日期区间起止颠倒（2024—2011年），或各阶段的时间段互相重叠"
    why = (
        "结束早于开始的区间（2024—2011年，2008年9月16日-2008年8月15日）一定是笔误，通常是只改了一处年份；"
        "计划各阶段的日期互相重叠（第二阶段在第一阶段结束前就开始）会让时间表无法执行。\n"
        "刻意不报的情形：结尾没写年份、月份往回走的区间（2008年12月20日至1月10日）是跨年；月份区间"
        "（5-6月）、数量区间（2--3个）和顺序正确的区间不报。阶段只比较提到“阶段”的行里的区间，且只与下一"
        "阶段比较；包含下一个区间的区间（活动自8月15日至12月31日，分三个阶段）是总时段，不是一个阶段。"
    )
    bad = "2024—2011年创建“文明机关”工作总结"
    good = "2009-2010创建文明机关工作总结"
    fix_doc = "改正没有跟着更新的年份或日期，或对调区间的起止。"
    specs = (
        Spec(bad, ("2024—2011",)),
        Spec(good),
        Spec("（二）组织实施阶段（2008年9月16日-2008年8月15日）。", ("2008年9月16日-2008年8月15日",)),
        Spec("于5-6月先后对34家企事业单位进行了检查，实现建设2--3个省级示范基地的目标。"),
        Spec("冬季（2008年12月20日至1月10日）暂停施工。"),
        Spec("“平安文明家庭”创建活动自2008年8月15日至2008年12月31日。活动共分三个阶段进行。\n"
             "（一）宣传发动阶段（2008年 8月15日-2008年9 月15日）。\n"
             "（二）组织实施阶段（2008年9月16日-2008年10月16日）。\n"
             "（三）检查验收阶段（2008年10月17日-2008年11月17日）。"),
        Spec("（一）宣传发动阶段（2008年8月15日-2008年9月15日）。\n"
             "（二）组织实施阶段（2008年9月1日-2008年10月16日）。",
             ("2008年9月1日-2008年10月16日",)),
        Spec("荣获2001-2005全国法制宣传教育先进单位；版权所有 2016-2024。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        for m in _year_range_matches(doc):
            a, b = int(m.group(1)), int(m.group(2))
            if b < a:
                yield Hit(m.start(1), m.end(2),
                          f"年份区间起止颠倒：{a} 在前、{b} 在后（{b}<{a}）：请改正其中一个年份，或写作 {b}—{a}",
                          suggestion=f"{b}{text[m.end(1):m.start(2)]}{a}")
        ranges = date_ranges(doc)
        for r in ranges:
            if r.b < r.a:
                y2_explicit = bool(re.search(r"[-—–~～至到]\s*(?:19|20)\d{2}\s*年", r.text))
                same_month = r.a[:2] == r.b[:2]
                if not y2_explicit and not same_month:
                    continue  # 12月20日至1月10日: into the next year
                yield Hit(r.start, r.end,
                          f"日期区间起止颠倒：结束日 {_fmt(r.b)} 早于开始日 {_fmt(r.a)}：请核对日期")
        # stages that overlap
        staged = []
        for r in ranges:
            if r.b < r.a:
                continue
            ls = text.rfind("\n", 0, r.start) + 1
            le = text.find("\n", r.end)
            if "阶段" in text[ls:(len(text) if le == -1 else le)] or "階段" in text[ls:(len(text) if le == -1 else le)]:
                staged.append(r)
        for prev, cur in zip(staged, staged[1:]):
            if doc.line_index(cur.start) - doc.line_index(prev.start) > 30:
                continue
            if prev.a <= cur.a and cur.b <= prev.b:
                continue  # the overall period, then its first stage
            if cur.a < prev.b:
                yield Hit(cur.start, cur.end,
                          f"阶段时间重叠：本阶段从 {_fmt(cur.a)} 开始，上一阶段到 {_fmt(prev.b)} 才结束"
                          "：请核对各阶段的起止日期")


def _month_days(text: str):
    for mm in _MONTH_CANDIDATE.finditer(text):
        i = mm.start()
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j].isdigit():
            k = j
            while k > 0 and text[k - 1].isdigit():
                k -= 1
            lo = k
            y = text.rfind("年", max(0, k - 6), k)
            if y != -1 and text[max(0, y - 5):y].strip()[-4:].isdigit():
                lo = max(0, y - 5)
            m = MONTH_DAY.search(text, lo, i + 6)
            while m is not None and m.end(2) < j + 1:
                m = MONTH_DAY.search(text, m.end(2), i + 6)
            if m is not None and m.start(2) <= j < m.end(2) + 1:
                yield m


class ImpossibleDate(Rule):
    code = "NM008"
    name = "impossible-date"
    category = "number"
    severity = "warning"
    summary = "不存在的日期（2月30日、4月31日、13月）"
    why = (
        "大于12的月份或超过当月天数的日子（2月30日、4月31日、2009年2月29日）不可能是对的：数字打错了，"
        "或日期是手工改的。写明年份时按闰年核对2月29日。\n"
        "刻意不报的情形：农历日期（农历二月三十、腊月）、时长（13个月）。"
    )
    bad = "4月31日，县总工会召开了动员大会。"
    good = "4月30日，县总工会召开了动员大会。"
    fix_doc = "改正日或月。"
    specs = (
        Spec(bad, ("4月31日",)),
        Spec(good),
        Spec("2009年2月29日召开会议；2008年2月29日召开会议。", ("2009年2月29日",)),
        Spec("2008年13月完成验收。", ("2008年13月",)),
        Spec("历时13个月，农历2月30日举行庙会。"),
        Spec("6月12日至13日召开代表大会，12月31日前完成。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "月" not in text:
            return
        for m in _month_days(text):
            year, month, day = m.group(1), int(m.group(2)), m.group(3)
            if not year and not day:
                continue
            if _LUNAR.search(text, max(0, m.start() - 6), m.start()):
                continue
            if not 1 <= month <= 12:
                yield Hit(m.start(), m.end(), f"月份 {month} 不存在（一年只有 12 个月）：请核对日期")
                continue
            if not day:
                continue
            d = int(day)
            y = int(year) if year else 2000  # a leap year: 2月29日 without a year is possible
            last = calendar.monthrange(y, month)[1]
            if d < 1 or d > last:
                note = f"{year}年不是闰年，" if year and month == 2 and d == 29 else ""
                yield Hit(m.start(), m.end(),
                          f"{note}{month}月只有 {last} 天，没有 {d} 日：请核对日期")


# 2020年4月2日（周三） / 2020-04-02 星期四 / 2020.4.2(礼拜四)
_WEEKDAY_AFTER = r"\s*[（(]?\s*(?:星期|周|週|礼拜|禮拜)\s*(?P<w>[一二三四五六日天])"
DATE_WEEKDAY = lazy(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?![\d.]))" + _WEEKDAY_AFTER
)
# the weekday word first (literal, so the scan skips ahead in C), the date is then read before it
_WEEKDAY_WORD = lazy(r"(?:星期|周|週|礼拜|禮拜)\s*[一二三四五六日天]")
_WEEKDAYS = "一二三四五六日"


class WeekdayMismatch(Rule):
    code = "NM011"
    name = "weekday-mismatch"
    category = "number"
    severity = "warning"
    summary = "日期后面注明的星期几与日历不符（2020年4月2日（周三），那天是星期四）"
    why = (
        "通知、会议纪要和新闻稿常在日期后注明星期几；改日期时忘了改星期（或反过来），读者就不知道"
        "该按哪一个来。本规则按公历算出完整日期（年、月、日都写明）是星期几，与所注的不符时报告，"
        "结论写出那天实际是星期几。\n"
        "刻意不报的情形：没有写年份的日期（4月2日（周三）：年份要猜）；农历日期（前面有农历、正月、"
        "腊月）；不存在的日期（由 NM008 报告）；“下周五（3/20）”这类相对说法。"
    )
    bad = "会议定于2020年4月2日（周三）上午召开。"
    good = "会议定于2020年4月2日（周四）上午召开。"
    fix_doc = "核对日期和星期几，改正写错的那个（建议给出按日期算出的星期几）。"
    specs = (
        Spec(bad, ("2020年4月2日（周三",)),
        Spec(good),
        Spec("时间2016年7月30日周六、周日二日行程。"),
        Spec("2019-06-16 星期日，香港市民连续第二个星期大型游行。"),
        Spec("2019-06-16 星期六出发。", ("2019-06-16 星期六",)),
        Spec("农历2020年4月2日（周三）举行庙会。"),
        Spec("4月2日（周三）上午召开。顾问委员会于下周五（3/20）下午开会。"),
        Spec("定于2021年2月30日（周二）召开。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "周" not in text and "星期" not in text and "週" not in text and "礼拜" not in text and "禮拜" not in text:
            return
        for wm in _WEEKDAY_WORD.finditer(text):
            lo = max(0, wm.start() - 24)
            m = None
            for cand in DATE_WEEKDAY.finditer(text, lo, wm.end()):
                if cand.end() == wm.end():
                    m = cand
                    break
            if m is None:
                continue
            y = int(m.group("y"))
            mo = int(m.group("m") or m.group("m2"))
            d = int(m.group("d") or m.group("d2"))
            if not (1 <= mo <= 12) or not (1 <= d <= calendar.monthrange(y, mo)[1]):
                continue
            if _LUNAR.search(text, max(0, m.start() - 12), m.start()):
                continue
            written = m.group("w")
            stated = 6 if written in "日天" else _WEEKDAYS.index(written)
            actual = calendar.weekday(y, mo, d)
            if stated == actual:
                continue
            right = _WEEKDAYS[actual] if actual < 6 else "日"
            yield Hit(
                m.start(), m.end(),
                f"{y}年{mo}月{d}日是星期{right}，不是所写的星期{written}：请核对日期或星期",
                suggestion=None,
            )
