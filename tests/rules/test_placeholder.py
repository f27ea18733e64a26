"""Placeholder rules (PH): every placeholder of the seeds, invented cases in the seeds' style, and
the near-misses that must stay quiet."""

from __future__ import annotations

import pytest
from conftest import flagged, lint, run_cli, seed_text

from wenlint.config import Settings
from wenlint.rules.registry import load_registry

CODES = {rule.code: rule for rule in load_registry(plugins=False)}

# Every placeholder and mask of the five seeds: (seed, line, column, text, code). A finding that
# disappears, moves, changes rule or appears shows up as a difference in this list.
SEED_FINDINGS = [
    ("000", 3, 1, "xx縣", "PH006"),
    ("000", 5, 1, "XX年", "PH001"),
    ("000", 7, 82, "鄧**理論", "MK001"),
    ("000", 11, 119, "xx屆", "PH005"),
    ("000", 17, 427, "XX多元", "PH007"),
    ("000", 17, 1380, "XX年", "PH001"),
    ("000", 19, 23, "XX年", "PH001"),
    ("001", 6, 186, "XX区", "PH006"),
    ("001", 6, 573, "XX", "PH006"),  # 促进XX经济发展
    ("001", 8, 172, "X家", "PH007"),
    ("002", 6, 1, "年", "PH002"),  # 年是“十一五”规划的开局之年
    ("002", 40, 1, "XX年", "PH001"),
    ("003", 30, 21, "[XX]14号", "PH004"),
    ("003", 34, 26, "[XX]22号", "PH004"),
    ("003", 42, 16, "[XX]9号", "PH004"),
    ("003", 46, 199, "[XX]1号", "PH004"),
    ("003", 46, 211, "[XX]15号", "PH004"),
    ("003", 58, 61, "XX年", "PH001"),
    ("003", 76, 3, "xx县", "PH006"),
    ("003", 76, 16, "200*年", "PH001"),
    ("003", 98, 115, "XX多元", "PH007"),
    ("003", 101, 121, "XX年", "PH001"),
    ("003", 105, 23, "XX年", "PH001"),
    ("003", 111, 3, "XX\xa0年", "PH001"),  # a no-break space between XX and 年
    ("003", 115, 130, "[XX]01号", "PH004"),
    ("003", 129, 194, "XX多名", "PH007"),
    ("003", 145, 186, "XX年", "PH001"),
    ("003", 145, 834, "XX年度", "PH001"),
    ("003", 147, 417, "XX年", "PH001"),
    ("003", 171, 3, "XX\xa0年", "PH001"),
    ("003", 175, 59, "XX年", "PH001"),
    ("003", 189, 69, "XX年", "PH001"),
    ("003", 204, 3, "XX年", "PH001"),
    ("003", 208, 8, "xx县", "PH006"),
    ("003", 208, 59, "xx大", "PH005"),  # 党的xx大
    ("003", 208, 192, "xx", "PH006"),  # 建设和谐xx
    ("003", 214, 27, "xxx", "PH009"),  # 建功‘xxx’
    ("003", 214, 231, "XX年度", "PH001"),
    ("003", 214, 358, "xxx", "PH009"),
    ("003", 214, 606, "XX年度", "PH001"),
    ("003", 214, 644, "XX年", "PH001"),
    ("003", 218, 107, "**管理", "MK001"),
    ("003", 218, 112, "**监督", "MK001"),
    ("003", 218, 168, "**权力", "MK001"),
    ("003", 218, 173, "XX年", "PH001"),
    ("003", 223, 30, "xx县", "PH006"),
    ("003", 227, 406, "xx乡", "PH006"),
    ("003", 227, 410, "xx乡", "PH006"),
    ("003", 227, 414, "xx局", "PH006"),
    ("003", 227, 418, "xx厂", "PH006"),
    ("003", 232, 20, "xx节", "PH006"),
    ("003", 234, 57, "xx大", "PH005"),
    ("003", 238, 511, "xx园区", "PH006"),
    ("003", 249, 68, "xx", "PH009"),  # 参加了xx、xx乡和xx乡
    ("003", 249, 71, "xx乡", "PH006"),
    ("003", 249, 75, "xx乡", "PH006"),
    ("003", 249, 306, "xx", "PH006"),  # 创平安xx
    ("003", 255, 16, "x工[]32号", "PH004"),
    ("003", 255, 207, "xx公交公司", "PH006"),
    ("003", 258, 18, "xx扎乡", "PH006"),
    ("003", 259, 33, "xxx", "PH009"),  # 挖了xxx树根
    ("003", 259, 44, "xx", "PH009"),  # 预防xx树病虫害
    ("003", 259, 82, "xx街区", "PH006"),
    ("003", 263, 87, "xx", "PH006"),  # 构建和谐xx
    ("003", 267, 17, "xx大", "PH005"),
    ("003", 269, 7, "xx县", "PH006"),
    ("003", 269, 47, "xxx", "PH009"),
    ("003", 271, 36, "**管理", "MK001"),
    ("003", 271, 158, "**管理", "MK001"),
    ("003", 271, 186, "**管理", "MK001"),
    ("003", 273, 45, "xx大", "PH005"),
    ("003", 277, 106, "xxx", "PH009"),  # 建功xxx，巾帼绘和谐
    ("003", 282, 1, "编号:_____", "PH008"),
    ("003", 288, 1, "学校:_________", "PH008"),
    ("003", 288, 13, "教师:_____________", "PH008"),
    ("003", 288, 29, "年___月___日", "PH003"),
    ("003", 296, 52, "XX年", "PH001"),
    ("003", 301, 136, "XX人", "PH007"),
    ("004", 32, 1, "xxxx局", "PH006"),
    ("004", 40, 36, "××", "MK002"),  # 局长××
    ("004", 169, 1, "年", "PH002"),  # 年社区文明创建工作总结10-11
    ("004", 171, 1, "年", "PH002"),
    ("004", 174, 1, "××年", "PH001"),
]


