"""Structure rules (ST): every structural defect of the seeds (exact positions), invented cases in
the seeds' style that must be flagged, near misses that must stay quiet, fixes, odd input."""

from __future__ import annotations

import pytest
from conftest import SEEDS, flagged, lint, seed_text

from wenlint.documents import Document
from wenlint.documents.document import MASK
from wenlint.documents.fixes import fix_document


def _st(text: str, *codes: str, **kwargs):
    return [(f.code, f.line, f.column, f.text) for f in lint(text, *(codes or ("ST",)), **kwargs)]


def _fixed(text: str, code: str, unsafe: bool = True, fmt: str = "text") -> str:
    from wenlint.config import Overrides, Settings
    from wenlint.engine.runner import Linter

    linter = Linter(Overrides(select=[code]).apply(Settings()))
    doc = Document(text, path="doc.txt", format=fmt)
    return fix_document(doc, linter.run_rules, unsafe=unsafe).source


# ----- the seeds ------------------------------------------------------------------------------

SEED_FINDINGS = {
    "000": [
        # 机关干部跳繩、跳繩比賽 is not flagged: in form it is two list items of which the second
        # starts with the first (食品、食品添加剂), which real documents write on purpose.
        ("ST014", 17, 1245, "業業"),  # 下崗創業業帶頭人
    ],
    "001": [],
    "002": [
        ("ST009", 6, 76, "作"),  # ……积极主动地推进各项工作 / 一、组织实施……
        ("ST001", 18, 334, ",、"),  # 当好主力军,、建功十一五
        ("ST001", 30, 62, "--"),  # 建设2--3个: two hyphens for the range mark
        ("ST009", 30, 102, "动"),  # list item 3 without its full stop
    ],
    "003": [
        ("ST008", 17, 130, ";"),  # a paragraph split at its semicolons (lines 17-18)
        ("ST007", 38, 561, "我会作为市"),  # … / blank line / 安全生产委员会的成员单位之一
        ("ST008", 84, 121, ";"),
        # “三管六不”(既管好自己的嘴… / 管好自己的手… / …践踏草坪)活动: once, the whole bracket
        ("ST007", 87, 31, "(既管好自己的嘴,不说粗话、脏话,不随地吐痰;\n管好自己的手,不乱扔杂物,不损坏公物;\n"
                          "管好自己的脚,不横穿马路,不践踏草坪)"),
        ("ST007", 91, 79, "2人参加研究生"),  # … / blank line / 学习,现都已毕业
        ("ST008", 95, 249, ";"),
        ("ST008", 98, 653, ";"),
        ("ST014", 100, 251, "业业"),  # 创业业带头人
        ("ST008", 123, 143, ";"),
        ("ST008", 129, 346, ";"),
        ("ST007", 140, 331, "享受"),  # … / blank line / 同级党政副职的政治、经济待遇
        ("ST008", 159, 32, ";"),
        ("ST007", 162, 23, "合理化建议管"),  # 合理化建议管 / blank line / 理员职责
        ("ST008", 168, 134, ";"),
        ("ST008", 179, 102, ";"),
        ("ST008", 193, 66, ";"),
        ("ST008", 218, 200, ";"),
        ("ST014", 219, 372, "来来"),  # 今年以来来共解决了
        ("ST008", 231, 230, ";"),
        ("ST008", 237, 84, ";"),
        ("ST008", 242, 176, ";"),
        ("ST008", 249, 369, ";"),
        ("ST008", 255, 411, ";"),
        ("ST007", 297, 407, "为此我们"),  # 为此我们 / 第2页共10页 / 拿出一定的精力
        ("ST010", 301, 758, "各乡镇工会"),  # then 第3页共10页 and the site's furniture
    ],
    "004": [
        ("ST013", 11, 285, " "),  # 精神面貌转 变了: a space inside 转变
        ("ST007", 34, 537, "党政工青妇齐抓共管的良"),  # 的良 / 好工作机制
        ("ST007", 35, 265, ","),  # 不断研究新情况,原创: / http://提出新举措
        ("ST009", 42, 627, "围"),  # ……良好机关工作氛围 / 四、丰富载体……
        ("ST007", 75, 107, "“\n十、百、千、万”"),  # 实施“ / 十、百、千、万”工程
        ("ST007", 96, 258, "指"),  # 指 / 导帮助
        ("ST007", 111, 57, "以他们鲜活的"),  # 鲜活的 / 事迹
        ("ST004", 159, 209, "的的"),  # 从教三十三载的的不懈情怀
        ("ST010", 163, 21, "(1)"),  # the last section opens (1) and stops; 推荐阅读 list after it
    ],
}


@pytest.mark.parametrize("prefix", sorted(SEED_FINDINGS))
def test_seed_structural_defects(prefix):
    got = _st(seed_text(prefix), "ST")
    got = [g for g in got if g[0] not in MARK_SPACES + ("ST012",)]
    assert got == SEED_FINDINGS[prefix]


MARK_SPACES = ("ST002", "ST020", "ST021", "ST022")


def test_seed_spaces_around_punctuation():
    counts = {p: len(lint(seed_text(p), "ST002")) for p in SEED_FINDINGS}
    # a space after a heading number (二、 狠抓三大教育) is a layout choice, not a stray space
    assert counts == {"000": 0, "001": 1, "002": 0, "003": 40, "004": 6}
    # 实施\xa0“\xa0十一五\xa0”\xa0规划: the outer blanks are ST002's; the inner ones are ST021's,
    # one finding for the fifteen of the document
    got = _st(seed_text("003"), *MARK_SPACES)
    assert [g[:3] for g in got if g[1] == 121] == [("ST002", 121, 45), ("ST002", 121, 104),
                                                   ("ST021", 121, 106), ("ST002", 121, 112)]
    assert [f.message[:6] for f in lint(seed_text("003"), "ST021")] == ["全文有15处"]
    assert _st(seed_text("003"), "ST020") == [("ST020", 151, 357, "\xa0")]  # 良好风尚\xa0。
    assert _st(seed_text("001"), *MARK_SPACES) == [("ST002", 6, 120, " ")]  # “中国梦·劳动美” 主题


def test_seed_unbalanced_pairs_are_broken_lines_not_stray_marks():
    # The seeds' open quotes and brackets are all sentences broken across lines: reported once, by
    # ST007 (with a safe join), not a second time as unbalanced.
    for prefix in SEED_FINDINGS:
        assert flagged(seed_text(prefix), "ST006") == []
    assert flagged(seed_text("003"), "ST003") == []


