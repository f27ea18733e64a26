"""The chrome line model (CH026, CH013, CH014), CH016 prompts and the genre of a document: real-looking
pages are cleaned, edited documents with links, download addresses, source lines, recurring headings
and statute article titles stay quiet."""

from __future__ import annotations

import wenlint
from wenlint.rules.chrome.lines import score, title_like

PAGE = """海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网
首页|新闻|图片|评论|共青团|娱乐|时尚|财经|军事
首页 >> 教育资讯 >> 教育新闻 >> 正文
海外留学生看两会：出国前后关注点大不同
发稿时间：2017-03-10 08:42:00
来源：人民日报海外版
在采访中，我们了解到不少学子在出国前就每年守在电视机前收看两会，出国以后更加关注国家的发展。
出国前后关注点大不同
在法国里昂国立应用科学院留学的卢宇表示，他还记得出国前政治考试会考两会的内容。
责任编辑：崔宁宁
返回首页>>
49990名大学生获2015—2016国家奖学金
国家开放大学2016年度十大新闻权威发布
收藏文章
登录
我的社区
关于我们｜联系我们｜广告服务｜人才招聘｜网站地图
"""


def _lint(text: str, name: str = "page.txt") -> list:
    return [f for f in wenlint.lint_text(text, path=name) if f.category == "chrome"]


def test_a_captured_page_loses_its_furniture_but_not_its_text():
    found = {f.text: f.code for f in _lint(PAGE)}
    assert "_教育频道_中国青年网" in found and found["_教育频道_中国青年网"] == "CH013"
    for line in ("首页|新闻|图片|评论|共青团|娱乐|时尚|财经|军事", "49990名大学生获2015—2016国家奖学金",
                 "国家开放大学2016年度十大新闻权威发布", "收藏文章", "登录", "我的社区"):
        assert line in found, line
    assert found.get("来源：人民日报海外版") == "CH014"
    # the title repeated above the text, the text and its heading stay
    for line in ("海外留学生看两会：出国前后关注点大不同", "出国前后关注点大不同"):
        assert line not in found
    assert not any("卢宇" in t or "学子" in t for t in found)


def test_links_in_a_project_report_and_a_download_address_stay_quiet():
    report = (
        "开源社年度报告\n一、年度活动\n本年度共举办线上线下活动32场，视频全部上线。\n"
        "https://kaiyuanshe.cn/activity/summit/coscon-2020/\nhttps://space.bilibili.com/525037536\n"
        "二、软件发布\n新版本已发布，下载地址：\nhttps://example.org/releases/tool-2.1.0.zip\n"
        "来源：开源社理事会\n三、明年计划\n继续办好年会。\n"
    )
    assert _lint(report, "report.txt") == []
    assert _lint(report.replace("\n", "\n\n"), "report.md") == []


def test_recurring_section_headings_of_a_programme_stay_quiet_in_one_document():
    transcript = (
        "# 新闻联播 2023年5月1日\n\n## 国内联播快讯\n\n今天，各地积极推进春耕生产。\n\n"
        "## 国际联播快讯\n\n联合国大会召开。\n\n## 国内联播快讯\n\n全国铁路迎来客流高峰。\n"
    )
    assert _lint(transcript, "news.md") == []


def test_markdown_headings_tables_and_captions_of_a_report_are_not_furniture():
    report = "# 开源项目年度报告\n\n" + "".join(
        f"## {n}. {t}排行榜\n\n<center> 表 {n}.1 {t}领域项目排行榜</center>\n\n"
        "| 仓库名 | 贡献者 -> 提交者 | 参与者 -> 贡献者 |\n| --- | --- | --- |\n| apache/echarts | 12 | 30 |\n\n"
        f"{t}领域的项目今年增长很快，社区活跃度明显提高。\n\n"
        for n, t in enumerate(("云原生", "大数据", "数据库", "前端", "人工智能", "操作系统", "中间件"), 1)
    )
    assert _lint(report, "report.md") == []


def test_statute_article_titles_are_not_furniture():
    law = "".join(f"第{n}条（{t}）\n本条规定{t}的具体要求，有关部门应当遵守。\n"
                  for n, t in zip("一二三四五六七八", ("立法目的", "适用范围", "主管部门", "职责分工",
                                                    "登记", "公示", "监督检查", "附则")))
    assert _lint("中华人民共和国某某管理条例\n\n第一章 总则\n" + law, "law.txt") == []


def test_prompts_inside_a_line_of_text_are_found():
    text = "北京交通广播官方微信：jtgbfm1039提供新闻线索。今天的分享就到这里。长按识别二维码，关注我们！"
    found = [f for f in _lint(text) if f.code == "CH016"]
    assert [f.text for f in found] == ["长按识别二维码，关注我们！"]
    assert found[0].fix is None


def test_line_features():
    assert score("分享到") >= 2 and score("0人参与评论") >= 2 and score("关于我们 | 联系我们 | 网站地图") >= 2
    assert score("今年以来，全县经济运行总体平稳，主要指标好于预期。") < 0
    assert score("学校:_________教师:_____________") < 0
    assert score("| 排名 | 省份 | 总人数 |", markdown=True) < 0
    assert score("> 刚刚买了一部 iPhone，好开心！", markdown=True) < 2
    assert title_like("暴风魔镜在“激进”的路上摔了一跤") and not title_like("为了规范管理，制定本法。")


