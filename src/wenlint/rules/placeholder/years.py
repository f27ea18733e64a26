"""PH001 year-placeholder and PH002 deleted-year."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class YearPlaceholder(ScanRule):
    code = "PH001"
    name = "year-placeholder"
    summary = "年份占位符未填写（XX年、20XX年、200*年、二〇XX年、××年度）"
    why = (
        "Report templates write the year as XX年, 20XX年 or 200*年 for the writer to fill in. "
        "Left in, it shows the text was copied from a template and never finished, and the reader "
        "cannot tell which year the report is about."
    )
    bad = "XX年精神文明创建工作总结"
    good = "2019年精神文明创建工作总结"
    fix_doc = "Replace the placeholder with the real year (2019年). There is no automatic fix."
    specs = (
        Spec("XX年精神文明創建工作總結", ("XX年",)),
        Spec("在xx年要继续与时俱进", ("xx年",)),
        Spec("××年上半年创建文明单位工作总结", ("××年",)),
        Spec("关于ＸＸ年度经济技术创新示范岗的表彰", ("ＸＸ年度",)),
        Spec("XX 年上半年工作回顾", ("XX 年",)),
        Spec("xx县总工会 200*年精神文明创建工作总结", ("200*年",)),
        Spec("20XX年工作计划；200X年完成验收", ("20XX年", "200X年")),
        Spec("二〇XX年全市安全生产工作要点", ("二〇XX年",)),
        Spec("20XX—20XX学年度第一学期工作计划", ("20XX", "20XX")),
        Spec("2019年，区总工会严格按照要求开展工作。年初制定计划，年底考核。"),
        Spec("全年完成任务，XXL号服装、Xbox游戏机和X光机均已采购。"),
        Spec("XX年6月20日", ("XX年",), note="a real month and day: only the year is missing"),
    )


class DeletedYear(ScanRule):
    code = "PH002"
    name = "deleted-year"
    severity = "info"
    summary = "行首（或书名号里）的「年」前缺了年份：年份被删掉了"
    why = (
        "When a template's year is deleted instead of replaced, a title or sentence is left "
        "starting with a bare 年 (「年是“十一五”规划的开局之年」, 「年社区文明创建工作总结」). "
        "Real words that start with 年 (年初, 年底, 年度, 年内, 年终, 年轻, 年来, 年代 ...) are not "
        "reported, nor a number broken off at the end of the previous line (2019⏎年), nor a word "
        "broken by a hard line wrap (老⏎年人: the previous line ends with 老, and 老年 is a word)."
    )
    bad = "年是“十一五”规划的开局之年，省总宣教部积极主动地推进各项工作"
    good = "2006年是“十一五”规划的开局之年，省总宣教部积极主动地推进各项工作"
    fix_doc = "Put the year back in front of 年 (2006年是…). There is no automatic fix."
    options = {"bare-year-words": [], "ignore-words": []}
    specs = (
        Spec("工会宣教部上半年工作总结\n\n年是“十一五”规划的开局之年", ("年",)),
        Spec("推荐阅读:\n年社区文明创建工作总结10-11\n年社区文明创建工作计划范文06-10", ("年", "年")),
        Spec("我们制定了《年全县工会组织工作要点》", ("年",)),
        Spec("年初领导班子成员都进行了工作分工\n年底前完成\n年度目标已经落实\n年轻干部\n年终考核"),
        Spec("年内完成验收。\n年来，我们坚持学习。\n年代久远的档案"),
        Spec("全县职工连续奋斗了二十多\n年的成果", note="a number broken off at the line end"),
        Spec("截至2019\n年，全县共有会员8万余名"),
        Spec("简化长辈模式等功能的开启方式，进一步降低老\n年人便捷上网门槛", note="a hard wrap inside 老年人: 老年 is a word"),
        Spec("国家自然科学基金委资助国家杰出青\n年科学基金项目64项", note="青年 is a word"),
        Spec("开展创建“文明机关”活动的自查报告\n年社区文明创建工作总结", ("年",), note="告年 is no word: the year is gone"),
        Spec("今年养了一头牛\n年馑之后", ("年",), note="牛年 is a word, but a short line is not wrapped"),
        Spec("年\n", note="a bare 年 alone is not a sentence"),
        Spec("年馑之后", ("年",)),
        Spec("年馑之后", (), options={"bare-year-words": ["馑"]}),
    )
