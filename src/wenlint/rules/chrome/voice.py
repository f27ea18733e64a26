"""CH018: sentences in the voice of a website's editor (小编) inside the text: 接下来就跟着小编一起了解一下吧,
小编觉得…, 下面小编来给大家讲讲…. CH004 removes a whole line of editor intro; this rule finds the
sentences that sit in a paragraph of the article, where only the sentence goes."""

from __future__ import annotations


from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, line_or_span_hit, sentence_span
from ... import lazyre

# 小编 as the speaker, not a job title (我是一名小编, 报社小编岗位 stay): the word next to a verb of
# telling or guiding, or to 大家/您.
VOICE = lazyre.compile(
    r"小编(?=[^。！？!?\n]{0,12}(?:给|为|和|跟|带|告诉|整理|分享|推荐|觉得|认为|提醒|获悉|了解到|讲讲|说说|介绍|带来|大家|您))"
    r"|跟着小编|跟小编|和小编|随小编|像小编一样|如小编一样"  # (each alternative starts with a literal)
)
BOUNDARY = "。！？!?\n"
MESSAGE = "「{}」是网站小编的口吻（跟着小编…、小编觉得…），不是文章内容：请删除或改写这句"
LINE_MESSAGE = "这一行是网站小编的口吻（跟着小编…、小编觉得…），不是文章内容：请删除这一行"
REACH = 80


def detect(doc, claims: Claims) -> list:
    text = doc.text
    if "小编" not in text:
        return []
    hits, last = [], -1
    for m in VOICE.finditer(text):
        if m.start() < last:
            continue
        a, b = sentence_span(text, m.start(), m.end(), REACH, BOUNDARY)
        last = b
        hit = line_or_span_hit(doc, claims, a, b, EditorVoice.code, LINE_MESSAGE, MESSAGE)
        if hit is not None:
            hits.append(hit)
    return hits


class EditorVoice(Rule):
    code = "CH018"
    name = "editor-voice"
    category = "chrome"
    reads = ("chrome.detectors",)
    # measured 8 of 9 right on the dev set: an organisation's own account also says 小编
    severity = "info"
    summary = "正文里网站小编口吻的句子（接下来就跟着小编一起了解一下吧、小编觉得…）"
    why = (
        "公众号和内容农场转载文章时，会在段落里插进“跟着小编一起看看”“小编觉得”“下面小编给大家讲讲”之类的句子。"
        "它们是转载网站的口吻，不属于文章本身。只认“小编”作说话人的句子；"
        "谈到小编这个职业（报社招聘小编、我是一名小编）的句子不报告。"
    )
    bad = "神舟十一号发射成功。接下来就跟着小编一起了解一下吧。航天员将在太空驻留30天。"
    good = "报社今年招聘两名新媒体小编，负责公众号的日常运营。"
    fix_doc = "删除这句话（独占一行时 --fix 整行删除；夹在段落里的要人工删除）。"
    fix_safety = "safe"
    specs = (
        Spec(
            "神舟十一号发射成功。接下来就跟着小编一起了解一下吧。航天员将在太空驻留30天。",
            ("接下来就跟着小编一起了解一下吧。",),
        ),
        Spec(
            "航天员在太空中要完成几十项实验。\n了解了这些，小编觉得航天员真的很了不起",
            ("了解了这些，小编觉得航天员真的很了不起",),
            fixed="航天员在太空中要完成几十项实验。\n",
            note="a whole line in the editor's voice is deleted by the fix; a sentence in a paragraph is not",
        ),
        Spec("报社今年招聘两名新媒体小编，负责公众号的日常运营。\n我是一名小编，每天要写三篇稿子。", ()),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code]
