"""The short-line view (wenlint.analyses.lines): the lines up to SHORT characters joined, mapped back."""

from __future__ import annotations

import re

from wenlint.analyses.lines import SHORT, short_lines
from wenlint.documents import Document


def test_short_lines_are_joined_and_mapped_back_to_their_lines():
    long = "长" * (SHORT + 1)
    doc = Document(f"标题\n\n{long}\n版权所有 红星网\n正文第一句。\n", path="d.txt")
    view = short_lines(doc)
    assert view.lines == [0, 3, 4]  # neither the empty line nor the long one
    assert view.text == "标题\n版权所有 红星网\n正文第一句。"
    assert view.line_of(view.text.index("红星网")) == 3
    assert view.candidate_lines(re.compile("[标版正]")) == [0, 3, 4]
    assert short_lines(doc) is view  # computed once per document
