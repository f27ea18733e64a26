"""ST004 a character or word typed twice (`的的`, `创业业`, `工作工作`) and ST005 an item of a list
repeated (`跳绳、跳绳比赛`)."""

from __future__ import annotations

from functools import lru_cache


from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._lexicon import doublings, lexicon, t2s_table
from . import _segment
from ... import lazyre

HAN = "\u4e00-\u9fff"

# Where a character equals the one `gap` places further, at C speed rather than with a regex that
# stops at every position (`(.)\1`, `(..)\1`): the text as code points in one big integer, XORed
# with itself shifted by `gap` characters, is zero in the lanes where the characters are equal.
# In UTF-16 (the text has no character beyond the Basic Multilingual Plane) a lane is two bytes,
# and two zero bytes found across two lanes are skipped. Otherwise a lane is 32 bits with its top
# bit set (code points have 21 bits: the XOR of two never sets bits 21 to 31), so that it reads
# `00 00 00 80` exactly where it is zero, and those four bytes are never found across two lanes.
_ZERO16 = b"\x00\x00"
_ZERO16_RUN = lazyre.compile(b"(?:\x00\x00)+")
_ZERO32 = b"\x00\x00\x00\x80"
_ZERO32_RUN = lazyre.compile(b"(?:\x00\x00\x00\x80)+")


_last: tuple[str, int | None] = ("", 0)


