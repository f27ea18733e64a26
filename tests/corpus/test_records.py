"""Record shards (JSONL, JSON arrays, CSV, Parquet) as input of `check` and `profile`: every format
gives the same findings, named `shard#id` (or `#line`), with positions inside the record's text;
bad records and shards are one line each; a pool gives what a serial run gives."""

from __future__ import annotations

import json

import pytest

from wenlint.config import Overrides
from wenlint.documents.records import Fields, iter_records
from wenlint.engine.run import RunOptions, run

from .conftest import SEEDS, run_wenlint

TEXTS = {
    "r1": (SEEDS / "002_ccefc474faee903e.txt").read_text(encoding="utf-8"),
    "r2": "XX年工作总结\n正文写完了。",
    "r3": "",
    "r4": "一切正常的一句话。",
}
ROWS = [{"id": key, "text": text, "lang": "zh", "score": n / 10} for n, (key, text) in enumerate(TEXTS.items())]


def write_shards(folder, rows=ROWS) -> dict[str, str]:
    import pandas as pd

    folder.mkdir(parents=True, exist_ok=True)
    paths = {fmt: str(folder / f"shard.{fmt}") for fmt in ("jsonl", "json", "csv", "parquet")}
    with open(paths["jsonl"], "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(paths["json"], "w", encoding="utf-8") as out:
        json.dump(rows, out, ensure_ascii=False, indent=1)
    pd.DataFrame(rows).to_csv(paths["csv"], index=False)
    pd.DataFrame(rows).to_parquet(paths["parquet"], index=False)
    return paths


def findings_by_record(result):
    return sorted((f.path.split("#", 1)[1], f.line, f.column, f.end_line, f.end_column, f.code, f.text)
                  for f in result.findings)


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    return write_shards(tmp_path_factory.mktemp("shards"))


def test_every_format_gives_the_same_findings_at_the_records_ids(shards):
    expected = None
    for fmt, path in shards.items():
        result = run([path], Overrides(), RunOptions(isolated=True, id_field="id"))
        assert not result.errors, fmt
        got = findings_by_record(result)
        assert {f.path for f in result.findings} <= {f"{path}#r1", f"{path}#r2"}
        expected = expected or got
        assert got == expected, fmt
    # positions are inside the record's text, and a finding's text is exactly there
    for key, line, column, end_line, end_column, code, text in expected:
        lines = TEXTS[key].split("\n")
        assert end_line == line and lines[line - 1][column - 1 : end_column - 1] == text
    assert ("r2", 1, 1, 1, 4, "PH001", "XX年") in expected


def test_without_an_id_field_records_are_named_by_line_or_position(tmp_path):
    shard = tmp_path / "s.jsonl"
    shard.write_text('{"text": "正文。"}\n\n{"text": "XX年工作总结"}\n', encoding="utf-8")
    result = run([str(shard)], Overrides(), RunOptions(isolated=True))
    assert [f.path for f in result.findings] == [f"{shard}#3"]  # its line in the file
    csv = tmp_path / "s.csv"
    csv.write_text('text,id\n"正文。\n第二行",a\nXX年工作总结,b\n', encoding="utf-8")
    assert [f.path for f in run([str(csv)], Overrides(), RunOptions(isolated=True)).findings] == [f"{csv}#2"]
    # an id field that a record lacks: its position
    assert [f.path for f in run([str(shard)], Overrides(), RunOptions(isolated=True, id_field="id")).findings] == [f"{shard}#3"]


def test_bad_records_and_shards_are_one_line_each_and_the_rest_is_linted(tmp_path):
    shard = tmp_path / "bad.jsonl"
    shard.write_text('{"text": "XX年工作总结"}\n{oops\n{"body": "x"}\n{"text": 5}\n[1]\n', encoding="utf-8")
    (tmp_path / "no-text.csv").write_text("body\nXX年\n", encoding="utf-8")
    (tmp_path / "object.json").write_text('{"text": "XX年"}', encoding="utf-8")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet")
    proc = run_wenlint("check", "bad.jsonl", "no-text.csv", "object.json", "broken.parquet", "--isolated",
                       "--format", "concise", cwd=tmp_path, plugins=False)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err
    assert "bad.jsonl#2: not JSON" in err and "bad.jsonl#3: no field 'text'" in err
    assert "bad.jsonl#4: field 'text' is not text" in err and "bad.jsonl#5: not an object" in err
    assert "no-text.csv: no column 'text' (columns: body" in err
    assert "object.json: not a JSON array of records" in err and "broken.parquet: not Parquet" in err
    assert "bad.jsonl#1:1:1: PH001" in proc.stdout.decode()


def test_text_field_option_and_globs_on_the_command_line(tmp_path):
    write_shards(tmp_path / "a", [{"body": "XX年工作总结", "key": "k1"}])
    write_shards(tmp_path / "b", [{"body": "xx县的总结", "key": "k2"}])
    proc = run_wenlint("check", "*/shard.jsonl", "--text-field", "body", "--id-field", "key", "--isolated",
                       "--format", "json", cwd=tmp_path, plugins=False)
    found = {(f["path"], f["code"]) for f in json.loads(proc.stdout)}
    assert proc.returncode == 1 and found == {("a/shard.jsonl#k1", "PH001"), ("b/shard.jsonl#k2", "PH006")}


def test_a_json_array_is_decoded_incrementally_across_reads(tmp_path):
    rows = [{"id": n, "text": "第二段文字，" * 3000 + f"编号{n}"} for n in range(60)]  # several MB
    shard = tmp_path / "big.json"
    shard.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    got = [(r.key, r.text) for r in iter_records(str(shard), Fields(id="id"))]
    assert got == [(str(r["id"]), r["text"]) for r in rows]


def test_a_pool_gives_what_a_serial_run_gives(tmp_path):
    rows = [{"id": f"d{n}", "text": text} for n in range(40) for text in TEXTS.values()]
    paths = write_shards(tmp_path, rows)
    for path in (paths["jsonl"], paths["parquet"]):
        serial = run([path], Overrides(), RunOptions(isolated=True, jobs=1, id_field="id"))
        pooled = run([path], Overrides(), RunOptions(isolated=True, jobs=2, id_field="id"))
        assert [f.to_dict() for f in pooled.findings] == [f.to_dict() for f in serial.findings]
        assert len(serial.findings) > 40


def test_copies_across_records_are_found(tmp_path):
    seed = (SEEDS / "000_fb3087a37759ce00.txt").read_text(encoding="utf-8")
    rows = [{"id": "original", "text": seed}, {"id": "other", "text": TEXTS["r1"]},
            {"id": "copy", "text": "前言。\n" + seed}]
    shard = write_shards(tmp_path, rows)["jsonl"]
    result = run([shard], Overrides(select=["ST012"]), RunOptions(isolated=True, id_field="id"))
    assert sorted((f.path.split("#")[1], f.line) for f in result.findings) == [("copy", 2), ("original", 1)]


def test_profile_has_a_row_per_record(shards, tmp_path):
    out = tmp_path / "rows.csv"
    proc = run_wenlint("profile", shards["parquet"], "--id-field", "id", "--isolated", "-o", str(out), "-f", "json",
                       plugins=False)
    assert proc.returncode == 0, proc.stderr
    import pandas as pd

    rows = pd.read_csv(out)
    assert list(rows["path"]) == [f"{shards['parquet']}#{k}" for k in ("r1", "r2", "r4")]
    assert rows.set_index("path").loc[f"{shards['parquet']}#r2", "findings_placeholder"] == 1


def test_fix_on_records_is_refused_before_anything_is_written(tmp_path, shards):
    doc = tmp_path / "a.txt"
    doc.write_text("小花文档网欢迎您!\n正文。\n", encoding="utf-8")
    proc = run_wenlint("check", str(doc), shards["jsonl"], "--fix", "--isolated", plugins=False)
    assert proc.returncode == 2 and b"wenlint filter --fix" in proc.stderr and b"Traceback" not in proc.stderr
    assert doc.read_text(encoding="utf-8").startswith("小花文档网")


@pytest.mark.parametrize("exact_below", [None, 1])
def test_a_streamed_run_of_records_finds_what_a_run_holding_them_finds(tmp_path, exact_below):
    """`check` streams (`Run`): what the corpus rules collected of each record waits on disk for
    their phase (engine/spill.py) instead of in memory, and so do the findings it adds; the
    findings are those of `run`, which holds every result, copies (ST012: copies of copies too,
    compared all at once or with MinHashes) and recurring lines (CH030) included."""
    from wenlint.engine.run import Run
    from wenlint.rules.structure.copies import SAMPLE_TRADITIONAL

    seed = (SEEDS / "000_fb3087a37759ce00.txt").read_text(encoding="utf-8")
    slogan = "学习总结就上红星学习网，天天更新好文章"
    rows = [{"id": "original", "text": seed}, {"id": "copy", "text": "前言。\n" + seed}]
    rows += [{"id": f"again{n}", "text": "前言。\n" + seed} for n in range(3)]  # copies of the copy
    rows += [{"id": "indented", "text": "\n".join("  " + line for line in ("前言。\n" + seed).split("\n"))}]
    rows += [{"id": f"t{n}", "text": SAMPLE_TRADITIONAL * 2} for n in range(2)]
    rows += [{"id": f"r{n}", "text": f"{text}\n{slogan}"} for n, text in enumerate(TEXTS.values())]
    shard = write_shards(tmp_path, rows)["jsonl"]
    options = RunOptions(isolated=True, id_field="id")
    overrides = Overrides(options={"structure": {"exact-below": exact_below}} if exact_below else {})
    held = [json.dumps(f.to_dict(), ensure_ascii=False) for f in run([shard], overrides, options).findings]
    streamed = [json.dumps(f.to_dict(), ensure_ascii=False)
                for result in Run([shard], overrides, options) for f in result.findings]
    assert sorted(streamed) == sorted(held)
    assert {"ST012", "CH030"} <= {json.loads(f)["code"] for f in held}
    copied = {json.loads(f)["path"].split("#")[1] for f in held if '"ST012"' in f}
    assert copied == {"original", "copy", "again0", "again1", "again2", "indented", "t0", "t1"}
