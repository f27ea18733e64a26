"""The number rules on real documents (../shared/corpus): the false alarms issue 14 lists stay
quiet, the labelled defects are found. Skipped when the corpus is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not available")


def _findings(relative: str, select: str = "NM"):
    import wenlint

    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not in the corpus")
    return [(f.code, f.line, f.text) for f in wenlint.lint_paths([str(path)], select=[select])]


@pytest.mark.parametrize("relative,select", [
    ("clean/simplified/0283.md", "NM006"),  # 5.5月份… after 4. : heading 5 followed by a digit
    ("clean/simplified/0002.txt", "NM006"),  # 名词解释 glossary, 3．10种有色金属
    ("clean/simplified/0038.txt", "NM006"),  # a box (专栏) numbered 1-10 inside a list that resumes at 16
    ("clean/simplified/0040.txt", "NM006"),  # lines broken off before the headings 3. and 4.
    ("clean/simplified/0071.txt", "NM006"),  # numbered notes and examples (注：/示例：)
    ("markdown/0037.md", "NM006"),  # a Markdown ordered list written 1. 1. 1.
    ("markdown/0001.md", "NM006"),  # （1） under each ## heading
    ("clean/simplified/0006.txt", "NM004"),  # “四下基层”：a definition, 十二项举措 in a title
    ("clean/simplified/0012.txt", "NM004"),  # “四网融合”：…和…
    ("clean/simplified/0204.md", "NM004"),  # 二十大召开在即
    ("clean/simplified/0437.txt", "NM004"),  # 四个社会阶级（…和…）
    ("clean/simplified/0001.txt", "NM009"),  # a 2025 report on 新中国成立75周年 (2024)
    ("clean/simplified/0422.txt", "NM009"),  # 到2021年…和2049年…: target years
    ("clean/simplified/0012.txt", "NM001"),  # 每千人6.5批次: a rate is no total
    ("clean/simplified/0232.md", "NM001"),  # 顺差 = 出口 − 进口
    ("clean/simplified/0251.md", "NM001"),  # 日均 against one day
    ("clean/simplified/0390.txt", "NM001"),  # 1,370,536,875人 read whole
    ("clean/simplified/0434.txt", "NM002"),  # shares of 常住人口 in a nested breakdown
    ("clean/simplified/0327.md", "NM005"),  # 第二、三卷
    ("clean/traditional/0015.txt", "NM005"),  # 第二、第三、第五、第六各款
])
def test_false_alarms_on_correct_documents_stay_quiet(relative, select):
    assert _findings(relative, select) == []


@pytest.mark.parametrize("relative,expected", [
    ("dev/docs/d025.md", {("NM012", 30, "-784.30"), ("NM012", 35, "2125.00"), ("NM012", 37, "1172.00")}),
    ("dev/docs/d031.txt", {("NM001", 6, "71831.04公顷"), ("NM001", 7, "81934.00公顷"), ("NM001", 9, "18169194立方米"),
                             ("NM001", 10, "10306637立方米")}),
    ("dev/docs/d032.txt", {("NM001", 3, "1462.7公里"), ("NM001", 6, "150.1公里")}),
    ("dev/docs/d035.txt", {("NM013", 12, "73760公顷")}),
    ("dev/docs/d020.md", {("NM011", 71, "2020 年 4 月 2 日（周三")}),
    ("dev/docs/w028.txt", {("NM005", 1, "方式一")}),
])
def test_labelled_defects_are_found(relative, expected):
    assert set(_findings(relative)) == expected
