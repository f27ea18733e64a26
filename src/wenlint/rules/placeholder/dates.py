"""PH003 date-placeholder and PH004 document-number-placeholder."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class DatePlaceholder(ScanRule):
    code = "PH003"
    name = "date-placeholder"
    severity = "warning"
    summary = "日期占位符未填写（X月X日、XX月XX日、___年___月___日、 年 月 日）"
    why = (
        "X月X日 这样的日期，或空白的日期栏 ___年___月___日，还是模板原来的样子：文件因此没有日期，"
        "或者一看就是没写完的日期。已填好月日、只缺年份的（XX年6月20日）由 PH001 报告。"
    )
    bad = "会议定于X月X日召开"
    good = "会议定于6月20日召开"
    fix_doc = "写上实际日期。没有自动修复。"
    specs = (
        Spec("会议定于X月X日召开", ("X月X日",)),
        Spec("XX年XX月XX日", ("XX年XX月XX日",)),
        Spec("于6月X日前报送", ("6月X日",)),
        Spec("计划于xx月份完成", ("xx月份",)),
        Spec("学校:_________教师:_____________年___月___日", ("年___月___日",)),
        Spec("___年___月___日", ("___年___月___日",)),
        Spec("日期：____年__月__日", ("____年__月__日",)),
        Spec("落款日期：      年    月    日", ("年    月    日",)),
        Spec("XX年6月20日", ()),
        Spec("2019年6月20日召开，X光检查已经完成。"),
    )


class DocumentNumberPlaceholder(ScanRule):
    code = "PH004"
    name = "document-number-placeholder"
    summary = "文号占位符未填写（湘工发[XX]14号、〔20XX〕、x工[]32号、第XX号）"
    why = (
        "引用公文要写全文号：发文机关代字、方括号里的年份、序号（湘工发〔2006〕14号）。"
        "模板留下的 [XX] 或空的 [] 让引用失去意义。附件[1]、表（2）这类编号不报告。"
    )
    bad = "认真贯彻落实湘工发[XX]14号文件"
    good = "认真贯彻落实湘工发〔2006〕14号文件"
    fix_doc = "查到所引文件，写上完整文号。没有自动修复。"
    specs = (
        Spec("认真贯彻落实湘工发[XX]14号文件", ("[XX]14号",)),
        Spec("继续贯彻湘党发[XX]1号文件和湘办发[XX]15号文件", ("[XX]1号", "[XX]15号")),
        Spec("对全县各基层工会专门下发了x工[]32号关于工会系统的通知", ("x工[]32号",)),
        Spec("根据湘政发〔20XX〕文件精神", ("〔20XX〕",)),
        Spec("（顺委发[XX]01号文件）", ("[XX]01号",)),
        Spec("第XX号令", ("第XX号",)),
        Spec("根据湘政发〔2006〕14号文件和国办发[2019]3号文件精神"),
        Spec("详见附件[1]和表（2）"),
    )
