"""`wenlint profile`: the measures of one document, the validated table, its files, the CLI."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest

from wenlint.config import Overrides, Settings
from wenlint.documents import Document, load_bytes
from wenlint.engine.run import RunOptions, run
from wenlint.engine.runner import Linter
from wenlint.profile import metrics
from wenlint.profile.metrics import measure
from wenlint.profile.output import read_frame, write_frame
from wenlint.profile.schema import COLUMNS, profile_frame, rows_from

from .conftest import DEMO_PACK, ROOT, SEEDS, run_wenlint

PACK = ROOT / "tests" / "fixtures" / "packs" / "profile.toml"


def profile_row(text: str, path: str = "doc.txt", pack: Path = PACK, **settings) -> dict:
    linter = Linter(Overrides(rule_packs=[pack], select=["PF"]).apply(Settings(**settings)))
    doc = Document(text, path=path, format="markdown" if path.endswith(".md") else "text")
    return measure(doc, linter.run_rules(doc)).row(path)


def test_measures_of_one_document():
    text = "县总工会工作总结\n\n  工作总结 浏览量:12\n正文 一\n正文　  一 \n   \nABC，XX年\n"
    row = profile_row(text)
    assert row["characters"] == len(text)
    assert row["lines"] == 7  # the final line break ends the last line
    assert row["nonblank_lines"] == 5
    assert row["han"] == 8 + 4 + 3 + 3 + 3 + 1  # ，is punctuation, not Han
    assert row["duplicate_share"] == pytest.approx(1 / 5)  # 正文　  一 repeats 正文 一
    assert row["chrome_share"] == pytest.approx(1 / 5)
    assert (row["findings_placeholder"], row["placeholders"]) == (3, 1)  # XX年 twice and XX: one place
    assert (row["findings_chrome"], row["findings_error"], row["findings_warning"], row["findings_info"]) == (1, 2, 1, 1)
    assert row["findings"] == 4
    assert row["findings_mask"] == row["findings_other"] == 0
    assert len(row["content_hash"]) == 32


def test_placeholders_count_places_not_findings():
    assert profile_row("XX年，XX，XX年XX年\n")["placeholders"] == 4
    assert profile_row("2019年工作总结\n")["placeholders"] == 0


def test_chrome_share_counts_lines_once_and_ignores_blank_lines():
    row = profile_row("浏览量:1 浏览量:2\n正文\n\n\n正文二\n")
    assert row["findings_chrome"] == 2 and row["chrome_share"] == pytest.approx(1 / 3)
    assert profile_row("\n\n")["chrome_share"] == 0.0  # no non-blank line: no division by zero


def test_markdown_code_is_not_prose():
    row = profile_row("# 标题\n\n```\n代码代码\n代码代码\n```\n\n正文\n", path="a.md")
    assert row["han"] == 4 and row["duplicate_share"] == 0.0
    assert row["nonblank_lines"] == 2


def test_content_hash_ignores_encoding_line_endings_and_spacing():
    text = "县总工会工作总结\n一年来，  圆满完成了各项任务。\n"
    a = load_bytes(text.encode("utf-8"), "a.txt")
    b = load_bytes(text.replace("\n", "\r\n").replace("  ", " ").encode("gb18030"), "b.txt")
    c = load_bytes(text.replace("一年来", "两年来").encode("utf-8"), "c.txt")
    assert b.encoding != a.encoding
    assert measure(a).content_hash == measure(b).content_hash != measure(c).content_hash


def test_script_falls_back_to_unknown_without_the_detector(monkeypatch):
    monkeypatch.setattr(metrics, "_script_info", metrics._NO_SCRIPT_INFO)
    row = profile_row("县总工会工作总结\n")
    assert row["script"] == "unknown" and math.isnan(row["script_ratio"])
    profile_frame([row])  # NaN is a valid ratio


def test_script_columns_come_from_the_detector():
    detect = pytest.importorskip(
        "wenlint.rules.script._detect",
        reason="script_info comes with the SC family (branch script); the lead merges both",
    )
    from opencc import OpenCC

    text = (SEEDS / "002_ccefc474faee903e.txt").read_text(encoding="utf-8")
    simplified = Document(OpenCC("t2s").convert(text), path="s.txt")
    traditional = Document(OpenCC("s2t").convert(text), path="t.txt")
    for doc, script in ((simplified, "simplified"), (traditional, "traditional")):
        row = measure(doc).row(doc.path)
        info = detect.script_info(doc)
        assert row["script"] == info.script == script
        assert row["script_ratio"] == pytest.approx(info.ratio)
    assert measure(Document("ABC 123\n", path="x.txt")).row("x.txt")["script"] == "none"


def test_the_table_is_validated():
    import pandera.errors

    row = profile_row("XX年\n")
    frame = profile_frame([row, {**row, "path": "b.txt"}])
    assert list(frame.columns) == list(COLUMNS)
    assert str(frame["findings"].dtype) == "int64" and str(frame["chrome_share"].dtype) == "float64"
    for bad in ({"chrome_share": 1.5}, {"script": "klingon"}, {"han": -1}, {"content_hash": "xyz"},
                {"findings": 99}, {"nonblank_lines": 99}):
        with pytest.raises(pandera.errors.SchemaError):
            profile_frame([{**row, **bad}])


def test_profile_counts_match_the_findings_of_a_check(corpus, plugin_path):
    """Per document, the profile's counts are the counts of `wenlint check` (the corpus phase's
    findings included), though the profile run never holds the findings."""
    overrides = Overrides(rule_packs=[DEMO_PACK], select=["ZZ"], extend_select=["XC001", "XC002"])
    checked = run([str(corpus)], overrides, RunOptions(isolated=True))
    profiled = run([str(corpus)], overrides, RunOptions(isolated=True, profile=True))
    assert all(not r.findings or all(f.code == "XC001" for f in r.findings) for r in profiled.results)
    frame = profile_frame(rows_from(profiled.results)).set_index("path")
    linted = [r for r in checked.results if r.error is None and r.warning is None]
    assert sorted(frame.index) == sorted(r.path for r in linted)
    for r in linted:
        counts = Counter()
        for f in r.findings:
            counts[f"findings_{f.category}"] += 1
            counts[f"findings_{f.severity}"] += 1
        for column in ("findings_structure", "findings_chrome", "findings_placeholder", "findings_script",
                       "findings_error", "findings_warning", "findings_info"):
            assert frame.at[r.path, column] == counts[column], (r.path, column)
        assert frame.at[r.path, "findings"] == len(r.findings)
    assert frame["findings_structure"].sum() >= 2  # XC001 (corpus phase) is in


@pytest.mark.parametrize("name", ["p.parquet", "p.csv", "p.json", "p.jsonl", "parts/"])
def test_output_files_round_trip(tmp_path, name):
    import pandas as pd

    rows = [profile_row("XX年\n浏览量:3\n"), {**profile_row("正文\n"), "path": "b.txt", "encoding": None}]
    frame = profile_frame(rows)
    fmt = {"p.parquet": "parquet", "p.csv": "csv", "p.json": "json", "p.jsonl": "jsonl", "parts/": "parquet"}[name]
    write_frame(frame, str(tmp_path / name) + ("/" if name.endswith("/") else ""), fmt)
    back = profile_frame(read_frame(str(tmp_path / name)).to_dict("records"))
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)


def test_cli_table_json_and_files(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("XX年工作总结\n小花文档网欢迎您!\n正文\n", encoding="utf-8")
    (docs / "b.txt").write_text("2019年工作总结\n正文\n", encoding="utf-8")
    args = ("profile", "docs", "--isolated", "--rules", str(DEMO_PACK), "--select", "ZZ")
    table = run_wenlint(*args, cwd=tmp_path, plugins=False)
    assert table.returncode == 0, table.stderr
    out = table.stdout.decode()
    assert "docs/a.txt" in out and "docs/b.txt" in out and "2 documents" in out
    data = json.loads(run_wenlint(*args, "--format", "json", cwd=tmp_path, plugins=False).stdout)
    assert data["documents"] == 2 and [r["path"] for r in data["profile"]] == ["docs/a.txt", "docs/b.txt"]
    assert set(data["profile"][0]) == set(COLUMNS)
    assert data["profile"][0]["findings_chrome"] == 1 and data["profile"][0]["chrome_share"] == pytest.approx(1 / 3)
    written = run_wenlint(*args, "-o", "out.parquet", cwd=tmp_path, plugins=False)
    assert written.returncode == 0 and written.stdout == b""
    assert "wrote the profile of 2 documents to out.parquet" in written.stderr.decode()
    assert list(read_frame(str(tmp_path / "out.parquet"))["path"]) == ["docs/a.txt", "docs/b.txt"]
    forced = run_wenlint(*args, "-o", "out.data", "--output-format", "csv", cwd=tmp_path, plugins=False)
    assert forced.returncode == 0 and (tmp_path / "out.data").read_text(encoding="utf-8").startswith("path,encoding,")


def test_cli_standard_input_and_errors(tmp_path):
    proc = run_wenlint("profile", "-", "--isolated", "-f", "json", stdin="XX年\n".encode(), cwd=tmp_path, plugins=False)
    assert proc.returncode == 0 and json.loads(proc.stdout)["profile"][0]["path"] == "-"
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    bad_suffix = run_wenlint("profile", "a.txt", "-o", "out.xlsx", cwd=tmp_path, plugins=False)
    assert bad_suffix.returncode == 2 and "out.xlsx" in bad_suffix.stderr.decode()
    assert len(bad_suffix.stderr.decode().strip().splitlines()) == 1
    missing = run_wenlint("profile", "a.txt", "nope.txt", "-f", "json", "--isolated", cwd=tmp_path, plugins=False)
    assert missing.returncode == 2 and "nope.txt: no such file" in missing.stderr.decode()
    assert [r["path"] for r in json.loads(missing.stdout)["profile"]] == ["a.txt"]
    no_dask_scheduler = run_wenlint("profile", "a.txt", "--scheduler", "tcp://127.0.0.1:1", cwd=tmp_path, plugins=False)
    assert no_dask_scheduler.returncode == 2 and "--engine dask" in no_dask_scheduler.stderr.decode()


def test_engine_dask_without_the_extra_says_what_to_install(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    code = ("import sys; sys.modules['distributed'] = None; from wenlint.cli import main; "
            "sys.exit(main(['check', 'a.txt', '--engine', 'dask']))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, timeout=120)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "pip install 'wenlint[dask]'" in stderr
    assert len(stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["p.csv", "p.json", "p.jsonl", "p.parquet", "parts/"])
def test_a_profile_written_a_batch_at_a_time_is_the_profile_written_whole(tmp_path, name, monkeypatch, capsys):
    """`profile -o` streams the run: a frame of rows at a time is checked by the gates and
    written, so a million records are never one frame; the file and the gate failures are those
    of the whole frame."""
    import pandas as pd

    from wenlint.cli import main, profile as profile_command
    from wenlint.profile.gates import evaluate, load_gates

    texts = ["XX年工作总结\n小花文档网欢迎您!\n正文。", "正文一句。", "", "XX年XX月\n浏览量:3", "正文两句。\n再一句。"] * 3
    shard = tmp_path / "shard.jsonl"
    shard.write_text("".join(json.dumps({"id": f"r{n}", "text": t}, ensure_ascii=False) + "\n"
                             for n, t in enumerate(texts)), encoding="utf-8")
    options = RunOptions(isolated=True, id_field="id", profile=True)
    whole = profile_frame(rows_from(run([str(shard)], Overrides(), options).results))
    assert len(whole) == 12
    fmt = {"p.csv": "csv", "p.json": "json", "p.jsonl": "jsonl", "p.parquet": "parquet", "parts/": "parquet"}[name]
    expected = tmp_path / "expected" / name
    expected.parent.mkdir()
    write_frame(whole, str(expected) + ("/" if name.endswith("/") else ""), fmt)
    monkeypatch.setattr(profile_command, "BATCH", 5)
    out = str(tmp_path / name) + ("/" if name.endswith("/") else "")
    main(["profile", str(shard), "--id-field", "id", "--isolated", "--gate", "corpus", "-f", "json", "-o", out])
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 12
    assert report["failures"] == [f.to_dict() for f in evaluate(load_gates(["corpus"]), whole)]
    assert report["failures"] and not report["passed"]
    if fmt == "parquet":
        pd.testing.assert_frame_equal(read_frame(out), read_frame(str(expected)), check_dtype=False)
    else:
        assert (tmp_path / name).read_bytes() == expected.read_bytes()
    assert not [p for p in tmp_path.rglob(".wenlint-*")]  # the temporary names are gone
