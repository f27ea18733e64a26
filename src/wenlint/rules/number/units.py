"""NM013: the same figure for the same thing written with two different units of one measure
(耕地面积73760亩 … 耕地面积73760公顷): one of the units is wrong."""

from __future__ import annotations

from ...findings import Hit
from ..base import Rule, Spec
from ._common import amounts, lazy

# units of one measure; a figure in one of them is never the same figure in another
MEASURES = (
    frozenset({"亩", "公顷", "平方米", "平方公里"}),
    frozenset({"吨", "公斤", "千克", "斤"}),
    frozenset({"公里", "千米", "米"}),
)
_FIGURE = lazy(r"\d(?<![\d.．,]\d)\d*(?:\.\d+)?(?=\s?(?:[万萬亿億千]|公顷|亩|畝|平方|吨|噸|公斤|千克|斤|公里|千米|米))")
_STOP = "，,、；;：:（(）)。！？!? \t\u3000\n"


def _label(text: str, start: int) -> str:
    i = start
    while i > 0 and start - i < 12 and text[i - 1] not in _STOP and not text[i - 1].isdigit():
        i -= 1
    return text[i:start].rstrip("为是达约共有")


def _measure(unit: str):
    return next((m for m in MEASURES if unit in m), None)


class UnitConflict(Rule):
    code = "NM013"
    name = "unit-conflict"
    category = "number"
    severity = "warning"
    summary = "同一个数、同一个名目在文中用了同一量的两种单位（耕地面积73760亩，后文又写73760公顷）"
    why = (
        "同一份材料里，同一个名目（耕地面积、林地面积、年产量）的同一个数先后写成两种单位（亩与公顷、"
        "吨与公斤、公里与米），两处不可能都对：1公顷是15亩，差得很远。多半是抄写时换错了单位。"
        "本规则只在数字完全相同（至少三位有效数字）、名目相同（一处的名目是另一处的结尾，至少两个字）"
        "且两种单位属于同一种量时报告，标在后出现的那一处。\n"
        "刻意不报的情形：数字不同的两处（可能是不同年份、不同范围的数）；名目不同；"
        "单位不属于同一种量（亩与吨）；做了换算的（73760亩，约4917公顷）。"
    )
    bad = "全镇耕地面积73760亩，其中水田7477.5亩。\n农业资源：全镇耕地面积73760公顷，主要作物有玉米。"
    good = "全镇耕地面积73760亩，其中水田7477.5亩。\n农业资源：全镇耕地面积73760亩，主要作物有玉米。"
    fix_doc = "核对原始数据，把写错的单位改正（或把数字换算成同一单位）。"
    specs = (
        Spec(bad, ("73760公顷",)),
        Spec(good),
        Spec("耕地面积73760亩，约合4917公顷。林地面积4917公顷。"),
        Spec("耕地面积120亩。林地面积120公顷。"),
        Spec("年产稻米140983吨，年加工能力140983吨。"),
        Spec("梨园面积5181亩，年产5181吨。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        if not any(sum(1 for u in m if u in text) >= 2 for m in MEASURES):
            return  # no two units of one measure in the document
        # only a figure written at least twice can conflict with itself: find those first
        counts: dict[str, list[int]] = {}
        for m in _FIGURE.finditer(text):
            counts.setdefault(m.group(), []).append(m.start())
        starts = sorted(i for positions in counts.values() if len(positions) > 1 for i in positions)
        if len(starts) < 2:
            return
        found = []
        for i in starts:
            found.extend(a for a in amounts(text, i, min(len(text), i + 24)) if a.start == i)
        seen: dict[tuple[str, frozenset], list] = {}
        for a in found:
            measure = _measure(a.unit)
            digits = a.qty.text.replace(".", "").lstrip("0")
            if measure is None or len(digits.rstrip("0")) < 3 or a.approx:
                continue
            label = _label(text, a.start)
            if len(label) < 2:
                continue
            key = (a.qty.text, measure)
            for other_label, other in seen.get(key, ()):
                if other.unit == a.unit:
                    continue
                if label.endswith(other_label[-4:]) or other_label.endswith(label[-4:]):
                    yield Hit(
                        a.start, a.end,
                        f"「{label}{text[a.start:a.end]}」与第 {doc.location(other.start, other.end).line} 行的"
                        f"「{other_label}{text[other.start:other.end]}」是同一个数，单位却不同"
                        f"（{other.unit}与{a.unit}）：请核对单位",
                    )
                    break
            seen.setdefault(key, []).append((label, a))


# "约10000（6500）亩": a figure, a bare figure in brackets, then the unit both share
_IN_BRACKETS = (
    r"[ \t]*(\d[\d.,]*)[ \t]*[）)][ \t]*(?:[万萬亿億千]?)(亩|畝|公顷|平方米|平方公里|吨|噸|公斤|千克|公里|千米|米|元|人|户|戶|家|个|個|头|頭|只|株|辆|輛|座|所|名)"
)
# Found from the opening bracket, one pattern for each: `re` skips ahead to the literal a pattern
# starts with, where a pattern that starts with the first figure is tried at every digit.
_BRACKETED = (lazy("（" + _IN_BRACKETS), lazy(r"\(" + _IN_BRACKETS))


def two_figures(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, first figure, figure in brackets) of every figure followed by a bare figure in
    brackets and the unit both share, in order: found from the bracket, the first figure read back
    from it (the run of digits, dots and commas before the blanks before the bracket, from its
    first digit)."""
    found = []
    for pattern in _BRACKETED:
        for m in pattern.finditer(text):
            end = m.start()
            while end and text[end - 1] in " \t":
                end -= 1
            start = end
            while start and (text[start - 1] in ".," or text[start - 1].isdecimal()):
                start -= 1
            while start < end and not text[start].isdecimal():
                start += 1  # a figure starts with a digit
            if start < end:
                found.append((start, m.end(), text[start:end], m.group(1)))
    found.sort()
    return found


class TwoFigures(Rule):
    code = "NM014"
    name = "two-figures"
    category = "number"
    severity = "warning"
    summary = "同一个量写了两个数，一个放在括号里（基地约10000（6500）亩）：读者不知道哪个是对的"
    why = (
        "“基地约10000（6500）亩”这样把两个不同的数并列、只用括号隔开，又没有说明括号里的数是什么"
        "（其中、实际、原计划），多半是改稿时留下了旧数。本规则只报括号里只有一个数、单位写在括号之后"
        "（两个数共用这个单位）的写法。\n"
        "刻意不报的情形：括号里有说明文字的（10000亩（其中水田6500亩）、10000（含6500）亩）；"
        "单位写在第一个数后面的（10000亩（6500公顷））；两个数相同的；表格单元格里的写法。"
    )
    bad = "已发展山葡萄种植基地约10000（6500）亩。"
    good = "已发展山葡萄种植基地约10000亩，其中已投产6500亩。"
    fix_doc = "核对原始数据，删去不对的那个数；若两个数都要，写明括号里的数是什么（其中、实际）。"
    specs = (
        Spec(bad, ("10000（6500）亩",)),
        Spec(good),
        Spec("种植基地10000亩（其中水田6500亩）。种植基地10000（含6500）亩。种植面积10000亩（6500公顷）。"),
        Spec("| 项目 | 面积 |\n| --- | --- |\n| 基地 | 10000（6500）亩 |\n", format="markdown"),
        Spec("共有学生1200（1200）人。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        if "（" not in text and "(" not in text:
            return
        for start, end, first, second in two_figures(text):
            a, b = first.rstrip(".,"), second.rstrip(".,")
            if a == b:
                continue
            ls = text.rfind("\n", 0, start) + 1
            before = doc.source[ls:start]  # the source: Markdown masking blanks table pipes
            if before.lstrip().startswith("|") or "\t" in before:
                continue  # a table cell: columns may pair figures on purpose
            yield Hit(start, end,
                      f"「{text[start:end]}」给同一个量写了两个数（{a} 和 {b}），括号里的数没有说明：请核对，留下正确的那个")
