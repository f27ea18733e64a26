"""Blanks where Chinese text has none.

Full-width punctuation carries its own spacing, so a blank beside it shows as a gap. Where the
blank sits says how sure we can be that it is a slip, and each place is its own rule, measured
on its own:
- ST020 before a pause or stop mark (`路边 ，`, `分享 。`): nothing ever goes there;
- ST021 on the inner side of quotation marks, book-title marks and brackets (`“ 一事一议”`);
- ST022 after a comma, an enumeration comma or a semicolon inside a sentence (`国家， 国家`);
- ST002 the other places, where a layout or a convention may put one: after a sentence end
  (paragraphs run together on one line), after a colon (a label and its value), on the outer
  side of quotation marks and brackets (spaced like Latin text), around half-width , ; :.
ST013 is a blank inside a word (战略新 兴, 固定资 产, 高质 量) or before the particle 的/了, left
by PDF extraction, which turns the end of a printed line, or the gap between two glyphs, into a
blank; ST023 a blank inside a number (第 1 0 条, ¥1, 326.00).

None of the punctuation rules looks at a blank at the start or end of a line (indentation, alignment), after a list
marker, beside Markdown syntax, at a line set letter by letter (科 技 部), or at the blank that
ends an @mention.
"""

from __future__ import annotations


from ...analyses import analysis
from ...documents.document import MASK
from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._segment import dictionary_tokens, dictionary_words_across, frequency, tag, tokens
from ... import lazyre

# A run of blanks. Written to start with one blank, not with a repetition: `re` skips ahead to
# the characters of a class a pattern starts with, but tries a leading repetition everywhere.
_RUN = lazyre.compile(r"[ \t\u3000\xa0][ \t\u3000\xa0]*")
STOPS = "，。、；：？！"
PAUSES = "，、；"
OPENING = "“‘「『（《【〔"
CLOSING = "”’」』）》】〕"
FULL_WIDTH = frozenset(STOPS + OPENING + CLOSING)
HALF_WIDTH_PAUSES = frozenset(",;:")
BLANKS = " \t\u3000\xa0"

BEFORE, INSIDE, AFTER_PAUSE, OTHER = "before", "inside", "after-pause", "other"


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


# A heading number or a short label at the start of a line, ending at the mark before a blank
# (`（二） 设立…`, `理由：　一、…`, `三、 组织保障`); or a list number inside a line (`。1、 澳洲…`).
_LABEL = lazyre.compile(
    r"[ \t\u3000\xa0>*#-]*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,3}[）)、.．]|[^\n，。；：:]{1,8}[：:])$"
)
_LIST_NUMBER = lazyre.compile(r"(?:^|[。；！？\s])[0-9０-９一二三四五六七八九十]{1,2}、$")
_LIST_MARKER = lazyre.compile(r"[ \t\u3000\xa0>]*(?:[*+\-•·]|[0-9]{1,3}[.)])")
_MENTION = lazyre.compile(r"@[^\s@，。、；：？！]{1,20}$")


def _label(text: str, line_start: int, mark: int) -> bool:
    """Does the line start with a heading number or a short label that ends at `mark`?"""
    return mark - line_start <= 12 and _LABEL.match(text, line_start, mark + 1) is not None


_ALONE = lazyre.compile(r"(?<=[ \t\u3000\xa0])[\u4e00-\u9fff](?=[ \t\u3000\xa0])")


def _letter_by_letter(text: str, start: int, end: int) -> bool:
    """Is the text around a blank set character by character (`协 同 能 力 ，`, `为 落 实 《 国 家`):
    three Han characters standing alone between blanks within ten characters either side? A
    layout (on purpose, or from a PDF), never a slip at one mark."""
    window = text[max(0, start - 10) : end + 10]
    if window.count(" ") + window.count("\u3000") + window.count("\xa0") < 4:
        return False  # three characters alone need four blanks
    return len(_ALONE.findall(window)) >= 3


def _text_side(c: str) -> bool:
    """Chinese on the side of the blank away from the mark: a Han character or another full-width
    mark (`路边 ，`, `”　。`). A Latin word or a number there (`iPhone ，`, `（ whole slide`)
    is often spaced on purpose, as Latin text is; those blanks are ST002's."""
    return _han(c) or c in FULL_WIDTH


