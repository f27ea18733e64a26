"""SC004, SC012 and SC005: character width — half-width punctuation inside Chinese text (the
document's habit: one finding; a few strays: one per line), full-width Latin letters and digits."""

from __future__ import annotations


from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ._runs import rare_spans
from ... import lazyre

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CLOSE = "”’）》」』】〕〉"
TO_FULL = str.maketrans(",;:!?()", "，；：！？（）")
SENTENCE_FULL = "，；！？"

# A half-width mark right after a Han character (or a closing Chinese quote/bracket), with the
# spaces that follow it; ":" between digits (19:30, 5:1), "," in 1,000, URLs never qualify, nor
# emoticons (好的:) 对;-) ).
_MARK = lazyre.compile(f"([,;:!?])(?<=[{HAN}{CJK_CLOSE}][,;:!?])(?![-^]?[()DPp](?![A-Za-z]))[ \\t]*")
# A half-width bracket pair around Chinese text: 局(产业), (一), (2008年8月15日).
_BRACKETS = lazyre.compile(f"\\(([^()\\n]{{0,80}}?[{HAN}][^()\\n]{{0,80}}?)\\)")

HABIT_MIN = 3  # half-width sentence marks a document needs before they are its habit


class Marks:
    """The half-width marks of a document's Chinese text, by class: "sentence" (, ; ! ?),
    "colon" and "bracket" pairs, each with the edits that make it full-width, and the count of
    the full-width marks of the same class."""

    def __init__(self, text: str) -> None:
        self.edits: dict[str, list[Edit]] = {"sentence": [], "colon": [], "bracket": []}
        for m in _MARK.finditer(text):
            kind = "colon" if m.group(1) == ":" else "sentence"
            self.edits[kind].append(Edit(m.start(), m.end(), m.group(1).translate(TO_FULL)))
        for m in _BRACKETS.finditer(text):
            self.edits["bracket"] += [Edit(m.start(), m.start() + 1, "（"), Edit(m.end() - 1, m.end(), "）")]
        self.full = {
            "sentence": sum(text.count(c) for c in SENTENCE_FULL),
            "colon": text.count("："),
            "bracket": 2 * text.count("（"),
        }

    def half(self, kind: str) -> int:
        return len(self.edits[kind])

    def habit(self, kind: str) -> bool:
        """Half-width is the document's own way of writing this class of marks."""
        half = self.half(kind)
        return half >= HABIT_MIN and half >= self.full[kind]

    def all_edits(self, kinds) -> list[Edit]:
        edits = sorted({e for k in kinds for e in self.edits[k]}, key=lambda e: (e.start, e.end))
        kept: list[Edit] = []
        for e in edits:
            if not kept or e.start >= kept[-1].end:
                kept.append(e)
        return kept


@analysis("script.half-width-marks", needs=("script.half-width-count",))
def marks(doc) -> Marks | None:
    """The document's `Marks`; None when its text has no half-width mark at all."""
    return Marks(doc.text) if _half_marks(doc) else None


@analysis("script.half-width-count")
def _half_marks(doc) -> int:
    """How many half-width marks , ; : ! ? ( the text has, anywhere: counted in its ASCII
    characters alone (dropping the others is one fast pass)."""
    ascii_text = doc.text.encode("ascii", "ignore")
    return len(ascii_text) - len(ascii_text.translate(None, b",;:!?("))


KINDS = ("sentence", "colon", "bracket")
MARK_NAMES = {"sentence": "， ； ！ ？", "colon": "：", "bracket": "（ ）"}


def _document_wide(m: Marks, mode: str) -> bool:
    if mode == "half":
        return False
    if mode == "full":
        return any(m.half(k) for k in KINDS)
    return m.habit("sentence")


