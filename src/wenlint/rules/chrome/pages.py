"""CH015: a page number in dashes (- 2 -, — 3 —, －4－) alone on a line, in a document that carries
website or template furniture. The same line in an official document converted from PDF is the
document's own layout (GB/T 9704 prints page numbers so): there it breaks a sentence, which the
structure rules report, but it is not website chrome, so this rule leaves it alone."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_hit, pack_flags_line
from .lines import is_page

DASHED = re.compile(r"[ \t\u00a0\u3000]*([-—－])[ \t\u00a0\u3000]*\d{1,4}[ \t\u00a0\u3000]*\1[ \t\u00a0\u3000]*")
# Lines of furniture, other than page numbers, that make a document a website's copy.
MIN_FURNITURE = 2
MESSAGE = "这一行是网站文档预览或转换留下的页码，不是正文：请删除这一行"


def detect(doc, claims: Claims) -> list:
    lines = doc.lines
    numbered = [i for i, line in enumerate(lines) if len(line) <= 20 and DASHED.fullmatch(line)]
    if not numbered:
        return []
    furniture = len(claims.lines) + sum(
        1 for i, line in enumerate(lines) if line.strip() and len(line) <= 120 and pack_flags_line(doc, i)
    )
    if furniture < MIN_FURNITURE and not is_page(doc):
        return []
    hits = []
    for i in numbered:
        if claims.line_free(i):
            hits.append(line_hit(doc, i, MESSAGE))
            claims.claim_line(i, PageNumber.code)
    return hits


class PageNumber(Rule):
    code = "CH015"
    name = "page-number"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网站文档里单独成行的页码（- 2 -、— 3 —），只在带着网站元素的文档里报告"
    why = (
        "文档分享网站的预览和 Word 转换会把页脚的页码“- 2 -”留成单独一行，夹在正文中间。"
        "只在文档同时带着网站或模板元素（下载提示、版权页脚、导航等）时报告；"
        "从 PDF 转来的公文自己的版式页码（— 2 —）不算网站内容，这里不报告（被它隔断的句子由结构规则报告）。"
    )
    bad = "乡镇安全生产工作方案（word版本可编辑）\n下载文档到电脑，查找使用更方便\nVIP会员专享免费下载\n- 1 -\n为切实做好全镇安全生产工作，特制定本方案。"
    good = "基本概念：利用人工智能技术开展医学影像检\n— 3 —\n分析，提高医学影像摄片质量。"
    fix_doc = "删除整行（--fix 自动删除）。"
    fix_safety = "safe"
    specs = (
        Spec(
            "下载文档到电脑，查找使用更方便\nVIP会员专享免费下载\n- 1 -\n正文。\n— 2 —\n－3－\n正文。",
            ("- 1 -", "— 2 —", "－3－"),
            fixed="下载文档到电脑，查找使用更方便\nVIP会员专享免费下载\n正文。\n正文。",
        ),
        Spec("关于印发实施方案的通知\n— 2 —\n各单位：\n— 3 —\n现印发给你们。", (),
             note="an official document's own page numbers"),
        Spec("下载文档到电脑，查找使用更方便\nVIP会员专享免费下载\n2009-2010\n—— 完 ——\n增长 - 3 - 5 个百分点\n-3", ()),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
