"""PH001 year-placeholder and PH002 deleted-year."""

from __future__ import annotations

from ..base import Spec
from ._rule import ScanRule


class YearPlaceholder(ScanRule):
    code = "PH001"
    name = "year-placeholder"
    summary = "年份占位符未填写（XX年、20XX年、200*年、二〇XX年、××年度）"
    why = (
        "报告模板把年份写成 XX年、20XX年 或 200*年，留给写作者填写。没有填就交出去，说明文字是从模板"
        "抄来的、没有写完，读者也不知道报告说的是哪一年。"
        "年初、年底、年度等以「年」开头的词，以及 XXL号、Xbox、X光机 里的 X，都不报告。"
    )
    bad = "XX年精神文明创建工作总结"
    good = "2019年精神文明创建工作总结"
    fix_doc = "把占位符换成实际年份（如 2019年）。没有自动修复。"
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
    summary = "行首（或书名号里）的「年」前缺了年份：年份被删掉了"
    why = (
        "模板里的年份被删掉而没有换成实际年份时，标题或句子就以一个孤零零的「年」开头"
        "（「年是“十一五”规划的开局之年」「年社区文明创建工作总结」）。"
        "以「年」开头的正常词语（年初、年底、年度、年内、年终、年轻、年来、年代……）不报告，"
        "上一行末尾断开的数字（2019⏎年）也不报告。"
    )
    bad = "年是“十一五”规划的开局之年，省总宣教部积极主动地推进各项工作"
    good = "2006年是“十一五”规划的开局之年，省总宣教部积极主动地推进各项工作"
    fix_doc = "在「年」前补回年份（2006年是…）。没有自动修复。"
    options = {"bare-year-words": [], "ignore-words": []}
    specs = (
        Spec("工会宣教部上半年工作总结\n\n年是“十一五”规划的开局之年", ("年",)),
        Spec("推荐阅读:\n年社区文明创建工作总结10-11\n年社区文明创建工作计划范文06-10", ("年", "年")),
        Spec("我们制定了《年全县工会组织工作要点》", ("年",)),
        Spec("年初领导班子成员都进行了工作分工\n年底前完成\n年度目标已经落实\n年轻干部\n年终考核"),
        Spec("年内完成验收。\n年来，我们坚持学习。\n年代久远的档案"),
        Spec("全县职工连续奋斗了二十多\n年的成果", note="a number broken off at the line end"),
        Spec("截至2019\n年，全县共有会员8万余名"),
        Spec("年\n", note="a bare 年 alone is not a sentence"),
        Spec("年馑之后", ("年",)),
        Spec("年馑之后", (), options={"bare-year-words": ["馑"]}),
    )