def _seed_findings(prefix: str):
    return lint(seed_text(prefix), "PH", "MK", path=f"{prefix}.txt")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_placeholder_and_mask_is_reported(prefix):
    got = [(prefix, f.line, f.column, f.text, f.code) for f in _seed_findings(prefix)]
    assert got == [row for row in SEED_FINDINGS if row[0] == prefix]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_findings_say_what_to_do(prefix):
    for f in _seed_findings(prefix):
        assert f.category == ("placeholder" if f.code.startswith("PH") else "mask")
        assert f.text in f.message or f.code == "PH008"  # PH008 names the field: 表单栏「编号」
        assert "请" in f.message, f.message
        assert f.severity == CODES[f.code].severity  # as measured (bench/quality.py)


def test_seed_years_messages_name_the_missing_thing():
    by_code: dict[str, list[str]] = {}
    for f in _seed_findings("003"):
        by_code.setdefault(f.code, []).append(f.message)
    for code, word in (("PH001", "年份"), ("PH004", "文号"), ("PH005", "届次"), ("PH007", "数字"),
                       ("PH008", "编号"), ("PH003", "日期")):
        assert all(word in m for m in by_code[code]) if code != "PH008" else any(word in m for m in by_code[code])
    messages = [f.message for f in _seed_findings("003") if f.code == "PH006"]
    assert any("地名" in m for m in messages) and any("单位名称" in m for m in messages)
    assert any("节日或活动名称" in m for m in messages)


# ----- true positives beyond the seeds, per rule -------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("ＸＸ年全区教育工作总结", [("ＸＸ年", "PH001")]),
        ("二〇XX年元旦献词", [("二〇XX年", "PH001")]),
        ("二OXX年度述职报告", [("二OXX年度", "PH001")]),
        ("20xx年上半年工作总结", [("20xx年", "PH001")]),
        ("201X年度优秀党员", [("201X年度", "PH001")]),
        ("××年度财务决算", [("××年度", "PH001")]),
        ("在 xx 年里", [("xx 年", "PH001")]),
        ("20XX-20XX学年第二学期", [("20XX", "PH001"), ("20XX", "PH001")]),
        ("于XX年X月X日召开全体职工大会", [("XX年X月X日", "PH003")]),
        ("截至20XX年XX月", [("20XX年XX月", "PH003")]),
        ("请于X月底前上报", [("X月底", "PH003")]),
        ("根据海政发〔20XX〕XX号文件", [("〔20XX〕XX号", "PH004")]),
        ("根据市委办发[20XX]6号", [("[20XX]6号", "PH004")]),
        ("落实京政办字（XXXX）12号文件", [("（XXXX）12号", "PH004")]),
        ("县人民政府第X号令", [("第X号", "PH004")]),
        ("认真学习十X届X中全会精神", [("X届", "PH005"), ("X中全会", "PH005")]),
        ("县第XX次党代会", [("第XX次", "PH005")]),
        ("黨的xx大以來", [("xx大", "PH005")]),
        ("XX镇XX村党支部", [("XX镇", "PH006"), ("XX村", "PH006")]),
        ("感谢××学校全体教师", [("××学校", "PH006")]),
        ("致XX公司全体员工的一封信", [("XX公司", "PH006")]),
        ("举办第三届XX杯职工篮球赛", [("XX杯", "PH006")]),
        ("特此表彰XX同志", [("XX同志", "PH006")]),
        ("主任XXX主持会议", [("XXX", "PH006")]),
        ("为建设美丽XX贡献力量", [("XX", "PH006")]),
        ("XX人民热烈欢迎", [("XX", "PH006")]),
        ("全年接待游客XX万人次", [("XX万人次", "PH007")]),
        ("新增就业XX余人", [("XX余人", "PH007")]),
        ("同比增长XX.X%", [("XX.X%", "PH007")]),
        ("完成投资XX亿元", [("XX亿元", "PH007")]),
        ("身份证号：＿＿＿＿＿＿＿＿", [("身份证号：＿＿＿＿＿＿＿＿", "PH008")]),
        ("签名：________  日期：____年__月__日", [("签名：________", "PH008"), ("____年__月__日", "PH003")]),
        ("以“XX杯”为主题", [("XX杯", "PH006")]),
        ("本文作者：张xx", [("张xx", "PH006")]),
        ("由李XX负责联络，王XX同志参加", [("李XX", "PH006"), ("王XX", "PH006")]),
        ("开展“XXXX”主题活动", [("XXXX", "PH009")]),
    ],
)
def test_placeholders(text, expected):
    assert [(f.text, f.code) for f in lint(text, "PH", "MK")] == expected


