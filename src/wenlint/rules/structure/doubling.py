"""ST004 a character or word typed twice (`的的`, `创业业`, `工作工作`) and ST005 an item of a list
repeated (`跳绳、跳绳比赛`)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache


from ...findings import Fix, Hit
from ...tables import cached
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


# The high byte of a UTF-16 code unit -> 0 for a Han character (U+4E00 to U+9FFF), 1 otherwise.
_NOT_HAN_HIGH = bytes(0 if 0x4E <= b <= 0x9F else 1 for b in range(256))
_last: tuple[str, tuple[int, int] | None] = ("", None)


def _utf16(text: str) -> tuple[int, int] | None:
    """The text's UTF-16 code units as one integer, and one whose lanes are not zero where the
    character is not a Han character; None if the text has characters beyond the Basic
    Multilingual Plane. The last answer is kept: ST004 asks twice about the same text."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    data = text.encode("utf-16-le", "surrogatepass")
    units = None
    if len(data) == 2 * len(text):
        not_han = bytearray(len(data))
        not_han[1::2] = data[1::2].translate(_NOT_HAN_HIGH)
        units = int.from_bytes(data, "little"), int.from_bytes(not_han, "little")
    _last = (text, units)
    return units


def equal_runs(text: str, gap: int, shortest: int = 1, han: bool = False):
    """(first, last + 1) of every maximal run of at least `shortest` positions i where
    text[i] == text[i + gap]. With `han`, runs where text[i] (with `gap` 2, text[i + 1] too) is
    not a Han character may be left out: the other runs are whole."""
    n = len(text) - gap
    if n < shortest:
        return
    units = _utf16(text)
    if units is not None:
        x, not_han = units
        x ^= x >> (16 * gap)
        if han:
            x |= not_han if gap == 1 else not_han | (not_han >> 16)
        lanes = x.to_bytes(2 * len(text), "little")
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
    for start, last in equal_runs(text, 1, han=True):
        if "\u4e00" <= text[start] <= "\u9fff":
            yield start, last + 1


