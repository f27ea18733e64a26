"""MK001 masked-word."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import Hit
from ..base import Rule, Spec
from ..placeholder._data import MASK_OPTIONS
from ..placeholder._scan import hits_for


class MaskedWord(Rule):
    code = "MK001"
    name = "masked-word"
    category = "mask"
    severity = "info"
    summary = "词语被屏蔽或缺字（邓**理论、职工**管理、＊＊、□□、■■）"
    why = (
        "Text copied from sites that censor words arrives with characters replaced by ** or □□ "
        "(邓**理论, 职工**管理, 行使职工**权力). The sentence no longer says what it meant and the "
        "reader sees at once where it came from. When the word can be recovered from the phrase "
        "table (rules/data/mask-phrases.toml), the finding suggests it: 邓**理论 → 邓小平理论, "
        "**集中制 → 民主集中制, and **管理/**监督/**权利 → 民主… when the sentence is about "
        "workers' participation (职工, 职代会, 厂务公开 ...). Markdown emphasis (**粗体**) in .md "
        "files, list bullets and separator lines (***) are not masks."
    )
    bad = "加强了马列主义、毛泽东思想、邓**理论的学习"
    good = "加强了马列主义、毛泽东思想、邓小平理论的学习"
    fix_doc = (
        "Restore the word. With a suggestion, `--fix --unsafe-fixes` writes it in (unsafe: the "
        "table can only guess from the context). Add phrases with the option `phrases` of the "
        "mask family (table tool.wenlint.mask), context words with `governance-words`."
    )
    fix_safety = "unsafe"
    options = dict(MASK_OPTIONS)
    specs = (
        Spec("加强了马列主义、毛泽东思想、邓**理论的学习", ("邓**理论",),
             fixed="加强了马列主义、毛泽东思想、邓小平理论的学习"),
        Spec("加強了馬列主義、毛澤東思想、鄧**理論和“三個代表”重要思想的學習", ("鄧**理論",)),
        Spec("一是加强**管理和**监督工作,大力完善了以职代会为载体的厂务公开制度,行使职工**权力。",
             ("**管理", "**监督", "**权力")),
        Spec("坚持**集中制", ("**集中制",), fixed="坚持民主集中制"),
        Spec("今天天气**好", ("**",), note="no phrase fits: the masking run alone, no suggestion"),
        Spec("该段内容＊＊＊已被删去，□□□无法辨认，■■■", ("＊＊＊", "□□□", "■■■")),
        Spec("这是**粗体**文字，*斜体*也可以。\n\n* 列表项一\n* 列表项二\n\n***\n", (), format="markdown"),
        Spec("第一部分\n***\n* * *\n第二部分"),
        Spec("计算3*4和2×3米的面积，□是 □否"),
        Spec("他说**很好", ("**",), note="not a table phrase: the run alone, no suggestion"),
        Spec("他说**很好", ("**很好",), options={"phrases": {"**很好": "非常好"}}, fixed="他说非常好"),
    )

    def check(self, doc, ctx) -> Iterable[Hit]:
        return list(hits_for(self.code, doc, ctx))
