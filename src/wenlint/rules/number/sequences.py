"""NM005: inline enumerations (一是…二是…) that repeat or skip a number; NM006: heading numbers
(一、二、四、 / （一）（一） / 1、2、4、) that repeat or skip one at the same level."""

from __future__ import annotations

import re
from functools import lru_cache

from ...findings import Hit
from ..base import Rule, Spec
from ._common import lazy, outline
from ._enum import label, markers

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_STYLE_NAMES = {"cd": "一、", "cp": "（一）", "dd": "1、", "dp": "（1）"}
_CN = "一二三四五六七八九十"


def _heading_label(style: str, n: int) -> str:
    word = _CN[n - 1] if 1 <= n <= 10 else ("十" + _CN[n - 11] if 11 <= n <= 19 else str(n))
    return {"cd": f"{word}、", "cp": f"（{word}）", "dd": f"{n}、", "dp": f"（{n}）"}[style]


class EnumerationSequence(Rule):
    code = "NM005"
    name = "enumeration-sequence"
    category = "number"
    reads = ("number.markers",)
    severity = "warning"
    summary = "段内列举序号重复或跳号（一是…二是…二是…三是；一是…三是）"
    why = (
        "段内列举（一是、二是…，第一，第二，…，①②…）是改稿时手工编号的；序号重复或跳号说明删了一项"
        "或多贴了一项。本规则在每一节内跟踪列举（遇到行首的标题或汇编的新篇目就换一节）：回到一是表示"
        "开始新的（可能是嵌套的）列举。“方式一：”“步骤一：”这类带名目的编号，全文没有“方式二”时也报告。\n"
        "刻意不报的情形：以“首先”开头、接着二是、三是的列举（公文里常见的写法）；不是列举标记的序数词"
        "（第一名、第一手资料、第一责任人、1个第一、3个第二）——第一 只有在分句开头、后面跟逗号或冒号"
        "时才算；连在一起列出的序数（第二、三卷，第二、第三、第五各款）；词里的“一是”"
        "（统一是、唯一是、五一是）；带数字的名目（卷四十一：）。"
    )
    bad = "一是加强学习。二是完善制度。二是强化监督。三是抓好落实。"
    good = "一是加强学习。二是完善制度。三是强化监督。四是抓好落实。"
    fix_doc = "按顺序重新编号（建议给出应有的序号）；只有一项的“方式一”去掉编号，或补上漏掉的项。"
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
        # ordinals listed together are not enumeration markers
        Spec("子弹库帛书第二、三卷回归祖国。美方返还的子弹库帛书第二卷，由国家文物局接收。"),
        Spec("因第一百十四條第二、第三、第五、第六各款契約終止。"),
        Spec("利用外资必须把握三条原则：\n第一、借外债的总额要有控制；\n第二、一定要用在生产建设上；\n第三、要讲求经济效益。\n"),
        # a named series that stops at its first item
        Spec("报名方式一：长按识别二维码，直接进入报名页面！听课小贴士：成功购买课程后进入直播间。", ("方式一",)),
        Spec("报名方式一：长按识别二维码。方式二：点击阅读原文。"),
        Spec("《新唐书》卷四十一：华亭。上。天宝十载析嘉兴置。"),
    )

    def check(self, doc, ctx):
        yield from _lonely_firsts(doc.text)
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


# "方式一：" / "步骤一：": the first item of a named series, numbered with 一 after a noun
_NAMED_FIRST = lazy(r"(?<=[\u4e00-\u9fff])一[：:]")
_NUMERAL_CHARS = set("〇零一二三四五六七八九十百千万两第之其统唯初")


def _lonely_firsts(text: str):
    """方式一： with no 方式二 anywhere in the document: a series whose other items are missing."""
    if "一：" not in text and "一:" not in text:
        return
    done = set()
    for m in _NAMED_FIRST.finditer(text):
        noun = text[max(0, m.start() - 2):m.start()]
        if len(noun) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in noun):
            continue
        if _NUMERAL_CHARS.intersection(noun) or noun in done:
            continue
        done.add(noun)
        if noun + "二" in text or noun + "2" in text:
            continue
        yield Hit(m.start() - 2, m.end() - 1,
                  f"「{noun}一」之后文中没有「{noun}二」：只有一项就不必编号，否则是漏了后面的项")


