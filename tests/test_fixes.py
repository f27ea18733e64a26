"""`--fix`, `--unsafe-fixes` and `--diff` on text files: what is fixed, what is written, what is
kept (encoding, BOM, line endings, permissions, links), and what is refused."""

from __future__ import annotations

import codecs
import itertools
import os
import stat
from pathlib import Path

import pytest

from conftest import run_cli
from wenlint.config import Overrides
from wenlint.documents import Document, load_path
from wenlint.engine import run as run_module
from wenlint.documents.fixes import choose, fix_with_count
from wenlint.engine.run import RunOptions, run
from wenlint.documents.writer import digest, write_atomic
from wenlint.errors import InputError
from wenlint.findings import Edit, Fix, Hit

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
PACK_ARGS = ("--isolated", "--no-progress", "--rules", str(PACK), "--select", "TF")

DRAFT = "小花文档网欢迎您!\n工会XX年工作总结\n服务民眾，举办卡拉ok比赛。\n浏览量:100\n请列印后上交。\n"
# What the safe fixes leave: the two chrome lines gone, 民眾 and 列印 swapped; XX年 (no fix) and
# 卡拉ok (an unsafe fix) stay.
SAFE_FIXED = "工会XX年工作总结\n服务民众，举办卡拉ok比赛。\n请打印后上交。\n"
UNSAFE_FIXED = "工会XX年工作总结\n服务民众，举办卡拉OK比赛。\n请打印后上交。\n"


def write(path: Path, text: str, encoding: str = "utf-8", bom: bytes = b"", newline: str = "\n") -> bytes:
    data = bom + text.replace("\n", newline).encode(encoding)
    path.write_bytes(data)
    return data


def fix_in_process(*paths: Path, unsafe: bool = False, diff: bool = False):
    overrides = Overrides(select=["TF"], rule_packs=[PACK])
    return run([str(p) for p in paths], overrides, RunOptions(fix=not diff, diff=diff, unsafe_fixes=unsafe, isolated=True))


# ----- the command line -----------------------------------------------------------------------