def test_seed_broken_quote_join_is_safe_and_right():
    fixed = _fixed(seed_text("004"), "ST007", unsafe=False)
    assert "实施“十、百、千、万”工程" in fixed
    assert "指\n导帮助" in fixed  # not inside a quotation: the join is unsafe, not applied
    fixed = _fixed(seed_text("003"), "ST007", unsafe=False)
    assert "(既管好自己的嘴,不说粗话、脏话,不随地吐痰;管好自己的手,不乱扔杂物,不损坏公物;管好自己的脚" in fixed


def test_seed_unsafe_joins():
    fixed = _fixed(seed_text("004"), "ST007")
    assert "指导帮助全乡7个村" in fixed
    assert "以他们鲜活的事迹及行动为榜样" in fixed
    assert "齐抓共管的良好工作机制" in fixed
    assert "不断研究新情况,提出新举措" in fixed  # 原创: / http:// removed with the break
    fixed = _fixed(seed_text("003"), "ST007")
    assert "为此我们拿出一定的精力" in fixed
    assert "第2页共10页" not in fixed
    assert "合理化建议管理员职责" in fixed


def test_seed_normal_endings_are_not_truncations():
    # 安徽省总宣教部 / XX年6月20日 / 标签:… ends seed 002 normally; 000 and 001 end with 。 or !
    for prefix in ("000", "001", "002"):
        assert flagged(seed_text(prefix), "ST010") == []


def test_seed_legitimate_doublings_stay_quiet():
    # 上上下下, 时时处处, 人人想安全, 个个讲安全, 事事重安全, 处处有安全, 层层, 工作作风, 工会会员,
    # 农民工工会, 学习习近平, 具体体现, 每年年初, 大大提高 …
    texts = "".join(seed_text(p) for p in SEED_FINDINGS)
    assert [(f.code, f.text) for f in lint(texts, "ST004", "ST014")] == [
        ("ST014", "業業"), ("ST014", "业业"), ("ST014", "来来"), ("ST004", "的的")]


def test_seed_findings_messages():
    (hit,) = [f for f in lint(seed_text("003"), "ST010")]
    assert "第3页共10页" in hit.message
    (hit,) = [f for f in lint(seed_text("003"), "ST007") if f.line == 297]
    assert "第2页共10页" in hit.message and "第301行" in hit.message


# ----- ST001 doubled punctuation ---------------------------------------------------------------

@pytest.mark.parametrize("text, flags", [
    ("在全市开展“安全月”活动，，取得明显成效。", ["，，"]),
    ("各乡镇认真落实、、层层签订责任状。", ["、、"]),
    ("工作取得阶段性成果。。下半年要继续努力。", ["。。"]),
    ("他表示：，将继续加大投入。", ["：，"]),
    ("问题依然很多。。。需要认真研究", ["。。。"]),
    ("全年培训职工800人次， 、安置就业600人。", ["， 、"]),
])
def test_doubled_punctuation(text, flags):
    assert flagged(text, "ST001") == flags


@pytest.mark.parametrize("text", [
    "他说：“我们一定完成任务。”大家都很振奋……",
    "实施为了明天——预防青少年犯罪工程。",
    "这是真的吗？！我们都不敢相信！！",
    "会议于上午9:30开始，详见http://www.example.gov.cn。",
    "“劳模”、“奉献”、“民工”为主题。",
    "1.2.3 各项指标",
])
def test_doubled_punctuation_quiet(text):
    assert flagged(text, "ST001") == []


def test_doubled_punctuation_fixes():
    assert _fixed("加强领导，，落实责任。", "ST001", unsafe=False) == "加强领导，落实责任。"
    assert _fixed("当好主力军,、建功十一五", "ST001", unsafe=False) == "当好主力军,、建功十一五"
    # Two different marks: which one was meant needs a reader, so no fix, even an unsafe one (the
    # rule is listed as safe and every fix it offers is applied by --fix).
    assert _fixed("当好主力军,、建功十一五", "ST001") == "当好主力军,、建功十一五"
    assert _fixed("困难还有很多。。。我们要", "ST001", unsafe=False) == "困难还有很多……我们要"


# ----- ST002 spaces, ST003 closing mark at line start -----------------------------------------

def test_space_around_punctuation():
    assert flagged("加大对 “第一责任人”落实责任制的监督检查力度 。", "ST002") == [" "]
    assert flagged("加大对 “第一责任人”落实责任制的监督检查力度 。", "ST020") == [" "]
    assert flagged("  一、总体要求\n坚持“热爱伟大祖国 建设美好家园”主题。  ", "ST002") == []
    assert _fixed("实施 “ 十一五 ” 规划。", "ST002", unsafe=False) == "实施“ 十一五 ”规划。"
    assert _fixed("实施 “ 十一五 ” 规划。", "ST021", unsafe=False) == "实施 “十一五” 规划。"


def test_closing_mark_at_line_start():
    assert _st("全县共建立职介所1个\n、培训基地2个。", "ST003") == [("ST003", 2, 1, "、")]
    assert _fixed("全县共建立职介所1个\n、培训基地2个。", "ST003", unsafe=False) == "全县共建立职介所1个、培训基地2个。"
    # across a blank line the join is unsafe
    assert _fixed("全县共建立职介所1个\n\n、培训基地2个。", "ST003", unsafe=False) == "全县共建立职介所1个\n\n、培训基地2个。"
    assert flagged("——毛泽东\n……未完待续\n（一）总体情况\n“我们”是主语。", "ST003") == []
    # on the first line of the text too, and after indentation of any kind
    text = "  。宣传标语500余条。\n全市共悬挂宣传横幅158条\n\u3000”的方针。\n"
    assert [(f.line, f.column, f.text) for f in lint(text, "ST003")] == [(1, 3, "。"), (3, 2, "”")]



def test_doubled_punctuation_runs_are_what_the_pattern_finds():
    """ST001 tries its pattern only where a mark is followed by a mark or a space: the same
    matches as the pattern over the whole text."""
    import random

    from wenlint.rules.structure.punctuation import _RUN, runs

    rng = random.Random(2)
    for alphabet in ("，,、；;：:。 \t\u3000\xa0工a\n", "，。 工", "，，。\u3000"):
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            assert [m.span() for m in runs(text)] == [m.span() for m in _RUN.finditer(text)], text


# ----- ST004 doubled words, ST005 repeated list items ------------------------------------------

