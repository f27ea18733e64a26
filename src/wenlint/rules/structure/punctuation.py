"""ST001 doubled punctuation (`,、` `。。` `，，`) and ST003 a line that starts with a closing mark.
(Spaces next to punctuation are in `spacing`.)"""

from __future__ import annotations

from itertools import chain

from ...findings import Edit, Fix, Hit
from ..base import Rule, Spec
from ._layout import SPACES, layout
from ... import lazyre

PAUSES = "，,、；;：:。"
_RUN = lazyre.compile(r"[，,、；;：:。](?:[ \t\u3000\xa0]*[，,、；;：:。])+")
# Where a run may start: a mark followed by a mark or a space (a third less work for the engine
# than trying `_RUN` at every mark).
_RUN_START = lazyre.compile(r"[，,、；;：:。][ \t\u3000\xa0，,、；;：:。]")


def runs(text: str):
    """The matches of `_RUN.finditer(text)`."""
    end = 0
    match = _RUN.match
    for candidate in _RUN_START.finditer(text):
        start = candidate.start()
        if start < end:
            continue
        m = match(text, start)
        if m:
            end = m.end()
            yield m
# A colon between digits is a time (10:30), a colon before // a URL; neither is punctuation here.
_NOT_PUNCT = lazyre.compile(r"[0-9]:[0-9]|:/")
# After a Han character: a question mark doubled (？？), an ellipsis longer than one (…………),
# written with full-width dots (．．．), or followed by a dot (….). (…。 closing a quotation that
# leaves words out, `……。」`, is the usual way to quote.)
_ELLIPSIS_RUNS = lazyre.compile(
    r"(?<=[\u4e00-\u9fff])(?:？？+|\?\?+(?![\w=&])|…{3,}|．{2,}|…+[．.](?![.．。…]))"
)
# What each of those runs holds: a text without one of these has none of them.
_ELLIPSIS_SIGN = lazyre.compile(r"？？|\?\?|………|．．|…[．.]")


# Hyphens standing for a dash (吸收--身体, 文章-------公众号, 19:30---20:30): two or more between
# Chinese text or numbers. Not: `-->` (an arrow), `--base_model` (an option), a line of hyphens
# (a separator, Markdown's rule or a setext underline), a hyphen at the start of a line (a list).
_DASH_RUN = lazyre.compile(
    r"(?<=[\u4e00-\u9fff0-9”’」』》）】：。，])-{2,}(?=[\u4e00-\u9fff0-9“‘「『《（【])"
)
# (`--+`, not `-{2,}`: `re` skips ahead to a literal a pattern starts with, not to a repetition)
_HYPHENS = lazyre.compile(r"--+")
# ASCII full stops standing for an ellipsis inside Chinese text (这样的.... 还没睡醒); not the dot
# leaders of a table of contents, which end in a page number (指导思想........ 2), nor the dots
# that end a line (a title a web page cut short, 正在加载...: page furniture, not the author's).
_DOT_RUN = lazyre.compile(r"(?<=[\u4e00-\u9fff])\.{3,}(?![ \t.]*(?:[0-9]|\n|$))")


def _han_line(text: str, start: int, end: int) -> bool:
    """Is there a Han character near text[start:end] on its line?"""
    lo = max(text.rfind("\n", 0, start) + 1, start - 20)
    hi = text.find("\n", end)
    hi = min(hi if hi >= 0 else len(text), end + 20)
    return any("\u4e00" <= c <= "\u9fff" for c in text[lo:hi])


def _han_before(text: str, i: int) -> bool:
    """Is the last character before `i`, blanks skipped, a Han character?"""
    i -= 1
    while i >= 0 and text[i] in " \t\u3000\xa0":
        i -= 1
    return i >= 0 and "\u4e00" <= text[i] <= "\u9fff"


_NAMES = {
    "，": "逗号", ",": "逗号", "、": "顿号", "；": "分号", ";": "分号", "：": "冒号", ":": "冒号", "。": "句号",
}


