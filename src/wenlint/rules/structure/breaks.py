"""Where the text breaks apart: ST007 a sentence broken across lines, ST008 a paragraph split at
its semicolons, ST009 a paragraph without final punctuation, ST010 a document that stops
mid-sentence."""

from __future__ import annotations

import regex

from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._layout import (
    DATE_LINE, END_COLON, END_OPEN, END_SEMI, END_STOP, KIND_HEADING, KIND_ITEM, KIND_PAGE,
    KIND_PROSE, KIND_SHORT, KIND_TRAILER, MID_SENTENCE, layout,
)

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


def _first_char(doc, line) -> str:
    return doc.text[line.eff_start] if line.eff_start < line.end else ""


class BrokenLine(Rule):
    code = "ST007"
    name = "broken-line"
    category = "structure"
    severity = "info"
    summary = "句子被断行、空行或分页标记拆开（实施“ / 十、百、千、万”工程）"
    why = (
        "Text copied from web pages and PDFs breaks sentences apart: inside a quotation "
        "(`实施“` / `十、百、千、万”工程`), inside a word (`指` / `导帮助`, `鲜活的` / `事迹`), across a blank "
        "line, or around a page marker (`为此我们` / `第2页共10页` / `拿出一定的精力`). Each piece reads "
        "as a paragraph of its own and the sentence makes no sense. A line is taken as broken when "
        "it is prose (it has a full stop inside, or is long and punctuated) and ends without "
        "final punctuation, and the next line reads on (it is not a heading, a list item, a title, "
        "a signature or website furniture). In Markdown and hard-wrapped text a single line break "
        "is a soft wrap and is never reported; only paragraphs split apart are."
    )
    bad = "全市林业系统干部职工发出了“开展送林业科技下乡活动的通知”，实施“\n十、百、千、万”工程，即组织10个科技下乡服务团。"
    good = "全市林业系统干部职工发出了“开展送林业科技下乡活动的通知”，实施“十、百、千、万”工程，即组织10个科技下乡服务团。"
    fix_doc = (
        "Join the two lines (removing the page marker or blank lines between them). The fix is safe "
        "when the break sits inside a quotation or brackets that the next line closes, with no "
        "blank line or page marker between: nothing else can be meant. Every other join is unsafe: "
        "the line may be a heading without a number, or text may be missing between the pages."
    )
    fix_safety = "safe"
    specs = (
        Spec("今年向干部职工发出了通知，实施“\n十、百、千、万”工程，即组织10个科技下乡服务团。",
             ("实施“",), fixed="今年向干部职工发出了通知，实施“十、百、千、万”工程，即组织10个科技下乡服务团。"),
        Spec("乡党委政府机关率先创建为平安单位。加大宣传教育力度，进一步巩固“平安创建”成果，指\n导帮助全乡7个村顺利创建为平安村，同时有6个站所单位通过核定。",
             ("指",)),
        Spec("为帮助困难女职工解决看病难的问题，我会办理了保险。四是认真开展安全生产宣传活动，我会作为市\n\n安全生产委员会的成员单位之一，积极协同市安监局做好了安全检查。",
             ("我会作为市",)),
        Spec("在增强紧迫感和责任感的同时，也找到了完成组建任务的空间和契机。为此我们\n第2页共10页\n\n拿出一定的精力对此倾斜，安排调查组对农民工情况进行调查。",
             ("为此我们",), fixed="在增强紧迫感和责任感的同时，也找到了完成组建任务的空间和契机。为此我们拿出一定的精力对此倾斜，安排调查组对农民工情况进行调查。"),
        Spec("一、加强组织领导\n我局高度重视文明机关创建工作，把文明创建工作列入全局工作的重要议事日程。", ()),
        Spec("区总工会高度重视文明单位工作，健全和完善了工作责任制，形成了经费到位的工作格局\n\n二、加强理论学习，加强思想引领", ()),
        Spec("一是加强思想道德教育。我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，\n鼓励机关干部做个好干部、好公民。\n",
             ("，",)),
        Spec("一是加强思想道德教育。我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，\n鼓励机关干部做个好干部、好公民。\n",
             (), format="markdown"),
        Spec("我们坚持开展以文明礼貌、助人为乐、爱护公物为主要内容的社会公德教育，鼓励机关干部\n\n做个好干部、好公民，这是一项长期的工作任务。\n",
             ("鼓励机关干部",), format="markdown"),
        Spec("他说：“我们要继续努力。\n“把工作做得更好，争取更大的成绩。”", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
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
            where = f"（第{a.index + 1}行接第{b.index + 1}行）"
            if joined is not None:
                if a.ends in (END_STOP, END_COLON):
                    continue  # a quotation running over paragraphs
                mark, mate = doc.text[joined[0]], doc.text[joined[1]]
                safety = "unsafe" if blank or page else "safe"
                start, end = fragment(doc, a)
                yield Hit(start, end, f"句子在「{mark}…{mate}」中间被断开{where}：把两行合并", None,
                          _join(a, b, safety))
                continue
            if lay.block_mode and not (blank or page):
                continue  # a soft line break inside a Markdown paragraph
            if not lay.continues(b):
                continue
            marker = _page_marker(lay, a, b)
            if marker:
                message = f"句子被分页标记「{marker}」断开{where}：删去分页标记，把两行合并"
            else:
                message = f"句子在行末断开{where}，下一行接着同一句话：把两行合并（若不是断行，补上句末标点）"
            start, end = fragment(doc, a)
            yield Hit(start, end, message, None, _join(a, b, "unsafe"))


class SplitParagraph(Rule):
    code = "ST008"
    name = "split-paragraph"
    category = "structure"
    severity = "info"
    summary = "段落在分号处被拆成多行（……的组建力度；/ 加强两个机制建设，……）"
    why = (
        "Some web pages and converters put every clause after a `；` on a line of its own: a "
        "paragraph becomes several lines that each end mid-sentence (seed 003 shows the original "
        "of one such paragraph as a single line in seed 000). A list that is meant to be one clause "
        "a line stays quiet: lines that start with 一是/二是, (1), 1、; a series after a colon "
        "(`主要有：`); short lines (30 characters at most) throughout."
    )
    bad = "加大对非公单位和外出农民工工会的组建力度；\n加强两个机制建设，努力提高工会工作整体水平，团结和动员全市广大职工作出了贡献。"
    good = "加大对非公单位和外出农民工工会的组建力度；加强两个机制建设，努力提高工会工作整体水平，团结和动员全市广大职工作出了贡献。"
    fix_doc = "Join the lines into one paragraph (an unsafe fix: the layout may be intended)."
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
    severity = "info"
    summary = "段落结尾缺少句末标点（……积极主动地推进各项工作 / 一、……）"
    why = (
        "A paragraph of prose that stops without `。`, `！` or `？` before a heading or a new item "
        "(`……积极主动地推进各项工作` followed by `一、组织实施……`) lost its ending or its full stop "
        "when it was copied. Headings, titles, list items of a few words and lines ending with a "
        "colon or semicolon are not paragraphs of prose and stay quiet; a paragraph that runs on "
        "into the next line is a broken line (ST007), and the last paragraph of a document is "
        "judged by ST010."
    )
    bad = "年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了评议活动。"
    good = "年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作。\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了评议活动。"
    fix_doc = "Add the full stop (an unsafe fix: check whether words were lost as well)."
    fix_safety = "unsafe"
    specs = (
        Spec("年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了评议活动。",
             ("作",),
             fixed="年是“十一五”规划的开局之年，省总宣教部根据全委会的工作部署，紧紧围绕安徽经济和社会发展大局，积极主动地推进各项工作。\n\n一、组织实施全省第三次“万人评行风”活动\n\n从元月中旬到4月底，宣教部组织实施了评议活动。"),
        Spec("一、加强组织领导\n二、完善工作机制\n三、强化督促检查。", ()),
        Spec("县总工会工作总结\n\n近年来，县总工会在县委和市总的领导下，乘势而上，科学定位，取得一定成效。", ()),
        Spec("现将有关情况汇报如下：\n一、基本情况", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        last, _ = last_text_line(lay)
        for a in lay.lines:
            if not a.prose or a.kind == KIND_ITEM or (last is not None and a.index >= last.index):
                continue
            if a.ends not in MID_SENTENCE:
                continue
            b, blank, page = lay.next_content(a.index)
            if b is None or (a.index, b.index) in lay.joined:
                continue
            first = _first_char(doc, b)
            if not first or first in "，,、；;。！？）)》」』”’】":
                continue  # the next line starts with this line's closing mark: ST003
            if lay.block_mode and not (blank or page):
                continue
            if lay.continues(b):
                continue  # runs on into the next line: ST007
            end = a.eff_end
            if a.ends == "clause":
                yield Hit(end - 1, end, f"段落以「{doc.text[end - 1]}」结束：改为句号", "。",
                          Fix.replace(end - 1, end, "。", "unsafe"))
            else:
                yield Hit(end - 1, end, "段落结尾缺少句末标点（。！？）：补上句号", doc.text[end - 1] + "。",
                          Fix((Edit(end, end, "。"),), "unsafe"))


_FIRST_ITEM = regex.compile(r"(?:^|(?<=[。；;：:！？!?]))\s*([（(][1１一][）)]|①|一是|第一[，,、])")
_SECOND_ITEM = regex.compile(r"[（(][2２二][）)]|②|二是|第二[，,、]")


class TruncatedDocument(Rule):
    code = "ST010"
    name = "truncated-document"
    category = "structure"
    severity = "info"
    summary = "文档在句子中间结束（正文被截断）"
    why = (
        "A document copied from a site that shows only the first pages stops in the middle of a "
        "sentence (`……各乡镇工会` then `第3页共10页` and the site's furniture), or right after it "
        "starts an enumeration (`(1)组织参加……` and no `(2)`). The rule looks past end-of-page "
        "furniture (`推荐阅读:` and its list of titles, `标签:`, `版权所有`; the list is "
        "`rules/data/structure-trailers.txt`, extended by the `trailer-markers` option), page "
        "markers and a closing signature and date (`安徽省总宣教部` / `XX年6月20日` is a normal "
        "ending). That `第1页共10页` announces more pages than are present is reported by the "
        "number family (NM), not here."
    )
    bad = "县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n\n推荐访问:总工会 工作总结\n"
    good = "县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会都有了固定的办公场所。\n\n安徽省总宣教部\n\nXX年6月20日\n"
    fix_doc = "Recover the rest of the document from its source, or end the last sentence properly."
    options = {"trailer-markers": []}
    specs = (
        Spec("县总统一配置了桌椅、文柜、图牌、资料，各乡镇工会\n第3页共10页\n\n推荐访问:总工会 工作总结\n", ("各乡镇工会",)),
        Spec("3.树立先进典型，以榜样的力量鼓舞人心。(1)组织参加各类先进人物的评选与推荐，1名教师进入候选人行列。\n【工作总结】推荐阅读:\n国土局文明机关创建工作总结03-27\n",
             ("(1)",)),
        Spec("提高工作效能，努力建设一支学习型、研究型、创新型的工会宣教队伍。\n\n安徽省总宣教部\n\nXX年6月20日\n\n标签:工会宣教部职权 宣教部工作总结\n", ()),
        Spec("为实现建设全省经济强县的目标而奋斗!", ()),
        Spec("一是加强学习。二是改进作风。", ()),
        Spec("各乡镇工会都有了固定的办公场所。\n本文来源于网络，版权归原作者所有，如有侵权请联系删除\n", ("如有侵权请联系删除",)),
        Spec("各乡镇工会都有了固定的办公场所。\n本文来源于网络，版权归原作者所有，如有侵权请联系删除\n", (),
             options={"trailer-markers": ["本文来源于网络"]}),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        line, marker = last_text_line(lay)
        if line is None or len(lay.content_lines()) < 2 and not line.prose:
            return
        after = f"（其后是分页标记「{marker}」，后面的页面没有复制过来）" if marker else ""
        if line.kind == KIND_HEADING and not line.prose:
            yield Hit(line.start, line.end, f"文档在标题「{line.content[:20]}」之后就结束了：正文缺失{after}")
            return
        if line.ends in MID_SENTENCE or line.ends in (END_SEMI, END_COLON, END_OPEN):
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