def _kind(text: str, line_start: int, start: int, end: int) -> str | None:
    """Where the blank run text[start:end] sits beside punctuation (None: not beside a mark, or a
    layout)."""
    before, after = text[start - 1], text[end]
    if after in STOPS and _text_side(before):
        return BEFORE
    if (before in OPENING and _han(after)) or (after in CLOSING and (_han(before) or before in "。？！")):
        return INSIDE  # not `（事故名称：      ）`, a form's blank
    if before in "：:、）)" and _label(text, line_start, start - 1):
        return None  # after a heading number or a label
    if before in PAUSES and _han(after):
        if before == "、" and _LIST_NUMBER.search(text, max(line_start, start - 4), start):
            return None  # a list number run into the line: `。1、 澳洲…`
        return AFTER_PAUSE
    if before in FULL_WIDTH and _han(after):
        return OTHER
    if after in FULL_WIDTH and (before in FULL_WIDTH or _han(before)):
        return OTHER
    n = len(text)
    if after in HALF_WIDTH_PAUSES and _han(before):
        k = end + 1
        while k < n and text[k] in BLANKS:
            k += 1
        if k >= n or text[k] == "\n" or _han(text[k]):
            return OTHER
    elif before in HALF_WIDTH_PAUSES and _han(after) and start >= 2:
        k = start - 2
        while k >= 0 and text[k] in BLANKS:
            k -= 1
        if k >= 0 and _han(text[k]):
            return OTHER
    return None