def _utf16(text: str) -> int | None:
    """The text's UTF-16 code units as one integer; None if it has characters beyond the Basic
    Multilingual Plane. The last answer is kept: ST004 asks twice about the same text."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    data = text.encode("utf-16-le", "surrogatepass")
    x = int.from_bytes(data, "little") if len(data) == 2 * len(text) else None
    _last = (text, x)
    return x


def equal_runs(text: str, gap: int, shortest: int = 1):
    """(first, last + 1) of every maximal run of at least `shortest` positions i where
    text[i] == text[i + gap]."""
    n = len(text) - gap
    if n < shortest:
        return
    x = _utf16(text)
    if x is not None:
        lanes = (x ^ (x >> (16 * gap))).to_bytes(2 * len(text), "little")
        size = 2 * n  # the last `gap` lanes compare characters with nothing
        zero = _ZERO16 * shortest
        find, match = lanes.find, _ZERO16_RUN.match
        i = find(zero, 0, size)
        while i >= 0:
            if i & 1:
                i = find(zero, i + 1, size)
                continue
            end = match(lanes, i, size).end()
            yield i >> 1, end >> 1
            i = find(zero, end, size)
        return
    x = int.from_bytes(text.encode("utf-32-le", "surrogatepass"), "little")
    size = 4 * len(text)
    lanes = ((x ^ (x >> (32 * gap))) | int.from_bytes(_ZERO32 * n, "little")).to_bytes(size, "little")
    size = 4 * n
    zero = _ZERO32 * shortest
    find, match = lanes.find, _ZERO32_RUN.match
    i = find(zero, 0, size)
    while i >= 0:
        end = match(lanes, i, size).end()
        yield i >> 2, end >> 2
        i = find(zero, end, size)


def doubled_characters(text: str):
    """(start, end) of every run of a Han character repeated (`的的`, `哈哈哈`)."""
    for start, last in equal_runs(text, 1):
        if "\u4e00" <= text[start] <= "\u9fff":
            yield start, last + 1


def words_twice(text: str):
    """The matches of `(..)\\1` (which do not overlap; `.` is not a line break), a run of them at
    a time: (first, stop) for the matches at first, first + 4, … before stop, each four characters
    long. From the runs where the text repeats itself two characters further on."""
    taken = 0  # where the last match ends
    for first, last in equal_runs(text, 2, 2):
        if "\n" in text[first : first + 2]:
            continue  # the text has a period of two in the run: a line break in every match
        first = max(first, taken)
        if first <= last - 2:
            taken = first + 4 * ((last - 2 - first) // 4) + 4
            yield first, taken


NUMERALS = set("一二三四五六七八九十百千万亿零〇○两")
# A word ending in one of these and a word starting with it meet on one character without a
# typo: 东方市|市委, 大运会|会旗, 中信所|所长, 竞争中|中标.
SUFFIXES = set("市县省区州盟旗乡镇村局部处科所系司馆会组校院厂队班社行站店室团委办厅署报台刊网营连排师旅党")
POSTPOSITIONS = set("中上下里内外前后间")
# After a word that ends in one of these, the same character again is a word of its own:
# 目的|的, 为了|了解, 社会|会变得, 可以|以此, 作为|为, 就是|是否.
PARTICLES = set("的了地得着过会以为是在于将")
# Emphatic or counting repetitions of two characters: 很多很多, 一步一步, 是不是不…
_EMPHATIC_START = "一很好太真多越"


def _window(text: str, start: int, end: int, margin: int = 5) -> tuple[str, int]:
    lo = max(0, start - margin)
    return text[lo : end + margin].translate(t2s_table()), start - lo


def _allowed(window: str, j: int, key: str, extra: tuple[str, ...]) -> bool:
    """Is the doubling `key` at `window[j:]` inside a listed legitimate entry?"""
    for entry, k in doublings(extra).get(key, ()):
        s = j - k
        if s >= 0 and window[s : s + len(entry)] == entry:
            return True
    return False


def _pair_is_fine(window: str, j: int) -> bool:
    """`window[j] == window[j + 1]`: two words meeting on one character, or a word with a doubled
    character in it, rather than a character typed twice?"""
    a = window[j]
    words = lexicon()
    # AABB (干干净净, 上上下下), and 一AA (一个个, 一组组): reduplication, not a typo.
    if j + 3 < len(window) and window[j + 2] == window[j + 3] and window[j + 2] != a:
        return True
    if j >= 2 and window[j - 2] == window[j - 1] and window[j - 1] != a:
        return True
    if j >= 1 and window[j - 1] == "一":
        return True
    # A longer word with the doubled character inside (不了了之, 工作作风, 来来往往, 吉尔吉斯斯坦).
    for size in (3, 4, 5, 6):
        for s in range(j + 2 - size, j + 1):
            if s >= 0 and s + size <= len(window) and window[s : s + size] in words:
                return True
    left = any(j + 1 - size >= 0 and window[j + 1 - size : j + 1] in words for size in (2, 3, 4))
    right = any(j + 1 + size <= len(window) and window[j + 1 : j + 1 + size] in words for size in (2, 3, 4))
    if right and (left or a in SUFFIXES or a in POSTPOSITIONS):
        return True
    # 目的的, 为了了解: a word ending in a particle, then the particle itself.
    return left and a in PARTICLES


# Where a clause ends: the segmenter is asked about the clause around a doubling, not more.
_CLAUSE_BREAK = frozenset("，。、；：？！,.;:?!\n“”‘’（）()《》「」『』【】 \t\u3000")
# Parts of speech (jieba's tags) of a character that is a word of its own after a word ending in
# it: a particle, preposition, conjunction, adverb or pronoun (目的|的, 寓所|所设).
_FUNCTION_TAGS = ("u", "p", "c", "d", "r")


def clause(text: str, start: int, end: int, margin: int = 12) -> tuple[str, int]:
    """The clause around text[start:end] (at most `margin` characters either side), and where
    `start` is in it."""
    lo = start
    while lo > 0 and start - lo < margin and text[lo - 1] not in _CLAUSE_BREAK:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < margin and text[hi] not in _CLAUSE_BREAK:
        hi += 1
    return text[lo:hi], start - lo


def segmented_pair_is_fine(window: str, j: int) -> bool:
    """`window[j] == window[j + 1]`, as the segmenter reads it: inside one word (常常, 宋琳琳,
    杠杠), across the boundary of two words (研究所|所长, 委员会|会议, 两国|国歌), a function word
    after a word ending in it (寓所|所设), or a verb doubled before its object (喝喝水, 避避暑)?
    Not: two words of one character (的|的), a word and its last character again (创业|业)."""
    spans = _segment.tokens(window)
    left, right = _segment.token_at(spans, j), _segment.token_at(spans, j + 1)
    if left == right:
        return True
    a = window[j]
    left_size, right_size = left[1] - left[0], right[1] - right[0]
    if left_size >= 2 and right_size >= 2:
        return True
    if right_size == 1 and j >= 1 and left[0] >= j - 1 and _segment.surname_like(window[j - 1]):
        return True  # a doubled given name after a surname: 李喵喵, 马西西
    if left_size >= 2:
        after = window[j + 2 : j + 3]
        # 工作|作了发言, 规定|定之: a verb of one character with its aspect particle or object 之.
        verb = _segment.tag(a).startswith("v") and after in ("了", "着", "过", "之")
        # 立法院|院会: the second copy starts a word the segmenter did not put together.
        word = bool(after) and _segment.frequency(a + after) > 0
        return verb or word or _segment.tag(a).startswith(_FUNCTION_TAGS)
    if right_size >= 2:
        # 两国|国歌, 类别股|股东, 快递业|业务: the first copy ends the word before it, as a suffix
        # the dictionary does not list; 喝喝水: a verb doubled before its object.
        return (j >= 1 and "\u4e00" <= window[j - 1] <= "\u9fff") or _segment.tag(a).startswith("v")
    # Two words of one character: a measure word doubled means "every" (座座军营, 场场精彩).
    return _segment.tag(a).startswith("q")


def segmented_words_twice(window: str, j: int, size: int = 2) -> bool:
    """Does the segmenter read `window[j:j + 2 * size]` as the same word twice (属于|属于), rather
    than words that happen to repeat characters (黑龙江|龙江县)?"""
    spans = _segment.tokens(window)
    return (j, j + size) in spans and (j + size, j + 2 * size) in spans


@lru_cache(maxsize=8)
def _decided(extra: tuple[str, ...]) -> dict[tuple[str, int, int], bool]:
    """Whether a doubled character in a context (the text around it, where it is in it, how many
    times) is fine, by the legitimate doublings allowed: kept across documents, which repeat the
    same contexts (3 778 decisions about 93 contexts on the bench corpus)."""
    return {}


class DoubledWord(Rule):
    code = "ST004"
    name = "doubled-word"
    category = "structure"
    severity = "info"
    summary = "字或词重复（的的、创业业、我们我们）"
    why = (
        "一个字或词多打了一遍（`三十三载的的不懈情怀`、`下岗创业业带头人`、`今年以来来共解决`、`通化属于属于`），"
        "读者一眼就能看出来。汉语里也有很多合乎规范的叠用，规则用 jieba 分词和词表来判断，下面这些不报告："
        "叠词（常常、人人、天天、看看、刚刚）和量词重叠（座座军营、场场精彩、个个讲安全）、"
        "AABB（干干净净、家家户户）、ABAB 动词（研究研究）、一一、一AA（一个个）、动词带宾语的重叠（喝喝水、避避暑）、"
        "两个词在同一个字上相接（研究所|所长、委员会|会议、工作|作风、两国|国歌、目的|的）、"
        "常见姓氏后的叠字名（李喵喵、杨蓉蓉）、数字（一三一一一）。"
        "词表在 `rules/data/structure-doublings.txt`，可用 `allowed-doublings` 选项补充。"
    )
    bad = "宣传了国家、省、市级劳动模范及下岗创业业带头人的先进事迹11件次。"
    good = "宣传了国家、省、市级劳动模范及下岗创业带头人的先进事迹11件次。"
    fix_doc = (
        "删去一个。这是不安全修正：保留第一个通常是对的，但重复也可能掩盖了漏字"
        "（`创业业带头人` 原本可能是 `创业就业带头人`）。"
    )
    fix_safety = "unsafe"
    options = {"allowed-doublings": []}
    specs = (
        Spec("讲述老教师从教三十三载的的不懈情怀。", ("的的",), fixed="讲述老教师从教三十三载的不懈情怀。"),
        Spec("今年以来来共解决了拖欠职工工资的问题。", ("来来",)),
        Spec("及下崗創業業帶頭人的先進事跡", ("業業",)),
        Spec("我们我们要把工作抓紧抓实。", ("我们我们",), fixed="我们要把工作抓紧抓实。"),
        Spec("营造了全社会人人想安全，个个讲安全，事事重安全，处处有安全的良好氛围。", ()),
        Spec("常常、渐渐、谢谢、看看、天天、一一落实、多多益善、哈哈大笑。", ()),
        Spec("使县总工会上上下下都积极地投入，把办公室打扫得干干净净。", ()),
        Spec("这个问题要好好研究研究，大家再商量商量。", ()),
        Spec("改进工作作风，发挥工会会员和农民工工会的作用，深入学习习近平新时代中国特色社会主义思想。", ()),
        Spec("湘乡市市委书记和教育局局长参加了会议，为了了解情况，达到了目的的一半。", ()),
        Spec("一个个鲜活的事例，一件件实事，一步一步地推进，很多很多人。", ()),
        Spec("开展“五五”普法，即“一三一一一”工作思路。", ()),
        Spec("这项工作要研讨研讨。", ("研讨研讨",), options={"allowed-doublings": []}),
        Spec("这项工作要研讨研讨。", (), options={"allowed-doublings": ["研讨研讨"]}),
    )

    def check(self, doc, ctx):
        text = doc.text
        extra = tuple(str(x) for x in ctx.option("allowed-doublings") or ())
        decided = _decided(extra)
        # A character typed twice or more: the runs of a repeated Han character.
        for start, end in doubled_characters(text):
            a = text[start]
            if a in NUMERALS:
                continue
            window, j = _window(text, start, end)
            run = end - start
            # The same contexts recur (工作作风, 工会会员): decide each once.
            fine = decided.get((window, j, run))
            if fine is None:
                if len(decided) >= 1 << 16:
                    decided.clear()
                fine = decided[(window, j, run)] = _allowed(window, j, window[j : j + 2], extra) or (
                    _pair_is_fine(window, j) if run == 2 else (window[j : j + run] in lexicon() or all(
                        _allowed(window, k, window[k : k + 2], extra) or _pair_is_fine(window, k)
                        for k in range(j, j + run - 1)
                    ))  # 扎扎实实|实施, 哈哈哈
                )
            if fine:
                continue
            if run == 2:
                window, j = clause(text, start, end)
                if segmented_pair_is_fine(window, j):
                    continue
            yield Hit(start, end, f"「{a}」重复了{'两' if run == 2 else run}次：多打了一个「{a}」", a,
                      Fix.replace(start, end, a, "unsafe"))
        # A word typed twice.
        for first, stop in words_twice(text):
            unit = text[first : first + 2]  # the same in every match of the run
            a, b = unit
            if not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff") or a == b or (a in NUMERALS and b in NUMERALS):
                continue  # 哈哈哈哈: a run of one character, handled above; 二四二四: a number
            if a in _EMPHATIC_START or b == "不":
                continue  # 一步一步, 很多很多, 是不是不…
            words = lexicon()
            for start in range(first, stop, 4):
                end = start + 4
                window, j = _window(text, start, end)
                if _allowed(window, j, window[j : j + 4], extra):
                    continue
                if window[j : j + 2] not in words:
                    continue  # not a word: two words that happen to repeat (华人|名人|名家)
                if any(window[j + 2 : j + 2 + size] in words for size in (3, 4)):
                    continue  # the second copy starts a longer word (中队|中队长)
                window, j = clause(text, start, end)
                if not segmented_words_twice(window, j):
                    continue  # 黑龙江|龙江县: a word read across the repetition
                yield Hit(start, end, f"「{unit}」重复了两次：删去一个", unit,
                          Fix.replace(start, end, unit, "unsafe"))


_ITEM_TWICE = lazyre.compile_regex(rf"([{HAN}]{{2,8}})、\1")
# The same matches, found from the `、` (a literal the engine finds fast) rather than tried at every
# Han character: the 2 to 8 Han characters before it, longest first, repeated after it.
_ITEM_AT = lazyre.compile(
    "、(?:" + "|".join(f"(?<=([{HAN}]{{{k}}})、)\\{9 - k}" for k in range(8, 1, -1)) + ")"
)
_HAN_RUN = lazyre.compile(f"[{HAN}]+")


def repeated_items(text: str):
    """(start, end) of every match of `_ITEM_TWICE`: for each `、` where some match is, the one
    that starts first after the previous match (the longest that does)."""
    taken = 0  # where the previous match ends
    for m in _ITEM_AT.finditer(text):
        mark = m.start()
        for size in range(min(8, mark - taken), 1, -1):
            unit = text[mark - size : mark]
            if text.startswith(unit, mark + 1) and _HAN_RUN.fullmatch(unit):
                taken = mark + 1 + size
                yield mark - size, taken
                break


# Words that end an item of a list (跳绳、跳绳和拔河: the item is repeated whole).
_ITEM_ENDS = frozenset("和与及或等")
# What precedes an item that is repeated whole: the start of a line or a list, a separator.
_ITEM_STARTS = frozenset("\n、，,；;：:。")
_SENTENCE_END = lazyre.compile_regex(r"[。！？；;\n]")


class RepeatedListItem(Rule):
    code = "ST005"
    name = "repeated-list-item"
    category = "structure"
    severity = "info"
    summary = "列举中同一项完整地重复（征文、跳绳、跳绳等活动）"
    why = (
        "列举里同一项在顿号两边原样写了两遍（`开展了征文、跳绳、跳绳等活动`），是修改列表时留下的。"
        "不报告：后一项以前一项开头、是另一个事物（`网络、网络安全`、`食品、食品添加剂`、`教育、教育信息化`）；"
        "前一项更长、只以后一项结尾（`主任检察官、检察官`、`特别重大、重大`）；"
        "有意的顶真（`市场牵龙头、龙头带基地、基地连农户`）；前一项是更长词语的后半（`高速公路、公路联络线`）；"
        "引号里有意的重复（「妈妈、妈妈」）。"
    )
    bad = "举办了“五四”征文、跳绳、跳绳等各种文体活动。"
    good = "举办了“五四”征文、跳绳等各种文体活动。"
    fix_doc = "删去第一项和它后面的顿号（不安全修正：要确认哪一项是原意）。"
    fix_safety = "unsafe"
    specs = (
        Spec("开展了征文、跳绳、跳绳等各种文体活动", ("跳绳、跳绳",), fixed="开展了征文、跳绳等各种文体活动"),
        Spec("開展了徵文、跳繩、跳繩等各種文體活動", ("跳繩、跳繩",)),
        Spec("组织开展了篮球、拔河、拔河和乒乓球比赛。", ("拔河、拔河",)),
        Spec("坚持市场牵龙头、龙头带基地、基地连农户的模式。", ()),
        Spec("严厉打击徇私枉法、枉法裁判等行为，修建高速公路、公路联络线。", ()),
        Spec("加强网络、网络安全建设，进口食品、食品添加剂应当检验。", ()),
        Spec("任免主任检察官、检察官；分为特别重大、重大、较大和一般四级。", ()),
        Spec("开展学习、教育、培训活动。", ()),
    )

    def check(self, doc, ctx):
        text = doc.text
        words = None
        for start, end in repeated_items(text):
            unit = text[start : (start + end - 1) // 2]
            # A chain of such repetitions in one sentence is a figure of speech (顶真).
            before = text.rfind("\n", 0, start)
            for stop in "。！？；;":
                before = max(before, text.rfind(stop, 0, start))
            after = _SENTENCE_END.search(text, end)
            sentence = text[before + 1 : after.start() if after else len(text)]
            if len(_ITEM_TWICE.findall(sentence, overlapped=True)) >= 2:
                continue
            before = text[start - 1 : start]
            if before and before not in _ITEM_STARTS:
                continue  # the first item is longer (主任检察官、检察官; 特别重大、重大): two items
            after = text[end : end + 1]
            if after and "\u4e00" <= after <= "\u9fff" and after not in _ITEM_ENDS:
                continue  # the second item only starts with the first (食品、食品添加剂): two items
            if words is None:
                words = lexicon()
            window, j = _window(text, start, end)
            size = len(unit)
            if any(
                s >= 0 and window[s : j + size] in words
                for s in range(j - 4, j)
            ):
                continue  # the first copy ends a longer word (高速公路、公路联络线)
            yield Hit(start, end, f"列举中「{unit}」重复：删去多余的一项", unit,
                      Fix.replace(start, end, unit, "unsafe"))