@pytest.mark.parametrize("text, code, flags", [
    ("全区职工职工的积极性得到提高。", "ST004", ["职工职工"]),
    ("我们们要进一步加强领导。", "ST014", ["们们"]),
    ("为了切实维护职工的的合法权益，", "ST004", ["的的"]),
    ("在在全市范围内开展检查。", "ST004", ["在在"]),
    ("我局认真开展了了自查自纠。", "ST004", ["了了"]),
    ("活动共吸引了300多名名职工参加。", "ST014", ["名名"]),
    ("下崗創業業帶頭人", "ST014", ["業業"]),
])
def test_doubled_word(text, code, flags):
    assert flagged(text, "ST004", "ST014") == flags
    assert flagged(text, code) == flags


@pytest.mark.parametrize("text", [
    "营造了人人想安全，个个讲安全，事事重安全，处处有安全的良好氛围。",
    "常常、渐渐、谢谢、看看、天天、刚刚、仅仅、往往、慢慢、好好、大大提高、多多益善。",
    "一一落实，把工作做得干干净净、清清楚楚、明明白白，上上下下齐心协力，兢兢业业。",
    "领导们要研究研究，大家再讨论讨论、商量商量，把问题了解了解。",
    "改进工作作风，发挥工会会员和农民工工会作用，深入学习习近平新时代中国特色社会主义思想。",
    "东方市市委书记、教育局局长、大运会会旗、中信所所长、竞争中中标、科学学会。",
    "为了了解情况，达到目的的一半，社会会变得更好，可以以此为契机，作为为民服务的窗口。",
    "一个个鲜活的事例，一件件实事，一步一步推进，很多很多人，是不是不想干？",
    "开展“五五”普法，“一三一一一”工作思路，二○○一年，十一一号文件。",
    "扎扎实实实施西部大开发，官官相护要不得，吉尔吉斯斯坦总统，绿油油的麦田。",
    "具体体现、每年年初、辍学学生、共产党党员、中心组组织学习、明显显现。",
])
def test_doubled_word_quiet(text):
    assert flagged(text, "ST004", "ST014") == []


def test_doubled_word_options_and_fix():
    # A doubling a project uses on purpose is allowed with the option (both rules read it).
    text = "表彰下岗创业业带头人。"
    assert flagged(text, "ST014") == ["业业"]
    from wenlint.config import Settings

    settings = Settings(options={"structure": {"allowed-doublings": ["创业业带"]}})
    assert [f.text for f in lint(text, "ST014", settings=settings)] == []
    assert _fixed("为了切实维护职工的的合法权益。", "ST004") == "为了切实维护职工的合法权益。"
    assert _fixed("为了切实维护职工的的合法权益。", "ST004", unsafe=False) == "为了切实维护职工的的合法权益。"


def test_repeated_list_item():
    assert flagged("举办了征文、拔河、拔河和篮球赛等活动。", "ST005") == ["拔河、拔河"]
    assert _fixed("举办了征文、拔河、拔河。", "ST005") == "举办了征文、拔河。"
    # an item that starts with the one before it is another item (prefix items)
    assert flagged("加强网络、网络安全和教育、教育信息化建设，管好食品、食品添加剂。", "ST005") == []
    # the first item is longer: 主任检察官 and 检察官, 特别重大 and 重大
    assert flagged("任免检察长、主任检察官、检察官。分为特别重大、重大、较大和一般四级。", "ST005") == []
    assert flagged("坚持市场牵龙头、龙头带基地、基地连农户的模式。", "ST005") == []
    assert flagged("严禁徇私枉法、枉法裁判，修建高速公路、公路联络线。", "ST005") == []



def test_doubling_candidates_are_what_the_patterns_find():
    """ST004 and ST005 find their candidates without trying a backreference at every position;
    they must be exactly the matches of the patterns they replace, on texts dense in repeats, line
    breaks, characters beyond the Basic Multilingual Plane and odd code points."""
    import random
    import re

    import regex

    from wenlint.rules.structure.doubling import (
        _ITEM_TWICE, doubled_characters, equal_runs, repeated_items, words_twice,
    )

    def runs(text, gap, shortest):
        out, i, n = [], 0, len(text) - gap
        while i < n:
            j = i
            while j < n and text[j] == text[j + gap]:
                j += 1
            if j - i >= shortest:
                out.append((i, j))
            i = max(j, i + 1)
        return out

    def pairs(text):  # runs of a repeated Han character, from `([Han])\1`
        out, end = [], -1
        for m in re.finditer("([\u4e00-\u9fff])\\1", text):
            if m.start() >= end:
                end = m.end()
                while end < len(text) and text[end] == text[m.start()]:
                    end += 1
                out.append((m.start(), end))
        return out

    rng = random.Random(3)
    alphabets = ["的了a\n \x00\U00010000\U00020000\ud800\uffff\u0100\x01", "我们的作\n 一😀", "跳绳、比x\n。", "跳跳绳、、的"]
    for _ in range(4000):
        alphabet = rng.choice(alphabets)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for gap in (1, 2):
            for shortest in (1, 2):
                assert list(equal_runs(text, gap, shortest)) == runs(text, gap, shortest), (text, gap)
        assert list(doubled_characters(text)) == pairs(text), text
        twice = [(s, s + 4) for first, stop in words_twice(text) for s in range(first, stop, 4)]
        han = [m.span() for m in re.finditer(r"(..)\1", text) if all("\u4e00" <= c <= "\u9fff" for c in m[1])]
        assert twice == han, text
        assert list(repeated_items(text)) == [m.span() for m in _ITEM_TWICE.finditer(text)], text
    assert list(repeated_items("跳绳、跳绳、跳绳，拔河比赛、拔河比赛、拔河")) == [(0, 5), (9, 18)]



def test_marks_left_once_pairs_are_taken_out_tell_balanced_paragraphs():
    """The layout decides which paragraphs have balanced quotes and brackets for the whole text at
    once, by taking adjacent pairs out; that must agree with the stack of `_balanced`, for single
    lines and for paragraphs of several lines."""
    import random

    from wenlint.rules.structure._layout import _balanced, _reduce

    rng = random.Random(4)
    marks = "“”‘’「」『』（）()《》【】"
    for _ in range(5000):
        lines = ["".join(rng.choice(marks[: rng.choice((2, 4, 12, 16))]) for _ in range(rng.randint(0, 8)))
                 for _ in range(rng.randint(1, 4))]
        left = _reduce("\n".join(lines)).split("\n")
        assert [not part for part in left] == [_balanced(list(line)) for line in lines]
        assert (not _reduce("".join(left))) == _balanced(list("".join(lines)))


# ----- ST006 unbalanced pairs ------------------------------------------------------------------

