"""Markdown syntax is masked at the exact source ranges the CommonMark parser reports
(documents/masking.py), also where the source has multi-byte characters before it and where
finding the syntax again in the text would go wrong."""

from __future__ import annotations

import pytest

from wenlint.documents.masking import markdown_spans


def masked(source: str) -> list[str]:
    return [source[a:b] for a, b in sorted(markdown_spans(source))]


@pytest.mark.parametrize(
    "source, pieces",
    [
        ("中文**加粗**和`代码`，[链接](http://a.cn)。\n", ["**", "**", "`代码`", "[", "](http://a.cn)"]),
        # a destination in angle brackets may hold a parenthesis
        ("见[规定](<a)b.md>)。\n", ["[", "](<a)b.md>)"]),
        # `(不是链接)` after a shortcut reference is text: only the `]` is syntax
        ("见[规定](不是 链接)。\n\n[规定]: /url\n", ["[", "]", "[规定]: /url"]),
        # an escaped bracket inside the link text is text
        ("见[第\\]条][a]。\n\n[a]: /x\n", ["[", "][a]", "[a]: /x"]),
        ("见[规定][]。\n\n[规定]: /url\n", ["[", "][]", "[规定]: /url"]),
        # an image inside a link: both keep their text; the image's alt text is not walked
        ("[![图*一*](a.png)](http://b.cn)\n", ["[", "![", "](a.png)", "](http://b.cn)"]),
        ("&#42;不是强调&#42; *强调*\n", ["*", "*"]),
        ("访问<https://a.cn/中文>。\n", ["<https://a.cn/中文>"]),
        # an indented code block runs over blank lines
        ("    代码一\n\n    代码二\n\n正文。\n", ["    代码一\n\n    代码二"]),
        # a single tilde strikes nothing through
        ("3~5天，~~删除~~\n", ["~~", "~~"]),
        ("| 项目 | 金额 |\n|---|---|\n| 工资 | **100** |\n",
         ["|", "|", "|", "|---|---|", "|", "|", "**", "**", "|"]),
        # a reference definition inside a block quote is not a line of its own
        ("> [a]: /x\n\n[b]: /y\n", ["[b]: /y"]),
    ],
)
def test_exact_ranges(source, pieces):
    assert masked(source) == pieces
