"""PH007 amount-placeholder."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class AmountPlaceholder(ScanRule):
    code = "PH007"
    name = "amount-placeholder"
    severity = "info"
    summary = "数量占位符未填写（XX多元、XX多名、XX人、X家、XX%）"
    why = (
        "数字留成 XX（资金达XX多元、XX多名运动员、深入辖区X家企业），这句话就成了空话："
        "工作报告靠数字说话。3×4米、X型钢、x光片 这类写法，以及「1＋N＋X」里当变量用的字母，都不报告。"
    )
    bad = "为困难职工解决生产、生活资金达XX多元"
    good = "为困难职工解决生产、生活资金达6000多元"
    fix_doc = "写上实际数字。其他量词可以用选项 `amount-units` 添加。没有自动修复。"
    specs = (
        Spec("为13名困难职工解决生产、生活资金达XX多元", ("XX多元",)),
        Spec("代表队的XX多名运动员参加了比赛", ("XX多名",)),
        Spec("外来农民工XX人，为建立村级工会提供了依据", ("XX人",)),
        Spec("深入辖区X家非公企业开展法律体检活动", ("X家",)),
        Spec("参赛面达XX%，同比增长X.X%", ("XX%", "X.X%")),
        Spec("完成全年任务的百分之XX", ("百分之XX",)),
        Spec("xx头牛", (), note="「头」不在量词表里：由通用规则 PH009 报告"),
        Spec("xx头牛", ("xx头",), options={"amount-units": ["头"]}),
        Spec("3×4米的展板2×3米，x光片，X型钢，增长了3.5%"),
        Spec("形成N个行业大模型和X个重点应用场景的“1＋N＋X”大模型体系", note="字母相加：是变量，不是占位符"),
    )
