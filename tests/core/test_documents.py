"""Loading documents: encodings, Markdown masking, Word files, and input that cannot be linted."""

from __future__ import annotations

import codecs

import pytest

from wenlint.documents import MASK, Document, load_bytes, load_path
from wenlint.errors import InputError

from ..conftest import SEEDS, seed_text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("codec", ["gb18030", "gbk", "big5", "utf-8-sig", "utf-16"])
def test_seeds_decode_in_every_encoding_they_fit(prefix, codec):
    text = seed_text(prefix)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"seed {prefix} has characters {codec} cannot encode")
    doc = load_bytes(data, "seed.txt")
    assert doc.raw == text


@pytest.mark.parametrize(
    "text",
    ["县总工会精神文明工作总结", "縣總工會精神文明工作總結", "工作总结\r\n二〇二四年", "第1页共10页"],
)
@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_short_chinese_documents_are_detected(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.skip("not encodable")
    assert load_bytes(data, "short.txt").raw == text


def test_boms_are_recognised_and_kept():
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        doc = load_bytes(bom + "工作总结".encode(codec), "a.txt")
        assert (doc.raw, doc.encoding, doc.bom) == ("工作总结", codec, bom)


def test_binary_empty_and_undecodable_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="binary"):
        load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    with pytest.raises(InputError, match="empty"):
        load_bytes(b"  \n\r\n", "empty.txt")
    with pytest.raises(InputError, match="encoding"):
        load_bytes(bytes(range(0x80, 0x100)) * 3, "noise.txt")
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="not valid utf-8"):
        load_bytes(b"\xff\xfe\xfd", "x.txt", encoding="utf-8")


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("年" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="over the"):
        load_path(path, max_bytes=100)


def test_line_endings_are_normalised_but_raw_is_kept():
    doc = Document("一\r\n二\r三\n四")
    assert doc.source == "一\n二\n三\n四"
    assert doc.raw == "一\r\n二\r三\n四"
    assert doc.location(2, 5).text == "二\r三"
    assert Document("一\r\n二\r\n三\n").newline == "\r\n"


MARKDOWN = """---
title: XX年总结
---
# 标题

正文 `XX年` 代码，见[链接](http://example.com/XX年) 与 <http://x.cn>。

```text
XX年
```
<!-- 注释 XX年 -->
~~~~
XX年
~~~~
结尾XX年
"""


def test_markdown_code_front_matter_comments_and_link_targets_are_masked():
    doc = Document(MARKDOWN, format="markdown")
    assert len(doc.text) == len(doc.source)
    # The front matter's Chinese value is text (a title readers see); its key is not.
    assert doc.text.count("XX年") == 2 and doc.text.rstrip().endswith("结尾XX年")
    assert doc.lines[1] == MASK * 7 + "XX年总结"
    assert "正文" in doc.text and "链接" in doc.text
    assert doc.lines[0].strip() == "" and doc.lines[2].strip() == ""
    assert MASK in doc.lines[5]


def test_plain_text_is_not_masked_as_markdown():
    doc = Document("正文 `XX年`\n```\nXX年\n```", format="text")
    assert doc.text == doc.source


def test_docx_paragraphs_and_tables_are_lines(tmp_path):
    docx = pytest.importorskip("docx")
    word = docx.Document()
    word.add_paragraph("县总工会工作总结")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "XX年"
    table.cell(0, 1).text = "单位"
    word.add_paragraph("结尾")
    path = tmp_path / "report.docx"
    word.save(path)
    doc = load_path(path)
    assert doc.format == "docx"
    assert doc.lines == ["县总工会工作总结", "XX年", "单位", "结尾"]


def test_a_broken_docx_is_an_input_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="Word"):
        load_path(path)


def test_seed_copies_in_repository_match_shared_seeds():
    shared = SEEDS.parents[1] / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no shared seeds beside the repository")
    for path in shared.glob("*.txt"):
        assert (SEEDS / path.name).read_bytes() == path.read_bytes()
