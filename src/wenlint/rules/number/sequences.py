"""NM005: inline enumerations (一是…二是…) that repeat or skip a number; NM006: heading numbers
(一、二、四、 / （一）（一） / 1、2、4、) that repeat or skip one at the same level."""

from __future__ import annotations

from ...findings import Hit
from ..base import Rule, Spec
from ._common import outline
from ._enum import label, markers

_STYLE_NAMES = {"cd": "一、", "cp": "（一）", "dd": "1、", "dp": "（1）"}
_CN = "一二三四五六七八九十"


def _heading_label(style: str, n: int) -> str:
    word = _CN[n - 1] if 1 <= n <= 10 else ("十" + _CN[n - 11] if 11 <= n <= 19 else str(n))
    return {"cd": f"{word}、", "cp": f"（{word}）", "dd": f"{n}、", "dp": f"（{n}）"}[style]


class EnumerationSequence(Rule):
    code = "NM005"
    name = "enumeration-sequence"
    category = "number"
    severity = "info"
    summary = "段内列举序号重复或跳号（一是…二是…二是…三是；一是…三是）"
    why = (
        "Inline enumerations (一是、二是…, 第一，第二，…, ①②…) are renumbered by hand when a "
        "paragraph is edited; a repeated or skipped number tells the reader that an item was "
        "deleted or pasted twice. The rule follows each enumeration within its section (a section "
        "ends at a heading that starts a line, or at a new piece of a compilation): a restart at "
        "一是 begins a new (possibly nested) enumeration, and an enumeration may start at 二是 "
        "after 首先. Ordinal words that are not list markers (第一名, 第一手资料, 第一责任人, "
        "1个第一、3个第二) are not counted: 第一 is a marker only at a clause start before "
        "a comma or colon."
    )
    bad = "一是加强学习。二是完善制度。二是强化监督。三是抓好落实。"
    good = "一是加强学习。二是完善制度。三是强化监督。四是抓好落实。"
    fix_doc = "Renumber the enumeration (the suggestion gives the expected marker)."
    specs = (
        Spec(bad, ("二是",)),
        Spec(good),
        Spec("一是加强学习。三是强化监督。", ("三是",)),
        Spec("首先做好档案登记工作。二是走访慰问。三是抗洪救灾。"),
        Spec("第一，慰问劳模。第二，发放补助。第三，组织体检。"),
        Spec("第一，慰问劳模。第三，组织体检。", ("第三",)),
        Spec("在盘锦市第四届河蟹文化活动中，取得1个第一、3个第二、2个第三的好成绩；获得个人和团体第一名。"),
        Spec("三是加强队伍建设，一是培训，二是考核；四是抓好落实。"),
        Spec("一、组织\n一是加强学习。二是完善制度。\n二、制度\n一是建章立制。二是抓好落实。\n"),
        Spec("统一是前提。唯一是标准。五一是节日。一是一，二是二。"),
    )

    def check(self, doc, ctx):
        ms = markers(doc)
        if len(ms) < 2:
            return
        state: dict[tuple[int, str], list[int]] = {}
        for k in ms:
            key = (k.section, k.family)
            stack = state.get(key)
            if stack is None:
                state[key] = [k.number]
                continue
            top = stack[-1]
            if k.number == top + 1:
                stack[-1] = k.number
                continue
            if k.number > 10 and top != k.number - 1:
                continue  # 十一是 (国庆) and the like: only as the 11th item
            for depth in range(len(stack) - 2, -1, -1):
                if stack[depth] + 1 == k.number:
                    del stack[depth + 1:]
                    stack[-1] = k.number
                    break
            else:
                if k.number == 1:
                    stack.append(1)
                    continue
                expected = label(k.family, top + 1)
                if k.number <= top:
                    message = (f"「{k.text}」重复：前面已经有「{label(k.family, k.number)}」"
                               f"{'（到「' + label(k.family, top) + '」）' if top != k.number else ''}"
                               f"，这里应为「{expected}」")
                else:
                    missing = "、".join(label(k.family, i) for i in range(top + 1, k.number))
                    message = f"从「{label(k.family, top)}」跳到「{k.text}」，缺少「{missing}」"
                    stack[-1] = k.number
                yield Hit(k.start, k.end, message + "：请检查是否漏了或多了一项，并重新编号",
                          suggestion=expected)


