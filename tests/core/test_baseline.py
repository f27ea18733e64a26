"""Baselines: old findings are absorbed even after lines move; new ones still fail."""

from __future__ import annotations

import json
from pathlib import Path

from ..conftest import run_cli

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml"


def check(tmp_path, *args):
    return run_cli("check", "docs", "--isolated", "--rules", str(PACK), "--select", "ZZ001,ZZ002",
                   "--format", "json", *args, cwd=tmp_path)


def test_baseline_absorbs_old_findings_after_lines_move(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    report = docs / "report.txt"
    report.write_text("XX年工作总结\n列印在纸上\n", encoding="utf-8")
    proc = check(tmp_path, "--write-baseline", "wenlint-baseline.json")
    assert proc.returncode == 0, proc.stderr.decode()
    baseline = json.loads((tmp_path / "wenlint-baseline.json").read_text(encoding="utf-8"))
    assert {e["code"] for e in baseline["findings"]} == {"ZZ001", "ZZ002"}
    assert all("line" not in e for e in baseline["findings"])

    report.write_text("新的开头一行\n\nXX年工作总结\n列印在纸上\n", encoding="utf-8")
    proc = check(tmp_path, "--baseline", "wenlint-baseline.json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []

    report.write_text("新的开头一行\n\nXX年工作总结\n列印在纸上\n另一个XX年\n", encoding="utf-8")
    proc = check(tmp_path, "--baseline", "wenlint-baseline.json")
    assert proc.returncode == 1
    assert [(f["line"], f["text"]) for f in json.loads(proc.stdout)] == [(5, "XX年")]


def test_a_second_copy_of_an_old_finding_on_the_same_line_text_is_new(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("XX年\n", encoding="utf-8")
    check(tmp_path, "--write-baseline", "b.json")
    (docs / "a.txt").write_text("XX年\nXX年\n", encoding="utf-8")
    proc = check(tmp_path, "--baseline", "b.json")
    assert len(json.loads(proc.stdout)) == 1


def test_broken_baseline_is_a_clear_error(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("XX年\n", encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    proc = check(tmp_path, "--baseline", "b.json")
    assert proc.returncode == 2 and "not a wenlint baseline" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
