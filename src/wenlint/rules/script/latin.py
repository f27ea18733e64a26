"""SC006, SC007, SC008: Latin and other alphabets inside Chinese text — lowercase abbreviations,
look-alike letters from other alphabets, stray Japanese kana."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._runs import HAN, inside_short_quote, rare_spans
from ... import lazyre

# Two or three lowercase letters squeezed between Han characters (卡拉ok比赛, 湘慈aes水电): the
# shared scan finds them before a Han character, the rule checks the one before.
_HAN_CHAR = lazyre.compile(f"[{HAN}]")
# Placeholders (xx县, 党的xxx大) belong to the placeholder family.
_PLACEHOLDER = lazyre.compile("x+")


class LowercaseAbbreviation(Rule):
    code = "SC006"
    name = "lowercase-abbreviation"
    category = "script"
    reads = ("script.rare-spans",)
    severity = "info"
    summary = "中文里的小写缩写（卡拉ok、湘慈aes水电）应大写"
    why = (
        "中文里的拉丁字母缩写用大写（卡拉OK、GDP、AES）；夹在汉字之间的两三个小写字母多半是大小写"
        "打错了，或转换时被改成了小写。但 app、bug、ssh、cd 这样的小写词在中文里也很常见，实测"
        "准确率不到九成，所以只作提示（info）。不处理：Word、iPhone 这类单词，网址、电子邮件地址，"
        "占位符（xx县），以及 `lowercase-exceptions` 选项里列出的写法。"
    )
    bad = "举办了庆五一职工卡拉ok比赛。"
    good = "举办了庆五一职工卡拉OK比赛。"
    fix_doc = (
        "改成大写。公司或产品可能本来就用小写，所以修正是不安全的，只在 --unsafe-fixes 时应用；这样"
        "的名称可列入 `lowercase-exceptions` 选项。"
    )
    fix_safety = "unsafe"
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


_OTHER_ALPHABET = lazyre.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_WORD = lazyre.compile("[A-Za-z\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]+")
_LATIN = lazyre.compile("[A-Za-z]")


class MixedAlphabetWord(Rule):
    code = "SC007"
    name = "mixed-alphabet-word"
    category = "script"
    reads = ("script.rare-spans",)
    severity = "info"
    summary = "拉丁字母单词里混入了形似的西里尔或希腊字母（Wоrd 中的 о）"
    why = (
        "拉丁字母单词里的西里尔字母 о 或希腊字母 ο 看上去没错，其实是另一个字符：搜索、拼写检查和"
        "排序都会失败。它来自 PDF 复制，或是为了躲过过滤故意替换的。只报告混进拉丁单词、又与拉丁"
        "字母形似的字母。不处理：单独使用的希腊字母和西里尔文（α粒子、β射线、Путин），单位符号"
        "（μm、kΩ），以及谁也不会看成拉丁字母的字母（IП、linэks 这样的花体写法）。"
    )
    bad = "请用Micrоsoft Word编辑文档。"
    good = "请用Microsoft Word编辑文档。"
    fix_doc = "改用拉丁字母；`--fix` 替换已知的形似字母（安全修正）。"
    fix_safety = "safe"
    specs = (
        Spec("请用Micrоsoft Word编辑，登录WеChat公众号。", ("Micrоsoft", "WеChat"),
             fixed="请用Microsoft Word编辑，登录WeChat公众号。"),
        Spec("α粒子和β射线的研究，γ值为0.5，普京（Путин）访华，Ω是电阻单位，孔径10μm，电阻5mΩ，花体IП。"),
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
                continue  # μm, kΩ, stylised IП: letters no one would take for Latin ones
            else:
                yield Hit(word.start(), word.end(), f"单词「{word.group()}」里混入了形似的西里尔/希腊字母：应为「{fixed}」",
                          fixed, Fix.replace(word.start(), word.end(), fixed, "safe"))


def _word_start(text: str, pos: int) -> int:
    start = pos
    while start > 0 and _WORD.match(text[start - 1]):
        start -= 1
    return start


_KANA = lazyre.compile("[\u3041-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_HAN_RE = lazyre.compile(f"[{HAN}]")


class StrayKana(Rule):
    code = "SC008"
    name = "stray-kana"
    category = "script"
    reads = ("script.rare-spans",)
    severity = "info"
    summary = "中文里混入了形似汉字的日文假名（第ー条、人ロ、エ作）"
    why = (
        "中文文档里形似汉字的片假名多是识别（OCR）或日文输入法留下的错字：ー当作一，ロ当作口，"
        "エ当作工，カ当作力，ニ当作二。它们看上去对，搜索、排序和拼写检查却都会出错。只报告夹在"
        "汉字旁边、形似汉字的假名。不处理：日文句子和词语（一行里有别的假名就是日文，《となりのトトロ》、"
        "ありがとう）、以日文为主的文档、间隔号「・」（《礼记・乐记》里常见的写法，港台也通用）。"
    )
    bad = "第ー条 人ロ普查由エ作组负责。"
    good = "第一条 人口普查由工作组负责。"
    fix_doc = "改用建议的汉字；引用的日文名称也可能合法，所以修正是不安全的，只在 --unsafe-fixes 时应用。"
    fix_safety = "unsafe"
    specs = (
        Spec("第ー条 人ロ普查由エ作组负责。", ("ー", "ロ", "エ"), fixed="第一条 人口普查由工作组负责。"),
        # Japanese words and titles are Japanese, not slips; the katakana middle dot is a variant mark.
        Spec("他喜欢日本动画《となりのトトロ》，常说ありがとう。卡尔・马克思，《礼记・乐记》。"),
        Spec("テレサ・テンのピアノ曲集，カラオケで歌う。"),
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
        japanese_lines: dict[int, bool] = {}

        def lookalike(s: int, e: int) -> bool:
            return e - s <= 2 and all(c in kana_map for c in text[s:e])

        for start, end in matches:
            run = text[start:end]
            if not lookalike(start, end) or "・" in run:
                continue  # a Japanese word, or the middle dot
            before, after = text[start - 1 : start], text[end : end + 1]
            if not (_HAN_RE.match(before) or _HAN_RE.match(after)):
                continue
            line = doc.line_index(start)
            japanese = japanese_lines.get(line)
            if japanese is None:
                ls, le = doc.line_span(line)
                japanese = japanese_lines[line] = any(
                    ls <= s < le and not lookalike(s, e) for s, e in matches
                )
            if japanese:
                continue  # other kana on the line: Japanese text
            fixed = "".join(kana_map.get(c, c) for c in run)
            yield Hit(start, end, f"日文假名「{run}」混在中文里：应为「{fixed}」", fixed,
                      Fix.replace(start, end, fixed, "unsafe"))
