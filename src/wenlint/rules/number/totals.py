"""NM001: the parts listed after 其中 do not fit the total they break down."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ._common import CLAUSE_END, PLACEHOLDER, Amount, amounts, lazy, words
from ._numerals import fmt

BOUND = CLAUSE_END + "\n"
_BOUND_CHAR = lazy("[" + re.escape(BOUND) + "]")


@dataclass
class Group:
    """One `其中` breakdown of one unit: the candidate totals before it and the parts after it."""

    unit: str
    totals: list[Amount]
    parts: list[Amount]
    exhaustive: bool
    why_exhaustive: str
    partial: bool  # 等 / 等等: the list says it is incomplete
    confirmed: Amount | None = None  # the total the parts add up to
    confirmed_parts: list[Amount] = field(default_factory=list)


# "in addition" after a breakdown; a rate, an average or a per-head figure is no total of counts
# (而这1,000万人中…, 假定…: the text has moved on to a nested breakdown or a hypothesis)
_EXTRA = lazy(r"(?:^|(?<=[，,；;、 \n（(]))(?:不含|不包括|另有|另外|此外|另|而这|而這|这些|這些|假定|假设|假設|如果|若)")
_RATE_BEFORE = lazy(r"(?:每|均|人均|户均|平均)[^，,；;、]{0,6}$")
# a line that states one total and nothing else: 全县林木总蓄积量18169194立方米。
_TOTAL_LINE = r"[^\n，,。；;：:]{0,20}?[总總全][^\n，,。；;：:]{0,12}?\d[\d.]*[^\n，,。；;：:\d]{1,4}。?(?=\n|\Z)"
# At the start of the text, and after every line break: a pattern that starts with `^` is tried at
# every position, one that starts with a line break only where there is one.
_TOTAL_LINE_AT_TEXT_START = lazy(_TOTAL_LINE)
_TOTAL_LINE_AT_LINE_START = lazy("\n(" + _TOTAL_LINE + ")")


def _total_line_spans(text: str):
    """(start, end) of every line that is a total and nothing else (it never crosses a line)."""
    first = _TOTAL_LINE_AT_TEXT_START.match(text)
    if first is not None:
        yield first.span()
    for m in _TOTAL_LINE_AT_LINE_START.finditer(text, first.end() if first else 0):
        yield m.span(1)


def _total_lines(text: str, pairs: list) -> list[Group]:
    """A total on a line of its own, its two complementary parts opening the next lines
    (全县…总蓄积量X立方米。\n国有林A立方米，其中…\n集体林B立方米，其中…)."""
    out = []
    if not pairs or ("总" not in text and "全" not in text and "總" not in text):
        return out
    for start, end in _total_line_spans(text):
        totals = amounts(text, start, end)
        if len(totals) != 1 or totals[0].approx:
            continue
        parts = _line_parts(text, end, len(text), {totals[0].unit})[:2]
        if len(parts) != 2 or any(p.approx for p in parts):
            continue
        for p in parts:
            ls = text.rfind("\n", 0, p.start) + 1
            _labels(text, [p], ls)
        labels = [p.label for p in parts]
        for a, b in pairs:
            if (labels[0].startswith(a) and labels[1].startswith(b)) or (labels[0].startswith(b) and labels[1].startswith(a)):
                group = Group(totals[0].unit, totals, parts, True, f"{a}/{b}", False)
                _confirm(group)
                out.append(group)
                break
    return out


def _in_brackets(text: str, a: Amount, floor: int) -> bool:
    """The amount is inside a bracketed aside (1462.7公里（不含326条847.883公里屯道）)."""
    before = text[floor:a.start]
    return max(before.rfind("（"), before.rfind("(")) > max(before.rfind("）"), before.rfind(")"))


def _following_lines(text: str, line_end: int, limit: int = 15) -> int:
    """The end of the run of non-empty lines after `line_end` (at most `limit`), each ending like
    an item (；;。，, or nothing)."""
    end = line_end
    for _ in range(limit):
        if end >= len(text):
            break
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt == -1 else nxt
        line = text[end + 1:nxt].strip()
        if not line or line[-1] not in "；;。，," and not line[-1].isalnum():
            break
        end = nxt
    return end


def _line_parts(text: str, start: int, end: int, units: set) -> list[Amount]:
    """The first amount of a total's unit on each line of a breakdown written one item a line."""
    out = []
    pos = text.find("\n", start)
    while pos != -1 and pos < end:
        nxt = text.find("\n", pos + 1)
        nxt = end if nxt == -1 or nxt > end else nxt
        first = next((a for a in amounts(text, pos + 1, nxt) if a.unit in units), None)
        if first is None:
            break  # the list ends at the first line without a part
        out.append(first)
        pos = nxt if nxt < end else -1
    return out


