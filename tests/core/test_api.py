"""The Python API: lint_text, lint_paths, findings_frame; and the import-cost promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import wenlint
from wenlint.errors import InputError

PACK = str(Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml")


def test_lint_text_and_frame():
    findings = wenlint.lint_text("前言\nXX年总结，列印", rules=[PACK], select=["ZZ"])
    assert [(f.code, f.line, f.column, f.text) for f in findings] == [("ZZ001", 2, 1, "XX年"), ("ZZ002", 2, 7, "列印")]
    frame = wenlint.findings_frame(findings)
    assert list(frame["code"]) == ["ZZ001", "ZZ002"]


def test_lint_text_markdown_by_path_suffix():
    assert wenlint.lint_text("`XX年`", path="a.md", rules=[PACK], select=["ZZ001"]) == []
    assert len(wenlint.lint_text("`XX年`", path="a.txt", rules=[PACK], select=["ZZ001"])) == 1


def test_lint_paths(tmp_path):
    (tmp_path / "a.txt").write_text("XX年\n", encoding="utf-8")
    findings = wenlint.lint_paths([tmp_path], rules=[PACK], select=["ZZ001"])
    assert [f.text for f in findings] == ["XX年"]
    with pytest.raises(InputError):
        wenlint.lint_paths([tmp_path / "missing.txt"])


def test_checking_one_file_does_not_import_pandas(tmp_path):
    (tmp_path / "a.txt").write_text("XX年工作总结\n", encoding="utf-8")
    code = (
        "import sys\nfrom wenlint.cli import main\n"
        f"rc = main(['check', {str(tmp_path / 'a.txt')!r}, '--format', 'json'])\n"
        "assert 'pandas' not in sys.modules and 'pandera' not in sys.modules, 'pandas imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
