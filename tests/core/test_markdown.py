"""Markdown read by a CommonMark parser: what rules see, at exact positions."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import flagged, lint

from wenlint.documents import MASK, Document, load_path
from wenlint.documents.masking import front_matter_end, looks_like_markdown


def masked(source: str) -> list[str]:
    """The pieces of `source` that the Markdown reading hides from the rules."""
    doc = Document(source, format="markdown")
    assert len(doc.text) == len(doc.source)
    pieces, start = [], None
    for i, (a, b) in enumerate(zip(doc.source, doc.text)):
        hidden = a != b
        if hidden and start is None:
            start = i
        elif not hidden and start is not None:
            pieces.append(doc.source[start:i])
            start = None
    if start is not None:
        pieces.append(doc.source[start:])
    return [p for p in pieces if p.strip()]


def test_emphasis_markers_are_hidden_and_the_words_stay():
    doc = Document("这是**粗体**和*斜体*、~~删除~~文字。", format="markdown")
    assert doc.text == f"这是{MASK * 2}粗体{MASK * 2}和{MASK}斜体{MASK}、{MASK * 2}删除{MASK * 2}文字。"


def test_link_and_image_targets_are_hidden_and_their_text_stays():
    source = '见[通知](http://a.cn/x,y "标题")和![图一](a.png)，另见[规定][ref]。\n\n[ref]: http://b.cn/z\n'
    assert masked(source) == ["[", '](http://a.cn/x,y "标题")', "![", "](a.png)", "[", "][ref]", "[ref]:", "http://b.cn/z"]
    doc = Document(source, format="markdown")
    assert doc.lines[0].replace(MASK, "") == "见通知和图一，另见规定。"


def test_autolinks_bare_urls_inline_code_and_html_are_hidden():
    source = "访问 <https://a.cn/x> 或 https://b.cn/a:b,c。用 `a,b;c` 和 <span>标签</span>。\n"
    assert masked(source) == ["<https://a.cn/x>", "https://b.cn/a:b,c", "`a,b;c`", "<span>", "</span>"]


def test_code_blocks_are_hidden_whole():
    source = "正文。\n\n```python\nprint('XX年')\n```\n\n    缩进的代码 XX年\n\n结尾。\n"
    doc = Document(source, format="markdown")
    assert "XX年" not in doc.text and doc.text.startswith("正文。") and doc.text.rstrip().endswith("结尾。")


def test_an_unclosed_fence_does_not_swallow_the_prose_after_it():
    source = "正文。\n\n```\ncode here\n\n后面的正文要检查。\n"
    doc = Document(source, format="markdown")
    assert "code here" not in doc.text and "后面的正文要检查。" in doc.text


def test_html_blocks_hide_tags_comments_and_scripts_but_keep_their_text():
    source = '<div align="center">\n<p>中文段落</p>\n<!-- 注释 XX年 -->\n<script>var a = "XX年";</script>\n</div>\n'
    doc = Document(source, format="markdown")
    assert "中文段落" in doc.text and "XX年" not in doc.text and "<p>" not in doc.text


def test_table_syntax_is_hidden_and_cells_keep_exact_positions():
    source = "| 项目 | 数量 |\n|---|:--:|\n| **合计** | [10](x) |\n"
    doc = Document(source, format="markdown")
    assert doc.lines[1].strip() == ""
    assert doc.lines[0] == f"{MASK} 项目 {MASK} 数量 {MASK}"
    assert doc.lines[2] == f"{MASK} {MASK * 2}合计{MASK * 2} {MASK} {MASK}10{MASK * 4} {MASK}"


def test_setext_underlines_and_rules_are_hidden_atx_markers_stay():
    doc = Document("第一条 (立法依据)\n-----------------\n正文。\n\n***\n\n# 标题\n", format="markdown")
    assert doc.lines[1].strip() == "" and doc.lines[4].strip() == ""
    assert doc.lines[0] == "第一条 (立法依据)" and doc.lines[6] == "# 标题"


def test_front_matter_only_at_the_start_and_only_when_closed():
    assert front_matter_end("---\ntitle: 标题\n---\n正文") == len("---\ntitle: 标题\n---\n")
    assert front_matter_end("---\ntitle: 标题\n正文没有结束") == 0
    # A rule followed by prose is not front matter.
    assert front_matter_end("---\n这是正文第一段，不是数据。\n---\n") == 0
    assert front_matter_end("正文\n---\ntitle: x\n---\n") == 0
    doc = Document("---\ntitle: XX年总结\ntags: [a, b]\n---\n正文。\n", format="markdown")
    assert doc.lines[1] == MASK * 7 + "XX年总结"  # the key is data, the Chinese title is text
    assert doc.lines[2].strip() == ""


def test_findings_in_markdown_keep_the_documents_own_characters():
    source = "# 报告\n\n请见[附件](http://a.cn/1)，**邓**理论**学习已完成。\n\n职工**管理仍需加强。\n"
    for f in lint(source, "MK", path="a.md"):
        line = source.split("\n")[f.line - 1]
        assert line[f.column - 1 : f.end_column - 1] == f.text


def test_emphasis_is_never_a_mask_and_an_unpaired_mask_still_is():
    text = "会议表彰了**张三**和**李四**同志，加强了邓**理论的学习。\n"
    assert flagged(text, "MK", path="a.md") == ["邓**理论"]


MARKDOWN_TXT = (
    "# 工作总结\n\n会议表彰了**张三**同志。\n\n详见[通知](http://a.cn/x)。\n\n```\nXX年\n```\n"
)


def test_a_txt_file_whose_content_is_markdown_is_read_as_markdown(tmp_path):
    path = tmp_path / "总结.txt"
    path.write_text(MARKDOWN_TXT, encoding="utf-8")
    assert load_path(path).format == "markdown"
    assert load_path(path, markup="text").format == "text"
    plain = tmp_path / "plain.txt"
    plain.write_text("这是**粗体**文字，*斜体*也可以。\n\n* 列表项\n\n***\n", encoding="utf-8")
    assert load_path(plain).format == "text"  # emphasis, bullets and rules alone are not Markdown
    assert load_path(plain, markup="markdown").format == "markdown"
    md = tmp_path / "a.md"
    md.write_text("正文。", encoding="utf-8")
    assert load_path(md, markup="text").format == "text"


def test_markdown_detection_needs_two_kinds_of_syntax():
    assert looks_like_markdown(MARKDOWN_TXT)
    assert looks_like_markdown("第一條\n-------\n內容，見[第五條](../a.md#x)。\n")
    assert not looks_like_markdown("一、总体要求\n（一）加强领导。\n邓**理论\n")
    assert not looks_like_markdown("# 只有一个标题\n正文。\n")
    assert looks_like_markdown("第一條\n-------\n內容。\n\n第二條\n-------\n內容。\n\n第三條\n-------\n內容。\n")


def test_markup_option_on_the_command_line_and_in_the_config(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("会议表彰了**张三**同志。\n", encoding="utf-8")

    def run(*args):
        out = subprocess.run([sys.executable, "-m", "wenlint", "check", str(path), "--select", "MK",
                              "--format", "concise", "--exit-zero", "--no-progress", *args],
                             capture_output=True, text=True, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout

    assert "MK001" in run("--isolated")
    assert "MK001" not in run("--isolated", "--markup", "markdown")
    (tmp_path / "wenlint.toml").write_text('markup = "markdown"\n', encoding="utf-8")
    assert "MK001" not in run()
    (tmp_path / "wenlint.toml").write_text('markup = "html"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "wenlint", "check", str(path)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 2 and "markup must be one of" in out.stderr


@pytest.mark.parametrize("name", ["0001.txt", "0002.txt"])
def test_taiwan_statutes_are_markdown_and_quiet(name):
    from conftest import ROOT

    path = ROOT.parent / "shared" / "corpus" / "clean" / "traditional" / name
    if not path.is_file():
        pytest.skip("no shared corpus beside the repository")
    doc = load_path(path)
    assert doc.format == "markdown"
    assert [f for f in lint(doc.source, "SC", path="a.md") if f.severity != "info"] == []