def mark_spaces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every blank run beside Chinese punctuation inside a line. Each run
    is looked at once, with a bounded look around it: linear in the text."""
    found = []
    n = len(text)
    line_start = looked = 0  # the start of the current line, found by looking at each character once
    for m in _RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end >= n or text[start - 1] == "\n" or text[end] == "\n":
            continue
        before, after = text[start - 1], text[end]
        if before not in FULL_WIDTH and after not in FULL_WIDTH and before not in HALF_WIDTH_PAUSES \
                and after not in HALF_WIDTH_PAUSES:
            continue
        if before == MASK or after == MASK:
            continue  # beside Markdown syntax: `**调查对象** ：` keeps emphasis working before CJK marks
        line_start = max(line_start, text.rfind("\n", looked, start) + 1)
        looked = start
        kind = _kind(text, line_start, start, end)
        if kind is None:
            continue
        if _LIST_MARKER.fullmatch(text, line_start, start):
            continue  # the blank after a list marker (`* ：《辛亥双十》`, an entry whose name was lost)
        if _MENTION.search(text, max(line_start, start - 21), start):
            continue  # the blank that ends an @mention (`@庄表伟 ，`)
        if not _letter_by_letter(text, start, end):
            found.append((start, end, kind))
    return found


def stray_spaces(text: str):
    """(start, end) of every blank run beside Chinese punctuation, whatever its place."""
    return [(start, end) for start, end, _ in mark_spaces(text)]


def _marks(text: str) -> int:
    """How many full-width marks the text has: the places where the spacing could go wrong."""
    return sum(map(text.count, "，。、；：？！“”（）《》"))


@analysis("structure.mark-spaces")
def mark_space_runs(doc) -> list[tuple[int, int, str]]:
    """Every blank run beside Chinese punctuation, with its place (ST020-ST022 each take a kind)."""
    return mark_spaces(doc.text)


class _MarkSpaceRule(Rule):
    """The blanks of one kind: one by one, or once for the document when the habit runs through it
    (at least `document-wide-min` of them, and `document-wide-share` of its marks)."""

    category = "structure"
    fix_safety = "safe"
    kinds: tuple[str, ...] = ()
    reads = ("structure.mark-spaces",)
    what = ""  # the place, for the messages
    # Five in a document make it one finding (`document-wide-min`, config/options.py): the count
    # that finds the most labelled blanks with the fewest findings on the dev set and the clean
    # corpus; left out one document at a time, the same count is chosen for 951 of the 952 documents.

    def check(self, doc, ctx):
        runs = [(a, b) for a, b, kind in mark_space_runs(doc) if kind in self.kinds]
        if not runs:
            return
        least = int(ctx.option("document-wide-min"))
        share = float(ctx.option("document-wide-share"))
        if len(runs) >= least and len(runs) >= share * _marks(doc.text):
            start, end = runs[0]
            fix = Fix(tuple(Edit(a, b, "") for a, b in runs), "safe")
            yield Hit(start, end, f"全文有{len(runs)}处{self.what}多了空格（这是第一处）：一次删除全部", "", fix)
            return
        for start, end in runs:
            yield Hit(start, end, f"{self.what}不留空格：删除这里的空格", "", Fix.delete(start, end, "safe"))


class SpaceBeforePunctuation(_MarkSpaceRule):
    code = "ST020"
    name = "space-before-punctuation"
    severity = "warning"
    kinds = (BEFORE,)
    what = "标点前"
    summary = "逗号、句号等标点前面多了空格（丢在路边 ，中央；与您一同分享 。）"
    why = (
        "全角的逗号、顿号、分号、冒号、句号、问号、叹号紧贴前一个字，前面不会有空格；多出的空格在版面上是一道明显的缝"
        "（`丢在路边 ，中央`、`与您一同分享 。`、`二 、支持范围`），多是删掉脚注号、拼接文本或英文输入习惯留下的。"
        "整篇文档有至少5处时只报告一次：给出处数和第一处，一次修正删除全部。"
        "不报告：标点前是拉丁字母或数字的空格（`iPhone ，`、`DDR ，`：有人把西文词两边都留空）、"
        "行首缩进、行尾空格、逐字隔开排版的行（`协 同 能 力 ，`）、列表符号后的空格（`* ：`）、"
        "Markdown 标记旁的空格（`**调查对象** ：`，为了让粗体在中文标点前生效）、@提及后面的空格（`@庄表伟 ，`）。"
    )
    bad = "一国两制可丢在路边 ，中央因此采取强硬措施。"
    good = "一国两制可丢在路边，中央因此采取强硬措施。"
    fix_doc = "删除标点前的空格（--fix 自动删除）。整篇都有时，一次修正删除全部。"
    specs = (
        Spec("一国两制可丢在路边 ，中央因此采取强硬措施。欢迎订阅我们的「每周时事」通讯 。", (" ", " "),
             fixed="一国两制可丢在路边，中央因此采取强硬措施。欢迎订阅我们的「每周时事」通讯。"),
        Spec("发展补助和奖励。\n二 、支持范围\n深化经济体制改革」 ，但是会议也提到", (" ", " ")),
        Spec("  一、总体要求\n感谢@庄表伟 ，优化官网内容。\n协 同 能 力 ，支 持 对 接 。\n合计：  \n"
             "内存有 DDR ，DDR2 两代，刚买了一部 iPhone ，好开心！", ()),
    )


class SpaceInsideQuotes(_MarkSpaceRule):
    code = "ST021"
    name = "space-inside-quotes"
    severity = "warning"
    kinds = (INSIDE,)
    what = "引号、书名号、括号里侧"
    summary = "引号、书名号、括号的里侧多了空格（实行“ 一事一议”、「 黑工」）"
    why = (
        "引号、书名号和括号紧贴所括的文字；里侧的空格（`实行“ 一事一议”`、`「 黑工」`、`“　株连　”`、`（ 包括…`）"
        "是网页的不换行空格或拼接文本留下的。整篇文档有至少5处时只报告一次，一次修正删除全部。"
        "不报告：外侧的空格（`以 “开源治理” 为使命`：有人有意把引号当西文那样留空，归 ST002，级别 info）、"
        "里侧是拉丁字母或数字的空格（`“ Nvidia”`、`（ whole slide ）`、`《 2015 年报告》`：西文词两边留空的习惯）、"
        "表格里待填的空白（`（事故名称：      ）`）和没有终点的年份（`（1949- ）`）、行首缩进、行尾空格、逐字隔开排版的行。"
    )
    bad = "重大项目可在第2条基础上，实行“ 一事一议”。"
    good = "重大项目可在第2条基础上，实行“一事一议”。"
    fix_doc = "删除引号、书名号、括号里侧的空格（--fix 自动删除）。整篇都有时，一次修正删除全部。"
    specs = (
        Spec("重大项目实行“ 一事一议”，有人形容有「 黑工」带团。", (" ", " "),
             fixed="重大项目实行“一事一议”，有人形容有「黑工」带团。"),
        Spec("不能因为铬元素缺乏\u3000“\u3000株连\u3000”\u3000视力。", ("\u3000", "\u3000")),
        Spec("我们以 “开源治理、国际接轨” 为使命。\n（二） 设立专项资金。", ()),
    )


class SpaceAfterComma(_MarkSpaceRule):
    code = "ST022"
    name = "space-after-comma"
    severity = "warning"
    kinds = (AFTER_PAUSE,)
    what = "逗号、顿号、分号后"
    summary = "句子中间的逗号、顿号、分号后面多了空格（没有国家， 国家不可以）"
    why = (
        "全角的逗号、顿号、分号自带间距，后面再加空格（`没有国家， 国家不可以`、`规模化、 集群化`）会留下明显的空隙，"
        "多是英文输入习惯或 PDF 转换把行末变成了空格。整篇文档有至少5处时只报告一次，一次修正删除全部。"
        "不报告：行首缩进、行尾空格、标题编号后的空格（`三、 组织保障`、`。1、 澳洲…`：是编号的排版）、"
        "后面是数字或字母的空格（`社区， 2008 年`：西文词两边留空的习惯）、"
        "后面是引号或括号的空格（`、 「蒙蔽同志」`、`； （五）`，归 ST002）、"
        "逐字隔开排版的行、句号和冒号后的空格（归 ST002）。"
    )
    bad = "香港不可以没有国家， 国家不可以没有香港。"
    good = "香港不可以没有国家，国家不可以没有香港。"
    fix_doc = "删除逗号、顿号、分号后的空格（--fix 自动删除）。整篇都有时，一次修正删除全部。"
    specs = (
        Spec("香港不可以没有国家， 国家不可以没有香港；\u3000推动规模化、 集群化发展。", (" ", "\u3000", " "),
             fixed="香港不可以没有国家，国家不可以没有香港；推动规模化、集群化发展。"),
        Spec("三、 组织保障\n留学有两大优势。1、 工作签证时间长。\n我 们 万 众 一 心， 冒 着 敌 人 的 炮 火", ()),
    )


class SpaceAroundPunctuation(_MarkSpaceRule):
    code = "ST002"
    name = "space-around-punctuation"
    severity = "info"
    kinds = (OTHER,)
    what = "中文标点前后"
    summary = "句号、冒号后或引号、括号外侧多了空格（形成 “物联网”、已经完成。 下一步）"
    why = (
        "全角标点自带间距，旁边再加空格会留下空隙。这条规则管的是确定性较低的位置：句号、问号、叹号后"
        "（`已经完成。 下一步`，常是几段文字被拼成一行）、冒号后（`答： 第一`，常是标签和内容的排版）、"
        "引号和括号的外侧（`形成 “物联网”`，有人有意像西文那样留空）、半角 , ; : 两边。"
        "在干净语料上测得的精确率远低于警告级别的要求，所以默认级别是 info。"
        "整篇文档都这样写时（空格占全角标点的一成以上且至少5处），只报告一次。"
        "不报告：行首缩进、行尾空格、汉字之间的空格（`热爱伟大祖国 建设美好家园`）、"
        "数字或拉丁字母旁的空格（`2008 年`、`Apache 人`）、`——` 和 `……` 两边的空格、标题编号和短标签后的空格"
        "（`（二） 设立…`）。标点前、引号里侧、逗号后的空格分别归 ST020、ST021、ST022。"
    )
    bad = "把广大职工的思想统一到实施 “十一五” 规划的宏伟目标上来。"
    good = "把广大职工的思想统一到实施“十一五”规划的宏伟目标上来。"
    fix_doc = "删除空格（--fix 自动删除；全角标点旁的空格没有意义）。整篇都有时，一次修正删除全部。"
    specs = (
        Spec("把广大职工的思想统一到实施 “十一五” 规划的宏伟目标上来。", (" ", " "),
             fixed="把广大职工的思想统一到实施“十一五”规划的宏伟目标上来。"),
        Spec("发出《关于开展学习活动的倡议书》。 号召全县职工积极行动起来。", (" ",),
             fixed="发出《关于开展学习活动的倡议书》。号召全县职工积极行动起来。"),
        Spec("把反腐倡廉工作与职代会工作相结合 , 要求基层工会定期公开。", (" ", " "),
             fixed="把反腐倡廉工作与职代会工作相结合,要求基层工会定期公开。"),
        Spec("  坚持结合“热爱伟大祖国 建设美好家园”主题教育。  \n时间: 2022-07-01 我们 —— 还有 …… 等等", ()),
        Spec("张一鸣 8 月 3 日发布，让我们来看看 Apache 人。\n第一章\u3000总则\n（二） 设立专项资金。", ()),
        Spec("第一项已经完成。 第二项已经完成。 第三项已经完成。 第四项已经完成。 第五项也完成了。 还有第六项。",
             (" ",), fixed="第一项已经完成。第二项已经完成。第三项已经完成。第四项已经完成。第五项也完成了。还有第六项。",
             note="five of six marks with a space: one finding for the document"),
    )


# ----- ST023 -----------------------------------------------------------------------------------

# Single digits set apart by blanks between Han characters (`第 1 0 条`); a thousands separator
# followed by a blank in an amount with decimals (`¥1, 326.00`). A list of numbers (`982, 324`,
# page numbers), a table's columns of digits and a number spaced from Han text (`2008 年`) are
# not among them.
_SPLIT_DIGITS = lazyre.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]?([0-9](?: [0-9])+)[ \u3000]?(?=[\u4e00-\u9fff])")
_SPACED_GROUPS = lazyre.compile(r"(?<![0-9.,])[0-9]{1,3}(?:, [0-9]{3})+(?:,[0-9]{3})*\.[0-9]{2}(?![0-9])")


# What each holds: a digit, a space, a digit; a comma and a space. Both patterns start with a
# look-behind, which is tried at every position, and neither reaches over a line break: they are
# tried on the lines that hold what they need, most texts have none. (The blank between two digits
# comes first in its pattern: `re` skips ahead to it, and blanks are fewer than digits.)
_DIGIT_SPACE_DIGIT = lazyre.compile(r" (?<=[0-9] )(?=[0-9])")
_COMMA_SPACE = lazyre.compile(", ")


def _lines_holding(text: str, sign) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` with a match of `sign` in it, once each."""
    lines = []
    end = -1
    for m in sign.finditer(text):
        if m.start() > end:
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            lines.append((text.rfind("\n", 0, m.start()) + 1, end))
    return lines


