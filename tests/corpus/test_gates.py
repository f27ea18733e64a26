"""Gates: TOML thresholds on profile columns, compiled to pandera, every failure reported."""

from __future__ import annotations

import json
import textwrap

import pytest

from wenlint.profile.gates import (GateError, builtin_checks_dir, builtin_gates, compile_gates, evaluate,
                                   gate_passed, load_gate)
from wenlint.profile.schema import profile_frame

from .conftest import DEMO_PACK, ROOT, run_wenlint

HASH = "0" * 32


def row(path: str, **values) -> dict:
    base = {"path": path, "encoding": "utf-8", "characters": 1000, "lines": 20, "nonblank_lines": 18,
            "han": 800, "script": "simplified", "script_ratio": 0.0, "findings": 0,
            "chrome_share": 0.0, "placeholders": 0, "duplicate_share": 0.0, "content_hash": HASH}
    for column in ("placeholder", "mask", "number", "chrome", "script", "structure", "meta", "other",
                   "error", "warning", "info"):
        base[f"findings_{column}"] = 0
    base.update(values)
    base["findings"] = base["findings_error"] + base["findings_warning"] + base["findings_info"]
    return base


def gate_file(tmp_path, body: str, name: str = "g.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GATE = """
    [[checks]]
    name = "no-errors"
    column = "findings_error"
    op = "=="
    value = 0
    message = "{value} errors"

    [[checks]]
    name = "one-script"
    column = "script_ratio"
    op = "not-between"
    values = [0.02, 0.98]

    [[checks]]
    name = "little-chrome"
    column = "chrome_share"
    op = "<="
    value = 0.05
    severity = "warning"
    message = "chrome {value:.0%}"

    [[checks]]
    name = "known-script"
    column = "script"
    op = "in"
    values = ["simplified", "traditional", "none", "unknown"]
"""


def test_every_failing_document_and_check_is_reported(tmp_path):
    gate = load_gate(str(gate_file(tmp_path, GATE)))
    frame = profile_frame([
        row("ok.txt", script_ratio=float("nan"), script="unknown"),
        row("bad.txt", findings_error=3, script="mixed", script_ratio=0.4, chrome_share=0.5),
        row("edge.txt", script_ratio=0.98, chrome_share=0.05),  # bounds are inclusive
        row("warn.txt", chrome_share=0.06, script_ratio=1.0, script="traditional"),
    ])
    failures = evaluate([gate], frame)
    assert [(f.path, f.check) for f in failures] == [
        ("bad.txt", "no-errors"), ("bad.txt", "one-script"), ("bad.txt", "little-chrome"),
        ("bad.txt", "known-script"), ("edge.txt", "one-script"), ("warn.txt", "little-chrome"),
    ]
    assert failures[0].message == "3 errors" and failures[0].value == 3 and failures[0].expected == "== 0"
    assert failures[2].message == "chrome 50%" and failures[2].severity == "warning"
    assert failures[3].value == "mixed"
    assert "script_ratio = 0.4" in failures[1].message and "not-between 0.02 and 0.98" in failures[1].message
    assert not gate_passed(failures)
    assert gate_passed([f for f in failures if f.path == "warn.txt"])  # warnings alone pass


def test_every_op(tmp_path):
    ops = [("==", 5, [5], [4]), ("!=", 5, [4], [5]), ("<", 5, [4], [5]), ("<=", 5, [5], [6]),
           (">", 5, [6], [5]), (">=", 5, [5], [4])]
    for op, value, passing, failing in ops:
        gate = load_gate(str(gate_file(tmp_path, f'[[checks]]\ncolumn = "han"\nop = "{op}"\nvalue = {value}\n')))
        frame = profile_frame([row(f"{v}.txt", han=v) for v in passing + failing])
        assert [f.path for f in evaluate([gate], frame)] == [f"{v}.txt" for v in failing], op
    for op, values, failing in (("between", "[10, 20]", ["9", "21"]), ("not-between", "[10, 20]", ["10", "20"]),
                                ("in", "[10, 21]", ["9", "20"]), ("not-in", "[10, 21]", ["10", "21"])):
        gate = load_gate(str(gate_file(tmp_path, f'[[checks]]\ncolumn = "han"\nop = "{op}"\nvalues = {values}\n')))
        frame = profile_frame([row(f"{v}.txt", han=v) for v in (9, 10, 20, 21)])
        assert [f.path for f in evaluate([gate], frame)] == [f"{v}.txt" for v in failing], op


def test_a_gate_compiles_to_one_pandera_schema(tmp_path):
    import pandera.pandas as pa

    schema, numbered = compile_gates([load_gate(str(gate_file(tmp_path, GATE)))])
    assert isinstance(schema, pa.DataFrameSchema)
    assert set(schema.columns) == {"findings_error", "script_ratio", "chrome_share", "script"}
    assert numbered[("chrome_share", 0)].name == "little-chrome"


@pytest.mark.parametrize("body, words", [
    ('[[checks]]\nname = "x"\ncolumn = "nope"\nop = "=="\nvalue = 0\n', ["check 'x'", "unknown column 'nope'"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=~"\nvalue = 0\n', ["check 'x'", "bad op '=~'"]),
    ('[[checks]]\ncolumn = "han"\nop = "between"\nvalues = [1]\n', ["check #1", "two values"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "between"\nvalues = [5, 1]\n', ["lower bound"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=="\nvalue = "many"\n', ["holds numbers"]),
    ('[[checks]]\nname = "x"\ncolumn = "script"\nop = "<"\nvalue = "a"\n', ["numeric column"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=="\nvalue = 1\nvalues = [1]\n', ["either value or values"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=="\nvalue = 1\nlevel = "high"\n', ["unknown key 'level'"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=="\nvalue = 1\nseverity = "info"\n', ["severity"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "=="\nvalue = 1\nmessage = "{nope}"\n', ["message template"]),
    ('[[checks]]\nname = "x"\ncolumn = "han"\nop = "in"\nvalues = []\n', ["non-empty"]),
    ('[gate]\ndescription = "nothing"\n', ["at least one [[checks]]"]),
    ('[[checks]\nbroken', ["invalid TOML"]),
])
def test_a_broken_gate_is_an_error_naming_file_and_check(tmp_path, body, words):
    path = gate_file(tmp_path, body, "broken.toml")
    with pytest.raises(GateError) as caught:
        load_gate(str(path))
    for word in [str(path), *words]:
        assert word in str(caught.value)
    assert "\n" not in str(caught.value).strip()


def test_a_broken_gate_stops_the_cli_with_one_line_and_exit_2(tmp_path):
    gate_file(tmp_path, '[[checks]]\nname = "x"\ncolumn = "nope"\nop = "=="\nvalue = 0\n', "broken.toml")
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    proc = run_wenlint("profile", "a.txt", "--gate", "broken.toml", cwd=tmp_path, plugins=False)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in stderr and proc.stdout == b""
    assert stderr.startswith("wenlint: error: broken.toml: check 'x': unknown column 'nope'")
    assert len(stderr.strip().splitlines()) == 1


def test_shipped_gates_load_by_name_and_path():
    assert builtin_checks_dir() == ROOT / "checks"
    assert {"ci", "corpus"} <= set(builtin_gates())
    for name in ("ci", "corpus"):
        by_name, by_path = load_gate(name), load_gate(str(ROOT / "checks" / f"{name}.toml"))
        assert by_name.checks == by_path.checks and by_name.description
        compile_gates([by_name])
    with pytest.raises(GateError, match="shipped gates: ci, corpus"):
        load_gate("nope")


def test_ci_gate_on_documents(tmp_path):
    (tmp_path / "clean.txt").write_text("2019年工作总结\n一年来，圆满完成了各项任务。\n", encoding="utf-8")
    (tmp_path / "dirty.txt").write_text("XX年工作总结\n小花文档网欢迎您!\n正文\n", encoding="utf-8")
    args = ("profile", ".", "--isolated", "--rules", str(DEMO_PACK), "--gate", "ci")
    proc = run_wenlint(*args, cwd=tmp_path, plugins=False)
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "ci:no-errors" in out and "ci:no-chrome" in out and "Gate ci failed" in out
    data = json.loads(run_wenlint(*args, "-f", "json", cwd=tmp_path, plugins=False).stdout)
    assert data["passed"] is False and data["gates"][0]["name"] == "ci"
    assert {(f["path"], f["check"]) for f in data["failures"] if f["severity"] == "error"} == {
        ("dirty.txt", "no-errors"), ("dirty.txt", "no-placeholders"), ("dirty.txt", "no-chrome")}
    (tmp_path / "dirty.txt").unlink()
    passed = run_wenlint(*args, cwd=tmp_path, plugins=False)
    assert passed.returncode == 0 and "Gate ci passed" in passed.stdout.decode()


def test_warning_checks_do_not_fail_the_run(tmp_path):
    gate_file(tmp_path, '[[checks]]\nname = "long"\ncolumn = "han"\nop = ">="\nvalue = 100\nseverity = "warning"\n')
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    proc = run_wenlint("profile", "a.txt", "--isolated", "--gate", "g.toml", "-f", "json", cwd=tmp_path, plugins=False)
    data = json.loads(proc.stdout)
    assert proc.returncode == 0 and data["passed"] is True and data["failures"][0]["check"] == "long"