CORPUS = __import__("pathlib").Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _real(*names: str) -> list:
    import pytest

    paths = [CORPUS / n for n in names]
    if not all(p.is_file() for p in paths):
        pytest.skip("no ../shared/corpus beside the repository")
    return paths


def test_real_edited_documents_have_no_chrome():
    """A provincial report with its 来源 line, statutes with article titles and promulgation dates,
    news-programme transcripts with recurring headings, an open-source report with links and a
    tutorial with blockquotes and tables: chrome stays quiet at warning."""
    paths = _real("clean/simplified/0001.txt", "clean/simplified/0153.txt", "clean/simplified/0556.md",
                  "clean/simplified/0564.md", "clean/simplified/0416.txt", "clean/simplified/0714.md",
                  "clean/simplified/0109.txt", "clean/simplified/0055.txt", "markdown/0004.md", "markdown/0045.md")
    found = [f for f in wenlint.lint_paths([str(p) for p in paths], select=["CH"]) if f.severity != "info"]
    assert [(f.path, f.line, f.code, f.text) for f in found] == []


def test_real_page_captures_lose_their_furniture():
    gold = CORPUS / "dev" / "gold-web.jsonl"
    paths = _real("dev/docs/w001.txt", "dev/docs/w007.txt", "dev/docs/w021.txt")
    import json

    labels = {(r["file"], r["line"]) for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines())
              if r["family"] == "chrome" and r["file"] in {"w001.txt", "w007.txt", "w021.txt"}}
    found = {(p.split("/")[-1], f.line) for f in wenlint.lint_paths([str(p) for p in paths], select=["CH"])
             if f.severity != "info" for p in [f.path]}
    assert len(labels & found) >= 0.9 * len(labels)
    assert len(found - labels) <= 2


# ----- the page decision and the scans behind it ------------------------------------------------

WIDGETS = "县政府工作报告\n登录\n注册\n分享\n收藏\n举报\n返回\n今年以来，全县经济运行总体平稳，主要指标好于预期。\n"


def _view(text: str, name: str = "doc.txt"):
    from wenlint.documents import Document
    from wenlint.rules.chrome.lines import page_view

    return page_view(Document(text, path=name))


def test_furniture_of_one_kind_is_no_page_and_its_lines_are_not_scored():
    """Six control words and nothing else: without a title suffix, a line of the pack or a
    navigation bar there is one kind of furniture, which no page has alone."""
    view = _view(WIDGETS)
    assert not view.page and view.scores == []


def test_a_second_kind_of_furniture_makes_the_page():
    view = _view(WIDGETS + "关于我们 | 联系我们 | 网站地图\n")
    assert view.page and len(view.scores) == len((WIDGETS + "关于我们 | 联系我们 | 网站地图\n").split("\n"))
    assert _view("县城新闻早知道_红星网\n" + WIDGETS).page  # a title with a site suffix


def test_the_pack_lines_are_those_of_every_pattern_on_every_short_line():
    """A rule the packs' prefilter rules out is not searched: the lines found are the same as with
    every pattern searched."""
    from pathlib import Path

    from wenlint.documents import load_path
    from wenlint.rules.chrome._common import _pack_flagged_short_lines, _pack_line_patterns, short_lines

    root = Path(__file__).resolve().parents[2]
    paths = sorted((root / "seeds").glob("*.txt")) + sorted((CORPUS / "web").glob("*.txt"))[:40]
    for path in paths:
        doc = load_path(path)
        view = short_lines(doc)
        every = {view.line_of(m.start()) for p in _pack_line_patterns() for m in p.finditer(view.text)}
        assert _pack_flagged_short_lines(doc) == every, path.name


def test_the_credit_pattern_matches_as_written_with_its_optional_prefix():
    import itertools
    import re

    from wenlint.rules.chrome.lines import CREDIT_PAIR

    written = re.compile(
        r"(?:内容|文章)?(?:来源|记者|通讯员|摄影|编辑|责任编辑)[:：][^:：，。！？!?\n]{1,16}?"
        r"(?:(?:文章)?来源|记者|通讯员|摄影|编辑|责任编辑)[:：][^:：，。！？!?\s]{1,12}"
    )
    found = 0
    for parts in itertools.product(
        ("", "内", "内容", "文章", "王"), ("来源", "记者", "通讯员", "摄影", "编辑", "责任编辑", "责任"), ("：", ":"),
        ("", "王", "王 ", "，王", "新华网"), ("文章来源", "来源", "编辑", "责任编辑", "记者"), ("：", ":"),
        ("", "马强", " 马强", "马强。"),
    ):
        text = "".join(parts)
        assert [m.span() for m in CREDIT_PAIR.finditer(text)] == [m.span() for m in written.finditer(text)], text
        found += CREDIT_PAIR.search(text) is not None
    assert found > 100
