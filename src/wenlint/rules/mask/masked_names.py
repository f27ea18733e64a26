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
    severity = "info"
    summary = "人名被隐去（局长××、王**、张*、×××同志）"
    why = (
        "A person's name replaced by ×× or ** (局长××, 王**, ×××同志) is either a template "
        "placeholder or an anonymisation. In a report that names its people, it has to be "
        "filled in; where anonymity is intended, it should be done the same way throughout."
    )
    bad = "在党组书记、局长××以身作则、率先垂范的影响下"
    good = "在党组书记、局长邹济舟以身作则、率先垂范的影响下"
    fix_doc = "Write the name, or keep the masking on purpose and suppress the finding. No automatic fix."
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
