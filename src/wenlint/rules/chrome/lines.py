"""The line model of page furniture (CH026 `page-furniture`, CH013 `title-suffix`), in the spirit
of jusText and of the line filters of web-corpus pipelines: every line gets a furniture score from
its own features, the document gets a genre from how many lines score high, and in a captured web
page the short lines between furniture lines are furniture too (menus, widgets and lists of titles
come in blocks).

Features of a line (hand-weighted; the vocabulary is rules/data/chrome-furniture.toml):

- length and sentence punctuation: a line longer than `PROSE_LEN` or with 。； is prose (-3), except
  a short prompt with a furniture phrase (扫描左侧二维码即可关注。: +2);
- a line another chrome rule flags (breadcrumb, footer, share prompt, ...): 3;
- three or more short items joined by | › » > (a menu or a footer bar), whatever its length: 2;
- a short line that is one control word (登录, 下载, 分享, 返回顶部, ...): +2;
- a furniture phrase in a short line (下载券, 扫一扫, 人参与, 往期回顾, 客户端, ...): +2;
  otherwise furniture words (热门, 推荐, 频道, VIP, 评论, ...): +1 each, at most +2;
- a credit or source label at the start (来源：, 责任编辑：, 作者︱), or with a date: +2;
- a short line starting with a breadcrumb separator (> 科技频道): +2;
- a line of digits and symbols only (0, (133), |2017-01-15, ×, <): +1 (a counter or an icon);
- a date or time with little else: +1;
- an ellipsis at the end of a short line (a truncated title in a list): +1;
- a form blank (____) marks a line of a form: -1. In Markdown, quotes and table rows are left out.

A line scoring `SEED` or more is a furniture line. A document is a captured page when it has at least
`PAGE_SEEDS` furniture lines; only then are lines reported: in an edited document a single 来源 line
or a link is content, and the other chrome rules speak for it. In a page, a run of lines between two
furniture lines is furniture when each of its lines looks like a menu item or a title (short, no
sentence punctuation) and the run is not long (`MAX_RUN`); so is such a run at the page's tail
(`MAX_TAIL`, the end counts as furniture as in jusText). A run next to prose, or at the head, is
left alone (the main text, its headings, the title). The page title repeated above the text, and
the byline under it, are kept: they are the article's own title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...analyses import analysis
from ...documents.document import MASK  # in place of masked Markdown syntax and HTML tags
from ...findings import Hit
from ..base import Rule, Spec
from ._analysis import analyse
from ._common import Claims, _pack_flagged_short_lines, line_hit, lines_matching, pack_flags_line, short_lines
from .related import TITLE_END
from ... import lazyre

PROSE_LEN = 60
TITLE_LEN = 40
SEED = 2
PAGE_SEEDS = 6
MAX_RUN = 60
PHRASE_LEN = 25
MAX_TAIL = 20

SENTENCE = lazyre.compile(r"[。；;]")
BLANK_FIELD = lazyre.compile(r"__|＿＿")
LEADING_SEP = lazyre.compile(r"[>»›＞]")
MD_QUOTE = lazyre.compile(r"^(?:>\s?)+")
MD_RULE = lazyre.compile(r"[-*_=\s]{3,}")
DIGITS_SYMBOLS = lazyre.compile(r"[\s\d|｜()（）\[\]【】<>《》×xX.,:：%/\-+*·•分人次条页]+")
DATE = lazyre.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
NAV_SEP = lazyre.compile(r"\s*[|｜›»>]+\s*")
NAV_CHAR = lazyre.compile("[|｜›»>]")  # a search for one is cheaper than a set of the line's characters
HAN = lazyre.compile(r"[\u3400-\u9fff]")
# A person's name as a byline (王利阳, 巴兹·奥尔德林); a user name with digits is an uploader's.
NAME = lazyre.compile(r"[\u3400-\u9fff·•\s]{2,12}")
LABEL_SEP = "[:：︱|｜]"
# (…+ is written ……* so that every alternative starts with a literal character: `re` skips ahead)
ELLIPSIS = lazyre.compile(r"(?:\.\.\.|……*|。。。)$")
# A page <title>: 文章标题_频道_网站 / 文章标题-网站 / 文章标题|网站
TITLE_SUFFIX = lazyre.compile(r"(?P<title>.{4,}?)(?P<suffix>(?:\s*[_＿|｜]\s*[^_＿|｜\s]{2,12}){1,3}|\s+-\s+[^-\s]{2,12})\s*$")

SUFFIX_MESSAGE = "「{}」是网页标题后面的频道名或网站名（SEO 标题后缀），不是文档标题的一部分：请删除"
CREDIT_MESSAGE = "这一行是网页给文章加的来源、作者、编辑署名栏，不是正文：请删除这一行"
LINE_MESSAGE = "这一行是网页的导航、按钮、计数或栏目列表（与前后的网页元素连成一片），不是正文：请删除这一行"


@lru_cache(maxsize=1)
def vocabulary() -> tuple[frozenset, re.Pattern, re.Pattern, re.Pattern]:
    from ...config.discovery import read_toml
    from ..registry import builtin_pack_dir

    try:
        data = read_toml(builtin_pack_dir() / "data" / "chrome-furniture.toml")
    except Exception:  # a missing or broken data file must not take the family down
        data = {}

    def alternation(key: str) -> str:
        found = sorted({str(w) for w in data.get(key, ())}, key=len, reverse=True)
        return "|".join(map(re.escape, found)) or "(?!)"

    controls = frozenset(str(w) for w in data.get("controls", ()))
    credit_re = re.compile(rf"[\[【]?(?:{alternation('credits')})\s*{LABEL_SEP}")
    return controls, re.compile(alternation("phrases")), re.compile(alternation("words")), credit_re


def score(line: str, markdown: bool = False, source: str | None = None) -> float:
    """The furniture score of one line from its own features (0 for a blank line). In Markdown a
    leading `>` quotes, `|` separates table cells and `#` opens a heading: a table row and a
    heading are the document's own; `source` is the line before masking (table pipes and HTML tags
    are masked in the text rules see)."""
    s = line.replace(MASK, "").strip()
    if markdown:
        raw = (source if source is not None else line).strip()
        s = MD_QUOTE.sub("", s)
        if "|" in raw or "|" in s or raw.startswith("#") or MD_RULE.fullmatch(s):
            return -1.0
    if not s:
        return 0.0
    controls, phrases, words, credits = vocabulary()
    if _nav_items(s):
        return 2.0
    if len(s) > PROSE_LEN:
        return -3.0
    phrase = len(s) <= PHRASE_LEN and phrases.search(s) is not None
    if SENTENCE.search(s):
        # a prompt is a sentence too (扫描左侧二维码即可关注。), but a short one
        return 2.0 if phrase and len(s) <= TITLE_LEN else -3.0
    if BLANK_FIELD.search(s):
        return -1.0
    value = 0.0
    if s in controls or s.rstrip(":：>» ") in controls:
        value += 2
    if phrase:
        value += 2
    elif len(s) <= PHRASE_LEN:
        value += min(2, len(words.findall(s)))
    if credits.match(s) or (DATE.search(s) and credits.search(s)):
        value += 2
    if LEADING_SEP.match(s) and len(s) <= 20:
        value += 2
    if DIGITS_SYMBOLS.fullmatch(s):
        value += 1
    elif DATE.search(s) and len(DATE.sub("", s).strip()) <= 12:
        value += 1
    if len(s) <= TITLE_LEN and ELLIPSIS.search(s) and len(HAN.findall(s)) >= 4:
        value += 1
    return min(value, 3.0)


def _nav_items(s: str) -> bool:
    """Three or more short items joined by | › » > (a menu or a footer bar), not a table row."""
    if len(s) > 200 or NAV_CHAR.search(s) is None or (s.startswith(("|", "｜")) and s.endswith(("|", "｜"))):
        return False
    items = [t for t in NAV_SEP.split(s) if t]
    short = [t for t in items if len(t) <= 14]
    return len(short) >= 3 and len(short) * 10 >= len(items) * 7 and len(NAV_SEP.findall(s)) >= 2


def title_like(line: str) -> bool:
    """A menu item, a widget label or a listed title: short, no sentence punctuation, no form
    blank."""
    s = line.strip()
    if not 0 < len(s) <= TITLE_LEN or SENTENCE.search(s) or BLANK_FIELD.search(s):
        return False
    return len(s) <= 12 or not s.endswith(("，", ","))


def _menu(run: list[int], lines: list[str]) -> list[int]:
    """The lines of a run between furniture lines that go with it. A document title (…工作总结)
    alone between two furniture lines is the page's own title and stays; among a menu's many items
    it is one more item (总结/汇报)."""
    if len(run) > 2:
        return run
    return [i for i in run if not TITLE_END.search(lines[i].strip())]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _title_suffix(lines: list[str]):
    """The page title's site suffix on the first line: (title, suffix start, suffix end) or None."""
    first = next((i for i, line in enumerate(lines[:3]) if line.strip()), None)
    if first is None:
        return None
    line = lines[first]
    if len(line) > 80:
        return None
    m = TITLE_SUFFIX.fullmatch(line.rstrip())
    if m is None or SENTENCE.search(m.group("title")):
        return None
    return first, m.group("title"), m.start("suffix"), m.end("suffix")


