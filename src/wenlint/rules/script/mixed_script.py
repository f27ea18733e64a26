"""SC001: characters of the other script (Traditional in a Simplified document, and the reverse)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Fix, Hit
from ..base import Rule, Spec
from ._detect import _has_astral, char_class, expected_script, script_verdict, tables
from ._runs import converted_span, inside_short_quote

NAMES = {"simplified": "简体", "traditional": "繁体"}
GAP = 30  # a run continues over at most this many characters that belong to neither script


@lru_cache(maxsize=2)
def run_pattern(expected: str) -> re.Pattern:
    """A run of text in the other script: from one minority character to the last one reached
    without crossing a line break or a character only the expected script has."""
    t = tables()
    minority, majority = (t.t_only, t.s_only) if expected == "simplified" else (t.s_only, t.t_only)
    m = char_class(c for c in minority if ord(c) <= 0xFFFF)
    j = char_class(c for c in majority if ord(c) <= 0xFFFF)[1:-1]
    # Never across a masked span (U+E000): masked code must not be touched by a fix.
    return re.compile(f"{m}(?:[^{j}\\n\\ue000]{{0,{GAP}}}?{m})*")


@lru_cache(maxsize=2)
def astral_pattern(expected: str) -> re.Pattern | None:
    t = tables()
    minority = t.t_only if expected == "simplified" else t.s_only
    astral = [c for c in minority if ord(c) > 0xFFFF]
    return re.compile(char_class(astral)) if astral else None


class MixedScript(Rule):
    code = "SC001"
    name = "mixed-script"
    category = "script"
    severity = "info"
    summary = "繁简混用：简体文档里的繁体字，或繁体文档里的简体字"
    why = (
        "A document is written in one script. Traditional characters in a Simplified text (or the "
        "reverse) come from copying between sources or from a partial conversion, and readers "
        "notice them at once. The document's script is its majority script (characters valid in "
        "both scripts, such as 著, 乾 in 乾隆, 於, 干 in 若干, do not count), or the configured "
        "`script`. Short quoted titles and names in the other script (《漢書》) are left alone."
    )
    bad = "我们认真学习了會議精神，进一步统一了思想。"
    good = "我们认真学习了会议精神，进一步统一了思想。"
    fix_doc = (
        "Convert the flagged text to the document's script: `--fix` does it with OpenCC's phrase "
        "tables, so a one-to-many character takes the form its word needs (头发 → 頭髮, "
        "发展 → 發展). When the dictionaries cannot decide (a lone 发), the fix is unsafe and only "
        "applied with --unsafe-fixes. Configure `script` to force the expected script."
    )
    fix_safety = "safe"
    options = {"quoted-max": 15}
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
        # The configured script wins over detection.
        Spec("這是一份繁體文件。", ("這是一份繁體",), settings={"script": "simplified"},
             fixed="这是一份繁体文件。"),
    )

    def check(self, doc, ctx):
        expected = expected_script(doc, ctx.settings)
        if expected is None:
            return
        info = script_verdict(doc)
        if (info.traditional if expected == "simplified" else info.simplified) == 0:
            return
        text = doc.text
        limit = ctx.option("quoted-max")
        spans = [m.span() for m in run_pattern(expected).finditer(text)]
        astral = astral_pattern(expected)
        if astral is not None and _has_astral(text):
            spans = sorted(spans + [m.span() for m in astral.finditer(text)])
        target = NAMES[expected]
        other = NAMES["traditional" if expected == "simplified" else "simplified"]
        configured = ctx.settings.script == expected
        last_end = -1
        for start, end in spans:
            if start < last_end:
                continue
            if inside_short_quote(text, start, end, limit):
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
