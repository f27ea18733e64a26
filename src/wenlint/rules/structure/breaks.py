"""Where the text breaks apart: ST007 a sentence broken across lines, ST008 a paragraph split at
its semicolons, ST009 a paragraph without final punctuation, ST010 a document that stops
mid-sentence."""

from __future__ import annotations


from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._segment import dictionary_tokens, dictionary_words_across, tag, tokens
from ._layout import (
    DATE_LINE, END_CLAUSE, END_COLON, END_OPEN, END_SEMI, END_STOP, END_WORD, KIND_HEADING, KIND_ITEM, KIND_PAGE,
    KIND_PROSE, KIND_SHORT, KIND_TEXT, KIND_TRAILER, MID_SENTENCE, layout,
)
from ... import lazyre

_CUT = "，,、；;：:。！？!?"


def fragment(doc, line) -> tuple[int, int]:
    """The unfinished piece of sentence at the end of `line`: after its last punctuation mark
    (at most 12 characters); the mark itself when the line ends with one."""
    text = doc.text
    end = line.eff_end
    start = line.start
    i = end - 1
    while i >= start and text[i] not in _CUT:
        i -= 1
    if i == end - 1:
        return end - 1, end
    return max(i + 1, end - 12), end


def _join(a, b, safety: str) -> Fix:
    return Fix((Edit(a.eff_end, b.eff_start, ""),), safety)


def _page_marker(lay, a, b) -> str:
    for line in lay.lines[a.index + 1 : b.index]:
        if line.kind == KIND_PAGE:
            return line.content
    return ""


_CLAUSE_MARK = lazyre.compile("[，,、；;。！？：:“”（）()《》]")


def _word_across(text: str, end: int, start: int) -> bool:
    """Does a word run across the line break between text[:end] and text[start:] (指|导帮助,
    的良|好工作机制), as jieba's dictionary segments the few characters either side?"""
    left = _CLAUSE_MARK.split(text[max(0, end - 6) : end])[-1]  # (the clause on either side)
    right = _CLAUSE_MARK.split(text[start : start + 6], 1)[0]
    if not left or not right:
        return False
    if dictionary_words_across(left + right, len(left)) == []:
        return False  # no word of the dictionary runs across: settled without segmenting
    # By the dictionary alone: the guessing of unknown words would glue a name's last character
    # to the next line's first (中新社记者 杜洋 摄 / 在单霁翔看来 -> 摄在).
    return any(a < len(left) < b for a, b in dictionary_tokens(left + right))


def _cannot_end(text: str, line) -> bool:
    """Does the line stop on a word no sentence ends with: a structural particle, a preposition
    or a conjunction (鲜活的 / 事迹, 关于 / …, 以及 / …), as jieba's dictionary tags it?"""
    tail = text[max(line.eff_start, line.eff_end - 6) : line.eff_end]
    spans = tokens(tail)
    if not spans:
        return False
    a, b = spans[-1]
    return tag(tail[a:b]) in ("uj", "ud", "p", "c")


def _latin(chars: str) -> bool:
    return any(c.isascii() and c.isalnum() for c in chars)


def _first_char(doc, line) -> str:
    return doc.text[line.eff_start] if line.eff_start < line.end else ""


def _prose_count(lay) -> int:
    """The lines of prose (counted only for a document with enough breaks to be hard-wrapped)."""
    return sum(1 for line in lay.lines if line.kind == KIND_PROSE)