@dataclass(frozen=True, slots=True)
class PageView:
    """Whether a document is a captured web page, and the line model's view of it."""

    page: bool
    suffix: tuple | None  # the page title's site suffix: (line index, title, start, end) in its line
    scores: list[float]  # each line's score; left empty when the document cannot be a page


@analysis("chrome.page", needs=(short_lines, _pack_flagged_short_lines))
def page_view(doc) -> PageView:
    """The line scores, the page title's suffix and whether the document is a captured page (an
    analysis: other rules of the family ask whether a bare URL or a source line sits in a page)."""
    lines = doc.lines
    suffix = _title_suffix(lines)
    ruled = {i for i in _pack_flagged_short_lines(doc) if len(lines[i]) <= PROSE_LEN and not lines[i].isspace()}
    nav = _nav_lines(doc)
    # A page has furniture of several kinds; navigation bars alone are also how an encyclopedia
    # article ends (its navigation box). Without a title suffix, a line of the pack or a navigation
    # bar, every furniture line would be of one kind: no page, whatever the scores.
    if suffix is None and not ruled and not nav:
        return PageView(False, None, [])
    scores = _scores(doc, ruled)
    seeds = [i for i, v in enumerate(scores) if v >= SEED]
    kinds = {"rule" if i in ruled else "nav" if i in nav else "widget" for i in seeds}
    page = len(seeds) + (suffix is not None) >= PAGE_SEEDS and len(kinds) + (suffix is not None) >= 2
    return PageView(page, suffix, scores)


