"""Word files: a finding's line is its paragraph (table cells included), and `--fix` writes a
fixed copy `name.fixed.docx` that keeps the formatting, never touching the original."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import run_cli
from wenlint.config import Overrides
from wenlint.documents import load_path
from wenlint.documents.docx_writer import DocxFixer, fixed_copy_path
from wenlint.engine import run as run_module
from wenlint.engine.run import RunOptions, run
from wenlint.errors import InputError
from wenlint.findings import Edit

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
PACK_ARGS = ("--isolated", "--no-progress", "--rules", str(PACK), "--select", "TF")


def add_hyperlink(paragraph, text: str, url: str) -> None:
    r_id = paragraph.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def draft_docx(path: Path) -> Path:
    """A report as people assemble it: chrome lines, a heading, formatted runs, a table whose cells
    hold one or two paragraphs, a soft line break and a hyperlink."""
    d = docx.Document()
    d.add_paragraph("小花文档网欢迎您!")  # 1
    d.add_heading("工会XX年工作总结", level=1)  # 2
    p = d.add_paragraph("服务")  # 3
    p.add_run("民眾").bold = True
    p.add_run("，举办")
    p.add_run("卡拉ok").italic = True
    p.add_run("比赛。")
    d.add_paragraph("浏览量:100")  # 4, just before the table
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "请列印后上交。"  # 5
    table.cell(0, 1).text = "浏览量:5"  # 6
    table.cell(0, 1).add_paragraph("第二段XX年")  # 7
    table.cell(1, 0).text = "欢迎您"  # 8, the only paragraph of its cell
    # cell (1, 1) keeps its empty paragraph: 9
    p = d.add_paragraph("第一行")  # 10, with a soft line break
    p.add_run().add_break()
    p.add_run("第二行XX年")
    p = d.add_paragraph("请访问")  # 11
    add_hyperlink(p, "民眾服务网", "https://example.org/")
    d.save(path)
    return path


def body_texts(path: Path) -> list[str]:
    from wenlint.documents.docx import body_paragraphs

    return [p.text for p in body_paragraphs(docx.Document(str(path)))]


def json_findings(*args: str) -> list[dict]:
    proc = run_cli("check", *PACK_ARGS, "--format", "json", *args)
    return json.loads(proc.stdout)


# ----- paragraphs are lines -----------------------------------------------------------------------


def test_a_finding_carries_its_paragraph_table_cells_included(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    found = {(f["code"], f["line"], f["column"], f["text"]) for f in json_findings(str(path))}
    assert found == {
        ("TF001", 1, 1, "小花文档网欢迎您!"),
        ("TF005", 2, 3, "XX年"),
        ("TF002", 3, 3, "民眾"),
        ("TF003", 3, 8, "卡拉ok"),
        ("TF001", 4, 1, "浏览量:100"),
        ("TF002", 5, 2, "列印"),  # table cell (0, 0)
        ("TF001", 6, 1, "浏览量:5"),  # cell (0, 1), first paragraph
        ("TF005", 7, 4, "XX年"),  # cell (0, 1), second paragraph
        ("TF001", 8, 1, "欢迎您"),  # cell (1, 0)
        ("TF005", 10, 8, "XX年"),  # after a soft line break: still paragraph 10
        ("TF002", 11, 4, "民眾"),  # inside a hyperlink
    }


def test_paragraph_numbers_survive_soft_breaks_and_vertically_merged_cells(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0))  # a vertical merge: row 2 continues the cell
    table.cell(0, 0).text = "合并单元格"
    table.cell(0, 1).text = "第一行"
    table.cell(1, 1).text = "第二行"
    table.cell(2, 1).text = "第三行XX年"
    p = d.add_paragraph("甲")
    p.add_run().add_break()
    p.add_run("乙XX年")
    path = tmp_path / "merged.docx"
    d.save(path)
    doc = load_path(path)
    lines = doc.source.split("\n")
    # Every paragraph of the file once, in file order; the soft break reads as a space.
    assert lines.count("合并单元格") == 1
    assert lines[-1] == "甲 乙XX年"
    found = [(f["line"], f["text"]) for f in json_findings(str(path)) if f["code"] == "TF005"]
    assert found == [(lines.index("第三行XX年") + 1, "XX年"), (len(lines), "XX年")]


# ----- the fixed copy ---------------------------------------------------------------------------


def test_fix_writes_a_fixed_copy_and_never_touches_the_original(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    os.chmod(path, 0o640)
    original = path.read_bytes()
    proc = run_cli("check", *PACK_ARGS, "--format", "concise", "--fix", str(path))
    copy_path = tmp_path / "report.fixed.docx"
    assert path.read_bytes() == original
    assert "wrote " + str(copy_path) + " (6 fixes); the original is unchanged" in proc.stderr.decode()
    assert body_texts(copy_path) == [
        "工会XX年工作总结",
        "服务民众，举办卡拉ok比赛。",
        "请打印后上交。",
        "第二段XX年",
        "欢迎您",  # deleting the only paragraph of a cell cannot be written: the finding stays
        "",
        "第一行\n第二行XX年",
        "请访问民众服务网",
    ]
    assert stat.S_IMODE(os.stat(copy_path).st_mode) == 0o640
    # What remains is reported on the copy, by its paragraphs.
    out = proc.stdout.decode()
    assert f"{copy_path}:1:3: TF005" in out and f"{copy_path}:5:1: TF001" in out
    assert "Fixed 6." in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.fixed.docx"]


def test_the_fixed_copy_keeps_formatting(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    run_cli("check", *PACK_ARGS, "--fix", "--unsafe-fixes", str(path))
    fixed = docx.Document(str(tmp_path / "report.fixed.docx"))
    heading = fixed.paragraphs[0]
    assert heading.style.name == "Heading 1" and heading.text == "工会XX年工作总结"
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in fixed.paragraphs[1].runs]
    # The replacement takes the formatting of the text it replaces.
    assert runs == [("服务", False, False), ("民众", True, False), ("，举办", False, False),
                    ("卡拉OK", False, True), ("比赛。", False, False)]
    # The soft line break and the hyperlink (its target and underline) are still there.
    broken = fixed.paragraphs[2]
    assert broken._p.xpath("count(.//w:br)") == 1
    link = fixed.paragraphs[3]._p.xpath("w:hyperlink")[0]
    assert link.xpath("string(.)") == "民众服务网"
    assert fixed.part.rels[link.get(qn("r:id"))].target_ref == "https://example.org/"
    assert link.xpath("count(.//w:u)") == 1
    assert len(fixed.tables) == 1 and fixed.tables[0].cell(0, 0).text == "请打印后上交。"


def test_fixing_the_fixed_copy_changes_nothing(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    run_cli("check", *PACK_ARGS, "--fix", str(path))
    copy_path = tmp_path / "report.fixed.docx"
    once = copy_path.read_bytes()
    proc = run_cli("check", *PACK_ARGS, "--format", "concise", "--fix", str(copy_path))
    assert copy_path.read_bytes() == once
    assert not (tmp_path / "report.fixed.fixed.docx").exists()
    assert "Fixed" not in proc.stdout.decode()
    # Fixing the original again writes the same copy.
    run_cli("check", *PACK_ARGS, "--fix", str(path))
    assert body_texts(copy_path) == body_texts(tmp_path / "report.fixed.docx")


def test_diff_on_a_word_file_writes_nothing(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    proc = run_cli("check", *PACK_ARGS, "--diff", str(path))
    assert proc.returncode == 1
    assert "-浏览量:100\n" in proc.stdout.decode()
    assert "+服务民众，举办卡拉ok比赛。\n" in proc.stdout.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_no_copy_when_nothing_is_fixed(tmp_path):
    d = docx.Document()
    d.add_paragraph("工会2024年工作总结")
    path = tmp_path / "clean.docx"
    d.save(path)
    run_cli("check", *PACK_ARGS, "--fix", str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.docx"]


def test_no_copy_when_the_original_changed_during_the_run(tmp_path, monkeypatch):
    path = draft_docx(tmp_path / "report.docx")
    real = run_module.fix_with_count

    def fix_then_someone_saves(*args, **kwargs):
        outcome = real(*args, **kwargs)
        d = docx.Document(str(path))
        d.add_paragraph("有人刚刚保存了这个文件")
        d.save(path)
        return outcome

    monkeypatch.setattr(run_module, "fix_with_count", fix_then_someone_saves)
    result = run([str(path)], Overrides(select=["TF"], rule_packs=[PACK]), RunOptions(fix=True, isolated=True))
    assert any("changed on disk during the run; no fixed copy written" in e for e in result.errors)
    assert not (tmp_path / "report.fixed.docx").exists()


def test_a_broken_word_file_is_an_error_not_a_copy(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    proc = run_cli("check", *PACK_ARGS, "--fix", str(path))
    assert proc.returncode == 2
    assert "not a readable Word (.docx) file" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx"]


def test_fix_on_a_word_file_from_standard_input_is_refused(tmp_path):
    path = draft_docx(tmp_path / "report.docx")
    proc = run_cli("check", *PACK_ARGS, "--fix", "--stdin-filename", "report.docx", "-", stdin=path.read_bytes())
    assert proc.returncode == 2
    assert "--fix needs the Word file's path" in proc.stderr.decode()
    assert b"PK" not in proc.stdout  # no Word file on standard output; the report is there


def test_fixed_copy_path():
    assert fixed_copy_path("a/报告.docx") == "a/报告.fixed.docx"
    assert fixed_copy_path("REPORT.DOCX") == "REPORT.fixed.DOCX"


# ----- edits the test pack does not make: joins, splits, insertions -------------------------------


def replay(path: Path, *passes: list[Edit]) -> tuple[Path, docx.document.Document]:
    """Apply passes of edits (each in the coordinates of the text the pass reads) to a Word file
    through DocxFixer, as --fix does; return the copy and the copy opened."""
    doc = load_path(path)
    fixer = DocxFixer(doc)
    text = doc.text
    for edits in passes:
        fixer.advance(edits)
        for edit in sorted(edits, key=lambda e: e.start, reverse=True):
            text = text[: edit.start] + edit.content + text[edit.end :]
    out = fixer.write(doc.with_raw(text))
    return Path(out), docx.Document(out)


def two_paragraphs(path: Path) -> Path:
    d = docx.Document()
    first = d.add_paragraph("第一段前半", style="List Bullet")
    first.add_run("加粗").bold = True
    second = d.add_paragraph("第二段")
    second.add_run("斜体").italic = True
    d.add_paragraph("\t制表符开头")
    d.add_paragraph("")
    d.save(path)
    return path


def test_joining_two_paragraphs_keeps_both_runs_and_the_first_style(tmp_path):
    path = two_paragraphs(tmp_path / "join.docx")
    doc = load_path(path)
    boundary = doc.text.index("\n")
    _, fixed = replay(path, [Edit(boundary, boundary + 1, "")])
    first = fixed.paragraphs[0]
    assert first.text == "第一段前半加粗第二段斜体"
    assert first.style.name == "List Bullet"
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in first.runs] == [
        ("第一段前半", False, False), ("加粗", True, False), ("第二段", False, False), ("斜体", False, True)]
    assert len(fixed.paragraphs) == 3


def test_an_inserted_line_break_splits_the_paragraph(tmp_path):
    path = two_paragraphs(tmp_path / "split.docx")
    at = load_path(path).text.index("加粗") + 1  # inside the bold run
    _, fixed = replay(path, [Edit(at, at, "\n")])
    texts = [p.text for p in fixed.paragraphs]
    assert texts[:2] == ["第一段前半加", "粗"]
    assert [p.style.name for p in fixed.paragraphs[:2]] == ["List Bullet", "List Bullet"]
    assert [bool(r.bold) for r in fixed.paragraphs[1].runs] == [True]


def test_insertions_take_the_formatting_of_their_neighbours(tmp_path):
    path = two_paragraphs(tmp_path / "insert.docx")
    text = load_path(path).text
    after_bold = text.index("加粗") + 2
    start_second = text.index("第二段")
    empty = len(text)  # the last, empty paragraph
    _, fixed = replay(path, [Edit(after_bold, after_bold, "！"), Edit(start_second, start_second, "【"),
                             Edit(empty, empty, "新增内容")])
    assert [(r.text, bool(r.bold)) for r in fixed.paragraphs[0].runs] == [("第一段前半", False), ("加粗！", True)]
    assert fixed.paragraphs[1].text == "【第二段斜体"
    assert fixed.paragraphs[3].text == "新增内容"


def test_a_tab_can_be_replaced_and_text_around_it_kept(tmp_path):
    path = two_paragraphs(tmp_path / "tab.docx")
    at = load_path(path).text.index("\t")
    _, fixed = replay(path, [Edit(at, at + 1, "　　")])
    assert fixed.paragraphs[2].text == "　　制表符开头"
    assert fixed.paragraphs[2]._p.xpath("count(.//w:tab)") == 0


def test_several_passes_are_replayed_in_order(tmp_path):
    path = two_paragraphs(tmp_path / "passes.docx")
    text = load_path(path).text
    at = text.index("第二段")
    # Pass 1 replaces 第二段 with 第2段; pass 2 (on the new text) replaces 2 with 二 again.
    out, fixed = replay(path, [Edit(at, at + 3, "第2段")], [Edit(at + 1, at + 2, "贰")])
    assert fixed.paragraphs[1].text == "第贰段斜体"


def test_a_copy_that_would_not_read_back_as_the_fixed_text_is_not_written(tmp_path):
    path = two_paragraphs(tmp_path / "mismatch.docx")
    doc = load_path(path)
    fixer = DocxFixer(doc)
    fixer.advance([Edit(0, 1, "甲")])
    with pytest.raises(InputError, match="could not be traced"):
        fixer.write(doc.with_raw("乙" + doc.text[1:]))
    assert not (tmp_path / "mismatch.fixed.docx").exists()
