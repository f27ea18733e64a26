"""NM010: page markers (第1页共10页) that do not match the pages the text holds."""

from __future__ import annotations

from ...analyses.pages import page_markers
from ...findings import Hit
from ..base import Rule, Spec


class PageCount(Rule):
    code = "NM010"
    name = "page-count-mismatch"
    category = "number"
    reads = ("pages.markers",)
    severity = "warning"
    summary = "页码标记与文中实际的页数不符（第1页共10页，文中只有3页）"
    why = (
        "从分页文档复制来的文字保留了页码标记：第1页共10页…第3页共10页之后再没有内容，说明缺了七页"
        "（下载站截断了文档），或者标记是别的文档留下的。本规则也报告总页数互相矛盾、页码大于总页数、"
        "页码跳号或重复。（页码标记本身由 chrome 规则删除；本规则告诉你正文不完整。）\n"
        "刻意不报的情形：没有“共N页”的单独页码；页码连续、与总页数一致的标记。"
    )
    bad = "正文第一页。\n第1页共3页\n正文第二页。\n第2页共3页\n"
    good = "正文第一页。\n第1页共2页\n正文第二页。\n第2页共2页\n"
    fix_doc = "从原文档补回缺失的页；若正文其实完整，删去页码标记。"
    specs = (
        Spec(bad, ("第1页共3页",)),
        Spec(good),
        Spec("甲。\n第1页共10页\n乙。\n第2页共10页\n丙。\n第3页共10页\n推荐访问：\n", ("第1页共10页",)),
        Spec("甲。\n第1页共2页\n乙。\n第3页共2页\n", ("第3页共2页",)),
        Spec("甲。\n第1页共3页\n乙。\n第3页共3页\n丙。\n第3页共3页\n", ("第3页共3页", "第3页共3页")),
    )

    def check(self, doc, ctx):
        marks = [(m, m.page, m.total) for m in page_markers(doc)]
        if not marks:
            return
        totals = {t for _, _, t in marks}
        if len(totals) > 1:
            first_total = marks[0][2]
            for m, n, t in marks:
                if t != first_total:
                    yield Hit(m.start, m.end, f"页码标记的总页数不一致：这里写共 {t} 页，前面写共 {first_total} 页：请核对")
            return
        (total,) = totals
        bad_seq = False
        prev = None
        for m, n, t in marks:
            if n > t:
                yield Hit(m.start, m.end, f"第 {n} 页超出了总页数 {t}：请核对页码")
                bad_seq = True
            elif prev is not None and n != prev + 1:
                what = "重复" if n == prev else ("跳过了" + "、".join(f"第{i}页" for i in range(prev + 1, n)) if n > prev else "倒退")
                yield Hit(m.start, m.end, f"页码{what}：上一个标记是第 {prev} 页，这里是第 {n} 页：请核对")
                bad_seq = True
            prev = n
        present = len({n for _, n, _ in marks})
        if present < total and not bad_seq:
            m = marks[0][0]
            pages = "、".join(f"第{n}页" for _, n, _ in marks) if present <= 4 else f"第{marks[0][1]}页到第{marks[-1][1]}页"
            yield Hit(
                m.start, m.end,
                f"页码写明共 {total} 页，文中只有 {present} 页（{pages}）：缺少 {total - present} 页，"
                "文本不完整，或页码是转载时留下的",
            )