class HeadingSequence(Rule):
    code = "NM006"
    name = "heading-sequence"
    category = "number"
    reads = ("number.outline",)
    severity = "warning"
    summary = "同级标题序号重复或跳号（三、之后是六、；（一）（一））"
    why = (
        "标题序号体现报告的结构：同一级跳号（一、二、四、）或重号（（一）（一））说明删掉或多贴了一节。"
        "本规则把每种编号样式（一、 / （一） / 1、1. / （1））当作一级，按出现顺序嵌套，"
        "每遇到新的上级标题就从头计数。这一级从二、开始而前面几行有一行以项目符号（•）开头时，"
        "报告那个项目符号（自动编号的“一、”在转换中变成了符号）。\n"
        "刻意不报的情形：编号回到一（或更小）视为新的一组（汇编里每篇各自编号）；"
        "附件、附录、附表、专栏、名词解释、参考文献各自编号，正文在其后接着原来的序号也不算跳号；"
        "同一样式的内层小列表结束后外层接着编号（15. 之后 1.…10. 再 16.）；"
        "缺的序号其实写在文中——并在上一行里（…需求。二、信息采集）、上一行断在半句上（以“、”“，”结尾）、"
        "或紧跟数字（5.5月份…、3．10种有色金属）——都不报；"
        "从二、开始而前面没有项目符号的（节选的正文）不报；"
        "注：1.…2.… 这类注释条目不是标题；Markdown 的有序列表（1. 1. 1.）由渲染器编号；"
        "标题连同正文整段重复属于重复段落（ST 规则的事），这里不报；"
        "句中接着上一句的数字（实施“\\n十、百、千、万”工程）不是标题。"
    )
    bad = "一、指导思想\n正文。\n二、目标任务\n正文。\n三、时间安排\n正文。\n六、工作措施\n正文。"
    good = "一、指导思想\n正文。\n二、目标任务\n正文。\n三、时间安排\n正文。\n四、工作措施\n正文。"
    fix_doc = "按顺序重新编排这一级标题的序号（建议给出应有的序号）；若确实漏了一节，补上该节。"
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
        # a number followed by digits at a line start: still the heading (news summaries, glossaries)
        Spec("4.【党纪学习教育】学用结合 把遵规守纪牢记在心；\n5.5月份我国CPI同比上涨0.3%；\n6.夏种进入高峰期；\n"),
        Spec("名词解释\n1.“两重”：国家重大战略实施。\n2.“两新”：设备更新和以旧换新。\n3．10种有色金属：铜、铅、锌。\n4.“厅局长坐诊接诉”：省级部门。\n"),
        # the line before the heading broken off (extraction lost its end), a heading inside a line
        Spec("1.研发设计数字化。加强协同。\n2.生产制造数字化。缩短装配流程和周期、\n3.质量管理数字化。\n4.供应链管理数字化。\n"),
        Spec("一、总体要求\n正文。\n（三）行业标准体系。需求。 二、建设思路\n正文。\n三、建设内容\n正文。\n"),
        # a box numbered on its own; the main list resumes after it
        Spec("14.深入实施标准贯标。\n15.开展国际标准对标行动。\n专栏3 数字化标准研制工程\n1.家用电器行业：制定标准。\n"
             "2.家具制造行业：制定标准。\n（七）加强人才培育\n16.创新人才培育模式。\n"),
        # an annex restarts its numbering
        Spec("一、总则\n二、措施\n三、保障\n附件1\n二、申报条件\n三、申报材料\n"),
        # a numbered note is not a list of headings
        Spec("1.智能制造典型场景\n2.智能制造示范工厂\n注：1.推荐排名有先后；\n2.推荐数量不能超过上限。\n3.智能制造标杆企业\n"),
        Spec("1. 智能制造优秀场景\n示例：\n\n1. 模式创新（环节名）\n\n2. ……\n\n2. 智能制造示范工厂\n"),
        # Markdown: an ordered list written 1. 1. 1. and numbered lists under different headings
        Spec("# 题目\n\n1. 给定 100 个数字\n1. 给定 10 亿个数字\n1. 给定 10 个数组\n", format="markdown"),
        Spec("## 分号\n\n（1）分号表示停顿。\n\n## 引号\n\n（1）引用时使用全角双引号。\n", format="markdown"),
        # the first heading's number became a bullet in conversion
        Spec("下半年工作计划\n\n  •  建立乡镇工会重点工作考评机制。\n\n  为进一步加强建设。\n\n  二、继续抓好职工素质工程。\n"
             "\n  三、大力开展创建活动。\n", ("•",)),
        Spec("下半年工作计划\n\n  •  建立考评机制。\n  •  加强建设。\n一、继续抓好职工素质工程。\n二、大力开展创建活动。\n"),
        # a heading and its section pasted twice: the copy is for the structure rules
        Spec("（一）指导思想\n正文。\n（二）基本原则\n统筹规划。\n（二）基本原则\n统筹规划。\n"),
    )

    def check(self, doc, ctx):
        o = outline(doc)
        if len(o.headings) < 2:
            return
        text = doc.text
        pieces = [(p.start, True) for p in o.pieces]
        # the annexes and notes are looked for only in a document where the plain sequence breaks
        if not any(True for _ in self._scan(doc, o, pieces, [])):
            return
        # a new piece of a compilation starts everything afresh; an annex, a box (专栏) or a
        # glossary numbers on its own, and the main text may resume after it
        resets = sorted(pieces + [(i, False) for i in _section_resets(text, doc.format == "markdown")])
        yield from self._scan(doc, o, resets, _notes(text))

    @staticmethod
    def _scan(doc, o, resets, notes):
        text = doc.text
        pi = 0
        before_reset: dict[str, set] = {}  # per style, the numbers reached before an insert
        stack: list[list] = []  # [style, last number, had children, the last heading, outer numbers]
        styles: list[str] = []  # the style of each stack entry
        ni = 0  # notes: numbered notes (注：1.… 2.…) whose items are not headings
        for h in o.headings:
            while pi < len(resets) and resets[pi][0] <= h.start:
                if resets[pi][1]:
                    before_reset = {}
                else:
                    for e in stack:
                        before_reset.setdefault(e[0], set()).add(e[1])
                stack = []
                styles = []
                pi += 1
            while ni < len(notes) and notes[ni][1] <= h.start:
                ni += 1
            if ni < len(notes) and notes[ni][0] <= h.start:
                continue
            if doc.format == "markdown" and _commonmark_item(text, h):
                continue  # a renderer numbers an ordered list itself (1. 1. 1. is written on purpose)
            if h.style not in styles:
                if stack:
                    stack[-1][2] = True
                stack.append([h.style, h.number, False, h, []])
                styles.append(h.style)
                if h.number == 2 and h.at_line_start:
                    bullet = _bullet_before(text, h.start)
                    if bullet is not None:
                        yield Hit(bullet, bullet + 1,
                                  f"这一级标题从「{text[h.start:h.end].strip()}」开始，第一个标题写成了项目符号"
                                  f"「{text[bullet]}」：请改为「{_heading_label(h.style, 1)}」",
                                  suggestion=_heading_label(h.style, 1))
                continue
            idx = styles.index(h.style)
            del stack[idx + 1:]
            del styles[idx + 1:]
            entry = stack[idx]
            last, had_children, prev = entry[1], entry[2], entry[3]
            entry[1], entry[2], entry[3] = h.number, False, h
            k = h.number
            if k == last + 1:
                continue
            if k == 1 and (last != 1 or had_children):
                entry[4].append(last)  # a new list, maybe nested in the one it interrupts
                continue
            if k - 1 in entry[4] or k - 1 in before_reset.get(h.style, ()):
                continue  # the outer list resumes after a nested one in the same style
            if k < last and k != 1:
                continue  # going back: treated as a restart, never flagged
            if k == last and _line_of(text, prev.start) == _line_of(text, h.start):
                continue  # a heading and its section copied twice: a repeated paragraph (ST)
            if k > last and all(_written_between(text, prev.end, h.start, h.style, i)
                                for i in range(last + 1, k)):
                continue  # the missing numbers are there, inside a line or after a broken one
            marker = text[h.start:h.end].strip()

            def lab(n: int) -> str:
                out = _heading_label(h.style, n)
                if marker[:1] == "(":
                    out = out.replace("（", "(").replace("）", ")")
                if h.style == "dd" and marker[-1:] in ".．":
                    out = out[:-1] + marker[-1]
                return out

            expected = lab(last + 1)
            if k == last:
                message = f"标题「{marker}」与上一个同级标题序号重复，应为「{expected}」"
            else:
                missing = "".join(f"「{lab(i)}」" for i in range(last + 1, k))
                message = f"同级标题从「{lab(last)}」跳到「{marker}」，缺少{missing}"
            yield Hit(h.start, h.end,
                      message + "：请检查是否漏了一节或重新编号", suggestion=expected)


