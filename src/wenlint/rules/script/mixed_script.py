"""SC001: characters of the other script (Traditional in a Simplified document, and the reverse)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._detect import ASTRAL, _has_astral, body_text, bmp_class, expected_script, script_verdict, tables
from ._runs import converted_span, inside_short_quote
from ... import lazyre

NAMES = {"simplified": "简体", "traditional": "繁体"}
GAP = 30  # a run continues over at most this many characters that belong to neither script


@lru_cache(maxsize=2)
def run_pattern(expected: str) -> re.Pattern:
    """A run of text in the other script: from one minority character to the last one reached
    without crossing a line break or a character only the expected script has."""
    t = tables()
    minority, majority = (t.t_only, t.s_only) if expected == "simplified" else (t.s_only, t.t_only)
    m = bmp_class(minority)
    j = bmp_class(majority)[1:-1]
    # Never across a masked span (U+E000): masked code must not be touched by a fix.
    return re.compile(f"{m}(?:[^{j}\\n\\ue000]{{0,{GAP}}}?{m})*")


_HAN_WORD = lazyre.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """The surnames of rules/data/mask-phrases.toml (both scripts), and the compound ones."""
    from ..registry import builtin_pack_dir
    from ._context import _read_toml

    names = _read_toml(builtin_pack_dir() / "data" / "mask-phrases.toml").get("names", {})
    single = frozenset(c for c in str(names.get("surnames", "")) if not c.isspace())
    return single, tuple(names.get("compound-surnames", ()))


def _names_only(text: str, start: int, end: int, minority) -> bool:
    """Whether every character of the other script in text[start:end] belongs to a personal
    name standing on its own: a word of two or three Han characters (four with a compound
    surname) that starts with a surname and has no other Han character next to it (劉俊賢 Alex,
    黃宇強 in a table cell). People write their names in their own script."""
    single, compound = _surnames()
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    words = [m for m in _HAN_WORD.finditer(text, ls, le) if m.start() < end and m.end() > start]
    for m in words:
        if not any(c in minority for c in text[max(m.start(), start) : min(m.end(), end)]):
            continue
        word = m.group()
        two = any(word.startswith(c) for c in compound)
        size = len(word) - (1 if two else 0)
        if not (two or word[0] in single) or not 2 <= size <= 3:
            return False
    return bool(words)


_KANA = lazyre.compile("[\u3041-\u30fa\u30fc-\u30ff][\u3041-\u30fa\u30fc-\u30ff]")


def _japanese_line(text: str, start: int, end: int) -> bool:
    """Whether the line holds Japanese (two kana in a row): its kanji (決, 評, 開) are Japanese
    characters, not Traditional Chinese ones."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return _KANA.search(text, ls, len(text) if le < 0 else le) is not None


def _in_big5(c: str) -> bool:
    try:
        c.encode("cp950")
    except UnicodeEncodeError:
        return False
    return True


def _common_simplified(c: str) -> bool:
    """A character of GB 2312's first level (the 3755 most used): a Simplified character that
    common in a Traditional text (担, 响, 厨) is a slip, not a name (祎 is not among them)."""
    try:
        code = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= code[0] <= 0xD7


def _inconsistent(doc, start: int, end: int, expected: str, minority, seen: dict[str, bool]) -> bool:
    """Whether a run of the other script is a real mix: it holds two different characters of
    that script (a word or a line: 学习, 們說), or its one character is written elsewhere in the
    document in the expected script's form too (内 beside 內, 决 beside 決), or it is a common
    Simplified character (see `_common_simplified`) in a Traditional text. A character the
    document always writes one way, whose counterpart never appears, is that document's
    standard or a name (祎 in a name), not a mix. Nor is one that Taiwan's own character set,
    Big5, encodes: 雇 and 僱, 庄 and 莊 are both written in Taiwan (雇主 beside 僱用 in one
    statute)."""
    chars = {c for c in doc.text[start:end] if c in minority}
    if len(chars) >= 2:
        return True
    t = tables()
    table = t.st if expected == "traditional" else t.ts
    if expected == "traditional":
        if any(_in_big5(c) for c in chars):
            return False
        if any(_common_simplified(c) for c in chars):
            return True
    else:
        merged = {c for c in chars if c in table and len(t.st.get(table[c][0], ())) > 1}
        if merged == chars:
            return False  # 樑, 濛: one of several forms merged into 梁, 蒙; names keep them (麦宗樑, 濛溪河)
        if any(_common_simplified(table[c][0]) for c in chars if c in table):
            return True  # 協 for 协
    for c in chars:
        known = seen.get(c)
        if known is None:
            forms = set(table.get(c, ()))
            forms |= {v for v, std in t.variant_std.items() if std in forms}
            forms.discard(c)
            known = seen[c] = any(f in doc.text for f in forms)
        if known:
            return True
    return False


