"""One analysis of a document for the placeholder (PH) and mask (MK) families.

Every PH/MK rule reads the same list of findings, a document analysis computed once per document
(`scan`): the document is searched for placeholder marks (X/x/Ｘ/×, `*`/＊, □/■, underscores),
and the text around each one is matched against patterns from the most specific (a date, a
document number, a year ...) to the most general (any XX next to Chinese text). A span that one
pattern has claimed is never reported again, so one placeholder gives one finding, from the rule
that says best what to fill in. PH claims first; MK sees what is left.

Speed: the marks are found with one literal search per mark character (fast even on megabytes of
text); the patterns run only in a few characters around each mark, and are compiled only when a
document has a mark at all. The word lists (name endings, titles, units, surnames, the phrase
table) are looked up in Python sets rather than compiled into patterns.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import regex

from ...analyses import analysis
from ...findings import Fix, Hit
from ..patterns import words_pattern
from ._data import Lists, lists_for, option_key


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Punctuation of Chinese text: a placeholder next to it is in Chinese prose, not in a Latin token.
CJK_PUNCT = "、，。；：！？“”‘’《》〈〉（）【】「」『』〔〕［］…—～·"
LATIN_MARKS = "XxＸｘ"
CROSS = "×"
STARS = "*＊"
BOXES = "□■"
UNDERSCORES = "_＿"
MARK_CLASS = {c: "latin" for c in LATIN_MARKS}
MARK_CLASS.update({c: "cross" for c in CROSS})
MARK_CLASS.update({c: "star" for c in STARS})
MARK_CLASS.update({c: "box" for c in BOXES})
MARK_CLASS.update({c: "underscore" for c in UNDERSCORES})
_RUN = {c: regex.compile(regex.escape(c) + "+") for c in MARK_CLASS}
_EMPTY_BRACKETS = [(o, regex.compile(p)) for o, p in (("[", r"\[[ \t\u00a0\u3000]*\]"), ("〔", r"〔[ \t\u00a0\u3000]*〕"), ("［", r"［[ \t\u00a0\u3000]*］"))]
SEPARATOR_CHARS = set("*＊×□■_＿-—=~～·•.。 \t\u00a0\u3000")
MARGIN = 24

# Which rule reports each kind of finding.
CODES = {
    "year": "PH001", "bare-year": "PH002", "date": "PH003", "docnum": "PH004", "session": "PH005",
    "name": "PH006", "amount": "PH007", "blank": "PH008", "generic": "PH009",
    "masked-word": "MK001", "masked-name": "MK002",
}

_NOUNS = {"place": "地名", "body": "单位名称", "event": "节日或活动名称", "person": "人名"}


@dataclass(frozen=True, slots=True)
class Item:
    code: str
    hit: Hit


class Scan:
    """The placeholder/mask scan of a document: every (start, end, code, hit) found, in order,
    and the hits by rule code."""

    __slots__ = ("found", "by_code")

    def __init__(self, found: list) -> None:
        self.found = found
        self.by_code: dict[str, list[Hit]] = {}
        for _, _, code, hit in found:
            self.by_code.setdefault(code, []).append(hit)


@analysis("placeholder.scan", key=option_key)
def scan(doc, settings) -> Scan:
    """The scan of `doc` under what of `settings` it depends on (`option_key`): the eleven PH/MK
    rules of a run share it."""
    return Scan(Scanner(doc, option_key(settings), settings).run())


def results(doc, settings) -> list[Item]:
    """The PH/MK findings of `doc` (computed once per document and settings)."""
    return [Item(code, hit) for _, _, code, hit in scan(doc, settings).found]


def hits_for(code: str, doc, ctx) -> Iterator[Hit]:
    return iter(scan(doc, ctx.settings).by_code.get(code, ()))


# ----- patterns ---------------------------------------------------------------------------------

_TOKENS = {
    "HAN": HAN,
    "LC": f"[{LATIN_MARKS}{CROSS}]",
    "LAT": f"[{LATIN_MARKS}]",
    "YM": f"[{LATIN_MARKS}{CROSS}{STARS}]",
    "NLB": r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９_])",
    "NLA": r"(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])",
    "SP": r"[ \t\u00a0\u3000]?",
}


def _r(pattern: str, **words: str) -> str:
    for token, value in {**_TOKENS, **words}.items():
        pattern = pattern.replace("{" + token + "}", value)
    return pattern


def _p(pattern: str, **words: str) -> regex.Pattern:
    return regex.compile(_r(pattern, **words), regex.MULTILINE | regex.VERSION0)


def _combine(entries: list) -> tuple[tuple[str, frozenset, regex.Pattern | None], ...]:
    """One pattern per kind: its alternatives in order, and the characters one of which must be
    near a mark for any of them to match (empty: no such character)."""
    combined: list[tuple[str, frozenset, list]] = []
    for kind, need, raw in entries:
        if raw is None:
            combined.append((kind, frozenset(), None))
        elif combined and combined[-1][0] == kind and combined[-1][2] is not None:
            old_kind, old_need, raws = combined[-1]
            merged = old_need | frozenset(need) if old_need and need else frozenset()
            combined[-1] = (kind, merged, raws + [raw])
        else:
            combined.append((kind, frozenset(need), [raw]))
    return tuple(
        (kind, need, None if raws is None else
         regex.compile("|".join(f"(?:{r})" for r in raws), regex.MULTILINE | regex.VERSION0))
        for kind, need, raws in combined
    )


def _alt(words) -> str:
    words = [w for w in words if w]
    return "(?:" + words_pattern(list(words)) + ")" if words else "(?!)"


class Words:
    """A word list with fast look-ups at a position of a text (the longest word wins)."""

    def __init__(self, words) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = sorted({len(w) for w in self.words}, reverse=True)
        self.first = frozenset(w[0] for w in self.words)
        self.last = frozenset(w[-1] for w in self.words)

    def starting(self, text: str, pos: int) -> str | None:
        if text[pos : pos + 1] not in self.first:
            return None
        for n in self.lengths:
            word = text[pos : pos + n]
            if word in self.words:
                return word
        return None

    def ending(self, text: str, pos: int) -> str | None:
        if pos <= 0 or text[pos - 1] not in self.last:
            return None
        for n in self.lengths:
            if n <= pos and text[pos - n : pos] in self.words:
                return text[pos - n : pos]
        return None


@dataclass(frozen=True)
class WordLists:
    """The lists of `Lists` as `Words`: cheap to build, needed for every document."""

    suffixes: Words  # place, body, event and person endings of a name
    suffix_kind: dict
    place_suffixes: Words
    person_suffixes: Words
    person_titles: Words
    place_before: Words
    place_after: Words
    bare_year_ok: Words
    surnames: frozenset
    compound_surnames: frozenset
    phrases_by_prefix_end: dict  # last character of the prefix -> phrases
    phrases_by_suffix_start: dict  # phrases without prefix: first character of the suffix -> phrases


@lru_cache(maxsize=16)
def _words(key: tuple) -> WordLists:
    lists = lists_for(key)
    suffix_kind: dict[str, str] = {}
    for kind, words in (("event", lists.event_suffixes), ("body", lists.body_suffixes),
                        ("place", lists.place_suffixes), ("person", lists.person_suffixes)):
        for w in words:
            suffix_kind[w] = kind
    return WordLists(
        suffixes=Words(suffix_kind), suffix_kind=suffix_kind,
        place_suffixes=Words(lists.place_suffixes), person_suffixes=Words(lists.person_suffixes),
        person_titles=Words(lists.person_titles), place_before=Words(lists.place_before),
        place_after=Words(lists.place_after), bare_year_ok=Words(lists.bare_year_words),
        surnames=frozenset(lists.surnames), compound_surnames=frozenset(lists.compound_surnames),
        phrases_by_prefix_end=_index(lists.phrases, lambda ph: ph.prefix[-1:] or None),
        phrases_by_suffix_start=_index(lists.phrases, lambda ph: None if ph.prefix else ph.suffix[:1]),
    )


def _index(phrases, key) -> dict:
    index: dict[str, tuple] = {}
    for phrase in phrases:
        k = key(phrase)
        if k:
            index[k] = index.get(k, ()) + (phrase,)
    return index


@lru_cache(maxsize=16)
def _context_pattern(key: tuple, name: str) -> regex.Pattern | None:
    words = dict(lists_for(key).contexts).get(name, ())
    return _p(_alt(words)) if words else None


@dataclass(frozen=True)
class Patterns:
    ordered: tuple[tuple[str, frozenset, regex.Pattern | None], ...]  # most specific first
    gates: dict


@lru_cache(maxsize=16)
def _patterns(key: tuple) -> Patterns:
    """The PH patterns, compiled on the first document that has a placeholder mark."""
    lists = lists_for(key)
    mark_year = r"(?:19|20)(?:\d{YM}|{YM}{2})"
    year_token = r"(?:{LC}{2,4}|" + mark_year + r"|\d{4})"
    cn_year = r"[一二][〇○零OＯ一二三四五六七八九]{1,2}{YM}{1,2}"
    date_year = (
        r"(?:(?:{LC}{2,4}|" + mark_year + r"|\d{4}|[一二][〇○零OＯ一二三四五六七八九]{1,3}{YM}{0,2}){SP}年{SP})"
    )
    units = _alt(list(lists.amount_units) + ["年", "个月", "個月"])
    ws = r"[ \t\u00a0\u3000]"
    ordered = [
        # dates: X月X日, XX年X月, 6月X日
        ("date", "月", _r(r"{NLB}" + date_year + r"?(?:{LC}{1,2}{SP}月{SP}(?:{LC}{1,2}|\d{1,2})|\d{1,2}{SP}月{SP}{LC}{1,2}){SP}[日号號]")),
        ("date", "月", _r(r"{NLB}" + date_year + r"?{LC}{1,2}{SP}月(?:份|初|底|中旬|上旬|下旬)?")),
        # document numbers: [XX]14号, 〔20XX〕, x工[]32号, 第XX号
        ("docnum", "号號", _r(
            r"{NLB}(?P<prefix>{LC}{1,3}[{HAN}]{1,3})?"
            r"(?:[〔\[［【](?P<y>" + ws + r"*(?:" + year_token + r")?" + ws + r"*)[〕\]］】]"
            r"|[(（]" + ws + r"*(?P<y2>" + year_token + r")" + ws + r"*[)）])"
            + ws + r"*(?P<n>\d{1,4}|{LC}{1,3})" + ws + r"*[号號]"
        )),
        ("docnum", "〔［", _r(r"[〔［]" + ws + r"*(?:{LC}{2,4}|" + mark_year + r")" + ws + r"*[〕］]")),
        ("docnum", "[", _r(r"(?<=[发發字函办辦令通复復呈报報])\[" + ws + r"*(?:{LC}{2,4}|" + mark_year + r")" + ws + r"*\]")),
        ("docnum", "第", _r(r"第{SP}{LC}{1,4}{SP}[号號]")),
        # years: 二〇XX年, 20XX年, 200*年, XX年, ××年度, 20XX—20XX
        ("year", "年", _r(r"{NLB}" + cn_year + r"{SP}年(?:度)?")),
        ("year", "年", _r(r"{NLB}" + mark_year + r"{SP}年(?:度)?")),
        ("year", "年", _r(r"{NLB}{LC}{2,4}{SP}年(?:度)?")),
        ("year", "12", _r(r"{NLB}" + mark_year + r"(?=[{HAN}〕\]］】）)—\-－～~、，。；：,;:])")),
        # sessions: xx届, 第XX次, 党的xx大, X中全会
        ("session", "届屆", _r(r"{NLB}(?:第{SP})?{LC}{1,3}{SP}[届屆]")),
        ("session", "第", _r(r"第{SP}{LC}{1,3}{SP}次")),
        ("session", "次", _r(r"{NLB}{LC}{1,3}{SP}次(?=全国|全國|全体|全體|会议|會議|代表|党代会|黨代會|全委|常委)")),
        ("session", "大", _r(r"(?<=党的|黨的)十?{LC}{1,2}大")),
        ("session", "大", _r(
            r"{NLB}十?{LC}{1,2}大(?=精神|报告|報告|以来|以來|代表|召开|召開|会议|會議|胜利|勝利|"
            r"提出|确定|確定|文件|党章|黨章|修改|通过|通過)"
        )),
        ("session", "全", _r(r"{NLB}{LC}{1,2}中全[会會]")),
        # amounts: XX多元, XX多名, XX人, X家, XX%, 百分之XX
        ("amount", "", _r(
            r"{NLB}(?:{LC}{2,4}|[XＸ×])(?:\.{LC}{1,2})?{SP}[多余餘几幾]?[十百千万萬亿億]?(?P<unit>" + units + ")"
        )),
        ("amount", "%％‰", _r(r"{NLB}{LC}{1,3}(?:\.{LC}{1,2})?{SP}[%％‰]")),
        ("amount", "之", _r(r"百分之{LC}{1,3}(?:点{LC}{1,2})?")),
        # names (looked up in the word lists, not by a pattern): XXX同志, 局长XX; xx县, xxxx局,
        # xx公交公司, xx节; 构建和谐xx, 促进XX经济发展
        ("person", "", None),
        ("name", "", None),
        ("context", "", None),
        # anything else: XX next to Chinese text
        ("generic", "", _r(r"{NLB}{LAT}{2,}{NLA}")),
    ]
    # A kind is only tried at a mark when the character before or after the mark can begin it.
    gates = {
        "year": (frozenset("0123456789〇○零一二OＯ"), frozenset("年")),
        "session": (frozenset("第的十"), frozenset("届屆次大中")),
        "amount": (frozenset("之"), frozenset({u[0] for u in lists.amount_units} | set("年个個多余餘几幾十百千万萬亿億%％‰."))),
    }
    return Patterns(_combine(ordered), gates)


# ----- the scanner ------------------------------------------------------------------------------

_BARE_YEAR = regex.compile(r"\n[ \t\u00a0\u3000]*[《【]?年")  # and at the start of the text
_TITLE_YEARS = (regex.compile("《年"), regex.compile("【年"))
_SPACE_DATE = regex.compile(r"年[ \t\u00a0\u3000]+月[ \t\u00a0\u3000]+日")
_UNDERSCORE_DATE = regex.compile(
    r"(?P<y>[_＿]+[ \t\u00a0\u3000]*|\d{4}[ \t\u00a0\u3000]*)?年[ \t\u00a0\u3000]*[_＿]+[ \t\u00a0\u3000]*月[ \t\u00a0\u3000]*[_＿]+[ \t\u00a0\u3000]*[日号]"
)
_BULLET = regex.compile(r"^[ \t\u00a0\u3000]*[*＊•][ \t\u00a0\u3000]+", regex.MULTILINE)
_EMPHASIS = regex.compile(r"(?<![\\*_])(\*{1,3}|_{1,3})(?![\s*_])(.+?)(?<![\s\\*_])\1(?![*_])")
_HAN_CHAR = regex.compile(f"[{HAN}]")
_SPACES = frozenset(" \t\u00a0\u3000")
_YEAR_BEFORE = set("0123456789０１２３４５６７８９〇○零一二OＯ〔[［【(（")
_MARK_AFTER_YEAR = set(LATIN_MARKS + CROSS + STARS + "_＿")
# What may stand next to a placeholder mark in Chinese text besides Han characters and digits.
_OPENERS = frozenset(CJK_PUNCT + "[(<\"'")
_CLOSERS = frozenset(CJK_PUNCT + "])>%％‰.\"'")
_FILLER_STOP = frozenset("的和与與及在是了为為对對等或把被将將从從向到于於")
_NAME_INTRO = set("由和与與及给給向对對让讓请請派经經据據是为為")
# A Latin token around a placeholder run: xx.com, a_xx, v1.xx (not a placeholder).
_LATIN_TOKEN_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-@/:#")
_NUMERAL_END = regex.compile(r"(?:(?<![-/.:：\d])\d{1,4}|[〇○零一二三四五六七八九十百千两兩几幾多余餘半今去明前后後每当當同次新该該本历歷往近全数數])[ \t\u00a0\u3000]*\Z")
_DATE_LABEL = regex.compile(r"(?:日期|时间|時間|年月日|年月)\Z")
_TRADITIONAL_HINT = regex.compile(r"[們個這說會為國來時對開發關與產當經東書長門問間見實現點體還學進過員無麼樣頭電動義務幹縣總區鄉鎮廠屆華認識從]")


class Scanner:
    def __init__(self, doc, key: tuple, settings) -> None:
        self.doc = doc
        self.text = doc.text
        self.key = key
        self.lists: Lists = lists_for(key)
        self.w: WordLists = _words(key)
        self.settings = settings
        self.items: list[tuple[int, int, str, Hit]] = []
        self.starts: list[int] = []  # claimed spans (reported or known not to be placeholders)
        self.ends: list[int] = []

    # -- claims ------------------------------------------------------------------------------
    # Claimed spans never overlap and are kept sorted, so one look at the neighbour is enough.

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i == 0 or self.ends[i - 1] <= start

    def claim(self, start: int, end: int, code: str | None = None, message: str = "",
              suggestion: str | None = None, fix: Fix | None = None) -> bool:
        if start >= end:
            return False
        i = bisect_left(self.starts, end)
        if i and self.ends[i - 1] > start:
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        if code in _MENTIONABLE and _mentioned(self.text, start):
            code = None  # the span is still claimed, so no other rule reports it either
        if code is not None:
            self.items.append((start, end, code, Hit(start, end, message, suggestion, fix)))
        return True

    # -- driver ------------------------------------------------------------------------------

    def run(self) -> list[tuple[int, int, str, Hit]]:
        """(start, end, code, hit) of every finding, in the order of the text."""
        if not self.text:
            return []
        windows = self._windows()
        if windows:
            self.p = _patterns(self.key)
        for ws, we, ls, le, runs in windows:
            self._window(ws, we, ls, le, runs)
        self._bare_years()
        # Claimed spans never overlap, so no two findings start at the same offset.
        self.items.sort(key=itemgetter(0))
        return self.items

    def _windows(self) -> list[list]:
        """The mark runs that may be placeholders, grouped in windows of one line each."""
        text = self.text
        runs: list[tuple[int, int, str]] = []
        for ch, pattern in _RUN.items():
            if ch in text:
                runs.extend((m.start(), m.end(), MARK_CLASS[ch]) for m in pattern.finditer(text))
        for opener, pattern in _EMPTY_BRACKETS:
            if opener in text:
                runs.extend((m.start(), m.end(), "bracket") for m in pattern.finditer(text))
        if not runs:
            return []
        runs.sort()
        merged: list[tuple[int, int, str]] = []
        for s, e, kind in runs:  # "xX" is one run of latin marks
            if merged and merged[-1][1] == s and merged[-1][2] == kind:
                merged[-1] = (merged[-1][0], e, kind)
            else:
                merged.append((s, e, kind))
        windows: list[list] = []  # [window start, window end, line start, line end, runs]
        n = len(text)
        candidate = self._candidate
        for s, e, kind in merged:
            if not candidate(s, e, kind):
                continue
            if windows and s < windows[-1][3] and s - MARGIN <= windows[-1][1]:
                last = windows[-1]  # same line, overlapping windows: one window
                last[1] = min(last[3], max(last[1], e + MARGIN))
                last[4].append((s, e, kind))
                continue
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            le = n if le < 0 else le
            windows.append([max(ls, s - MARGIN), min(le, e + MARGIN), ls, le, [(s, e, kind)]])
        return windows

    def _candidate(self, s: int, e: int, kind: str) -> bool:
        """Can the mark run text[s:e] be part of a placeholder or mask at all? (A cheap test that
        leaves out Latin words, arithmetic, code and runs of marks far from Chinese text.)"""
        text = self.text
        before = text[s - 1] if s else ""
        after = text[e] if e < len(text) else ""
        if kind == "underscore":
            return e - s >= 3 or (text[s] == "＿" and e - s >= 2) or after in "年月日" or before in "年月"
        if kind == "latin":
            if before in "OＯ" and s >= 2 and text[s - 2] in "〇○零一二三四五六七八九":
                before = "〇"  # 二OXX年: a letter O written for the zero
            if _is_letter(before) or _is_letter(after):
                return False
        elif kind in ("cross", "star"):
            if before.isdigit() and (after.isdigit() or after in " \t"):
                return False
        elif kind == "box" and e - s < 2:
            return False
        if after in _SPACES:
            after = text[e + 1 : e + 2]
        return (
            before.isdigit() or after.isdigit() or _is_han(before) or _is_han(after)
            or before in _OPENERS or after in _CLOSERS
        )

    # -- one window --------------------------------------------------------------------------

    def _window(self, ws: int, we: int, ls: int, le: int, runs: list[tuple[int, int, str]]) -> None:
        text = self.text
        kinds = {k for _, _, k in runs}
        # What is never a placeholder: listed words, separator lines, list bullets, emphasis.
        for word in self.lists.ignore_words:
            i = text.find(word, ws, we)
            while i >= 0:
                self.claim(i, i + len(word))
                i = text.find(word, i + len(word), we)
        if le - ls <= 200:
            stripped = text[ls:le].strip()
            if len(stripped) >= 3 and set(stripped) <= SEPARATOR_CHARS:
                self.claim(ls, le)
                return
        if "star" in kinds:
            m = _BULLET.match(text, ls, le)
            if m:
                self.claim(m.start(), m.end())
        if self.doc.format == "markdown" and kinds & {"star", "underscore"}:
            for m in _EMPHASIS.finditer(text, max(ls, ws - 200), min(le, we + 200)):
                self.claim(m.start(1), m.end(1))
                self.claim(m.end(2), m.end())
        if kinds & {"latin", "cross", "star", "bracket"}:
            self._placeholders(ws, we, [(s, e) for s, e, k in runs if k in ("latin", "cross", "star", "bracket")])
        if "underscore" in kinds:
            self._blanks(ws, we, [r for r in runs if r[2] == "underscore"])
        if kinds & {"star", "cross", "box"}:
            self._masks(ws, we, ls, le, runs)

    def _placeholders(self, ws: int, we: int, marks: list[tuple[int, int]]) -> None:
        """Try the PH patterns, most specific first, in a few characters around each mark."""
        text = self.text
        n = len(text)
        gates = self.p.gates
        for s, e in marks:
            if not self.free(s, e):
                continue
            # The common case first: XX年 / ××年度 with nothing around that a longer pattern needs.
            if 2 <= e - s <= 4 and text[s] not in STARS and (s == 0 or text[s - 1] not in _YEAR_BEFORE):
                j = e + 1 if e < n and text[e] in " \t\u00a0\u3000" else e
                if j < n and text[j] == "年" and (j + 1 >= n or text[j + 1] not in _MARK_AFTER_YEAR):
                    end = j + 2 if j + 1 < n and text[j + 1] == "度" else j + 1
                    flagged = text[s:end]
                    self.claim(s, end, CODES["year"], f"年份占位符「{flagged}」未填写：请填入实际年份（如「2019年」）")
                    continue
            lo, hi = max(ws, s - 8), min(we, e + 16)
            local = set(text[lo:hi])
            before = text[s - 1] if s else ""
            after = text[e : e + 1]
            if after in _SPACES:
                after = text[e + 1 : e + 2]
            named = None  # what the name look-ups need to know about this mark, once computed
            for kind, need, pattern in self.p.ordered:
                if need and local.isdisjoint(need):
                    continue
                gate = gates.get(kind)
                if gate is not None and before not in gate[0] and after not in gate[1]:
                    continue
                if pattern is None:
                    if named is None:
                        named = self._name_mark(s, e)
                    if named and self._named(kind, s, e, named):
                        break
                    continue
                for m in pattern.finditer(text, lo, hi):
                    start, end = m.span()
                    # Only matches that hold this mark: the others wait for their own mark.
                    if start < e and end > s and self.free(start, end):
                        self._placeholder(kind, m, start, end)
                if not self.free(s, e):
                    break  # this mark is reported (or known not to be a placeholder)

    def _placeholder(self, kind: str, m: regex.Match, start: int, end: int) -> bool:
        """Report one match of a PH pattern, unless a closer look says it is not one."""
        text = self.text
        flagged = m.group()
        if kind == "year":
            return self.claim(start, end, CODES["year"], f"年份占位符「{flagged}」未填写：请填入实际年份（如「2019年」）")
        if kind == "date":
            return self.claim(start, end, CODES["date"], f"日期占位符「{flagged}」未填写：请填入实际的年、月、日")
        if kind == "docnum":
            if not _docnum_has_placeholder(m):
                return False
            return self.claim(start, end, CODES["docnum"],
                              f"文号占位符「{flagged}」未填写：请填入完整文号（机关代字、发文年份和序号，如〔2019〕14号）")
        if kind == "session":
            return self.claim(start, end, CODES["session"],
                              f"届次占位符「{flagged}」未填写：请填入实际的届次或次数（如「十九大」「十七届三中全会」）")
        if kind == "amount":
            unit = m.groupdict().get("unit")
            after = text[end : end + 1]
            if unit == "家" and after and after in "园園具庭乡鄉属屬长長族电電":
                return False
            if unit == "人" and after and after in "民大事才力":
                return False
            what = "百分比" if flagged[-1] in "%％‰" or flagged.startswith("百分之") else "数字"
            return self.claim(start, end, CODES["amount"], f"数量占位符「{flagged}」未填写：请填入实际{what}")
        if kind == "generic":
            if not (_chinese_side(text, start - 1) or _chinese_side(text, end)) or _in_latin_token(text, start, end):
                return False
            return self.claim(start, end, CODES["generic"],
                              f"占位符「{flagged}」未填写：请换成实际内容（名称、地名、口号等），或删去")
        return False

    def _name_mark(self, s: int, e: int) -> tuple | bool:
        """(run, after, latin) of the mark text[s:e] for `_named`, or False when no name can hold
        it (the same for the three kinds of name, so computed once per mark)."""
        text = self.text
        run = text[s:e]
        before = text[s - 1 : s]
        if before.isdigit() or before == "_" or run[0] in STARS or run[0] == "_" or run[0] in "[〔［":
            return False
        return run, text[e : e + 1], not run.strip(LATIN_MARKS)

    def _named(self, kind: str, s: int, e: int, mark: tuple) -> bool:
        """Names, looked up in the word lists around the mark text[s:e]."""
        text = self.text
        w = self.w
        run, after, latin = mark
        n = e - s
        if kind == "person":  # XXX同志 (the suffix is part of the finding), 局长XX, 张xx
            if not latin or not 2 <= n <= 4:
                return False
            start = self._surname_before(s)
            if start >= 0 and self._starts_name(start) and not _in_latin_token(text, s, e):
                return self.claim(start, e, CODES["name"], f"人名占位符「{text[start:e]}」未填写：请填入实际姓名")
            j = e + 1 if after in _SPACES else e
            suffix = w.person_suffixes.starting(text, j)
            if suffix:
                end = j + len(suffix)
                return self.claim(s, end, CODES["name"], f"人名占位符「{text[s:end]}」未填写：请填入实际姓名")
            if w.person_titles.ending(text, s) and not (_is_letter(after) or after.isdigit()):
                return self.claim(s, e, CODES["name"], f"人名占位符「{run}」未填写：请填入实际姓名")
            return False
        if kind == "name":  # xx县, xxxx局, xx扎乡, xx公交公司, X县
            if 2 <= n <= 4:
                pos = e
                for _ in range(3):
                    suffix = w.suffixes.starting(text, pos)
                    if suffix:
                        suffix_kind = w.suffix_kind[suffix]
                        if suffix_kind == "person" and not latin:
                            return False  # ×××同志: a masked name, reported by MK002
                        end = pos + len(suffix)
                        noun = _NOUNS[suffix_kind]
                        return self.claim(s, end, CODES["name"],
                                          f"{noun}占位符「{text[s:end]}」未填写：请把「{run}」换成实际的{noun}")
                    ch = text[pos : pos + 1]
                    if not ch or ch in _FILLER_STOP or not _HAN_CHAR.match(ch):
                        return False
                    pos += 1
                return False
            if n == 1 and run in "XＸ×":
                suffix = w.place_suffixes.starting(text, e)
                if suffix:
                    end = e + len(suffix)
                    return self.claim(s, end, CODES["name"], f"地名占位符「{text[s:end]}」未填写：请把「{run}」换成实际的地名")
            return False
        if kind == "context":  # 构建和谐xx, 创平安xx, 促进XX经济发展
            if not 2 <= n <= 4 or _is_letter(after) or after.isdigit():
                return False
            if not (w.place_before.ending(text, s) or w.place_after.starting(text, e)):
                return False
            if _in_latin_token(text, s, e):
                return False
            return self.claim(s, e, CODES["name"], f"地名占位符「{run}」未填写：请换成实际的地名（如县名、市名）")
        return False

    def _blanks(self, ws: int, we: int, runs: list[tuple[int, int, str]]) -> None:
        text = self.text
        for m in _UNDERSCORE_DATE.finditer(text, ws, we):
            start, end = m.span()
            if m.group("y") and m.group("y")[0] in UNDERSCORES:
                label = _label_before(text, m.start("y"))
                if label is not None and not _DATE_LABEL.search(text[label:m.start("y")].rstrip(":： \t\u00a0\u3000")):
                    start = m.end("y")  # 教师:_____年__月__日: the first blank is the teacher's
            flagged = text[start:end]
            self.claim(start, end, CODES["date"], f"日期「{flagged}」未填写：请填入实际的年、月、日")
        for s, e, _ in runs:
            if not self.free(s, e):
                continue
            label = _label_before(text, s)
            if label is not None:
                name = text[label:s].rstrip(":： \t\u00a0\u3000")
                self.claim(label, e, CODES["blank"], f"表单栏「{name}」未填写：请填写{name}，或删去这一栏")
            elif _chinese_side(text, s - 1) or _chinese_side(text, e):
                self.claim(s, e, CODES["blank"], f"空白横线「{text[s:e]}」未填写：请填入内容，或删去横线")

    def _masks(self, ws: int, we: int, ls: int, le: int, runs: list[tuple[int, int, str]]) -> None:
        text = self.text
        w = self.w
        masks = [(s, e, k) for s, e, k in runs if k in ("star", "cross", "box")]
        name_message = "人名被隐去「{}」：请填入完整姓名（需要匿名时请统一处理）"
        # 1. a masked word of the phrase table: 邓**理论 -> 邓小平理论
        by_last, by_first = w.phrases_by_prefix_end, w.phrases_by_suffix_start
        for s, e, _ in masks:
            if e - s > 4 or not self.free(s, e):
                continue
            best = None
            for phrase in by_last.get(text[s - 1 : s], ()) + by_first.get(text[e : e + 1], ()):
                start, end = s - len(phrase.prefix), e + len(phrase.suffix)
                if start < ls or end > le or not text.startswith(phrase.prefix, start) or not text.startswith(phrase.suffix, e):
                    continue
                if best is None or end - start > best[1] - best[0]:
                    best = (start, end, phrase)
            if best is None:
                continue
            start, end, phrase = best
            if not self.free(start, end):
                continue
            if phrase.context is not None:
                context = _context_pattern(self.key, phrase.context)
                lo, hi = max(ls, start - self.lists.window), min(le, end + self.lists.window)
                if context is None or context.search(text, lo, hi) is None:
                    continue
            word = self._pick(phrase, ls, le)
            self.claim(start, end, CODES["masked-word"], f"被屏蔽的词「{text[start:end]}」：原词应为「{word}」，请恢复",
                       word, Fix.replace(start, end, word, "unsafe"))
        # 2. a masked name: 局长××, 王**, 张*, ×××同志
        for s, e, kind in masks:
            if kind == "box" or e - s > 3 or not self.free(s, e):
                continue
            after = text[e : e + 1]
            if (w.person_titles.ending(text, s) and not (_is_letter(after) or after.isdigit())
                    and (e - s >= 2 or text[s] not in STARS)):  # 姓名*: a required field, not a name
                self.claim(s, e, CODES["masked-name"], name_message.format(text[s:e]))
                continue
            start = self._surname_before(s)
            if start >= 0 and self._surname_ok(start, s, e) and self.claim(
                start, e, CODES["masked-name"], name_message.format(text[start:e])
            ):
                continue
            suffix = w.person_suffixes.starting(text, e) if e - s >= 2 else None
            if suffix:
                self.claim(s, e + len(suffix), CODES["masked-name"], name_message.format(text[s : e + len(suffix)]))
        # 3. any other masking run of two or more in Chinese text
        for s, e, kind in masks:
            if e - s < 2 or not self.free(s, e):
                continue
            if kind != "box" and (_is_letter(text[s - 1 : s]) or _is_letter(text[e : e + 1])
                                  or text[s - 1 : s].isdigit() or text[e : e + 1].isdigit()):
                continue
            if not (_chinese_side(text, s - 1) or _chinese_side(text, e)):
                continue
            if kind == "star" and self._decoration(s, e, ls, le):
                continue
            self.claim(s, e, CODES["masked-word"], f"被屏蔽或缺失的文字「{text[s:e]}」：请恢复原文，或删去")

    def _decoration(self, s: int, e: int, ls: int, le: int) -> bool:
        """***重要提示***: stars at both ends of a line frame it; they do not hide words."""
        line = self.text[ls:le]
        body = line.strip()
        lead = len(body) - len(body.lstrip(STARS))
        trail = len(body) - len(body.rstrip(STARS))
        if not lead or not trail or lead == len(body):
            return False
        first = ls + len(line) - len(line.lstrip())
        last = ls + len(line.rstrip())
        return (s == first and e - s == lead) or (e == last and e - s == trail)

    def _surname_before(self, s: int) -> int:
        """Start of a surname just before text[s], or -1."""
        text = self.text
        if s >= 2 and text[s - 2 : s] in self.w.compound_surnames:
            return s - 2
        if s >= 1 and text[s - 1] in self.w.surnames:
            return s - 1
        return -1

    def _starts_name(self, start: int) -> bool:
        """Can a name start at `start` (after punctuation, 由/和/给 ..., or a title such as 局长)?"""
        before = self.text[start - 1 : start]
        return (not before or not _HAN_CHAR.match(before) or before in _NAME_INTRO
                or self.w.person_titles.ending(self.text, start) is not None)

    def _surname_ok(self, start: int, s: int, e: int) -> bool:
        """王**, 张*: a surname and a masking run that stand as a name of their own (not 加强**管理)."""
        text = self.text
        after = text[e : e + 1]
        starts_token = self._starts_name(start)
        if e - s == 1:
            return starts_token  # a single star after a word is a footnote mark (资金*：…)
        ends_token = (
            not after or not _HAN_CHAR.match(after) or after in "等和与與及"
            or self.w.person_suffixes.starting(text, e) is not None
        )
        return starts_token or ends_token

    def _pick(self, phrase, ls: int, le: int) -> str:
        if phrase.traditional and (
            self.settings.script == "traditional"
            or (self.settings.script != "simplified" and _TRADITIONAL_HINT.search(self.text, ls, le))
        ):
            return phrase.traditional[0]
        return (phrase.words or phrase.traditional)[0]

    # -- a year deleted from the start of a line ---------------------------------------------

    def _bare_years(self) -> None:
        text = self.text
        if "年" not in text:
            return
        free = self.free

        for m in _SPACE_DATE.finditer(text):
            self.claim(m.start(), m.end(), CODES["date"], f"日期「{m.group()}」未填写：请填入实际的年、月、日")
        spans = [(m.end() - 1, True) for m in _BARE_YEAR.finditer(text)]
        first = _BARE_YEAR.match("\n" + text[:40])
        if first:
            spans.append((first.end() - 2, True))
        at_line_start = {pos for pos, _ in spans}
        for pattern in _TITLE_YEARS:
            spans += [(m.end() - 1, False) for m in pattern.finditer(text) if m.end() - 1 not in at_line_start]
        for pos, line_start in spans:
            nxt = text[pos + 1 : pos + 2]
            if not nxt or nxt in " \t\u00a0\u3000\n" or not (_HAN_CHAR.match(nxt) or nxt in "“\"「‘，,、"):
                continue
            if self.w.bare_year_ok.starting(text, pos + 1):
                continue
            if not free(pos, pos + 1) or (line_start and self._wrapped(pos)):
                continue
            self.claim(pos, pos + 1, CODES["bare-year"], "「年」前缺少年份（年份像是被删掉了）：请补上年份，如「2019年」")

    def _wrapped(self, pos: int) -> bool:
        """Does the line of `pos` continue the previous line: a number broken off before 年
        (二十多⏎年), or a word broken by a hard wrap (老⏎年人, 杰出青⏎年) — the previous line
        ends with a character that makes a word with 年 in the dictionary, and is as long as a
        wrapped line is?"""
        text = self.text
        ls = text.rfind("\n", 0, pos) + 1
        if ls == 0:
            return False
        prev_start = text.rfind("\n", 0, ls - 1) + 1
        prev = text[prev_start : ls - 1]
        if not prev.strip():
            return False
        if _NUMERAL_END.search(prev) is not None:
            return True
        if pos != ls or not _is_han(prev[-1:]) or len(prev) < _WRAP_WIDTH:
            return False  # an indented line, one after punctuation or a short title starts afresh
        from ..structure._lexicon import lexicon, t2s_table

        return (prev[-1] + "年").translate(t2s_table()) in lexicon()


# A placeholder can be mentioned rather than left unfilled: a writing formula taught with its
# slots (模板一样，也是负责XX工作), an example (如 XX 基金会), a form of address or a quoted form
# (叫XX同志, 改称为「以XXX同志为…」, 注明“来源：XXX”), or letters used as variables. The generic name, amount and catch-all
# placeholders stay quiet then; years, dates and document numbers are never written that way.
_MENTIONABLE = {CODES["name"], CODES["amount"], CODES["generic"]}
_MENTION_BEFORE = regex.compile(
    r"(?:比如|例如|诸如|譬如|諸如|如|叫|称为|稱為|称作|稱作|称呼|稱呼|写作|寫作|写成|寫成|注明|註明)"
    r"[ \t\u00a0\u3000]*(?:[“\"'‘「『][^”\"'’」』\n]{0,20}|[（(]?[^。！？；\n“”「」]{0,6})\Z"
)
_FORMULA_WORDS = regex.compile(r"模板|模版|格式|样式|樣式|句式|公式|范式|範式|写法|寫法|套路")
# Letters added up in the same sentence are variables (N个行业大模型和X个场景的“1＋N＋X”体系).
_ALGEBRA = regex.compile(r"[0-9A-Za-z][ \t]*[+＋][ \t]*[A-Za-z]|[A-Za-z][ \t]*[+＋][ \t]*[0-9A-Za-z]")
_SENTENCE_END = regex.compile(r"[。！？!?；;\n]")


def _mentioned(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    ends = list(_SENTENCE_END.finditer(window))
    before = window[ends[-1].end():] if ends else window
    after = text[start : start + 60]
    end = _SENTENCE_END.search(after)
    sentence = before + (after[: end.start()] if end else after)
    return bool(
        _MENTION_BEFORE.search(before[-28:]) or _FORMULA_WORDS.search(sentence) or _ALGEBRA.search(sentence)
    )


# A hard wrap happens at a layout's width; a shorter line ending in a word is a title or an item.
_WRAP_WIDTH = 16


def _is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff")


def _is_letter(ch: str) -> bool:
    return bool(ch) and (("A" <= ch <= "Z") or ("a" <= ch <= "z") or ("Ａ" <= ch <= "Ｚ") or ("ａ" <= ch <= "ｚ"))


def _chinese_side(text: str, i: int) -> bool:
    if i < 0 or i >= len(text):
        return False
    ch = text[i]
    return ch in CJK_PUNCT or bool(_HAN_CHAR.match(ch))


def _in_latin_token(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a longer Latin token (a domain, a file name, code)?"""
    i, j = start, end
    while i > 0 and text[i - 1] in _LATIN_TOKEN_CHARS and start - i < 40:
        i -= 1
    while j < len(text) and text[j] in _LATIN_TOKEN_CHARS and j - end < 40:
        j += 1
    return any(c.isalnum() for c in text[i:start] + text[end:j])


def _label_before(text: str, pos: int) -> int | None:
    """Start of a form label such as 「编号:」 just before `pos`, or None."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0\u3000":
        i -= 1
    if i == 0 or text[i - 1] not in ":：":
        return None
    i -= 1
    j = i
    while j > 0 and _HAN_CHAR.match(text[j - 1]) and i - j < 7:
        j -= 1
    if j == i or i - j > 6:
        return None
    return j


def _docnum_has_placeholder(m: regex.Match) -> bool:
    """A document number with a real year and serial number is not a placeholder."""
    marks = LATIN_MARKS + CROSS + STARS
    groups = m.groupdict()
    prefix, y, y2, n = (groups.get(k) for k in ("prefix", "y", "y2", "n"))
    if prefix:
        return True
    if y is None and y2 is None and n is None:
        return True  # 〔20XX〕, 第XX号: the pattern itself holds the placeholder
    if y is not None and (not y.strip() or any(c in marks for c in y)):
        return True
    if y2 is not None and any(c in marks for c in y2):
        return True
    return n is not None and any(c in marks for c in n)
