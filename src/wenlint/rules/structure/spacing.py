"""ST013 a space inside a word (战略新 兴, 固定资 产, 高质 量): left by PDF extraction, which
turns the end of a printed line, or the gap between two glyphs, into a space."""

from __future__ import annotations


from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ... import lazyre

# One blank between two Han characters; two or more blanks are alignment (columns, names).
# (The blank first, the Han character before it in a look-behind: re then skips from blank to blank.)
_GAP = lazyre.compile(r"[ \u3000\xa0](?<=[\u4e00-\u9fff][ \u3000\xa0])(?=[\u4e00-\u9fff])")
_BLANKS = " \u3000\xa0\t"
_HAN_TAIL = lazyre.compile(r"[\u4e00-\u9fff]*$")
_HAN_HEAD = lazyre.compile(r"[\u4e00-\u9fff]*")
SIDE = 4  # characters either side of the space that the segmenter reads


def _letter_spaced(text: str, start: int) -> bool:
    """Characters set one by one with spaces between them (科 技 部, 起 来！): a deliberate layout."""
    return (start >= 2 and text[start - 2] in _BLANKS) or (start + 2 < len(text) and text[start + 2] in _BLANKS)


def _short_line(text: str, start: int) -> bool:
    """A short line (a heading or a signature spaced out on purpose: 附　则, 主任 何立峰)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.strip()) <= 12


def splits_word(text: str, start: int) -> bool:
    """Does the blank at `start` sit inside a word of jieba's dictionary: the text around it, with
    the blank taken out, has a dictionary word across the place where it was?"""
    from ._segment import dictionary_tokens

    left = _HAN_TAIL.search(text, max(0, start - SIDE), start).group()
    right = _HAN_HEAD.match(text, start + 1, start + 1 + SIDE).group()
    if len(left) < 2 or not right:
        return False  # a date or a number before it (2008年7月17日 经…), a heading (前 言)
    from ._segment import tokens

    # Two words either side (中办 国办, 停火 协议): the space is between words, whatever
    # compound the dictionary also lists.
    before, after = tokens(left)[-1], tokens(right)[0]
    if before[1] - before[0] >= 2 and after[1] - after[0] >= 2:
        return False
    # A dictionary word across the space, cut so that one piece is a single character (概 念,
    # 固定资 产): a compound of two words cut between them (中办 国办) is two words.
    cut = len(left)
    return any(a < cut < b and min(cut - a, b - cut) == 1 for a, b in dictionary_tokens(left + right))


class SpaceInsideWord(Rule):
    code = "ST013"
    name = "space-inside-word"
    category = "structure"
    severity = "info"
    summary = "词语中间夹着空格（战略新 兴、固定资 产、高质 量），多为 PDF 转换留下的"
    why = (
        "从 PDF 复制或转换的文本，常把原来的行末或字距变成空格，把一个词拆成两半（`战略新 兴`、`引导资 金`、"
        "`矿 产品`）：读起来别扭，也妨碍检索和统计。规则去掉空格后用 jieba 分词：词典里有一个词跨过空格的位置，"
        "空格就在词中间。整篇文档有多处（至少3处）时只报告一次：给出处数和第一处，一次修正删除全部。"
        "不报告：两个词之间的空格（`热爱伟大祖国 建设美好家园`、`第一章 总则`）、连续两个以上的空格（对齐）、"
        "逐字隔开的文字（`科 技 部`、`起 来！`）、人名中间的空格（`吉 颐`）、汉字与数字或字母之间的空格。"
        "在干净语料上测得的精确率还不到警告级别的要求，所以默认级别是 info。"
    )
    bad = "支持战略性新 兴产业发展，对固定资 产投资给予补助。"
    good = "支持战略性新兴产业发展，对固定资产投资给予补助。"
    fix_doc = "删除词中间的空格（安全修正：空格在词典词的中间，不会改变意思）。整篇都有时一次删除全部。"
    fix_safety = "safe"
    options = {"document-wide-min": 3}
    specs = (
        Spec("支持战略性新 兴产业发展，对固定资 产投资给予补助。", (" ", " "),
             fixed="支持战略性新兴产业发展，对固定资产投资给予补助。"),
        Spec("全省上下要坚定信心，推动经济高质 量发展。", (" ",), fixed="全省上下要坚定信心，推动经济高质量发展。"),
        Spec("坚持结合“热爱伟大祖国 建设美好家园”主题教育。\n第一章　总则\n", ()),
        Spec("科 技 部\n起 来！不愿做奴隶的人们！\n摄影：吉 颐\n张一鸣 8 月 3 日", ()),
        Spec("项目名称    承担单位\n智能制造  标准体系", ()),
        Spec("引导资 金投向矿 产品加工，支持战略新 兴产业和固定资 产投资。", (" ",),
             fixed="引导资金投向矿产品加工，支持战略新兴产业和固定资产投资。",
             note="four splits: one finding for the document"),
    )

    def check(self, doc, ctx):
        text = doc.text
        gaps = [m.start() for m in _GAP.finditer(text)
                if not _letter_spaced(text, m.start()) and not _short_line(text, m.start())
                and splits_word(text, m.start())]
        if not gaps:
            return
        if len(gaps) >= int(ctx.option("document-wide-min")):
            first = gaps[0]
            fix = Fix(tuple(Edit(g, g + 1, "") for g in gaps), "safe")
            yield Hit(first, first + 1,
                      f"全文有{len(gaps)}处空格把一个词拆开（这是第一处，「{text[max(0, first - 3):first + 4]}」）："
                      "多为 PDF 转换留下的，一次删除全部", "", fix)
            return
        for g in gaps:
            yield Hit(g, g + 1, f"空格把词拆开了（「{text[max(0, g - 3):g + 4]}」）：删除空格", "",
                      Fix.delete(g, g + 1, "safe"))
