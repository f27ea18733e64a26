"""The datatrove filter step in a real datatrove pipeline (local executor): kept documents go on,
dropped ones go to the exclusion writer with their reasons in the metadata. Skipped without
datatrove (`pip install 'wenlint[datatrove]'`)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (the datatrove extra)")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from wenlint.adapters.datatrove import WenlintFilter  # noqa: E402

ROWS = [
    {"id": "chrome", "text": "小花文档网欢迎您!\n今年的工作顺利完成。\n", "source": "web"},
    {"id": "placeholder", "text": "XX年工作总结\n正文写完了。", "source": "web"},
    {"id": "clean", "text": "今年的工作顺利完成。", "source": "book"},
]


def _read(folder):
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.open(encoding="utf-8")]


def test_a_pipeline_keeps_fixes_and_drops_with_reasons(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    pipeline = [
        JsonlReader(str(source)),
        WenlintFilter(fix=True, exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None)),
        JsonlWriter(str(tmp_path / "kept"), compression=None),
    ]
    LocalPipelineExecutor(pipeline, tasks=1, logging_dir=str(tmp_path / "logs")).run()
    kept = {r["id"]: r for r in _read(tmp_path / "kept")}
    dropped = {r["id"]: r for r in _read(tmp_path / "dropped")}
    assert set(kept) == {"chrome", "clean"} and set(dropped) == {"placeholder"}
    assert kept["chrome"]["text"] == "今年的工作顺利完成。\n"  # the safe fixes were applied
    assert kept["chrome"]["metadata"]["source"] == "web" and kept["chrome"]["metadata"]["wenlint_reasons"] == []
    assert dropped["placeholder"]["metadata"]["wenlint_reasons"] == ["PH001"]
    assert dropped["placeholder"]["metadata"]["filter_reason"] == "PH001"


def test_gates_drop_level_and_batches():
    step = WenlintFilter(gates=["ci"], drop_on="error", batch_size=2)
    docs = [Document(text=r["text"], id=r["id"]) for r in ROWS]
    results = step.filter_batch(docs)
    assert results[0] == (False, "ci:no-chrome")  # the gate's check; CH001 is a warning, below drop_on
    assert docs[0].metadata["wenlint_reasons"] == ["ci:no-chrome"]
    assert results[2] is True
    assert results[1][0] is False and "PH001" in docs[1].metadata["wenlint_reasons"]
    assert any(reason.startswith("ci:") for reason in docs[1].metadata["wenlint_reasons"])
    import pickle

    assert pickle.loads(pickle.dumps(step)).filter(Document(text="XX年", id="x"))[0] is False