@pytest.mark.parametrize("text, flags", [
    ("学习《公民道德建设实施纲要，提高道德水平。", ["《"]),
    ("开展“双争活动，效果明显。", ["“"]),
    ("组织参加各类先进人物的评选（含推荐）)工作。", [")"]),
    ("坚持“三个代表”重要思想】为指导。", ["】"]),
    ("制订了『规范管理制度，落实到人。", ["『"]),
    ("他说：“很好。\n\n我们继续。", ["“"]),
    # one slip, one finding: quotes typed the wrong way round, halves of different pairs
    ("他的”马赛回旋“简直亮瞎眼，观众都站了起来。", ["”马赛回旋“"]),
    ("以Anthropic 公司首席执行官发表的 ”强大的 AI 将为我们带来什么？“ 的长文为题。", ["”强大的 AI 将为我们带来什么？“"]),
    ("加强与当地发展改革、民政“ 老龄）、卫生健康等部门的沟通协调。", ["“ 老龄）"]),
    # two marks left over in different sentences are two findings
    ("开展“双争活动，效果明显。会后大家都说很好’。", ["“", "’"]),
    # a full-width bracket closed by a half-width one, and the reverse
    ("Apache Kylin 的名字来源于中国（“Kylin”：即中文的“麒麟”)：", ["（“Kylin”：即中文的“麒麟”)"]),
    ("NASA发言人斯蒂芬妮(Stephanie Schierhol）表示，已经研究了这些变化。", ["(Stephanie Schierhol）"]),
    # a quotation never closed in a long web paragraph: the straight quotes further on pair
    # among themselves, they do not close it
    ("冯医生补了一句：“如果在正规的机构做，需要排队。他又说：“不过竞争也越来越大了。"
     "有来自北京的“高端才女”，标明\"价格高\"。", ["“", "“"]),
])
def test_unbalanced_pair(text, flags):
    assert flagged(text, "ST006") == flags


@pytest.mark.parametrize("text, fmt", [
    ("实施 “ 十一五 ” 规划，开展“双争”和“百万女职工素质达标”活动（见附件）。", "text"),
    ("他说：“第一段话，讲形势。\n“第二段话，讲任务。\n“第三段话，讲要求。”", "text"),
    ("他说：“我们要继续努力，\n把工作做得更好。”\n", "markdown"),
    ("> 他说：“我们要继续努力，\n> 把工作做得更好。”\n", "markdown"),
    ("主要措施：1) 加强领导；2) 落实责任；a) 其他。It's OK, don’t worry :)", "text"),
    ("（一）组织领导\n（二）工作措施\n", "text"),
    ("代码 `print(“x)` 不检查。\n", "markdown"),
    # an apostrophe in a Latin word cut by line breaks (BAN’AN)
    ("HENGGUANGYAO INDUSTRY\nPARK,BAN\n’\nAN,SHENZHEN ,CHINA\n", "text"),
    # a quotation that introduces a list runs over its items and closes after the last one
    ("六、将第一百八十二条修改为：“有下列情形之一的，处五年以下有期徒刑：\n\n"
     "（一）单独或者合谋，集中资金优势操纵交易价格的；\n\n（二）与他人串通，相互进行交易的；\n\n"
     "（三）以自己为交易对象，自买自卖的；\n\n（四）以其他方法操纵交易价格的。\n\n"
     "“单位犯前款罪的，对单位判处罚金。”\n", "markdown"),
    ("培育一批“专精特新\"企业，整治“两库\"建设。", "text"),
    ("跟 Hiweed 吃早饭的时候，小白（BJGUG 负责人）到了（笑）。很让人振奋 :-) 真开心 ^_^", "text"),
])
def test_unbalanced_pair_quiet(text, fmt):
    path = "doc.md" if fmt == "markdown" else "doc.txt"
    assert flagged(text, "ST006", path=path) == []


# ----- ST007 broken lines, ST008 split paragraphs, ST009 unterminated, ST010 truncated ---------

PROSE = "上半年，全市各级工会认真贯彻落实上级工会的工作部署。"


@pytest.mark.parametrize("text, flags", [
    (PROSE + "在全市广大职工中开展“当好主人翁，\n建功新时代”主题劳动竞赛，取得了明显成效。", ["“当好主人翁，\n建功新时代”"]),
    (PROSE + "我们组织开展了职工技能大赛，参赛\n\n职工达到1200多人，评选出技术能手50名。", ["参赛"]),
    (PROSE + "截至6月底，全市新建工会组织38家，净增\n- 5 -\n会员3581人，完成全年任务的58%。", ["净增"]),
    (PROSE + "同时积极推进厂务公开，\n\n推行率达到90%以上，有效维护了职工的合法权益。", ["，"]),
])
def test_broken_line(text, flags):
    assert flagged(text, "ST007") == flags


@pytest.mark.parametrize("text, fmt", [
    ("县总工会工作总结\n\n" + PROSE, "text"),
    ("一、加强组织领导，完善工作机制\n" + PROSE, "text"),
    (PROSE + "主要做法有：\n1、加强领导\n2、完善机制", "text"),
    (PROSE + "全年培训职工800多人，\n安置600多人。\n", "markdown"),
    (PROSE + "现将有关情况汇报如下：\n\n一、基本情况", "text"),
    (PROSE + "具体如下\n\n# 一、基本情况\n\n正文。", "markdown"),
    (PROSE + "全市共有\n```\n代码\n```\n职工8万余名。", "markdown"),
    # a line of English ends without a Chinese full stop; the translation follows
    ("This is the comment part, written in Korean.\n\n这是注释部分，用韩语写成。\n", "markdown"),
    ("推荐使用 gRPC framework\n\n它是一个高性能的远程调用框架，支持多种语言。\n", "markdown"),
    # a table row ends on a word; the paragraph after it is new
    ("| 功能支持 | MQ 领域的功能极其完备 | 在大数据领域的实时计算以及日志采集被大规模使用 |\n\n综上，各种对比之后，有如下建议：\n",
     "markdown"),
    # plain-text bullets (a Wikipedia extraction) end at a blank line
    ("* 县治：沈阳、抚顺、本溪、海城、辽阳、铁岭、辽中、金县、盖平、复县、锦县、绥中、北镇、兴城、义县、锦西、台安\n\n"
     "沈阳市于1947年6月升直辖市。大连、沈阳二市为直辖市，直隶行政院。\n", "text"),
])
def test_broken_line_quiet(text, fmt):
    path = "doc.md" if fmt == "markdown" else "doc.txt"
    assert flagged(text, "ST007", path=path) == []


