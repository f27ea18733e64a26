"""PH005 session-placeholder."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class SessionPlaceholder(ScanRule):
    code = "PH005"
    name = "session-placeholder"
    summary = "会议届次占位符未填写（xx届三中全会、党的xx大、第XX次）"
    why = (
        "模板把代表大会或全会的届次空着（党的xx大、xx届三中全会、第XX次代表大会）。"
        "说的是哪一次会议决定了整篇报告的年代；空着不填，放在哪一年都不对。"
        "写明届次的（十九届四中全会、第十三次代表大会）不报告。"
    )
    bad = "以党的xx大精神为指导"
    good = "以党的十七大精神为指导"
    fix_doc = "写上实际届次（十七大、十六届三中全会）。没有自动修复。"
    specs = (
        Spec("以党的xx大精神为指导", ("xx大",)),
        Spec("组织学习了《宪法》、xx屆三中、四中全会精神", ("xx屆",)),
        Spec("召开第XX次代表大会", ("第XX次",)),
        Spec("县工会第XX届委员会", ("第XX届",)),
        Spec("学习贯彻十七届X中全会精神", ("X中全会",)),
        Spec("以党的十九大和十九届二中、三中、四中全会精神为动力，召开第十三次代表大会"),
    )