class BrokenLine(Rule):
    code = "ST007"
    name = "broken-line"
    category = "structure"
    reads = ("structure.layout",)
    severity = "warning"
    summary = "句子被断行、空行或分页标记拆开（实施“ / 十、百、千、万”工程）"
    why = (
        "从网页和 PDF 复制的文本会把句子拆开：断在引号里（`实施“` / `十、百、千、万”工程`）、断在词中间"
        "（`指` / `导帮助`）、隔着空行，或夹着分页标记（`为此我们` / `第2页共10页` / `拿出一定的精力`）。"
        "单独一处断行只在有证据时报告：引号或括号跨过断行、中间有分页标记或空行、网站附加内容插在句中、"
        "断行把一个词拆成两半，或上一行停在不能结句的词上（的、介词、连词；由 jieba 判断）。"
        "引号或括号跨过断行时，从开引号报告到收引号，只报告一次。"
        "整篇按固定宽度硬换行的文本（PDF、法规文本的提取）是一种版式，只报告一次：给出处数和第一处；"
        "固定宽度的换行常常落在词中间，要有足够多的断行把词拆开（一行一项的联系人名单、列表不是硬换行）。"
        "不报告：Markdown 段落里的软换行；标题、列表项（包括纯文本里的 `* ` 项目符号列表）、署名；"
        "除顿号外没有句内标点的长标题（`……关于开展…工作的通知`）；"
        "以脚注标记（`。[1]`、`。①`）或零宽字符结尾的行，句号后多出的逗号（`通過。,,`）；"
        "Markdown 的强调、链接、图片、表格行，以链接结尾的引用行（`> 被引用條文: [第七條](…)`）；"
        "分隔线和 setext 标题下划线（`----`、`====`）；以英文、网址结尾的行（中英对照）；表情符号（`:-)`）；"
        "引号里的整段引文（引号内已有句号，如一封信的落款换行）；逐行引用的诗句（`“长风破浪会有时，` / `直挂云帆济沧海。”`）。"
    )
    bad = "全市林业系统干部职工发出了“开展送林业科技下乡活动的通知”，实施“\n十、百、千、万”工程，即组织10个科技下乡服务团。"
    good = "全市林业系统干部职工发出了“开展送林业科技下乡活动的通知”，实施“十、百、千、万”工程，即组织10个科技下乡服务团。"
    fix_doc = (
        "把两行合并（去掉中间的分页标记或空行）。断在引号或括号里、下一行把它合上、中间没有空行或分页标记时，"
        "是安全修正：不会有别的意思。其他合并都是不安全修正：上一行可能是没有编号的标题，或两页之间缺了文字。"
        "整篇硬换行时，一次修正合并全部断行（不安全）。"
    )
    fix_safety = "safe"
    specs = (
        Spec("今年向干部职工发出了通知，实施“\n十、百、千、万”工程，即组织10个科技下乡服务团。",
             ("“\n十、百、千、万”",), fixed="今年向干部职工发出了通知，实施“十、百、千、万”工程，即组织10个科技下乡服务团。"),
        Spec("乡党委政府机关率先创建为平安单位。加大宣传教育力度，进一步巩固“平安创建”成果，指\n导帮助全乡7个村顺利创建为平安村，同时有6个站所单位通过核定。",
             ("指",)),
        Spec("为帮助困难女职工解决看病难的问题，我会办理了保险。四是认真开展安全生产宣传活动，我会作为市\n\n安全生产委员会的成员单位之一，积极协同市安监局做好了安全检查。",
             ("我会作为市",)),
        Spec("在增强紧迫感和责任感的同时，也找到了完成组建任务的空间和契机。为此我们\n第2页共10页\n\n拿出一定的精力对此倾斜，安排调查组对农民工情况进行调查。",
             ("为此我们",), fixed="在增强紧迫感和责任感的同时，也找到了完成组建任务的空间和契机。为此我们拿出一定的精力对此倾斜，安排调查组对农民工情况进行调查。"),
        Spec("一、加强组织领导\n我局高度重视文明机关创建工作，把文明创建工作列入全局工作的重要议事日程。", ()),
        Spec("区总工会高度重视文明单位工作，健全和完善了工作责任制，形成了经费到位的工作格局\n\n二、加强理论学习，加强思想引领", ()),
        Spec("一是加强思想道德教育。我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，\n鼓励机关干部做个好干部、好公民。\n",
             (), note="a plain line break after a comma, one in the document: no evidence of a break"),
        Spec("一是加强思想道德教育。我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，以他们鲜活的\n事迹教育人。\n",
             ("以他们鲜活的",), note="a line that stops on 的 cannot end a sentence"),
        Spec("取得了明显成效。[1]\n下一步工作打算如下。①\n详见附件。\u200b\n本办法自发布之日起施行。\n"
             "It is a long English sentence that wraps at the end of a\nline in a bilingual document.\n"
             "第十三條 (未經設立登記，禁止以財團法人名義對外募集財物、辦理業務或為其他法律行為)\n----------------------\n", ()),
        Spec("一是加强思想道德教育。我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，\n鼓励机关干部做个好干部、好公民。\n",
             (), format="markdown"),
        Spec("我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，鼓励机关干部\n\n做个好干部、好公民，这是一项长期的工作任务。\n",
             ("鼓励机关干部",), format="markdown"),
        Spec("他说：“我们要继续努力。\n“把工作做得更好，争取更大的成绩。”", ()),
        Spec("开展了“三管六不”(既管好自己的嘴，不说粗话；\n管好自己的手，不乱扔杂物；\n管好自己的脚，不践踏草坪)活动。",
             ("(既管好自己的嘴，不说粗话；\n管好自己的手，不乱扔杂物；\n管好自己的脚，不践踏草坪)",),
             fixed="开展了“三管六不”(既管好自己的嘴，不说粗话；管好自己的手，不乱扔杂物；管好自己的脚，不践踏草坪)活动。",
             note="a bracket over three lines: one finding, one fix"),
        Spec("* 结构化学是研究原子、分子和晶体结构的学科，在生物、材料、地质等技术科学中也得到应用\n\n"
             "其他还有诸如放射分析化学、同位素化学等分支，各有专门的研究对象。\n", (),
             note="a bulleted list ends at a blank line"),
        Spec("市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知\n\n\n"
             "市场监管总局办公厅、工业和信息化部办公厅关于开展2022年度智能制造标准应用试点工作的通知\n", ()),
        Spec("他在讲话中引用了两句诗：\n“长风破浪会有时，\n直挂云帆济沧海。”\n大家深受鼓舞，纷纷表示要把工作做好。", (),
             note="verse quoted a line at a time"),
        Spec("孙发表宣言：「如无罢市，则先运我货前来，商械当必照所定条件分交各户可也。即候毅安\n孙文十月九日」。", (),
             note="a letter quoted whole: its closing lines break inside the quotation"),
        Spec("> 理由：　　照協商共識條文通過。,,\n\n> 被引用條文: 財團法人法 [第六十條](../財團法人法.md#第六十條)\n", (),
             format="markdown"),
        Spec("现在许多中小学都开始用开源软件了，很让人振奋 :-)\n\n去会场的路上，大家在开玩笑，气氛很好。\n", ()),
        Spec("联系人：工业和信息化部装备工业一司　　陆瑞阳　010-68205630\n国家发展改革委产业发展司　　***　010-68501696\n"
             "财政部经济建设司　　虞正夫　010-61965366\n市场监督管理总局标准技术司　　苏静茹　010-82262645\n"
             "技术支持单位：中国汽车技术研究中心有限公司　李铮　18910968668\n工业和信息化部装备工业二司　　王五　010-68205999\n",
             (), note="a contact list is a layout of lines, not text wrapped at a width"),
    )

    def check(self, doc, ctx):
        found = list(self._breaks(doc, ctx))
        least = int(ctx.option("document-wide-min"))
        lay = layout(doc, ctx)
        soft = lay.block_mode and doc.format != "markdown"
        if soft:  # the layout has decided already: wrapped at a fixed width
            found = sorted(found + list(self._soft_breaks(doc, lay)), key=lambda item: item[0].start)
        if (doc.format != "markdown" and len(found) >= least
                and len(found) >= float(ctx.option("document-wide-share")) * (0 if soft else _prose_count(lay))
                and _cuts_words(doc.text, found)):
            # Hard-wrapped text (a PDF or statute extraction): one layout for the whole document.
            first = found[0][0]
            edits = tuple(edit for hit, _ in found for edit in hit.fix.edits)
            yield Hit(first.start, first.end,
                      f"全文有{len(found)}处句子在行末断开（这是第一处）：文本按固定宽度硬换行（PDF 或网页转换），"
                      "应把断开的行合并成段落", None, Fix(edits, "unsafe"))
            return
        for hit, strong in found:
            if strong:
                yield hit

    @staticmethod
    def _soft_breaks(doc, lay):
        """The line breaks inside the paragraphs of hard-wrapped plain text."""
        for a in lay.lines:
            if a.kind not in (KIND_PROSE, KIND_TEXT) or a.ends not in MID_SENTENCE:
                continue
            b, blank, page = lay.next_content(a.index)
            if b is None or blank or page or not lay.continues(b) or (a.index, b.index) in lay.joined:
                continue
            start, end = fragment(doc, a)
            yield Hit(start, end, "", None, _join(a, b, "unsafe")), False

    def _breaks(self, doc, ctx):
        """(hit, strong) for every sentence broken at a line end: strong when the evidence holds
        for one line (a quotation, a page marker, a blank line, a word cut in two); weak for a
        plain line break, which counts only towards a hard-wrapped layout."""
        lay = layout(doc, ctx)
        text = doc.text
        opened = {first for first, _ in lay.joined}  # lines whose quotation the next one closes
        for a in lay.lines:
            if a.kind in ("blank", "barrier", KIND_PAGE, KIND_TRAILER):
                continue
            if a.index not in opened and (a.kind != KIND_PROSE or a.ends not in MID_SENTENCE):
                continue  # decided below as well, without the next line
            b, blank, page = lay.next_content(a.index)
            if b is None or b.kind == KIND_TRAILER:
                continue
            joined = lay.joined.get((a.index, b.index))
            if joined is None and (not a.prose or a.structural or a.ends not in MID_SENTENCE):
                continue
            first = _first_char(doc, b)
            if not first or first in "，,、；;。！？）)》」』”’】":
                continue  # a line that starts with a closing mark: ST003
            if _latin(text[max(a.eff_start, a.eff_end - 2) : a.eff_end]) and _latin(text[b.eff_start : b.eff_start + 2]):
                continue  # Latin text, a reference or a number wraps between words: not Chinese prose
            where = f"（第{a.index + 1}行接第{b.index + 1}行）"
            if joined is not None:
                hit = self._quotation(doc, lay, a, joined, where)
                if hit is not None:
                    yield hit, True
                continue
            soft = lay.block_mode and not (blank or page)
            if soft and (doc.format == "markdown" or a.kind != KIND_PROSE):
                continue  # a soft line break inside a Markdown paragraph
            if not lay.continues(b) or _ended(text, a) or _title_like(a) or b.content == a.content:
                continue
            if doc.format == "markdown" and (_table_row(doc, a) or _table_row(doc, b)):
                continue  # a table row (its pipes are masked in the text)
            if blank and not page and _bullet(a):
                continue  # a bulleted list ends at a blank line (* 降水、雾、雪… / 其它：)
            marker = _page_marker(lay, a, b)
            if marker:
                message = f"句子被分页标记「{marker}」断开{where}：删去分页标记，把两行合并"
            else:
                message = f"句子在行末断开{where}，下一行接着同一句话：把两行合并（若不是断行，补上句末标点）"
            start, end = fragment(doc, a)
            strong = not soft and (
                blank or page or a.eff_end < a.end or b.eff_start > b.start  # furniture glued in
                or _word_across(text, a.eff_end, b.eff_start) or _cannot_end(text, a)
            )
            yield Hit(start, end, message, None, _join(a, b, "unsafe")), strong

    @staticmethod
    def _quotation(doc, lay, a, joined, where: str):
        """A quotation or bracket opened on line `a` and closed on a later line: reported once, on
        the line that opens it, from the opening mark to the closing one. Not a passage quoted
        over paragraphs (it has a full stop before the break: a letter, a speech), nor a line
        that ends its sentence or introduces what follows."""
        text = doc.text
        open_at, close_at = joined
        if a.ends in (END_STOP, END_COLON) or not a.start <= open_at < a.end:
            return None
        if _INNER_STOP.search(text, open_at, a.eff_end):
            return None
        if len(a.content) <= VERSE_MAX and a.ends == END_CLAUSE:
            return None  # verse quoted a line at a time (“床前明月光， / 疑是地上霜。”)
        mark, mate = text[open_at], text[close_at]
        edits, apart = [], False
        for (i, j), pair in sorted(lay.joined.items()):
            if pair == joined:
                x, y = lay.lines[i], lay.lines[j]
                edits.append(Edit(x.eff_end, y.eff_start, ""))
                apart = apart or j > i + 1  # a blank line or a page marker between
        last = lay.lines[doc.line_index(close_at)]
        where = where if last.index == a.index + 1 else f"（第{a.index + 1}–{last.index + 1}行）"
        return Hit(open_at, close_at + 1, f"句子在「{mark}…{mate}」中间被断开{where}：把这几行合并", None,
                   Fix(tuple(edits), "unsafe" if apart else "safe"))


