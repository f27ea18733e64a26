"""CH023: web addresses a website injected into the text: `原创:http://` in the middle of a
sentence, `本文链接：http://…`, an address glued between two Chinese characters, a line holding only
an address. A reference a writer put there on purpose (`详见 http://www.gov.cn/…`, `报名网址：…`)
stays quiet."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_hit, rest_is_empty, span_hit
from .lines import is_page

URL = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
HOST = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://)?(?:www\.)?[A-Za-z0-9\-]+\.[A-Za-z0-9\-.]+")
TRAILING = ".,;:!?)'"
# Labels a website puts before an address; 网址：/链接： are also how a notice gives a real address.
LABEL = re.compile(
    r"(?:原创|原文链接|原文地址|本文链接|本文地址|本文网址|文章链接|文章地址|文章来源|本文来源|来源|转载自|出处)"
    r"[^\S\n]*[:：][^\S\n]*$"
)
# Labels of a citation: in an edited document (来源：https://…, 原文地址：…) the writer names a source;
# only in a captured page are they the site's.
CITATION = re.compile(r"(?:原文链接|原文地址|文章来源|本文来源|来源|转载自|出处)[^\S\n]*[:：][^\S\n]*$")


def _han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"

MESSAGE = "「{}」是网站插进正文的网址或来源标记，不是正文：请删除"
LINE_MESSAGE = "这一行是网站留下的网址（或来源链接），不是正文：请删除这一行"


def _urls(text: str):
    """URL matches, found from the literals `://` and `www.` (a search for the pattern itself would
    try every position of the text)."""
    starts = set()
    for literal, back in (("://", 5), ("www.", 0)):
        pos = text.find(literal)
        while pos >= 0:
            lo = max(0, pos - back)
            m = URL.search(text, lo, pos + len(literal) + 1 + 2048)
            if m is not None and m.start() <= pos and m.start() not in starts:
                starts.add(m.start())
            pos = text.find(literal, pos + len(literal))
    last = -1
    for start in sorted(starts):
        if start < last:
            continue
        m = URL.match(text, start)
        if m is not None:
            last = m.end()
            yield m


def detect(doc, claims: Claims) -> list:
    text, lines = doc.text, doc.lines
    hits = []
    for m in _urls(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in TRAILING:
            end -= 1
        if end <= start:
            continue
        url = text[start:end]
        i = doc.line_index(start)
        base = doc.line_starts[i]
        line = lines[i]
        col, end_col = start - base, end - base
        before = line[:col]
        label = LABEL.search(before)
        if label is not None and CITATION.search(before) and not is_page(doc):
            label = None
        span_start = base + label.start() if label else start
        # 原创:  <line break>  http://…: the label ends the previous line.
        if label is None and not before.strip() and i > 0:
            prev = LABEL.search(lines[i - 1])
            if prev is not None and lines[i - 1][: prev.start()].strip():
                s = doc.line_starts[i - 1] + prev.start()
                if claims.span_free(s, end):
                    hits.append(span_hit(doc, s, end, MESSAGE.format(text[s:end].replace("\n", ""))))
                    claims.claim_span(s, end)
                continue
        rest = line[: span_start - base] + line[end_col:]
        hostless = HOST.match(url) is None
        if rest_is_empty(rest):
            # In an edited document (a project report, a software manual) an address on its own
            # line is content; in a captured page, or without a host (http:// alone), it is not.
            if label is None and not hostless and not is_page(doc):
                continue
            if claims.line_free(i):
                hits.append(line_hit(doc, i, LINE_MESSAGE))
                claims.claim_line(i, StrayUrl.code)
            continue
        glued = (
            col > 0 and end_col < len(line) and _han(line[col - 1]) and _han(line[end_col])
        )
        if label is None and not hostless and not glued:
            continue  # an address the writer gave on purpose
        if claims.span_free(span_start, end):
            hits.append(span_hit(doc, span_start, end, MESSAGE.format(text[span_start:end])))
            claims.claim_span(span_start, end)
    return hits


class StrayUrl(Rule):
    code = "CH023"
    name = "stray-url"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网站插进正文的网址（原创:http://）"
    why = (
        "有的网站在文章中间插入“原创:http://…”之类的来源链接防止转载，复制后这些网址把句子断开了。"
        "独占一行的网址也是网页带来的。作者有意给出的网址（详见 http://…）不在此列。"
    )
    bad = "工会以关心职工生活为主题,原创:http://都分别组织开展了文体活动。"
    good = "详细办事指南见县政府网站 http://www.example.gov.cn/bszn/ 。"
    fix_doc = "删除网址及其前面的“原创:”等标记（--fix 自动删除），句子其余部分不变。"
    fix_safety = "safe"
    specs = (
        Spec(
            "工会以关心职工生活为主题,原创:http://都分别组织开展了文体活动。",
            ("原创:http://",),
            fixed="工会以关心职工生活为主题,都分别组织开展了文体活动。",
        ),
        Spec(
            "不断研究新情况,原创:\nhttp://提出新举措,解决新问题。",
            ("原创:\nhttp://",),
            fixed="不断研究新情况,提出新举措,解决新问题。",
        ),
        Spec(
            "本文链接：https://www.haofanwen.cn/zongjie/12345.html\n进一步完善www.fanwen123.com各项制度。\n"
            "http://\n",
            ("本文链接：https://www.haofanwen.cn/zongjie/12345.html", "www.fanwen123.com", "http://"),
        ),
        Spec(
            "详细办事指南见县政府网站 http://www.example.gov.cn/bszn/ 。\n报名网址：https://bm.example.org.cn\n"
            "开通了由专人负责的龙湾人力资源网站，网站建设作为主阵地。",
            (),
        ),
        Spec("[办事指南](http://www.example.gov.cn/bszn/)见县政府网站。", (), format="markdown"),
        Spec("> 来源：https://dang.ai/ai-graveyard\n原文地址：https://www.consul.io/docs/intro/vs/serf\n", (),
             format="markdown", note="a report cites its sources"),
        Spec(
            "二、项目成果\n本年度开源社区年会的全部视频已经上线。\nhttps://kaiyuanshe.cn/activity/summit/\n"
            "软件下载地址：\nhttp://www.example.org/download/tool-2.1.zip\n",
            (),
            note="an edited report: addresses on their own lines are content",
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
