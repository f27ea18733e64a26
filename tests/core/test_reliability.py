"""Regression tests of issue 17: no input stops a run, configuration and outputs behave.

Each test names the item of the issue it keeps fixed."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from wenlint.cli import main
from wenlint.documents.encoding import decode
from wenlint.errors import InputError

from ..conftest import run_cli

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"
BODY = "今年以来，社区工作取得了新成绩，群众满意度明显提高。\n"


def stderr_lines(proc) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.strip()]


def concise(proc) -> list[str]:
    return [line for line in proc.stdout.decode().splitlines() if ": " in line and line[:1] != " "]


# ----- 2. a slow user-pack pattern: disabled after its first time-out, said once ------------------

SLOW_PACK = """\
[pack]
name = "slow"
category = "structure"

[[rules]]
code = "ZZ201"
name = "slow-rule"
summary = "s"
message = "m"
patterns = ['中(?:a|a)+b']
bad = "中aab"
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_slow_user_pattern_is_disabled_after_its_first_time_out(tmp_path, jobs):
    (tmp_path / "slow.toml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / "wenlint.toml").write_text("regex-timeout = 0.1\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        (docs / f"d{i:02}.txt").write_text("中" + "a" * 40 + "!\n", encoding="utf-8")
    proc = run_cli("check", "docs", "--rules", "slow.toml", "--select", "ZZ201", "-j", jobs, cwd=tmp_path)
    lines = stderr_lines(proc)
    assert proc.returncode == 2
    assert len(lines) == 1, lines  # once, however many files (and workers)
    assert "ZZ201" in lines[0] and "disabled for the rest of the run" in lines[0]
    assert "(?:" not in lines[0]  # never the pattern itself


# ----- 4. an unreadable folder, a symbolic-link loop: one line each, the rest linted, exit 2 ------

def test_symlink_loop_is_one_line_and_the_rest_is_linted(tmp_path):
    (tmp_path / "ok.txt").write_text("XX年工作总结\n", encoding="utf-8")
    os.symlink("loop2.txt", tmp_path / "loop1.txt")
    os.symlink("loop1.txt", tmp_path / "loop2.txt")
    proc = run_cli("check", ".", "--isolated", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 2
    assert any("ok.txt" in line and "PH001" in line for line in concise(proc))
    lines = stderr_lines(proc)
    assert len(lines) == 2 and all(line.startswith("wenlint: error: loop") for line in lines), lines
    assert "Traceback" not in proc.stderr.decode()


def test_unreadable_folder_is_one_line_and_the_rest_is_linted(tmp_path, monkeypatch, capsys):
    # Root reads any folder, so the refusal is simulated where the walk lists a directory.
    (tmp_path / "ok.txt").write_text("XX年工作总结\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("XX年\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    status = main(["check", ".", "--isolated", "--format", "concise", "--no-progress", "-j", "1"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "ok.txt:1:1: PH001" in out and "b.txt" not in out
    assert err.splitlines() == ["wenlint: error: locked: cannot read the directory (Permission denied); not linted"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_for_real(tmp_path):
    (tmp_path / "ok.txt").write_text("XX年\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        proc = run_cli("check", ".", "--isolated", "--format", "concise", cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 2 and len(stderr_lines(proc)) == 1 and concise(proc)


# ----- 5. encoding detection ------------------------------------------------------------------------

def test_random_bytes_are_never_decoded_as_a_foreign_code_page():
    import random

    rng = random.Random(17)
    accepted = []
    for i in range(300):
        n = rng.choice([40, 300, 3000])
        pool = [range(1, 256), range(0x80, 256), list(range(32, 127)) + list(range(0x80, 256))][i % 3]
        data = bytes(rng.choice(pool) for _ in range(n))
        try:
            accepted.append(decode(data, "x")[1])
        except InputError:
            pass
    assert accepted == [], accepted  # not cp1250, EBCDIC, mac-iceland, nor GB18030 by accident


def test_ascii_control_noise_is_binary():
    import random

    rng = random.Random(5)
    data = bytes(rng.randrange(1, 128) for _ in range(2000))
    with pytest.raises(InputError, match="binary"):
        decode(data, "x")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [BODY * 3, "这是一段没有任何标点和换行的纯中文文字内容用来测试", "Work report 工作总结\n" * 5])
def test_utf16_without_bom_is_recognised(codec, text):
    assert decode(text.encode(codec), "x")[:2] == (text, codec)


def test_binary_message_suggests_utf16():
    with pytest.raises(InputError, match="--encoding utf-16-le"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00", "x")


def test_real_chinese_encodings_still_decode():
    for codec in ("gb18030", "cp950"):
        text = ("今年以來，社區工作取得了新成績。\n" if codec == "cp950" else BODY) * 4
        assert decode(text.encode(codec), "x")[:2] == (text, codec)
    private_use = "当前位置\ue40c首页\n" + BODY  # icon fonts of web pages: still text
    assert decode(private_use.encode(), "x")[0] == private_use


def test_bom_is_not_a_character_with_an_explicit_encoding(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "XX年工作总结\n".encode())
    for extra in ((), ("--encoding", "utf-8"), ("--encoding", "UTF8")):
        proc = run_cli("check", "bom.txt", "--isolated", "--format", "json", *extra, cwd=tmp_path)
        (finding,) = json.loads(proc.stdout)
        assert (finding["column"], finding["text"]) == (1, "XX年"), extra


def test_fix_keeps_the_bom_with_an_explicit_encoding(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "小花文档网欢迎您\n正文\n".encode())
    run_cli("check", "bom.txt", "--isolated", "--fix", "--encoding", "utf-8", cwd=tmp_path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + "正文\n".encode()


# ----- 6. nested configuration under a walk ------------------------------------------------------

def test_each_walked_file_gets_its_closest_configuration(tmp_path):
    (tmp_path / "wenlint.toml").write_text("ignore = []\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("XX年工作总结\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "wenlint.toml").write_text('ignore = ["PH"]\n', encoding="utf-8")
    (sub / "b.txt").write_text("XX年工作总结\n", encoding="utf-8")
    walked = run_cli("check", ".", "--format", "concise", cwd=tmp_path)
    assert [line.split(":")[0] for line in concise(walked)] == ["a.txt"]
    named = run_cli("check", "sub/b.txt", "--format", "concise", cwd=tmp_path)
    assert concise(named) == []
    from_sub = run_cli("check", ".", "--format", "concise", cwd=sub)
    assert concise(from_sub) == []


# ----- 7. WL001 after the cross-document phase; --fix keeps a needed suppression ------------------

LINE = "学习总结就上红星学习网，天天更新好文章"


def recurring_corpus(root: Path) -> Path:
    (root / "a.txt").write_text(f"社区工作总结\n\n{LINE}\n今年以来，社区工作取得了新成绩。\n", encoding="utf-8")
    (root / "b.txt").write_text(f"教师述职报告\n{LINE}\n一年来，本人认真履行职责。\n", encoding="utf-8")
    doc = root / "c.md"
    doc.write_text(
        f"乡镇安全生产工作方案\n<!-- wenlint-disable-next-line CH030 -->\n{LINE}\n为切实做好安全生产工作，特制定本方案。\n",
        encoding="utf-8",
    )
    return doc


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_suppression_of_a_cross_document_finding_is_used(tmp_path, jobs):
    doc = recurring_corpus(tmp_path)
    before = doc.read_bytes()
    proc = run_cli("check", ".", "--isolated", "--extend-select", "WL001", "--format", "json", "-j", jobs, cwd=tmp_path)
    codes = {(f["path"], f["code"]) for f in json.loads(proc.stdout)}
    assert codes == {("a.txt", "CH030"), ("b.txt", "CH030")}
    run_cli("check", ".", "--isolated", "--extend-select", "WL001", "--fix", "-j", jobs, cwd=tmp_path)
    assert doc.read_bytes() == before  # the comment stays: deleting it would bring CH030 back


def test_suppression_of_a_cross_document_rule_unused_is_reported_without_a_fix(tmp_path):
    doc = recurring_corpus(tmp_path)
    before = doc.read_bytes()
    proc = run_cli("check", "c.md", "--isolated", "--extend-select", "WL001", "--format", "json", cwd=tmp_path)
    (finding,) = json.loads(proc.stdout)
    assert finding["code"] == "WL001" and finding["fix"] is None
    run_cli("check", "c.md", "--isolated", "--extend-select", "WL001", "--fix", cwd=tmp_path)
    assert doc.read_bytes() == before


# ----- 8. options of a family table are validated ------------------------------------------------

def test_mistyped_family_option_is_rejected_with_the_valid_names(tmp_path):
    (tmp_path / "wenlint.toml").write_text('[chrome]\nextra-site = ["例子网"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    (line,) = stderr_lines(proc)
    assert proc.returncode == 2
    assert "'extra-site'" in line and "[tool.wenlint.chrome]" in line
    assert "did you mean 'extra-sites'" in line and "recurring-min-documents" in line
    (tmp_path / "wenlint.toml").write_text('[meta]\nanything = 1\n', encoding="utf-8")
    assert "has no options" in stderr_lines(run_cli("check", "a.txt", cwd=tmp_path))[0]
    (tmp_path / "wenlint.toml").write_text('[chrome]\nextra-sites = ["例子网"]\n', encoding="utf-8")
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 0


# ----- 9. `wenlint rules` at 80 columns and piped; rules/explain honour configured packs ---------

def test_rules_piped_shows_whole_codes_and_names(tmp_path):
    proc = run_cli("rules", "--isolated", cwd=tmp_path)
    rows = proc.stdout.decode().splitlines()
    assert rows[0].split()[:3] == ["code", "name", "category"]
    codes = [row.split()[0] for row in rows[1:]]
    assert all(len(code) == 5 and code[:2].isalpha() and code[2:].isdigit() for code in codes), codes
    assert all(row == row.rstrip() for row in rows)


def test_rules_fits_an_80_column_terminal(tmp_path, monkeypatch, capsys):
    from rich.console import Console

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["rules", "--isolated"]) == 0
    import re

    rows = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out).splitlines()
    assert all(len(row) <= 80 for row in rows), max(rows, key=len)
    codes = [row.split()[0] for row in rows[1:] if row[:1].strip()]
    assert "CH001" in codes and "WL001" in codes and not any("…" in code for code in codes)


def test_rules_and_explain_include_packs_named_in_the_configuration(tmp_path):
    (tmp_path / "wenlint.toml").write_text(f"rules = ['{(PACKS / 'demo.toml').as_posix()}']\n", encoding="utf-8")
    rules = run_cli("rules", "--format", "json", cwd=tmp_path)
    demo = [r["code"] for r in json.loads(rules.stdout) if r["source"].endswith("demo.toml")]
    assert demo
    explain = run_cli("explain", demo[0], cwd=tmp_path)
    assert explain.returncode == 0 and demo[0] in explain.stdout.decode()
    isolated = run_cli("explain", demo[0], "--isolated", cwd=tmp_path)
    assert isolated.returncode == 2


# ----- 11. SARIF fingerprints and fixes ---------------------------------------------------------------

def test_sarif_fingerprints_are_distinct_and_stable(tmp_path):
    text = "".join(f"第{i}段内容已经填写完整。。没有问题。\n" for i in range(30)) + "同一行。。两处。。问题。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    args = ("check", "a.txt", "--isolated", "--format", "sarif")
    first = json.loads(run_cli(*args, cwd=tmp_path).stdout)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["wenlint/v2"] for r in first]
    assert len(first) > 30 and len(set(prints)) == len(prints)
    # Text inserted above moves every finding down a line; the fingerprints stay.
    (tmp_path / "a.txt").write_text("新加的标题\n\n" + text, encoding="utf-8")
    moved = json.loads(run_cli(*args, cwd=tmp_path).stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in first]


def test_sarif_carries_fixes_as_artifact_changes(tmp_path):
    pytest.importorskip("jsonschema")
    from ..test_sarif import validate

    (tmp_path / "a.txt").write_text("小花文档网欢迎您\n正文内容 , 完整。\n", encoding="utf-8")
    log = json.loads(run_cli("check", "a.txt", "--isolated", "--format", "sarif", cwd=tmp_path).stdout)
    validate(log)
    with_fixes = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert with_fixes
    for result in with_fixes:
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "a.txt"
        region = change["replacements"][0]["deletedRegion"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)


# ----- 12. --statistics with json; a slowly converging fix ---------------------------------------------

def test_statistics_with_json_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("XX年工作总结\nXX年计划\n小花文档网欢迎您\n", encoding="utf-8")
    rows = json.loads(run_cli("check", "a.txt", "--isolated", "--statistics", "--format", "json", cwd=tmp_path).stdout)
    assert {r["code"]: r["count"] for r in rows}["PH001"] == 2
    assert set(rows[0]) == {"code", "name", "count", "fix"}
    assert any(r["fix"] == "safe" for r in rows)
    lines = run_cli("check", "a.txt", "--isolated", "--statistics", "--format", "jsonl", cwd=tmp_path).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows
    refused = run_cli("check", "a.txt", "--isolated", "--statistics", "--format", "sarif", cwd=tmp_path)
    assert refused.returncode == 2 and "--statistics" in stderr_lines(refused)[0]


def test_a_run_of_collection_markers_is_fixed_in_one_run(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("工作总结\n" + "【篇1】" * 40 + "\n今年的工作取得了很大成绩。\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", "--isolated", "--fix", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "keep changing" not in proc.stderr.decode()
    assert "【篇1】" not in path.read_text(encoding="utf-8")


def test_fixes_that_cycle_still_stop_at_the_bound():
    from wenlint.documents import Document
    from wenlint.documents.fixes import MAX_PASSES, fix_with_count
    from wenlint.findings import Fix, Hit

    def grow(doc):  # an insertion offered again after every pass: the text never shrinks
        return [Hit(0, 1, "m", None, Fix.replace(0, 1, doc.text[0] + "x"))]

    outcome = fix_with_count(Document("ab"), grow)
    assert not outcome.converged and len(outcome.passes) == MAX_PASSES


# ----- 13. --fix: read-only files and hard links --------------------------------------------------------

CHROME = "小花文档网欢迎您\n正文\n"


def test_fix_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CHROME, encoding="utf-8")
    path.chmod(0o444)
    proc = run_cli("check", "a.txt", "--isolated", "--fix", cwd=tmp_path)
    (line,) = stderr_lines(proc)
    assert proc.returncode == 2 and "read-only" in line
    assert path.read_text(encoding="utf-8") == CHROME
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fix_keeps_hard_links(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CHROME, encoding="utf-8")
    other = tmp_path / "same.txt"
    os.link(path, other)
    proc = run_cli("check", "a.txt", "--isolated", "--fix", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert os.path.samefile(path, other)
    assert other.read_text(encoding="utf-8") == "正文\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "same.txt"]


# ----- 14. no private CPython modules ----------------------------------------------------------------

def test_no_private_regex_parser_is_imported():
    src = Path(__file__).resolve().parents[2] / "src" / "wenlint"
    import re

    private = re.compile(r"^\s*(?:from re import _|from re\._|import re\._|import sre_|from sre_)", re.M)
    offenders = [str(p.relative_to(src)) for p in src.rglob("*.py") if private.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_tomllib_is_only_imported_with_its_fallback():
    src = Path(__file__).resolve().parents[2] / "src" / "wenlint"
    bare = [
        str(p.relative_to(src)) for p in src.rglob("*.py")
        if "import tomllib" in (text := p.read_text(encoding="utf-8"))
        and not any(fallback in text for fallback in ("import tomli as tomllib", "discovery import tomllib"))
    ]
    assert bare == []


def test_requires_python_is_the_oldest_interpreter_tested():
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10"' in pyproject
    assert sys.version_info >= (3, 10)
