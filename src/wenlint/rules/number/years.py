"""NM009: a stated year that contradicts the events the text refers to (anniversaries, party
congresses and plenums, five-year plans) or the post date of the page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ._common import SIMP, both_scripts, events, lazy, outline, sentence_bounds
from ._numerals import cn_to_int, small_cn

FORWARD = ("迎接", "迎来", "喜迎", "即将", "筹备", "献礼", "前夕", "倒计时", "召开前", "迎")
_FORWARD = lazy("|".join(FORWARD))
RETRO = lazy(r"以来|期间|先后|曾经|曾|那年|历年|去年|上年|前年|近\d+年|[二三四五六七八九十两几]年来|\d+年来|回顾|历史|之际以来")
STUDY = lazy(r"学习|贯彻|落实|领会|传达|宣传|宣讲|为指导|为动力|指引")
HISTORIC_YEAR = lazy(r"以来|以后|之后|起|至今|相比|以前|之前|比较|同期")
# (?<![\d\-—–~～]) checked after the year's first digit, so the pattern starts with 1 or 2
YEAR_IN_SENTENCE = lazy(r"((?:1(?<![\d\-—–~～]1)9|2(?<![\d\-—–~～]2)0)\d{2})\s*年(?!代)")
CN_NUM = "〇零一二三四五六七八九十百"
# 大 (十七大) or 五 (十一五) right after a numeral: where a congress or a plan may end (literal
# first, so the scan skips ahead in C)
_BEFORE_DA = lazy(r"大(?<=[一二三四五六七八九十]大)")
_BEFORE_WU = lazy(r"五(?<=[一二三四五六七八九十]五)")
_ANNIV_WORDS = ("周年", "週年")
_ANNIV_SCAN = lazy(r"年(?<=[周週]年)")  # literal first: the scan skips ahead in C
_PLENUM_WORDS = ("全会", "全會", "全体会议", "全體會議")
_PLENUM_SCAN = lazy(r"全(?:会|會|体会议|體會議)")
_THIS_YEAR = lazy(r"今年|本年|^\s*年是|^\s*年，|年是")


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # "anniversary", "congress", "plenum", "plan", "legal"
    key: str  # what it is, for messages and dedup
    year: int  # the year it happened (the latest one for a list of plenums)
    valid_until: int | None = None  # for congresses/plenums cited as current: until the next congress + 1
    precise: bool = False  # a plan position (开局之年) or an anniversary: names one year exactly
    span_years: tuple[int, int] | None = None  # a plan's years
    this_year: bool = False  # the sentence says the event is this year (今年…, 年是…)
    base: int | None = None  # an anniversary's founding year


@lru_cache(maxsize=1)
def _patterns():
    data = events()
    anniv = data.get("anniversaries", {})
    names = sorted(anniv, key=len, reverse=True)
    anniv_re = None
    if names:
        anniv_re = re.compile(
            "(" + "|".join(both_scripts(n) for n in names) + r")\s*(?:的)?\s*(\d{1,3}|[" + CN_NUM + r"]{1,5})\s*[周週]年"
        )
    congresses = {k: int(v) for k, v in data.get("congresses", {}).items()}
    plenums = {k: list(v) for k, v in data.get("plenums", {}).items()}
    historic = set(data.get("historic", {}).get("plenums", []))
    plans = {k: tuple(v) for k, v in data.get("plans", {}).items()}
    legal = {k: tuple(v) for k, v in data.get("legal_education_plans", {}).items()}
    simple = {re.sub(r"\s", "", k): v for k, v in anniv.items()}
    terms = sorted(congresses, key=lambda k: congresses[k])
    next_congress = {t: congresses[terms[i + 1]] for i, t in enumerate(terms[:-1])}
    return anniv_re, simple, congresses, plenums, historic, plans, legal, next_congress


CONGRESS = lazy(r"()(二十|十[一二三四五六七八九]|[一二三四五六七八九十])大(?![类類項项件名系产產工行景学學楼樓厦院门門会會小都城幅型比众眾批家户戶])")
PLENUM = lazy(
    r"(二十|十[一二三四五六七八九])[届屆](?:中央委员会|中央委員會)?((?:[一二三四五六七八九]中\s*[、，,和及与與]?\s*)+)全[会會]"
    r"|(二十|十[一二三四五六七八九])[届屆]中央[委][员員][会會]第([一二三四五六七八九])次全[体體][会會]议"
)
PLAN = lazy(
    r"([“\"])?(十五五|十四五|十三五|十二五|十一五|十五|九五|八五|七五|六五|五五|四五|三五|二五|一五)\s*([”\"])?\s*"
    r"(普法|规划|計劃|规劃|計画|计划|时期|時期|期间|期間)?"
    r"(?:[^。，,；;\n]{0,8}?(开局之年|開局之年|开局年|起步之年|开篇之年|第一年|收官之年|收官年|最后一年|最後一年|第([一二三四五])年))?"
)


def _finds(text: str, scan, needles, back: int = 0) -> list[int]:
    """Where the needles occur, needle by needle: `scan` finds them all in one pass (its matches
    start `back` characters into a needle)."""
    found = [m.start() - back for m in scan.finditer(text)]
    if not found:
        return found
    out = []
    for needle in needles:
        out += [i for i in found if text.startswith(needle, i)]
    return out


def _value(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else cn_to_int(raw)


@analysis("number.mentions", needs=(outline,))
def mentions(doc) -> list[Mention]:
    text = doc.text
    anniv_re, simple, congresses, plenums, historic, plans, legal, next_congress = _patterns()
    out: list[Mention] = []
    if anniv_re is not None:
        for pos in _finds(text, _ANNIV_SCAN, _ANNIV_WORDS, 1):
            for m in anniv_re.finditer(text, max(0, pos - 40), pos + 2):
                if m.end() != pos + 2:
                    continue
                name = m.group(1).translate(SIMP)
                base = simple.get(name)
                n = _value(m.group(2))
                if base is None or not n:
                    continue
                out.append(Mention(m.start(), m.end(), "anniversary", m.group(), int(base) + n,
                                   precise=True, base=int(base)))
    for before in _BEFORE_DA.finditer(text):
        pos = before.start()
        m = CONGRESS.search(text, max(0, pos - 5), pos + 2)
        while m is not None and m.end(2) + 1 != pos + 1:
            m = CONGRESS.search(text, m.start() + 1, pos + 2)
        if m is None:
            continue
        num = m.group(2)
        party = text[max(0, m.start() - 2):m.start()] in ("党的", "黨的")
        if len(num) == 1 and not party:
            continue
        if m.start() and text[m.start() - 1] in CN_NUM + "第区區总總":
            continue
        if num not in congresses:
            continue
        nxt = next_congress.get(num)
        out.append(Mention(m.start() - (2 if party else 0), m.end(), "congress",
                           f"党的{num}大", congresses[num], valid_until=nxt + 1 if nxt else None))
    for pos in _finds(text, _PLENUM_SCAN, _PLENUM_WORDS):
        m = None
        for cand in PLENUM.finditer(text, max(0, pos - 40), pos + 4):
            if cand.end() >= pos + 2:
                m = cand
                break
        if m is None:
            continue
        term = m.group(1) or m.group(3)
        if term not in plenums:
            continue
        if m.group(2):
            ordinals = re.findall(r"([一二三四五六七八九])中", m.group(2))
        else:
            ordinals = [m.group(4)]
        years = []
        for o in ordinals:
            i = small_cn(o)
            if i and i <= len(plenums[term]):
                years.append(plenums[term][i - 1])
        if not years:
            continue
        key = f"{term}届{'、'.join(o + '中' for o in ordinals)}全会"
        is_historic = any(f"{term}届{o}中全会" in historic for o in ordinals)
        nxt = next_congress.get(term)
        out.append(Mention(m.start(), m.end(), "plenum", key, max(years),
                           valid_until=None if is_historic or not nxt else nxt + 1))
    seen_plan = set()
    for before in _BEFORE_WU.finditer(text):
        pos = before.start()
        m = None
        for cand in PLAN.finditer(text, max(0, pos - 4), pos + 30):
            if cand.end(2) == pos + 1:
                m = cand
                break
        if m is None or m.start(2) in seen_plan:
            continue
        seen_plan.add(m.start(2))
        name, kind_word = m.group(2), m.group(4) or ""
        quoted = bool(m.group(1) and m.group(3))
        if m.start(2) and text[m.start(2) - 1] in CN_NUM + "第":
            continue
        if m.end(2) < len(text) and text[m.end(2)] in CN_NUM + "届屆大个個年":
            continue
        if kind_word == "普法":
            if name not in legal:
                continue
            s, e = legal[name]
            out.append(Mention(m.start(), m.end(2) + (1 if m.group(3) else 0), "legal", f"“{name}”普法", s,
                               span_years=(s, e)))
            continue
        if name not in plans:
            continue
        if len(name) == 2 and not (quoted or kind_word):
            continue  # 十五 / 九五 alone are just numbers
        s, e = plans[name]
        pos_word = m.group(5)
        if pos_word:
            if m.group(6):
                year = s + small_cn(m.group(6)) - 1
            elif pos_word.startswith(("收官", "最后", "最後")):
                year = e
            else:
                year = s
            out.append(Mention(m.start(), m.end(), "plan", text[m.start():m.end()], year,
                               precise=True, span_years=(s, e)))
        else:
            end = m.end(3) if m.group(3) else m.end(2)
            out.append(Mention(m.start(), end, "plan", f"“{name}”", s, span_years=(s, e)))
    for mm in out:
        if mm.precise:  # only a precise mention can be "this year"
            s, e = sentence_bounds(text, mm.start)
            mm.this_year = bool(_THIS_YEAR.search(text[s:e]))
    out.sort(key=lambda x: x.start)
    return out


def sentence_year(text: str, pos: int, bounds: tuple[int, int] | None = None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The one year the sentence around `pos` (`bounds`, when known) states as its time (not a
    historical one)."""
    s, e = bounds or sentence_bounds(text, pos)
    found = {}
    for m in YEAR_IN_SENTENCE.finditer(text, s, e):
        before = text[max(s, m.start() - 4):m.start()]
        after = text[m.end():e]
        cut = min([i for i in (after.find("，"), after.find(","), after.find("；")) if i != -1] or [len(after)])
        if re.search(r"(?:到|至|向着|展望|力争|預計|预计)\s*$", before):
            return None  # a sentence about targets (到2021年…和2049年…): no year of its own
        if re.search(r"(?:自|从|從|早在|曾|曾于|自从|与|與|比|较|較|同|于)\s*$", before):
            continue
        if HISTORIC_YEAR.search(after[:cut]):
            continue
        opening = max(text.rfind("《", s, m.start()), text.rfind("〈", s, m.start()))
        if opening != -1 and text.find("》", opening, m.start()) == -1:
            continue  # inside a title of a document
        found.setdefault(int(m.group(1)), (m.start(1), m.end(1)))
    if len(found) != 1:
        return None
    (year, span), = found.items()
    return (year, year), span