# A fixed-width wrap falls inside a word about every other time (指 / 导帮助); lines that are a
# layout of their own (contact lists, bulleted items, a name and a phone number) almost never do.
WRAP_CUTS_WORDS = 0.15
WRAP_CUTS_LEAST = 3


def _cuts_words(text: str, found) -> bool:
    """Do enough of the line breaks fall inside a word for the text to be wrapped at a width?"""
    cuts = sum(1 for hit, _ in found if hit.fix and _word_across(text, hit.fix.edits[0].start, hit.fix.edits[0].end))
    return cuts >= WRAP_CUTS_LEAST and cuts >= WRAP_CUTS_WORDS * len(found)


_BULLETS = "*+-•·●○■□◆◇▲△★☆►▶✓✔"
VERSE_MAX = 20  # characters of a short line ending on a comma: a line of verse, not a cut sentence


def _bullet(line) -> bool:
    return line.enum and line.content[0] in _BULLETS
_INNER_STOP = lazyre.compile_regex("[。！？!?]")


def _table_row(doc, line) -> bool:
    """Does a Markdown line start with a table's pipe (masked in `doc.text`)?"""
    return doc.source[doc.line_span(line.index)[0] : line.start].strip(" \t>").startswith("|")


def _ended(text: str, line) -> bool:
    """A sentence ended before stray marks (照協商共識條文通過。,,), or a line of English or a
    URL ends (…in Korean). / RPC framework / www.coal.gov.cn): not a Chinese sentence cut."""
    content = text[line.eff_start : line.eff_end].rstrip("，,、 ")
    return bool(content) and (content[-1] in "。！？!?" or content[-1].isascii())


