"""Website chrome (CH): what is flagged in the seeds and in chrome from other sites, what stays quiet.

Fixes on real files (encodings, line endings, idempotence) are in test_chrome_fix.py; the
cross-document rule CH030 in test_chrome_corpus.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import lint, seed_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chrome"

# Every chrome line and span of the seeds: (seed, line, column, code, exact text).
SEED_CHROME = [
    ("002", 1, 1, "CH001", "让写作成为一种习惯,小花文档网欢迎您!"),
    ("002", 2, 1, "CH002", "当前位置:首页\xa0>\xa0工作总结\xa0>\xa0工会工作总结"),
    ("002", 42, 1, "CH005", "标签:工会宣教部职权 宣教部工作总结 工会工作总结 昆明市 工会 昆明市工会奋战50天"),
    ("003", 1, 1, "CH002", "当前位置:阿达秘书网>工作总结 > 江苏省总工会工作总结"),
    ("003", 5, 1, "CH003", "时间:2022-07-01 19:30:04 工作总结 浏览量:"),
    ("003", 7, 1, "CH004", "下面是小编为大家整理的江苏省总工会工作总结,供大家参考。希望对大家写作有帮助!"),
    ("003", 11, 15, "CH022", "3篇"),
    ("003", 13, 1, "CH022", "【篇1】2021江苏省总工会工作总结"),
    ("003", 52, 1, "CH022", "【篇2】2021江苏省总工会工作总结"),
    ("003", 54, 9, "CH022", "4篇"),
    ("003", 279, 1, "CH022", "【篇3】2021江苏省总工会工作总结"),
    ("003", 290, 1, "CH024", "(此文内容仅供参考,可自行修改)"),
    ("003", 291, 1, "CH011", "第1页共10页"),
    ("003", 298, 1, "CH011", "第2页共10页"),
    ("003", 302, 1, "CH011", "第3页共10页"),
    ("003", 304, 1, "CH020",
     "推荐访问:江苏省 总工会 工作总结 江苏省总工会工作总结 2022江苏省总工会工作总结 2022年总工会工作总结"),
    ("003", 306, 1, "CH010",
     "版权所有:阿达秘书网 2016-2024 未经授权禁止复制或建立镜像[阿达秘书网]所有资源完全免费共享"),
    ("003", 308, 1, "CH010", "Powered by 阿达秘书网 © All Rights Reserved.。沪ICP备16028498号-18"),
    ("004", 1, 23, "CH022", "(共7篇)"),
    ("004", 35, 266, "CH023", "原创:\nhttp://"),
    ("004", 45, 51, "CH023", "原创:http://"),
    ("004", 89, 973, "CH024", "(本文权属文秘之音所有,更多文章请登陆查看)"),
    ("004", 164, 1, "CH020", "【2024—2011年创建“文明机关”工作总结】推荐阅读:"),
    ("004", 165, 1, "CH020", "国土局文明机关创建工作总结03-27"),
    ("004", 166, 1, "CH020", "创建文明和谐机关12-05"),
    ("004", 167, 1, "CH020", "镇机关文明卫生创建工作实施方案01-18"),
    ("004", 168, 1, "CH020", "开展创建“文明机关”活动的自查报告10-14"),
    ("004", 169, 1, "CH020", "年社区文明创建工作总结10-11"),
    ("004", 170, 1, "CH020", "2024年精神文明创建工作总结12-03"),
    ("004", 171, 1, "CH020", "年社区文明创建工作计划范文06-10"),
    ("004", 172, 1, "CH020", "关于2021年创建文明校园工作报告09-16"),
    ("004", 173, 1, "CH020", "县水利局机关创建省级文明单位的自查报告03-31"),
    ("004", 174, 1, "CH020", "××年上半年创建文明单位工作总结07-23"),
]
SEEDS = ("000", "001", "002", "003", "004")


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_chrome_exactly(seed):
    found = [(f.line, f.column, f.code, f.text) for f in lint(seed_text(seed), "CH")]
    expected = [(line, col, code, text) for s, line, col, code, text in SEED_CHROME if s == seed]
    assert found == expected


@pytest.mark.parametrize("seed", SEEDS)
def test_every_seed_finding_is_fixable_and_in_chinese(seed):
    for f in lint(seed_text(seed), "CH"):
        assert f.fix is not None and f.fix["safety"] == "safe", f
        assert "删除" in f.message and any("\u4e00" <= c <= "\u9fff" for c in f.message)


def test_seed_span_findings_cover_only_the_chrome():
    """Chrome inside a line of report text is a span; the rest of the line is not flagged."""
    text = seed_text("004")
    spans = {f.text: f for f in lint(text, "CH023", "CH024")}
    assert set(spans) == {"原创:\nhttp://", "原创:http://", "(本文权属文秘之音所有,更多文章请登陆查看)"}
    line89 = text.split("\n")[88]
    note = spans["(本文权属文秘之音所有,更多文章请登陆查看)"]
    assert line89[note.column - 1 : note.end_column - 1] == note.text
    assert len(line89) > 1000  # the rest of the paragraph is untouched


# ----- chrome from other sites (fixtures written in the seeds' style) ---------------------------

FIXTURE_CHROME = {
    "portal_yiwu.txt": [
        (1, "CH021"), (2, "CH021"), (3, "CH002"), (4, "CH021"), (5, "CH021"), (6, "CH021"), (7, "CH021"),
        (8, "CH021"), (29, "CH007"), (30, "CH007"), (31, "CH021"), (32, "CH021"), (33, "CH010"),
        (34, "CH021"), (35, "CH021"),
    ],
    "fanwen_chengzi.txt": [
        (1, "CH001"), (2, "CH002"), (3, "CH022"), (4, "CH003"), (5, "CH004"), (7, "CH022"), (15, "CH022"),
        (19, "CH024"), (21, "CH006"), (22, "CH006"), (24, "CH020"), (25, "CH020"), (26, "CH020"),
        (27, "CH020"), (29, "CH010"), (30, "CH010"),
    ],
    "wenku_download.txt": [
        (1, "CH009"), (2, "CH008"), (3, "CH008"), (4, "CH015"), (13, "CH015"), (18, "CH011"), (20, "CH011"),
        (25, "CH008"), (26, "CH024"), (27, "CH024"),
    ],
    "school_site.txt": [
        (1, "CH002"), (2, "CH002"), (3, "CH003"), (12, "CH021"), (13, "CH006"), (14, "CH006"),
        (15, "CH010"), (16, "CH010"),
    ],
    "clean_report.txt": [],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_CHROME))
def test_chrome_from_other_sites(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    found = [(f.line, f.code) for f in lint(text, "CH")]
    assert found == FIXTURE_CHROME[name]


def test_fixture_spans():
    text = (FIXTURES / "fanwen_chengzi.txt").read_text(encoding="utf-8")
    spans = [f.text for f in lint(text, "CH022")]
    assert spans == ["（通用10篇）", "篇一：", "篇二："]
    text = (FIXTURES / "wenku_download.txt").read_text(encoding="utf-8")
    assert [f.text for f in lint(text, "CH009")] == ["（word版本可编辑）"]


@pytest.mark.parametrize("name", sorted(FIXTURE_CHROME))
def test_a_line_is_reported_once(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    lines = Counter(f.line for f in lint(text, "CH"))
    assert all(n == 1 for n in lines.values()), lines


@pytest.mark.parametrize("seed", SEEDS)
def test_a_seed_line_is_reported_once(seed):
    lines = Counter(f.line for f in lint(seed_text(seed), "CH"))
    assert all(n == 1 for n in lines.values()), lines


# ----- near misses: body text about websites, copyright, pages, dates ----------------------------

QUIET = [
    "四是广泛开展文明上网行动，建立了工会微博和微信平台，定期发布精神文明建设工作信息。",
    "认真学习《著作权法》《工会法》，提高广大职工的法制观念。",
    "将该网站的建设作为人事劳动政策宣传的主阵地。",
    "网站建设",
    "相关数据详见报告在第3页列出的统计表。",
    "推行档案标签化管理，查阅时间大大缩短。",
    "元月17日在《安徽日报》和17个市党报同时刊发行风评议调查表。",
    "开通了由专人负责的龙湾人力资源网站，将该网站的建设作为主阵地。",
    "我们于4月25日至5月25日开展了“工人阶级和工会工作宣传月”活动。",
    "5月13日，我们与省纠风办在市政府广场联合举办了现场大型直播咨询活动。",
    "牢固树立宗旨意识，做到来源于群众、服务于群众。",
    "作者本人对报告内容的真实性负责。",
    "今后广大职工只要点击“顺昌县总工会”网站就能获得各类有价值的合理化建议。",
    '今后广大职工只要点击"顺昌县总工会"网站就能获得各类有价值的合理化建议。',
    "安徽工人日报从4月下旬开始就在一版开设了专栏，重点报道了一批先进模范人物的事迹。",
    "各地推荐了一批先进典型。",
    "下一步工作打算",
    "下一步准备向县领导汇报。",
    "凡是在上一年获得首都文明单位荣誉称号的单位可以继续申报推荐。",
    "依法保护版权所有人的合法权益，全年查处侵权盗版案件12起。",
    "版权保护工作：全年办理作品版权登记320件，copyright意识明显增强。",
    "(2011年4月18日)",
    "2009-2010创建文明机关工作总结",
    "今年机关干部平均每人记学习笔记近3万字，写体会文章4篇，理论文章1篇，调查报告1篇。",
    "你们好!欢迎你们来我乡检查指导精神文明创建工作。",
    "下面，我给大家分享三点体会，供大家参考。",
    "上半年，帮扶中心共筹措解困资金247.85万元（其中财政投入87.85万元）。",
    "产值增长率>5%，利润率>3%。",
    "一、加强组织领导，完善责任机制",
    "主办单位：县总工会\n承办单位：县体育局",
    "详细办事指南见县政府网站 http://www.example.gov.cn/bszn/ 。",
    "以上数据仅供参考，最终以统计部门公布的数据为准。",
    "组织开展“推荐阅读”活动，共推荐书目100种。",
]


@pytest.mark.parametrize("text", QUIET)
def test_quiet(text):
    assert lint(text, "CH") == []


def test_a_lone_header_is_chrome_but_a_sentence_about_it_is_not():
    assert [f.text for f in lint("热门推荐\n今年以来，我县工会工作取得新进展。", "CH")] == ["热门推荐"]
    assert [f.text for f in lint("热门推荐\n2023年工会工作计划", "CH")] == ["热门推荐", "2023年工会工作计划"]
    assert lint("热门推荐活动效果良好。", "CH") == []


def test_clean_report_in_context_is_quiet():
    text = (FIXTURES / "clean_report.txt").read_text(encoding="utf-8")
    assert lint(text, "CH") == []
    # The same report pasted between website chrome: only the chrome is flagged.
    wrapped = "当前位置：首页 > 工作总结\n" + text + "\n版权所有 © 2023 好范文网\n"
    assert [f.line for f in lint(wrapped, "CH")] == [1, len(wrapped.split("\n")) - 1]


# ----- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "。，、；：！？",
        "【】【】（）()[]",
        "第" * 5000,
        "推荐阅读:\n" + "标题03-27\n" * 200,
        "😀😀 http:// 😀 www. 原创:",
        "篇" * 300 + "\n【篇1】\n【篇1】",
        "a" * 200_000,
        "(" * 500 + "本文权属" + ")" * 500,
    ],
)
def test_odd_text_never_crashes(text):
    for f in lint(text, "CH"):
        assert f.text.strip()


def test_markdown_code_is_not_chrome():
    text = "正文。\n\n```\n版权所有 © 2023 好范文网\n当前位置：首页 > 工作总结\n```\n"
    assert lint(text, "CH", path="doc.md") == []
    inline = "页脚请写成 `版权所有 © 2023 好范文网` 的样子，网址写 `http://` 开头。"
    assert lint(inline, "CH", path="doc.md") == []
    link = "[办事指南](http://www.example.gov.cn/)见县政府网站。"
    assert lint(link, "CH", path="doc.md") == []


def test_site_list_is_long_and_extensible():
    from wenlint.config import Settings
    from wenlint.rules.chrome._common import builtin_sites

    assert len(builtin_sites()) >= 40
    assert {"小花文档网", "阿达秘书网", "文秘之音", "百度文库", "道客巴巴"} <= set(builtin_sites())
    text = "红星公文站整理发布\n正文。"
    assert lint(text, "CH025") == []
    settings = Settings(options={"chrome": {"extra-sites": ["红星公文站"]}})
    assert [f.text for f in lint(text, "CH025", settings=settings)] == ["红星公文站整理发布"]


def test_rules_are_listed_and_explained():
    from tests.conftest import run_cli

    listing = run_cli("rules").stdout.decode("utf-8")
    for code in ("CH001", "CH011", "CH020", "CH024", "CH025", "CH030"):
        assert code in listing
    explained = run_cli("explain", "CH020").stdout.decode("utf-8")
    assert "推荐阅读" in explained


def test_common_chrome_of_traditional_script_sites():
    text = (
        "當前位置：首頁 > 工作總結\n推薦閱讀：\n工會工作總結03-27\n第2頁共5頁\n"
        "（此文內容僅供參考，可自行修改）\n版權所有 © 2023 範文網\n"
    )
    assert [(f.line, f.code) for f in lint(text, "CH")] == [
        (1, "CH002"), (2, "CH020"), (3, "CH020"), (4, "CH011"), (5, "CH024"), (6, "CH010"),
    ]