class HalfWidthPunctuation(Rule):
    code = "SC004"
    name = "half-width-punctuation"
    category = "script"
    reads = ("script.half-width-marks",)
    severity = "warning"
    summary = "全文的中文标点都用了半角（, ; ! ?）：一处报告，一次改正"
    why = (
        "中文正文用全角标点（，；！？：（））。整篇文档在汉字之间用半角逗号、分号、叹号、问号，"
        "多是从网页复制或用英文输入法打字留下的，读起来挤在一起，也说明文字经过了转抄。这是全文的"
        "问题，所以只报告一处（给出处数和第一处的位置），修正一次改完全文。只有个别半角标点的文档由 "
        "SC012 逐处提示。不处理：时间和比例（19:30、5:1）、千分位（1,000）、网址、代码、表情符号"
        "（:) ;-)）、英文句子里的标点；只有半角括号或冒号而句中标点是全角的文档（法规条文常见的"
        "“第一条 (立法依据)”）算作文档自己的体例，不报告。选项 `punctuation-width`：\"auto\"（默认）"
        "按文档自己的习惯判断，\"full\" 要求全角（有半角就报告），\"half\" 关闭本规则。"
    )
    bad = "一年来,县总工会在县委的领导下,取得了显著成绩;得到了充分肯定!"
    good = "一年来，县总工会在县委的领导下，取得了显著成绩；得到了充分肯定！"
    fix_doc = (
        "`--fix` 把全文汉字之间的半角标点和括住中文的半角括号一次改成全角（安全修正），并去掉标点后"
        "多余的空格。"
    )
    fix_safety = "safe"
    specs = (
        Spec("一年来,县总工会在县委的领导下,取得了显著成绩;得到了充分肯定!\n会议要求:各级工会(含基层)要落实。",
             (",",),
             fixed="一年来，县总工会在县委的领导下，取得了显著成绩；得到了充分肯定！\n会议要求：各级工会（含基层）要落实。"),
        # A few strays in a full-width document: SC012's business, not a document-wide habit.
        Spec("会议指出，要加强学习，提高素质，改进作风；要团结协作，开拓创新。\n会议要求,各级工会要认真落实。"),
        # Half-width brackets and colons only: the document's convention.
        Spec("第一条 (立法依据)\n为促进团结，特制定本法。\n被引用条文: 工会法第五条。"),
        Spec("会议要求,各级工会要认真落实。", (",",), options={"punctuation-width": "full"},
             fixed="会议要求，各级工会要认真落实。"),
        Spec("时间：19:30:04，比例为5:1，共1,000人，增长1.5万，网址http://example.com，Hello, world! 好的:) 收到;-)"),
    )

    def check(self, doc, ctx):
        m = marks(doc)
        mode = ctx.option("punctuation-width")
        if m is None or not _document_wide(m, mode):
            return
        edits = m.all_edits(KINDS)
        first = edits[0]
        line = doc.line_index(first.start) + 1
        count = len([e for e in edits if e.content != "）"])
        message = (
            f"全文有 {count} 处中文标点用了半角（第一处在第 {line} 行「{doc.text[first.start]}」）："
            "应统一改为全角"
        )
        yield Hit(first.start, first.start + 1, message, first.content, Fix(tuple(edits), "safe"))