def words_twice(text: str):
    """The matches of `(..)\\1` whose two characters are Han (which do not overlap; `.` is not a
    line break), a run of them at a time: (first, stop) for the matches at first, first + 4, …
    before stop, each four characters long. From the runs where the text repeats itself two
    characters further on."""
    runs = list(equal_runs(text, 2, 2, han=True))
    # The last match of a run reaches one place into the next run when that starts one place
    # after the run ends, and the next match starts after it: where the run before is one of
    # other characters (left out above), all runs are read.
    if any(first >= 2 and text[first - 2] == text[first] and (k == 0 or runs[k - 1][1] != first - 1)
           for k, (first, _) in enumerate(runs)):
        runs = equal_runs(text, 2, 2)
    taken = 0  # where the last match ends
    for first, last in runs:
        if "\n" in text[first : first + 2]:
            continue  # the text has a period of two in the run: a line break in every match
        first = max(first, taken)
        if first <= last - 2:
            taken = first + 4 * ((last - 2 - first) // 4) + 4
            if "\u4e00" <= text[first] <= "\u9fff" and "\u4e00" <= text[first + 1] <= "\u9fff":
                yield first, taken


NUMERALS = set("一二三四五六七八九十百千万亿零〇○两")
# After a word, an item number starts an item of its own (报名方式|方式一：…, 方法|方法（1）).
_ITEM_NUMBER = lazyre.compile(r"[一二三四五六七八九十]{1,3}[：:、．.）)]|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[①-⑳]")
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
    # 目的的, 为了了解, 碳中和|和: a word ending in a function word, then the function word itself.
    return left and (a in PARTICLES or function_word(a))


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
    if hi == end and text[hi : hi + 1] == "\n":
        # The doubling ends a line: a hard wrap may have split the word that the second copy
        # starts (法律法规规|定, 试验验|证); read on into the next line.
        nxt = stop = end + 1
        while stop < len(text) and stop - nxt < margin and text[stop] not in _CLAUSE_BREAK:
            stop += 1
        return text[lo:end] + text[nxt:stop], start - lo
    return text[lo:hi], start - lo


# A character that starts at least this many three-character words of the segmenter's dictionary
# made of it and a two-character word (全+过程, 全+方位: 95; 市 25, 有 89) is a productive prefix:
# after a word that ends in it, the second copy starts a compound the dictionary does not list
# (安全|全链条, 省辖市|市参议员, 持有|有表决权). 业 (3), 的 (1), 在 (4) are not.
PREFIX_MIN = 10
# A character the dictionary counts less often than this as a word of its own is, doubled after a
# word of one character, a name, a nickname or a sound (屠呦呦, 钉钉, 卡卡尔, 喵喵叫, “骐骐”), not
# a function word typed twice (的 318 825, 在 727 915, 到 205 341).
RARE_WORD = 5000


PREFIX_FORMAT = 1  # bump when what _count_prefixes returns changes


def _count_prefixes() -> dict[str, int]:
    counts: Counter = Counter()
    for word, _ in _segment.words():
        if len(word) == 3 and _segment.count(word[1:]) > 0:
            counts[word[0]] += 1
    return dict(counts)


@lru_cache(maxsize=1)
def prefix_counts() -> Counter:
    """Character -> how many three-character words of the dictionary are it and a two-character
    word: counted once over the whole dictionary, and kept in the user cache directory."""
    jieba = _segment._import_jieba()
    return Counter(cached("prefix-counts", _count_prefixes, f"{PREFIX_FORMAT} jieba {jieba.__version__}"))


def _starts_word(window: str, spans, k: int) -> bool:
    """Does a word of two or more characters start at window[k] (by the segmenter or the word
    list)?"""
    if k >= len(window):
        return False
    token = _segment.token_at(spans, k)
    if token[0] == k and token[1] - k >= 2:
        return True
    words = lexicon()
    return any(window[k : k + size].translate(t2s_table()) in words for size in (2, 3, 4))


def figure_of_speech(text: str, start: int) -> bool:
    """Is the doubled character at text[start:start + 2] part of a figure: a chiasmus (具体抓|抓具体)
    or a series of reduplications (喝喝水、热热饭、充充电)?"""
    a = text[start]
    before, after = text[max(0, start - 2) : start], text[start + 2 : start + 4]
    if len(before) == 2 and before == after and all("\u4e00" <= c <= "\u9fff" for c in before):
        return True
    lo, hi = max(0, start - 7), min(len(text), start + 9)
    for k in range(lo, hi - 1):
        if abs(k - start) >= 2 and text[k] == text[k + 1] != a and "\u4e00" <= text[k] <= "\u9fff":
            return True
    return False


_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉"}
_CLOSERS = frozenset(_OPENERS.values())
# The longest quoted term (a name, a slogan, a title) inside which a doubling is taken as meant.
QUOTED_TERM = 12


def quoted_term(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a short quoted term or title (“老老人”, 「快点快点」,
    《恭喜恭喜》, “巳巳如意”)? A doubling there is somebody's name or words, quoted as written."""
    k = start - 1
    while k >= 0 and start - k <= QUOTED_TERM and text[k] not in _OPENERS:
        if text[k] in _CLOSERS or text[k] == "\n":
            return False
        k -= 1
    if k < 0 or text[k] not in _OPENERS:
        return False
    close = text.find(_OPENERS[text[k]], end, k + 1 + QUOTED_TERM + 1)
    return close >= 0 and "\n" not in text[end:close]


# The line of a technical standard: its number (GB/T 33009, IEC 62443) or a part (第2-1部分).
_STANDARD = lazyre.compile(r"第[0-9]+(?:-[0-9]+)*部分|(?<![A-Za-z])(?:GB|IEC|ISO|YD|JB|SJ|GA|HJ)(?:/[TZ])?\s?[0-9]")


def standard_title(text: str, start: int) -> bool:
    """Is `start` on the line of a standard's title? Titles of standards are made of parts that the
    original separates by a space, the second often starting with the last word of the first
    (`工业通信网络 网络和系统安全`, `智能制造 制造对象标识解析系统应用指南`): extraction drops the space."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    return _STANDARD.search(text, line_start, line_end if line_end >= 0 else len(text)) is not None


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
    simple = a.translate(t2s_table())
    if (left_size >= 2 and right_size == 1 and prefix_counts()[simple] >= PREFIX_MIN
            and not _segment.tag(window[left[0] : left[1]]).startswith("m") and _starts_word(window, spans, j + 2)):
        # 安全|全|链条, 规定|定|主管机关: a productive prefix starting a compound (but a measure
        # word after a number is not one: 300多名|名职工)
        return True
    if _segment.frequency(simple) < RARE_WORD:
        # 屠|呦|呦, 卡|卡尔, 钉|钉: a name or a sound. The first copy is a word of its own by the
        # dictionary (the segmenter's guesses join unknown characters: 如钉|钉, 笨兔|兔).
        plain = _segment.token_at(_segment.dictionary_tokens(window), j)
        if plain[1] - plain[0] == 1:
            return True
    if left_size == 1 and _segment.tag(a) == "p" and (right_size >= 2 or _segment.frequency(window[j + 1 : j + 3]) > 0):
        return True  # 以|以上, 对|对账单: a preposition before a word that starts with it
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


def _scan(text: str, extra: tuple[str, ...]):
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
            if figure_of_speech(text, start) or quoted_term(text, start, end):
                continue
            window, j = clause(text, start, end)
            if segmented_pair_is_fine(window, j):
                continue
        yield start, end, a, FUNCTION if run == 2 and function_word(a) else CHARACTER
    # A word typed twice.
    for first, stop in words_twice(text):
        unit = text[first : first + 2]  # the same in every match of the run
        a, b = unit
        if not ("\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff") or a == b or (a in NUMERALS and b in NUMERALS):
            continue  # 哈哈哈哈: a run of one character, handled above; 二四二四: a number
        if a in _EMPHATIC_START or b == "不":
            continue  # 一步一步, 很多很多, 是不是不…
        if text[first - 1 : first] == "该":
            continue  # 该走神走神，该吃吃: "do what one will do anyway"
        words = lexicon()
        for start in range(first, stop, 4):
            end = start + 4
            window, j = _window(text, start, end)
            if _allowed(window, j, window[j : j + 4], extra):
                continue
            if _ITEM_NUMBER.match(text, end) or quoted_term(text, start, end) or standard_title(text, start):
                continue  # 方式|方式一：, 《恭喜恭喜》, 「快点快点」, 工业通信网络|网络与系统安全 第2-1部分
            if window[j : j + 2] not in words:
                continue  # not a word: two words that happen to repeat (华人|名人|名家)
            if any(window[j + 2 : j + 2 + size] in words for size in (3, 4)):
                continue  # the second copy starts a longer word (中队|中队长)
            window, j = clause(text, start, end)
            if not segmented_words_twice(window, j):
                continue  # 黑龙江|龙江县: a word read across the repetition
            yield start, end, unit, WORD


WORD, FUNCTION, CHARACTER, UNIT = "word", "function", "character", "unit"
# A unit written both before and after 多 in an approximate number (50年多年 for 50多年).
# Found from the 多 (a literal the engine finds fast), the number and the first unit behind it.
_UNIT_TWICE = lazyre.compile(r"多(?<=[0-9０-９一二三四五六七八九十百千万两]([年月天周个元次倍])多)\1")


def units_twice(text: str):
    """(start, end, unit) of every 年多年 after a number, unless the second unit starts a word
    with what follows (两年多|年均增长)."""
    for m in _UNIT_TWICE.finditer(text):
        unit = m.group(1)
        if text[m.end() - 1 : m.end() + 1] in lexicon():
            continue
        yield m.start() - 1, m.end(), unit

# Parts of speech (jieba's tags) of the words that, doubled between two words of one character,
# are a slip of the keyboard and nothing else: particles, prepositions, conjunctions, pronouns
# (的的, 在在, 和和, 那那).
_SLIP_TAGS = ("u", "p", "c", "r")
_last_scan: tuple = ("", (), ())


def function_word(char: str) -> bool:
    return _segment.tag(char).startswith(_SLIP_TAGS)


def doublings_in(text: str, extra: tuple[str, ...]) -> tuple:
    """(start, end, unit, kind) of every doubling in `text` that is not fine: kind WORD for a word
    of two characters typed twice (属于属于), FUNCTION for a function word of one character typed
    twice (的的), CHARACTER for any other character doubled at a word boundary (创业业). Kept for
    the last text: ST004 and ST014 ask about the same one."""
    global _last_scan
    last = _last_scan
    if last[0] is text and last[1] == extra:
        return last[2]
    found = tuple(sorted([*_scan(text, extra), *((a, b, u, UNIT) for a, b, u in units_twice(text))]))
    _last_scan = (text, extra, found)
    return found


def _hit(start: int, end: int, unit: str, kind: str) -> Hit:
    if kind == UNIT:
        return Hit(start, end, f"数字后的「{unit}」多写了一个：应写作「多{unit}」", f"多{unit}",
                   Fix.replace(start, end, f"多{unit}", "unsafe"))
    if kind == WORD:
        return Hit(start, end, f"「{unit}」重复了两次：删去一个", unit, Fix.replace(start, end, unit, "unsafe"))
    run = end - start
    return Hit(start, end, f"「{unit}」重复了{'两' if run == 2 else run}次：多打了一个「{unit}」", unit,
               Fix.replace(start, end, unit, "unsafe"))


class DoubledWord(Rule):
    code = "ST004"
    name = "doubled-word"
    category = "structure"
    severity = "warning"
    summary = "词或虚词多打了一遍（属于属于、的的、在在）"
    why = (
        "一个双字词或一个虚词多打了一遍（`通化属于属于“双廊”`、`发展特色特色大榛子产业`、`三十三载的的不懈情怀`、"
        "`一个在在加州大学的研究者`），读者一眼就能看出来。规则用 jieba 分词和它的词典判断："
        "双字词要被读成同一个词连写两次；单字只报告助词、介词、连词、代词（的、在、和、那）前后都是单字词的情形。"
        "其他单字在词语交界处的重复（`创业业带头人`）由 ST014 报告。下面这些不报告："
        "叠词（常常、人人、看看）、AABB（干干净净）、ABAB 动词（研究研究、修改修改）、"
        "后一个词开头又连着更长的词（中队|中队长）、`该走神走神` 这样的“该 A A”格式、"
        "后面紧跟序号的标题（报名方式|方式一：）、引号和书名号里的名称与标题（《恭喜恭喜》、「快点快点」）、"
        "标准名称里原本用空格隔开的两部分（工业通信网络 网络和系统安全 第2-1部分）、"
        "前一个词以这个虚词结尾（目的|的、中和|和）、介词后接以它开头的词（以|以上）。"
        "数字后的单位在“多”前后各写一次（`50年多年`）也报告，后一个单位和下文成词的（`两年多|年均增长`）不报告。"
        "词表在 `rules/data/structure-doublings.txt`，可用 `allowed-doublings` 选项补充。"
    )
    bad = "在吉林省总体布局中，通化属于属于“双廊、双带、双线”核心区之一。"
    good = "在吉林省总体布局中，通化属于“双廊、双带、双线”核心区之一。"
    fix_doc = "删去一个。这是不安全修正：重复也可能掩盖了漏字，要确认原意。"
    fix_safety = "unsafe"
    specs = (
        Spec("讲述老教师从教三十三载的的不懈情怀。", ("的的",), fixed="讲述老教师从教三十三载的不懈情怀。"),
        Spec("我们我们要把工作抓紧抓实。", ("我们我们",), fixed="我们要把工作抓紧抓实。"),
        Spec("一个在在加州大学的研究者，发展特色特色大榛子产业。", ("在在", "特色特色")),
        Spec("营造了全社会人人想安全，个个讲安全，事事重安全，处处有安全的良好氛围。", ()),
        Spec("常常、渐渐、谢谢、看看、天天、一一落实、多多益善、哈哈大笑。", ()),
        Spec("使县总工会上上下下都积极地投入，把办公室打扫得干干净净。", ()),
        Spec("这个问题要好好研究研究，大家再商量商量，把参数修改修改。", ()),
        Spec("湘乡市市委书记参加了会议，为了了解情况，达到了目的的一半，碳达峰碳中和和“1+N”政策。", ()),
        Spec("一个个鲜活的事例，一件件实事，一步一步地推进，很多很多人。", ()),
        Spec("孩子仍然该走神走神，报名方式方式一：扫码，歌曲有《恭喜恭喜》，本是「快点快点」之意。", ()),
        Spec("工业通信网络网络与系统安全 第2-1部分：建立工业自动化和控制系统安全程序", ()),
        Spec("其画法为：以以上四点为圆心。", ()),
        Spec("这家公司已经有50年多年的历史了，今年两年多年均增长5%。", ("年多年",), fixed="这家公司已经有50多年的历史了，今年两年多年均增长5%。"),
        Spec("这项工作要研讨研讨。", ("研讨研讨",), options={"allowed-doublings": []}),
        Spec("这项工作要研讨研讨。", (), options={"allowed-doublings": ["研讨研讨"]}),
    )

    kinds: tuple[str, ...] = (WORD, FUNCTION, UNIT)

    def check(self, doc, ctx):
        extra = tuple(str(x) for x in ctx.option("allowed-doublings") or ())
        for start, end, unit, kind in doublings_in(doc.text, extra):
            if kind in self.kinds:
                yield _hit(start, end, unit, kind)


class DoubledCharacter(DoubledWord):
    code = "ST014"
    name = "doubled-character"
    severity = "info"
    summary = "词语交界处的字多打了一遍（创业业、以来来）"
    why = (
        "一个字在词尾和下一个词之间多打了一遍（`下岗创业业带头人`、`今年以来来共解决`）。"
        "这类重复和合乎规范的两词相接很难分开：规则用 jieba 分词、它的词典和叠词词表判断，下面这些不报告："
        "叠词（常常、天天）和量词重叠（座座军营、趟趟爆满）、AABB（干干净净）、一AA（一个个）、"
        "动词带宾语的重叠（喝喝水、热热饭）、成串的叠用（歇歇脚、喝喝水、热热饭）、回环（具体抓抓具体）、"
        "两个词在同一个字上相接（研究所|所长、委员会|会议、工作|作风）、"
        "能产的前缀字开头的新词（安全|全链条、省辖市|市参议员、持有|有表决权）、"
        "很少单用的字组成的名字和象声词（屠呦呦、钉钉、卡卡尔、喵喵叫）、引号里的短名称（“老老人”、“骐骐”）、"
        "断行把词拆开时，下一行开头的字（法律法规规|定）、常见姓氏后的叠字名（李喵喵）、数字（一三一一一）。"
        "分不开的情形仍然不少（执行主席席就座、连云港港），所以默认级别是 info；"
        "双字词和虚词的重复由 ST004 报告。"
    )
    bad = "宣传了国家、省、市级劳动模范及下岗创业业带头人的先进事迹11件次。"
    good = "宣传了国家、省、市级劳动模范及下岗创业带头人的先进事迹11件次。"
    fix_doc = (
        "删去一个。这是不安全修正：保留第一个通常是对的，但重复也可能掩盖了漏字"
        "（`创业业带头人` 原本可能是 `创业就业带头人`）。"
    )
    specs = (
        Spec("今年以来来共解决了拖欠职工工资的问题。", ("来来",)),
        Spec("及下崗創業業帶頭人的先進事跡", ("業業",)),
        Spec("改进工作作风，发挥工会会员和农民工工会的作用，深入学习习近平新时代中国特色社会主义思想。", ()),
        Spec("加强食品药品安全全链条监管，完善省辖市市参议员选举。", ()),
        Spec("屠呦呦获奖，常用钉钉、微信联系，卡卡尔宣誓就任。", ()),
        Spec("提供“歇歇脚、喝喝水、热热饭、充充电”服务，具体抓抓具体、深入抓抓深入，“老老人”服务。", ()),
        Spec("开展“五五”普法，即“一三一一一”工作思路。", ()),
        Spec("智能网联汽车生产企业应遵守网络安全法律法规规\n定，建立管理制度。", ()),
    )
    kinds = (CHARACTER,)


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
