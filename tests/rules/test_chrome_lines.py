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