class StrayHalfWidthPunctuation(Rule):
    code = "SC012"
    name = "stray-half-width-punctuation"
    category = "script"
    reads = ("script.half-width-marks",)
    severity = "info"
    summary = "全角为主的中文里夹着个别半角标点（会议要求,各级工会）"
    why = (
        "文档自己用全角标点，个别地方却是半角（会议要求,各级工会；乡(镇)人民政府），是输入法切换"
        "或拼接留下的不一致。按标点类别（句中标点、冒号、括号）分别看文档自己的习惯：某一类以全角"
        "为主时，才逐处提示这一类里的半角；每行一条，修正改完这一行。这是体例提示（info）：正式发布"
        "的法规和新闻稿里也常见个别半角标点。不处理：全文都用半角的文档（由 SC004 一次报告）、"
        "时间比例千分位、网址、代码、表情符号和英文。"
    )
    bad = "会议指出，要加强学习，提高素质，改进作风；要团结协作，开拓创新。会议要求,各级工会要认真落实。"
    good = "会议指出，要加强学习，提高素质，改进作风；要团结协作，开拓创新。会议要求，各级工会要认真落实。"
    fix_doc = "`--fix` 把这一行里汉字之间的半角标点和括住中文的半角括号改成全角（安全修正）。"
    fix_safety = "safe"
    specs = (
        Spec("会议指出，要加强学习，提高素质，改进作风，务求实效；要团结协作，开拓创新。\n"
             "会议要求,各级工会要认真落实；同时，要加强督查（每季度一次）。\n下午三点，会议结束。",
             (",",),
             fixed="会议指出，要加强学习，提高素质，改进作风，务求实效；要团结协作，开拓创新。\n"
                   "会议要求，各级工会要认真落实；同时，要加强督查（每季度一次）。\n下午三点，会议结束。"),
        Spec("一年来,县总工会在县委的领导下,取得了显著成绩;得到了充分肯定。"),
        Spec("第一条 (立法依据)\n为促进团结，特制定本法。"),
    )

    def check(self, doc, ctx):
        m = marks(doc)
        mode = ctx.option("punctuation-width")
        if m is None or mode == "half" or m.habit("sentence"):
            return
        kinds = [k for k in KINDS if m.half(k) and (mode == "full" or m.half(k) * 4 <= m.full[k] + m.half(k))]
        by_line: dict[int, list[Edit]] = {}
        for e in m.all_edits(kinds):
            by_line.setdefault(doc.line_index(e.start), []).append(e)
        text = doc.text
        for line in sorted(by_line):
            kept = by_line[line]
            first = kept[0]
            count = len([e for e in kept if e.content != "）"])
            more = f"（本行共 {count} 处）" if count > 1 else ""
            message = f"中文里的半角标点「{text[first.start]}」应改为全角「{first.content}」{more}"
            yield Hit(first.start, first.start + 1, message, first.content, Fix(tuple(kept), "safe"))


_HALF = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}


_HALF_DIGITS = lazyre.compile("[0-9]+")


class FullWidthAlphanumeric(Rule):
    code = "SC005"
    name = "full-width-alphanumeric"
    category = "script"
    reads = ("script.rare-spans",)
    severity = "info"
    summary = "全角字母或数字（ＡＢＣ、１２３）：全文如此时一处报告"
    why = (
        "中文里的阿拉伯数字和拉丁字母用半角（GB/T 15835）；全角的（２０２４年、ＧＤＰ）来自停在全角"
        "状态的输入法，会妨碍搜索、排序和数字核对。文档通篇用全角数字时只报告一处（处数和第一处的"
        "位置），修正一次改完全文；只有个别全角时逐处报告。不处理：全角标点（％、，）、全角空格。"
    )
    bad = "全年共培训职工１２０人次，ＧＤＰ增长８．５％。"
    good = "全年共培训职工120人次，GDP增长8.5％。"
    fix_doc = "`--fix` 把全角字母和数字改成半角（安全修正）；通篇全角时一次改完全文。"
    fix_safety = "safe"
    specs = (
        Spec("全年共培训职工１２０人次，ＧＤＰ增长８．５％。", ("１２０",),
             fixed="全年共培训职工120人次，GDP增长8.5％。"),
        Spec("2024年全年共培训职工120人次，另有ＧＤＰ一项。", ("ＧＤＰ",), fixed="2024年全年共培训职工120人次，另有GDP一项。"),
        Spec("全年共培训职工120人次，GDP增长8.5%，Word文档。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        runs = rare_spans(doc)["fullwidth"]
        if not runs:
            return
        if len(runs) >= HABIT_MIN and len(runs) >= len(_HALF_DIGITS.findall(text)):
            edits = tuple(Edit(s, e, text[s:e].translate(_HALF)) for s, e in runs)
            first = edits[0]
            line = doc.line_index(first.start) + 1
            message = (
                f"全文有 {len(runs)} 处全角字母数字（第一处在第 {line} 行「{text[first.start:first.end]}」）："
                "应统一改为半角"
            )
            yield Hit(first.start, first.end, message, first.content, Fix(edits, "safe"))
            return
        for start, end in runs:
            full = text[start:end]
            half = full.translate(_HALF)
            yield Hit(start, end, f"全角字母数字「{full}」应改为半角「{half}」", half,
                      Fix.replace(start, end, half, "safe"))