# ----- near misses ----------------------------------------------------------------------------

QUIET = [
    "本单位采购了XML格式转换软件和Xbox游戏机，医院新购X光机一台，开展X射线防护培训。",
    "MAX值为100，XXL号工作服已发放，规格为3×4米，展板2×3米。",
    "2019年，全县职工人数达到8万余名。年初制定了计划，年底完成考核。",
    "年度目标已经分解到人，年内完成验收，年终进行评比，年轻干部积极参与。",
    "购买iPhone X手机两部，X型钢材10吨，x86服务器一台，Windows XP已经停用。",
    "当x=3时，y=2x+1=7；设x为未知数，解方程3x+5=20。",
    "详见www.xxgk.gov.cn和xx.com网站，邮箱xx@163.com。",
    "公司名称为Xerox，产品型号XR-200，执行标准GB/T 1234-2019。",
    "湘政发〔2006〕14号文件和国办发[2019]3号文件已经下发。",
    "以党的十九大和十九届二中、三中、四中全会精神为指导，召开第十三次代表大会。",
    "学习邓小平理论和“三个代表”重要思想，坚持民主集中制。",
    "第一部分\n***\n第二部分\n* * *\n第三部分\n——————\n",
    "* 列表项一\n* 列表项二\n• 列表项三",
    "原告某某诉被告某某公司，某地某单位",
    "縣總工會在縣委和市總工會的正確領導下，開展XML培訓，年初制定計畫，年度考核。",
    "这是一个普通的句子，没有任何占位符。",
    "女性的性染色体为XX染色体。",
    "全县连续奋斗了二十多\n年的成果",
    "截至2019\n年，全县共有会员8万余名",
    "工作计划\n年初完成部署\n年度总结",
    "年用电量达到1亿千瓦时\n年接待游客50万人次\n年均增长12%",
    "创平安县城，关于XY的说明，详见和xx.com",
]


@pytest.mark.parametrize("text", QUIET)
def test_near_misses_stay_quiet(text):
    assert flagged(text, "PH", "MK") == []


def test_markdown_emphasis_is_not_a_mask_but_the_same_text_is_in_a_txt_file():
    text = "这是**粗体**文字，*斜体*也可以。\n\n* 列表项\n\n***\n"
    assert flagged(text, "PH", "MK", path="doc.md") == []
    assert flagged(text, "PH", "MK", path="doc.txt") == ["**", "**"]


def test_markdown_still_reports_placeholders_and_unpaired_masks():
    text = "# XX年工作总结\n\n加强**管理，职工代表大会\n\n`XX年` 在代码里不算\n"
    assert [(f.text, f.code) for f in lint(text, "PH", "MK", path="doc.md")] == [
        ("XX年", "PH001"), ("**管理", "MK001"),
    ]


# ----- one finding per span ------------------------------------------------------------------

OVERLAP_TEXTS = [
    seed_text("003"),
    "XX年XX月XX日，xx县xx乡第XX次党代会在xx召开，XX市总工会XXX同志参加，资金XX多万元，湘政发[XX]3号。",
    "二〇XX年××县××同志××局长，邓**理论，王**，局长××，×××同志",
    "学校:_________教师:_____________年___月___日 编号:____",
]


@pytest.mark.parametrize("text", OVERLAP_TEXTS)
def test_one_finding_per_span(text):
    spans = sorted((f.line, f.column, f.end_line, f.end_column, f.code) for f in lint(text, "PH", "MK"))
    for a, b in zip(spans, spans[1:]):
        assert (a[2], a[3]) <= (b[0], b[1]), f"{a} overlaps {b}"


