"""WL001: a `wenlint-disable` comment that silences nothing."""

from __future__ import annotations

from ..base import Rule, Spec


class UnusedSuppression(Rule):
    code = "WL001"
    name = "unused-suppression"
    category = "meta"
    severity = "warning"
    summary = "抑制注释没有抑制任何问题（或写了不存在的规则代码）"
    why = (
        "不抑制任何问题的抑制注释，是文字修改或删除以后留下的：它会把这个位置以后出现的真问题也"
        "藏起来；写错了规则代码的注释则什么也抑制不了。只报告本次运行里确实没有用上的注释；"
        "被 --select/--ignore 关掉的规则，其抑制注释不算没用。"
    )
    bad = "<!-- wenlint-disable-next-line PH -->\n本段内容已经填写完整。"
    good = "<!-- wenlint-disable-next-line PH -->\nXX年工作总结"
    fix_doc = "删去这条注释（--fix 会删），或改正它写的规则代码。"
    fix_safety = "safe"
    specs = (
        Spec("<!-- wenlint-disable-next-line PH -->\n本段内容已经填写完整。",
             ("<!-- wenlint-disable-next-line PH -->",),
             fixed="本段内容已经填写完整。"),
        Spec("<!-- wenlint-disable-line ZZ123 -->", ("<!-- wenlint-disable-line ZZ123 -->",)),
    )

    # The engine reports unused suppressions once every other rule has run on the document, and
    # takes back those a rule comparing documents needed (wenlint.engine.suppression).
    computed_by_engine = True
