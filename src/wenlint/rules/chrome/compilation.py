"""CH022: markers of a website compilation: 【篇1】, 篇一：, (共7篇) / (精选5篇) in a title, and a
title that ends in a count (2021江苏省总工会工作总结3篇).

Whether the count matches the sections is the number family's business (NM); this rule only
removes the markers."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import ENUMERATOR, Claims, line_hit, rest_is_empty, span_hit

_NUM = "[0-9一二三四五六七八九十百两]+"
# 【篇1】 [篇一] 【第2篇】 at any place of a line
SECTION = re.compile(rf"[【\[]\s*(?:篇\s*{_NUM}|第\s*{_NUM}\s*篇)\s*[】\]]")
# 篇一： / 第二篇： / 篇三 学校安全工作总结 at the start of a line
LEADING = re.compile(rf"[^\S\n]*(?:篇{_NUM}|第{_NUM}篇)(?:[^\S\n]*[:：][^\S\n]*|(?P<space>[^\S\n]+))")
# (共7篇) （精选5篇） 【通用10篇】 (3篇)
BRACKET_COUNT = re.compile(
    rf"[^\S\n]*[（(【\[][^\S\n]*(?:共|精选|通用|汇总|合集|优选|推荐|热门|最新|优秀|集锦|荟萃|精编|整理)?"
    rf"[^\S\n]*{_NUM}[^\S\n]*篇[^\S\n]*(?:范文|精选|合集|汇总|大全)?[^\S\n]*[）)】\]]"
)
GENRE = (
    "总结|计划|报告|方案|心得|体会|范文|讲话|发言|致辞|演讲稿|讲稿|材料|汇报|述职|意见|制度|通知|合集|"
    "大全|模板|范例|感想|小结|规划|措施|简报|决定|办法|预案|倡议书|申请书|承诺书|责任书|发言稿|主持词|"
    "对照材料|剖析材料|自查报告|剖析|思想汇报|党课|讲稿"
)
GENRE_END = re.compile(rf"(?:{GENRE})$")
# 2021江苏省总工会工作总结3篇 / 工作总结范文5篇 / …心得体会精选6篇
TRAILING_COUNT = re.compile(
    rf"(?:{GENRE})(?:范文|精选|大全|汇编|合集|汇总)?"
    rf"(?P<count>[^\S\n]*(?:精选|通用|优秀|热门|最新|优选)?{_NUM}篇(?:范文|精选|合集|汇总)?)[^\S\n]*$"
)
# Lines that report a number of documents rather than title a compilation.
VERBS = re.compile(
    "撰写|完成|发表|提交|上报|编写|形成|报送|其中|收到|征集|刊发|刊登|录用|获奖|评出|写出|写作|撰稿|投稿|"
    "采用|印发|下发|制定|出台|整理出|编发|编印|刊出|读书"
)
COUNTING = re.compile("共|累计|合计|全年|今年|本年|上半年|下半年")
TITLE_PUNCT = re.compile(r"[，,。；;：:！？!?]")
CANDIDATE = re.compile("篇")
TITLE_MAX = 60

SECTION_MSG = "「{}」是网站合集的分篇标记，不是正文：请删除"
SECTION_LINE_MSG = "这一行是网站合集的分篇标题（重复的合集标题加【篇N】），不是正文：请删除这一行"
COUNT_MSG = "「{}」是网站合集在标题里标注的篇数，不是标题的一部分：请删除"


def _title_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= TITLE_MAX and not TITLE_PUNCT.search(s) and not ENUMERATOR.match(s)


def _normal(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def compilation_title(lines: list[str]) -> str | None:
    """The compilation's own title: the first line with a count marker, without the marker."""
    for line in lines[:40]:
        s = line.strip()
        if not s or len(s) > TITLE_MAX:
            continue
        m = BRACKET_COUNT.search(s) or TRAILING_COUNT.search(s)
        if m is not None:
            count = m.group("count") if "count" in m.re.groupindex else m.group()
            start = m.start("count") if "count" in m.re.groupindex else m.start()
            return _normal(s[:start] + s[start + len(count):])
    return None


def _section_marker(line: str) -> tuple[int, int] | None:
    """The span of a 【篇1】 or leading 篇一： marker in `line`, or None."""
    m = SECTION.search(line)
    if m is not None:
        return m.start(), m.end()
    m = LEADING.match(line)
    if m is not None and m.end() < len(line.rstrip()):
        if m.group("space") is None or _title_like(line[m.end():]):
            return len(m.group()) - len(m.group().lstrip()), m.end()
    return None


def _next_is_heading(lines: list[str], i: int) -> bool:
    """Whether the next non-blank line after `i` is short (a title), not the text of a section."""
    for line in lines[i + 1 : i + 6]:
        s = line.strip()
        if s:
            return len(s) <= TITLE_MAX and s[-1] not in "。！？!?；;"
    return True