class YearEventMismatch(Rule):
    code = "NM009"
    name = "year-event-mismatch"
    category = "number"
    reads = ("number.outline", "number.mentions")
    severity = "warning"
    summary = "所写年份与文中提到的事件年份矛盾（建党83周年却写2005年；2021年的总结学习十六届五中全会精神）"
    why = (
        "从旧模板改出来的报告会留下当年的事件：2021年的总结还在“深入学习贯彻党的十六届五中全会精神”，"
        "标题年份与文中纪念日的年份不符（建党83周年是2004年，建国70周年是2019年，国际劳动节120周年是2006年），"
        "或与所开局的规划不符（“十一五”规划的开局之年是2006年）。"
        "比较的年份是该句自己写明的唯一年份（2003年…以来、与1999年相比、《》里的年份、"
        "到2035年、向着2035年这类目标年份不算），否则是所在篇目的标题年份（汇编的【篇N】标题、"
        "2009-2010、200*年 当作2000—2009年）或首行的年份（2019年，…）。"
        "按标题年份比较时，结论标在标题的年份上（模板改错的是它），每篇只报一次；汇编的【篇N】标题年份"
        "管到下一个【篇】为止，其下各篇自带的年份（200*年）不能替它作证。"
        "报告的情形：事件在那一年还没发生（迎接/即将 可提前一年）、纪念日相差两年以上、"
        "下一次党代会之后还把上一届的全会当作现行精神学习贯彻、同一篇里两处“今年”指不同年份、"
        "标题或事件晚于页首的发布时间（时间:2022-07-01）。\n"
        "刻意不报的情形：纪念日与年份只差一年（2025年的政府工作报告回顾2024年的新中国成立75周年，"
        "或展望下一年）；句子在回顾（以来、期间、去年、五年来）；转载页首的发布日期与原文日期并列时，"
        "只在标题年份晚于发布日期时才报。事件年份见 rules/data/events.toml。"
    )
    bad = "2008年精神文明工作总结\n在建党83周年之际，组织党员观看专题片。"
    good = "2004年精神文明工作总结\n在建党83周年之际，组织党员观看专题片。"
    fix_doc = "改正年份（或纪念日、会议、规划），使两者一致；并检查整篇有没有模板留下的其他旧内容。"
    specs = (
        Spec(bad, ("2008",)),
        Spec(good),
        # a year either way: a report reviews the year before and previews the next
        Spec("2025年政府工作报告\n过去一年，我们隆重庆祝新中国成立75周年。"),
        Spec("2015年，我们筹备纪念孙中山先生诞辰150周年活动。"),
        # a target year is not the sentence's time
        Spec("“十五五”开局之年，广大科技工作者向着2035年建成科技强国的目标奋斗。"),
        Spec("目标是到2021年中国共产党成立100周年和2049年中华人民共和国成立100周年时实现民族复兴。"),
        Spec("区总工会2019年精神文明建设工作总结\n\n2019年，区总工会以深入学习贯彻党的十九大和十九届二中、三中、四中全会精神为动力，在建国70周年大会上的重要讲话。"),
        Spec("2018年，我们深入学习贯彻十九届四中全会精神。", ("十九届四中全会",)),
        Spec("【篇1】2021江苏省总工会工作总结\n\n市总工会上半年工作总结\n\n上半年,市总工会深入学习贯彻党的十六届五中全会精神。",
             ("2021",)),
        # a compilation label's year covers the reports under it, whatever their own titles say
        Spec("【篇2】2021江苏省总工会工作总结\n\n县总工会精神文明工作总结\n200*年，县总工会开展创建活动。\n"
             "在建党83周年之际，组织党员观看专题片。\n", ("2021",)),
        Spec("【篇2】2004江苏省总工会工作总结\n\n县总工会精神文明工作总结\n200*年，县总工会开展创建活动。\n"
             "在建党83周年之际，组织党员观看专题片。\n"),
        Spec("xxxx局于2003年11月创建成为“市级最佳文明单位”以来，坚持以党的十七大精神为指导。"),
        Spec("年是“十一五”规划的开局之年。今年“五一”是国际劳动节120周年纪念日。"),
        Spec("今年是“十一五”规划的开局之年。今年“五一”是国际劳动节121周年纪念日。", ("国际劳动节121周年",)),
        Spec("2005年是“十一五”规划的开局之年。", ("“十一五”规划的开局之年",)),
        Spec("时间:2022-07-01 19:30:04\n\n2023年工作总结\n\n全年工作。", ("2023",)),
        # a republication: the page's posting date years after the document's own date
        Spec("发布时间：2023-05-01 10:00\n\n2019年工作总结\n\n2019年，我们在建国70周年之际开展活动。\n2019年12月30日\n"),
        Spec("2009-2010创建文明机关工作总结\n两年来，全面贯彻落实十七大和十七届四中全会精神。"),
        Spec("2012年工作总结\n\n坚持党的十一届三中全会以来的路线，学习十一届三中全会精神。"),
        Spec("區總工會2019年工作總結\n\n在建國70週年之際，學習貫徹黨的十九大精神。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        ms = mentions(doc)
        o = outline(doc)
        yield from self._post_date(doc, o, ms)
        if not ms:
            return
        reported: set[tuple] = set()
        this_years: dict[int, tuple[int, Mention]] = {}
        for mm in ms:
            piece = o.piece_at(mm.start)
            s, e = sentence_bounds(text, mm.start)
            sy = sentence_year(text, mm.start, (s, e))
            if sy is not None:
                (lo, hi), _ = sy
                source = f"本句所写的 {lo} 年"
            elif piece is not None and piece.years is not None:
                lo, hi = piece.years
                shown = f"{lo}" if lo == hi else f"{lo}—{hi}"
                source = f"本篇标题所写的 {shown} 年"
            else:
                lo = hi = None
                source = ""
            message = None
            if lo is not None:
                # 迎接/即将… in the twelve characters before the mention
                forward = _FORWARD.search(text, max(s, mm.start - 12), mm.start) is not None
                message = self._judge(mm, lo, hi, source, text[s:e], forward)
            # two statements of "this year" that disagree
            if mm.this_year and message is None and sy is None:
                key = id(piece)
                earlier = this_years.get(key)
                if earlier is None:
                    this_years[key] = (mm.year, mm)
                elif earlier[0] != mm.year:
                    message = (f"「{text[mm.start:mm.end]}」指的是 {mm.year} 年，但前文的「"
                               f"{text[earlier[1].start:earlier[1].end]}」指的是 {earlier[0]} 年"
                               "：同一篇里的“今年”不会是两个年份")
            if message is None:
                continue
            if sy is None and piece is not None and piece.year_span is not None and "标题" in source:
                # the title's year is what a recycled template got wrong: one finding on it
                dedup = (id(piece),)
                if dedup in reported:
                    continue
                reported.add(dedup)
                a, b = piece.year_span
                yield Hit(a, b, f"标题年份与文中第 {doc.location(mm.start, mm.end).line} 行不符：" + message + "：请核对年份")
                continue
            dedup = (id(piece), mm.key)
            if dedup in reported:
                continue
            reported.add(dedup)
            yield Hit(mm.start, mm.end, message + "：请核对年份")
        yield from self._compilation_labels(doc, o, ms, reported)

    def _compilation_labels(self, doc, o, ms, reported):
        """A compilation's 【篇N】2021… label covers every report under it, down to the next label:
        reports whose own titles carry no year of the label (200*年…) may still be years older."""
        text = doc.text
        labels = [p for p in o.pieces if p.title.startswith("【") and p.years and p.year_span]
        for n, label in enumerate(labels):
            if (id(label),) in reported:
                continue
            end = labels[n + 1].start if n + 1 < len(labels) else len(text)
            lo, hi = label.years
            for mm in ms:
                if not (label.start <= mm.start < end):
                    continue
                s, e = sentence_bounds(text, mm.start)
                if sentence_year(text, mm.start, (s, e)) is not None:
                    continue
                forward = _FORWARD.search(text, max(s, mm.start - 12), mm.start) is not None
                message = self._judge(mm, lo, hi, f"【篇】标题所写的 {lo} 年", text[s:e], forward)
                if message is None or mm.kind not in ("anniversary", "congress", "plenum"):
                    continue
                reported.add((id(label),))
                a, b = label.year_span
                line = doc.location(mm.start, mm.end).line
                yield Hit(a, b, f"标题年份与其下第 {line} 行不符：" + message + "：请核对年份")
                break

    @staticmethod
    def _judge(mm: Mention, lo: int, hi: int, source: str, sentence: str, forward: bool) -> str | None:
        what = f"「{mm.key}」"
        if mm.kind == "anniversary":
            base = mm.base
            how = f"（{base}+{mm.year - base}）" if base else ""
            # a year either way is the report's own reach: a 2025 report reviews 2024 and
            # previews 2026 (新中国成立75周年 in a 2025 work report)
            if hi < mm.year - (2 if forward else 1):
                return f"{what}是 {mm.year} 年{how}，晚于{source}"
            if lo > mm.year + 1 and not RETRO.search(sentence):
                return f"{what}是 {mm.year} 年{how}，与{source}不符"
            return None
        if mm.kind in ("congress", "plenum"):
            if hi < mm.year - (1 if forward else 0):
                return f"{what}是 {mm.year} 年召开的，晚于{source}"
            if (mm.valid_until is not None and lo > mm.valid_until and "精神" in sentence
                    and STUDY.search(sentence) and not RETRO.search(sentence[:0])):
                return (f"{what}是 {mm.year} 年召开的，{mm.valid_until - 1} 年已召开下一次党代会，"
                        f"{source}的文件不会再把它作为当前精神学习贯彻")
            return None
        if mm.kind == "plan" and mm.precise:
            if not (lo <= mm.year <= hi):
                return f"{what}是 {mm.year} 年（{mm.span_years[0]}—{mm.span_years[1]}），与{source}不符"
            return None
        if mm.kind in ("plan", "legal") and mm.span_years:
            if hi < mm.span_years[0] - 1:
                return f"{what}是 {mm.span_years[0]}—{mm.span_years[1]} 年，晚于{source}"
        return None

    @staticmethod
    def _post_date(doc, o, ms):
        if o.post_year is None:
            return
        post = o.post_year
        for piece in o.pieces:
            if piece.years is None or piece.year_span is None:
                continue
            allowance = 1 if re.search(r"计划|計劃|规划|規劃|方案|要点|要點", piece.title) else 0
            if piece.years[0] > post + allowance:
                a, b = piece.year_span
                yield Hit(a, b, f"标题年份 {piece.years[0]} 晚于页首的发布时间 {post} 年"
                                "：转载时改了年份，或发布时间有误，请核对")
        for mm in ms:
            if mm.year > post and mm.kind in ("anniversary", "congress", "plenum"):
                yield Hit(mm.start, mm.end, f"「{mm.key}」是 {mm.year} 年的事，晚于页首的发布时间 {post} 年：请核对")