def test_most_specific_rule_wins():
    got = {f.text: f.code for f in lint("XX年X月X日 第XX号 XX多名 xx县 党的xx大 xx、", "PH")}
    assert got == {"XX年X月X日": "PH003", "第XX号": "PH004", "XX多名": "PH007", "xx县": "PH006",
                   "xx大": "PH005", "xx": "PH009"}


def test_a_disabled_rule_does_not_hand_its_spans_to_another():
    assert flagged("xx县总工会", "PH", ignore=["PH006"]) == []


# ----- the bare 年 of a deleted year ----------------------------------------------------------

def test_deleted_year_cases():
    text = "标题\n\n年是开局之年\n《年工作要点》\n【年度总结】\n年初\n【年会通知】\n年底\n"
    assert [(f.line, f.text) for f in lint(text, "PH002")] == [(3, "年"), (4, "年")]


def test_deleted_year_in_traditional_text():
    assert flagged("縣總工會\n\n年是“十一五”規劃的開局之年", "PH002") == ["年"]
    assert flagged("縣總工會\n\n年輕幹部\n年終考核\n年齡結構", "PH002") == []


# ----- options, opt-in rules, odd input, documentation ----------------------------------------

def test_options_extend_the_lists():
    settings = Settings(options={"placeholder": {"name-suffixes": ["牧业"], "amount-units": ["头"],
                                                 "ignore-words": ["XX款"], "bare-year-words": ["馑"]}})
    assert [(f.text, f.code) for f in lint("xx牧业养了XX头牛，XX款式齐全\n年馑", "PH", settings=settings)] == [
        ("xx牧业", "PH006"), ("XX头", "PH007"),
    ]
    assert [(f.text, f.code) for f in lint("xx牧业养了XX头牛\n年馑", "PH")] == [
        ("xx", "PH009"), ("XX", "PH009"), ("年", "PH002"),
    ]


def test_bad_option_values_are_ignored_not_fatal():
    settings = Settings(options={"placeholder": {"name-suffixes": 3, "ignore-words": [1, None]}})
    assert flagged("xx县", "PH", settings=settings) == ["xx县"]


def test_mou_placeholder_is_opt_in_and_info():
    text = "原告某某诉被告某某公司"
    assert flagged(text) == [] or all(f.code != "PH010" for f in lint(text))
    findings = lint(text, "PH010")
    assert [(f.text, f.severity) for f in findings] == [("某某", "info"), ("某某", "info")]


def test_template_instruction():
    assert flagged("项目名称：单击或点击此处输入文字。\nClick or tap here to enter text.", "PH011") == [
        "单击或点击此处输入文字", "Click or tap here to enter text",
    ]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n\n", "。，、！？", "年", "年\n年", "XX", "xx\n", "××", "**", "____", "[]", "〔〕号",
     "😀XX年😀", "\ue000XX\ue000", "XX" * 50000, "年" * 10000, "X" + "\n" * 1000 + "年是", "第号",
     "___年", "20", "〔20XX", "x工[", "　年　月　日", "\u00a0XX\u00a0年"],
)
def test_odd_input_never_crashes(text):
    for f in lint(text, "PH", "MK"):
        assert f.text and text.count(f.text) >= 1


def test_masked_characters_are_never_flagged():
    from wenlint.documents import Document
    from wenlint.rules.placeholder._scan import results

    doc = Document("说明 `XX年` 代码\n\n```\nxx县\n```\n", path="a.md", format="markdown")
    assert results(doc, Settings()) == []


def test_explain_shows_the_documentation():
    result = run_cli("explain", "PH001")
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert "year-placeholder" in out and "XX年" in out


# ----- any text: no crash, exact and non-overlapping spans ----------------------------------

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

_PIECES = ["X", "x", "Ｘ", "×", "*", "＊", "_", "＿", "□", "■", "年", "月", "日", "号", "度", "[", "]",
           "〔", "〕", "（", "）", "第", "届", "次", "大", "县", "局", "同志", "局长", "王", "邓", "理论",
           "管理", "职工", "多", "元", "人", "家", "%", "2", "0", "1", "9", " ", "\n", "：", ":", "、",
           "，", "。", "“", "”", "‘", "’", "a", "Z", "\ue000", "😀", "二〇", "和谐", "经济", "党的"]


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["doc.txt", "doc.md"]))
def test_any_text_gives_exact_non_overlapping_findings(pieces, path):
    text = "".join(pieces)
    findings = lint(text, "PH", "MK", path=path)
    lines = text.split("\n")
    previous = None
    for f in findings:
        assert f.line == f.end_line
        assert lines[f.line - 1][f.column - 1 : f.end_column - 1] == f.text
        if previous is not None:
            assert (previous.line, previous.end_column) <= (f.line, f.column), (previous, f)
        previous = f
