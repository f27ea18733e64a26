"""NM001: the parts listed after 其中 do not fit the total they break down."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ...findings import Hit
from ..base import Rule, Spec
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


def _sentence_start(text: str, pos: int, floor: int) -> int:
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


def breakdowns(doc) -> list[Group]:
    cached = doc.cache.get("nm.totals")
    if cached is not None:
        return cached
    text = doc.text
    groups: list[Group] = []
    remainder = tuple(words("remainder_labels"))
    pairs = [tuple(p) for p in words("complementary_pairs") if len(p) == 2]
    pos = text.find("其中")
    while pos != -1:
        groups.extend(_breakdown(text, pos, remainder, pairs))
        pos = text.find("其中", pos + 2)
    doc.cache["nm.totals"] = groups
    return groups


def _breakdown(text: str, pos: int, remainder: tuple, pairs: list) -> list[Group]:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end == -1 else line_end
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
    post = text[post_start:post_end]
    if PLACEHOLDER.search(post):
        return []
    totals = amounts(text, pre_start, pre_end)
    parts = amounts(text, post_start, post_end)
    if not totals or not parts:
        return []
    _labels(text, parts, post_start)
    partial = "等" in post
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
        if closed:
            why = "remainder"
        elif len(same_parts) == 2:
            for a, b in pairs:
                if (labels[0].startswith(a) and labels[1].startswith(b)) or (
                    labels[0].startswith(b) and labels[1].startswith(a)
                ):
                    if not (a in b or b in a):
                        why = f"{a}/{b}"
        group = Group(unit, same_totals, same_parts, bool(why) and not (partial and why != "remainder"), why, partial)
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


def arithmetic(parts: list[Amount]) -> tuple[str, Decimal]:
    """`1077+1244+1135=3456`, written with the parts' own multiplier (万) when they share one."""
    total = sum((p.qty.value for p in parts), Decimal(0))
    suffixes = {p.qty.text.lstrip("0123456789.") for p in parts}
    if len(suffixes) == 1 and (suffix := suffixes.pop()):
        factor = parts[0].qty.value / Decimal(parts[0].qty.text[: -len(suffix)])
        shown = [p.qty.text for p in parts]
        return "+".join(shown) + f"={fmt(total / factor)}{suffix}", total
    return "+".join(fmt(p.qty.value) for p in parts) + f"={fmt(total)}", total


def _show(a: Amount) -> str:
    return a.qty.text


class PartsExceedTotal(Rule):
    code = "NM001"
    name = "parts-total-mismatch"
    category = "number"
    severity = "info"
    summary = "「其中」列出的分项与总数对不上（分项超过总数，或列全了却加不到总数）"
    why = (
        "A breakdown that does not add up is the first thing a reader checks and the surest sign "
        "that a figure was copied from another report or mistyped. The rule adds the parts of the "
        "same unit after 其中 and compares them with the total of that unit before it; a finding "
        "shows the sum and the difference. It confirms quietly when the parts (or the first few "
        "of them, before the sentence moves on to other figures) add up to a total, allowing for "
        "the rounding the written digits imply (31.9万 against 31.94万). It reports only when the "
        "total is unambiguous (one figure of that unit before 其中) and either one part alone "
        "exceeds it, or the parts are clearly exhaustive and miss it: clearly exhaustive means "
        "the list ends with a remainder item (其余/其他/其它/剩余…) or its two items are a "
        "complementary pair (汉族/少数民族, 男/女, 出口/进口, …, see rules/data/events.toml). "
        "Approximate figures (约, 近, 多, 余, 以上, 左右), lists marked partial (等) for the "
        "missing-sum case, and placeholders (XX人) are left alone: overlapping categories "
        "(其中女职工…，农民工…) may legitimately sum to more than the total."
    )
    bad = "共新建工会组织38家，其中农民工工会组织8家，非公单位工会组织17家，社区工会组织10家，其余工会组织5家。"
    good = "共新建工会组织38家，其中农民工工会组织8家，非公单位工会组织17家，社区工会组织10家，其余工会组织3家。"
    fix_doc = (
        "Check the figures against the source: correct the total or the part that is wrong. "
        "There is no automatic fix: the rule cannot know which number is the wrong one."
    )
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
    )

    def check(self, doc, ctx):
        text = doc.text
        if "其中" not in text:
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
            if not g.exhaustive or len(g.parts) < 2:
                continue
            shown, s = arithmetic(g.parts)
            diff = s - total.qty.value
            if abs(diff) <= total.qty.tolerance + _tol(g.parts):
                continue
            relation = "多" if diff > 0 else "少"
            yield Hit(
                total.start, total.end,
                f"其中各项之和 {shown}，比总数 {_show(total)} {relation} {fmt(abs(diff))}"
                f"（{'列有「其余」项' if g.why_exhaustive == 'remainder' else '「' + g.why_exhaustive + '」两项应合为总数'}）"
                "：请核对总数或分项",
            )
