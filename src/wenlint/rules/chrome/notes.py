"""CH024: disclaimers and ownership notes that a website adds to what it publishes:
`(此文内容仅供参考,可自行修改)`, `(本文权属文秘之音所有,更多文章请登陆查看)`,
`本文来源于网络，如有侵权请联系删除`, `转载请注明出处`. A note alone on its line is a line
finding; a note inside a line of text is a span finding, and the fix deletes only the note."""

from __future__ import annotations

import re

from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_hit, rest_is_empty, span_hit

# What makes a bracket or a sentence a website note. Notes sit at the end of long paragraphs too, so
# this runs over the whole text: a plain alternation of literals (fast), each hit then confirmed by
# TRIGGER on the few characters around it.
LITERALS = re.compile("仅供|自行修改|权属|侵权|网络|原作者|登陆|登录|更多|转载请|权归|权益归|资源完全免费|本文|僅供|侵權|權屬|代表|声明|凡本|本公众号|本网|违反上述")
TRIGGER = re.compile(
    r"仅供(?:参考|学习|借鉴|交流)|僅供(?:參考|學習|借鑒|交流)|自行修改|权属|權屬|"
    r"(?:如有|若有|如涉及|如果有|如若)侵[权權]|侵[权權](?:请|請|必究|删|刪|联系|聯繫)|(?:来源于|来自|源于|转自|摘自)网络|原作者|"
    r"登[陆录](?:查看|本站|网站)|更多(?:文章|精彩|范文|资料|内容)|转载请|(?:版权|著作权|相关权益)归|资源完全免费|"
    r"本文档?(?:由|来自|转自|转载自|摘自|来源于|出自)|(?:仅|只)(?:代表|为)作者|不代表[^，,。\n]{0,8}(?:立场|观点|意见)"
    r"|本文(?:为|系)[^。\n]{0,30}授权|(?:免责|版权)声明[:：]|声明[:：](?=本文|本公众号|本网|本站)"
    r"|凡本(?:公众号|网站|网|站)|本(?:公众号|网站|网|站)(?:所刊登|所刊载|拥有|将依法|保留)|违反上述声明"
)
OPEN, CLOSE = "（(【[", "）)】]"
PAIRS = dict(zip(OPEN, CLOSE))
BRACKET_REACH = 60
# A sentence is a note when it starts like one; 以上数据仅供参考 (a report's own caveat) is not.
NOTE_SENTENCE = re.compile(
    r"[^\S\n]*(?:(?:以上|上述)?(?:本|此|该|該)?(?:文|文章|篇|资料|資料|文档|文檔|范文|範文|内容|內容|文内容|文內容)(?:内容|內容)?[仅僅]供"
    r"|(?:本文档?|(?:本|此|该)?文章)(?:由|来自|转自|转载自|摘自|来源于|出自|来源)[^。！？!?\n]{0,30}?"
    r"(?:网|站|文库|网友|用户|整理|发布|上传|投稿|分享)"
    r"|(?:如有|若有|如涉及|如果有|如若)(?:侵权|侵權|侵犯)|转载请|更多(?:文章|精彩|范文|资料|内容)"
    r"|(?:来源于|来自|源于|转自|摘自)网络|(?:版权|著作权)归|[^\s，,。]{0,8}(?:网|站)?(?:所有)?资源完全免费"
    r"|(?:本文|文章|以上内容|网友评论)(?:仅|只)?(?:代表|为|供)(?:作者|其)|本文(?:为|系)[^。！？!?\n]{0,30}授权"
    # a reposting account's or site's disclaimer: 免责声明：… 凡本公众号注明… 本网站所刊登的所有内容…
    r"|(?:免责|版权)?声明[:：](?=[^。！？!?\n]{0,4}(?:本|转载))|凡本(?:公众号|网站|网|站)"
    r"|本(?:公众号|网站|网|站)(?:所刊登|所刊载|拥有|将依法|保留)|违反上述声明)"
)
SENTENCE_END = re.compile(r"[。！？!?]")
OPENING = re.compile(r"(?:免责|版权)声明[:：]|凡本(?:公众号|网站|网|站)|本(?:公众号|网站|网|站)(?:所刊登|所刊载)")
MESSAGE = "「{}」是网站加的免责或版权说明，不是正文：请删除"
LINE_MESSAGE = "这一行是网站加的免责或版权说明，不是正文：请删除这一行"


def _bracket(line: str, pos: int) -> tuple[int, int] | None:
    """The bracket pair around `pos` in `line` (no other bracket in between), or None."""
    lo = max(0, pos - BRACKET_REACH)
    for a in range(pos - 1, lo - 1, -1):
        ch = line[a]
        if ch in CLOSE:
            return None
        if ch in OPEN:
            close = PAIRS[ch]
            hi = min(len(line), pos + BRACKET_REACH)
            for b in range(pos, hi):
                c = line[b]
                if c == close or (ch in "（(" and c in "）)"):
                    return a, b + 1
                if c in OPEN or c in CLOSE:
                    return None
            return None
    return None


