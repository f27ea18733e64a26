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
        "XX or xx inside Chinese text is a template placeholder even where the words around it do "
        "not tell what was meant (建功‘xxx’, 挖了xxx树根). The more specific PH rules report "
        "years, dates, numbers and names; this one reports the rest. A placeholder that is "
        "mentioned rather than left unfilled stays quiet: a formula taught with its slots (模板一样，"
        "也是负责XX工作), an example after 如/比如/例如, a quoted form after 注明/称为/叫."
    )
    bad = "广泛开展“当好主力军、建功‘xxx’活动”"
    good = "广泛开展“当好主力军、建功‘十一五’活动”"
    fix_doc = "Replace the placeholder with what was meant, or delete it. There is no automatic fix."
    options = {"ignore-words": []}
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
             note="a writing formula taught with its slots: mentioned, not left unfilled"),
        Spec("凡本公众号注明“来源：XXX或转自：XXX”的作品均转载自其它媒体", note="a quoted form"),
    )
