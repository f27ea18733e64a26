"""Bad input gets a one-line message on stderr and exit status 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import run_cli

PACKS = Path(__file__).resolve().parents[1] / "fixtures" / "packs"


def assert_one_line_error(proc, *words):
    stderr = proc.stderr.decode()
    assert proc.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("wenlint: error: ")
    for word in words:
        assert word in lines[0], lines[0]


def test_missing_path(tmp_path):
    assert_one_line_error(run_cli("check", "nowhere.txt", cwd=tmp_path), "nowhere.txt", "no such file")


def test_binary_file_named_explicitly(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00")
    assert_one_line_error(run_cli("check", "photo.txt", cwd=tmp_path), "binary")


def test_binary_file_in_a_walk_is_skipped_with_a_warning(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "report.txt").write_text("一切正常。", encoding="utf-8")
    proc = run_cli("check", ".", "--format", "concise", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "wenlint: warning:" in proc.stderr.decode() and "skipped" in proc.stderr.decode()


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", "\u3000\n".encode()])
def test_empty_file_has_no_findings_and_exits_0(tmp_path, content):
    # A pre-commit hook meets empty staged files: no text, no findings, not a failure.
    (tmp_path / "empty.txt").write_bytes(content)
    for extra in ((), ("--exit-zero",)):
        proc = run_cli("check", "empty.txt", *extra, cwd=tmp_path)
        stderr = proc.stderr.decode()
        assert proc.returncode == 0, stderr
        assert stderr.splitlines() == ["wenlint: warning: empty.txt: empty document, nothing to lint"]
    proc = run_cli("check", "-", "--format", "json", cwd=tmp_path, stdin=b"")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == "[]"


def test_undecodable_file(tmp_path):
    (tmp_path / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    assert_one_line_error(run_cli("check", "noise.txt", cwd=tmp_path), "encoding")


def test_directory_given_as_config(tmp_path):
    assert_one_line_error(run_cli("check", ".", "--config", "nowhere.toml", cwd=tmp_path), "not found")


@pytest.mark.parametrize(
    "content,words",
    [
        ("[tool.wenlint\nselect = [", ["pyproject.toml", "invalid TOML"]),
        ("[tool.wenlint]\nselct = ['PH']\n", ["unknown key", "selct"]),
        ("[tool.wenlint]\nselect = 'PH001'\nfail-on = 'fatal'\n", ["fail-on"]),
        ("[tool.wenlint]\nselect = ['QQ999']\n", ["unknown rule selector", "QQ999"]),
        ("[tool.wenlint.severity]\nWL001 = 'loud'\n", ["severity"]),
    ],
)
def test_broken_config(tmp_path, content, words):
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    assert_one_line_error(run_cli("check", "a.txt", cwd=tmp_path), *words)


def test_pack_with_an_invalid_regex_names_file_and_rule(tmp_path):
    proc = run_cli("check", "--rules", str(PACKS / "broken_regex.toml"), str(PACKS), cwd=tmp_path)
    assert_one_line_error(proc, "broken_regex.toml", "ZZ101", "invalid pattern")


def test_pack_whose_pattern_never_matches_is_an_error(tmp_path):
    proc = run_cli("check", "--rules", str(PACKS / "never_matches.toml"), str(PACKS), cwd=tmp_path)
    assert_one_line_error(proc, "ZZ102", "bad example is not flagged")


def test_unknown_select_code(tmp_path):
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    assert_one_line_error(run_cli("check", "a.txt", "--select", "PH999X", cwd=tmp_path), "PH999X")


def test_usage_error_is_one_line(tmp_path):
    assert_one_line_error(run_cli("check", "--format", "yaml", cwd=tmp_path), "--format")


def test_unknown_rule_for_explain(tmp_path):
    assert_one_line_error(run_cli("explain", "QQ123", cwd=tmp_path), "QQ123")


def test_catastrophic_pattern_is_stopped_not_hung(tmp_path):
    (tmp_path / "wenlint.toml").write_text("regex-timeout = 0.2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 40000 + "b\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", "--rules", str(PACKS / "catastrophic.toml"), "--select", "ZZ103", cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in stderr
    assert "ZZ103" in stderr and "longer than" in stderr


def test_nothing_is_written_without_fix(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("小花文档网欢迎您!\n正文\n", encoding="utf-8")
    before = path.read_bytes()
    run_cli("check", "a.txt", "--rules", str(PACKS / "demo.toml"), cwd=tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