class DoubledPunctuation(Rule):
    code = "ST001"
    name = "doubled-punctuation"
    category = "structure"
    severity = "warning"
    summary = "标点重复或叠用（,、 。。 ，，）"
    why = (
        "连着两个停顿或句末标点（`当好主力军,、建功十一五`、`。。`、`，，`）是编辑或拼接时留下的，"
        "其中一个是多余的。用三个以上句号或全角点代替省略号（`。。。`、`．．．`）、省略号写得过长（`…………`）"
        "或后面又加句号（`…。`）、问号重复（`？？`）都不合规范。"
        "用几个连字符代替破折号（`吸收--身体`、`文章-------公众号`、`19:30---20:30`）、"
        "在句中用英文句点代替省略号（`这样的.... 还没睡醒`）也一样。"
        "不报告：`……`、`——`、`？！`、句号后的引号（`。”`）、表示强调的 `！！`、"
        "时间里的冒号（10:30）和网址里的冒号（http://）；整行的连字符（分隔线、Markdown 的 `---`）、"
        "行首的 `--`（列表）、箭头 `-->`、命令行选项 `--help`；目录里引到页码的点线（`指导思想........ 2`）、"
        "行尾的 `...`（网页截短的标题、`正在加载...`）。"
    )
    bad = "特别是4月27日省总召开的庆祝五一暨“当好主力军,、建功十一五”动员大会。"
    good = "特别是4月27日省总召开的庆祝五一暨“当好主力军、建功十一五”动员大会。"
    fix_doc = (
        "保留一个标点。同一标点重复（`。。`、`，，`）保留一个，三个以上句号改为 `……`：这两种修正都是安全的，"
        "--fix 自动完成。两个不同的标点叠用（`,、`、`，。`）要由人判断保留哪一个：只给出建议（多半是后一个），"
        "不自动修改。"
    )
    fix_safety = "safe"
    specs = (
        Spec("当好主力军,、建功十一五", (",、",)),
        Spec("工作取得成效。。下一步", ("。。",), fixed="工作取得成效。下一步"),
        Spec("加强领导，，落实责任、、狠抓落实", ("，，", "、、"), fixed="加强领导，落实责任、狠抓落实"),
        Spec("困难还有很多。。。我们要", ("。。。",), fixed="困难还有很多……我们要"),
        Spec("会议定于10:30召开，地址见http://example.org。", ()),
        Spec("他说：“好。”我们……都来了——对吗？！", ()),
        Spec("真是太好了！！", ()),
        Spec("真的吗？？要拿下它的狗头…………上图重要．．．．．．环境….大部分", ("？？", "…………", "．．．．．．", "…."),
             fixed="真的吗？要拿下它的狗头……上图重要……环境……大部分"),
        Spec("他说：“这个……”。我们……都来了。What??不得科處死刑……。」", ()),
        Spec("Journal of History, in : , 11 (1959) 1: 23.", ()),
        Spec("建立职介所1个、培训基地2个，安置基地3个。", ()),
        Spec("它们最容易被吸收--身体可以轻易分解，课程时间19:30---20:30，据说每天是这样的.... 还没睡醒",
             ("--", "---", "...."), fixed="它们最容易被吸收--身体可以轻易分解，课程时间19:30---20:30，据说每天是这样的…… 还没睡醒"),
        Spec("------------------------------------------------\n今天-->阴天，只加载--base_model\n"
             "（一）指导思想....... 2\n评论加载中...\n  --林则徐", ()),
    )

    def check(self, doc, ctx):
        text = doc.text
        for m in runs(text):
            run = m.group()
            if _NOT_PUNCT.search(text[max(0, m.start() - 1) : m.end() + 1]):
                continue
            marks = [c for c in run if c not in SPACES]
            if all(c in ",;:." for c in marks) and not _han_before(text, m.start()):
                continue  # half-width marks in Latin text (a reference: `in : , 11 (1959)`)
            if set(marks) == {":"}:
                continue  # `:::` opens a Markdown container, `::` is code: not Chinese punctuation
            if len(set(marks)) == 1:
                mark = marks[0]
                if mark == "。" and len(marks) >= 3:
                    yield Hit(m.start(), m.end(), "用句号代替省略号：应写作「……」", "……",
                              Fix.replace(m.start(), m.end(), "……", "safe"))
                    continue
                yield Hit(m.start(), m.end(), f"{_NAMES[mark]}重复：保留一个「{mark}」", mark,
                          Fix.replace(m.start(), m.end(), mark, "safe"))
            else:
                keep = marks[-1]
                # Which of two different marks was meant needs a reader: a suggestion, no fix.
                yield Hit(m.start(), m.end(),
                          f"标点叠用「{''.join(marks)}」：只能保留一个（多半是「{keep}」）", keep)
        # The patterns below start with a look-behind, which is tried at every position: a text
        # without what a run must hold (`...`, `？？`…) is passed over without them, and a dash
        # run is tried only where a run of hyphens starts.
        for hyphens in _HYPHENS.finditer(text):
            m = _DASH_RUN.match(text, hyphens.start())
            if m and _han_line(text, m.start(), m.end()):
                yield Hit(m.start(), m.end(), f"用{len(m.group())}个连字符「-」代替破折号：应写作「——」（表示起止用「—」或「～」）",
                          "——")
        for m in _DOT_RUN.finditer(text) if "..." in text else ():
            yield Hit(m.start(), m.end(), "用英文句点代替省略号：应写作「……」", "……",
                      Fix.replace(m.start(), m.end(), "……", "safe"))
        for m in _ELLIPSIS_RUNS.finditer(text) if _ELLIPSIS_SIGN.search(text) else ():
            run = m.group()
            if run[0] in "？?":
                yield Hit(m.start(), m.end(), "问号重复：保留一个「？」", run[0],
                          Fix.replace(m.start(), m.end(), run[0], "safe"))
            else:  # ………… or ．．． or …。: one ellipsis is two … and nothing after it
                yield Hit(m.start(), m.end(), f"省略号写成了「{run}」：应写作「……」", "……",
                          Fix.replace(m.start(), m.end(), "……", "safe"))