def test_split_paragraph():
    text = (PROSE + "加大对非公单位和外出农民工工会的组建力度；\n加强两个机制建设，努力提高工会工作整体水平；\n"
            "团结和动员全市广大职工为实施发展战略作出了贡献。")
    assert _st(text, "ST008") == [("ST008", 1, 47, "；")]
    assert "；\n" not in _fixed(text, "ST008")
    quiet = (PROSE + "主要做法是：\n加强组织领导；\n完善工作机制；\n强化督促检查。\n"
             "一是认真传达学习了有关文件精神，统一了思想认识；\n二是结合实际下发了通知，作了具体安排部署。")
    assert flagged(quiet, "ST008") == []


BODY = ("一是加强学习。我们组织机关干部认真学习了有关文件精神，统一了思想认识，提高了政治素质。\n"
        "二是改进作风。我们坚持深入基层调查研究，帮助基层解决实际困难，全年走访企业120多家。\n")


def test_unterminated_paragraph():
    text = ("工会宣教部上半年工作总结\n\n" + PROSE + "省总宣教部紧紧围绕中心工作，积极主动地推进各项工作\n\n一、主要工作\n\n"
            + BODY)
    assert flagged(text, "ST009") == ["作"]
    assert "推进各项工作。\n" in _fixed(text, "ST009")
    assert flagged("一、主要工作\n二、存在问题\n三、下步打算\n", "ST009") == []


@pytest.mark.parametrize("text", [
    # paragraphs often end without a full stop in this document: its style
    PROSE + "面向离散行业工艺控制、工艺参数调优等业务活动，实现工艺过程和设备参数在线优化，提高产品质量一致性\n"
    "二、先进过程控制\n面向生产现场管理、成本质量管理等业务活动，实现生产要素精准、高效管理，提升整体运营效率\n三、质量管控\n"
    + BODY,
    # a field, a list of titles, a line before a bulleted list, a paragraph before a signature
    BODY + "主办单位：省工业和信息化厅、省教育厅、省科技厅、省人力资源社会保障厅、省卫生健康委，各州、市人民政府\n四、实施计划\n" + BODY,
    BODY + "2.“现代服务业共性关键技术研发及应用示范”重点专项2018年度项目申报指南（指南编制专家名单、形式审查条件要求）\n"
    "3.“可再生能源与氢能技术”重点专项2018年度项目申报指南\n" + BODY,
    BODY + "二十世纪以来，西方社会学得到前所未有的发展，其重心从欧洲转移到美国，研究的领域也随之大为扩展\n* 理论多元化\n" + BODY,
    BODY + "下一步，我们将进一步加强基层组织建设，推动工会工作再上新台阶，为全县经济社会发展作出新的贡献\n县总工会\n" + BODY,
])
def test_unterminated_paragraph_quiet(text):
    assert flagged(text, "ST009") == []


@pytest.mark.parametrize("text, flags", [
    (PROSE + "下一步，我们将进一步加强基层组织建设，", ["，"]),
    (PROSE + "下一步，我们将进一步加强基层组织建设，推动\n第3页共10页\n", ["推动"]),
    (PROSE + "主要措施如下：\n\n推荐阅读：\n县工会工作总结\n镇工会工作计划\n", ["："]),
    (PROSE + "（一）加强学习，提高素质。", ["（一）"]),
    (PROSE + "一是加强学习，提高素质。\n\n相关文章\n工会工作总结03-27\n", ["一是"]),
])
def test_truncated_document(text, flags):
    assert flagged(text, "ST010") == flags


@pytest.mark.parametrize("text", [
    PROSE + "\n\n安徽省总宣教部\n\n2006年6月20日\n",
    PROSE + "\n\n（2011年4月18日）",
    PROSE + "一是加强学习。二是改进作风。",
    PROSE + "\n\n标签：工会 总结\n版权所有：某某文档网 2016-2024\n",
    # a last line that stops on a word may only lack its full stop: ST009's concern, not a cut
    PROSE + "下一步，我们将进一步加强基层组织建设，推动化工行业高质量发展",
    # the last article of a statute, a byline, a link line, a credit
    "第一条 为了规范管理，制定本条例。\n第九十条 本条例自2018年5月1日起施行。",
    PROSE + "（记者 张三 李四）",
    PROSE + "\n来源：新华网 编辑：丸子",
    PROSE + "\n[查看原文](https://tv.cctv.com/2022/11/25/VIDE.shtml)",
    "县总工会工作总结",
    "",
])
def test_truncated_document_quiet(text):
    assert flagged(text, "ST010") == []


# ----- ST011 repeated paragraphs ---------------------------------------------------------------

def test_repeated_paragraph_names_the_first_occurrence():
    para = "今年以来，县总工会紧紧围绕县委中心工作，扎实开展职工素质提升工程，取得了明显成效。"
    other = "各乡镇工会联合会积极配合，认真组织，确保了各项活动顺利开展。"
    text = f"{para}\n{other}\n二、其他\n{para}\n{other}\n"
    (hit,) = lint(text, "ST011")
    assert (hit.line, hit.text) == (4, para)
    assert "第4–5行与第1–2行" in hit.message
    assert _fixed(text, "ST011") == f"{para}\n{other}\n二、其他\n"


def test_repeated_paragraph_near_and_quiet():
    a = "我们与市电视台、市报社等7家新闻媒体，先后宣传了劳动模范及创业带头人的先进事迹11件次。"
    b = "我们与市电视台、市报社等7家新闻媒体，先后宣传了劳动模范及创业带头人的先进事迹12件次。"
    (hit,) = lint(f"{a}\n一、标题\n{b}\n", "ST011")
    assert hit.line == 3 and "几乎相同" in hit.message and "第1行" in hit.message
    # headings that recur, parallel sentences that share a frame
    quiet = ("一、指导思想\n坚持以科学发展观为指导。\n一、指导思想\n坚持以人为本。\n"
             "一是加强领导，开展了“讲文明、树新风”活动，取得了较好的社会效果。\n"
             "二是加强领导，开展了“送温暖、献爱心”活动，取得了较好的社会效果。\n")
    assert flagged(quiet, "ST011") == []


# ----- odd input -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "",
    "\n\n\n",
    "。，、；：？！“”（）《》",
    "，，，，，，\n。。。。\n”",
    "字" * 200_000,
    "😀😀😀 表情 🎉🎉\n" * 50,
    f"代码{MASK * 5}片段{MASK}{MASK}的的\n{MASK * 10}\n",
    "(" * 1000 + "）" * 500,
    "第1页共10页\n第2页共10页\n",
    "\r\n".join(["一、标题", "正文，", "", "继续。"]),
])
def test_odd_input_never_crashes(text):
    for fmt_path in ("doc.txt", "doc.md"):
        lint(text, "ST", path=fmt_path)


