"""CH025: a short line naming a known template or document-sharing website (the list is
rules/data/chrome-sites.toml; users add names with `extra-sites` under [tool.wenlint.chrome])."""

from __future__ import annotations

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import ENUMERATOR, Claims, line_hit, short_lines, sites_pattern

MAX_LEN = 60
MESSAGE = "这一行提到文档网站「{}」，是从网页带来的内容，不是正文：请删除这一行"


def detect(doc, claims: Claims, extra: tuple[str, ...] = ()) -> list:
    pattern = sites_pattern(extra)
    view = short_lines(doc)
    lines = doc.lines
    hits = []
    seen = set()
    for m in pattern.finditer(view.text):
        i = view.line_of(m.start())
        if i in seen:
            continue
        seen.add(i)
        s = lines[i].strip()
        if len(s) > MAX_LEN or ENUMERATOR.match(s) or not claims.line_free(i):
            continue
        hits.append(line_hit(doc, i, MESSAGE.format(m.group())))
        claims.claim_line(i, SiteName.code)
    return hits


class SiteName(Rule):
    code = "CH025"
    name = "site-name"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "提到已知文档网站名称的短行（本文来自第一范文网）"
    why = (
        "模板和文档分享网站（范文网、秘书网、文库之类）会在页面各处署上自己的名字。"
        "一行很短的文字里出现这些网站的名字，几乎总是网页带来的，而不是文档内容。"
    )
    bad = "更多精品范文尽在第一范文网"
    good = "我局在市直各部门中第一家建立了自己的网站。"
    fix_doc = "删除整行（--fix 自动删除）。名单见 rules/data/chrome-sites.toml，可用 extra-sites 选项补充。"
    fix_safety = "safe"
    specs = (
        Spec(
            "更多精品范文尽在第一范文网\n工作总结 - 橙子范文网\n[阿达秘书网]\n正文。",
            ("更多精品范文尽在第一范文网", "工作总结 - 橙子范文网", "[阿达秘书网]"),
            fixed="正文。",
        ),
        Spec(
            "红星公文站整理发布\n正文。",
            ("红星公文站整理发布",),
            options={"extra-sites": ["红星公文站"]},
        ),
        Spec(
            "我局在市直各部门中第一家建立了自己的网站。\n二、百度文库资源建设\n开通了由专人负责的龙湾人力资源网站",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