def _scores(doc, ruled: set[int]) -> list[float]:
    """Each line's furniture score; a line a pack rule flags scores 3."""
    lines = doc.lines
    markdown = doc.format == "markdown"
    sources = doc.source.split("\n") if markdown else lines
    scores: list[float] = []
    for i, line in enumerate(lines):
        if not line or line.isspace():
            scores.append(0.0)
        elif i in ruled:
            scores.append(3.0)
        else:
            scores.append(score(line, markdown, sources[i] if i < len(sources) else None))
    return scores


def _nav_lines(doc) -> set[int]:
    """The lines that are a menu or a footer bar (`_nav_items`), found from their separators."""
    lines = doc.lines
    return {i for i in lines_matching(doc, NAV_CHAR) if _nav_items(lines[i].strip())}


def is_page(doc) -> bool:
    """Whether the document is a captured web page (several furniture lines), not an edited one."""
    return page_view(doc).page


# Two credit fields in a row (记者：吉颐 编辑：马强, 来源：新华网编辑：VV) inside a line of text: a news
# site's credit box run into the article. One field alone, or a colophon's 编辑/审核/签发, is not.
# The first label is spelt out with its optional prefix (内容来源|…|文章来源|…|来源|…, the order
# `(?:内容|文章)?(?:来源|…)` tries): every alternative then starts with a literal character, and `re`
# skips ahead to those characters instead of trying the pattern at every position.
_CREDIT_LABELS = ("来源", "记者", "通讯员", "摄影", "编辑", "责任编辑")
CREDIT_PAIR = lazyre.compile(
    "(?:" + "|".join(prefix + label for prefix in ("内容", "文章", "") for label in _CREDIT_LABELS) + ")"
    r"[:：][^:：，。！？!?\n]{1,16}?"
    r"(?:(?:文章)?来源|记者|通讯员|摄影|编辑|责任编辑)[:：][^:：，。！？!?\s]{1,12}"
)
CREDIT_SPAN_MESSAGE = "「{}」是新闻网站的来源、记者、编辑署名，夹在了正文里：请删除"


