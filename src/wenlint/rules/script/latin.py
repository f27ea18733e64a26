"""SC006, SC007, SC008: Latin and other alphabets inside Chinese text — lowercase abbreviations,
look-alike letters from other alphabets, stray Japanese kana."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._runs import HAN, inside_short_quote, rare_spans

# Two or three lowercase letters squeezed between Han characters (卡拉ok比赛, 湘慈aes水电): the
# shared scan finds them before a Han character, the rule checks the one before.
_HAN_CHAR = re.compile(f"[{HAN}]")
# Placeholders (xx县, 党的xxx大) belong to the placeholder family.
_PLACEHOLDER = re.compile("x+")


class LowercaseAbbreviation(Rule):
    code = "SC006"
    name = "lowercase-abbreviation"
    category = "script"
    severity = "info"
    summary = "中文里的小写缩写（卡拉ok、湘慈aes水电）应大写"
    why = (
        "Latin abbreviations inside Chinese text are written in capitals (卡拉OK, GDP, AES); two "
        "or three lowercase letters squeezed between Chinese characters are usually an "
        "abbreviation typed in the wrong case, or a conversion that lowercased it. Words such as "
        "Word or iPhone, URLs, e-mail addresses and placeholders (xx县) are not touched."
    )
    bad = "举办了庆五一职工卡拉ok比赛。"
    good = "举办了庆五一职工卡拉OK比赛。"
    fix_doc = (
        "Write the abbreviation in capitals. The fix is unsafe (a company may spell its name in "
        "lowercase), so it is applied only with --unsafe-fixes; list such names in the "
        "`lowercase-exceptions` option."
    )
    fix_safety = "unsafe"
    options = {"lowercase-exceptions": ["www"]}
    specs = (
        Spec("举办了庆五一职工卡拉ok比赛。我们到美达制衣、湘慈aes水电有限公司调研。", ("ok", "aes"),
             fixed="举办了庆五一职工卡拉OK比赛。我们到美达制衣、湘慈AES水电有限公司调研。"),
        Spec("举办了卡拉OK比赛，GDP增长，用Word写作，AB岗、AA级、BTV直播，xx县、党的xxx大，"
             "登录www.gov.cn或发邮件到abc@qq.com查询，请访问http://example.com了解。"),
    )

    def check(self, doc, ctx):
        spans = rare_spans(doc)["lower"]
        if not spans:
            return
        text = doc.text
        exceptions = {w.lower() for w in ctx.option("lowercase-exceptions") or ()}
        for start, end in spans:
            if start == 0 or end == len(text) or not (_HAN_CHAR.match(text[start - 1]) and _HAN_CHAR.match(text[end])):
                continue  # only squeezed between Han characters
            word = text[start:end]
            if _PLACEHOLDER.fullmatch(word) or word in exceptions:
                continue
            upper = word.upper()
            yield Hit(start, end, f"中文里的缩写「{word}」应大写为「{upper}」", upper,
                      Fix.replace(start, end, upper, "unsafe"))


@lru_cache(maxsize=1)
def confusables() -> tuple[dict[str, str], dict[str, str]]:
    from ..registry import builtin_pack_dir
    from ._context import _read_toml

    data = _read_toml(builtin_pack_dir() / "data" / "script_confusables.toml")
    return dict(data.get("latin", {})), dict(data.get("kana", {}))


_OTHER_ALPHABET = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_WORD = re.compile("[A-Za-z\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]+")
_LATIN = re.compile("[A-Za-z]")


class MixedAlphabetWord(Rule):
    code = "SC007"
    name = "mixed-alphabet-word"
    category = "script"
    severity = "info"
    summary = "拉丁字母单词里混入了形似的西里尔或希腊字母（Wоrd 中的 о）"
    why = (
        "A Cyrillic о or a Greek ο inside a Latin word looks right but is another character: "
        "searching for the word, spell checking and sorting all fail. It comes from copying out "
        "of a PDF, or from text made to slip past filters. Greek and Cyrillic on their own "
        "(α粒子, β射线, Путин) are fine."
    )
    bad = "请用Micrоsoft Word编辑文档。"
    good = "请用Microsoft Word编辑文档。"
    fix_doc = "Use the Latin letter; `--fix` replaces look-alikes it knows (safe)."
    fix_safety = "safe"
    specs = (
        Spec("请用Micrоsoft Word编辑，登录WеChat公众号。", ("Micrоsoft", "WеChat"),
             fixed="请用Microsoft Word编辑，登录WeChat公众号。"),
        Spec("α粒子和β射线的研究，γ值为0.5，普京（Путин）访华，Ω是电阻单位。"),
    )

    def check(self, doc, ctx):
        spans = rare_spans(doc)["alphabet"]
        if not spans:
            return
        text = doc.text
        latin_map, _ = confusables()
        last = -1
        for start, _end in spans:
            if start < last:
                continue
            word = _WORD.match(text, _word_start(text, start))
            if word is None:
                continue
            last = word.end()
            if _LATIN.search(word.group()) is None:
                continue
            fixed = "".join(latin_map.get(c, c) for c in word.group())
            if _OTHER_ALPHABET.search(fixed):
                yield Hit(word.start(), word.end(), f"单词「{word.group()}」混用了拉丁字母和西里尔/希腊字母")
            else:
                yield Hit(word.start(), word.end(), f"单词「{word.group()}」里混入了形似的西里尔/希腊字母：应为「{fixed}」",
                          fixed, Fix.replace(word.start(), word.end(), fixed, "safe"))


def _word_start(text: str, pos: int) -> int:
    start = pos
    while start > 0 and _WORD.match(text[start - 1]):
        start -= 1
    return start


_KANA = re.compile("[\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_HAN_RE = re.compile(f"[{HAN}]")


class StrayKana(Rule):
    code = "SC008"
    name = "stray-kana"
    category = "script"
    severity = "info"
    summary = "中文里混入了日文假名（ー、ロ、・），多为识别或输入法错误"
    why = (
        "Japanese kana in a Chinese document are usually look-alikes left by OCR or a Japanese "
        "input method: ー for 一, ロ for 口, エ for 工, カ for 力, and the katakana middle dot ・ in "
        "foreign names where Chinese uses ·. A document that is mostly Japanese, and quoted "
        "Japanese titles (《となりのトトロ》), are left alone."
    )
    bad = "第ー条 卡尔・马克思的著作"
    good = "第一条 卡尔·马克思的著作"
    fix_doc = (
        "Use the Chinese character or mark given as the suggestion; the fix is unsafe (a quoted "
        "Japanese name is legitimate), so it is applied only with --unsafe-fixes."
    )
    fix_safety = "unsafe"
    options = {"max-kana-share": 0.05}
    specs = (
        Spec("第ー条 卡尔・马克思的著作，人ロ普查。", ("ー", "・", "ロ"), fixed="第一条 卡尔·马克思的著作，人口普查。"),
        # A quoted Japanese title is a name, not a slip; an unquoted kana word is still reported.
        Spec("他喜欢日本动画《となりのトトロ》，常说ありがとう。", ("ありがとう",)),
        Spec("卡尔·马克思的著作，第一条。"),
    )

    def check(self, doc, ctx):
        matches = rare_spans(doc)["kana"]
        if not matches:
            return
        text = doc.text
        kana = sum(end - start for start, end in matches)
        han = len(_HAN_RE.findall(text))
        if han == 0 or kana > max(30, han * float(ctx.option("max-kana-share"))):
            return  # Japanese text, not stray kana
        _, kana_map = confusables()
        for start, end in matches:
            run = text[start:end]
            if len(run) > 1 and inside_short_quote(text, start, end, 20):
                continue
            fixed = "".join(kana_map.get(c, c) for c in run)
            if fixed != run and not _KANA.search(fixed):
                yield Hit(start, end, f"日文假名「{run}」混在中文里：应为「{fixed}」", fixed,
                          Fix.replace(start, end, fixed, "unsafe"))
            else:
                yield Hit(start, end, f"日文假名「{run}」混在中文里：请确认是否为识别或输入错误")