def number_blanks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every number with blanks inside it."""
    found = []
    for start, end in _lines_holding(text, _DIGIT_SPACE_DIGIT):
        found += [m.span(1) for m in _SPLIT_DIGITS.finditer(text, start, end)]
    for start, end in _lines_holding(text, _COMMA_SPACE):
        found += [m.span() for m in _SPACED_GROUPS.finditer(text, start, end)]
    return sorted(found)


class SpaceInsideNumber(Rule):
    code = "ST023"
    name = "space-inside-number"
    category = "structure"
    severity = "warning"
    summary = "数字中间夹着空格（第 1 0 条、¥1, 326.00）"
    why = (
        "PDF 转换或排版软件会把数字拆开：逐位加了空格（`第 1 0 条`，原文是第10条），或千位分隔符后多了空格"
        "（`¥1, 326.00`）。读者会读错数，检索和统计也找不到。整篇文档有多处（至少5处）时只报告一次。"
        "不报告：数字和汉字之间的空格（`2008 年`、`第 10 条`）、表格里成列的数字（行首的 `1 1`）、"
        "用逗号和空格隔开的一串数（`982, 324`，页码或列举），只有带小数的金额才看作被拆开的千位分隔。"
    )
    bad = "第 1 0 条 鼓励企业技术改造，奖励¥1, 326.00元。"
    good = "第10条 鼓励企业技术改造，奖励¥1,326.00元。"
    fix_doc = "删除数字中间的空格（--fix 自动删除）。整篇都有时，一次修正删除全部。"
    fix_safety = "safe"
    specs = (
        Spec("第 1 0 条 鼓励企业技术改造，奖励¥1, 326.00元。", ("1 0", "1, 326.00"),
             fixed="第 10 条 鼓励企业技术改造，奖励¥1,326.00元。"),
        Spec("张一鸣 8 月 3 日发布，第 10 条规定。\n1 1\n2 2\n参见第982, 324页；共3, 5, 7三组。", ()),
    )

    def check(self, doc, ctx):
        text = doc.text
        spans = number_blanks(text)
        if not spans:
            return

        def edits(a: int, b: int):
            return tuple(Edit(i, i + 1, "") for i in range(a, b) if text[i] in BLANKS)

        if len(spans) >= int(ctx.option("document-wide-min")):
            a, b = spans[0]
            fix = Fix(tuple(e for x, y in spans for e in edits(x, y)), "safe")
            yield Hit(a, b, f"全文有{len(spans)}处数字中间夹着空格（这是第一处，「{text[a:b]}」）：一次删除全部", "", fix)
            return
        for a, b in spans:
            yield Hit(a, b, f"数字中间夹着空格（「{text[a:b]}」）：删除空格", "", Fix(edits(a, b), "safe"))


# ----- ST013 -----------------------------------------------------------------------------------

# One blank between two Han characters; two or more blanks are alignment (columns, names).
# One pattern for each blank, the blank first and the Han character before it in a look-behind:
# `re` skips ahead to a literal a pattern starts with, but tries a leading class at every character.
_GAPS = tuple(
    lazyre.compile(blank + r"(?<=[\u4e00-\u9fff]" + blank + r")(?=[\u4e00-\u9fff])")
    for blank in (" ", "\u3000", "\xa0")
)


def _gaps(text: str) -> list[int]:
    """The offsets of the blanks between two Han characters, in order."""
    return sorted(m.start() for gap in _GAPS for m in gap.finditer(text))


_BLANKS = " \u3000\xa0\t"
_HAN_TAIL = lazyre.compile(r"[\u4e00-\u9fff]*$")
_HAN_HEAD = lazyre.compile(r"[\u4e00-\u9fff]*")
SIDE = 4  # characters either side of the space that the segmenter reads


def _letter_spaced(text: str, start: int) -> bool:
    """Characters set one by one with spaces between them (科 技 部, 起 来！): a deliberate layout."""
    return (start >= 2 and text[start - 2] in _BLANKS) or (start + 2 < len(text) and text[start + 2] in _BLANKS)


def _line_of(text: str, start: int, known: tuple[int, int]) -> tuple[int, int]:
    """The (start, end) of the line holding `start`: `known` when it is that line, else found
    from the end of `known` on (positions asked in order look at each character once)."""
    if known[0] <= start < known[1]:
        return known
    line_start = text.rfind("\n", known[1] if start >= known[1] else 0, start) + 1
    line_end = text.find("\n", start)
    return line_start, line_end if line_end >= 0 else len(text)


def splits_word(text: str, start: int) -> bool:
    """Does the blank at `start` sit inside a word of jieba's dictionary: the text around it, with
    the blank taken out, has a dictionary word across the place where it was?"""
    left = _HAN_TAIL.search(text, max(0, start - SIDE), start).group()
    right = _HAN_HEAD.match(text, start + 1, start + 1 + SIDE).group()
    after_mark = start >= 2 and len(left) == 1 and text[start - 2] in "，、；：（“《"
    if (len(left) < 2 and not after_mark) or not right:
        # a date or a number before it (2008年7月17日 经…), a heading (前 言); one character
        # after a comma is a word's start (采矿、矿 产品)
        return False
    cut = len(left)
    # A dictionary word across the space, cut so that one piece is a single character (概 念,
    # 固定资 产): a compound of two words cut between them (中办 国办) is two words. Most blanks
    # have no such word in the dictionary at all, which settles them without segmenting.
    across = dictionary_words_across(left + right, cut)
    if across is not None and not any(min(cut - a, b - cut) == 1 for a, b in across):
        return False
    # Two words either side (中办 国办, 停火 协议): the space is between words, whatever
    # compound the dictionary also lists.
    before, after = tokens(left)[-1], tokens(right)[0]
    if before[1] - before[0] >= 2 and after[1] - after[0] >= 2:
        return False
    return any(a < cut < b and min(cut - a, b - cut) == 1 for a, b in dictionary_tokens(left + right))


def _in_sentence(line: str) -> bool:
    """Is a line one of sentences (with a comma or a full stop)? A title, a headline or a table
    cell uses blanks to set phrases apart (`油菜播种基本结束 面积增 长势好`), and the segmenter
    would read a word across such a blank (增长)."""
    return any(mark in line for mark in "，。！？")


# A line that is one two-character word with a blank in the middle (指 标).
_JUSTIFIED = lazyre.compile(r"[ \t\u3000]*[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff][ \t\u3000]*")

# The structural particle 的 and the aspect particle 了; not 等, 得, 过, 之, which also start
# words and names (`持续 得州`, `第十五條 之九`).
_PARTICLES = frozenset(("uj", "ul"))


def before_particle(text: str, start: int) -> bool:
    """Is the blank at `start` followed by a particle that leans on the word before it (的, 了:
    `搜狐试用频道 的注册会员`, `PHP 下 的微服务`)? No phrase starts with one, in a sentence, a
    title or a table cell, so the blank is a slip. The particle is what jieba's dictionary tags
    so (`uj`, `ul`) and reads as a word of its own there (not 的确, 了解)."""
    right = _HAN_HEAD.match(text, start + 1, start + 1 + SIDE).group()
    if len(right) < 2 or tag(right[0]) not in _PARTICLES:
        return False  # (the particle is the first character, a word alone)
    a, b = tokens(right)[0]
    word = right[a:b]
    return len(word) == 1 and tag(word) in _PARTICLES and not _letter_by_letter(text, start, start + 1)


class SpaceInsideWord(Rule):
    code = "ST013"
    name = "space-inside-word"
    category = "structure"
    severity = "warning"
    summary = "词语中间或词和助词之间夹着空格（战略新 兴、固定资 产、频道 的注册会员）"
    why = (
        "从 PDF 复制或转换的文本，常把原来的行末或字距变成空格，把一个词拆成两半（`战略新 兴`、`引导资 金`、"
        "`矿 产品`）：读起来别扭，也妨碍检索和统计。规则去掉空格后用 jieba 分词：词典里有一个词跨过空格的位置，"
        "空格就在词中间。助词「的」「了」只依附前面的词，前面的空格（`试用频道 的注册会员`、`PHP 下 的微服务`）"
        "在句子、标题和表格里都不会是有意的。每处都报告；整篇有多处（至少3处）时，第一处说明总数（多为 PDF 转换）；"
        "拆开的词多到5处以上时，文本显然是 PDF 转换的，句子里两个词之间的空格（`引导 资金`、`自主 研发`）也一并报告；"
        "单独成行、中间加了空格的两字词多到5个以上时（`指 标`、`粮 食`、`男 性`），是表格里分散对齐的单元格留下的，也报告。"
        "不报告：两个词之间的空格（`热爱伟大祖国 建设美好家园`、`第一章 总则`）、连续两个以上的空格（对齐）、"
        "逐字隔开的文字（`科 技 部`、`起 来！`）、短行（`附　则`、`目 录`、`主任 何立峰`，少于5个时）、没有逗号句号的标题和表格行"
        "（`油菜播种基本结束 面积增 长势好`：空格是短语之间的间隔）、人名中间的空格（`吉 颐`）、"
        "汉字与数字或字母之间的空格、「等」「得」「之」等也能开头成词的字前面的空格（`持续 得州`、`第十五條 之九`）。"
    )
    bad = "支持战略性新 兴产业发展，对固定资 产投资给予补助。"
    good = "支持战略性新兴产业发展，对固定资产投资给予补助。"
    fix_doc = "删除词中间的空格（安全修正：空格在词典词的中间，不会改变意思）。--fix 一次删除全部。"
    fix_safety = "safe"
    specs = (
        Spec("支持战略性新 兴产业发展，对固定资 产投资给予补助。", (" ", " "),
             fixed="支持战略性新兴产业发展，对固定资产投资给予补助。"),
        Spec("全省上下要坚定信心，推动经济高质 量发展。", (" ",), fixed="全省上下要坚定信心，推动经济高质量发展。"),
        Spec("坚持结合“热爱伟大祖国 建设美好家园”主题教育。\n第一章　总则\n", ()),
        Spec("科 技 部\n起 来！不愿做奴隶的人们！\n摄影：吉 颐\n张一鸣 8 月 3 日", ()),
        Spec("项目名称    承担单位\n智能制造  标准体系", ()),
        Spec("申请人必须是搜狐试用频道\u3000的注册会员；\n| 13:30 | PHP 下 的微服务治理之道 |", ("\u3000", " ")),
        Spec("油菜播种基本结束 面积增 长势好\n美国冬季风暴持续 得州至少8人死亡；第十五條 之九，的确 的确如此。", ()),
        Spec("引导资 金投向矿 产品加工，支持战略新 兴产业和固定资 产投资。", (" ", " ", " ", " "),
             fixed="引导资金投向矿产品加工，支持战略新兴产业和固定资产投资。",
             note="four splits: each reported, the first with the count"),
        Spec("指 标\n粮 食\n玉 米\n大 豆\n蔬 菜\n", (" ", " ", " ", " ", " "),
             note="five justified cells of a table, one a line"),
        Spec("目 录\n前 言\n第一章　总　则\n附　则\n", ()),
        Spec("引导资 金投向采矿、矿 产品加工，支持战略新 兴产业、固定资 产投资和专项资 金，鼓励自主 研发。",
             (" ", " ", " ", " ", " ", " "),
             note="five splits make it an extraction: the blank between two words (自主 研发) too"),
    )

    def check(self, doc, ctx):
        text = doc.text
        gaps, between, cells = [], [], []
        line, prose = (0, 0), False
        for g in _gaps(text):
            if line != (line := _line_of(text, g, line)):
                # a short line is a heading or a signature spaced on purpose (附　则, 主任 何立峰)
                words = text[line[0] : line[1]]
                prose = len(words.strip()) > 12 and _in_sentence(words)
                if _JUSTIFIED.fullmatch(words):
                    cells.append(g)
            if before_particle(text, g):
                gaps.append(g)
                continue
            if prose and not _letter_spaced(text, g):
                (gaps if splits_word(text, g) else between).append(g)
        if len(gaps) >= int(ctx.option("extracted-min")):
            # So many words split that the text is a PDF extraction: the blanks between two words
            # of its sentences are the same leftovers (引导 资金, 自主 研发).
            gaps = sorted(gaps + between)
        if len(cells) >= int(ctx.option("justified-min")):
            cells = [g for g in cells if frequency(text[g - 1] + text[g + 1])]
        if len(cells) >= int(ctx.option("justified-min")):
            # Many two-character words spread over a line each (指 标, 粮 食, 男 性): a table's cells
            # justified in the original and kept as blanks; a heading (目 录, 附　则) comes alone.
            gaps = sorted(set(gaps) | set(cells))
        # Each split is reported where it is (a labelled document marks them one by one); when
        # there are several, the first says how many, the mark of a PDF extraction.
        many = len(gaps) >= int(ctx.option("document-wide-min"))
        for i, g in enumerate(gaps):
            left, right = text[max(0, g - 3) : g].rsplit("\n", 1)[-1], text[g + 1 : g + 4].split("\n", 1)[0]
            where = f"「{left}{text[g]}{right}」"
            message = (f"全文有{len(gaps)}处空格把一个词拆开，多为 PDF 转换留下的（这是第一处，{where}）：删除空格"
                       if many and i == 0 else f"空格把词拆开了（{where}）：删除空格")
            yield Hit(g, g + 1, message, "", Fix.delete(g, g + 1, "safe"))
