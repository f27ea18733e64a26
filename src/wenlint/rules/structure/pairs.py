"""ST006 a quote or bracket without its partner in the paragraph."""

from __future__ import annotations

import regex

from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._layout import MATE, layout


class UnbalancedPair(Rule):
    code = "ST006"
    name = "unbalanced-pair"
    category = "structure"
    reads = ("structure.layout",)
    severity = "warning"
    summary = "引号或括号不成对（“” ‘’ 《》 （） () 【】 「」）"
    why = (
        "引号或括号只开不合（或只合不开），读者要猜引语、书名或插入语在哪里结束；这往往说明拼接时丢了文字。"
        "按段落检查（纯文本一行一段，Markdown 一个块一段）。"
        "不报告：因断行而跨到下一段的引语或括号（作为断行由 ST007 报告一次）；"
        "跨多段的引文按惯例每段开头用“、只在最后一段结尾用”；列表编号 `1)`、`a）`；"
        "表情符号 `:)`、`:-)`、`^_^`；英文里的撇号 `don’t`；"
        "转换留下的直引号收尾（`“专精特新\"企业`，同一句之内）和半角直角引号 `｢…」`；"
        "引出一串条文的引语（`修改为：“有下列情形之一的……：` 和其后的各项）。"
        "全角括号配半角括号（`（…)`、`(…）`）也报告：两半应当一致；相邻的一对写反了（`”…“`）"
        "或两半不是一对（`“两库’`）时，作为一处报告。"
    )
    bad = "教育机关干部牢固树立“服务于群众、服务于基层的宗旨。"
    good = "教育机关干部牢固树立“服务于群众、服务于基层”的宗旨。"
    fix_doc = (
        "在引语或插入语结束的地方补上缺的标点，或删去多余的那一个。全角和半角括号混用时，"
        "把收尾的括号改成与开头一致的（不安全修正：也可能是开头那一个用错了）。"
    )
    fix_safety = "unsafe"
    specs = (
        Spec("教育机关干部牢固树立“服务于群众、服务于基层的宗旨。", ("“",)),
        Spec("学习《公民道德建设实施纲要，结合实践。", ("《",)),
        Spec("建立职介所1个)、培训基地2个。", (")",)),
        Spec("开展“三管六不”（既管好自己的嘴，不说粗话）活动，实施 “ 十一五 ” 规划。", ()),
        Spec("他说：“第一段话。\n“第二段话，到这里才结束。”", ()),
        Spec("> 他说：“我们要继续努力，\n> 把工作做得更好。”\n", (), format="markdown"),
        Spec("1) 第一项；2) 第二项；a) 其他。It doesn’t matter :)", ()),
        Spec("（一）组织领导\n（二）工作措施", ()),
        Spec("培育一批“专精特新\"企业和“小巨人\"企业，以法语为母语（Hobsbawm 1992, 60 - 61）。", ()),
        Spec("此年被称为｢中华民国5G元年」。真开心 ^_^ 哈哈 :-)", ()),
        Spec("名字来源于中国（“Kylin”：即中文的“麒麟”)，发言人(Stephanie）表示同意。",
             ("（“Kylin”：即中文的“麒麟”)", "(Stephanie）"),
             fixed="名字来源于中国（“Kylin”：即中文的“麒麟”），发言人(Stephanie)表示同意。"),
        Spec("网卡设备可以获取“数据帧”并进行分析，即获取”数据包传送过程“的全部数据。", ("”数据包传送过程“",),
             fixed="网卡设备可以获取“数据帧”并进行分析，即获取“数据包传送过程”的全部数据。",
             note="quotes the wrong way round: one slip, one finding"),
        Spec("“两库’建设应用、智能审核更加成熟完善。", ("“两库’",)),
        Spec("他补了一句：“如果在正规机构做，需要排队。又说竞争激烈，标明\"价格高\"。", ("“",),
             note="straight quotes two sentences later pair among themselves"),
        Spec("修改为：“有下列情形之一的，处五年以下有期徒刑：\n\n（一）集中资金优势操纵价格的；\n\n"
             "（二）与他人串通交易的；\n\n（三）自买自卖的；\n\n“单位犯前款罪的，对单位判处罚金。”\n", (),
             format="markdown", note="a quotation introducing a list runs over its items"),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        for opened, closed in lay.mixed:
            a, b = doc.text[opened], doc.text[closed]
            yield Hit(opened, closed + 1, f"全角和半角括号混用：「{a}」用「{b}」收尾：把「{b}」改成「{MATE[a]}」",
                      None, Fix.replace(closed, closed + 1, MATE[a], "unsafe"))
        text = doc.text
        unmatched = lay.unmatched
        skip = False
        for i, (offset, mark, role) in enumerate(unmatched):
            if skip:
                skip = False
                continue
            if i + 1 < len(unmatched):
                hit = _one_slip(text, (offset, mark, role), unmatched[i + 1])
                if hit is not None:
                    yield hit
                    skip = True
                    continue
            mate = MATE[mark]
            if role == "open":
                message = f"「{mark}」没有配对的「{mate}」：在引语或插入语结束处补上，或删去多余的「{mark}」"
            else:
                message = f"「{mark}」前面没有配对的「{mate}」：补上开头的「{mate}」，或删去多余的「{mark}」"
            yield Hit(offset, offset + 1, message)


_QUOTES = "“”‘’「」『』"
_STOP_OR_BREAK = regex.compile("[。\n]")  # a quoted question may end in ？
NEAR = 30  # characters: a slip of one pair, not two marks left over from different sentences


def _one_slip(text: str, first, second):
    """Two marks left over next to each other that are one slip: quotes typed the wrong way round
    (`”数据包传送过程“`), or a pair whose halves do not match (`“两库’`, `民政“ 老龄）`)."""
    (a, mark, role), (b, mark2, role2) = first, second
    if b - a > NEAR or _STOP_OR_BREAK.search(text, a, b):
        return None
    if role == "close" and role2 == "open" and MATE[mark] == mark2 and mark in _QUOTES:
        return Hit(a, b + 1, f"引号方向反了：「{mark}…{mark2}」应为「{mark2}…{mark}」", None,
                   Fix((Edit(a, a + 1, mark2), Edit(b, b + 1, mark)), "unsafe"))
    if role == "open" and role2 == "close" and MATE[mark] != mark2:
        return Hit(a, b + 1, f"「{mark}」和「{mark2}」不是一对：改成「{mark}…{MATE[mark]}」或「{MATE[mark2]}…{mark2}」")
    return None
