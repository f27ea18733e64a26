"""The Data-Juicer operators run by Data-Juicer itself on a dataset. py-data-juicer is not in the
dev extra (about 75 packages): these tests run only where it is installed."""

from __future__ import annotations

import pytest

pytest.importorskip("data_juicer", reason="py-data-juicer is not installed (the data-juicer extra)")

from data_juicer.core.data import NestedDataset  # noqa: E402
from data_juicer.ops.base_op import OPERATORS  # noqa: E402
from data_juicer.utils.constant import Fields  # noqa: E402

from wenlint.adapters.data_juicer import WenlintFilter, WenlintMapper  # noqa: E402

ROWS = [
    {"text": "小花文档网欢迎您!\n今年的工作顺利完成。\n", "source": "web"},
    {"text": "XX年工作总结\n正文写完了。", "source": "web"},
    {"text": "今年的工作顺利完成。", "source": "book"},
]


def test_the_operators_are_registered():
    assert OPERATORS.modules["wenlint_filter"] is WenlintFilter
    assert OPERATORS.modules["wenlint_mapper"] is WenlintMapper


def test_mapper_then_filter_on_a_dataset():
    dataset = NestedDataset.from_list(ROWS)
    cleaned = WenlintMapper().run(dataset)
    assert cleaned["text"][0] == "今年的工作顺利完成。\n" and cleaned["source"] == ["web", "web", "book"]
    kept = WenlintFilter().run(cleaned)
    assert kept["text"] == ["今年的工作顺利完成。\n", "今年的工作顺利完成。"]
    stats = WenlintFilter().run(dataset, reduce=False)[Fields.stats]
    assert [s["wenlint_reasons"] for s in stats] == ["CH001", "PH001", ""]


def test_filter_with_gates_drop_level_and_fix():
    dataset = NestedDataset.from_list(ROWS)
    kept = WenlintFilter(drop_on="error").run(dataset)
    assert kept["text"] == [ROWS[0]["text"], ROWS[2]["text"]]  # the chrome is a warning
    stats = WenlintFilter(gates=["ci"], drop_on="error", fix=True).run(dataset, reduce=False)[Fields.stats]
    reasons = [s["wenlint_reasons"].split(";") for s in stats]
    assert reasons[0] == [""] and "PH001" in reasons[1] and any(r.startswith("ci:") for r in reasons[1])
