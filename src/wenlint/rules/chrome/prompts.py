"""CH016: follow, subscribe and QR-code prompts of WeChat accounts and news sites, also inside a
line of text: 长按识别二维码, 点击上方蓝字关注, 请关注公众号【…】, 微信号：abc123, 请加入成为…订户.

A prompt is one clause (up to the next 。！？★▲ or the line's end) that matches a prompt pattern;
the clause is reported. When the clause is the whole line, the fix deletes the line; inside a line of
text there is no fix (the sentence around it may need rewording)."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_or_span_hit, sentence_span

LITERALS = re.compile("二维码|關注|关注|公众号|公眾號|微信号|微信號|ID|訂戶|订户|订阅|訂閱")
PROMPT = re.compile(
    r"(?:长按|長按|扫描|掃描|扫一扫|掃一掃|识别|識別)[^。！？!?\n]{0,12}二维码"
    r"|点击[^。！？!?\n]{0,8}(?:蓝字|蓝色字体|上方|标题下)[^。！？!?\n]{0,20}(?:关注|订阅)"
    r"|(?:关注|關注)[^。！？!?\n]{0,6}(?:公众号|公眾號)[^。！？!?\n]{0,3}[:：【“「]"
    r"|(?:微信号|微信號|微信ID|公众号ID|(?<![A-Za-z])ID)[ \t]*[:：][ \t]*[A-Za-z][A-Za-z0-9_\-]{4,}"
    r"|(?:加入|成为|成為)[^。！？!?\n]{0,12}(?:订户|訂戶)"
    r"|(?:订户|訂戶|订阅|訂閱)[^。！？!?\n]{0,6}(?:网址|網址|https?://)[^。！？!?\n]{0,8}[:：]?[^。！？!?\n]{0,60}subscribe"
)
BOUNDARY = "。！？!?★▲\n"
LEFT_BOUNDARY = BOUNDARY + "~～：:"
GLUE = " \t\u3000▲★▼"
REACH = 60
MESSAGE = "「{}」是公众号或网站的关注、订阅、扫码提示，不是正文：请删除"
LINE_MESSAGE = "这一行是公众号或网站的关注、订阅、扫码提示，不是正文：请删除这一行"


def detect(doc, claims: Claims) -> list:
    text = doc.text
    spans: list[tuple[int, int]] = []
    last = -1
    for lit in LITERALS.finditer(text):
        if lit.start() < last:
            continue
        m = next(
            (m for m in PROMPT.finditer(text, max(0, lit.start() - 30), lit.end() + 80)
             if m.start() <= lit.start() < m.end()),
            None,
        )
        if m is None:
            continue
        a, b = sentence_span(text, m.start(), m.end(), REACH, BOUNDARY, LEFT_BOUNDARY)
        last = b
        if spans and (a <= spans[-1][1] or not text[spans[-1][1]:a].strip(GLUE)):
            # one prompt cut in two by the reach of a clause, or an account id and its QR prompt
            # joined by a ▲: one finding
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    hits = [line_or_span_hit(doc, claims, a, b, FollowPrompt.code, LINE_MESSAGE, MESSAGE) for a, b in spans]
    return [hit for hit in hits if hit is not None]


class FollowPrompt(Rule):
    code = "CH016"
    name = "follow-prompt"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "公众号和网站的关注、订阅、扫码提示（长按识别二维码、点击上方蓝字关注、微信号：abc123）"
    why = (
        "从公众号或新闻网站转来的文章常带着“长按识别二维码关注”“点击上方蓝字关注我们”“微信号：xxx”"
        "“请加入成为月费订户”之类的提示，有时就夹在正文段落里。它们是给原平台拉读者的，不是文章内容。"
        "只认提示的句式（长按/扫描…二维码、点击上方…关注、关注公众号：、微信号：字母编号、成为…订户），"
        "不报告正文里谈到二维码、关注、订阅的句子。"
    )
    bad = "今天的分享就到这里。长按识别二维码，关注我们！"
    good = "各地加强对网络订阅服务的监管，群众关注的问题得到解决。"
    fix_doc = "删除提示（独占一行时 --fix 整行删除；夹在句子里的要人工删除）。"
    fix_safety = "safe"
    specs = (
        Spec("今天的分享就到这里。长按识别二维码，关注我们！", ("长按识别二维码，关注我们！",)),
        Spec(
            "点击上方蓝字“金融自媒体”快速关注\n正文第一段。\n育儿新起点 微信号：yewk123\n"
            "請加入成為眾新聞的月費訂戶，長期支持我們的工作。",
            ("点击上方蓝字“金融自媒体”快速关注", "育儿新起点 微信号：yewk123", "請加入成為眾新聞的月費訂戶，長期支持我們的工作。"),
            fixed="正文第一段。\n",
        ),
        Spec(
            "各地加强对网络订阅服务的监管，群众关注的问题得到解决。\n二维码识别技术在物流行业得到应用。\n"
            "项目编号 ID: 2023-001\n关注民生，办好实事。",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