def test_all_seeds_run_together_without_problems():
    from wenlint.api import lint_paths

    findings = lint_paths([str(SEEDS)], select=["ST"])
    assert {f.code for f in findings} >= {"ST001", "ST002", "ST004", "ST007", "ST008",
                                          "ST009", "ST010", "ST012"}


def test_hard_wrapped_plain_text_is_read_in_paragraphs():
    para = ("上半年，全市各级工会认真贯彻落实上级工会的工作部署，紧紧围绕中心工作，扎实开展职工素质提升工程，"
            "取得了明显成效。各乡镇工会联合会积极配合，认真组织，确保了各项活动顺利开展，得到了职工群众的一致好评。")
    wrapped = "\n".join(para[i : i + 24] for i in range(0, len(para), 24))
    text = wrapped + "\n\n" + wrapped[:-1] + "，推动\n\n工作再上新台阶。\n"
    # the line breaks inside a paragraph are a fixed width, not broken sentences: the layout is
    # one finding for the document (the paragraph split at 推动 is among the places it joins)
    got = lint(text, "ST007", "ST009", "ST006")
    assert [f.code for f in got] == ["ST007"] and "全文有" in got[0].message


# ----- real-document classes (issue 14): what is found and the near misses that stay quiet -----

@pytest.mark.parametrize("text", [
    "中国科学院研究所所长出席，省委员会会议召开，家家户户挂灯笼，常常来，天天学。",
    "整场活动由李喵喵主持，杨蓉蓉特意看望了她。",
    "军乐团奏中美两国国歌，大江南北的座座军营里洋溢着欢乐，场场精彩。",
    "在蔡旭哲打开问天实验舱舱门后，潍柴柴油机热效率再创纪录，燃气气源充足。",
    "提供歇歇脚、喝喝水、充充电、避避暑服务，他在寓所所设的午餐会上讲话。",
    "分管领域的负责同志结合工作作了发言，邮政快递业业务总量增长。",
    # a productive prefix after a word ending in it; a preposition before a word starting with it
    "加强食品药品安全全链条监管，建立健全全口径债务监测体系，持有有表决权股份，依前项规定定财产管理人。",
    "证券公司与客户对对账单送交时间另有约定的，其画法为：以以上四点为圆心。",
    # names, nicknames and sounds of rarely used characters; short quoted terms; figures
    "屠呦呦获得诺贝尔奖，包括微信、钉钉等工具，卡卡尔宣誓就任，轻轻地喵喵叫，笨兔兔的博客。",
    "“骐骐”“骥骥”“驰驰”“骋骋”四匹骏马，“老老人”服务保障，以“巳巳如意，生生不息”为主题。",
    "具体抓抓具体、深入抓抓深入，提供“歇歇脚、喝喝水、热热饭、充充电”服务。",
    # a word split by a hard line wrap after the doubling
    "将试验验\n证结果及时报告，依托托\n管机构开展服务。",
    # words typed twice on purpose: titles, 该AA, numbered items, standards, ABAB verbs
    "代表作有《玫瑰玫瑰我爱你》《恭喜恭喜》，本是「快点快点」之意，孩子仍然该走神走神。",
    "报名方式方式一：长按识别二维码。笔者一般只是修改修改参数。",
    "工业通信网络网络与系统安全 第2-1部分：建立工业自动化和控制系统安全程序",
    "智能制造制造对象标识解析系统应用指南 GB/T 40649-2021",
])
def test_doubled_word_real_document_near_misses(text):
    assert flagged(text, "ST004", "ST014") == []


@pytest.mark.parametrize("text, flags", [
    ("当地的社会主义、左派和自由主义的的活动日益活跃。", ["的的"]),
    ("宣传了下岗创业业带头人的先进事迹。", ["业业"]),
    ("今年以来来共解决了拖欠工资问题。", ["来来"]),
    ("在战略布局中，通化属于属于“双廊”的重要节点。", ["属于属于"]),
    ("我们我们要把工作抓紧抓实。", ["我们我们"]),
    ("一个在在加州大学欧文分校的研究者，而日本海军也在在南海获得胜利。", ["在在", "在在"]),
    ("中国近代植物植物分类学的奠基人，共造成造成197人死亡。", ["植物植物", "造成造成"]),
    ("分成保护国和和亲近德国的附属国，电源都有可能可能引起开机不显示。", ["和和", "可能可能"]),
    ("活动共吸引了300多名名职工参加，发展特色特色大榛子产业。", ["名名", "特色特色"]),
    ("这个学校已经有50年多年的历史了，两年多年均增长百分之五。", ["年多年"]),
])
def test_doubled_word_real_document_defects(text, flags):
    assert flagged(text, "ST004", "ST014") == flags


def test_doubled_word_loads_the_segmenter_only_for_a_question():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from wenlint.api import lint_text\n"
        "lint_text('县总工会认真贯彻上级部署，取得了明显成效。', select=['ST004'])\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_space_around_punctuation_is_linear_on_long_runs():
    import time

    from wenlint.rules.structure.spacing import stray_spaces

    for text in ("中" + " " * 1_000_000 + "文。\n", "中，" + " " * 1_000_000 + "文。\n",
                 "中" + "\u3000" * 500_000 + "，" + " " * 500_000 + "文", "，" * 1_000_000):
        started = time.perf_counter()
        list(stray_spaces(text))
        assert time.perf_counter() - started < 1.0
    assert list(stray_spaces("中，" + " " * 1000 + "文")) == [(2, 1002)]
    assert flagged("中" + " " * 800 + "文。\n", "ST002") == []


def test_space_around_punctuation_document_wide():
    text = "".join(f"第{i}项工作已经完成。 " for i in range(8)) + "\n"
    got = lint(text, "ST002")
    assert len(got) == 1 and "全文有" in got[0].message
    # one fix for all (the trailing space at the line end is not next to a mark inside the text)
    assert _fixed(text, "ST002", unsafe=False) == "".join(f"第{i}项工作已经完成。" for i in range(8)) + " \n"
    # mostly right: one by one
    text = "".join(f"第{i}项工作，已经完成。" for i in range(30)) + "这一项已经完成。 还有一项。\n"
    assert flagged(text, "ST002") == [" "]


# ----- ST020-ST022 blanks beside punctuation, by place ---------------------------------------