# A line that opens a part numbered on its own: an annex, an appendix, a glossary, notes, references
# (附件1 / 附录 / 名词解释 / 参考文献), or a Markdown heading without a number of ours.
_RESET_LINE = lazy(
    r"(?m)^[ \t\u3000]*(?:附件|附錄|附录|附表|专栏|專欄|名词解释|名詞解釋|名词说明|术语|術語|注释|註釋|参考文献|參考文獻)"
    r"[^\n。；]{0,40}$"
)
_ATX = lazy(r"(?m)^ {0,3}#{1,6}[ \t]")
_NOTE_LABEL = ("注：", "注:", "注释：", "说明：", "说明:", "備註：", "备注：", "備註:", "备注:", "註：")


def _section_resets(text: str, markdown: bool) -> list[int]:
    out = [m.start() for m in _RESET_LINE.finditer(text)]
    if markdown:
        out += [m.start() for m in _ATX.finditer(text)]
    return out


_BULLETS = "•●◆◇■□▪▫·‧∙○◎★☆►▶"


def _bullet_before(text: str, pos: int) -> int | None:
    """The offset of a bullet opening one of the few non-empty lines before `pos` (the first
    heading of a list whose automatic number 一、 became a bullet in conversion)."""
    end = text.rfind("\n", 0, pos)
    for _ in range(6):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        stripped = line.lstrip(" \t\u3000")
        if stripped[:1] and stripped[0] in _BULLETS and len(stripped) > 3:
            return start + (len(line) - len(stripped))
        if _HEADING_LIKE.match(stripped):
            return None  # another numbered line comes first
        end = start - 1
    return None


