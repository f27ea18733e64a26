"""NM002: a percentage or ratio that contradicts the fraction it states; NM003: a share above 100 %.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ._common import NUMBER_UNIT, UNIT_CANON, UNITS, both_scripts, events, lazy, sentence_bounds, words
from ._numerals import fmt, percent_value


@dataclass
class Percent:
    start: int  # of the number
    end: int  # after the % sign
    value: Decimal
    places: int
    text: str
    at_least: bool = False  # 80%以上
    at_most: bool = False  # 近80%, 80%以下
    loose: bool = False  # 约80%, 80%左右


_CN_PERCENT = lazy(r"百分之([零〇一二三四五六七八九十百点]+)")


@analysis("number.percents")
def percents(doc) -> list[Percent]:
    text = doc.text
    out = []
    for sign in ("%", "％"):
        i = text.find(sign)
        while i != -1:
            j = i
            while j > 0 and text[j - 1] in "0123456789.":
                j -= 1
            while j < i and text[j] == ".":
                j += 1
            num = text[j:i]
            if num and j < i:
                pv = percent_value(num)
                if pv is not None:
                    out.append(_qualify(text, Percent(j, i + 1, pv[0], pv[1], text[j:i + 1])))
            i = text.find(sign, i + 1)
    if "百分之" in text:
        for m in _CN_PERCENT.finditer(text):
            pv = percent_value(m.group())
            if pv is not None:
                out.append(_qualify(text, Percent(m.start(), m.end(), pv[0], pv[1], m.group())))
    out.sort(key=lambda p: p.start)
    return out


def _qualify(text: str, p: Percent) -> Percent:
    before = text[max(0, p.start - 3):p.start]
    after = text[p.end:p.end + 3]
    if after.startswith(("以上", "多", "强")) or before.endswith(("超过", "逾", "超", "不低于", "至少")):
        p.at_least = True
    if after.startswith(("以下", "以内")) or before.endswith(("近", "将近", "不到", "不足", "低于", "不超过")):
        p.at_most = True
    if after.startswith(("左右", "上下")) or before.endswith(("约", "大约", "约为", "大概")):
        p.loose = True
    return p


def _contradicts(actual: Decimal, p: Percent) -> bool:
    tol = Decimal(5) * Decimal(10) ** (-p.places - 1) + Decimal("0.0001")
    if p.loose:
        tol = max(tol, Decimal(1))
    if p.at_least:
        return actual < p.value - tol
    if p.at_most:
        return actual > p.value + tol
    return abs(actual - p.value) > tol


def _pct(num: Decimal, den: Decimal) -> Decimal:
    return (num / den * 100).quantize(Decimal("0.1"))


_UNIT = r"(?:" + UNITS + r")"
# 18间中的13间 / 18间中有13间 (the lookbehind after the first digit: the pattern starts with a digit)
FRACTION = lazy(r"(\d(?<![\d.]\d)\d*)\s?(" + _UNIT + r")(?:中|当中|之中)(?:的|有)?(\d+)\s?(" + _UNIT + r")?")
RATE = lazy(r"([\u4e00-\u9fff]{2})率(?:为|是|达|达到|达到了|已达|已达到)?\s*$")
TOTAL_MARK = ("共", "共计", "合计", "总计", "累计", "总数", "总共", "一共")
RATIO = lazy(r"(?:比例|之比|比)(?:为|是|达|约为|约)?\s*(\d+(?:\.\d+)?)\s*[:：∶比]\s*(\d+(?:\.\d+)?)")


@lru_cache(maxsize=4)
def _ratio_scan(names: tuple):
    """比 right after one of the two-character pair names (or after name + 之), where a RATIO
    match that _ratios keeps must start (its lead, the two characters before it, is a name)."""
    if not all(len(n) == 2 for n in names):
        return re.compile("比")  # a shorter name can match at the start of the text: no shortcut
    plain = "|".join(re.escape(n + "比") for n in names)
    zhi = "|".join(re.escape(n + "之比") for n in names)
    return re.compile(f"比(?:(?<={plain})|(?<={zhi}))")


class PercentFraction(Rule):
    code = "NM002"
    name = "percentage-mismatch"
    category = "number"
    reads = ("number.breakdowns", "number.percents")
    severity = "info"
    summary = "百分比或比例与文中给出的分子分母不符（18间中的13间，创建率却写80%）"
    why = (
        "句子里同时给出分子分母和百分比（18间中的13间…创建率达到72%；共接待来信来访144件，结案131件，"
        "结案率为91%；其中A 30人，占60%），或给出比例背后的人数（汉族干部14人，少数民族干部65人…"
        "民汉比例为5:1）时，本规则重新计算，结论写出除法和相差多少。按所写精度允许四舍五入"
        "（72% 包括 71.5%–72.5%），以上/近/约/左右 按字面放宽，人数四舍五入后符合的比例也接受。\n"
        "刻意不报的情形：文中没有给出基数的百分比（完成全年任务的58.46%、同比增长46.23%）无法核对；"
        "分项的总数本身也带着占比（60周岁及以上998.4万人，占22.85%，其中65周岁及以上626.8万人，占14.35%）"
        "时，两个占比都是对更大的整体而言，不拿分项去除总数。"
    )
    bad = "干部职工宿舍18间中的13间被评选为文明宿舍，文明宿舍创建率达到80%。"
    good = "干部职工宿舍18间中的13间被评选为文明宿舍，文明宿舍创建率达到72%。"
    fix_doc = "用文中的数字重新计算百分比（或比例），或改正写错的那个数字。"
    specs = (
        Spec(bad, ("80%",)),
        Spec(good),
        Spec("半年来共接待职工来信、来访、来电共计144件,结案131件,结案率为91%。"),
        Spec("半年来共接待职工来信、来访、来电共计144件,结案121件,结案率为91%。", ("91%",)),
        Spec("共有会员500人，其中女会员200人，占40%。"),
        Spec("共有会员500人，其中女会员200人，占45%。", ("45%",)),
        Spec("全县参赛企业120个，其中60个企业参赛面达50%以上。"),
        Spec("汉族干部14人，少数民族干部65人；党员45人。机关干部中民汉比例为5:1。"),
        Spec("汉族干部14人，少数民族干部65人；党员45人。机关干部中民汉比例为3:1。", ("3:1",)),
        Spec("同比增长46.23%，组织工会完成全年任务的58.46%，占年初任务的6.9%。"),
        Spec("60周岁及以上人口998.4万人，占22.85%，其中65周岁及以上人口626.8万人，占14.35%。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        ps = percents(doc)
        for p in ps:
            lead = text[max(0, p.start - 12):p.start]
            has_rate, has_share = "率" in lead, "占" in lead
            s_start = None
            found = None
            if has_rate or "中" in text[max(0, p.start - 80):p.start]:
                s_start, _ = sentence_bounds(text, p.start)
                head = text[s_start:p.start]
                found = self._fraction(text, s_start, p) if "中" in head else None
                if found is None and has_rate:
                    found = self._rate(text, s_start, head, p)
            if found is None and has_share:
                found = self._share(doc, p)
            if found is None:
                continue
            num, den, how = found
            if den == 0:
                continue
            actual = num / den * 100
            if _contradicts(actual, p):
                diff = abs(actual - p.value)
                yield Hit(
                    p.start, p.end,
                    f"{how}：{fmt(num)}÷{fmt(den)}={fmt(_pct(num, den))}%，与所写的 {p.text} 不符"
                    f"（相差 {fmt(diff.quantize(Decimal('0.1')))} 个百分点）：请重算百分比或核对数字",
                    suggestion=f"{fmt(_pct(num, den).quantize(Decimal(1) if p.places == 0 else Decimal(10) ** -p.places))}%",
                )
        # a ratio is checked only after one of the pairs' names (民汉比例, 男女之比): look for that
        # first, with a scan that skips from 比 to 比 in C
        pairs = events().get("words", {}).get("ratio_pairs", {})
        if "比" in text and pairs:
            if _ratio_scan(tuple(pairs)).search(text):
                yield from self._ratios(doc)

    @staticmethod
    def _fraction(text, s_start, p):
        best = None
        for m in FRACTION.finditer(text, s_start, p.start):
            unit2 = m.group(4)
            unit1 = m.group(2)
            if unit2 and not (unit1.startswith(unit2) or unit2.startswith(unit1)
                              or UNIT_CANON.get(unit2, unit2) == UNIT_CANON.get(unit1, unit1)):
                continue
            best = m
        if best is None:
            return None
        den, num = Decimal(best.group(1)), Decimal(best.group(3))
        if num > den:
            return None
        return num, den, f"{best.group(1)}{best.group(2)}中的{best.group(3)}{best.group(4) or best.group(2)}"

    @staticmethod
    def _rate(text, s_start, head, p):
        m = RATE.search(head[-12:])
        if not m:
            return None
        stem = m.group(1)
        body = text[s_start:p.start - len(head[-12:]) + m.start()]
        nm = None
        for cand in NUMBER_UNIT.finditer(body):
            if body[max(0, cand.start() - 3):cand.start()].rstrip("了").endswith(stem):
                nm = cand
        if nm is None:
            return None
        unit = UNIT_CANON.get(nm.group(4), nm.group(4))
        total = None
        for cand in NUMBER_UNIT.finditer(body, 0, nm.start()):
            if UNIT_CANON.get(cand.group(4), cand.group(4)) != unit or cand.group(3):
                continue
            clause = body[:cand.start()]
            cut = max(clause.rfind(ch) for ch in "，,；;：:")
            if any(t in clause[cut + 1:] for t in TOTAL_MARK):
                total = cand
        if total is None or nm.group(3) or nm.group(2) or total.group(2):
            return None
        num, den = Decimal(nm.group(1).replace(",", "")), Decimal(total.group(1).replace(",", ""))
        if num > den:
            return None
        return num, den, f"{stem}率＝{stem}{nm.group(1)}{nm.group(4)}÷总数{total.group(1)}{total.group(4)}"

    @staticmethod
    def _share(doc, p):
        text = doc.text
        lead = text[max(0, p.start - 14):p.start]
        m = re.search(r"[，,]?\s*占(?:总数|总量|总额|总人数|全部)?(?:的)?(?:比例|比重)?(?:为|达)?\s*$", lead)
        if not m:
            return None
        anchor = p.start - (len(lead) - m.start())
        from .totals import breakdowns

        for g in breakdowns(doc):
            if not g.parts or g.parts[0].start > anchor or g.parts[-1].end < anchor - 3:
                continue
            for part in g.parts:
                if anchor - 3 <= part.end <= anchor and text[part.end:anchor].strip(" ，,") == "":
                    total = g.confirmed or (g.totals[0] if len(g.totals) == 1 else None)
                    if total is None or total.approx or part.approx:
                        return None
                    if re.match(r"[，,]?\s*(?:占|佔)", text[total.end:total.end + 4]):
                        return None  # the total has its own share: both are shares of a larger whole
                    return (part.qty.value, total.qty.value,
                            f"「{part.label}{text[part.start:part.end]}」占总数 {text[total.start:total.end]}")
        return None

    def _ratios(self, doc):
        text = doc.text
        pairs = events().get("words", {}).get("ratio_pairs", {})
        for m in RATIO.finditer(text):
            lead = text[max(0, m.start() - 2):m.start()]
            names = pairs.get(lead)
            if not names:
                continue
            a, b = Decimal(m.group(1)), Decimal(m.group(2))
            if b == 0:
                continue
            # the counts: in this paragraph or the five lines before
            line = doc.line_index(m.start())
            lo = doc.line_starts[max(0, line - 5)]
            window = text[lo:m.start()]
            counts = []
            for name in names:
                cm = None
                for c in re.finditer(both_scripts(name) + r"[\u4e00-\u9fff]{0,4}?(\d+)\s?(?:人|名)", window):
                    cm = c
                if cm is None:
                    break
                # 少数民族 must not be counted as 民族 etc.: the name must start a word
                counts.append(Decimal(cm.group(1)))
            if len(counts) != 2 or counts[1] == 0:
                continue
            actual = counts[0] / counts[1]
            stated = a / b
            if abs(actual - stated) <= Decimal("0.5") / b or abs(actual - stated) <= stated * Decimal("0.1"):
                continue
            yield Hit(
                m.start(1), m.end(2),
                f"{lead}比例写作 {m.group(1)}:{m.group(2)}，但文中{names[0]}{fmt(counts[0])}人、"
                f"{names[1]}{fmt(counts[1])}人，{fmt(counts[0])}÷{fmt(counts[1])}≈{fmt(actual.quantize(Decimal('0.01')))}"
                f"，约为 {fmt(actual.quantize(Decimal('0.1')))}:1：请核对比例或人数",
            )


# Ratios that may exceed 100%: a gross ratio (毛入学率: pupils of any age over the age group),
# an index, a plan's completion, a figure against another year or a base period.
_MAY_EXCEED = lazy(r"毛|指数|指數|完成|计划|計劃|任务|任務|相当于|相當於|上年|去年|同期|基期|倍")


class ShareOver100(Rule):
    code = "NM003"
    name = "share-over-100"
    category = "number"
    reads = ("number.percents",)
    severity = "error"
    summary = "覆盖率、创建率、占比等不可能超过100%的比率写成了超过100%"
    why = (
        "部分占整体的比率（覆盖率、创建率、入会率、合格率、占总数的…）不可能超过100%；超过的数字"
        "是打错了，或是从增长率、完成率抄来的。可以超过100%的比率（完成率、增长、同比、"
        "完成全年任务的120%）不在名单里。名单是 rules/data/events.toml 里的 words.bounded_rates。\n"
        "刻意不报的情形：毛入学率、毛入园率（按年龄组计算的毛比率可以超过100%）、各种指数、"
        "计划或任务完成情况、与上年/同期/基期相比的比率（为上年的120%）、倍数。"
    )
    bad = "全乡文明覆盖率达到120%。"
    good = "全乡文明覆盖率达到100%，工业产值同比增长120%。"
    fix_doc = "改正数字：部分占整体最多100%。检查原意是不是增长率或完成率。"
    specs = (
        Spec(bad, ("120%",)),
        Spec(good),
        Spec("绿地面积占单位总面积的139%。", ("139%",)),
        Spec("完成全年任务的120%，超额完成了任务。"),
        Spec("非公企业建会率百分之一百一十。", ("百分之一百一十",)),
        Spec("计划生育、晚婚晚育、综合节育率均保持100%。"),
        Spec("全市高中阶段毛入学率达到102.3%，学前教育毛入园率103%。"),
        Spec("居民消费价格指数为102.5%，重点项目计划完成率达到115%，投资额为上年的120%。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        ps = [p for p in percents(doc) if p.value > 100]
        if not ps:
            return
        bounded = tuple(words("bounded_rates"))
        for p in ps:
            lead = text[max(0, p.start - 16):p.start]
            cut = max(lead.rfind(ch) for ch in "，,。；;、：:")
            lead = lead[cut + 1:]
            word = next((w for w in bounded if w in lead), None)
            if word is None:
                m = re.search(r"占(?:[\u4e00-\u9fff]{0,6}?(?:总|全))[\u4e00-\u9fff]{0,6}?的?\s*$", lead)
                if not m:
                    continue
                word = m.group()
            if "增" in lead[lead.find(word):] or "同比" in lead:
                continue
            if _MAY_EXCEED.search(lead):
                continue  # 毛入学率、指数、计划完成、为上年的…: ratios that may exceed 100%
            yield Hit(
                p.start, p.end,
                f"「{word}」是部分占整体的比率，最多100%，这里写作 {p.text}"
                f"（超出 {fmt(p.value - 100)} 个百分点）：请核对数字",
            )
