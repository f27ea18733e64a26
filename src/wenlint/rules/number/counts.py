"""NM004: an announced count (六个结合，即…; 三个阶段; A、B、C三项; “…”十六字方针; 3篇) that the
items listed do not match."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...findings import Hit
from ..base import Rule, Spec
from ...analyses import analysis
from ...analyses.pages import PAGE_NUMBER
from ._common import PIECE_MARK, SHORT_FIRST, SHORT_LINE, lazy, outline
from ._enum import markers, run_after
from ._numerals import cn_to_int, small_cn

NUM = r"(?P<n>二十|十[一二三四五六七八九]?|[两兩二三四五六七八九])"
CLS = r"(?P<cls>个方面|個方面|个|個|项|項|大|种|種|条|條|点|點|类|類|方面|句话|件事)?"
HAN = r"[\u4e00-\u9fff]"
# "六个结合，即…" / "“五个一”服务(…)" / "五个提高”，即：…" / "三个阶段进行。(一)…"
ANNOUNCE = lazy(
    r"(?P<qo>[“\"])?" + NUM + CLS + r"(?P<noun>" + HAN + r"{1,6}?)(?P<qc>[”\"])?(?P<tail>" + HAN + r"{0,12}?)"
    r"(?P<sep>[，,]?\s*(?:即|也就是|就是|分别是|具体是|主要是|具体为|分别为)\s*[：:]?|[（(]|\s*[：:])"
)
ANNOUNCE_THEN = lazy(
    r"(?P<qo>[“\"])?" + NUM + CLS + r"(?P<noun>" + HAN + r"{1,6}?)(?P<qc>[”\"])?(?P<tail>[\u4e00-\u9fff]{0,12}?)"
    r"[。：:]\s*(?=一是|第一[，,、：:]|[（(][一1][）)]|1[、.．]|①)"
)
# "A、B、C三项工作" / "…等7家新闻媒体" / "“绿、洁、美、香、硬”五化"
PRE_COUNT = lazy(
    r"(?P<n>二十|十[一二三四五六七八九]?|[两兩二三四五六七八九]|(?<![\d.])[1-9]\d?)"
    r"(?P<cls>个方面|個方面|个|個|项|項|家|大|种|種|类|類|级|級|方面|名|位|所|支|篇|部|条|條|化|落实|好)"
    r"(?=[\u4e00-\u9fff])"
)
# the last item of a list and the count right after it: the scan starts at 、 (fast)
_LIST_TAIL = lazy(
    r"、[^，,。；;：:！？!?\n、]{0,25}?(?P<count>[两兩二三四五六七八九十]|\d)"
    r"(?:个|個|项|項|家|大|种|種|类|類|级|級|方面|名|位|所|支|篇|部|条|條|化|落实|好)"
)
# "“多予少取放活”的六字方针"
WORD_COUNT = lazy(r"”(?:的|这)?(?P<n>二十|十[一二三四五六七八九]?|[两二三四五六七八九]|\d{1,2})字")
SET_TITLE = lazy(r"(?:[（(]\s*共\s*)?(\d{1,2}|[二三四五六七八九十]{1,2})\s*篇\s*[）)]?\s*$")

NUMERALS = set("〇零一二三四五六七八九十两兩百千万")
_NUM_CHAR = lazy("[两兩二三四五六七八九十]")
MEASURE_NOUNS = set("年月日天周次届屆期岁歲倍时時遍轮輪批名人位家户戶元万萬亿億千百件篇张張条條项項级級分秒米亩畝")
_MASK_PAIRS = {"“": "”", "《": "》", "（": "）", "(": ")", "「": "」", "‘": "’"}
FILL = "〓"
_HEAD_PREFIX = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")
_TRAILING = lazy(r"(?:共|共计|这|此|等等|等)$")
_COUNTED = lazy(r"\d|[一二两三四五六七八九十][个項项名家条种类]")
_AND = lazy(r"和|及|与|以及|并")
_OPENERS = lazy("[“《（(「‘]")
_NESTING = lazy("[" + "".join(_MASK_PAIRS) + "".join(_MASK_PAIRS.values()) + "]")
_CUT = lazy("[，,。；;：:！？!?（(]")
_NOT_BEFORE_N = NUMERALS | {"第", "每", "几", "、"}
_SEMI = lazy(r"[；;]")
_COMMA = lazy(r"[，,]")
_ANY_SEP = lazy(r"[、，,]")


def _mask_nested(s: str) -> str:
    """Blank the insides of quotes and brackets so their punctuation does not split items."""
    if not _OPENERS.search(s):
        return s
    # Only quotes and brackets change the nesting: the text between two of them is copied (at
    # the top level) or blanked (inside) in one piece.
    out = []
    stack: list[str] = []
    pos = 0
    for m in _NESTING.finditer(s):
        i = m.start()
        if i > pos:
            out.append(FILL * (i - pos) if stack else s[pos:i])
        ch = m.group()
        if stack and ch == stack[-1]:
            stack.pop()
            out.append(ch)
        elif ch in _MASK_PAIRS:
            stack.append(_MASK_PAIRS[ch])
            out.append(ch)
        elif stack:
            out.append(FILL)
        else:
            out.append(ch)
        pos = i + 1
    if pos < len(s):
        out.append(FILL * (len(s) - pos) if stack else s[pos:])
    return "".join(out)


def _n(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    if raw in ("两", "兩"):
        return 2
    return small_cn(raw)


def _split_counts(items_text: str) -> dict[str, int]:
    """Item counts under the separators a list may use; the caller accepts any that fits."""
    s = _mask_nested(items_text).strip("，,、；;。 ")
    if not s:
        return {}
    semis = _SEMI.split(s)
    first = semis[0]
    commas = _COMMA.split(first)
    clause = commas[0]
    counts = {
        "、": len([x for x in first.split("、") if x.strip()]),
        "，": len([x for x in commas if x.strip()]),
        "、，": len([x for x in _ANY_SEP.split(first) if x.strip()]),
        "、(，前)": len([x for x in clause.split("、") if x.strip()]),
    }
    if len(semis) > 1:
        counts["；"] = len([x for x in semis if x.strip()])
    return counts


# 即 bound in a word (即将、即使、即便、即位、即刻、即时、即日、即兴、即席; 在即、立即、随即、当即、
# 旋即、亦即 is "that is" and stays)
_JI_WORD = lazy(r"[在立随隨当當旋]即|即[将將使便位刻时時日兴興席景墨可]")
_CONJ = lazy(r"以及|或者|和|及|与|與|跟|或|并|並")


def _joined_counts(items_text: str) -> set[int]:
    """The counts a 、 list may have when its last item joins two with 和/及/与 (A、B和C: 3)."""
    s = _mask_nested(items_text).strip("，,、；;。 ")
    clause = _CUT.split(s, 1)[0]
    items = [x for x in clause.split("、") if x.strip()]
    if items and _CONJ.search(items[-1]):
        return {len(items) + 1}
    return set()


_MORE_ITEMS = lazy(r"还有|另有|另一|此外|其次|再次|最后|其余|其他|以及")


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


_OPENS_ITEM = lazy(r"一方面|一是|一种是|其一|首先|第一")


def _comma_before_dun(items_text: str) -> bool:
    s = _mask_nested(items_text)
    comma = min([i for i in (s.find("，"), s.find(",")) if i != -1] or [len(s)])
    dun = s.find("、")
    return dun != -1 and comma < dun


def _last_item(items_text: str) -> str:
    """The last item of the 、 list that opens `items_text` (A、B、C等部门联合印发: C等部门联合印发)."""
    clause = _CUT.split(_mask_nested(items_text).strip("，,、；;。 "), 1)[0]
    return clause.rsplit("、", 1)[-1] if "、" in clause else ""


def _short_items(items_text: str) -> bool:
    """The list is made of short items (a list after a colon or in brackets, not a sentence)."""
    s = _mask_nested(items_text).strip("，,、；;。 ")
    if _SEMI.search(s):
        return all(len(x) <= 60 for x in _SEMI.split(s))
    clause = _CUT.split(s, 1)[0]
    return all(len(x) <= 20 for x in clause.split("、"))


def _best(counts: dict[str, int]) -> tuple[str, int]:
    for key in ("；", "、(，前)", "、", "，", "、，"):
        if key in counts and counts[key] > 1:
            return key, counts[key]
    return "、", 1


def _sentence_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    end = len(text) if end == -1 else end
    for ch in "。！？!?":
        i = text.find(ch, pos, end)
        if i != -1:
            end = i
    return end


class AnnouncedCount(Rule):
    code = "NM004"
    name = "announced-count-mismatch"
    category = "number"
    reads = ("number.outline", "number.sections", "number.markers", "number.marker-starts", "number.heading-starts")
    severity = "warning"
    summary = "宣布的数目与后面明确列出的条目数不符（“六个结合，即…”只列了五项）"
    why = (
        "报告常用数目来概括一组条目（六个结合、五个办、三个阶段、四个不放松、十六字方针、3篇）；"
        "改模板时删了或加了一条，数目却没改。本规则只在数目后面明确列出条目时才数："
        "“N个X，即/就是/分别是…”、“N个X：…”、“N个X（…）”后面的条目（按 ；、、 或 ， 分项，"
        "任何一种合理的分法对得上就不报；最后一项里的“和/及/与”算两项），"
        "紧接着的列举（一是…、第一，…、（一）…小标题），引号里的口号与“N字”，"
        "以及汇编标题里的“N篇”与正文的【篇N】。\n"
        "刻意不报的情形：数目在固定说法或名称里（四个全面、三严三实、两学一做、一级调研员、三级甲等医院、"
        "一等奖、十佳青年、五好家庭、二十大、十四五、四网融合）——没有量词“个/项/种/类/条/点/方面/大”"
        "的数字短语不当作宣布；“即”在词里（即将、即使、在即、立即、即位）；冒号或括号后面是一句说明"
        "而不是一串短条目；列举标了“等”且没有超出；短语里有两个数（三管六不、四送一助）；"
        "列举在分页标记或文末中断（残缺的副本，不是数错）；只用逗号分开的条目（逗号也分句子，"
        "数不准）不据以报错。条目写在数目前面（A、B、C三项）时默认不报，"
        "选项 count-lists-before = true 可打开这一检查。"
    )
    bad = "要做到三个结合，即把平安创建与文明创建结合起来；与信访工作结合起来。"
    good = "要做到两个结合，即把平安创建与文明创建结合起来；与信访工作结合起来。"
    fix_doc = "补上漏掉的条目，或改正数目，使两者一致。"
    specs = (
        Spec(bad, ("三个结合",)),
        Spec(good),
        # seed 004: 六个结合 with five items
        Spec("3、不断拓宽创建活动领域。要做到六个结合,即把平安家庭创建活动与五好文明家庭创建活动结合起来;"
             "与不让毒品进我家创无毒家庭、预防艾滋病、健康全家人活动结合起来;与做好信访工作结合起来;"
             "与创建零家庭暴力社区结合起来;与创建文明社区优秀青少年维权岗、实施为了明天——预防青少年犯罪工程等活动结合起来,"
             "努力做到互相促进、相得益彰。", ("六个结合",)),
        # consistent announcements from the seeds
        Spec("做到“五个办”,即:当天的事情当天办,紧急的事情立即办,繁杂的事情协调办,份外的事情协助办,一切事情依法办。"),
        Spec("做到六有(学习有安排、有记录、有考勤,讨论有重点、发言有提纲、学习有心得)。"),
        Spec("进一步强化五个意识,即增强家庭成员的懂法守法意识、安全防范意识、健康文明意识、和睦相处意识、男女平等意识;"
             "努力营造五个环境,即安定有序的治安环境,优美文明的社区环境,公平正义的法治环境,诚信友爱的人际环境,安全健康的成长环境;"
             "使更多家庭做好四防和实现四无,即防拐卖、防盗窃、防抢劫、防隐患;无毒品、无赌博、无暴力、无犯罪。"),
        Spec("做到了“四个不放松”。一是组织领导不放松。二是制度建设不放松。三是宣传教育不放松。四是硬件建设不放松。\n二、下一步"),
        Spec("做到了“四个不放松”。一是组织领导不放松。二是制度建设不放松。三是宣传教育不放松。\n二、下一步",
             ("四个不放松",)),
        # a truncated copy: the enumeration runs into a page marker
        Spec("即达到三个规范:一是组织规范。乡镇全部健全了工会组织。二是基础规范。县总统一配置了桌椅,各乡镇工会\n第3页共10页\n"),
        Spec("县总工会建立了中心组、机关、个人三项学习制度。"),
        Spec("县总工会建立了中心组、机关、个人、班组、科室三项学习制度。", ("三项",),
             options={"count-lists-before": True}),
        Spec("县总工会建立了中心组、机关、个人、班组、科室三项学习制度。"),
        Spec("突出开展维权机制建设、困难职工帮扶、基层工会建设和建功立业活动四项重点工作。"),
        Spec("与市电视台、市报社、市有线电视台、市电台、县电视台、县电台、县报社等7家新闻媒体合作。"),
        Spec("与市电视台、市报社、市有线电视台、市电台、县电视台、县电台、县报社等5家新闻媒体合作。", ("5家",),
             options={"count-lists-before": True}),
        Spec("按照“多予少取放活”的六字方针，使“爱国守法、明礼诚信、团结友善、勤俭自强、敬业奉献”二十字方针深入人心。"),
        Spec("按照“多予少取放活”的八字方针。", ("八字",)),
        Spec("取得1个第一、3个第二、2个第三的好成绩；建立职介所1个、培训基地2个、安置基地3个。"),
        # numerals inside names and fixed expressions, 即 inside a word: not announcements
        Spec("轨道交通“四网融合”：干线铁路、城际铁路、市域（郊）铁路和城市轨道交通的融合。"),
        Spec("党的二十大召开在即，大家都铆足干劲儿。“十四五”即将圆满收官，全面落实“两学一做”。"),
        Spec("谯与许昌、长安、洛阳、邺并称“五都”（谯是否是都城，有争议）。台湾省北方三岛（棉花屿，花瓶屿和彭佳屿）多山。"),
        Spec("针对两个不同的分析软件，即使采用的核心算法相同，结果也不同。"),
        Spec("他现任一级调研员，曾获一等奖，所在的三级甲等医院被评为十佳单位、五好家庭示范点。"),
        # the last item joins two with 和/及/与
        Spec("这些交易的商品主要涉及四类商品：手机、存储卡、面膜和牛仔裤。"),
        Spec("人民由四个社会阶级（工人阶级、农民阶级、城市小资产阶级和民族资产阶级）组成。"),
        Spec("指標架構包含三個面向：氣候承諾、氣候行動與資料透明度。"),
        # a definition after the colon, a partial list (等)
        Spec("“四下基层”：习近平总书记在福建宁德工作时大力倡导并身体力行形成的工作方法和工作制度，具体指宣传党的路线、方针、政策下基层。"),
        Spec("“十二项举措”：省政府行政复议办公室、省发展改革委、省工商联等部门联合印发。"),
        Spec("主要涉及四类商品：手机、存储卡、面膜。", ("四类商品",)),
        # the enumeration ends but the text gives the other items in other words
        Spec("大体上有四种类型：一是按指令性计划生产的。二是按市场变化生产的。在这两大类之间，还有两类。"
             "一类是大部分按计划生产；另一类是大部分按市场生产。\n二、下一步\n"),
        # a comma-separated list whose last item holds a 、; items opened by 一方面/第一
        Spec("坚持四项基本原则，即坚持社会主义道路，坚持人民民主专政，坚持共产党的领导，坚持马克思列宁主义、毛泽东思想，是立国之本。"),
        Spec("精神文明的主要内容必须包括两个方面：一方面是教育、科学、文化、艺术、卫生、体育事业的发展。另一方面是思想建设。"),
        Spec("犯走资派错误的人有两个可能性：第一，改过来；第二，改不过来。\n第三，一定要搞好整党整风。\n第四，加强党的建设。\n"),
        Spec("江苏省总工会工作总结3篇\n\n【篇1】工作总结\n甲\n【篇2】工作总结\n乙\n【篇3】工作总结\n丙\n"),
        Spec("江苏省总工会工作总结4篇\n\n【篇1】工作总结\n甲\n【篇2】工作总结\n乙\n【篇3】工作总结\n丙\n", ("4篇",)),
    )

    def check(self, doc, ctx):
        text = doc.text
        seen: set[int] = set()
        yield from self._after(doc, text, seen)
        yield from self._then(doc, text, seen)
        if ctx is not None and ctx.option("count-lists-before"):
            yield from self._before(doc, text)
        yield from self._word_count(text)
        yield from self._sets(doc, text)

    # ----- "N个X，即 …" and "N个X（…）" ----------------------------------------------------------

    @staticmethod
    def _phrase_ok(text: str, m: re.Match) -> int | None:
        start = m.start("n")
        if start and text[start - 1] in _NOT_BEFORE_N:
            return None
        n = _n(m.group("n"))
        if n is None or n < 2:
            return None
        noun, tail = m.group("noun"), m.group("tail")
        if not NUMERALS.isdisjoint(tail) or not NUMERALS.isdisjoint(noun[1:]):
            return None  # 三管六不, 四送一助, 四防和实现四无: two counts
        if noun[0] in MEASURE_NOUNS and m.group("cls") in (None, "个", "個"):
            return None  # 三年(2006-2008), 五次, 两天: a quantity, not a list
        if m.group("qo") and not m.group("qc"):
            return None
        if m.group("cls") is None and not (m.group("qc") and "即" in (m.groupdict().get("sep") or "")):
            return None  # 四网融合、三岛、六祖、十六国、二十大: a name, not a count of what follows
        return n

    def _after(self, doc, text, seen):
        for m in self._announcements(text):
            n = self._phrase_ok(text, m)
            if n is None:
                continue
            sep = m.group("sep")
            body_start = m.end()
            if sep.strip() in ("（", "("):
                close = ")" if sep.strip() == "(" else "）"
                depth, i = 1, body_start
                line_end = text.find("\n", body_start)
                line_end = len(text) if line_end == -1 else line_end
                while i < line_end:
                    if text[i] in "（(":
                        depth += 1
                    elif text[i] in "）)":
                        depth -= 1
                        if depth == 0:
                            break
                    i += 1
                if i >= line_end:
                    continue
                body = text[body_start:i]
                if body.startswith("即"):
                    body = body[1:].lstrip("：:")
                if close == ")" and "（" in body:
                    continue
            else:
                rest = text[body_start:body_start + 3]
                if re.match(r"\s*(?:一是|第一|[（(][一1][）)]|1[、.．]|①)", rest):
                    continue  # an enumeration: _then counts it
                if sep.strip() in ("：", ":") and not m.group("qc") and m.group("cls") is None:
                    continue  # "…三要素：" without 个/项 is too often not a count
                body = text[body_start:_sentence_end(text, body_start)]
            counts = _split_counts(body)
            if n in counts.values() or n in _joined_counts(body):
                continue
            counts.pop("，", None)  # a comma separates clauses as often as items: never reported on
            counts.pop("、，", None)
            if _comma_before_dun(body):
                counts.pop("、", None)  # 坚持A，坚持B，坚持C、D: the 、 is inside a later item
            if _OPENS_ITEM.match(body.lstrip("：: ")):
                continue  # 一方面是A、B、C…: the items are clauses, the 、 list is inside the first
            if not counts or max(counts.values()) < 2:
                continue  # a gloss, not a list
            if ("等" in body[-12:] or "等" in _last_item(body)) and max(counts.values()) <= n:
                continue
            if sep.strip() in ("：", ":", "（", "(") and not _short_items(body):
                continue  # a definition or a remark after the colon, not a list of items
            how, got = _best(counts)
            seen.add(m.start("n"))
            yield self._hit(m, text, n, got, f"按「{how}」分项")

    # ----- "N个X。一是…二是…" and "分三个阶段。(一)…(二)…" ------------------------------------------

    def _then(self, doc, text, seen):
        o = outline(doc)
        for m in self._announcements_then(doc, text):
            if m.start("n") in seen:
                continue
            n = self._phrase_ok(text, m)
            if n is None:
                continue
            after = m.end()
            nxt = text[after:after + 3]
            if len(m.group("tail")) > 4 and not m.group("qc"):
                continue
            if nxt.startswith(("一是", "第一", "①")):
                items = run_after(doc, after)
                if not items:
                    continue
                line_end = text.find("\n", after)
                if line_end != -1 and items[0].start < line_end:
                    # the enumeration opens on the announcement's line: later markers at the
                    # start of other lines belong to the text around it (第一，改过来；第二…。\n第三，…)
                    items = [k for k in items if k.start < line_end] if len(items) > 1 and items[1].start < line_end else items
                got = items[-1].number
                last_start = items[-1].start
                what = f"「{items[0].text}」到「{items[-1].text}」"
            else:
                hs = _heading_starts(doc)
                k0 = bisect_left(hs, after)
                first = o.headings[k0] if k0 < len(hs) else None
                noun = (m.group("noun") + m.group("tail"))[-2:]
                if first is None or first.number != 1 or len(m.group("noun") + m.group("tail")) < 2:
                    continue
                idx = k0
                got, last_start, parent_styles = 0, first.start, set()
                before = next((h for h in reversed(o.headings[max(0, idx - 40):idx]) if h.at_line_start), None)
                if before is not None:
                    parent_styles.add(before.style)
                for h in o.headings[idx:idx + 60]:
                    if h.style == first.style:
                        if h.number != got + 1:
                            break
                        if noun not in text[h.end:h.end + 30].split("\n", 1)[0]:
                            got = -1
                            break
                        got, last_start = h.number, h.start
                    elif h.style in parent_styles:
                        break
                what = f"{got} 个小标题"
                if got <= 0:
                    continue
            if got == n:
                continue
            if got < n and not self._closed(doc, text, last_start):
                continue
            if got < n and _MORE_ITEMS.search(text, last_start, _paragraph_end(text, last_start)):
                continue  # 一是…二是…，还有两类…一类是…另一类是…: the rest is given in other words
            yield self._hit(m, text, n, got, what)

    @staticmethod
    def _announcements(text):
        """ANNOUNCE matches, found from their separators (即, （, ：) so that the scan stays fast."""
        found = {}
        has_num = _NUM_CHAR.search
        for key in ("即", "（", "(", "：", ":"):
            i = text.find(key)
            while i != -1:
                if key == "即" and _JI_WORD.match(text, max(0, i - 1)):
                    i = text.find(key, i + 1)
                    continue  # 即将、即使、在即、立即…: 即 inside a word, not "that is"
                lo = max(0, i - 26)
                first = has_num(text, lo, i)
                if first:
                    # no match starts before the first numeral (or the quote right before it)
                    for m in ANNOUNCE.finditer(text, max(lo, first.start() - 1), i + 8):
                        if m.start("sep") <= i < m.end("sep") + 1 and m.start("n") not in found:
                            found[m.start("n")] = m
                            break
                i = text.find(key, i + 1)
        return [found[k] for k in sorted(found)]

    @staticmethod
    def _announcements_then(doc, text):
        """ANNOUNCE_THEN matches, found from the enumerations they introduce."""
        starts = [k.start for k in markers(doc) if k.number == 1]
        starts += [h.start for h in outline(doc).headings if h.number == 1]
        found = {}
        has_num = _NUM_CHAR.search
        for i in sorted(starts):
            lo = max(0, i - 40)
            # a match ends at i only after 。 or ： (and spaces)
            j = i - 1
            while j >= lo and text[j].isspace():
                j -= 1
            if j < lo or text[j] not in "。：:":
                continue
            first = has_num(text, lo, i)
            if not first:
                continue
            # no match starts before the first numeral (or the quote right before it)
            for m in ANNOUNCE_THEN.finditer(text, max(lo, first.start() - 1), i + 4):
                if m.end() == i and m.start("n") not in found:
                    found[m.start("n")] = m
                    break
        return [found[k] for k in sorted(found)]

    @staticmethod
    def _closed(doc, text, last_start) -> bool:
        """The enumeration is over: a heading follows it before any page marker or the end."""
        o = outline(doc)
        hs = _heading_starts(doc)
        nxt = next((h for h in o.headings[bisect_right(hs, last_start):] if h.at_line_start), None)
        if nxt is None:
            return False
        return not PAGE_NUMBER.search(text[last_start:nxt.start])

    def _hit(self, m, text, n, got, how):
        span_end = m.end("qc") - 1 if m.group("qc") else m.end("tail")
        phrase = text[m.start("n"):span_end]
        word = "一二三四五六七八九十"[got - 1] if 1 <= got <= 10 else str(got)
        return Hit(
            m.start("n"), span_end,
            f"「{phrase}」宣布 {n} 项，后面列出的是 {got} 项（{how}）：请补齐条目或改正数目",
            suggestion=word + phrase[len(m.group("n")):],
        )

    # ----- "A、B、C三项" ---------------------------------------------------------------------

    def _before(self, doc, text):
        if "、" not in text:
            return
        for lm in _LIST_TAIL.finditer(text):
            c = lm.start("count")
            while c > lm.start() + 1 and (text[c - 1].isdigit() or text[c - 1] in "二十"):
                c -= 1
            # the count starts at c (PRE_COUNT is matched there): look at what precedes it first
            start = c
            if start == 0:
                continue
            prev = text[start - 1]
            if not ("\u4e00" <= prev <= "\u9fff" or prev in "”》）)" or prev.isascii() and prev.isalpha()):
                continue
            if prev in NUMERALS or prev in "第每各近约余多共计这此":
                if prev not in "共计这此":
                    continue
            m = PRE_COUNT.match(text, c)
            if m is None:
                continue
            raw_n = m.group("n")
            n = _n(raw_n)
            if n is None or n < 2 or n > 30:
                continue
            cls = m.group("cls")
            if cls in ("化", "落实", "好") and raw_n.isdigit():
                continue
            if cls == "大" and text[m.end():m.end() + 1] in "会會代":
                continue  # 区总十大会议: a congress, not a count
            line_start = text.rfind("\n", 0, start) + 1
            seg = text[max(line_start, start - 100):start]
            masked = _mask_nested(seg)
            cut = -1
            for cm in _CUT.finditer(masked):
                cut = cm.start()
            clause = masked[cut + 1:]
            raw_clause = seg[cut + 1:]
            hm = _HEAD_PREFIX.match(clause)
            if hm and cut == -1 and start - len(seg) == line_start:  # noqa: SIM102
                clause, raw_clause = clause[hm.end():], raw_clause[hm.end():]  # "二、 狠抓三大教育"
            if prev == "”" and "、" not in clause:
                # “绿、洁、美、香、硬”五化: the list is inside the quotes
                q = raw_clause.rfind("“")
                if q == -1:
                    continue
                inner = raw_clause[q + 1:-1]
                items = [x for x in inner.split("、") if x.strip()]
                lo = hi = len(items)
                partial = False
            else:
                if "、" not in clause:
                    continue
                core = _TRAILING.sub("", clause)
                partial = clause.endswith(("等", "等等"))
                items = [x for x in core.split("、")]
                if any(not x.strip() for x in items):
                    continue
                if _COUNTED.search(core):  # no match spans a 、
                    continue  # items that are themselves counted: 建立职介所1个、培训基地2个
                if any(len(x) > 25 for x in items[1:]) or "各" in clause or "分别" in clause or "每" in clause:
                    continue
                if items[-1].endswith("的"):
                    continue  # 推荐、筛选出的6个项目: verbs modifying the noun, not a list
                lo = len(items)
                hi = lo + (1 if _AND.search(items[-1]) else 0)
            if lo <= n <= hi or (partial and lo <= n):
                continue
            if hi < n and (raw_n.isdigit() or cls not in ("项", "項", "个方面", "個方面", "方面", "大", "种", "種", "类", "類", "化", "落实", "好", "级", "級")):
                continue  # fewer items than a count of things: the list may be elsewhere
            got = lo if lo > n else hi
            yield Hit(
                m.start(), m.end(),
                f"「{m.group()}」前面列出的是 {got} 项（{'、'.join(x.strip(FILL) or '…' for x in items[-3:]) if len(items) <= 3 else '…、' + '、'.join(items[-2:])}）"
                f"：数目与条目不符，请补齐条目或改正数目",
            )

    # ----- "“…”N字方针" ----------------------------------------------------------------------

    def _word_count(self, text):
        if "”" not in text or "字" not in text:
            return
        for m in WORD_COUNT.finditer(text):
            n = _n(m.group("n"))
            q = text.rfind("“", max(0, m.start() - 80), m.start())
            if n is None or q == -1:
                continue
            inner = text[q + 1:m.start()]
            if re.search(r"[A-Za-z0-9\n]", inner) or "“" in inner:
                continue
            if text[max(0, q - 2):q] in ("”、", "”，", "”,"):
                continue  # “巫”、“舞”、“武”三字: several quoted words, counted as words
            han = len(re.findall(r"[\u4e00-\u9fff]", inner))
            if han == n:
                continue
            yield Hit(
                m.start("n"), m.end(),
                f"「{m.group('n')}字」与引号里的「{inner}」不符：那是 {han} 个字：请改正字数",
                suggestion=f"{_cn(han)}字",
            )

    # ----- "…3篇" against 【篇1】…【篇3】 -----------------------------------------------------------

    def _sets(self, doc, text):
        o = outline(doc)
        if not o.marks:
            return
        first = o.marks[0]
        numbers = set()
        for pos in o.marks:
            mk = PIECE_MARK.match(text, doc.line_starts[doc.line_index(pos)])
            d = re.search(r"[0-9一二三四五六七八九十]+", mk.group()) if mk else None
            v = cn_to_int(d.group()) if d else None
            if v:
                numbers.add(v)
        if not numbers:
            return
        head = text[:first]
        lines = [SHORT_FIRST.match(head)] + list(SHORT_LINE.finditer(head))
        for m in lines:  # the lines of 2 to 60 characters before the first 【篇N】
            if m is None or "篇" not in m.group(1):
                continue
            sm = SET_TITLE.search(m.group(1))
            if not sm:
                continue
            n = _n(sm.group(1)) if not sm.group(1).isdigit() else int(sm.group(1))
            if n is None:
                n = cn_to_int(sm.group(1))
            if not n or n == len(numbers):
                continue
            start = m.start(1) + sm.start(1)
            end = m.start(1) + sm.end()
            while text[end - 1] in " ）)":
                end -= 1
            yield Hit(
                start, end,
                f"标题说共 {n} 篇，正文里有 {len(numbers)} 篇（【篇{min(numbers)}】到【篇{max(numbers)}】）"
                "：请改正篇数或补齐缺失的篇目",
            )


@analysis("number.heading-starts", needs=(outline,))
def _heading_starts(doc) -> list[int]:
    return [h.start for h in outline(doc).headings]


def _cn(n: int) -> str:
    if 1 <= n <= 10:
        return "一二三四五六七八九十"[n - 1]
    if 11 <= n <= 19:
        return "十" + "一二三四五六七八九"[n - 11]
    if 20 <= n <= 99:
        return "一二三四五六七八九"[n // 10 - 1] + "十" + ("一二三四五六七八九"[n % 10 - 1] if n % 10 else "")
    return str(n)