_NET = lazy(r"顺差|逆差|順差|差额|差額|结余|結餘|净(?:出口|流入|流出|利|收入|额)|淨(?:出口|流入|流出|利|收入|額)")


_CHANGE_BEFORE = lazy(r"(?:增加|减少|減少|增长|增長|下降|提高|降低|增|减|減|多|少)了?$")


def _is_rate(text: str, a: Amount, floor: int) -> bool:
    """A rate, an average, a per-head figure or a change (比去年增加2000亿元): no total of counts."""
    before = text[max(floor, a.start - 8):a.start]
    return (bool(_RATE_BEFORE.search(before)) or text[a.end:a.end + 1] in "/／"
            or bool(_CHANGE_BEFORE.search(before)))


def _sentence_start(text: str, pos: int, floor: int) -> int:
    floor = max(floor, pos - 4000)  # a search back for an absent mark would run to the line start
    return max([text.rfind(ch, floor, pos) for ch in BOUND] + [floor - 1]) + 1


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _BOUND_CHAR.search(text, pos, limit)
    return m.start() if m else limit


@lru_cache(maxsize=8)
def _remainder_scan(remainder: tuple):
    """A remainder item at the start of the breakdown or after a separator."""
    return re.compile(r"(?:^|[，,。；;、 ])(?:" + "|".join(re.escape(r) for r in remainder) + ")")


def _labels(text: str, items: list[Amount], start: int) -> None:
    """The words before each number, back to the previous number or punctuation."""
    floor = start
    for a in items:
        i = a.start
        while i > floor and text[i - 1] not in "，,、；;：:（(）)。 \t\u3000":
            i -= 1
        a.label = text[i:a.start]
        floor = a.end


@analysis("number.breakdowns")
def breakdowns(doc) -> list[Group]:
    text = doc.text
    groups: list[Group] = []
    remainder = tuple(words("remainder_labels"))
    pairs = [tuple(p) for p in words("complementary_pairs") if len(p) == 2]
    pos = text.find("其中")
    while pos != -1:
        groups.extend(_breakdown(text, pos, remainder, pairs, doc))
        pos = text.find("其中", pos + 2)
    for m in _NAMELY.finditer(text) if "即：" in text or "即:" in text else ():
        groups.extend(_breakdown(text, m.start(), remainder, pairs, doc, namely=True))
    groups.extend(_total_lines(text, pairs))
    return groups


# "省道2条150.1公里，即：S206永新线105.655公里，S207辉三线44.509公里": 即 (namely) then a colon
# lists every part of the figure right before it
_NAMELY = lazy(r"即(?<=[，,]即)\s*[：:]")


