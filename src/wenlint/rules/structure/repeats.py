"""ST011 a paragraph (or a run of paragraphs) repeated inside one file."""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._layout import KIND_TRAILER, layout

_NOT_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9\u3400-\u4dbf]+")
KEY = 12  # characters at either end of a paragraph that index it for near duplicates
first_chars, last_chars = itemgetter(slice(None, KEY)), itemgetter(slice(-KEY, None))


def _trigrams(norm: str) -> set[str]:
    return {norm[i : i + 3] for i in range(len(norm) - 2)}


class RepeatedParagraph(Rule):
    code = "ST011"
    name = "repeated-paragraph"
    category = "structure"
    severity = "info"
    summary = "段落在同一文件中重复出现（完全相同或几乎相同）"
    why = (
        "Compilations assembled from template sites repeat paragraphs, or a whole section, when "
        "the same piece was pasted twice. The rule compares paragraphs after dropping punctuation "
        "and spaces: an exact repeat, or a near one (a Jaccard similarity of their "
        "character trigrams of at least `similarity`, default 0.8), is reported at the repeat, naming the line "
        "of the first occurrence; consecutive repeated paragraphs are reported once, as a block. "
        "Paragraphs shorter than `min-paragraph-chars` (default 20 characters, so headings such "
        "as `一、指导思想` that recur in every section) are ignored. A near duplicate is found when "
        "it starts or ends with the same 12 characters as the original."
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
    fix_doc = "Delete the repeated paragraphs (an unsafe fix: check which copy to keep)."
    fix_safety = "unsafe"
    options = {"min-paragraph-chars": 20, "similarity": 0.8}
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
    )

    def check(self, doc, ctx):
        lay = layout(doc, ctx)
        text = doc.text
        minimum = int(ctx.option("min-paragraph-chars"))
        threshold = float(ctx.option("similarity"))
        lines = lay.lines
        spans = [(first, last) for first, last in lay.paragraphs if lines[first].kind != KIND_TRAILER]
        raws = [lines[first].content if first == last else text[lines[first].start : lines[last].end]
                for first, last in spans]
        # A paragraph can repeat another, or be repeated, only if another has the same first or
        # last characters: in most documents no two have.
        long = [raw for raw in raws if len(raw) >= minimum]
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
        return len(ga & gb) / (len(ga | gb) or 1)

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
