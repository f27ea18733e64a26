"""SC011: characters that look right and are not — Kangxi radicals and CJK compatibility
ideographs for ordinary ones (PDF extraction), zero-width characters inside Chinese text, and
private-use characters (icon fonts, storage artefacts)."""

from __future__ import annotations

import unicodedata

from ...documents.document import MASK
from ...findings import Fix, Hit
from ..base import Rule, Spec
from ... import lazyre

# Kangxi radicals, the CJK radicals supplement, CJK compatibility ideographs (and their
# supplement), zero-width spaces and joiners, the word joiner, a BOM inside the text, and the
# private-use area.
# U+E000 is also the mask of a Markdown document's code and links (documents.MASK): a run of it is
# matched whole (with the character before it), and only where the document itself has it counts.
_SUSPECT = lazyre.compile(
    "[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\u200b-\u200d\u2060\ufeff\ue000-\uf8ff\U0002f800-\U0002fa1f]\ue000*"
)


def _suspects(text: str, source: str):
    """The places of the characters `_SUSPECT` finds, in order (each place of a run of MASK where
    the document itself has U+E000; the masked ones are skipped by the caller)."""
    for m in _SUSPECT.finditer(text):
        p, end = m.span()
        yield p
        if end - p > 1:
            own = source.find(MASK, p + 1, end)
            while own >= 0:
                yield own
                own = source.find(MASK, own + 1, end)


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_CHINESE = lazyre.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_SPACE = " \t\u00a0\u3000"
# A half-width ? between two Han characters, in a text that writes its question marks full-width:
# a character an encoder could not map (·, an emoji) replaced by "?" (巴兹?奥尔德林).
_LOST = lazyre.compile("(?<=[\u4e00-\u9fff])(?<![吗呢嘛么吧啊呀哪])\\?(?=[\u4e00-\u9fff])")  # not after a question particle
LOST_RATIO = 3  # full-width question marks per such "?" before the "?" are taken for lost characters
REPEATED = 5  # the same private-use character this often: one finding for the document
ZERO_WIDTH_NAMES = {
    "\u200b": "零宽空格 U+200B", "\u200c": "零宽不连字 U+200C", "\u200d": "零宽连字 U+200D",
    "\u2060": "词连接符 U+2060", "\ufeff": "零宽不换行空格（BOM）U+FEFF",
}


def _neighbour(text: str, pos: int, step: int) -> str:
    """The first character from `pos` on in direction `step` that is neither a space nor
    another suspect character, on the same line ("" at the line's edge)."""
    i = pos + step
    while 0 <= i < len(text) and text[i] != "\n":
        if text[i] not in _SPACE and text[i] not in _ZERO_WIDTH:
            return text[i]
        i += step
    return ""


def _emoji(c: str) -> bool:
    return bool(c) and (ord(c) >= 0x1F000 or unicodedata.category(c) == "So" or c == "\ufe0f")