class HeadingSequence(Rule):
    code = "NM006"
    name = "heading-sequence"
    category = "number"
    severity = "info"
    summary = "同级标题序号重复或跳号（三、之后是六、；（一）（一））"
    why = (
        "Heading numbers show the structure of a report; a skipped number (一、二、四、) or a "
        "repeated one (（一）（一）) shows that a section was cut or pasted. The rule follows each "
        "numbering style (一、 / （一） / 1、 1. / （1）) as its own level, nested in the order the "
        "styles appear, and restarts a level under every new parent heading. Restarts are legitimate "
        "(a compilation of several reports numbers each one afresh): a number that goes back to 一 "
        "(or lower) starts a new list and is never flagged, except 一 right after 一 at the same "
        "level with nothing below the first one. A number at the start of a line that continues "
        "the previous sentence (实施“\\n十、百、千、万”工程) is not a heading."
    )
    bad = "一、指导思想\n正文。\n二、目标任务\n正文。\n三、时间安排\n正文。\n六、工作措施\n正文。"
    good = "一、指导思想\n正文。\n二、目标任务\n正文。\n三、时间安排\n正文。\n四、工作措施\n正文。"
    fix_doc = "Renumber the headings of that level (the suggestion gives the expected number)."
    specs = (
        Spec(bad, ("六、",)),
        Spec(good),
        Spec("六、工作措施\n（一）加强组织领导。成立领导小组。\n（一）做好宣传工作。\n（二）抓好落实。",
             ("（一）",)),
        Spec("一、主要工作\n（一）思想建设\n1、理论武装\n2、中心组学习\n（二）组织建设\n1、机关党建\n二、存在问题\n"),
        Spec("1.明确申报环节。正文。\n2.把握申报环节。正文。3.细化检查验收。正文。\n4.注重审核环节。"),
        Spec("1.明确申报环节。\n2.把握申报环节。\n4.注重审核环节。", ("4.",)),
        Spec("一、回顾\n二、计划\n一、围绕中心\n二、维护权益\n"),
        Spec("五、推进\n正文。\n二、继续抓好\n三、广泛开展\n"),
        Spec("我局结合先进性教育活动，开展送科技下乡，发出了通知，实施“\n十、百、千、万”工程，即组织10个服务团。\n"),
    )

    def check(self, doc, ctx):
        o = outline(doc)
        if len(o.headings) < 2:
            return
        piece_starts = [p.start for p in o.pieces]
        pi = 0
        stack: list[list] = []  # [style, last number, had children]
        styles: list[str] = []  # the style of each stack entry
        for h in o.headings:
            while pi < len(piece_starts) and piece_starts[pi] <= h.start:
                stack = []
                styles = []
                pi += 1
            if h.style not in styles:
                if stack:
                    stack[-1][2] = True
                stack.append([h.style, h.number, False])
                styles.append(h.style)
                continue
            idx = styles.index(h.style)
            del stack[idx + 1:]
            del styles[idx + 1:]
            entry = stack[idx]
            last, had_children = entry[1], entry[2]
            entry[1], entry[2] = h.number, False
            k = h.number
            if k == last + 1:
                continue
            if k == 1 and (last != 1 or had_children):
                continue  # a new list
            if k < last and k != 1:
                continue  # going back: treated as a restart, never flagged
            text = doc.text[h.start:h.end].strip()

            def lab(n: int) -> str:
                out = _heading_label(h.style, n)
                if text[:1] == "(":
                    out = out.replace("（", "(").replace("）", ")")
                if h.style == "dd" and text[-1:] in ".．":
                    out = out[:-1] + text[-1]
                return out

            expected = lab(last + 1)
            if k == last:
                message = f"标题「{text}」与上一个同级标题序号重复，应为「{expected}」"
            else:
                missing = "".join(f"「{lab(i)}」" for i in range(last + 1, k))
                message = f"同级标题从「{lab(last)}」跳到「{text}」，缺少{missing}"
            yield Hit(h.start, h.end,
                      message + "：请检查是否漏了一节或重新编号", suggestion=expected)
