"""ST011 a paragraph (or a run of paragraphs) repeated inside one file; ST015 a passage repeated
with its line breaks in other places."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import itemgetter

from ...analyses import analysis
from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._layout import KIND_PROSE, KIND_TEXT, KIND_TRAILER, layout
from ... import lazyre

_WORD_CHARS = r"\u4e00-\u9fffA-Za-z0-9\u3400-\u4dbf"
_NOT_WORD = lazyre.compile(rf"[^{_WORD_CHARS}]+")
# Markup that carries no prose of its own: Markdown images and links (their targets), HTML tags,
# bare URLs. Each alternative starts with a literal, so that the engine skips to where one can match.
_MARKUP = lazyre.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]*>|https?://\S+|\[\^?[0-9]+\]")
_LINK = lazyre.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_IMAGES = lazyre.compile(r"(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+")
# A table row: Markdown `| a | b |`, or cells separated by tabs (a Word table read as text).
_TABLE_ROW = lazyre.compile(r"^\s*\|.*\||[^\t\n]*\t[^\t\n]*\t")
# An article of a statute (第十二条, 第十二條): laws repeat clauses from article to article by design.
_ARTICLE = r"(?:#+\s*|\*\*)?第[一二三四五六七八九十百千零〇0-9]+[条條]"
# At the start of the text, and after every line break: a pattern that starts with `^` is tried at
# every position, one that starts with a line break only where there is one.
_ARTICLE_AT_TEXT_START = lazyre.compile(_ARTICLE)
_ARTICLE_AT_LINE_START = lazyre.compile("\n" + _ARTICLE)
# A footnote or reference line: [1] …, ［1］…, ① …, 注1：…
_NOTE = lazyre.compile(r"(?:\[[0-9]{1,3}\]|［[0-9]{1,3}］|[①-⑳]|注[0-9]{0,2}[：:])")
# The characters a footnote, a reference or an HTML tag starts with (most lines start otherwise).
_NOTE_FIRST = frozenset("[<［注" + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1)))
_PROSE_SHARE = 0.5  # a line whose links leave less than this share of prose is a link line


def furniture(raw: str) -> bool:
    """A paragraph that is layout rather than prose: a separator, a table row, a line of links
    or images (查看原文, a citation list), an HTML tag, a footnote or reference line."""
    if ("|" in raw or "\t" in raw) and _TABLE_ROW.match(raw):
        return True
    if raw.lstrip(" \t\u3000").startswith((">", "#")):
        return True  # a quotation (an example quoted under two rules) or a Markdown heading
    stripped = raw.lstrip(" \t\u3000>")
    if stripped[:1] in _NOTE_FIRST and (stripped.startswith(("[^", "<")) or _NOTE.match(stripped)):
        return True  # a footnote or a reference (the same source cited twice)
    if "![" in raw and _IMAGES.fullmatch(raw.strip()):
        return True  # images (the same figure shown twice)
    if "](" in raw or "<" in raw or "://" in raw:
        prose = _NOT_WORD.sub("", _MARKUP.sub("", raw))
        links = _LINK.findall(raw) if "](" in raw else []
        if len(prose) < 20 or (links and len(prose) < _PROSE_SHARE * len(_NOT_WORD.sub("", raw))):
            return True
        if links and raw.lstrip().startswith(">"):
            return True  # a quoted list of references (> 引用條文: … [第八條](…))
    return False


@analysis("structure.statute")
def statute(doc) -> bool:
    """A law or regulation (several lines open with 第…条): its articles repeat clauses on purpose."""
    text = doc.text
    if text.count("条", 0, 200_000) + text.count("條", 0, 200_000) < 5:
        return False
    first = _ARTICLE_AT_TEXT_START.match(text, 0, 200_000)
    return (first is not None) + len(_ARTICLE_AT_LINE_START.findall(text, first.end() if first else 0, 200_000)) >= 5
# Repeated paragraphs in a row that are a block pasted again even when each is a numbered item.
PASTED_RUN = 3
KEY = 12  # characters at either end of a paragraph that index it for near duplicates
first_chars, last_chars = itemgetter(slice(None, KEY)), itemgetter(slice(-KEY, None))


@lru_cache(maxsize=4)
def _words_at_least(count: int) -> re.Pattern:
    """Matches at the start of a text that has at least `count` characters of words (as many as
    `_NOT_WORD` leaves): read up to the last of them, not to the end of a long paragraph."""
    return re.compile(rf"(?:[^{_WORD_CHARS}]*[{_WORD_CHARS}]){{{max(count, 0)}}}")


def _trigrams(norm: str) -> set[str]:
    return {norm[i : i + 3] for i in range(len(norm) - 2)}


class RepeatedParagraph(Rule):
    code = "ST011"
    name = "repeated-paragraph"
    category = "structure"
    reads = ("structure.layout", "structure.statute")
    severity = "info"
    summary = "段落在同一文件中重复出现（完全相同或几乎相同）"
    why = (
        "从模板网站拼凑的合集会把同一段、甚至同一节粘贴两次。规则去掉标点和空格后比较段落：完全相同，"
        "或字符三元组的 Jaccard 相似度不低于 `similarity`（默认0.8），在重复处报告并指出第一次出现的行；"
        "连续重复的几段作为一块报告一次。短于 `min-paragraph-chars`（默认20字）的段落不比较，"
        "比如每节都有的 `一、指导思想`。近似重复要求开头或结尾的12个字与原段相同。"
        "不报告：法律法规（条文之间按设计重复同样的款项）；分隔线、表格行、只有链接或图片的行（`[查看原文](…)`）、"
        "引用条文列表、HTML 标签、脚注和参考文献行、署名；Markdown 的引用块（同一个例子在两条规则下引用）和标题；"
        "不到三段的编号条目（申请指南里每项补贴下面相同的“1.申报主体…”）。"
        "重复的位置断行不同的（同一段话换了断行的地方、夹在另一段里）由 ST015 报告。"
        "在干净语料上测得的精确率不到警告级别的要求，所以默认级别是 info。"
    )
    bad = (
        "一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，取得了显著的成绩。\n"
        "一、领导重视\n"
        "一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，取得了显著的成绩。\n"
    )
    good = (
        "一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，取得了显著的成绩。\n"
        "一、领导重视\n"
        "县总工会始终坚持要把领导班子建设成为一支党性强、作风硬、团结的领导集体。\n"
    )
    fix_doc = "删除重复的段落（不安全修正：要确认保留哪一份）。"
    fix_safety = "unsafe"
    specs = (
        Spec(bad, ("一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，取得了显著的成绩。",),
             fixed="一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，取得了显著的成绩。\n一、领导重视\n"),
        Spec("我们与市电视台、市报社等7家新闻媒体，先后宣传了劳动模范的先进事迹11件次。\n\n"
             "二、其他工作\n\n"
             "我们与市电视台、市报社等7家新闻媒体，先后宣传了劳动模范的先进事迹12件次。\n",
             ("我们与市电视台、市报社等7家新闻媒体，先后宣传了劳动模范的先进事迹12件次。",)),
        Spec("第一段，内容是关于组织建设的具体做法和成效。\n第二段，内容是关于宣传教育的具体做法和成效。\n"
             "第一段，内容是关于组织建设的具体做法和成效。\n第二段，内容是关于宣传教育的具体做法和成效。\n",
             ("第一段，内容是关于组织建设的具体做法和成效。",)),
        Spec("一、指导思想\n坚持以科学发展观为指导。\n一、指导思想\n坚持以人为本的工作理念。\n", ()),
        Spec("开展了“讲文明、树新风”活动，取得了较好的社会效果。\n开展了“送温暖、献爱心”活动，取得了较好的社会效果。\n", ()),
        Spec("[查看原文](https://tv.cctv.com/2022/11/25/VIDEeF5g5Wwf3IMho1bEUl.shtml)\n正文一段。\n"
             "[查看原文](https://tv.cctv.com/2022/11/25/VIDEeF5g5Wwf3IMho1bEUl.shtml)\n"
             "------------------------------------------------\n------------------------------------------------\n"
             "| 时间 | 收支类型 | 数额（￥） | 经办人 | 事由说明 |\n| 时间 | 收支类型 | 数额（￥） | 经办人 | 事由说明 |\n", ()),
        Spec("第一条 为了规范管理，制定本条例。\n第二条 有下列情形之一的，依法给予处分：\n"
             "（一）生产国家明令淘汰的商品或者销售失效、变质的商品的；\n第三条 略。\n第四条 略。\n第五条 略。\n"
             "第六条 有下列情形之一的，依法给予处罚：\n（一）生产国家明令淘汰的商品或者销售失效、变质的商品的；\n", ()),
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        text = doc.text
        minimum = int(ctx.option("min-paragraph-chars"))
        threshold = float(ctx.option("similarity"))
        lines = lay.lines
        if statute(doc):
            return
        spans = [(first, last) for first, last in lay.paragraphs if lines[first].kind != KIND_TRAILER]
        raws = [lines[first].content if first == last else text[lines[first].start : lines[last].end]
                for first, last in spans]
        # A paragraph can repeat another, or be repeated, only if another has the same first or
        # last characters: in most documents few have, and only those are read further.
        head_count = Counter(first_chars(raw) for raw in raws if len(raw) >= minimum)
        tail_count = Counter(last_chars(raw) for raw in raws if len(raw) >= minimum)
        # Layout lines and short paragraphs are never compared: their text stands for nothing.
        source = doc.source  # the same offsets, with Markdown syntax not masked
        enough_words = _words_at_least(minimum).match
        raws = ["" if len(raw) < minimum or (head_count[raw[:KEY]] == 1 and tail_count[raw[-KEY:]] == 1)
                or not enough_words(raw)
                or furniture(source[source.rfind("\n", 0, lines[first].start) + 1 : lines[last].end]) else raw
                for raw, (first, last) in zip(raws, spans)]
        long = [raw for raw in raws if raw]
        head_count = Counter(map(first_chars, long))
        tail_count = Counter(map(last_chars, long))
        if len(head_count) == len(long) and len(tail_count) == len(long):
            return
        exact: dict[str, int] = {}
        heads: dict[str, list[int]] = {}
        tails: dict[str, list[int]] = {}
        grams: dict[int, set[str]] = {}  # trigrams of the paragraphs compared so far
        repeats: dict[int, tuple[int, float]] = {}  # paragraph -> (earlier paragraph, similarity)
        for n, raw in enumerate(raws):
            if len(raw) < minimum:
                continue
            head, tail = raw[:KEY], raw[-KEY:]
            if head_count[head] == 1 and tail_count[tail] == 1:
                continue  # neither repeats nor is repeated
            earlier = exact.get(raw)
            if earlier is not None:
                repeats[n] = (earlier, 1.0)
                continue
            exact[raw] = n
            # Candidates share the first or the last characters; the comparison itself ignores
            # punctuation and spaces.
            best = None
            for candidates in (heads.get(head), tails.get(tail)):
                if candidates is None:
                    continue
                for m in candidates:
                    sim = self._similarity(m, raws[m], n, raw, grams)
                    if sim >= threshold and (best is None or sim > best[1]):
                        best = (m, sim)
            if best is not None:
                repeats[n] = best
            heads.setdefault(head, []).append(n)
            tails.setdefault(tail, []).append(n)
        yield from self._report(doc, lay, spans, repeats)

    @staticmethod
    def _similarity(i: int, a: str, j: int, b: str, grams: dict[int, set[str]]) -> float:
        """Jaccard similarity of the trigrams of paragraphs i and j (texts a and b)."""
        ga = grams.get(i)
        if ga is None:
            ga = grams[i] = _trigrams(_NOT_WORD.sub("", a))
        gb = grams.get(j)
        if gb is None:
            gb = grams[j] = _trigrams(_NOT_WORD.sub("", b))
        shared = len(ga & gb)  # |a ∪ b| = |a| + |b| - |a ∩ b|: no union set to build
        return shared / ((len(ga) + len(gb) - shared) or 1)

    def _report(self, doc, lay, paragraphs, repeats):
        n = 0
        count = len(paragraphs)
        while n < count:
            if n not in repeats:
                n += 1
                continue
            original, sim = repeats[n]
            last = n
            while last + 1 < count and repeats.get(last + 1, (None,))[0] == repeats[last][0] + 1:
                last += 1
            if last - n + 1 < PASTED_RUN and all(lay.lines[paragraphs[k][0]].enum for k in range(n, last + 1)):
                n = last + 1  # numbered items repeated in parallel sections (申报条件 1. 2. under each subsidy)
                continue
            first_line, last_line = paragraphs[n][0], paragraphs[last][1]
            orig_first, orig_last = paragraphs[original][0], paragraphs[original + last - n][1]
            here = f"第{first_line + 1}行" if first_line == last_line else f"第{first_line + 1}–{last_line + 1}行"
            there = f"第{orig_first + 1}行" if orig_first == orig_last else f"第{orig_first + 1}–{orig_last + 1}行"
            kind = "完全相同" if sim >= 1.0 and last == n else ("重复" if sim >= 1.0 else f"几乎相同（{sim:.0%}）")
            line = lay.lines[first_line]
            delete_start = doc.line_span(first_line)[0]
            delete_end = doc.line_span(last_line, newline=True)[1]
            yield Hit(line.start, line.end, f"{here}与{there}{kind}：删除重复的内容", None,
                      Fix.delete(delete_start, delete_end, "unsafe"))
            n = last + 1


# ----- ST015 ---------------------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]+")
SHINGLE = 12  # Han characters in the pieces that index the text for repeats
# Characters so common in Chinese prose that few stretches of fifty characters lack all of them:
# where the text is sampled to prove that it repeats nothing long (the pieces of every position are
# compared only in the rare documents that do).
ANCHORS = "的一是在不了有和人中"  # the same in Simplified and Traditional script


@lru_cache(maxsize=4)
def _sampling(shortest: int):
    """The patterns of `may_repeat` for runs of `shortest` characters: the pieces of half that
    length after each anchor, and the next stretch too long to be sure to hold an anchor in a run's
    first part (found in one pass: short gaps and anchors, then the long gap)."""
    piece = shortest // 2
    reach = shortest - piece + 1  # a run's first `reach` characters start pieces inside it
    after_anchor = re.compile(f"[{ANCHORS}](?=(.{{{piece - 1}}}))")
    long_gap = re.compile(f"(?:[^{ANCHORS}]{{0,{reach - 1}}}[{ANCHORS}])*([^{ANCHORS}]{{{reach},}})")
    return piece, reach, after_anchor, long_gap


def may_repeat(stream: str, shortest: int) -> bool:
    """False when no `shortest` characters occur twice in `stream`, proven from a sample of it: a
    run occurring twice has the same pieces after the same anchors in both copies, or starts with
    a stretch free of anchors in both (whose pieces are then taken at every position). True when
    some do, or when proving otherwise would cost more than finding the runs."""
    length = max(shortest, SHINGLE)
    piece, reach, after_anchor, long_gap = _sampling(length)
    pieces = after_anchor.findall(stream)
    if len(set(pieces)) < len(pieces):
        at = [m.start(1) for m in after_anchor.finditer(stream)]
        if _in_long_run(stream, pieces, at, length):
            return True
    at = []
    gap = long_gap.match(stream)
    while gap:
        start, end = gap.span(1)
        at.extend(range(start, end - reach + 1))
        gap = long_gap.match(stream, end)
    pieces = [stream[i : i + piece] for i in at]
    return len(set(pieces)) < len(pieces) and _in_long_run(stream, pieces, at, length)


def _in_long_run(stream: str, pieces: list[str], at: list[int], length: int) -> bool:
    """Are two equal pieces (the piece at at[k] is pieces[k]) inside two equal runs of `length`
    characters? Tried for each place a piece can have in such a run, and given up (True) where
    that would take longer than indexing every position (a sentence on every page of a long
    document)."""
    places: dict[str, list[int]] = {}
    for text, i in zip(pieces, at):
        places.setdefault(text, []).append(i)
    budget = max(len(stream) // 4, 2000)  # runs compared
    for text, group in places.items():
        if len(group) > 1:
            for before in range(length - len(text) + 1):
                budget -= len(group)
                if budget < 0:
                    return True
                runs = [stream[i - before : i - before + length] for i in group if i >= before]
                if len(set(runs)) < len(runs):
                    return True
    return False


def repeated_runs(stream: str, shortest: int):
    """(first, second, length): every maximal run of at least `shortest` characters of `stream`
    that occurred before (first: where it occurred first, second: where it occurs again), found
    from the pieces of SHINGLE characters both runs share."""
    seen: dict[str, int] = {}
    run = None  # [first, second, last piece of the run]
    runs = []
    for j in range(len(stream) - SHINGLE + 1):
        piece = stream[j : j + SHINGLE]
        i = seen.get(piece)
        if i is None:
            seen[piece] = j
        if run is not None and run[2] == j - 1 and i is not None and j - i == run[1] - run[0]:
            run[2] = j
            continue
        if run is not None:
            runs.append(run)
            run = None
        if i is not None and j - i >= SHINGLE:
            run = [i, j, j]
    if run is not None:
        runs.append(run)
    for first, second, last in runs:
        length = last - second + SHINGLE
        if length >= shortest:
            yield first, second, length


class RepeatedPassage(Rule):
    code = "ST015"
    name = "repeated-passage"
    category = "structure"
    severity = "info"
    summary = "一段文字在文件中重复出现，但断行或分段的位置不同（按字比较，跨越行界）"
    why = (
        "网页和 PDF 转换常把同一段话粘贴两次，第二次在不同的地方断了行，或者夹在另一段里"
        "（网页“延伸阅读”框里重复了正文的三句话；摘要框和正文第一段相同）：逐段比较（ST011）找不到。"
        "规则只看汉字，把全文连成一串，用12个字的片段找出重复出现的、不少于 `min-chars`（默认100，约三句话）个汉字的文字，"
        "在第二次出现处报告。两处断行位置完全相同、整段重复的，由 ST011 报告。"
        "不报告：法律法规（条文按设计重复款项）；标题、列表项和编号行（新闻联播开头的要目和后面各条的标题、"
        "目录和正文的标题）；表格行、链接行、脚注和参考文献行。"
        "更短的重复（一句话）多是政策文件的并列条款、新闻的导语和套话，不报告。"
        "政策文件的并列条款和新闻的摘要也会合理地重复，所以默认级别是 info。"
    )
    bad = (
        "补贴规划纲要提出，我国将落实医保关系转移接续办法，实现医疗保险缴费年限在各地互认，累计合并计算。"
        "记者了解到，实际上，2011年7月正式实施的社保法，已经明确提出个人跨统筹地区就业的，其基本养老保险关系随本人转移，"
        "缴费年限累计计算。\n延伸阅读：\n补贴规划纲要提出，我国将落实医保关系转移接续办法，实现医疗保险缴费年限在各地互认，"
        "累计合并计算。记者了解到，实际上，2011年7月正式实施的社保法，\n"
        "已经明确提出个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。\n"
    )
    good = (
        "补贴规划纲要提出，我国将落实医保关系转移接续办法，实现医疗保险缴费年限在各地互认，累计合并计算。"
        "记者了解到，实际上，2011年7月正式实施的社保法，已经明确提出个人跨统筹地区就业的，其基本养老保险关系随本人转移，"
        "缴费年限累计计算。\n延伸阅读：\n社保关系转移接续办法的实施细则将于下月公布。\n"
    )
    fix_doc = "删除重复的文字（要由人确认保留哪一处，不自动修正）。"
    reads = ("structure.layout", "structure.statute")
    specs = (
        Spec(bad, ("补贴规划纲要提出，我国将落实医保关系转移接续办法，实现医疗保险缴费年限在各地互认，"
                   "累计合并计算。记者了解到，实际上，2011年7月正式实施的社保法，\n"
                   "已经明确提出个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算",)),
        Spec("一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，开展了形式多样的活动，取得了显著的成绩。\n"
             "二、其他\n"
             "一年来，县总工会在县委和市总工会的正确领导下，以提高干部素质为重点，开展了形式多样的活动，取得了显著的成绩。\n", (),
             note="the same paragraph, split the same way: ST011's finding"),
        Spec("1. 习近平对防汛救灾工作作出重要指示强调要全力组织抢险救援伤员救治群众安置扎实做好灾后恢复重建\n"
             "正文第一段。\n"
             "### 习近平对防汛救灾工作作出重要指示强调要全力组织抢险救援伤员救治群众安置扎实做好灾后恢复重建\n", (),
             note="a list of headlines and the heading of each story"),
    )

    def check(self, doc, ctx):
        text = doc.text
        shortest = int(ctx.option("min-chars"))
        if len(text) < 2 * shortest or statute(doc):
            return
        lay = layout(doc, ctx)
        lines = self._prose_lines(lay, doc.source)
        # The Han characters of the prose lines, first without noting where each is: most
        # documents repeat nothing that long.
        stream = "".join("".join(_HAN.findall(text, start, end)) for start, end in _blocks(lines))
        if len(stream) < 2 * shortest or not may_repeat(stream, shortest):
            return
        offsets, line_of = [], []
        for line in lines:
            for m in _HAN.finditer(text, line.start, line.end):
                offsets.extend(range(m.start(), m.end()))
                line_of.extend([line.index] * (m.end() - m.start()))
        for first, second, length in repeated_runs(stream, shortest):
            if self._same_paragraphs(lay, line_of, offsets, first, second, length):
                continue
            start, end = offsets[second], offsets[second + length - 1] + 1
            first_line, last_line = line_of[second] + 1, line_of[second + length - 1] + 1
            here = f"第{first_line}行" if first_line == last_line else f"第{first_line}–{last_line}行"
            yield Hit(start, end, f"{here}的这段文字（{length}个汉字）与第{line_of[first] + 1}行起的文字重复：删除重复的内容")

    @staticmethod
    def _prose_lines(lay, source):
        """The lines whose text is compared: prose, not headings, list items or furniture."""
        lines = []
        for line in lay.lines:
            if line.enum or not (line.kind in (KIND_PROSE, KIND_TEXT)
                                 or (line.kind == KIND_TRAILER and "。" in line.content)):
                continue  # a heading, a list item, furniture (but sentences after a 延伸阅读 are prose)
            if not furniture(source[line.start : line.end]):
                lines.append(line)
        return lines

    @staticmethod
    def _same_paragraphs(lay, line_of, offsets, first, second, length) -> bool:
        """Do both copies start with a line and break at the same places (ST011's repeat)?"""
        def cut(at):
            lines = line_of[at : at + length]
            starts = offsets[at] == _first_han(lay.lines[lines[0]])
            breaks = [k for k in range(1, len(lines)) if lines[k] != lines[k - 1]]
            return starts, breaks
        a_starts, breaks_a = cut(first)
        b_starts, breaks_b = cut(second)
        # Broken at the same places and both starting with a line: the paragraphs repeat as they
        # are (a run of them may run on into the next copy: 3–7, 8–12, 13–17).
        return breaks_a == breaks_b and a_starts and b_starts


def _blocks(lines):
    """(start, end) of each run of consecutive lines: what separates two lines (a line break,
    blanks) holds no Han character, so the run reads as its lines one after the other."""
    start = end = None
    last = -2
    for line in lines:
        if line.index != last + 1:
            if start is not None:
                yield start, end
            start = line.start
        end, last = line.end, line.index
    if start is not None:
        yield start, end


def _first_han(line) -> int:
    m = _HAN.search(line.content)
    return line.end - len(line.content) + m.start() if m else -1
