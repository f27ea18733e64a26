"""NM012: a table whose own arithmetic fails in a row: a column the other columns compute
(净收入 = 总收入 − 总支出), a running balance (期末结余 = 上期结余 + 净收入), or a total row
(合计) that is not the sum of the rows above it.

The relation is learnt from the table itself: it must hold in at least four rows, and the rows
where it fails must be few, so that a coincidence of two rows never makes a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ...analyses.tables import TableRow, table_blocks
from ._common import lazy
from ._numerals import fmt

_NUMBER = lazy(r"[+\-−]?(?:\d{1,3}(?:, ?\d{3})+|\d+)(?:\.\d+)?")
_CURRENCY = "¥￥$元"
_TOTAL_LABEL = lazy(r"^(?:合\s*计|总\s*计|總\s*計|共\s*计|共\s*計|合\s*計)$")
_SUBTOTAL_LABEL = lazy(r"^(?:小\s*计|小\s*計)$")
# columns that are not amounts to add: rates, shares, averages, prices, ranks, years
_NOT_ADDITIVE = lazy(r"率|比|均|%|％|价|價|排名|排序|序号|序號|编号|編號|年份|年度|日期|时间|時間|指数|指數")
MIN_SUPPORT = 4


@dataclass
class Cell:
    value: Decimal
    tolerance: Decimal
    start: int
    end: int


@dataclass
class Table:
    rows: list[list[Cell | None]]  # numeric cells (None: empty or not a number)
    labels: list[str]  # the first cell of each row
    header: list[str]
    ncols: int


def _cell(raw: str, offset: int) -> Cell | None:
    stripped = raw.strip()
    if not stripped:
        return None
    core = stripped.strip(_CURRENCY).strip()
    if not _NUMBER.fullmatch(core):
        return None
    digits = core.replace(",", "").replace(" ", "").replace("−", "-").lstrip("+")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    tolerance = Decimal(5) * Decimal(10) ** (-places - 1) if places else Decimal("0.5")
    start = offset + raw.index(stripped[0])
    return Cell(value, tolerance, start, start + len(stripped))


@analysis("number.tables", needs=(table_blocks,))
def tables(doc) -> list[Table]:
    out: list[Table] = []
    for block in table_blocks(doc):
        out.extend(_table(block))
    return out


def _table(block: list[TableRow]) -> list[Table]:
    rows, labels, header = [], [], []
    for row in block:
        if row.delimiter:
            continue
        cells = row.cells
        parsed = [_cell(raw, off) for raw, off in cells]
        if not header and not any(parsed[1:]):
            header = [raw.strip() for raw, _ in cells]
            continue
        rows.append(parsed)
        labels.append(cells[0][0].strip() if cells else "")
    if len(rows) < 3:
        return []
    ncols = max(len(r) for r in rows)
    for r in rows:
        r.extend([None] * (ncols - len(r)))
    return [Table(rows, labels, header + [""] * (ncols - len(header)), ncols)]


def _close(value: Decimal, expected: Decimal, tolerance: Decimal) -> bool:
    return abs(value - expected) <= tolerance


_RELATIONS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "|-|": lambda a, b: abs(a) - abs(b),
}


def _column_relations(t: Table):
    """(k, i, j, op, failing rows): column k = op(column i, column j) in most rows."""
    numeric = [c for c in range(t.ncols) if sum(1 for r in t.rows if r[c] is not None) >= MIN_SUPPORT]
    if len(numeric) < 3 or len(numeric) > 8 or len(t.rows) > 300:
        return  # wide or long tables: statistics to read, not a ledger to recompute
    for k in numeric:
        for i in numeric:
            for j in numeric:
                if len({i, j, k}) < 3:
                    continue
                for op, f in _RELATIONS.items():
                    if op == "+" and j < i:
                        continue
                    support, fails = 0, []
                    for ri, r in enumerate(t.rows):
                        a, b, c = r[i], r[j], r[k]
                        if a is None or b is None or c is None:
                            continue
                        tol = a.tolerance + b.tolerance + c.tolerance
                        if _close(c.value, f(a.value, b.value), tol):
                            if a.value and b.value and c.value:
                                support += 1
                        else:
                            fails.append(ri)
                    if support >= MIN_SUPPORT and len(fails) <= max(1, support // 3):
                        yield support, k, i, j, op, fails


def _complete(row: list, relation) -> bool:
    _, k, i, j, _, _ = relation
    return row[i] is not None and row[j] is not None and row[k] is not None


def _running(t: Table):
    """(k, c, step, failing rows): column k = column k of the row before (step 1) or after
    (step -1) + column c, in most rows: a running balance."""
    numeric = [c for c in range(t.ncols) if sum(1 for r in t.rows if r[c] is not None) >= MIN_SUPPORT]
    for k in numeric:
        for c in numeric:
            if c == k:
                continue
            for step in (1, -1):
                support, fails = 0, []
                for ri, r in enumerate(t.rows):
                    prev_i = ri - step
                    if not (0 <= prev_i < len(t.rows)):
                        continue
                    cur, prev, delta = r[k], t.rows[prev_i][k], r[c]
                    if cur is None or prev is None or delta is None:
                        continue
                    tol = cur.tolerance + prev.tolerance + delta.tolerance
                    if _close(cur.value, prev.value + delta.value, tol):
                        if delta.value:
                            support += 1
                    else:
                        fails.append(ri)
                if support >= MIN_SUPPORT and fails and len(fails) <= max(1, support // 3):
                    yield support, k, c, step, fails


class TableArithmetic(Rule):
    code = "NM012"
    name = "table-arithmetic"
    category = "number"
    reads = ("number.tables",)
    severity = "warning"
    summary = "表格里某一行的算术与整张表的规律不符（净收入≠收入−支出，期末结余≠上期结余+本期净额，合计≠各行之和）"
    why = (
        "收支台账、统计表里常有由别的列算出的列（净收入 = 总收入 − 总支出）、逐行滚动的余额"
        "（期末结余 = 上一期结余 + 本期净收入）和合计行。手工改了一个数、另一个没跟着改，这一行就对不上。"
        "本规则从表格本身找出这样的关系：同一关系至少在四行里成立，且不成立的行很少（不超过成立行数的"
        "三分之一），才把不成立的行报出来，结论写出应得的数；合计、总计行与上面各行（或各小计行）之和"
        "比较。按所写的小数位允许四舍五入。表格指 Markdown 表格和制表符分隔的行。\n"
        "刻意不报的情形：只在两三行里成立的关系（可能是巧合）；有缺项（空格、“遗失”）的行；"
        "比率、占比、平均数、单价、排名、序号、年份列的合计；全部为零的行不算作关系成立的证据。"
    )
    bad = (
        "| 时间段 | 总收入 | 总支出 | 净收入 |\n| --- | --- | --- | --- |\n"
        "| 2017 | 12042.00 | 10517.60 | 1524.40 |\n| 2016 | 5150.00 | 2181.30 | 2968.70 |\n"
        "| 2015 | 4750.00 | 5534.00 | -784.30 |\n| 2014 | 2050.00 | 1647.00 | 403.00 |\n"
        "| 2013 | 2000.00 | 1628.50 | 371.50 |\n| 2012 | 3785.00 | 4960.20 | -1175.20 |\n"
    )
    good = bad.replace("-784.30", "-784.00")
    fix_doc = "按表中其他数字核对这一行，改正写错的数（结论给出按关系应得的数）。"
    specs = (
        Spec(bad, ("-784.30",), format="markdown"),
        Spec(good, format="markdown"),
        # a running balance, newest first
        Spec("| 时间 | 净收入 | 期末结余 |\n| --- | --- | --- |\n| 2013下 | 403 | 1724.30 |\n"
             "| 2013上 | 371.5 | 1321.30 |\n| 2012下 | -1175.20 | 949.80 |\n| 2012上 | 181.00 | 2125.00 |\n"
             "| 2011下 | 38.20 | 1210.20 |\n| 2011上 | 491.50 | 1172.00 |\n| 2010下 | -432.30 | 677.50 |\n"
             "| 2010上 | -85.00 | 1109.80 |\n| 2009下 | -780.20 | 1194.80 |\n| 2009上 | - | 1975.00 |\n",
             ("2125.00", "1172.00"), format="markdown"),
        # a total row
        Spec("项目\t上半年\t下半年\t全年\n工资\t100\t120\t220\n奖金\t30\t40\t70\n福利\t10\t15\t25\n合计\t140\t175\t315\n"),
        Spec("项目\t上半年\t下半年\n工资\t100\t120\n奖金\t30\t40\n福利\t10\t15\n合计\t150\t175\n", ("150",)),
        # two rows only, rates, ids: quiet
        Spec("| 项目 | 2022 | 2023 | 增长率 |\n| --- | --- | --- | --- |\n| 收入 | 100 | 120 | 20% |\n| 支出 | 80 | 90 | 12.5% |\n",
             format="markdown"),
        Spec("序号\t编号\t数量\t单价\n1\t101\t5\t3.5\n2\t102\t6\t3.5\n3\t103\t7\t3.5\n合计\t\t18\t10.5\n"),
    )

    def check(self, doc, ctx):
        text = doc.text
        for t in tables(doc):
            reported: set[int] = set()
            # the computed column is usually right of the columns it is computed from
            found = sorted(_column_relations(t), key=lambda x: (-x[0], x[1] < max(x[2], x[3]), -x[1]))
            for support, k, i, j, op, fails in found:
                for ri in fails:
                    if ri in reported or any(ri not in other[5] and _complete(t.rows[ri], other)
                                             for other in found if {other[1], other[2], other[3]} == {k, i, j}):
                        continue  # another relation of the table holds in this row (|支出| written negative)
                    reported.add(ri)
                    r = t.rows[ri]
                    a, b, c = r[i], r[j], r[k]
                    expected = _RELATIONS[op](a.value, b.value)
                    name = lambda col: t.header[col] or f"第{col + 1}列"  # noqa: E731
                    how = {"+": "＋", "-": "−", "|-|": "−"}[op]
                    yield Hit(
                        c.start, c.end,
                        f"这一行的「{name(k)}」写作 {text[c.start:c.end]}，按本表其他 {support} 行的规律"
                        f"「{name(k)}」=「{name(i)}」{how}「{name(j)}」应为 {fmt(expected)}：请核对这一行",
                    )
            for support, k, c, step, fails in sorted(_running(t), key=lambda x: -x[0]):
                for ri in fails:
                    if ri in reported:
                        continue
                    reported.add(ri)
                    cur, prev, delta = t.rows[ri][k], t.rows[ri - step][k], t.rows[ri][c]
                    expected = prev.value + delta.value
                    col = t.header[k] or f"第{k + 1}列"
                    yield Hit(
                        cur.start, cur.end,
                        f"「{col}」逐行滚动计算（其他 {support} 行都成立）：{fmt(prev.value)}＋{fmt(delta.value)}"
                        f"={fmt(expected)}，这里写作 {text[cur.start:cur.end]}：请核对这一行或上一期的数",
                    )
            yield from self._totals(t, text, reported)

    @staticmethod
    def _totals(t: Table, text: str, reported: set[int]):
        start = 0
        subtotals: list[int] = []
        for ri, label in enumerate(t.labels):
            is_sub = bool(_SUBTOTAL_LABEL.match(label))
            is_total = bool(_TOTAL_LABEL.match(label))
            if not (is_sub or is_total):
                continue
            items = [x for x in range(start, ri) if x not in subtotals]
            for col in range(1, t.ncols):
                cell = t.rows[ri][col]
                if cell is None or _NOT_ADDITIVE.search(t.header[col]):
                    continue
                column = [t.rows[x][col] for x in items]
                values = [v for v in column if v is not None]
                if len(values) < 2 or len(values) < len(column) - 1:
                    continue
                if all(v.value == int(v.value) and 1900 <= v.value <= 2100 for v in values):
                    continue  # years
                sums = [(sum((v.value for v in values), Decimal(0)),
                         sum((v.tolerance for v in values), Decimal(0)))]
                if is_total and subtotals:
                    subs = [t.rows[x][col] for x in subtotals if t.rows[x][col] is not None]
                    sums.append((sum((v.value for v in subs), Decimal(0)), sum((v.tolerance for v in subs), Decimal(0))))
                if any(_close(cell.value, s, tol + cell.tolerance) for s, tol in sums):
                    continue
                if len(values) != len(column):
                    continue  # a missing item may be what the total includes
                reported.add(ri)
                yield Hit(
                    cell.start, cell.end,
                    f"「{label}」行写作 {text[cell.start:cell.end]}，上面 {len(values)} 行之和是 {fmt(sums[0][0])}"
                    "：请核对合计或分项",
                )
            if is_sub:
                subtotals.append(ri)
                start = ri + 1
            else:
                start, subtotals = ri + 1, []
