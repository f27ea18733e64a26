"""The structure pass (wenlint.analyses.outline): lines and their classes, the strict and the
loose reading of a numbered line start, and paragraphs in both layouts."""

from __future__ import annotations

import pytest

from wenlint.analyses import tracking
from wenlint.analyses.outline import (
    BLANK, HEADING, ITEM, MASKED, PAGE, PROSE, TABLE, small_numeral, structure,
)
from wenlint.documents import Document


def line_of(text: str, index: int = 0, fmt: str = "text"):
    return structure(Document(text, format=fmt)).lines[index]


@pytest.mark.parametrize("line, scheme, number, token, level", [
    ("一、加强组织领导", "cd", 1, "一、", 3),
    ("十二、其他事项", "cd", 12, "十二、", 3),
    ("（三）完善制度", "cp", 3, "（三）", 4),
    ("(三)完善制度", "cp", 3, "(三)", 4),
    ("1.细化责任分工", "dd", 1, "1.", 5),
    ("12、抓好安全生产", "dd", 12, "12、", 5),
    ("（2）开展专项检查", "dp", 2, "（2）", 6),
    ("　　2．强化考核", "dd", 2, "2．", 5),
    ("第一章　总则", "chapter", 1, "第一章", 1),
    ("第十二条 本办法自发布之日起施行。", "article", 12, "第十二条", 7),
    ("第3节 资金管理", "section", 3, "第3节", 2),
])
def test_headings_of_each_scheme(line, scheme, number, token, level):
    doc = Document(line)
    h = structure(doc).lines[0].heading
    assert (h.scheme, h.number, doc.text[h.start:h.end].strip(), h.level) == (scheme, number, token, level)
    assert not h.continues


def test_a_short_numbered_line_is_a_heading_a_long_one_a_numbered_paragraph():
    assert line_of("一、加强组织领导").kind == HEADING
    long = "1.加强组织领导。成立了以主要负责同志为组长的工作领导小组，定期研究部署各项工作任务。"
    assert line_of(long).kind == ITEM
    assert line_of(long).heading.number == 1


@pytest.mark.parametrize("line", [
    "5.万吨钢材已经全部运抵现场。",  # an amount
    "12.月底前全部完成。",  # a date
    "3.5亿元用于基础设施建设。",  # a decimal
    "十、百、千、万工程稳步推进。",  # numerals as words
    "一、二、三产业协调发展。",
    "第一条路修通了。",  # a phrase, not an article
    "2023年全市经济运行平稳。",
])
def test_numbers_that_start_a_sentence_are_not_headings(line):
    assert line_of(line).heading is None
    assert line_of(line).kind == PROSE


def test_the_loose_reading_keeps_what_the_strict_one_rejects():
    # `5.万吨` starts like an enumerated line (it may not run on into the line before) but its
    # number is not a heading's.
    line = line_of("5.万吨钢材已经全部运抵现场。")
    assert line.enumerated and line.heading is None


def test_a_line_that_continues_an_open_sentence_is_not_a_heading():
    doc = Document("这次会议强调，要做好“\n十、百、千”工程的组织实施。\n上级要求，\n2、加强领导")
    lines = structure(doc).lines
    assert lines[3].heading is not None and lines[3].heading.continues
    assert lines[3].kind == PROSE
    assert [line.index for line in structure(doc).headings()] == []


@pytest.mark.parametrize("line", ["一是加强学习", "首先，统一思想", "①建立台账", "• 完善制度", "第一，抓好落实", "* 完善制度"])
def test_list_items(line):
    got = line_of(line)
    assert got.kind == ITEM and got.enumerated and got.heading is None


def test_markdown_headings_and_items():
    doc = Document("# 工作总结\n\n- 第一项工作\n1. 第二项工作\n\n正文一段。\n", format="markdown")
    lines = structure(doc).lines
    assert lines[0].kind == HEADING and lines[0].heading.scheme == "markdown" and lines[0].heading.level == 1
    assert [lines[2].kind, lines[3].kind, lines[5].kind] == [ITEM, ITEM, PROSE]