class DeceptiveCharacter(Rule):
    code = "SC011"
    name = "deceptive-character"
    category = "script"
    severity = "warning"
    summary = "看着对、其实不对的字符：康熙部首（⽅案）、兼容汉字、零宽字符、私用区字符、丢失后换成的「?」"
    why = (
        "从 PDF 复制出来的文字常把普通汉字换成长得一样的康熙部首（⽅案的「⽅」是 U+2F45，不是「方」）"
        "或兼容汉字（U+F900–U+FAFF），网页文字里夹着看不见的零宽空格和零宽连字，图标字体和某些"
        "语料库留下私用区字符（U+E000–U+F8FF）。读者看不出问题，搜索、排序、拼写检查、字数统计和"
        "复制粘贴却都会出错。转码时无法表示的字符（间隔号、表情）会被换成「?」：问号本来都用全角的"
        "文档里，夹在两个汉字之间的半角「?」（巴兹?奥尔德林）就是这样丢失的字符。同一个私用区字符在文中反复出现时（当分隔符用），只报告一处并给出次数。"
        "不处理：正常的汉字和部首字（亻、氵是普通汉字，不在部首区）、表情符号序列里的零宽连字、"
        "不挨着中文的零宽字符、本身就是统一汉字的兼容区字符（﨎、﨑 等）。"
    )
    bad = "实施⽅案已经制定，请各部⻔认真落实。"
    good = "实施方案已经制定，请各部门认真落实。"
    fix_doc = (
        "`--fix` 把康熙部首和兼容汉字换成对应的普通汉字（Unicode NFKC 规范化，一一对应，安全修正），"
        "删去零宽字符（安全修正）。部首补充区里没有唯一对应汉字的部首和私用区字符无法自动修正："
        "请对照原文改正或删去。"
    )
    fix_safety = "safe"
    specs = (
        Spec("实施⽅案已经制定，请各部⻔认真落实。", ("⽅", "⻔"), fixed="实施方案已经制定，请各部⻔认真落实。",
             note="⻔ (radicals supplement) has no unique ideograph: reported, not fixed"),
        Spec("性理事）。\u200d\n\u200b 除了担任理事", ("\u200d", "\u200b"), fixed="性理事）。\n 除了担任理事"),
        Spec("兼容汉字：\uf9d1化", ("\uf9d1",), fixed="兼容汉字：六化"),
        Spec("\ue64e文库VIP \ue621手机打开", ("\ue64e", "\ue621")),
        Spec("真的吗？是吗？对吗？宇航员巴兹?奥尔德林登月。", ("?",)),
        Spec("什么样子?真实的吗?是的。", (), note="question marks half-width throughout: SC004/SC012's business"),
        Spec("真的吗？是吗？对吗？你知道嘛?今天下雨。", (), note="after a question particle it is a question mark"),
        # Ordinary ideographs, emoji sequences and English with a zero-width space stay quiet.
        Spec("加薇亻言，人口普查。\U0001f468\u200d\U0001f469\u200d\U0001f467 family\u200bname 﨑玉"),
    )

    def check(self, doc, ctx):
        text = doc.text
        source = doc.source
        private: dict[str, list[int]] = {}
        for p in _suspects(text, source):
            c = text[p]
            if source[p] != c:
                continue  # a masked span, not the document's own character
            code = ord(c)
            if 0xE000 <= code <= 0xF8FF:
                private.setdefault(c, []).append(p)
            elif c in _ZERO_WIDTH:
                before, after = _neighbour(text, p, -1), _neighbour(text, p, 1)
                if _emoji(before) or _emoji(after):
                    continue
                if not (_CHINESE.match(before) or _CHINESE.match(after)):
                    continue
                yield Hit(p, p + 1, f"中文里夹着看不见的{ZERO_WIDTH_NAMES[c]}：应删去", "",
                          Fix.delete(p, p + 1, "safe"))
            else:
                normal = unicodedata.normalize("NFKC", c)
                if normal == c:
                    if 0xF900 <= code <= 0xFAFF or code >= 0x2F800:
                        continue  # a unified ideograph that happens to live in the compatibility block
                    yield Hit(p, p + 1, f"「{c}」是 CJK 部首补充区的部首（U+{code:04X}），不是正文用的汉字：请改为对应的汉字")
                    continue
                kind = "康熙部首" if 0x2F00 <= code <= 0x2FDF or 0x2E80 <= code <= 0x2EFF else "兼容汉字"
                yield Hit(p, p + 1, f"「{c}」是{kind}（U+{code:04X}），不是普通汉字「{normal}」（多来自 PDF 复制）：应改为「{normal}」",
                          normal, Fix.replace(p, p + 1, normal, "safe"))
        lost = _LOST.findall(text) if "?" in text else []  # (`in` is faster than the pattern)
        if lost and text.count("？") >= LOST_RATIO * len(lost):
            for m in _LOST.finditer(text):
                p = m.start()
                yield Hit(p, p + 1, "汉字之间的「?」多是编码时丢失的字符（间隔号、表情等被替换成了问号）：请对照原文恢复")
        for c, places in private.items():
            if len(places) >= REPEATED:
                p = places[0]
                line = doc.line_index(p) + 1
                yield Hit(p, p + 1, f"私用区字符 U+{ord(c):04X} 在文中出现 {len(places)} 次（第一次在第 {line} 行），"
                                    "多是图标字体或语料存储留下的，显示不出来：应删去或换成正确的字符")
            else:
                for p in places:
                    yield Hit(p, p + 1, f"私用区字符 U+{ord(c):04X}：多是图标字体留下的，显示不出来，应删去或换成正确的字符")
