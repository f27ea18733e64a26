"""The CI formats reviewers use: `gitlab` (Code Quality), `rdjson` (reviewdog, with the fixes as
suggestions) and `pylint` (parseable text), each checked against its schema or its consumer."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli

jsonschema = pytest.importorskip("jsonschema")

FORMATS = Path(__file__).parent / "fixtures" / "formats"
TEXT = "小花文档网欢迎您!\n😀XX年工作总结，列印在纸上。\n😀另起一行，好的的。\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    for seed in ("000", "003"):  # copies of each other: ST012 compares documents
        (source,) = SEEDS.glob(f"{seed}_*.txt")
        shutil.copy(source, tmp_path / "docs" / source.name)
    return tmp_path


def report(project, fmt: str) -> str:
    proc = run_cli("check", "docs", "--isolated", "--no-progress", "--format", fmt, cwd=project)
    assert proc.returncode == 1, proc.stderr.decode()
    return proc.stdout.decode()


def findings(project) -> list[dict]:
    return json.loads(report(project, "json"))


def validate(document, schema_name: str) -> None:
    schema = json.loads((FORMATS / schema_name).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(document))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_gitlab_code_quality(project):
    issues = json.loads(report(project, "gitlab"))
    validate(issues, "gitlab-codequality.schema.json")
    expected = findings(project)
    assert len(issues) == len(expected)
    assert len({i["fingerprint"] for i in issues}) == len(issues), "GitLab shows one issue per fingerprint"
    first = next(i for i in issues if i["check_name"].startswith("PH001") and i["location"]["path"] == "docs/a.txt")
    assert first["location"] == {
        "path": "docs/a.txt", "lines": {"begin": 2, "end": 2},
        "positions": {"begin": {"line": 2, "column": 2}, "end": {"line": 2, "column": 5}},
    }
    assert first["severity"] == "major" and "XX年" in first["description"]


def test_gitlab_fingerprints_survive_a_moved_finding(project):
    before = {i["check_name"]: i["fingerprint"] for i in json.loads(report(project, "gitlab"))
              if "a.txt" in i["location"]["path"]}
    (project / "docs" / "a.txt").write_text("新加的一行。\n\n" + TEXT, encoding="utf-8")
    after = {i["check_name"]: i["fingerprint"] for i in json.loads(report(project, "gitlab"))
             if "a.txt" in i["location"]["path"]}
    assert after == before


def _byte_span(data: bytes, rng: dict) -> bytes:
    """What reviewdog reads at a range: lines from 1, columns in UTF-8 bytes, end exclusive."""
    starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
    start = starts[rng["start"]["line"] - 1] + rng["start"]["column"] - 1
    end = starts[rng["end"]["line"] - 1] + rng["end"]["column"] - 1
    return data[start:end]


def test_rdjson_ranges_are_utf8_byte_columns_and_fixes_are_suggestions(project):
    result = json.loads(report(project, "rdjson"))
    validate(result, "rdjson.schema.json")
    assert result["source"]["name"] == "wenlint"
    expected = findings(project)
    assert len(result["diagnostics"]) == len(expected)
    data = (project / "docs" / "a.txt").read_bytes()
    mine = [d for d in result["diagnostics"] if d["location"]["path"] == "docs/a.txt"]
    texts = [f["text"] for f in expected if f["path"] == "docs/a.txt"]
    assert [_byte_span(data, d["location"]["range"]).decode() for d in mine] == texts
    by_code = {d["code"]["value"]: d for d in mine}
    greeting = by_code["CH001"]["suggestions"]
    assert len(greeting) == 1 and greeting[0]["text"] == ""
    assert _byte_span(data, greeting[0]["range"]).decode() == "小花文档网欢迎您!\n"  # the whole line goes
    (doubled,) = by_code["ST004"]["suggestions"]  # after a 4-byte character; an unsafe fix is suggested too
    assert _byte_span(data, doubled["range"]).decode() == "的的" and doubled["text"] == "的"
    assert "suggestions" not in by_code["PH001"]  # nothing to suggest for an unfilled year
    copies = [d for d in result["diagnostics"] if d["code"]["value"] == "ST012"]
    assert copies and all("line" in d["location"]["range"]["start"] for d in copies)


# The consumers' patterns: Jenkins' Warnings plugin (PyLintParser, pylint's parseable format) and
# reviewdog's errorformat for pylint (`%f:%l: %m`).
WARNINGS_PLUGIN = re.compile(r"(.*):(\d+): \[(\D\d*).*\] (.*)")
ERRORFORMAT = re.compile(r"(?P<file>[^:]+):(?P<line>\d+): (?P<message>.*)")


def test_pylint_parseable_lines_are_read_by_its_consumers(project):
    lines = report(project, "pylint").splitlines()
    expected = findings(project)
    assert len(lines) == len(expected)
    for line, finding in zip(lines, expected):
        match = WARNINGS_PLUGIN.fullmatch(line)
        assert match, line
        assert (match.group(1), int(match.group(2))) == (finding["path"], finding["line"])
        assert match.group(3) == finding["code"][0] and f"[{finding['code']}({finding['name']}), ]" in line
        assert ERRORFORMAT.fullmatch(line).group("file") == finding["path"]