_CLOSING = r"[ \t\u3000\xa0]*([，、；;。！？）)》」』”’】,])"
# At the start of the text, and after every line break: a pattern that starts with `^` is tried at
# every position, one that starts with a line break only where there is one.
_CLOSING_AT_TEXT_START = lazyre.compile(_CLOSING)
_CLOSING_AT_LINE_START = lazyre.compile("\n" + _CLOSING)


class ClosingMarkAtLineStart(Rule):
    code = "ST003"
    name = "closing-mark-at-line-start"
    category = "structure"
    reads = ("structure.layout",)
    severity = "info"
    summary = "行首是句末或收尾标点（。，”）等），上一行被错误断开"
    why = (
        "以 `。`、`，`、`”`、`）` 开头的行属于上一行：网页或 PDF 复制时恰好在标点前断了行，"
        "标点悬在下一行开头，上一句看起来没有结束。"
        "不报告：以破折号或省略号开头的行（`——摘自《讲话》`）、编号（`（一）`、`1)`）。"
    )
    bad = "全市共悬挂宣传横幅158条\n。宣传标语500余条。"
    good = "全市共悬挂宣传横幅158条。宣传标语500余条。"
    fix_doc = (
        "把标点接到上一行末尾。上一行紧挨着时是安全修正；中间隔着空行时是不安全修正（空行可能是有意分段）。"
    )
    fix_safety = "safe"
    specs = (
        Spec("全市共悬挂宣传横幅158条\n。宣传标语500余条。", ("。",),
             fixed="全市共悬挂宣传横幅158条。宣传标语500余条。"),
        Spec("坚持“组织起来，切实维权\n”的方针。", ("”",), fixed="坚持“组织起来，切实维权”的方针。"),
        Spec("今年以来成绩显著\n\n  ，得到了上级的肯定。", ("，",), fixed="今年以来成绩显著，得到了上级的肯定。"),
        Spec("……我们还有很长的路要走。\n——摘自《讲话》", ()),
        Spec("一、总体情况\n（一）基本情况", ()),
        Spec("1) 第一项\n2) 第二项", ()),
    )

    def check(self, doc, ctx):
        text = doc.text
        lay = None
        first = _CLOSING_AT_TEXT_START.match(text)
        for m in chain((first,) if first else (), _CLOSING_AT_LINE_START.finditer(text)):
            start = m.start(1)
            if lay is None:
                lay = layout(doc, ctx)
            index = doc.line_index(start)
            previous = None
            blank = False
            for line in reversed(lay.lines[:index]):
                if line.kind == "blank":
                    blank = True
                    continue
                if line.kind not in ("barrier", "page"):
                    previous = line
                break
            mark = m.group(1)
            message = f"行首是「{mark}」：它属于上一行的末尾，断行断错了位置"
            if previous is None:
                yield Hit(start, start + 1, message)
                continue
            fix = Fix((Edit(previous.end, start, ""),), "unsafe" if blank else "safe")
            yield Hit(start, start + 1, message + f"（与第{previous.index + 1}行合并）", None, fix)
