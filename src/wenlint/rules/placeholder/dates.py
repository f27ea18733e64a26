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
        "A date such as X月X日 or a blank date line ___年___月___日 was left as the template wrote "
        "it. The document then has no date, or an obviously unfinished one."
    )
    bad = "会议定于X月X日召开"
    good = "会议定于6月20日召开"
    fix_doc = "Write the real date. There is no automatic fix."
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
        "An official document is cited by its number: issuing body, year in brackets, serial "
        "number (湘工发〔2006〕14号). A template's [XX] or empty [] leaves the citation useless."
    )
    bad = "认真贯彻落实湘工发[XX]14号文件"
    good = "认真贯彻落实湘工发〔2006〕14号文件"
    fix_doc = "Look up the cited document and write its full number. There is no automatic fix."
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