@pytest.mark.parametrize("text, code, flags", [
    # before a pause or stop mark, after Han text or a closing mark
    ("香港，一国两制可丢在路边 ，中央因此采取强硬措施。", "ST020", [" "]),
    ("新手爸妈指南等等与您一同分享 。让您在陪伴孩子长大的过程中", "ST020", [" "]),
    ("发展补助和奖励。\n二 、支持范围\n", "ST020", [" "]),
    ("深化经济体制改革」\xa0\xa0，但是会议也提到", "ST020", ["\xa0\xa0"]),
    # inner side of a pair, beside Han text (also after a sentence end: 赶上。 ”)
    ("社保法已经明确提出“\u3000个人跨统筹地区就业的”。", "ST021", ["\u3000"]),
    ("遊界的姚思榮形容有「 黑工」帶團。", "ST021", [" "]),
    ("他说：“开源模型正在迎头赶上。 ”在这一年里", "ST021", [" "]),
    ("《 新华文摘》和《中国社会科学》", "ST021", [" "]),
    # after a comma, an enumeration comma, a semicolon, before Han text
    ("香港不可以没有国家， 国家不可以没有香港。", "ST022", [" "]),
    ("推动四个重点产业规模化、 集群化、高端化发展。", "ST022", [" "]),
    ("以“文明驾驶”为主题，\u3000针对各种不文明驾驶行为。", "ST022", ["\u3000"]),
])
def test_blanks_beside_punctuation_by_place(text, code, flags):
    assert flagged(text, code) == flags
    others = [c for c in MARK_SPACES if c != code]
    assert flagged(text, *others) == []


@pytest.mark.parametrize("text", [
    # Latin words and numbers spaced as Latin text is (ST002's, not these rules')
    "刚刚买了一部 iPhone ，好开心！内存有 DDR ，DDR2 两代。",
    "采用全玻片数字扫描技术（ whole slide imaging ）。2003 ，第167页。",
    "社区， 2008 年成立；主题，“开源”。",
    # a form's blank, an open period, a list number run into the line, a heading number
    "□是（事故名称：      ） □否\n当代（1949- ）\n两大优势。1、 工作签证时间长。\n三、 组织保障\n",
    # set letter by letter; a list marker's blank; Markdown syntax; an @mention
    "协 同 能 力 ， 支 持 对 接 。\n为 落 实 《 国 家 中 长 期 规 划 》\n* ：《辛亥双十》1981\n感谢@庄表伟 ，优化官网。\n",
    # outer side of quotation marks, after a sentence end, after a colon: ST002's
    "我们以 “开源治理” 为使命。已经完成。 下一步是推广。答： 第一，规范取证。",
])
def test_blanks_beside_punctuation_near_misses(text):
    assert flagged(text, "ST020", "ST021", "ST022") == []


def test_blanks_beside_punctuation_in_markdown_syntax():
    text = "- **调查对象** ：覆盖开发者、社区成员。\n\n| 名称 | 值 |\n|---|---|\n| 甲 | 1 |\n"
    assert flagged(text, "ST020", "ST021", "ST022", path="doc.md") == []


def test_blanks_beside_punctuation_document_wide():
    text = "".join(f"第{i}项工作， 已经完成。" for i in range(6)) + "\n"
    got = lint(text, "ST022")
    assert len(got) == 1 and got[0].message.startswith("全文有6处")
    assert _fixed(text, "ST022", unsafe=False) == "".join(f"第{i}项工作，已经完成。" for i in range(6)) + "\n"
    # four: one by one, however long the document
    text = "".join(f"第{i}项工作， 已经完成。" for i in range(4)) + "\n"
    assert len(lint(text, "ST022")) == 4


def test_blanks_beside_punctuation_are_found_in_linear_time_on_one_long_line():
    import time

    from wenlint.rules.structure.spacing import mark_spaces

    for text in ("这一项， 已经完成。" * 100_000, "中 文 ， " * 100_000):
        started = time.perf_counter()
        mark_spaces(text)
        assert time.perf_counter() - started < 3.0


# ----- ST023 blanks inside numbers ---------------------------------------------------------

def test_space_inside_number():
    text = "".join(f"第 1 {i} 条 鼓励企业创新。\n" for i in range(6))
    got = lint(text, "ST023")
    assert len(got) == 1 and got[0].message.startswith("全文有6处")
    assert _fixed(text, "ST023", unsafe=False) == "".join(f"第 1{i} 条 鼓励企业创新。\n" for i in range(6))
    assert flagged("| 收入 | ¥1, 326.00 | 金孜达 |\n| 支出 | -1, 058.00 | 朱晟 |", "ST023") == ["1, 326.00", "1, 058.00"]


@pytest.mark.parametrize("text", [
    "第 10 条 鼓励企业创新，2008 年 10 月起施行。",
    "序号 数量\n1 1\n2 2\n",
    "参见第982, 324页；Nature 462, 469 (2009)；共 3, 5, 7 三组。",
    "金额为1,326.00元，另付 1, 2 两项。",
])
def test_space_inside_number_near_misses(text):
    assert flagged(text, "ST023") == []


def test_broken_lines_of_a_hard_wrapped_document_are_one_finding():
    para = ("为深入贯彻落实党中央、国务院关于推动制造业高质量发展的决策部署，加快推进智能制造标准体系建设，"
            "充分发挥标准的引领作用，现就有关事项通知如下，请各地结合实际认真贯彻执行，确保各项任务落到实处。")
    wrapped = "\n".join(para[i : i + 23] for i in range(0, len(para), 23))
    text = "\n\n".join([wrapped] * 3) + "\n"
    got = lint(text, "ST007")
    assert len(got) == 1 and "全文有" in got[0].message
    # one fix joins the wrapped lines (a line that starts with a comma is ST003's to join)
    assert _fixed(text, "ST007").count("\n") == text.count("\n") - 6


@pytest.mark.parametrize("text", [
    "第一条 为了规范管理，制定本条例。\n第九十条 本条例自2018年5月1日起施行。",
    "上半年，全市工会认真贯彻落实上级部署，取得了明显成效。\n联系电话：0551-62345678",
    "上半年，全市工会认真贯彻落实上级部署，取得了明显成效。\n附件：2024年工作要点",
    "上半年，全市工会认真贯彻落实上级部署，取得了明显成效。\n![会场](images/1.png)",
])
def test_truncated_document_real_endings(text):
    assert flagged(text, "ST010") == []