def detect(doc, claims: Claims) -> list:
    text, lines = doc.text, doc.lines
    if "篇" not in text:
        return []
    candidates: list[int] = []
    for m in CANDIDATE.finditer(text):
        i = doc.line_index(m.start())
        if not candidates or candidates[-1] != i:
            candidates.append(i)
    # Section markers. A marker line whose text only repeats the compilation title (the same text
    # after several markers, or the title itself) and is followed by the section's own heading is
    # an echo of the compilation: the whole line goes. Otherwise only the marker goes.
    sections: dict[int, tuple[int, int]] = {}
    title = compilation_title(lines)
    for i in candidates:
        span = _section_marker(lines[i])
        if span is None:
            continue
        # 【第一篇】 is also how a report names its parts; without a compilation title it is one
        # only when the text after it is a genre title (…工作总结).
        if "第" in lines[i][span[0]:span[1]] and title is None and not GENRE_END.search(lines[i][span[1]:].strip()):
            continue
        sections[i] = span
    rests: dict[str, int] = {}
    for i, (a, b) in sections.items():
        rest = _normal(lines[i][:a] + lines[i][b:])
        rests[rest] = rests.get(rest, 0) + 1
    hits = []
    for i in candidates:
        line = lines[i]
        start = doc.line_starts[i]
        if i in sections:
            a, b = sections[i]
            rest = _normal(line[:a] + line[b:])
            echo = rests.get(rest, 0) >= 2 or (title is not None and rest == title)
            if rest_is_empty(rest) or (echo and _next_is_heading(lines, i)):
                if claims.line_free(i):
                    hits.append(line_hit(doc, i, SECTION_LINE_MSG))
                    claims.claim_line(i, CompilationMarker.code)
                continue
            s, e = start + a, start + b
            if claims.span_free(s, e):
                hits.append(span_hit(doc, s, e, SECTION_MSG.format(line[a:b].strip())))
                claims.claim_span(s, e)
            continue
        if not _title_like(line) or VERBS.search(line):
            continue
        m = BRACKET_COUNT.search(line)
        if m is not None:
            s, e = start + m.start(), start + m.end()
        else:
            m = TRAILING_COUNT.search(line)
            if m is None or COUNTING.search(line[: m.start("count")]):
                continue
            s, e = start + m.start("count"), start + m.end("count")
        if s < e and claims.span_free(s, e):
            hits.append(span_hit(doc, s, e, COUNT_MSG.format(doc.text[s:e].strip())))
            claims.claim_span(s, e)
    return hits


class CompilationMarker(Rule):
    code = "CH022"
    name = "compilation-marker"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网站合集的标记（【篇1】、篇一：、标题里的“(共7篇)”“…工作总结3篇”）"
    why = (
        "文档网站把几篇文章拼成一个合集，在标题上标“(共7篇)”“3篇”，在每篇前面加“【篇1】”和合集标题。"
        "这些标记不属于任何一篇文章；用其中一篇时应当去掉。"
    )
    bad = "2021江苏省总工会工作总结3篇\n\n【篇1】2021江苏省总工会工作总结\n\n市总工会上半年工作总结"
    good = "今年机关干部平均每人写体会文章4篇，理论文章1篇。"
    fix_doc = "删除标记（--fix 自动删除）：篇数和【篇N】只删标记本身；只剩合集标题的【篇N】行整行删除。"
    fix_safety = "safe"
    specs = (
        Spec(
            "2021江苏省总工会工作总结3篇\n\n【篇1】2021江苏省总工会工作总结\n\n市总工会上半年工作总结\n\n"
            "【篇2】2021江苏省总工会工作总结\n\n县总工会工作总结4篇",
            ("3篇", "【篇1】2021江苏省总工会工作总结", "【篇2】2021江苏省总工会工作总结", "4篇"),
            fixed="2021江苏省总工会工作总结\n\n\n市总工会上半年工作总结\n\n\n县总工会工作总结",
        ),
        Spec(
            "2024—2011年创建“文明机关”工作总结(共7篇)\n2009-2010创建文明机关工作总结",
            ("(共7篇)",),
            fixed="2024—2011年创建“文明机关”工作总结\n2009-2010创建文明机关工作总结",
        ),
        Spec(
            "【篇一】学校安全工作总结\n正文。\n【篇二】幼儿园安全工作总结\n正文。\n"
            "篇三：社区安全工作总结\n教师述职报告（精选5篇）\n党员个人对照检查材料范文6篇",
            ("【篇一】", "【篇二】", "篇三：", "（精选5篇）", "6篇"),
        ),
        Spec(
            "今年机关干部平均每人记学习笔记近3万字，写体会文章4篇，理论文章1篇。\n撰写调查报告2篇\n"
            "3、完成课题研究报告3篇\n全年共编发简报12篇\n开篇\n篇幅较长的报告",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
