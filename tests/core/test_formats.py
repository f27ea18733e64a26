"""Report formats: the JSON contract, CSV through the pandera schema, SARIF, GitHub, text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ..conftest import run_cli

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml"
CONTRACT_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "name", "category",
                 "severity", "message", "text", "suggestion"}


@pytest.fixture
def project(tmp_path):
    (tmp_path / "a.txt").write_text("小花文档网欢迎您!\r\nXX年工作总结，列印在纸上\r\n", encoding="gb18030")
    (tmp_path / "b.md").write_text("# 标题\n\n正文😀很好\n", encoding="utf-8")
    return tmp_path


def check(project, *args):
    return run_cli("check", ".", "--isolated", "--rules", str(PACK), "--select", "ZZ001,ZZ002,ZZ003,ZZ004",
                   *args, cwd=project)


def test_json_contract(project):
    proc = check(project, "--format", "json")
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in findings] == [
        ("a.txt", 1, 1, "ZZ003"), ("a.txt", 2, 1, "ZZ001"), ("a.txt", 2, 9, "ZZ002"), ("b.md", 3, 3, "ZZ004")]
    for f in findings:
        assert CONTRACT_KEYS <= set(f)
    assert findings[2]["text"] == "列印" and findings[2]["suggestion"] == "打印"
    assert findings[2]["end_column"] == 11
    assert findings[0]["fix"]["safety"] == "safe"


def test_jsonl_is_one_object_per_line(project):
    lines = check(project, "--format", "jsonl").stdout.decode().splitlines()
    assert len(lines) == 4 and all(json.loads(line)["code"] for line in lines)


def test_csv_goes_through_the_schema(project):
    rows = list(csv.DictReader(io.StringIO(check(project, "--format", "csv").stdout.decode())))
    assert [r["code"] for r in rows] == ["ZZ003", "ZZ001", "ZZ002", "ZZ004"]
    assert set(rows[0]) == CONTRACT_KEYS | {"fix"}


def test_findings_frame_rejects_bad_rows():
    import pandera.errors

    from wenlint import Finding, findings_frame

    good = Finding("a.txt", 1, 1, 1, 3, "PH001", "year-placeholder", "placeholder", "error", "m", "XX")
    assert len(findings_frame([good])) == 1
    bad = Finding("a.txt", 0, 1, 1, 3, "PH001", "year-placeholder", "placeholder", "fatal", "m", "XX")
    with pytest.raises(pandera.errors.SchemaError):
        findings_frame([bad])


def test_sarif_shape(project):
    sarif = json.loads(check(project, "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"ZZ001", "ZZ002", "ZZ003", "ZZ004"}
    first = run["results"][0]
    assert first["ruleId"] == "ZZ003" and first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 1)


def test_github_annotations(project):
    lines = check(project, "--format", "github").stdout.decode().splitlines()
    assert lines[1].startswith("::error file=a.txt,line=2,col=1,endLine=2,endColumn=4,title=ZZ001 demo-year::")
    assert lines[3].startswith("::notice file=b.md")


def test_concise_and_statistics(project):
    out = check(project, "--format", "concise").stdout.decode()
    assert "a.txt:2:9: ZZ002 [*] warning" in out and out.rstrip().endswith("fixable with --fix.")
    stats = check(project, "--format", "concise", "--statistics").stdout.decode().splitlines()
    assert stats[0].split("\t") == ["1", "ZZ001", "demo-year"]


def test_rich_report_shows_context_and_suggestions(project):
    out = check(project, "--format", "rich", "--color", "never").stdout.decode()
    assert "a.txt" in out and "列印" in out and "建议：打印" in out and "按类别" in out


@pytest.mark.parametrize("width", [60, 80])
def test_rich_report_fits_narrow_terminals(project, width, monkeypatch):
    from rich.cells import cell_len

    from wenlint.config import Overrides
    from wenlint.engine.run import RunOptions, run
    from wenlint.reports import ReportOptions, render

    monkeypatch.chdir(project)
    result = run(["."], Overrides(select=["ZZ"], rule_packs=[PACK]), RunOptions(isolated=True))
    stream = io.StringIO()
    render(result.files(), stream, ReportOptions(format="rich", color=False, width=width))
    lines = stream.getvalue().splitlines()
    assert lines and all(cell_len(line) <= width for line in lines)
    assert any("列印" in line for line in lines)


def test_output_file(project):
    proc = check(project, "--format", "json", "--output", "report.json")
    assert proc.stdout == b""
    assert len(json.loads((project / "report.json").read_text(encoding="utf-8"))) == 4


def test_rules_and_explain():
    rules = json.loads(run_cli("rules", "--format", "json", "--rules", str(PACK)).stdout)
    row = next(r for r in rules if r["code"] == "ZZ002")
    assert row == {**row, "name": "demo-swap", "category": "script", "severity": "warning", "fixable": "safe"}
    assert str(PACK) in row["source"]
    explained = run_cli("explain", "demo-swap", "--rules", str(PACK)).stdout.decode()
    assert "ZZ002 demo-swap" in explained and "列印在纸上" in explained
