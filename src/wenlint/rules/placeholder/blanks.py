"""PH008 blank-field."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class BlankField(ScanRule):
    code = "PH008"
    name = "blank-field"
    summary = "表单空白栏未填写（编号:_____、姓名：＿＿＿＿、本人____同意）"
    why = (
        "从模板抄来的封面或表格还留着待填的横线（编号:_____、学校:_________），就这样交出去，"
        "这些栏目都是空的。单独一行的横线（分隔线）、变量名里的下划线和 Markdown 的强调符号不报告。"
    )
    bad = "编号:_____"
    good = "编号:2019-014"
    fix_doc = "填上这一栏；不适用就删去。没有自动修复。"
    specs = (
        Spec("编号:_____", ("编号:_____",)),
        Spec("学校:_________教师:_____________年___月___日", ("学校:_________", "教师:_____________")),
        Spec("姓名：＿＿＿＿", ("姓名：＿＿＿＿",)),
        Spec("本人________同意上述条款", ("________",)),
        Spec("第一部分\n______________\n第二部分", (), note="单独一行的下划线是分隔线"),
        Spec("变量名 my_var 和 __init__ 方法"),
        Spec("这是___加粗斜体___的文字", (), format="markdown"),
    )
