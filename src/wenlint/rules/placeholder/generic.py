"""PH009 generic-placeholder."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class GenericPlaceholder(ScanRule):
    code = "PH009"
    name = "generic-placeholder"
    severity = "info"
    summary = "其他占位符未填写：中文里的XX、xx（建功‘xxx’、xx树）"
    why = (
        "中文里的 XX、xx 是模板占位符，即使上下文看不出原来要填什么（建功‘xxx’、挖了xxx树根）。"
        "年份、日期、数字和名称由更具体的 PH 规则报告，这条规则报告其余的。"
        "XML、Xbox、XXL、0xFF、x86、iPhone X、XX染色体 等不报告；只是提到而不是没填的占位符也不报告："
        "讲解套路时写出的空位（模板一样，也是负责XX工作）、如/比如/例如 后面的举例、注明/称为/叫 后面引用的写法。"
    )
    bad = "广泛开展“当好主力军、建功‘xxx’活动”"
    good = "广泛开展“当好主力军、建功‘十一五’活动”"
    fix_doc = "把占位符换成原本要写的内容，或删去。没有自动修复。"
    specs = (
        Spec("广泛开展“当好主力军、建功‘xxx’活动”", ("xxx",)),
        Spec("抽调干部参加了xx、xx乡和xx乡3个乡镇的工作", ("xx",)),
        Spec("帮助挖了xxx树根，起到了预防xx树病虫害防治的效果", ("xxx", "xx")),
        Spec("以“建功xxx，巾帼绘和谐”为主题", ("xxx",)),
        Spec("XML、Xbox、MAX、XXL、xx.com、0xFF、x86架构、iPhone X、Windows XP"),
        Spec("女性的性染色体为XX染色体"),
        Spec("本店XX款式齐全", ("XX",)),
        Spec("本店XX款式齐全", (), options={"ignore-words": ["XX款"]}),
        Spec("撰写方法与上面的模板一样，也是负责XX工作，通过XX的方式，达成XX的数据",
             note="讲解写法时写出的空位：是提到，不是没填"),
        Spec("凡本公众号注明“来源：XXX或转自：XXX”的作品均转载自其它媒体", note="引用的写法"),
    )