def _breakdown(text: str, pos: int, remainder: tuple, pairs: list, doc, namely: bool = False) -> list[Group]:
    if namely:
        pos = text.index("即", pos) - 1  # so that the two characters at pos are ，即 / 即：
    # The line's bounds from the document's line table: a search for "\n" would scan a long
    # line once per 其中 in it.
    line_start, line_end = doc.line_span(doc.line_index(pos))
    after = text[pos + 2:pos + 4]
    if after.startswith(("之一", "一些", "一部分", "的一", "。", "，", ",")) and not after.startswith(("，", ",")):
        return []
    # the text the total is in: this sentence up to 其中, or the previous one when 其中 opens a sentence
    k = pos
    while k > line_start and text[k - 1] in " \t\u3000(（":
        k -= 1
    if k == line_start:
        return []
    if text[k - 1] in BOUND:
        pre_end = k - 1
        pre_start = _sentence_start(text, pre_end, line_start)
    else:
        pre_end = k
        pre_start = _sentence_start(text, k, line_start)
    # the parts: to the end of this clause; "(其中:…)" to its bracket
    post_start = pos + 2
    if text[k:pos].endswith(("(", "（")):
        close = min([i for i in (text.find(")", pos, line_end), text.find("）", pos, line_end)) if i != -1] or [line_end])
        post_end = close
    else:
        post_end = _clause_end(text, post_start, line_end)
        # 其中 … 。 … 。 其余 …。: the breakdown runs on to an explicit remainder within 3 sentences
        probe, extended = post_end, post_end
        for _ in range(3):
            if probe >= line_end:
                break
            nxt = _clause_end(text, probe + 1, line_end)
            if text[probe + 1:nxt].lstrip().startswith(remainder):
                extended = nxt
                break
            probe = nxt
        post_end = extended
    lines_list = False
    if not namely and not text[post_start:post_end].strip(" \t\u3000：:，,") and post_end == line_end:
        # 其中：\n A 3条92.6公里…;\n B 1条66.1公里…: one part at the start of each following line
        post_end, lines_list = _following_lines(text, line_end), True
    extra = _EXTRA.search(text, post_start, post_end)
    if extra:
        post_end = extra.start()  # 另有453人受伤: in addition to the total, not a part of it
    post = text[post_start:post_end]
    if PLACEHOLDER.search(post):
        return []
    totals = [t for t in amounts(text, pre_start, pre_end)
              if not _is_rate(text, t, pre_start) and not _in_brackets(text, t, pre_start)]
    if lines_list:
        parts = _line_parts(text, post_start, post_end, {t.unit for t in totals})
    else:
        parts = [p for p in amounts(text, post_start, post_end) if not _is_rate(text, p, post_start)]
    if not totals or not parts:
        return []
    _labels(text, parts, post_start)
    _labels(text, totals, pre_start)
    if any(_NET.search(a.label) for a in totals + parts):
        return []  # a balance is a difference (顺差 = 出口 − 进口), not a sum of its items
    partial = "等" in post
    shares = "%" in post or "％" in post or "百分之" in post  # some items given as shares: not all counted
    # an explicit remainder item anywhere in the breakdown closes it for every unit
    closed = bool(remainder) and _remainder_scan(remainder).search(post) is not None
    out = []
    for unit in dict.fromkeys(p.unit for p in parts):
        same_parts = [p for p in parts if p.unit == unit]
        same_totals = [t for t in totals if t.unit == unit]
        if not same_totals:
            continue
        labels = [p.label for p in same_parts]
        why = ""
        if namely:
            why = "即"
        elif closed:
            why = "remainder"
        elif len(same_parts) == 2:
            for a, b in pairs:
                if (labels[0].startswith(a) and labels[1].startswith(b)) or (
                    labels[0].startswith(b) and labels[1].startswith(a)
                ):
                    if not (a in b or b in a):
                        why = f"{a}/{b}"
        exhaustive = bool(why) and not (partial and why != "remainder") and not shares
        group = Group(unit, same_totals, same_parts, exhaustive, why, partial)
        _confirm(group)
        out.append(group)
    return out


def _tol(items: list[Amount]) -> Decimal:
    return sum((a.qty.tolerance for a in items), Decimal(0))


def _confirm(group: Group) -> None:
    """The parts (or their first few, before the list moves on) add up to one of the totals."""
    for n in range(len(group.parts), 0, -1):
        if n == 1 and len(group.parts) > 1:
            break
        parts = group.parts[:n]
        total_sum = sum((p.qty.value for p in parts), Decimal(0))
        for t in group.totals:
            if t.approx or any(p.approx for p in parts):
                continue
            if abs(total_sum - t.qty.value) <= t.qty.tolerance + _tol(parts):
                group.confirmed, group.confirmed_parts = t, parts
                return


