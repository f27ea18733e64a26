"""`wenlint filter`: kept and dropped records, the reasons, every other field preserved, --fix as a
cleaning step, gates; and the frame API (`lint_frame`, `profile_frame`)."""

from __future__ import annotations

import json

import pytest

from .conftest import SEEDS, run_wenlint
from .test_records import ROWS, TEXTS, write_shards

pd = pytest.importorskip("pandas")


def read_rows(path):
    if str(path).endswith(".jsonl"):
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    if str(path).endswith(".json"):
        return json.load(open(path, encoding="utf-8"))
    if str(path).endswith(".csv"):
        return pd.read_csv(path, keep_default_na=False).to_dict("records")
    return pd.read_parquet(path).to_dict("records")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "parquet"])
def test_kept_and_dropped_with_reasons_and_every_field(tmp_path, fmt):
    shard = write_shards(tmp_path / "in")[fmt]
    kept, dropped = tmp_path / f"kept.{fmt}", tmp_path / f"dropped.{fmt}"
    proc = run_wenlint("filter", shard, "--kept", str(kept), "--dropped", str(dropped), "--isolated",
                       "--id-field", "id", plugins=False)
    assert proc.returncode == 0, proc.stderr
    assert "kept 2 and dropped 2 records" in proc.stderr.decode()
    kept_rows, dropped_rows = read_rows(kept), read_rows(dropped)
    assert [r["id"] for r in kept_rows] == ["r3", "r4"]
    assert [r["id"] for r in dropped_rows] == ["r1", "r2"]
    by_id = {r["id"]: r for r in ROWS}
    for row in kept_rows + dropped_rows:  # every field as it was
        for key in ("text", "lang", "score"):
            assert row[key] == by_id[row["id"]][key] or (fmt == "csv" and str(row[key]) == str(by_id[row["id"]][key]))
    reasons = {r["id"]: r["wenlint_reasons"] for r in dropped_rows}
    if fmt == "csv":
        reasons = {k: v.split(";") for k, v in reasons.items()}
    assert list(reasons["r2"]) == ["PH001"]
    assert "PH001" in list(reasons["r1"]) and "CH001" in list(reasons["r1"])


def test_fix_cleans_the_text_before_judging(tmp_path):
    text = "小花文档网欢迎您!\n当前位置:首页 > 工作总结\n今年的工作顺利完成。\n"
    shard = write_shards(tmp_path, [{"id": "a", "text": text, "source": "web"}])["jsonl"]
    kept = tmp_path / "kept.jsonl"
    proc = run_wenlint("filter", shard, "--kept", str(kept), "--isolated", "--fix", plugins=False)
    assert proc.returncode == 0, proc.stderr
    assert read_rows(kept) == [{"id": "a", "text": "今年的工作顺利完成。\n", "source": "web"}]
    # without --fix the chrome is a reason to drop it
    dropped = tmp_path / "dropped.jsonl"
    run_wenlint("filter", shard, "--dropped", str(dropped), "--isolated", "--drop-on", "info", plugins=False)
    assert {"CH001", "CH002"} <= set(read_rows(dropped)[0]["wenlint_reasons"])


def test_gates_and_drop_level(tmp_path):
    shard = write_shards(tmp_path, ROWS)["jsonl"]
    dropped = tmp_path / "dropped.jsonl"
    proc = run_wenlint("filter", shard, "--dropped", str(dropped), "--drop-on", "error", "--gate", "ci",
                       "--isolated", "--id-field", "id", "--reasons-field", "why", plugins=False)
    assert proc.returncode == 0, proc.stderr
    reasons = {r["id"]: r["why"] for r in read_rows(dropped)}
    assert set(reasons) == {"r1", "r2"}
    assert any(reason.startswith("ci:") for reason in reasons["r2"]) and "PH001" in reasons["r2"]
    assert "CH001" not in reasons["r1"]  # a warning: below --drop-on error


def test_usage_errors_and_bad_records(tmp_path):
    shard = tmp_path / "s.jsonl"
    shard.write_text('{"text": "正文。"}\n{bad\n', encoding="utf-8")
    proc = run_wenlint("filter", str(shard), plugins=False)
    assert proc.returncode == 2 and b"--kept" in proc.stderr
    proc = run_wenlint("filter", str(tmp_path / "notes.txt"), "--kept", "k.jsonl", plugins=False)
    assert proc.returncode == 2 and b"not a record shard" in proc.stderr
    kept = tmp_path / "kept.jsonl"
    proc = run_wenlint("filter", str(shard), "--kept", str(kept), "--isolated", plugins=False)
    assert proc.returncode == 2 and b"s.jsonl#2: not JSON" in proc.stderr and b"Traceback" not in proc.stderr
    assert read_rows(kept) == [{"text": "正文。"}]
    assert not list(tmp_path.glob(".wenlint-*"))  # no temporary file left


def test_lint_frame_and_profile_frame():
    import wenlint
    from wenlint.frames import findings_schema
    from wenlint.profile.schema import profile_schema

    frame = pd.DataFrame(ROWS)
    findings = wenlint.lint_frame(frame, text="text", id="id")
    findings_schema().validate(findings)
    expected = sorted((key, f.line, f.code) for key, text in TEXTS.items() if text
                      for f in wenlint.lint_text(text, path=key))
    assert sorted(zip(findings["path"], findings["line"], findings["code"])) == expected
    rows = wenlint.profile_frame(frame, text="text", id="id")
    profile_schema().validate(rows)
    assert list(rows["path"]) == ["r1", "r2", "r3", "r4"]
    assert rows.set_index("path").loc["r2", "findings_placeholder"] == 1
    # without an id column: the index; a missing text column is a clear error
    assert set(wenlint.lint_frame(frame.drop(columns="id"))["path"]) == {"0", "1"}
    with pytest.raises(wenlint.errors.InputError, match="no column 'body'"):
        wenlint.lint_frame(frame, text="body")


def test_lint_frame_compares_the_rows():
    import wenlint

    seed = (SEEDS / "000_fb3087a37759ce00.txt").read_text(encoding="utf-8")
    frame = pd.DataFrame({"id": ["a", "b"], "text": [seed, "标题\n" + seed]})
    found = wenlint.lint_frame(frame, select=["ST012"])
    assert list(zip(found["path"], found["line"])) == [("a", 1), ("b", 2)]
