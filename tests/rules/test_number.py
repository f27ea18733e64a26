"""The number family (NM): seed inconsistencies found with their arithmetic, consistent figures
quiet, realistic near-misses quiet, odd input harmless."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SEEDS, flagged, lint, seed_text
from wenlint.documents import Document

# ----- the seeds ------------------------------------------------------------------------------

# Every NM finding in the seeds: (seed, line, column, code, text). Anything else is a false alarm.
SEED_FINDINGS = {
    ("003", 13, 5, "NM009", "2021"),
    ("003", 52, 5, "NM009", "2021"),
    ("003", 46, 92, "NM005", "二是"),
    ("003", 173, 3, "NM006", "•"),
    ("003", 291, 1, "NM010", "第1页共10页"),
    ("004", 1, 1, "NM007", "2024—2011"),
    ("004", 43, 1, "NM006", "四、"),
    ("004", 147, 17, "NM004", "六个结合"),
    ("004", 149, 1, "NM006", "六、"),
    ("004", 151, 1, "NM006", "(一)"),
    ("004", 164, 2, "NM007", "2024—2011"),
}


def _seed_findings():
    out = set()
    for prefix in ("000", "001", "002", "003", "004"):
        for f in lint(seed_text(prefix), "NM"):
            out.add((prefix, f.line, f.column, f.code, f.text))
    return out


def test_seed_findings_exact():
    assert _seed_findings() == SEED_FINDINGS


def _one(prefix, code, line):
    found = [f for f in lint(seed_text(prefix), code) if f.line == line]
    assert len(found) == 1, found
    return found[0]


def test_seed_messages_show_the_arithmetic():
    assert "6 项" in _one("004", "NM004", 147).message and "5 项" in _one("004", "NM004", 147).message
    assert "缺少「四、」「五、」" in _one("004", "NM006", 149).message
    assert "缺少「三、」" in _one("004", "NM006", 43).message
    assert "重复" in _one("004", "NM006", 151).message
    assert "2011<2024" in _one("004", "NM007", 1).message
    assert "共 10 页" in _one("003", "NM010", 291).message and "只有 3 页" in _one("003", "NM010", 291).message
    assert "2005" in _one("003", "NM009", 13).message and "十六届五中全会" in _one("003", "NM009", 13).message
    assert _one("003", "NM005", 46).suggestion == "三是"


def _confirmed(prefix):
    from wenlint.rules.number.totals import arithmetic, breakdowns

    doc = Document(seed_text(prefix))
    return {
        (doc.line_index(g.parts[0].start) + 1, arithmetic(g.confirmed_parts)[0], g.confirmed.qty.text)
        for g in breakdowns(doc) if g.confirmed is not None
    }


def test_seed_totals_that_add_up_are_confirmed():
    assert _confirmed("003") == {
        (34, "8+17+10+3=38", "38"),
        (34, "1077+1244+1135+125=3581", "3581"),
        (38, "160万+87.85万=247.85万", "247.85万"),
    }
    assert _confirmed("004") == {
        (25, "68024万+37727万=105751万", "105751万"),
        (89, "13.41万+4.46万+2.58万+11.49万=31.94万", "31.9万"),
        (89, "25+43=68", "68"),
    }


SEED_CONSISTENT = [
    # totals
    "截至6月20日,我市共新建工会组织38家,净增会员3581人。其中农民工工会组织8家,会员1077人。"
    "非公单位工会组织17家,会员1244人,社区工会组织10家,会员1135人。其余工会组织3家,会员125人。",
    "上半年,帮扶中心共筹措解困资金247.85万元,其中在职干部职工捐款160万元,财政投入87.85万元。",
    "据统计,去冬今春重点防火期内,全市共发生森林火灾68起,其中火警25起,一般火灾43起,过火面积41781亩。",
    "萨勒吾则克乡党委政府机关实有干部职工79人,领导16人。汉族干部14人,少数民族干部65人;党员45人,团员12人。",
    "前9个月我区外贸实现进出口总额105751万美元,超过了去年全年9.67亿美元的进出口规模,同比增长46.23%,"
    "其中,出口68024万美元,同比增长35.27%,进口37727万美元,同比增长71.24%,实际利用外资3015万美元。",
    "据统计,这次活动共收集讨论意见158条,其中,上网点击人大网站132次,寄信26人次。",
    # percentages and ratios
    "干部职工宿舍18间中的13间被评选为文明宿舍,文明宿舍创建率达到72%,并实行星级化流动式管理。",
    "半年来共接待职工来信、来访、来电共计144件,结案131件,结案率为91%。",
    "萨勒吾则克乡党委政府机关实有干部职工79人。汉族干部14人,少数民族干部65人;\n"
    "我乡处于民族地区,维吾尔族群众占98%以上,机关干部中民汉比例为5:1。",
    "组织工会完成全年任务的58.46%,新增会员完成全年的任务的51.16%。我会共计上解上级工会经费3.1055万元,占年初任务的6.9%。",
    "全乡文明覆盖率达到100%。计划生育、晚婚晚育、综合节育率均保持100%。",
    # counts
    "坚持六个落实(计划落实、制度落实、组织落实、内容落实、人员落实、时间落实),"
    "做到六有(学习有安排、有记录、有考勤,讨论有重点、发言有提纲、学习有心得)。",
    "全面推进 “五个一”服务(一接电话问好、一张笑脸相迎、一把椅子请座、一杯茶水贴心、一句好话送行)。",
    "对来局办的群众实行 “六个一”工作法,即一张笑脸相迎、一句热情问候、一杯茶水解渴、一把椅子让座、一次详细了解、"
    "一个明确答复,努力提高服务质量,从而较好地树立了务实高效、勤政廉政的好形象。",
    "使全体班子成员达到“五个提高”,即:提高对新局势的把握能力;提高对新挑战的应对能力;提高对新环境的适应能力;"
    "提高对新问题的解答能力;提高对“三个代表”重要思想的实践能力,为林业强市建设提供保证。",
    "在将近半年的时间里,通过学习调研、分析检查、整改落实三个阶段的各项环节,学习实践活动取得了成效。",
    "分别设计了“我是党员我承诺”、“我是党员我带头”、“我是党员我奉献”、“我是党员我帮扶”、“我是党员我争先”5项主题实践活动。",
    "由平谷中学、平谷三中、北师大平谷附中、平谷六中、平谷一园、平谷二园、平谷三园、平谷四园、平谷一小、平谷六小、"
    "第一职业学校11个单位560余名师生组成的方队。",
    "我们到美达制衣、湘慈aes水电有限公司、永鑫鞋业3家非公企业开展了调研。",
    "从去年12月至今年3月抽调我单位4名干部参加了xx、xx乡和xx乡3个乡镇的基层组织建设工作。",
    "配套开展“绿、洁、美、香、硬”五化建设。学习有制度、有计划、有检查、有考核,人员、时间、内容、效果四落实。",
    # sequences and ordinals that are not enumerations
    "在全市职工技能大赛上,我县代表队获得个人和团体第一名;为上级工会决策提供第一手资料;加大对“第一责任人”落实责任制的监督。",
    # dates
    "于5-6月先后对我市34家企事业单位进行了检查;实现建设2--3个省级示范基地的目标;25-50人的由村支部书记兼任。",
    "荣获中宣部、司法部2001-2005全国法制宣传教育先进单位。我们于4月25日至5月25日开展了宣传月活动。",
    # years in a historical sentence
    "xxxx局于2003年11月创建成为“市级最佳文明单位”以来,局党组始终坚持以党的十七大精神为指导。",
]


@pytest.mark.parametrize("text", SEED_CONSISTENT, ids=range(len(SEED_CONSISTENT)))
def test_seed_consistent_figures_are_quiet(text):
    assert flagged(text, "NM") == []


# ----- invented cases in the seeds' style -----------------------------------------------------

FLAGGED = [
    # NM001
    ("截至11月底,全区共新建工会组织45家,其中非公企业工会30家,社区工会10家,其余工会组织8家。", "NM001", "45家"),
    ("全县共有干部职工120人,其中男职工70人,女职工40人。", "NM001", "120人"),
    ("今年共发放助学金12.5万元,其中市总拨付8万元,县总自筹5.5万元,其他1万元。", "NM001", "12.5万元"),
    ("共接待来访群众86人次,其中集体访96人次。", "NM001", "96人次"),
    # NM002
    ("全镇28个村中的21个村建立了村级工会,建会率达到80%。", "NM002", "80%"),
    ("今年共受理劳动争议案件60件,调解结案45件,调解结案率为85%。", "NM002", "85%"),
    ("共有会员800人,其中农民工会员200人,占35%。", "NM002", "35%"),
    # NM003
    ("全县职工入会率达到103%,劳动合同签订率100%。", "NM003", "103%"),
    # NM004
    ("坚持“四个到位”,即思想认识到位、组织领导到位、工作措施到位。", "NM004", "四个到位"),
    ("全面开展“三项活动”(创先争优、岗位练兵、技能比武、合理化建议)。", "NM004", "三项活动"),
    ("坚持“团结、拼搏、健身、和谐”的六字方针。", "NM004", "六字"),
    # NM005
    ("一是召开动员会。二是制定方案。四是检查验收。", "NM005", "四是"),
    ("第一,统一思想。第二,明确责任。第二,强化考核。", "NM005", "第二"),
    # NM006
    ("一、基本情况\n正文。\n二、主要做法\n（一）加强领导\n（二）完善制度\n（四）强化监督\n三、下步打算\n", "NM006", "（四）"),
    ("1、学习制度\n2、考勤制度\n2、值班制度\n", "NM006", "2、"),
    # NM007
    ("2015—2012年度先进集体评选结果", "NM007", "2015—2012"),
    ("第一阶段（2019年3月1日至2019年4月30日）动员部署。\n第二阶段（2019年4月15日至2019年9月30日）组织实施。",
     "NM007", "2019年4月15日至2019年9月30日"),
    # NM008
    ("2019年2月29日,县总工会召开了全委会议。", "NM008", "2019年2月29日"),
    ("6月31日前完成职工书屋建设。", "NM008", "6月31日"),
    # NM009
    ("2016年工会工作总结\n\n在庆祝建党100周年之际,开展系列活动。", "NM009", "2016"),
    ("2012年,全县职工深入学习贯彻党的十八届三中全会精神。", "NM009", "十八届三中全会"),
    ("2010年工作要点\n\n今年是“十二五”规划的开局之年。", "NM009", "2010"),
    # NM010
    ("上半年工作总结\n第1页共5页\n正文。\n第2页共5页\n", "NM010", "第1页共5页"),
]


@pytest.mark.parametrize("text,code,expected", FLAGGED, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(FLAGGED)])
def test_flagged(text, code, expected):
    assert flagged(text, code) == [expected]


QUIET = [
    # approximations, partial lists, overlapping categories, placeholders
    "全年共走访慰问困难职工300余户,其中特困职工200多户,低保户150户。",
    "全县共有职工8万余名,其中女职工3万多名,农民工5万余名。",
    "共帮扶困难职工520户,其中劳模15户,单亲女职工40户等。",
    "新发展会员1029名,其中农民工会员523名,非公企业会员600名。",
    "全县共有工会会员15000人,其中女会员XX人,农民工会员8000人,其余7000人。",
    "共组织培训12期,其中技能培训8期,法律培训3期。",
    # percentages that cannot be checked or that growth can exceed
    "工业总产值同比增长120%,完成全年任务的105%,环比增长8.5%。",
    "已完成全年任务的百分之八十以上,参保率在95%左右。",
    "全镇12个村中的10个村建立了文化活动室,覆盖率达到80%以上。",
    # ranges in order, durations, next-year ranges, lunar dates
    "2018-2020年三年行动计划;施工期为2019年11月20日至2月10日;历时13个月;农历二月三十举行庙会。",
    "从2008年8月15日至2008年12月31日,分三个阶段进行。",
    # ordinals and enumerations that are fine
    "在全市第三届职工运动会上获得团体第二名、个人第一名。第一时间赶到现场。",
    "一是统一思想。二是明确责任。一是建立台账。二是定期通报。",
    "首先,统一思想;二是明确责任;三是强化考核。",
    "十一是国庆节,五一是劳动节。统一是前提,唯一是标准。",
    # headings that restart under a new parent or in a new piece
    "一、工作回顾\n1、组织建设\n2、制度建设\n二、工作计划\n1、加强学习\n2、强化考核\n",
    "一、指导思想\n二、工作目标\n县总工会半年工作总结\n一、主要工作\n二、存在问题\n",
    # years
    "2019年工作总结\n\n新中国成立70年来,我们取得了辉煌成就。回顾建党90周年以来的历程。",
    "2008年工作总结\n\n认真学习贯彻党的十七大精神,深入学习十一届三中全会以来的理论成果。",
    "2017年工作总结\n\n以优异成绩迎接党的十九大胜利召开。",
    # counts with two numbers, glosses, quoted counts
    "开展“三管六不”(既管好自己的嘴,不说粗话;管好自己的手,不乱扔杂物)活动;积极开展“四送一助”(即送信息、送政策、送技能、送岗位,助创业)活动。",
    "不断增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
    "创建省级文明单位三年(2006-2008)规划。",
]


@pytest.mark.parametrize("text", QUIET, ids=range(len(QUIET)))
def test_quiet(text):
    assert flagged(text, "NM") == []


# ----- odd input ------------------------------------------------------------------------------

ODD = [
    "",
    "\n\n\n",
    "。。。，，，、、、；；；",
    "其中",
    "其中。",
    "共其中1家其中2家其中",
    "一是" * 500,
    "（一）\n" * 300,
    "第1页共0页",
    "2月99日 99月 0月0日",
    "共3家\ue000其中\ue000家,其余\ue0002家",
    "六个结合，即" + "、" * 50,
    "😀其中😀共5家，其中😀3家，其余😀2家。📄第1页共1页",
    "x" * 200_000,
    ("共" + "1" * 400 + "家，其中" + "9" * 400 + "家。"),
    "2024—1900—2011年" * 50,
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_input_never_crashes(text):
    lint(text, "NM")


def test_masked_markdown_code_is_ignored():
    text = "# 报告\n\n```\n共5家，其中3家，其余4家。\n2024—2011年\n```\n"
    assert flagged(text, "NM", path="doc.md") == []


def test_traditional_script():
    text = "區總工會2008年工作總結\n\n在建黨83週年之際，組織黨員觀看專題片。\n一是學習。二是考核。二是總結。"
    codes = sorted(f.code for f in lint(text, "NM"))
    assert codes == ["NM005", "NM009"]


# ----- helpers and data -----------------------------------------------------------------------


def test_numerals():
    from wenlint.rules.number._numerals import cn_to_int, cn_to_number, percent_value, quantity, small_cn

    assert small_cn("十六") == 16 and small_cn("八十三") == 83 and small_cn("十") == 10
    assert small_cn("两千三百") is None
    assert cn_to_int("二〇〇八") == 2008
    assert cn_to_int("两千三百") == 2300
    assert cn_to_number("1.5万") == 15000
    assert cn_to_int("一百二十") == 120
    assert cn_to_int("abc") is None
    q = quantity("31.9", "万")
    assert q.value == 319000 and q.tolerance == 500
    assert percent_value("百分之八十") == (80, 0)
    assert percent_value("72.5%")[1] == 1


def _to_cn(n: int) -> str:
    """The standard written form of n (the test's own oracle): 12345 -> 一万二千三百四十五."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(k: int, leading: bool) -> str:
        out, zero = "", False
        for unit, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d:
                if zero or (not leading and not out and unit < 1000):
                    out += "零"
                out += ("" if (d == 1 and unit == 10 and leading and not out) else digits[d]) + word
                zero = False
            elif out:
                zero = True
        return out

    parts, first = [], True
    for value, word in ((10**8, "亿"), (10**4, "万"), (1, "")):
        k = n // value % (10**4 if value < 10**8 else 10**8)
        if k:
            text = _to_cn(k) if k >= 10**4 else section(k, first)
            if not first and k < 1000 and not parts[-1].endswith("零"):
                text = "零" + text.lstrip("零")
            parts.append(text + word)
            first = False
        elif parts and not parts[-1].endswith("零") and n % value:
            parts.append("零")
    return "".join(parts).rstrip("零") or "零"


@pytest.mark.parametrize("text,value", [
    ("十六", 16), ("八十三", 83), ("两千三百", 2300), ("一百零五", 105), ("一千零五", 1005),
    ("三千五", 3500), ("两万三", 23000), ("三亿五千万", 350_000_000), ("一万二千三百四十五", 12345),
    ("十一亿", 1_100_000_000), ("二〇〇八", 2008), ("一九九七", 1997), ("零点五", 0.5),
    ("1.5万", 15000), ("3千", 3000), ("2.38万亿", 2_380_000_000_000),
])
def test_numeral_known_values(text, value):
    from wenlint.rules.number._numerals import parse_cn

    assert parse_cn(text) == value


@pytest.mark.parametrize("text", ["万", "百", "十十", "二三", "一百十", "abc", "千百", "五万万", ""])
def test_numeral_rejects_what_is_not_one_numeral(text):
    from wenlint.rules.number._numerals import parse_cn

    assert parse_cn(text) is None


def test_numeral_oracle_examples():
    assert _to_cn(12345) == "一万二千三百四十五" and _to_cn(10) == "十" and _to_cn(105) == "一百零五"
    assert _to_cn(100_000_000) == "一亿" and _to_cn(50300) == "五万零三百" and _to_cn(1_0005) == "一万零五"


from hypothesis import given, strategies as st  # noqa: E402


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_numeral_round_trip(n):
    from wenlint.rules.number._numerals import parse_cn

    assert parse_cn(_to_cn(n)) == n


def test_percent_in_words():
    from wenlint.rules.number._numerals import percent_value

    assert percent_value("百分之三十") == (30, 0) and percent_value("百分之一百一十") == (110, 0)


def test_event_data_is_consistent():
    from wenlint.rules.number._common import events

    data = events()
    congresses = data["congresses"]
    years = [congresses[k] for k in sorted(congresses, key=lambda k: congresses[k])]
    assert years == sorted(years) and congresses["十九"] == 2017 and congresses["二十"] == 2022
    for term, plenums in data["plenums"].items():
        assert plenums == sorted(plenums), term
        assert plenums[0] == congresses[term], term  # the first plenum follows the congress
    assert data["plenums"]["十六"][4] == 2005 and data["plenums"]["十九"][3] == 2019
    for name, (start, end) in data["plans"].items():
        assert end - start == 4, name
    assert data["plans"]["十一五"] == [2006, 2010]
    assert data["anniversaries"]["建党"] + 83 == 2004
    assert data["anniversaries"]["建国"] + 70 == 2019
    assert data["anniversaries"]["国际劳动节"] + 120 == 2006
    for word in ("bounded_rates", "remainder_labels", "complementary_pairs"):
        assert data["words"][word]


def test_lists_before_a_count_are_opt_in():
    """A、B、C三项: the items before a count are counted only when the option asks for it."""
    from wenlint.config import Settings

    text = "加强机关作风、廉政建设、效能建设、制度建设两个方面的工作。"
    assert flagged(text, "NM004") == []
    settings = Settings(select=["NM004"])
    settings.options = {"number": {"count-lists-before": True}}
    assert [f.text for f in lint(text, settings=settings)] == ["两个方面"]


def test_a_part_written_as_zero_with_a_multiplier_does_not_break_the_sum():
    """`000万元` (a figure lost in copying) beside `87.95万元`: the sum is still written with the
    shared multiplier, taken from the part that has a figure (0/0 is no multiplier), and NM001
    runs on (it used to fail on the division); a part that does not add up is still found."""
    from wenlint.config import Settings
    from wenlint.engine.runner import Linter
    from wenlint.rules.number.totals import arithmetic, breakdowns

    text = ("上半年，帮扶中心共筹措解困资金247.17万元，其中在职干部职工捐款000万元，财政投入87.95万元。\n"
            "全县共有会员500人，其中男会员0万人，女会员0万人。\n")
    doc = Document(text)
    sums = [arithmetic(g.parts)[0] for g in breakdowns(doc) if len(g.parts) >= 2]
    assert "000万+87.95万=87.95万" in sums
    assert "0万+0万=0万" in sums
    problems: list[str] = []
    Linter(Settings(select=["NM001"])).run_rules(doc, problems)
    assert problems == []
