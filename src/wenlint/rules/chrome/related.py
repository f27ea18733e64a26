"""CH020: the 推荐阅读/相关文章/热门推荐 block: its header line and the list of titles under it."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import ENUMERATOR, Claims, line_hit, pack_flags_line, short_lines
from ... import lazyre

HEADERS = (
    "推荐阅读", "相关阅读", "延伸阅读", "扩展阅读", "拓展阅读", "相关文章", "相关推荐", "热门推荐",
    "热门文章", "热门阅读", "精彩推荐", "精彩阅读", "猜你喜欢", "你可能喜欢", "你可能还喜欢",
    "你可能感兴趣", "您可能喜欢", "您可能还喜欢", "您可能感兴趣", "推荐访问", "相关搜索", "热门搜索",
    "相关范文", "相关文档", "更多相关", "最新文章", "最新推荐", "最近更新", "最新更新", "推荐文章",
    "热点文章", "随机文章", "为你推荐", "为您推荐", "大家都在看", "看了本文的人还看了",
    "看了该文章的人还看了", "相关链接", "相关专题", "同类文章", "本文相关", "更多范文", "更多精彩",
    # the same headers on Traditional-script sites
    "推薦閱讀", "相關閱讀", "延伸閱讀", "相關文章", "相關推薦", "熱門推薦", "熱門文章", "猜你喜歡", "推薦訪問",
    "相關搜索", "熱門搜索", "最新文章", "為你推薦", "為您推薦",
)
_KW = "|".join(sorted(HEADERS, key=len, reverse=True))
CANDIDATE = lazyre.compile(_KW)

# Titles of documents: a header may be prefixed with the page title (【…】推荐阅读:), or with an
# unbracketed title that ends like a title (…工作总结相关文章:).
GENRE = (
    "总结|计划|报告|方案|心得|体会|范文|讲话|发言|致辞|演讲稿|讲稿|材料|汇报|述职|意见|制度|通知|"
    "合集|精选|大全|模板|范例|感想|小结|规划|措施|简报|决定|规定|办法|细则|预案|倡议书|申请书|"
    "承诺书|责任书|保证书|总结稿|发言稿|主持词|串词|祝词|贺词|对照|剖析|检查|自查|分析|调研"
)
HEADER_LINE = lazyre.compile(
    r"(?:(?P<title>【[^】]{1,80}】|\[[^\]]{1,80}\]|《[^》]{1,80}》)|(?P<prefix>[^\s，。；;,:：]{1,40}?))?"
    r"[^\S\n]*[►▶>»·•\-—=*#|【\[]*[^\S\n]*"
    rf"(?P<kw>{_KW})"
    r"[^\S\n]*[】\]]?[^\S\n]*(?P<colon>[:：]|>>|»)?[^\S\n]*(?P<rest>.*)"
)
PREFIX_OK = lazyre.compile(rf"(?:{GENRE}|网|站)$")
DECORATION = lazyre.compile(r"(?:更多|more|MORE|More)?[ \t\u00a0\u3000>»›\-—+]*")
SENTENCE = lazyre.compile(r"[。！？!?；;]")

# A listed title: ends (or starts) with a date such as 03-27, 2023-03-27, (03-27), [2023/3/27].
DATED = lazyre.compile(
    r"(?:^[\[【(（]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）]?)"
    r"|(?:[\[【(（]?(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?$)"
)
BULLET = lazyre.compile(r"[·•●○◆◇▪■□►▶»›\-*>]")
TITLE_END = lazyre.compile(rf"(?:{GENRE})(?:[(（][^)）]{{1,12}}[)）])?$")
TITLE_PUNCT = lazyre.compile(r"[，,。；;：:！？!?]")
MAX_ITEMS = 40


def _item_kind(line: str) -> str | None:
    """'dated', 'bullet', 'plain' for a line that can be a listed title; None otherwise."""
    s = line.strip()
    if not 2 <= len(s) <= 80 or SENTENCE.search(s):
        return None
    if DATED.search(s):
        return "dated"
    if ENUMERATOR.match(s) or TITLE_PUNCT.search(s):
        return None
    if BULLET.match(s) and len(s) > 2:
        return "bullet"
    if len(s) >= 4 and TITLE_END.search(s):
        return "plain"
    return None


def _is_text(doc, lines: list[str], j: int) -> bool:
    return header(lines[j]) is None and not pack_flags_line(doc, j)


def header(line: str) -> re.Match | None:
    """The match of a related-list header line, or None."""
    m = HEADER_LINE.fullmatch(line.strip())
    if m is None:
        return None
    prefix = m.group("prefix")
    if prefix and not (m.group("colon") and PREFIX_OK.search(prefix)):
        return None
    rest = m.group("rest")
    if rest:
        if not m.group("colon"):
            if not DECORATION.fullmatch(rest):
                return None
        elif SENTENCE.search(rest) or len(rest) > 160:
            return None
    return m


def detect(doc, claims: Claims) -> list:
    lines = doc.lines
    view = short_lines(doc)
    hits = []
    done = -1
    for i in view.candidate_lines(CANDIDATE):
        if i <= done:
            continue
        m = header(lines[i])
        if m is None or not claims.line_free(i):
            continue
        kw = m.group("kw")
        items: list[tuple[int, str]] = []
        j = i + 1
        while j < len(lines) and len(items) < MAX_ITEMS:
            if not lines[j].strip():
                j += 1
                continue
            kind = _item_kind(lines[j])
            if kind is None:
                break
            items.append((j, kind))
            j += 1
        if any(kind == "dated" for _, kind in items):
            while items and items[-1][1] == "plain":
                items.pop()
        elif items and items[-1][1] == "plain" and j < len(lines) and _is_text(doc, lines, j):
            # Undated titles followed by text: the last one is the heading of that text.
            items.pop()
        hits.append(line_hit(doc, i, f"这一行是网站的“{kw}”栏目标题，不是正文：请删除这一行（连同下面列出的文章标题）"))
        claims.claim_line(i, RelatedList.code)
        for k, _ in items:
            if claims.line_free(k):
                hits.append(line_hit(doc, k, f"这一行是网站“{kw}”栏目列出的其他文章标题，不是正文：请删除这一行"))
                claims.claim_line(k, RelatedList.code)
            done = k
    hits.extend(_headless(doc, claims))
    return hits


# A listed title with the web's date glued to its end (收费公路亏在哪2015/07/01, …工作总结03-27): the
# date of a listing, not of a sentence (those are written 2015年7月1日).
GLUED_DATE = lazyre.compile(r"(?<=[\u3400-\u9fff”」》）)A-Za-z])(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}$")
HEADLESS_MIN = 3


def _headless(doc, claims: Claims) -> list:
    """Three or more consecutive titles, each ending in a glued date, without a header."""
    lines = doc.lines
    hits, run = [], []

    def flush():
        if len(run) >= HEADLESS_MIN:
            for k in run:
                if claims.line_free(k):
                    hits.append(line_hit(doc, k, HEADLESS_MESSAGE))
                    claims.claim_line(k, RelatedList.code)
        run.clear()

    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        # (A glued date ends the line: a line that does not end in a digit is not searched.)
        if len(s) <= 80 and s[-1].isdecimal() and GLUED_DATE.search(s) and not SENTENCE.search(s) and len(GLUED_DATE.sub("", s)) >= 6:
            run.append(i)
        else:
            flush()
    flush()
    return hits


HEADLESS_MESSAGE = "这一行是网站列出的其他文章标题（标题后面紧跟着发布日期），不是正文：请删除这一行"


class RelatedList(Rule):
    code = "CH020"
    name = "related-list"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "“推荐阅读/相关文章/热门推荐”栏目和它下面列出的文章标题"
    why = (
        "模板网站在文章末尾附上“推荐阅读”“相关文章”等栏目，列出站内其他文章的标题和日期。"
        "复制时这些标题被当成了正文，读者会以为它们是文档的一部分。"
    )
    bad = "【2023年社区工作总结】推荐阅读:\n社区党支部工作总结03-27\n社区文明创建工作计划12-05"
    good = "各地积极推荐了一批先进典型：\n社区党支部书记张某某\n社区志愿者李某某"
    fix_doc = "删除栏目标题行和其下每一行文章标题（--fix 自动删除），正文不动。"
    fix_safety = "safe"
    specs = (
        Spec(
            "县总工会工作总结\n\n【2024—2011年创建“文明机关”工作总结】推荐阅读:\n国土局文明机关创建工作总结03-27\n"
            "创建文明和谐机关12-05\n××年上半年创建文明单位工作总结07-23",
            ("【2024—2011年创建“文明机关”工作总结】推荐阅读:", "国土局文明机关创建工作总结03-27",
             "创建文明和谐机关12-05", "××年上半年创建文明单位工作总结07-23"),
            fixed="县总工会工作总结\n\n",
        ),
        Spec(
            "相关文章：\n\n· 2023年妇联工作总结\n· 乡镇妇联工作计划范文\n\n相关搜索 » 妇联 工作总结 2023",
            ("相关文章：", "· 2023年妇联工作总结", "· 乡镇妇联工作计划范文", "相关搜索 » 妇联 工作总结 2023"),
            fixed="\n\n",
        ),
        Spec(
            "推荐访问:江苏省 总工会 工作总结 江苏省总工会工作总结\n\n版权所有:阿达秘书网",
            ("推荐访问:江苏省 总工会 工作总结 江苏省总工会工作总结",),
        ),
        Spec(
            "猜你喜欢\n[2023-02-14] 学校安全工作总结\n[2023-02-13] 教师个人工作计划\n一、指导思想\n坚持以人为本。",
            ("猜你喜欢", "[2023-02-14] 学校安全工作总结", "[2023-02-13] 教师个人工作计划"),
        ),
        Spec(
            "相关文章\n2023年工会工作计划\n学校工会工作总结\n今年以来，我校工会在上级工会的正确领导下，认真开展各项工作。",
            ("相关文章", "2023年工会工作计划"),
            note="undated titles followed by text: the last one is that text's heading",
        ),
        Spec(
            "要想富，先修路，高速公路适度超前发展有其必要。\n收费公路亏在哪，要让公众看得清2015/07/01\n"
            "收费公路缘何屡陷巨亏漩涡2015/07/01\n全国收费公路去年亏1571亿2015/07/01\n",
            ("收费公路亏在哪，要让公众看得清2015/07/01", "收费公路缘何屡陷巨亏漩涡2015/07/01",
             "全国收费公路去年亏1571亿2015/07/01"),
            note="titles with glued dates need no header",
        ),
        Spec(
            "大事记\n国务院常务会议审议通过2015年7月1日\n2015/07/01 全省防汛工作会议召开\n"
            "项目批复文号：发改投资2015-12\n两份文件先后印发。\n收费公路亏在哪2015/07/01\n收费公路缘何屡陷巨亏漩涡2015/07/01",
            (),
            note="a chronology writes the date first or in words; two dated titles are not a list",
        ),
        Spec(
            "各地积极推荐了一批先进典型，推荐阅读书目100种。\n热门推荐活动效果良好\n组织开展“推荐阅读”活动：\n"
            "一是精选书目；二是开展评比。\n相关文章内容已报县委。",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
