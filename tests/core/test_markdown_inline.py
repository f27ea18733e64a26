"""Masking parses inline syntax only where an inline token can hold some (documents/masking.py):
the masked spans are those of a parser that parses every inline token."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT
from wenlint.documents import masking

CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = [
    "# 标题\n\n正文**加粗**和`代码`，[链接](http://a.cn)。\n普通的一段话，没有任何标记。\n",
    "| 项目 | 金额 |\n|---|---|\n| 工资 | 100 |\n| 奖金 &amp; 补贴 | 2 |\n",
    "一段话\\*不是强调\\*，&copy; 2024，<b>粗</b> ~~删除~~ ![图](a.png)\n\n[参考]: http://example.com\n",
]


def _plain_spans(text: str, monkeypatch) -> list:
    plain = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    with monkeypatch.context() as m:
        m.setattr(masking, "_parser", lambda: plain)
        return masking.markdown_spans(text)


@pytest.mark.parametrize("text", SAMPLES)
def test_the_same_spans_as_a_full_inline_parse(text, monkeypatch):
    assert masking.markdown_spans(text) == _plain_spans(text, monkeypatch)


def test_the_same_spans_on_the_markdown_of_the_corpus(monkeypatch):
    paths = sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []
    if not paths:
        pytest.skip("../shared/corpus is not there")
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert masking.markdown_spans(text) == _plain_spans(text, monkeypatch), path