def _title_like(line) -> bool:
    """A title or a name run long (市场监管总局办公厅、工业和信息化部办公厅关于开展…工作的通知):
    no mark inside a sentence but the enumeration comma."""
    return _SENTENCE_MARK.search(line.content) is None


_SENTENCE_MARK = lazyre.compile_regex("[，,；;。！？!?：:]")


class SplitParagraph(Rule):
    code = "ST008"
    name = "split-paragraph"
    category = "structure"
    reads = ("structure.layout",)
    severity = "info"
    summary = "段落在分号处被拆成多行（……的组建力度；/ 加强两个机制建设，……）"
    why = (
        "有些网页和转换工具把每个分号后的分句放在单独一行，一段话变成几行，每行都停在句子中间。"
        "不报告：有意一行一项的列表（以 一是/二是、(1)、1、开头的行）；冒号引出的一串分句（`主要有：`）；"
        "全部是短行（不超过30字）的列举。"
    )
    bad = "加大对非公单位和外出农民工工会的组建力度；\n加强两个机制建设，努力提高工会工作整体水平，团结和动员全市广大职工作出了贡献。"
    good = "加大对非公单位和外出农民工工会的组建力度；加强两个机制建设，努力提高工会工作整体水平，团结和动员全市广大职工作出了贡献。"
    fix_doc = "把这几行合并为一段（不安全修正：这种版式也可能是有意的）。"
    fix_safety = "unsafe"
    specs = (
        Spec("上半年，市总工会在市委和市总的正确领导下，深入学习贯彻会议精神，加大对非公单位和外出农民工工会的组建力度；\n加强两个机制建设，努力提高工会工作整体水平；\n团结和动员全市广大职工作出了贡献。",
             ("；",),
             fixed="上半年，市总工会在市委和市总的正确领导下，深入学习贯彻会议精神，加大对非公单位和外出农民工工会的组建力度；加强两个机制建设，努力提高工会工作整体水平；团结和动员全市广大职工作出了贡献。"),
        Spec("我们的主要做法是：\n加强组织领导；\n完善工作机制；\n强化督促检查。", ()),
        Spec("一是认真传达学习了省总和市总有关文件精神，统一了思想认识；\n二是结合实际下发了通知，对宣传月活动作了具体安排部署；\n三是先后两次进行了督促检查。", ()),
        Spec("存在的问题主要有：随着经济体制的深刻变革，工会组建工作需要进一步探索和加强；\n职工的维权机制需要进一步完善；\n工会干部的能力需要进一步提高。", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        chain: list = []
        previous_colon = False
        lines = [line for line in lay.lines if line.kind not in ("blank", "barrier", KIND_PAGE)]
        for i, a in enumerate(lines):
            b, blank, page = lay.next_content(a.index) if a.ends == END_SEMI else (None, False, False)
            link = (
                a.ends == END_SEMI and b is not None and a.kind != KIND_TRAILER
                and (a.index, b.index) not in lay.joined
                and not (lay.block_mode and not (blank or page))
                and lay.continues(b)
            )
            if link:
                if not chain:
                    chain = [a]
                chain.append(b)
                continue
            if chain:
                yield from self._report(doc, chain, previous_colon)
                chain = []
            previous_colon = a.ends == END_COLON

    def _report(self, doc, chain, previous_colon: bool):
        first = chain[0]
        if previous_colon or "：" in first.content or ":" in first.content:
            return
        if all(len(line.content) <= 30 for line in chain):
            return
        if first.structural and len(first.content) <= 40:
            return
        edits = tuple(Edit(a.eff_end, b.eff_start, "") for a, b in zip(chain, chain[1:]))
        n = len(chain)
        yield Hit(first.eff_end - 1, first.eff_end,
                  f"第{first.index + 1}–{chain[-1].index + 1}行原是同一段：段落在分号处被拆成了{n}行，应合并为一段",
                  None, Fix(edits, "unsafe"))


def last_text_line(lay):
    """The line where the document's text stops: before end-of-page furniture, page markers and
    a signature or date of up to three short lines. Returns (line, page marker after it)."""
    skipped = 0
    marker = ""
    for line in reversed(lay.lines):
        if line.kind in ("blank", "barrier", KIND_TRAILER):
            continue
        if line.kind == KIND_PAGE:
            marker = marker or line.content
            continue
        if skipped < 3 and (line.kind == KIND_SHORT or DATE_LINE.fullmatch(line.content)):
            skipped += 1
            continue
        return line, marker
    return None, marker


class UnterminatedParagraph(Rule):
    code = "ST009"
    name = "unterminated-paragraph"
    category = "structure"
    reads = ("structure.layout",)
    severity = "info"
    summary = "段落结尾缺少句末标点（……积极主动地推进各项工作 / 一、……）"
    why = (
        "一段叙述文字没有 `。`、`！`、`？` 就停在了标题或新的一项之前（`……积极主动地推进各项工作` 后面是 "
        "`一、组织实施……`），复制时丢了结尾或句号。只在这样的文档里报告：其余的叙述段落至少 85% 以句号结尾"
        "（缺句号是疏漏而不是文档的写法）。"
        "不报告：标题、题目、题目清单、几个字的列表项、字段（`主办单位：…`、`1.术语定义标准:…`）、"
        "项目符号列表（`* …`）和它前面的引导句；以冒号或分号结尾的行、以脚注标记或链接结尾的行；"
        "后面是署名、短行或表格行的段落；很多段落都不用句号结尾的文档（那是它的写法）；"
        "Markdown 和硬换行的文本；接着下一行继续的段落（那是断行，由 ST007 判断）；文档最后一段（由 ST010 判断）。"
    )
    bad = "年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。"
    good = "年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作。\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。"
    fix_doc = "补上句号（不安全修正：还要看是否丢了文字）。"
    fix_safety = "unsafe"
    specs = (
        Spec("年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。", ("作",), fixed="年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作。\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。"),
        Spec("一、加强组织领导\n二、完善工作机制\n三、强化督促检查。", ()),
        Spec("县总工会工作总结\n\n近年来，县总工会在县委和市总的领导下，乘势而上，科学定位，取得一定成效。", ()),
        Spec("现将有关情况汇报如下：\n一、基本情况", ()),
        Spec("年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。\n面向离散行业工艺控制、工艺参数调优等业务活动，实现工艺过程和设备参数在线优化，提高产品质量一致性\n"
             "二、先进过程控制\n面向生产现场管理、成本质量管理、供应链管理等业务活动，实现生产要素精准管理，提升整体运营效率\n"
             "三、质量管控", (), note="most paragraphs end without a full stop: the document's style"),
        Spec("主办单位：省工业和信息化厅、省教育厅、省科技厅、省人力资源社会保障厅、省卫生健康委，各州、市人民政府\n"
             "四、实施学校体育美育浸润行动计划\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了全省第三次“万人评行风”活动。参评单位达到126个，发放评议表3万余份。", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        if lay.block_mode:
            return  # Markdown or hard-wrapped text: a paragraph's end is not a line's end
        last, _ = last_text_line(lay)
        prose = [line for line in lay.lines if line.prose and line.ends in (END_STOP, END_CLAUSE, END_WORD)]
        stopped = sum(1 for line in prose if line.ends == END_STOP)
        for a in lay.lines:
            if not a.prose or a.kind == KIND_ITEM or (last is not None and a.index >= last.index):
                continue
            if len(a.content) < PARAGRAPH_MIN or _title_like(a) or _FIELD.match(a.content):
                continue  # a title, a list of titles, a field (主办单位：…), not a paragraph
            others = len(prose) - 1
            if others < 1 or stopped < TERMINATED_SHARE * others:
                continue  # a document whose paragraphs often end without a full stop: its style
            if a.ends not in MID_SENTENCE or _bullet(a):
                continue  # a bulleted item (* ISBN 978-7-81019-529-4) is unterminated by design
            b, blank, page = lay.next_content(a.index)
            if b is None or (a.index, b.index) in lay.joined or _bullet(b):
                continue  # a line that introduces a bulleted list
            first = _first_char(doc, b)
            if not first or first in "，,、；;。！？）)》」』”’】":
                continue  # the next line starts with this line's closing mark: ST003
            if lay.block_mode and not (blank or page):
                continue
            if lay.continues(b):
                continue  # runs on into the next line: ST007
            if b.kind not in (KIND_HEADING, KIND_PROSE):
                continue  # before a title, a signature, a label or a table row
            end = a.eff_end
            if a.ends == "clause":
                yield Hit(end - 1, end, f"段落以「{doc.text[end - 1]}」结束：改为句号", "。",
                          Fix.replace(end - 1, end, "。", "unsafe"))
            else:
                yield Hit(end - 1, end, "段落结尾缺少句末标点（。！？）：补上句号", doc.text[end - 1] + "。",
                          Fix((Edit(end, end, "。"),), "unsafe"))


# A paragraph of prose has at least this many characters; and in a document where at least this
# share of the other paragraphs end with a full stop, one that does not is a slip, not a style.
PARAGRAPH_MIN = 50
# A field or a defined term: a short label and a colon (主办单位：… / 1.术语定义标准:…).
_FIELD = lazyre.compile_regex(r"(?:[0-9０-９]{1,2}[.．、]\s*)?[^，,。；;：:]{1,8}[：:]")
TERMINATED_SHARE = 0.85

_FIRST_ITEM = lazyre.compile_regex(r"(?:^|(?<=[。；;：:！？!?]))\s*([（(][1１一][）)]|①|一是|第一[，,、])")
_SECOND_ITEM = lazyre.compile_regex(r"[（(][2２二][）)]|②|二是|第二[，,、]")


class TruncatedDocument(Rule):
    code = "ST010"
    name = "truncated-document"
    category = "structure"
    reads = ("structure.layout",)
    severity = "warning"
    summary = "文档在句子中间结束（正文被截断）"
    why = (
        "从只显示前几页的网站复制的文档，停在句子中间（`……各乡镇工会` 后面是 `第3页共10页` 和网站的附加内容），"
        "或刚开始列举就结束（`(1)组织参加……` 之后没有 `(2)`）。规则会越过页尾的网站内容（`推荐阅读:` 和它下面的标题、"
        "`标签:`、`版权所有`；清单在 `rules/data/structure-trailers.txt`，可用 `trailer-markers` 选项补充）、"
        "分页标记和结尾的署名、日期。没有分页标记时，只在最后一段叙述停在逗号、冒号或开引号上时报告。"
        "不报告：以署名、日期、记者署名（`（记者 张三）`）、编辑或来源、电话号码、图片或附件、导航链接结尾的文档；"
        "法规的最后一条（`第九十条 本条例自…起施行。`）；最后一行只是缺句号（由 ST009 判断）；Markdown 文档的列表、"
        "链接、表格结尾。`第1页共10页` 与实际页数不符由数字规则（NM）报告。"
    )
    bad = "县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n\n推荐访问:总工会 工作总结\n"
    good = "县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会都有了固定的办公场所。\n\n安徽省总宣教部\n\nXX年6月20日\n"
    fix_doc = "从原始来源补全文档，或把最后一句写完整。"
    specs = (
        Spec("县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n\n推荐访问:总工会 工作总结\n", ("各乡镇工会",)),
        Spec("3.树立先进典型，以榜样的力量鼓舞人心。(1)组织参加各类先进人物的评选与推荐，1名教师进入候选人行列。\n【工作总结】推荐阅读:\n国土局文明机关创建工作总结03-27\n",
             ("(1)",)),
        Spec("提高工作效能，努力建设一支学习型、研究型、创新型的工会宣教队伍。\n\n安徽省总宣教部\n\nXX年6月20日\n\n标签:工会宣教部职权 宣教部工作总结\n", ()),
        Spec("为实现建设全省经济强县的目标而奋斗!", ()),
        Spec("一是加强学习。二是改进作风。", ()),
        Spec("县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n本文来源于网络，版权归原作者所有，如有侵权请联系删除\n", (),
             note="without the marker the last line is the site's note, which ends on a word"),
        Spec("县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n本文来源于网络，版权归原作者所有，如有侵权请联系删除\n",
             ("各乡镇工会",), options={"trailer-markers": ["本文来源于网络"]}),
        Spec("第一条 为了规范管理，制定本条例。\n第九十条 本条例自2018年5月1日起施行。", ()),
        Spec("上半年，全市各级工会认真贯彻落实上级工会的工作部署，取得了明显成效。（记者 张三 李四）", ()),
        Spec("上半年，全市各级工会认真贯彻落实上级工会的工作部署，取得了明显成效。\n来源：新华网 编辑：丸子", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        line, marker = last_text_line(lay)
        if line is None or len(lay.content_lines()) < 2 and not line.prose:
            return
        after = f"（其后是分页标记「{marker}」，后面的页面没有复制过来）" if marker else ""
        if line.kind == KIND_HEADING and not line.prose:
            # A heading closed by a full stop is a last article (第九十条 本条例自…起施行。); a
            # heading alone at the end is a truncation only when a page marker says pages are missing.
            if marker and line.ends != END_STOP:
                yield Hit(line.start, line.end, f"文档在标题「{line.content[:20]}」之后就结束了：正文缺失{after}")
            return
        if line.ends in MID_SENTENCE or line.ends in (END_SEMI, END_COLON, END_OPEN):
            if marker or self._cut_sentence(doc, lay, line):
                start, end = fragment(doc, line)
                yield Hit(start, end, f"文档在句子中间结束（第{line.index + 1}行）：后面的内容可能丢失了{after}")
            return
        content = line.content
        for m in _FIRST_ITEM.finditer(content):
            if not _SECOND_ITEM.search(content, m.end()):
                start = line.start + m.start(1)
                yield Hit(start, line.start + m.end(1),
                          f"最后一段以「{m.group(1)}」开始列举，却没有下一项：文档可能在这里被截断{after}")
                return

    @staticmethod
    def _cut_sentence(doc, lay, line) -> bool:
        """Without a page marker after it, the last line is a cut sentence only when it is a
        paragraph of prose that stops on a comma, a colon or an opening quote or bracket: not a Markdown block (a list
        item, a link, a table, HTML), not a byline or credit (编辑：丸子, 来源：…), not a line of
        links, a URL, a phone number or a name list (@王伟)."""
        if lay.block_mode and doc.format == "markdown":
            return False
        if not line.prose or line.enum or line.ends not in (END_CLAUSE, END_COLON, END_OPEN):
            return False
        source = doc.source[line.start : line.end]
        if _NOT_PROSE_END.search(source[-40:]):
            return False
        # A last line that stops on a Han character may only miss its full stop (ST009's
        # concern); one that stops on a comma, a colon or an opening mark has certainly been cut.
        return True


# What ends a page without ending a sentence: a credit or byline (编辑：丸子, 来源：新华网,
# （记者 张三）), a link, URL, image or HTML tag, a phone number, @names, a menu (a | b).
_NOT_PROSE_END = lazyre.compile_regex(
    r"(?:编辑|责编|责任编辑|来源|记者|作者|摄影|通讯员|校对|审核|出处|转载|原文|附件|附图|图片|联系电话|电话|热线)"
    r"\s*[：:]?[^。！？]{0,30}$|https?://|www\.|\]\(|</?[a-zA-Z]|@\S+\s*$|\|[^|]*$|[0-9]{3,}[-－][0-9]{3,}"
)
