"""PH008 blank-field."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class BlankField(ScanRule):
    code = "PH008"
    name = "blank-field"
    summary = "表单空白栏未填写（编号:_____、姓名：＿＿＿＿、本人____同意）"
    why = (
        "A cover sheet or form copied from a template still has its blank lines to fill in "
        "(编号:_____, 学校:_________). Submitted as it is, the fields are empty."
    )
    bad = "编号:_____"
    good = "编号:2019-014"
    fix_doc = "Fill the field in, or delete it if it does not apply. There is no automatic fix."
    specs = (
        Spec("编号:_____", ("编号:_____",)),
        Spec("学校:_________教师:_____________年___月___日", ("学校:_________", "教师:_____________")),
        Spec("姓名：＿＿＿＿", ("姓名：＿＿＿＿",)),
        Spec("本人________同意上述条款", ("________",)),
        Spec("第一部分\n______________\n第二部分", (), note="a line of underscores is a separator"),
        Spec("变量名 my_var 和 __init__ 方法"),
        Spec("这是___加粗斜体___的文字", (), format="markdown"),
    )
