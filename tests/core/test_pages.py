"""One page-marker pattern for every family (wenlint.analyses.pages): 页 and 頁 alike."""

from __future__ import annotations

import pytest

from wenlint.analyses.pages import is_page_line, page_markers
from wenlint.documents import Document
from wenlint.rules.base import Spec
from wenlint.rules.registry import load_registry
from wenlint.testing import run_spec

RULES = load_registry(plugins=False)


def flags(code: str, text: str) -> list[str]:
    return run_spec(RULES.get(code), Spec(text)).flags


@pytest.mark.parametrize("line", ["第2页共10页", "第 2 頁，共 10 頁", "  第2頁/共10頁 ", "- 2 -", "— 3 —", "2/10页", "３/１０頁"])
def test_page_lines(line):
    assert is_page_line(line)


@pytest.mark.parametrize("line", ["详见第2页表格", "第2頁", "共10頁", "2-3", "第2页共10页拿出一定的精力", "第12345页共12345页"])
def test_not_page_lines(line):
    assert not is_page_line(line)


def test_page_markers_in_either_script():
    doc = Document("甲。\n第1頁共3頁\n乙。第2页，共3页丙。\n详见第3页。")
    assert [(m.page, m.total, doc.text[m.start:m.end]) for m in page_markers(doc)] == [
        (1, 3, "第1頁共3頁"), (2, 3, "第2页，共3页"),
    ]


TRADITIONAL = "在增強緊迫感和責任感的同時，也找到了完成組建任務的空間和契機。為此我們\n{}\n\n拿出一定的精力對此傾斜，安排調查組進行調查。\n"


def test_a_traditional_page_marker_breaks_a_sentence_like_a_simplified_one():
    assert flags("ST007", TRADITIONAL.format("第2頁共10頁")) == flags("ST007", TRADITIONAL.format("第2页共10页")) == ["為此我們"]


def test_the_families_agree_on_traditional_markers():
    assert flags("CH011", "正文。\n第2頁共10頁\n正文。") == ["第2頁共10頁"]
    assert flags("CH012", "為此我們第2頁共10頁拿出一定的精力") == ["第2頁共10頁"]
    assert flags("NM010", "甲。\n第1頁共3頁\n乙。\n第2頁共3頁\n") == ["第1頁共3頁"]
    # near misses: a reference to a page, not a marker
    assert flags("CH012", "詳見第2頁的統計表，共10項指標") == []
    assert flags("NM010", "詳見第2頁的統計表。") == []