NEAR_SHARE = Decimal("0.02")


def _near_complete(g: Group, total: Amount, diff: Decimal) -> bool:
    """A list of at least four parts, introduced by 其中： and not marked partial, that misses
    its total by under 2 %: a complete list with one figure wrong (a partial list almost never
    lands that close by chance)."""
    if g.partial or len(g.parts) < 4 or total.qty.value <= 0:
        return False
    return abs(diff) <= total.qty.value * NEAR_SHARE


def arithmetic(parts: list[Amount]) -> tuple[str, Decimal]:
    """`1077+1244+1135=3456`, written with the parts' own multiplier (万) when they share one."""
    total = sum((p.qty.value for p in parts), Decimal(0))
    suffixes = {p.qty.text.lstrip("0123456789.") for p in parts}
    if len(suffixes) == 1 and (suffix := suffixes.pop()):
        factor = _factor(parts, suffix)
        if factor is not None:
            shown = [p.qty.text for p in parts]
            return "+".join(shown) + f"={fmt(total / factor)}{suffix}", total
    return "+".join(fmt(p.qty.value) for p in parts) + f"={fmt(total)}", total


def _factor(parts: list[Amount], suffix: str) -> Decimal | None:
    """What the shared multiplier `suffix` (万, 亿) stands for, from a part written with a figure
    other than zero (`0万` says nothing of it); 1 when every part is zero, None when no part's
    figure can be read."""
    for p in parts:
        try:
            written = Decimal(p.qty.text[: -len(suffix)])
        except InvalidOperation:
            return None
        if written:
            return p.qty.value / written
    return Decimal(1)


def _show(a: Amount) -> str:
    return a.qty.text