class MixedScript(Rule):
    code = "SC001"
    name = "mixed-script"
    category = "script"
    reads = ("script.verdict", "script.taiwan-forms")
    severity = "warning"
    summary = "繁简混用：简体文档里的繁体字，或繁体文档里的简体字"
    why = (
        "一篇文档只用一种字体。简体文档里的繁体字（或反过来）来自不同来源的拼接或没转换完，读者"
        "一眼就能看到。文档的字体是它的多数字体（繁简通用的字不计，如著、乾隆的乾、於、若干的干；"
        "Markdown 的 front matter 不计），或者配置的 `script`。繁体有几种标准（台湾、香港、OpenCC "
        "通用），各标准都接受的写法（裏/裡、着/著、綫/線、啓/啟）都算繁体。只在确有混用时报告：一段"
        "里有两个以上不同的另一字体的字（学习、們說），或者同一个字文中两种写法都有（内 和 內），或者"
        "是常用简体字（GB 2312 一级字）出现在繁体文中。不处理：台湾自己的字符集 Big5 收录的字（雇主"
        "与僱用、庄 都是台湾的写法）、文中从不出现其对应写法的生僻字和人名用字（祎、喆、堃）、独立"
        "的人名（劉俊賢、黃宇強 这样以姓开头的二三字词）、日文句子里的汉字、书名号和引号里的短标题"
        "（《漢書》）。"
    )
    bad = "我们认真学习了會議精神，进一步统一了思想。"
    good = "我们认真学习了会议精神，进一步统一了思想。"
    fix_doc = (
        "把标出的文字转换成文档的字体：`--fix` 用 OpenCC 的词组表转换，一对多的字按所在的词取形"
        "（头发 → 頭髮，发展 → 發展）；词典不能决定时（单独一个发）修正是不安全的，只在 "
        "--unsafe-fixes 时应用。配置 `script` 可以指定文档应有的字体。"
    )
    fix_safety = "safe"
    specs = (
        Spec("我们认真学习了會議精神，进一步统一了思想。", ("會議",), fixed="我们认真学习了会议精神，进一步统一了思想。"),
        # A whole paragraph in the other script is one finding, not one per character.
        Spec("区总工会召开了总结大会，会议听取了区总工会的工作报告。\n縣總工會在縣委的領導下開展活動，取得了顯著成績。\n会议强调要继续努力。",
             ("縣總工會在縣委的領導下開展活動，取得了顯著成績",)),
        # A short quoted title in the other script is a name, not a defect.
        Spec("我们组织干部学习了《漢書》和《資治通鑑》选段。"),
        Spec("他的头发全白了，这个发展很快。"),
        # Simplified characters in a Traditional text, phrase-aware: 头发 -> 頭髮, not 頭發.
        Spec("他們說，這個問題要認真對待，头发全白了也要堅持到底。", ("头发",), fixed="他們說，這個問題要認真對待，頭髮全白了也要堅持到底。"),
        Spec("機關幹部積極參加学习，並認真總結經驗。", ("学习",), fixed="機關幹部積極參加學習，並認真總結經驗。"),
        # Characters valid in both scripts never count.
        Spec("乾隆年间，他著有若干部书，于是名扬天下。"),
        # Taiwan (雇主 in Big5), Hong Kong (裏, 着, 綫) and names stay quiet; a common
        # Simplified character in a Traditional text does not.
        Spec("雇主應於三日內通知勞工，並給付工資。他在長髮裏的回憶中隔着無綫電視。王祎先生到場。"),
        Spec("他在長髮裏的回憶中隔着無綫電視，這是影响香港的大事。", ("响",), fixed="他在長髮裏的回憶中隔着無綫電視，這是影響香港的大事。"),
        Spec("主持人：劉俊賢 Alex；发言人：黃宇強。\n我们认真学习了会议精神，进一步统一了思想，提高了认识，明确了方向。"),
        # The configured script wins over detection.
        Spec("這是一份繁體文件。", ("這是一份繁體",), settings={"script": "simplified"},
             fixed="这是一份繁体文件。"),
    )

    def check(self, doc, ctx):
        expected = expected_script(doc, ctx.settings)
        if expected is None:
            return
        info = script_verdict(doc)
        if (info.traditional if expected == "simplified" else info.simplified) == 0 and body_text(doc) is doc.text:
            return  # (the front matter, left out of the count, may still hold some)
        text = doc.text
        limit = ctx.option("quoted-max")
        spans = [m.span() for m in run_pattern(expected).finditer(text)]
        minority = tables().t_only if expected == "simplified" else tables().s_only
        if _has_astral(text):  # the few characters outside the BMP, looked up
            spans = sorted(spans + [m.span() for m in ASTRAL.finditer(text) if m.group() in minority])
        target = NAMES[expected]
        other = NAMES["traditional" if expected == "simplified" else "simplified"]
        configured = ctx.settings.script == expected
        last_end = -1
        seen: dict[str, bool] = {}
        for start, end in spans:
            if start < last_end:
                continue
            if inside_short_quote(text, start, end, limit):
                continue
            if not configured and not _inconsistent(doc, start, end, expected, minority, seen):
                continue
            if _names_only(text, start, end, minority) or _japanese_line(text, start, end):
                continue
            s, e, suggestion, decided = converted_span(doc, start, end, expected)
            if s < last_end:  # the phrase reaches back into the previous finding
                suggestion, s = suggestion[last_end - s :], last_end
            flagged = text[s:e]
            if suggestion == flagged or len(suggestion) != e - s:
                continue
            last_end = e
            why = "配置要求" + target if configured else "全文以" + target + "为主"
            if e - s <= 16:
                message = f"{other}「{flagged}」混在{target}文档中（{why}）：应改为「{suggestion}」"
            else:
                message = f"这段文字是{other}（{e - s} 字），{why}：应转换为{target}"
            yield Hit(s, e, message, suggestion, Fix.replace(s, e, suggestion, "safe" if decided else "unsafe"))
