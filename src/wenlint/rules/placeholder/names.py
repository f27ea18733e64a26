"""PH006 name-placeholder."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class NamePlaceholder(ScanRule):
    code = "PH006"
    name = "name-placeholder"
    severity = "info"
    summary = "名称占位符未填写：地名、单位名、人名、活动名（xx县、xxxx局、XXX同志、xx节、构建和谐xx）"
    why = (
        "模板网站把县名、单位名、人名或节日名换成 xx（xx县总工会、xxxx局、XXX同志、xx节），"
        "或在口号里略去（构建和谐xx、促进XX经济发展）。连自己县名都没写的报告是没写完的。"
        "提示根据占位符后面的字说明缺的是哪类名称（县 → 地名，局 → 单位名称，同志 → 人名）。"
        "X光室、XML文件、Xbox、iPhone X 等不报告；只是提到的写法（有意的称呼、引用、「如」后面的举例）也不报告；"
        "被隐去的人名（局长××）由 MK002 报告。"
    )
    bad = "xx县总工会精神文明工作总结"
    good = "盘山县总工会精神文明工作总结"
    fix_doc = (
        "写上实际名称。自己的名称结尾（牧业、牧场……）可以加到占位符类的选项 `name-suffixes` 里"
        "（[tool.wenlint.placeholder]）。没有自动修复。"
    )
    specs = (
        Spec("xx縣總工會", ("xx縣",)),
        Spec("连续五年开展“XX区爱岗敬业十佳职工”评选", ("XX区",)),
        Spec("xxxx局于2003年11月创建成为“市级最佳文明单位”", ("xxxx局",)),
        Spec("先后对xx乡、xx乡、xx局及xx厂拨付补助款", ("xx乡", "xx乡", "xx局", "xx厂")),
        Spec("为xx扎乡卫生院送去慰问金", ("xx扎乡",)),
        Spec("到县人民医院、客运站及xx公交公司等9家重点企业", ("xx公交公司",)),
        Spec("XX市总工会：XXX同志获得先进工作者称号", ("XX市", "XXX同志")),
        Spec("“春节”、“五一”及“xx节”等重大节日", ("xx节",)),
        Spec("团结动员全县职工为建设和谐xx建功立业，促进XX经济发展", ("xx", "XX")),
        Spec("成立了“创平安xx、保奥运安全”领导小组", ("xx",)),
        Spec("X县", ("X县",)),
        Spec("平时叫父母都是叫XX同志", note="有意这样写的称呼"),
        Spec("最高领导人改称为「以XXX同志为总书记」", note="引用的写法"),
        Spec("注册成立非营利组织实体，如 XX 开源基金会", note="「如」后面的举例"),
        Spec("xx牧业", (), note="「牧业」不在名称结尾表里：由通用规则 PH009 报告"),
        Spec("xx牧业", ("xx牧业",), options={"name-suffixes": ["牧业"]}),
        Spec("盘山县总工会、X光室、XML文件、Xbox、MAX值、iPhone X手机"),
        Spec("局长××以身作则", (), note="被隐去的人名：由 MK002 报告"),
    )
