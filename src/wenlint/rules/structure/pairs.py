"""ST006 a quote or bracket without its partner in the paragraph."""

from __future__ import annotations

from ...findings import Hit
from ..base import Rule, Spec
from ._layout import MATE, layout


class UnbalancedPair(Rule):
    code = "ST006"
    name = "unbalanced-pair"
    category = "structure"
    severity = "info"
    summary = "引号或括号不成对（“” ‘’ 《》 （） () 【】 「」）"
    why = (
        "A quotation mark or bracket left open (or closed without being opened) makes the reader "
        "guess where a quotation, a title or an aside ends; it often marks text lost when pieces "
        "were pasted together. Pairs are checked per paragraph (a line of plain text, a block of "
        "Markdown). A quotation or bracket that runs on into the next paragraph because the "
        "sentence was broken is reported once, as a broken line (ST007), not here; a quotation over "
        "several paragraphs that opens each of them with “ (the usual convention) is correct; "
        "list markers such as `1)` and `a）` are not brackets, and `don’t` is not a quote."
    )
    bad = "教育机关干部牢固树立“服务于群众、服务于基层的宗旨。"
    good = "教育机关干部牢固树立“服务于群众、服务于基层”的宗旨。"
    fix_doc = "Add the missing mark where the quotation or aside ends, or delete the stray one."
    specs = (
        Spec("教育机关干部牢固树立“服务于群众、服务于基层的宗旨。", ("“",)),
        Spec("学习《公民道德建设实施纲要，结合实践。", ("《",)),
        Spec("建立职介所1个)、培训基地2个。", (")",)),
        Spec("开展“三管六不”（既管好自己的嘴，不说粗话）活动，实施 “ 十一五 ” 规划。", ()),
        Spec("他说：“第一段话。\n“第二段话，到这里才结束。”", ()),
        Spec("> 他说：“我们要继续努力，\n> 把工作做得更好。”\n", (), format="markdown"),
        Spec("1) 第一项；2) 第二项；a) 其他。It doesn’t matter :)", ()),
        Spec("（一）组织领导\n（二）工作措施", ()),
    )

    def check(self, doc, ctx):
        for offset, mark, role in layout(doc, ctx).unmatched:
            mate = MATE[mark]
            if role == "open":
                message = f"「{mark}」没有配对的「{mate}」：在引语或插入语结束处补上，或删去多余的「{mark}」"
            else:
                message = f"「{mark}」前面没有配对的「{mate}」：补上开头的「{mate}」，或删去多余的「{mark}」"
            yield Hit(offset, offset + 1, message)