def test_fix_applies_safe_fixes_and_reports_what_remains(tmp_path):
    path = tmp_path / "draft.txt"
    write(path, DRAFT)
    proc = run_cli("check", *PACK_ARGS, "--format", "concise", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    out = proc.stdout.decode()
    # What remains is reported, at its position in the fixed file.
    assert f"{path}:1:3: TF005 error" in out
    assert f"{path}:2:8: TF003 info" in out
    assert "TF001" not in out and "TF002" not in out
    assert "Fixed 4." in out
    assert proc.returncode == 1  # an error-level finding remains


def test_unsafe_fixes_apply_the_rest(tmp_path):
    path = tmp_path / "draft.txt"
    write(path, DRAFT)
    proc = run_cli("check", *PACK_ARGS, "--format", "concise", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == UNSAFE_FIXED
    assert "Fixed 5." in proc.stdout.decode()


def test_unsafe_fixes_without_fix_changes_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    data = write(path, DRAFT)
    run_cli("check", *PACK_ARGS, "--unsafe-fixes", str(path))
    assert path.read_bytes() == data


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path):
    path = tmp_path / "draft.txt"
    data = write(path, DRAFT, newline="\r\n")
    proc = run_cli("check", *PACK_ARGS, "--diff", str(path))
    assert path.read_bytes() == data
    assert proc.returncode == 1
    diff = proc.stdout.decode()
    assert diff.startswith(f"--- a/{path}\n+++ b/{path}\n@@ -1,5 +1,3 @@\n")
    assert "-小花文档网欢迎您!\n" in diff
    assert "-服务民眾，举办卡拉ok比赛。\n" in diff and "+服务民众，举办卡拉ok比赛。\n" in diff
    assert "-浏览量:100\n" in diff
    assert " 工会XX年工作总结\n" in diff  # context
    assert "\r" not in diff
    assert "would apply 4 fixes in 1 file" in proc.stderr.decode()
    unsafe = run_cli("check", *PACK_ARGS, "--diff", "--unsafe-fixes", str(path)).stdout.decode()
    assert "+服务民众，举办卡拉OK比赛。\n" in unsafe


def test_diff_with_nothing_to_fix_is_empty_and_succeeds(tmp_path):
    path = tmp_path / "clean.txt"
    write(path, "工会2024年工作总结\n")
    proc = run_cli("check", *PACK_ARGS, "--diff", str(path))
    assert proc.returncode == 0
    assert proc.stdout == b""


def test_diff_and_fix_together_is_a_usage_error(tmp_path):
    path = tmp_path / "draft.txt"
    data = write(path, DRAFT)
    proc = run_cli("check", *PACK_ARGS, "--diff", "--fix", str(path))
    assert proc.returncode == 2
    assert path.read_bytes() == data


def test_fix_twice_changes_nothing_the_second_time(tmp_path):
    path = tmp_path / "draft.txt"
    write(path, DRAFT, newline="\r\n")
    run_cli("check", *PACK_ARGS, "--fix", "--unsafe-fixes", str(path))
    once = path.read_bytes()
    info = os.stat(path)
    proc = run_cli("check", *PACK_ARGS, "--format", "concise", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == once
    assert os.stat(path).st_ino == info.st_ino  # not even rewritten with the same bytes
    assert "Fixed" not in proc.stdout.decode()
    assert run_cli("check", *PACK_ARGS, "--diff", "--unsafe-fixes", str(path)).stdout == b""


def test_fix_on_standard_input_prints_the_fixed_text(tmp_path):
    proc = run_cli("check", *PACK_ARGS, "--fix", "--format", "concise", "-", stdin=DRAFT.encode())
    assert proc.stdout.decode() == SAFE_FIXED
    assert "TF005" in proc.stderr.decode()  # the report goes to stderr


def test_standard_input_as_a_filter_keeps_text_without_fixes_and_its_encoding(tmp_path):
    from conftest import seed_text

    clean = "工会2024年工作总结\r\n"
    proc = run_cli("check", *PACK_ARGS, "--fix", "-", stdin=clean.encode())
    assert proc.stdout == clean.encode()  # nothing to fix: the text still goes through whole
    draft = (DRAFT + seed_text("001")).replace("\n", "\r\n").encode("gb18030")
    proc = run_cli("check", *PACK_ARGS, "--fix", "-", stdin=draft)
    assert proc.stdout == (SAFE_FIXED + seed_text("001")).replace("\n", "\r\n").encode("gb18030")


# ----- what is kept -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("gb18030", b"", "\r\n"),
        ("gb18030", b"", "\n"),
        ("utf-8", codecs.BOM_UTF8, "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
        ("utf-8", b"", "\r"),
    ],
)
def test_encoding_bom_and_line_endings_are_kept(tmp_path, encoding, bom, newline):
    # A real-sized document, so that charset detection sees GB18030 as a reader would.
    from conftest import seed_text

    body = seed_text("001")
    path = tmp_path / "draft.txt"
    write(path, DRAFT + body, encoding, bom, newline)
    result = fix_in_process(path)
    assert not result.errors
    expected = bom + (SAFE_FIXED + body).replace("\n", newline).encode(encoding)
    assert path.read_bytes() == expected
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")  # still GB18030, not silently converted


def test_mixed_line_endings_are_kept_line_by_line(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("第一行\r\n小花文档网欢迎您!\n服务民眾\r\n最后一行\n".encode())
    fix_in_process(path)
    assert path.read_bytes() == "第一行\r\n服务民众\r\n最后一行\n".encode()


def test_last_line_without_line_ending(tmp_path):
    path = tmp_path / "end.txt"
    path.write_bytes("正文。\r\n浏览量:100".encode())
    fix_in_process(path)
    assert path.read_bytes() == "正文。\r\n".encode()


def test_permissions_are_kept(tmp_path):
    path = tmp_path / "draft.txt"
    write(path, DRAFT)
    os.chmod(path, 0o640)
    fix_in_process(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert path.read_text(encoding="utf-8") == SAFE_FIXED


def test_a_symbolic_link_stays_a_link_and_its_target_is_fixed(tmp_path):
    target = tmp_path / "real.txt"
    write(target, DRAFT)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fix_in_process(link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == SAFE_FIXED


def test_no_temporary_files_are_left_behind(tmp_path):
    path = tmp_path / "draft.txt"
    write(path, DRAFT)
    fix_in_process(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


# ----- what is refused --------------------------------------------------------------------------


def test_a_file_changed_on_disk_during_the_run_is_not_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    write(path, DRAFT)
    edited = "有人在运行期间保存了这个文件。\n小花文档网欢迎您!\n"
    real = run_module.fix_with_count

    def fix_then_someone_saves(*args, **kwargs):
        outcome = real(*args, **kwargs)
        path.write_text(edited, encoding="utf-8")  # between reading and writing
        return outcome

    monkeypatch.setattr(run_module, "fix_with_count", fix_then_someone_saves)
    result = fix_in_process(path)
    assert path.read_text(encoding="utf-8") == edited
    assert any("changed on disk during the run; not overwritten" in e for e in result.errors)
    assert result.results[0].fixed == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_the_file_is_checked_again_just_before_the_rename(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    path.write_text("旧内容\n", encoding="utf-8")
    expected = digest(path.read_bytes())
    real_fsync = os.fsync

    def fsync_while_someone_saves(fd):
        real_fsync(fd)
        path.write_text("编辑器刚保存的内容\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", fsync_while_someone_saves)
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(str(path), "新内容\n".encode(), expected=expected)
    assert path.read_text(encoding="utf-8") == "编辑器刚保存的内容\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_a_failed_rename_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    data = write(path, DRAFT)

    def failing_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    result = fix_in_process(path)
    assert path.read_bytes() == data
    assert any("cannot write the fixed file (Permission denied)" in e for e in result.errors)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_text_the_encoding_cannot_hold_is_not_written(tmp_path):
    path = tmp_path / "big5.txt"
    # cp950 (Big5) has no 众: swapping 民眾 -> 民众 cannot be written in the file's encoding.
    data = ("服務民眾。" + "臺灣省總工會的工作報告，內容詳實。" * 20 + "\n").encode("cp950")
    path.write_bytes(data)
    overrides = Overrides(select=["TF"], rule_packs=[PACK], encoding="cp950")
    result = run([str(path)], overrides, RunOptions(fix=True, isolated=True))
    assert path.read_bytes() == data
    assert any("cannot encode; not written" in e for e in result.errors)


# ----- choosing fixes: deterministic, never overlapping ----------------------------------------


def test_overlapping_fixes_are_resolved_the_same_way_in_any_order():
    fixes = [
        ("CH001", Fix.delete(0, 10)),
        ("SC002", Fix.replace(3, 5, "众")),  # inside the deleted line: waits
        ("SC001", Fix.replace(12, 14, "打印")),
        ("ST001", Fix.replace(12, 14, "列印")),  # the same span from a later code: loses
        ("ST002", Fix((Edit(14, 14, "。"),))),  # an insertion at the end of a replaced span: waits
        ("PH001", Fix.replace(20, 22, "2024")),
    ]
    expected = None
    for order in itertools.permutations(fixes):
        chosen = choose(order, unsafe=False)
        if expected is None:
            expected = chosen
        assert chosen == expected
    assert expected == [fixes[0][1], fixes[2][1], fixes[5][1]]


def test_unsafe_fixes_are_chosen_only_when_asked():
    fixes = [("A", Fix.replace(0, 1, "x", "unsafe")), ("B", Fix.replace(2, 3, "y"))]
    assert choose(fixes, unsafe=False) == [fixes[1][1]]
    assert choose(fixes, unsafe=True) == [fixes[0][1], fixes[1][1]]


def test_malformed_fixes_are_never_applied():
    bad = [
        ("A", Fix.replace(5, 50, "x")),  # beyond the text
        ("B", Fix((Edit(0, 3, "x"), Edit(2, 4, "y")))),  # its own edits overlap
        ("C", Fix((Edit(4, 2, "x"),))),  # backwards
    ]
    assert choose(bad, unsafe=True, limit=10) == []


class _Rule:
    def __init__(self, code, check):
        self.code, self.check = code, check


def _lint_with(*checks):
    def lint(doc):
        items = []
        for code, check in checks:
            for hit in check(doc):
                items.append(type("Item", (), {"code": code, "fix": hit.fix})())
        return items

    return lint


def test_fixes_that_undo_each_other_stop_and_say_so():
    def to_b(doc):
        i = doc.text.find("甲")
        return [Hit(i, i + 1, "", fix=Fix.replace(i, i + 1, "乙"))] if i >= 0 else []

    def to_a(doc):
        i = doc.text.find("乙")
        return [Hit(i, i + 1, "", fix=Fix.replace(i, i + 1, "甲"))] if i >= 0 else []

    outcome = fix_with_count(Document("甲方\n"), _lint_with(("X1", to_b), ("X2", to_a)))
    assert not outcome.converged
    assert outcome.codes == {"X1", "X2"}


def test_a_fix_offered_after_every_pass_stops_at_the_bound():
    def always(doc):
        return [Hit(0, 1, "", fix=Fix((Edit(0, 0, "。"),)))]

    outcome = fix_with_count(Document("正文\n"), _lint_with(("X1", always)), max_passes=3)
    assert not outcome.converged
    assert outcome.document.raw == "。。。正文\n"


def test_fixes_that_settle_converge():
    path_doc = Document("服务民眾\n")

    def swap(doc):
        i = doc.text.find("民眾")
        return [Hit(i, i + 2, "", fix=Fix.replace(i, i + 2, "民众"))] if i >= 0 else []

    outcome = fix_with_count(path_doc, _lint_with(("X1", swap)))
    assert outcome.converged and outcome.applied == 1
    assert outcome.document.raw == "服务民众\n"


def test_loaded_documents_remember_their_bytes(tmp_path):
    path = tmp_path / "a.txt"
    data = write(path, DRAFT)
    assert load_path(path).data_hash == digest(data)