def _sentence(line: str, pos: int) -> tuple[int, int] | None:
    """The note sentence around `pos`, or None when that sentence does not start like a note."""
    start = 0
    for m in SENTENCE_END.finditer(line, 0, pos):
        start = m.end()
    m = NOTE_SENTENCE.match(line, start)
    if m is None or m.end() > pos + 12:
        # A disclaimer's opening (免责声明：, 凡本公众号…) marks its own start, also when the text
        # before it lost its full stop.
        m = OPENING.match(line, pos) or (OPENING.match(line, pos - 2) if pos >= 2 else None)
        if m is None:
            return None
        start = m.start()
    end = SENTENCE_END.search(line, pos)
    stop = end.end() if end else len(line)
    # Leading blanks belong to the note; keep the line's own indentation when the note is the line.
    return start, stop


def detect(doc, claims: Claims) -> list:
    text, lines = doc.text, doc.lines
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    for hit in LITERALS.finditer(text):
        m = TRIGGER.search(text, max(0, hit.start() - 3), hit.end() + 6)
        if m is None or m.start() > hit.start():
            continue
        i = doc.line_index(m.start())
        line = lines[i]
        col = m.start() - doc.line_starts[i]
        span = _bracket(line, col) or _sentence(line, col)
        if span is None:
            continue
        found = spans_by_line.setdefault(i, [])
        if any(s <= span[0] < e or s < span[1] <= e for s, e in found):
            continue
        found.append(span)
    hits = []
    for i, spans in spans_by_line.items():
        line = lines[i]
        spans.sort()
        rest = "".join(line[e:s] for (_, e), (s, _) in zip([(0, 0), *spans], [*spans, (len(line), 0)]))
        if rest_is_empty(rest):
            if claims.line_free(i):
                hits.append(line_hit(doc, i, LINE_MESSAGE))
                claims.claim_line(i, SourceNote.code)
            continue
        base = doc.line_starts[i]
        for s, e in spans:
            # A note after a sentence may start with blanks; they go with it.
            while s > 0 and line[s - 1] in " \t\u00a0\u3000":
                s -= 1
            if claims.span_free(base + s, base + e):
                hits.append(span_hit(doc, base + s, base + e, MESSAGE.format(line[s:e].strip())))
                claims.claim_span(base + s, base + e)
    return hits


class SourceNote(Rule):
    code = "CH024"
    name = "source-note"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网站加的免责或版权说明（此文内容仅供参考,可自行修改；本文权属…所有）"
    why = (
        "模板网站会在文末或段中插入“仅供参考，可自行修改”“本文权属某网站所有，更多文章请登陆查看”"
        "“本文来源于网络，如有侵权请联系删除”之类的说明。它们说的是网站和下载者的关系，不是文档内容。"
    )
    bad = "严格控制在省下达采伐限额(本文权属文秘之音所有,更多文章请登陆查看)之内。"
    good = "以上数据仅供参考，最终以统计部门公布的数据为准。"
    fix_doc = "删除说明（--fix 自动删除）：独占一行的整行删除，夹在句子里的只删说明本身。"
    fix_safety = "safe"
    specs = (
        Spec(
            "严格控制在省下达采伐限额(本文权属文秘之音所有,更多文章请登陆查看)之内。",
            ("(本文权属文秘之音所有,更多文章请登陆查看)",),
            fixed="严格控制在省下达采伐限额之内。",
        ),
        Spec(
            "学校:_________教师:_____________\n\n(此文内容仅供参考,可自行修改)\n第1页共10页",
            ("(此文内容仅供参考,可自行修改)",),
            fixed="学校:_________教师:_____________\n\n第1页共10页",
        ),
        Spec(
            "为实现目标而奋斗！本文来源于网络，如有侵权请联系删除。\n本资料仅供参考，请根据实际情况修改。\n"
            "转载请注明出处：好范文网\n【资料仅供参考】",
            ("本文来源于网络，如有侵权请联系删除。", "本资料仅供参考，请根据实际情况修改。",
             "转载请注明出处：好范文网", "【资料仅供参考】"),
            fixed="为实现目标而奋斗！\n",
        ),
        Spec(
            "正文最后一段。凡本公众号注明“来源：XXX”的作品均转载自其它媒体。本公众号拥有对此声明的最终解释权。\n"
            "免责声明：转载内容仅供读者参考。\n本网站所刊登的所有内容，未经授权，禁止转载使用。违反上述声明者，本网将依法追究其法律责任。",
            ("凡本公众号注明“来源：XXX”的作品均转载自其它媒体。", "本公众号拥有对此声明的最终解释权。",
             "免责声明：转载内容仅供读者参考。",
             "本网站所刊登的所有内容，未经授权，禁止转载使用。违反上述声明者，本网将依法追究其法律责任。"),
        ),
        Spec(
            "市场趋势已经变了。本文为王利阳授权网易财经发布，转载请注明出处。本文仅为作者观点，不代表网易立场。\n"
            "本文仅代表作者观点，不代表网易意见",
            ("本文为王利阳授权网易财经发布，转载请注明出处。", "本文仅为作者观点，不代表网易立场。",
             "本文仅代表作者观点，不代表网易意见"),
        ),
        Spec(
            "以上数据仅供参考，最终以统计部门公布的数据为准。\n依法查处侵权盗版案件15起。\n"
            "代表们认为，报告不代表个人观点，而是集体意见。\n"
            "声明：本人承诺所填信息真实有效。\n本网格员负责辖区巡查。\n"
            "第二十条 (報運進出口貨物有非屬真品平行輸入之侵權處罰)\n"
            "认真学习《著作权法》，明确著作权归作者所有的原则。\n原作者为本单位职工。\n本文由县委办公室起草。",
            (),
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
