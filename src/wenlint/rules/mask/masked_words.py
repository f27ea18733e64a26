"""MK001 masked-word."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import Hit
from ..base import Rule, Spec
from ..placeholder._scan import hits_for
from ... import lazyre


class MaskedWord(Rule):
    code = "MK001"
    name = "masked-word"
    category = "mask"
    reads = ("placeholder.scan",)
    severity = "warning"
    summary = "词语被屏蔽或缺字（邓**理论、职工**管理、＊＊、□□、■■）"
    why = (
        "从屏蔽敏感词的网站复制来的文字，词语被换成了 ** 或 □□（邓**理论、职工**管理、行使职工**"
        "权力），上传者隐去的电话号码也是这样（0755-********）。句子不再表达原意，读者一眼就看出"
        "它的来历。能从词组表（rules/data/mask-phrases.toml）找回原词时给出建议：邓**理论 → 邓小平"
        "理论，**集中制 → 民主集中制；句子讲职工参与（职工、职代会、厂务公开……）时 **管理、**监督、"
        "**权利 → 民主……。只有夹在两个汉字（或汉字和数字）之间的 ** 才算屏蔽。不处理：Markdown 的"
        "强调（.md 文件和内容是 Markdown 的 .txt 文件里成对的 **粗体**）、列表符号、分隔线（***）、"
        "算式和尺寸里的乘号（3*4、450*500、2×3米）、脚注星号（资金*：）、行首星号。"
    )
    bad = "加强了马列主义、毛泽东思想、邓**理论的学习"
    good = "加强了马列主义、毛泽东思想、邓小平理论的学习"
    fix_doc = (
        "恢复原词。有建议时 `--fix --unsafe-fixes` 写入建议的词（不安全：词组表只能按上下文推测）。"
        "可以用 mask 家族（表 tool.wenlint.mask）的 `phrases` 选项增加词组，`governance-words` 增加"
        "上下文词。"
    )
    fix_safety = "unsafe"
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
        Spec("联系电话：0755-********，传真：0755-********", ("********", "********")),
        Spec("尺寸450*500pix，3**2=9，编号2021*"),
        Spec("  * 长子：孙科\n  * *长孙：孙治平\n  * **曾孙：孙国雄\n  * ***玄孙：孙伟仁"),
    )

    def check(self, doc, ctx) -> Iterable[Hit]:
        text = doc.text
        hits = [h for h in hits_for(self.code, doc, ctx) if not _leading_stars(text, h.start, h.end)]
        taken = [(h.start, h.end) for h in hits]
        # (A text without stars cannot match: `in` finds that faster than the pattern.)
        for m in _MASKED_NUMBER.finditer(text) if "*" in text or "＊" in text else ():
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                hits.append(Hit(m.start(), m.end(), f"号码被隐去「{m.group()}」：请填入完整号码，或删去"))
        return hits


def _leading_stars(text: str, start: int, end: int) -> bool:
    """Stars that open a line's text (after its indentation and list bullet: `* **曾孙：…`) mark
    a level or a note; they hide nothing."""
    if text[start] not in "*＊":
        return False
    ls = text.rfind("\n", 0, start) + 1
    return text[ls:start].strip(" \t\u3000*＊-+•") == "" and text[start:end].strip("*＊") == ""


# A telephone or account number with its digits replaced by stars: 0755-********.
# Four stars or more after a number and a dash, or inside a number (138****5678). The pattern
# starts with the first star and looks back from there: one that starts with a look-behind is
# tried at every position.
_MASKED_NUMBER = lazyre.compile(
    "[*＊](?:(?<=[0-9][-－][*＊])[*＊]{3,}|(?<=[0-9]{3}[*＊])[*＊]{3,}(?=[0-9]{3,}))"
)
