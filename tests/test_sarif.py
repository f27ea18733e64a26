"""`--format sarif`: valid against the SARIF 2.1.0 JSON schema, and what GitHub code scanning
needs on top of it (relative URIs, rule metadata, fingerprints, code-point columns)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli

jsonschema = pytest.importorskip("jsonschema")

FIXTURES = Path(__file__).parent / "fixtures"
PACK = FIXTURES / "fixpacks" / "editing.toml"
SCHEMA = json.loads((FIXTURES / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli("check", "--isolated", "--no-progress", "--rules", str(PACK), "--select", "TF",
                   "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_the_schema_fixture_is_the_sarif_2_1_0_schema():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_seeds_report_validates_against_the_schema(tmp_path):
    corpus = tmp_path / "文档 库"  # a space and Chinese in the path: URIs must be encoded
    shutil.copytree(SEEDS, corpus)
    log = sarif(corpus.name, cwd=tmp_path)
    validate(log)
    (run,) = log["runs"]
    results = run["results"]
    assert len(results) > 5
    rules = run["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("%E6%96%87%E6%A1%A3%20%E5%BA%93/")  # relative, percent-encoded
        assert result["partialFingerprints"]["wenlint/v2"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_a_region_is_the_flagged_characters(tmp_path):
    (tmp_path / "a.txt").write_text("😀服务民眾。\n第二行浏览量:1\n", encoding="utf-8")
    log = sarif("a.txt", cwd=tmp_path)
    validate(log)
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in log["runs"][0]["results"]}
    # Columns count code points: the emoji is one column.
    assert regions["TF002"] == {"startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 6,
                                "snippet": {"text": "民眾"}}
    assert regions["TF001"]["startLine"] == 2 and regions["TF001"]["snippet"]["text"] == "第二行浏览量:1"
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"TF001": "warning", "TF002": "warning"}


def test_an_empty_run_validates(tmp_path):
    (tmp_path / "clean.txt").write_text("工会2024年工作总结\n", encoding="utf-8")
    log = sarif("clean.txt", cwd=tmp_path)
    validate(log)
    assert log["runs"][0]["results"] == []


def test_the_validator_catches_a_broken_log():
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}  # no driver name
    with pytest.raises(AssertionError):
        validate(broken)
