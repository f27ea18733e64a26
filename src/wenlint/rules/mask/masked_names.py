"""MK002 masked-name."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import Hit
from ..base import Rule, Spec
from ..placeholder._scan import hits_for


class MaskedName(Rule):
    code = "MK002"
    name = "masked-name"
    category = "mask"
    reads = ("placeholder.scan",)
    severity = "warning"
    summary = "人名被隐去（局长××、王**、张*、×××同志）"
    why = (
        "人名被 ×× 或 ** 代替（局长××、王**、×××同志），要么是模板占位符没有填，要么是匿名处理。"
        "点名表扬或批评的报告必须写全名；确实需要匿名时，全文应统一处理。只报告姓氏或职务旁边的"
        "屏蔽符号。不处理：屏蔽词语（加强**管理，由 MK001 报告）、模板占位符（XXX同志，由 PH006 "
        "报告）、脚注星号（资金*：）、Markdown 强调（**张三**）。"
    )
    bad = "在党组书记、局长××以身作则、率先垂范的影响下"
    good = "在党组书记、局长邹济舟以身作则、率先垂范的影响下"
    fix_doc = "写上姓名；有意匿名的，保留并用抑制注释说明。没有自动修正。"
    specs = (
        Spec("在党组书记、局长××以身作则、率先垂范的影响下", ("××",)),
        Spec("王**同志获得先进个人称号，张*负责联络", ("王**", "张*")),
        Spec("表彰×××同志", ("×××同志",)),
        Spec("由李*、刘**等同志组成工作组", ("李*", "刘**")),
        Spec("资金*：含配套资金", (), note="a single star after a word is a footnote mark"),
        Spec("加强**管理", (), note="a masked word, not a name: MK001"),
        Spec("XXX同志", (), note="a template placeholder: PH006"),
    )

    def check(self, doc, ctx) -> Iterable[Hit]:
        return list(hits_for(self.code, doc, ctx))