_HEADING_LIKE = lazy(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．]")


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:len(text) if end == -1 else end].strip()


_NOTE = lazy(
    r"(?m)^[ \t\u3000]*(?:注|註|注释|註釋|说明|說明|备注|備註|示例)[:：][ \t\u3000]*"
    r"(?:\n[ \t\u3000]*){0,2}(?:1[、.．]|[（(]1[）)])"
)


def _notes(text: str) -> list[tuple[int, int]]:
    """The spans of numbered notes (注：1.…): the label's line and the lines right after it that
    continue the numbering (2. 3. …)."""
    out = []
    for m in _NOTE.finditer(text) if ("注" in text or "註" in text or "明" in text or "示例" in text) else ():
        end = text.find("\n", m.end())
        n = 2
        probe = end
        while probe != -1:
            nxt = text.find("\n", probe + 1)
            line = text[probe + 1:len(text) if nxt == -1 else nxt].strip(" \t\u3000")
            if not line:
                probe = nxt  # blank lines inside the note
                continue
            if not re.match(rf"(?:{n}|[（(]{n}[）)])[、.．)）]", line):
                break
            n += 1
            end = probe = nxt
        out.append((m.start(), len(text) if end == -1 else end))
    return out


def _commonmark_item(text: str, h) -> bool:
    """`1. item` at a line start in Markdown: an ordered-list item (digits, `.` or `)`, a space)."""
    return h.style == "dd" and h.at_line_start and text[h.end - 1:h.end] in ".)" and text[h.end:h.end + 1] == " "


def _written_between(text: str, start: int, end: int, style: str, n: int) -> bool:
    """Heading `n` of `style` written between two headings where the outline could not take it as
    one: inside a line (…需求。二、信息采集), at the start of a line after a line that looks
    broken off, or before a digit (5.5月份…, 3．10种有色金属)."""
    return _marker_scan(style, n).search(text, start, end) is not None


@lru_cache(maxsize=256)
def _marker_scan(style: str, n: int):
    word = _heading_label("cd", n)[:-1]
    if style == "cd":
        return re.compile(rf"(?<![一二三四五六七八九十百千万、]){word} ?[、．.](?![一二三四五六七八九十]、)")
    if style == "cp":
        return re.compile(rf"[（(]{word}[）)]")
    if style == "dp":
        return re.compile(rf"[（(]{n}[）)]")
    digits = f"(?:{n}|{str(n).translate(_FULLWIDTH)})"
    return re.compile(rf"(?<![\d.．]){digits}[、.．](?=\d|[^\W\d_])", re.M)