@pytest.mark.parametrize("text", [
    "> 被引用條文: 公平交易法 [第十六條](../公平交易法.md#第十六條-聯合行為許可之附加條件、限制或負擔)\n正文。\n"
    "> 被引用條文: 公平交易法 [第十六條](../公平交易法.md#第十六條-聯合行為許可之附加條件、限制或負擔)\n",
    "安徽省总工会宣教部\n二〇〇六年六月二十日\n正文。\n安徽省总工会宣教部\n二〇〇六年六月二十日\n",
    "[1] 习近平：《在全国科技大会上的讲话》，人民出版社2024年版，第3页。\n正文。\n"
    "[1] 习近平：《在全国科技大会上的讲话》，人民出版社2024年版，第3页。\n",
    # an example quoted under two rules of a style guide; a heading repeated; a figure shown twice
    "> 在 LeanCloud上，数据存储是围绕 AVObject 进行的，每个对象都有自己的属性和方法。\n规则一。\n"
    "> 在 LeanCloud上，数据存储是围绕 AVObject 进行的，每个对象都有自己的属性和方法。\n",
    "### Intellij Platform Plugin SDK 开发插件的入门指南与常见问题\n正文。\n"
    "### Intellij Platform Plugin SDK 开发插件的入门指南与常见问题\n",
    "![database-shard-method-2](./images/database-shard-method-2.png)\n正文。\n"
    "![database-shard-method-2](./images/database-shard-method-2.png)\n",
    # the same numbered requirement under two subsidies of a guideline
    "（一）房租补贴\n1.申报主体已签订招商协议的，应达到招商协议履约条件。\n"
    "（二）装修补贴\n1.申报主体已签订招商协议的，应达到招商协议履约条件。\n",
])
def test_repeated_paragraph_layout_is_not_a_repeat(text):
    assert flagged(text, "ST011") == []


@pytest.mark.parametrize("text, flags", [
    ("支持战略性新 兴产业发展，对固定资 产投资给予补助。", [" ", " "]),
    ("中共中央 国务院印发《意见》，强基层 兴边疆，生态 建设稳步推进。", []),
    ("2008年7月17日 经人力资源和社会保障部第8次部务会议审议通过。", []),
    # a particle leans on the word before it, in a sentence or a table cell
    ("基本形成结构合理、生态完善 的智能传感器产业体系。", [" "]),
    ("| 13:30-14:10 | PHP 下 的微服务治理之道 | 黄朝晖 |", [" "]),
    # a headline sets phrases apart with blanks; 得 and 之 start words and names
    ("油菜播种基本结束 面积增 长势好", []),
    ("（2）美国冬季风暴持续 得州至少8人死亡；", []),
    ("第十五條 之九\n的确 的确如此。", []),
    # one character after a comma starts a word
    ("不含采矿、矿 产品初加工项目。", [" "]),
    # four splits: the blank between two words (自主 研发) is not yet a sign of an extraction
    ("引导资 金投向矿 产品加工，支持战略新 兴产业和固定资 产投资，鼓励自主 研发。", [" "] * 4),
    ("引导资 金投向矿 产品加工，支持战略新 兴产业、固定资 产投资和专项资 金，鼓励自主 研发。", [" "] * 6),
    # a table's justified two-character cells, one a line; headings spaced the same way come alone
    ("指 标\n2020年\n粮 食\n120\n玉 米\n80\n大 豆\n20\n其中：男 性\n女 性\n", [" "] * 5),
    ("目 录\n前 言\n第一章　总　则\n第一条　为了规范管理，制定本条例。\n附　则\n", []),
])
def test_space_inside_word(text, flags):
    assert flagged(text, "ST013") == flags


# ----- ST001 hyphens for a dash, full stops for an ellipsis (issue 14) ---------------------------

@pytest.mark.parametrize("text, flags", [
    ("有整理好的精彩文章-------公众号【每天开心】", ["-------"]),
    ("10月13日周四晚19:30---20:30课程讲师：宗爸", ["---"]),
    ("举个栗子：------------------------------比如你应聘", ["------------------------------"]),
    ("其中一部--完颜部，于11世纪兴起。", ["--"]),
    ("机构要精简......民主还是个手段。", ["......"]),
])
def test_dash_and_dot_runs(text, flags):
    assert flagged(text, "ST001") == flags


@pytest.mark.parametrize("text", [
    "第一章 总则\n---------\n第一条 为了规范管理，制定本法。",
    "| 项目 | 数额 |\n|---|---|\n| 收入 | 100 |",
    "知识可以被表示为：今天-->没有太阳。",
    "如果不提供此参数，则只加载--base_model指定的模型。",
    "<!-- INFO END -->\n正文。",
    "  --林则徐\n  --魏源",
    "（一）指导思想....................... 2\n（二）基本原则....... 3",
    "1 乔布斯在管理上究竟有什么精...\n正在加载...",
    "他说：“我们……都来了——对吗？”",
])
def test_dash_and_dot_runs_quiet(text):
    assert flagged(text, "ST001") == []


# ----- ST015 a passage repeated with its line breaks elsewhere (issue 14) -------------------------

_HAN_CHARS = __import__("re").compile("[\u4e00-\u9fff]")
_LEAD = ("补贴规划纲要提出，我国将落实医保关系转移接续办法，实现医疗保险缴费年限在各地互认，累计合并计算。"
         "记者了解到，实际上，2011年7月正式实施的社保法，已经明确提出个人跨统筹地区就业的，其基本养老保险关系随本人转移，"
         "缴费年限累计计算，这为实施办法奠定了法律基础。")


def test_repeated_passage_split_differently():
    # the same text, broken at other places: ST011 compares paragraphs and misses it
    split = _LEAD[:40] + "\n" + _LEAD[40:90] + "\n" + _LEAD[90:] + "\n"
    assert len(_HAN_CHARS.findall(_LEAD)) >= 100
    text = _LEAD + "\n二、延伸阅读\n" + split
    assert flagged(text, "ST011") == []
    (hit,) = lint(text, "ST015")
    assert hit.line == 3 and "与第1行起的文字重复" in hit.message
    # inside a longer paragraph (a web page's 延伸阅读 box repeating three sentences of the body)
    text = "正文开始。" + _LEAD + "这是正文的后续内容。\n【延伸阅读】据介绍，" + _LEAD + "\n"
    assert [f.line for f in lint(text, "ST015")] == [2]


@pytest.mark.parametrize("text", [
    # the same paragraph split the same way: ST011's finding, not reported twice
    _LEAD + "\n二、其他\n" + _LEAD + "\n",
    # a list of headlines and the heading of each story (新闻联播)
    "1. " + _LEAD[:60] + "\n正文。\n### " + _LEAD[:60] + "\n",
    # a statute: articles repeat their clauses by design
    "".join(f"第{n}条 " + _LEAD + "\n" for n in "一二三四五六"),
    # shorter than 100 Han characters (one sentence: parallel clauses, set phrases)
    _LEAD[:80] + "\n正文。\n在新的一年里，" + _LEAD[:80] + "\n",
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n正文。\n"
    "在新的一年里，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。\n",
])
def test_repeated_passage_quiet(text):
    assert flagged(text, "ST015") == []