def _credit_spans(doc, claims: Claims) -> list:
    text = doc.text
    if "：" not in text and ":" not in text:
        return []
    hits = []
    for m in CREDIT_PAIR.finditer(text):
        i = doc.line_index(m.start())
        line, base = doc.lines[i], doc.line_starts[i]
        if not line[: m.start() - base].strip():
            continue  # a line that starts with the credits is the line model's to judge
        if claims.span_free(m.start(), m.end()):
            hits.append(Hit(m.start(), m.end(), CREDIT_SPAN_MESSAGE.format(m.group())))
            claims.claim_span(m.start(), m.end())
    return hits


def detect(doc, claims: Claims) -> dict:
    lines = doc.lines
    result: dict = {RULE_LINES: [], RULE_SUFFIX: [], RULE_CREDIT: []}
    view = page_view(doc)
    if not view.page:
        result[RULE_CREDIT] = _credit_spans(doc, claims)
        return result
    suffix = view.suffix
    scores = [3.0 if i in claims.lines else v for i, v in enumerate(view.scores)]
    seeds = [i for i, v in enumerate(scores) if v >= SEED]
    furniture = set(seeds)
    protected: set[int] = set()
    if suffix is not None:
        first, title, _, _ = suffix
        protected.add(first)
        key = _norm(title)
        # The article's title is its last repetition before the text starts (a download dialog
        # or a menu may repeat it earlier).
        text_start = next((i for i in range(first + 1, len(lines)) if scores[i] <= -3), len(lines))
        repeats = [i for i in range(first + 1, text_start) if key and _norm(lines[i]) == key]
        for i in repeats[-1:]:
            protected.add(i)
            # the byline under the title: one short line of a name, no furniture feature
            j = next((j for j in range(i + 1, min(len(lines), i + 3)) if lines[j].strip()), None)
            if j is not None and scores[j] == 0 and NAME.fullmatch(lines[j].strip()):
                protected.add(j)
    # A label alone on its line (来源：) has its value on the next lines.
    credits = vocabulary()[3]
    for i in seeds:
        m = credits.match(lines[i].strip())
        if m is not None and m.end() == len(lines[i].strip()):
            values = [j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].strip()][:2]
            furniture.update(j for j in values if title_like(lines[j]) and len(lines[j].strip()) <= 20)
    boundaries = set(seeds)
    if suffix is not None:
        boundaries.add(suffix[0])
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    run: list[int] = []
    previous_seed = False
    for i in nonblank:
        if i in boundaries or not title_like(lines[i]):
            if i in boundaries and previous_seed and 0 < len(run) <= MAX_RUN:
                furniture.update(_menu(run, lines))
            run, previous_seed = [], i in boundaries
        else:
            run.append(i)
    # The tail of a page is furniture as far as it looks like it (the document's end counts as a
    # furniture line, as in jusText); its head is not: the title and the lead come first.
    if previous_seed and 0 < len(run) <= MAX_TAIL:
        furniture.update(_menu(run, lines))
    for i in sorted(furniture - protected):
        if i in claims.lines or pack_flags_line(doc, i) or not claims.span_free(*doc.line_span(i)):
            continue  # reported already, or a line whose marker another rule removes (…3篇)
        if credits.match(lines[i].strip()):
            result[RULE_CREDIT].append(line_hit(doc, i, CREDIT_MESSAGE))
            claims.claim_line(i, CreditLine.code)
        else:
            result[RULE_LINES].append(line_hit(doc, i, LINE_MESSAGE))
            claims.claim_line(i, PageFurniture.code)
    result[RULE_CREDIT].extend(_credit_spans(doc, claims))
    if suffix is not None:
        first, _, a, b = suffix
        start = doc.line_starts[first]
        if claims.span_free(start + a, start + b):
            text = lines[first][a:b]
            result[RULE_SUFFIX].append(Hit(start + a, start + b, SUFFIX_MESSAGE.format(text.strip())))
            claims.claim_span(start + a, start + b)
    return result


