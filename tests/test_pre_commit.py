"""The pre-commit hook definition: valid for pre-commit, selects the documents wenlint reads,
and its entry honours the project's excludes for the files pre-commit passes."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

HOOKS = ROOT / ".pre-commit-hooks.yaml"


@pytest.fixture(scope="module")
def hook() -> dict:
    yaml = pytest.importorskip("yaml")
    (only,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    return only


def test_the_manifest_is_valid_for_pre_commit():
    clientlib = pytest.importorskip("pre_commit.clientlib")
    (hook,) = clientlib.load_manifest(str(HOOKS))
    assert hook["id"] == "wenlint" and hook["language"] == "python"
    assert hook["pass_filenames"]  # only the staged files, never the whole repository


def test_the_hook_selects_documents_only(hook):
    pattern = re.compile(hook["files"])
    for name in ("总结.txt", "docs/计划.md", "notes.markdown", "报告.docx", "a/b/c.DOCX".lower()):
        assert pattern.search(name), name
    for name in ("setup.py", "data.csv", "report.docx.bak", "image.png", "README.rst"):
        assert not pattern.search(name), name
    assert hook["types"] == ["file"]  # a .docx is binary to pre-commit: `text` would drop it


def test_the_entry_lints_the_files_it_is_given_and_honours_excludes(hook, tmp_path):
    (tmp_path / "wenlint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "草稿.txt").write_text("小花文档网欢迎您!\n", encoding="utf-8")
    (tmp_path / "正文.txt").write_text("工会2024年工作总结。\n", encoding="utf-8")
    entry = shlex.split(hook["entry"])
    assert entry[:2] == ["wenlint", "check"] and "--force-exclude" in entry
    pack = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
    # As pre-commit runs it: the entry, then the staged file names.
    proc = run_cli(*entry[1:], "--rules", str(pack), "--select", "TF", "--format", "concise",
                   "正文.txt", "drafts/草稿.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert "No findings in 1 file." in proc.stdout.decode()  # the excluded draft was skipped
    without = [arg for arg in entry[1:] if arg != "--force-exclude"]
    proc = run_cli(*without, "--rules", str(pack), "--select", "TF", "正文.txt", "drafts/草稿.txt", cwd=tmp_path)
    assert proc.returncode == 1  # without --force-exclude the named draft would be linted
    (tmp_path / "正文.txt").write_text("浏览量:3\n", encoding="utf-8")
    proc = run_cli(*entry[1:], "--rules", str(pack), "--select", "TF", "正文.txt", cwd=tmp_path)
    assert proc.returncode == 1  # a finding fails the commit
