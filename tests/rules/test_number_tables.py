"""NM011 (weekday) and NM012 (table arithmetic): true positives and real-looking near-misses."""

from __future__ import annotations

from tests.conftest import flagged

LEDGER = (
    "| 时间段 | 总收入 | 总支出 | 净收入 | 期末结余 |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| 2017.5-2018.4 | 12042.00 | -10517.6 | 1524.4 | 5103.62 |\n"
    "| 2016.5-2017.5 | 2526.00 | -4761.18 | -2235.18 | 3579.22 |\n"
    "| 2015.5-2016.5 | 5150.00 | 2181.30 | 2968.70 | 5814.40 |\n"
    "| 2014.5-2015.4 | 4750.00 | -5534.00 | -784.30 | 2845.70 |\n"
    "| 2013.10-2014.5 | 遗失 | | | |\n"
    "| 2013 年下半年 | 2050.00 | 1647.00 | +403 | 1724.30 |\n"
    "| 2013 年上半年 | 2000.00 | 1628.50 | +371.5 | 1321.30 |\n"
    "| 2012 年下半年 | 3785.00 | 4960.20 | -1175.20 | 949.80 |\n"
    "| 2012 年上半年 | 1600.00 | 1419.00 | +181.00 | 2125.00 |\n"
    "| 2011 年下半年 | 5057.00 | 5018.80 | +38.20 | 1210.20 |\n"
    "| 2011 年上半年 | 1369.00 | 877.50 | +491.50 | 1172.00 |\n"
    "| 2010 年下半年 | 303.30 | 735.60 | -432.30 | 677.50 |\n"
)


def _md(text, code):
    return flagged(text, code, path="doc.md")


def test_ledger_rows_that_break_the_tables_own_arithmetic():
    # -784.30 is not 4750 − 5534; 2125.00 and 1172.00 do not continue the running balance
    assert _md(LEDGER, "NM012") == ["-784.30", "2125.00", "1172.00"]


def test_ledger_with_expenses_written_negative_in_some_rows_is_quiet():
    consistent = LEDGER.replace("-784.30", "-784.00").split("| 2012 年上半年")[0]
    assert _md(consistent, "NM012") == []


def test_small_tables_and_rate_columns_are_quiet():
    text = "| 指标 | 2022 | 2023 | 增长 |\n| --- | --- | --- | --- |\n| 收入 | 100 | 120 | 20 |\n| 支出 | 80 | 90 | 10 |\n"
    assert _md(text, "NM012") == []
    rates = "地区\t人口\t面积\t密度\n甲\t100\t10\t10\n乙\t200\t20\t10\n丙\t300\t30\t10\n合计\t600\t60\t30\n"
    assert flagged(rates, "NM012") == []


def test_total_row():
    text = "项目\t金额\n工资\t1,200.00\n奖金\t300.50\n福利\t99.50\n合计\t1,700.00\n"
    assert flagged(text, "NM012") == ["1,700.00"]
    assert flagged(text.replace("1,700.00", "1,600.00"), "NM012") == []


def test_weekday():
    assert flagged("截至2020 年 4 月 2 日（周三），共确诊病例。", "NM011") == ["2020 年 4 月 2 日（周三"]
    assert flagged("截至2020 年 4 月 2 日（周四），共确诊病例。", "NM011") == []
    assert flagged("定于2024年10月1日星期二举行升旗仪式。", "NM011") == []
    assert flagged("定于2024年10月1日星期三举行升旗仪式。", "NM011") == ["2024年10月1日星期三"]
    assert flagged("农历2024年正月初一（星期六）。2024年2月10日（星期六）是春节。", "NM011") == []


def test_unit_conflict():
    text = ("一、基本情况\n凉水河子镇幅员面积569.08平方公里，耕地面积73760亩，其中水田7477.5亩。\n"
            "4.农业资源\n全镇耕地面积73760公顷，主要粮食作物有玉米、水稻、大豆。\n")
    assert flagged(text, "NM013") == ["73760公顷"]
    assert flagged(text.replace("73760公顷", "4917公顷"), "NM013") == []
    # the same figure for different things, or in different measures: quiet
    assert flagged("水田面积2500亩，稻谷产量2500吨；林场面积2500公顷。", "NM013") == []