RULE_LINES, RULE_SUFFIX, RULE_CREDIT = "CH026", "CH013", "CH014"


class PageFurniture(Rule):
    code = "CH026"
    name = "page-furniture"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网页整页复制留下的导航菜单、按钮、计数、栏目列表（按行的特征和上下文判断）"
    why = (
        "把整张网页复制下来时，正文前后会带着一串串短行：频道菜单、登录和下载按钮、评论框、"
        "点赞计数、“热门推荐”里的别的文章标题。这些行一行看不出什么，但它们成片出现，夹在明显的网页元素之间。"
        "本规则先给每一行打分（长度、标点、网页词汇、分隔符、纯数字），只在整篇像网页（有多行网页元素）时报告，"
        "并把两个网页元素之间像菜单项或标题的短行一并认作网页内容。"
        "不报告：不像网页的普通文档里的任何一行（单个来源行、链接、表格、目录、法律条文标题）；"
        "正文中的小标题和紧挨正文的短行；页面开头的标题、正文上方重复的网页标题和它下面的作者名。"
    )
    bad = (
        "新闻_红星网\n首页\n时政\n国际\n登录\n注册\n下载客户端\n新闻标题\n"
        "今年以来，全县经济运行总体平稳，主要指标好于预期。\n分享到\n微信\n微博\n"
        "热门推荐\n县城新开一家书店\n返回顶部\n版权所有 红星网"
    )
    good = (
        "县政府工作报告\n来源：县政府办公室\n一、过去一年的工作\n今年以来，全县经济运行总体平稳，主要指标好于预期。\n"
        "项目资料下载：https://example.org/report.pdf\n二、今年的工作安排\n继续深化改革。"
    )
    fix_doc = "删除整行（--fix 自动删除）。只删整行，不改动正文行。"
    fix_safety = "safe"
    specs = (
        Spec(
            "新闻_红星网\n首页\n时政\n国际\n登录\n注册\n下载客户端\n新闻标题\n"
            "今年以来，全县经济运行总体平稳，主要指标好于预期。\n分享到\n微信\n微博\n"
            "热门推荐\n县城新开一家书店\n返回顶部\n版权所有 红星网",
            ("首页", "时政", "国际", "登录", "注册", "下载客户端", "微信", "微博", "县城新开一家书店"),
            note="热门推荐 and 返回顶部 are CH020's and CH021's; the title above the text stays",
        ),
        Spec(
            "县政府工作报告\n来源：县政府办公室\n一、过去一年的工作\n今年以来，全县经济运行总体平稳。\n"
            "项目资料下载：https://example.org/report.pdf\n二、今年的工作安排\n继续深化改革。",
            (),
            note="an edited document: one source line and a download address are content",
        ),
        Spec(
            "第一章 总则\n第一条（立法目的）\n为了规范管理，制定本法。\n第二条（适用范围）\n本法适用于全省。\n"
            "第二章 管理\n第三条（职责）\n县政府负责管理。",
            (),
            note="statute headings are short lines between prose, not furniture",
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[self.code][RULE_LINES]


class TitleSuffix(Rule):
    code = "CH013"
    name = "title-suffix"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网页标题后面的频道名、网站名（文章标题_频道_网站）"
    why = (
        "网页的标题栏写成“文章标题_频道_网站名”，是为了搜索引擎；复制到文档里，标题后面就多了网站名。"
        "只在整篇像网页时报告第一行的后缀；普通文档标题里的下划线或破折号不报告。"
    )
    bad = "宇航员在太空中喝酒会怎么样_探索者_光明网\n首页\n科技\n登录\n注册\n分享到\n返回顶部\n版权所有 光明网"
    good = "宇航员在太空中喝酒会怎么样\n太空中的宇航员不允许喝酒。"
    fix_doc = "删除标题后面的“_频道_网站”（没有自动修复：标题行要人看一眼）。"
    fix_safety = "none"
    specs = (
        Spec(
            "宇航员在太空中喝酒会怎么样_探索者_光明网\n首页\n科技\n登录\n注册\n分享到\n返回顶部\n版权所有 光明网",
            ("_探索者_光明网",),
        ),
        Spec("2023年工作总结_修订稿\n今年以来，各项工作稳步推进。", ()),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[PageFurniture.code][RULE_SUFFIX]


class CreditLine(Rule):
    code = "CH014"
    name = "credit-line"
    category = "chrome"
    reads = ("chrome.detectors",)
    severity = "warning"
    summary = "网页文章的来源、作者、编辑署名行（来源：… 责任编辑：… 出品︱…），只在整页复制的网页里报告"
    why = (
        "新闻网站在文章前后加“来源：”“作者︱”“责任编辑：”“出品：”之类的署名栏，整页复制时一起带了下来。"
        "普通文档（工作报告、汇编的文件）标题下的一行“来源：某某日报”是编者有意留下的出处，不报告；"
        "只有当整篇像网页、这一行又在网页元素中间时才报告。"
    )
    bad = "新闻_红星网\n首页\n登录\n注册\n新闻标题\n来源：红星日报\n今年以来，全县经济运行总体平稳，主要指标好于预期。\n责任编辑：王小明\n分享到\n返回顶部\n版权所有 红星网"
    good = "县政府工作报告\n来源：红星日报\n今年以来，全县经济运行总体平稳，主要指标好于预期。"
    fix_doc = "删除整行（--fix 自动删除）。"
    fix_safety = "safe"
    specs = (
        Spec(
            "新闻_红星网\n首页\n登录\n注册\n新闻标题\n来源：红星日报\n今年以来，全县经济运行总体平稳，主要指标好于预期。\n"
            "出品︱红星网新闻中心\n分享到\n返回顶部\n版权所有 红星网",
            ("来源：红星日报", "出品︱红星网新闻中心"),
        ),
        Spec("县政府工作报告\n来源：红星日报\n今年以来，全县经济运行总体平稳，主要指标好于预期。", (),
             note="an edited document keeps its source line"),
        Spec(
            "活动现场还有更多惊喜，等您开启！记者：吉颐 编辑：马强 提示：欢迎参加。\n"
            "去年全省亏损1571亿。来源：南方都市报（nddaily）编辑：丸子",
            ("记者：吉颐 编辑：马强", "来源：南方都市报（nddaily）编辑：丸子"),
        ),
        Spec(
            "编辑：张三　　审核：李四　　签发：王五\n本文数据来源：国家统计局。\n"
            "会议由县委办公室主办。联系人：王五 电话：12345678",
            (),
            note="a colophon, a single source and contact details are not a news site's credits",
        ),
    )

    def check(self, doc, ctx):
        return analyse(doc, ctx)[PageFurniture.code][RULE_CREDIT]