class PartsExceedTotal(Rule):
    code = "NM001"
    name = "parts-total-mismatch"
    category = "number"
    reads = ("number.breakdowns",)
    severity = "warning"
    summary = "「其中」「即：」列出的分项与总数对不上（分项超过总数，或列全了却加不到总数）"
    why = (
        "分项加不到总数，是读者最先核对、也最能说明数字抄错或打错的地方。本规则把「其中」后面同一单位的分项"
        "相加，与「其中」前面同一单位的总数比较，结论里写出加法和差额。分项（或分项的前几项，"
        "后面转到别的话题之前）加起来等于某个总数时默认确认，按所写位数允许四舍五入（31.9万 对 31.94万）。"
        "只在总数明确（「其中」前同一单位只有一个数）时才报：某一分项单独就超过总数，"
        "或分项明显列全（以其余/其他/剩余一项收尾，或两项互补：汉族/少数民族、男/女、出口/进口，"
        "见 rules/data/events.toml）却加不到总数，或至少四个分项之和与总数相差不到2%（部分列举"
        "几乎不会碰巧这么接近：多半是列全了而某一项写错）。“N条X公里，即：…”里“即”后面列的就是全部分项；"
        "「其中：」在行尾时，分项是后面每行开头的那个数（一行一项）；单独一行的总数（全县…总蓄积量X），"
        "下面两行开头是互补的两项（国有林/集体林）时也相加比较。\n"
        "刻意不报的情形：约数（约、近、多、余、以上、左右、超）；增减量（比去年增加2000亿元）；括号里附带说明的数（不含…）；标了“等”的列举（缺项时）；占位符（XX人）；"
        "可以重叠的类别（其中女职工…，农民工…）；比率、平均数和人均数（每千人6.5批次、日均1763.6万人次、"
        "人均、户均）与计数比较；差额（顺差=出口−进口、结余、净收入）；分项之后的“另有…”“而这…中”"
        "“假定…”（附加的数或嵌套的细分）；分项里有百分比时不算列全；“个百分点”不是“个”。"
    )
    bad = "共新建工会组织38家，其中农民工工会组织8家，非公单位工会组织17家，社区工会组织10家，其余工会组织5家。"
    good = "共新建工会组织38家，其中农民工工会组织8家，非公单位工会组织17家，社区工会组织10家，其余工会组织3家。"
    fix_doc = "对照原始数据核对：改正总数或写错的分项。没有自动修复：规则无法知道哪个数是错的。"
    specs = (
        Spec(bad, ("38家",)),
        Spec(good),
        # seed 003: two totals, parts over three sentences, closed by 其余
        Spec("截至6月20日,我市共新建工会组织38家,净增会员3581人。其中农民工工会组织8家,会员1077人。"
             "非公单位工会组织17家,会员1244人,社区工会组织10家,会员1135人。其余工会组织3家,会员125人。"),
        Spec("截至6月20日,我市共新建工会组织38家,净增会员3581人。其中农民工工会组织8家,会员1077人。"
             "非公单位工会组织17家,会员1244人,社区工会组织10家,会员1135人。其余工会组织3家,会员100人。",
             ("3581人",)),
        # one part alone larger than the total
        Spec("共发生森林火灾68起,其中火警25起,一般火灾73起。", ("73起",)),
        # sums that hold, with rounding (seed 004)
        Spec("全市去冬今春共完成造林31.9万亩,其中竹类13.41万亩,杨树4.46万亩,桂花等特色经济林2.58万亩,其它11.49万亩;完成育苗1.19万亩。"),
        Spec("帮扶中心共筹措解困资金247.85万元,其中在职干部职工捐款160万元,财政投入87.85万元。"),
        # the first two parts add up; the third figure belongs to another topic
        Spec("进出口总额105751万美元,超过了去年全年9.67亿美元,其中,出口68024万美元,进口37727万美元,实际利用外资3015万美元。"),
        # a complementary pair that misses the total
        Spec("全县共有干部职工79人，其中汉族14人，少数民族60人。", ("79人",)),
        # overlapping categories, placeholders, partial lists, approximations: quiet
        Spec("涉及农民工26968人,其中女职工9807人,县内流转的农民工15090人,外出9938人。"),
        Spec("涉及农民工26968人,其中女职工9807人,县内流转的农民工15090人,外出9938人,外来农民工XX人。"),
        Spec("共有会员500人，其中女会员200人、青年会员150人等。"),
        Spec("慰问劳模和困难劳模共计20多人次，送去慰问金5000余元，其中四大家领导带队慰问困难劳模15人。"),
        Spec("共帮扶特困职工子女23名(其中:农民工子女2名)。"),
        # rates and averages against counts, balances, additions, thousands separators
        Spec("食品抽检量超每千人6.5批次，其中开展“你点我检”食品抽检超4万批次。"),
        Spec("全国铁路日均发送旅客1763.6万人次，比同期增长158%，其中，9月29日发送旅客2009.8万人次。"),
        Spec("我国经常账户顺差5605亿元，其中，货物贸易顺差8890亿元，服务贸易逆差3218亿元。"),
        Spec("袭击造成89人死亡，其中包括23名正在领取援助物资的民众，另有453人受伤。"),
        Spec("全国完成固定资产投资50847亿元，增速加快1.2个百分点。其中，制造业投资增长9.4%，加快2.9个百分点。"),
        Spec("梨种植基地总面积10,322亩，年产量23,414吨，其中：苹果梨面积为5,181亩，年产11,848吨；南果梨5,141亩，产量11,566吨。"),
        Spec("海外华侨有1,100万人，其中100万分散在欧美各洲，而这1,000万人中，假定广东以3,000万人口计算。"),
        Spec("财政赤字2.38万亿元，比去年增加2000亿元。其中，中央财政赤字1.55万亿元，地方财政赤字8300亿元。"),
        Spec("下达超长期特别国债资金预算超6500亿元。其中，“以旧换新”带动手机等商品销售额1.6万亿元。"),
        # a list of four or more parts that misses its total by under 2 %: one figure is wrong
        Spec("国有林面积为71831.04公顷，其中：凉水林场18351.99公顷，八里哨林场11595.00公顷，全胜林场2941.69公顷，"
             "五道沟林场8348.49公顷，大北岔林场11250.56公顷，兰山林场5355.32公顷，安口镇林场9452.79公顷，向阳林场4314.28公顷。",
             ("71831.04公顷",)),
        Spec("国有林面积为71610.12公顷，其中：凉水林场18351.99公顷，八里哨林场11595.00公顷，全胜林场2941.69公顷，"
             "五道沟林场8348.49公顷，大北岔林场11250.56公顷，兰山林场5355.32公顷，安口镇林场9452.79公顷，向阳林场4314.28公顷。"),
        # 即： (namely) lists every part of the figure before it
        Spec("省道2条150.1公里，即：S206永新线105.655公里，S207辉三线44.509公里;", ("150.1公里",)),
        Spec("县道2条70.6公里，即：快朝线59.283公里，柳西线11.336公里;"),
        Spec("共计10000元，即人均50元。"),
        # one part a line after 其中：, a bracketed aside (不含…) is not a total
        Spec("全县公路总里程为1462.7公里（不含326条847.883公里屯道），其中：\n通车高速3条92.6公里;\n国道1条66.1公里;\n"
             "省道2条150.1公里;\n县道7条239.6公里;\n乡道123条626.203公里;\n村道210条280.9公里;\n桥梁352座。\n",
             ("1462.7公里",)),
        Spec("全县公路总里程为1455.503公里（不含326条847.883公里屯道），其中：\n通车高速3条92.6公里;\n国道1条66.1公里;\n"
             "省道2条150.1公里;\n县道7条239.6公里;\n乡道123条626.203公里;\n村道210条280.9公里;\n桥梁352座。\n"),
        # a total on a line of its own, its two complementary parts opening the next lines
        Spec("全县林木总蓄积量18169194立方米。\n国有林10306637立方米，其中：凉水林场2737702立方米。\n"
             "集体林7862382立方米，其中：柳河镇897711立方米。\n", ("18169194立方米",)),
        Spec("全县林木总蓄积量18169019立方米。\n国有林10306637立方米，其中：凉水林场2737702立方米。\n"
             "集体林7862382立方米，其中：柳河镇897711立方米。\n"),
        Spec("全县企业总数120家。\n国有企业30家，主要分布在城区。\n集体企业20家。\n"),
        # a partial list far from its total, or marked partial: quiet
        Spec("全市共有企业1200家，其中：甲镇300家，乙镇250家，丙镇200家，丁镇100家。"),
        Spec("全市共有企业1200家，其中：甲镇300家，乙镇250家，丙镇200家，丁镇440家等。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "其中" not in text and "即" not in text:
            return
        for g in breakdowns(doc):
            if g.confirmed is not None or len(g.totals) != 1:
                continue
            total = g.totals[0]
            if total.approx or any(p.approx for p in g.parts):
                continue
            over = [p for p in g.parts if p.qty.value - p.qty.tolerance > total.qty.value + total.qty.tolerance]
            if over:
                p = over[0]
                yield Hit(
                    p.start, p.end,
                    f"分项「{p.label}{text[p.start:p.end]}」比总数 {text[total.start:total.end]} 还大"
                    f"（{fmt(p.qty.value)}>{fmt(total.qty.value)}）：请核对总数或这一分项",
                )
                continue
            shown, s = arithmetic(g.parts)
            diff = s - total.qty.value
            if abs(diff) <= total.qty.tolerance + _tol(g.parts):
                continue
            near = _near_complete(g, total, diff)
            if not (g.exhaustive and len(g.parts) >= 2) and not near:
                continue
            relation = "多" if diff > 0 else "少"
            if near and not g.exhaustive:
                yield Hit(
                    total.start, total.end,
                    f"其中列出的 {len(g.parts)} 项之和 {shown}，比总数 {_show(total)} {relation} {fmt(abs(diff))}"
                    "（相差不到2%，像是列全了却有一项写错）：请核对总数或分项",
                )
                continue
            yield Hit(
                total.start, total.end,
                f"分项之和 {shown}，比总数 {_show(total)} {relation} {fmt(abs(diff))}"
                f"（{'列有「其余」项' if g.why_exhaustive == 'remainder' else '「' + g.why_exhaustive + '」两项应合为总数'}）"
                "：请核对总数或分项",
            )