def test_table_rows_page_markers_blank_and_masked_lines():
    text = "说明如下。\n| 项目 | 收入 |\n|---|---|\n| 甲 | 10 |\n\n第2页共10页\n- 3 -\n"
    lines = structure(Document(text, format="markdown")).lines
    # (the |---| row is blanked out of `doc.text`: a masked line, its row is in tables.blocks)
    assert [line.kind for line in lines] == [PROSE, TABLE, MASKED, TABLE, BLANK, PAGE, PAGE, BLANK]
    tsv = structure(Document("名称\t数量\n甲\t3\n")).lines
    assert [line.kind for line in tsv[:2]] == [TABLE, TABLE]
    code = structure(Document("正文。\n```\nx = 1\n```\n", format="markdown")).lines
    assert MASKED in [line.kind for line in code]


def test_line_spans_leave_out_blanks_at_either_end():
    doc = Document("标题\n\u3000\u3000正文第一段。 \n")
    line = structure(doc).lines[1]
    assert (doc.text[line.start:line.end], doc.text[line.first:line.last]) == ("\u3000\u3000正文第一段。 ", "正文第一段。")
    assert line.content == "正文第一段。"


def test_paragraphs_one_per_line():
    doc = Document("一、总体要求\n全年完成各项任务。\n\n第1页共2页\n继续推进改革。\n")
    s = structure(doc)
    assert not s.blocks
    assert s.paragraphs == [(0, 0), (1, 1), (4, 4)]


WRAPPED = (
    "今年以来，在县委县政府的正确领导下，我局认真贯彻落实上级\n"
    "各项决策部署，紧紧围绕年初确定的目标任务，扎实推进各项工作\n"
    "取得了明显成效。现将有关情况报告如下。\n"
    "\n"
    "一、主要工作\n"
    "全年共组织开展专项检查十二次，发现并整改各类问题三十余个，\n"
    "有效防范了重大风险的发生，为全县经济社会发展营造了良好的\n"
    "环境，得到了上级部门和社会各界的充分肯定和广泛好评，受到\n"
    "表彰。\n"
)


def test_paragraphs_in_hard_wrapped_text_are_blocks():
    s = structure(Document(WRAPPED))
    assert s.blocks
    assert s.paragraphs == [(0, 2), (4, 4), (5, 8)]


def test_markdown_paragraphs_are_blocks():
    s = structure(Document("第一行\n接着一行。\n\n另一段。\n", format="markdown"))
    assert s.blocks and s.paragraphs == [(0, 1), (3, 3)]


@pytest.mark.parametrize("raw, value", [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99), ("12", 12), ("０３", 3),
    ("三三", None), ("十十", None), ("两十", None),
])
def test_small_numerals(raw, value):
    assert small_numeral(raw) == value


def test_the_families_read_it_as_declared():
    from wenlint.rules.number._common import outline
    from wenlint.rules.structure._layout import layout
    from wenlint.rules.structure._layout import option  # noqa: F401 - the family's options

    class Ctx:
        options: dict = {}

        class settings:  # noqa: N801
            options: dict = {}

    doc = Document("一、加强领导\n全年完成任务。\n")
    with tracking() as reads:
        outline(doc)
        layout(doc, Ctx())
    assert not reads.undeclared
    assert structure.peek(doc) is not None


def test_the_loose_reading_is_the_structure_familys():
    # The structure family still compiles its own copy while its break rules change (issue 14);
    # the two must not drift apart.
    from wenlint.analyses import outline as shared
    from wenlint.rules.structure import _layout

    assert _layout.ENUMERATOR.pattern == shared.ENUMERATOR.pattern
    assert _layout.ENUMERATOR_STARTS == shared.ENUMERATOR_STARTS
