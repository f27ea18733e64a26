"""Data-Juicer operators: `wenlint_filter` (keep or drop a sample) and `wenlint_mapper` (the safe
fixes: chrome lines removed, script normalised).

    process:
      - wenlint_mapper: {}
      - wenlint_filter: {gates: [corpus], drop_on: error}

Importing this module registers both in Data-Juicer's operator registry (`OPERATORS`); a recipe
names them once the module is imported (e.g. from a custom-operator path). The filter writes the
reasons of its verdict (finding codes and failing `gate:check`, `;`-separated, empty when the
sample passes) to the sample's stats under `wenlint_reasons`, and keeps the samples with none.
Samples are judged a batch at a time (the gates are one pandera validation per batch).
"""

from __future__ import annotations

from data_juicer.ops.base_op import OPERATORS, Filter, Mapper
from data_juicer.utils.constant import Fields

from ..config import Overrides
from ..profile.verdict import Judge

REASONS = "wenlint_reasons"


def _judge(gates, select, ignore, drop_on, fix) -> Judge:
    from ..profile.gates import load_gates

    overrides = Overrides(select=None if select is None else list(select), ignore=list(ignore or ()))
    return Judge(overrides=overrides, gates=load_gates(list(gates or ())), drop_on=drop_on, fix=fix)


class _Judged:
    """The Judge is built on first use, in the process that runs the operator (Data-Juicer
    pickles operators to its worker processes)."""

    def judge(self) -> Judge:
        judge = self.__dict__.get("_judge")
        if judge is None:
            judge = self.__dict__["_judge"] = _judge(*self._wenlint)
        return judge

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_judge", None)
        return state


@OPERATORS.register_module("wenlint_filter")
class WenlintFilter(_Judged, Filter):
    """Keep the samples that wenlint passes: no findings at or above `drop_on` (default warning)
    and no failing error check of the `gates`; with `fix`, judged as they read after the safe fixes."""

    _batched_op = True

    def __init__(self, gates: list[str] | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, drop_on: str | None = None, fix: bool = False,
                 *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._wenlint = (gates, select, ignore, drop_on, fix)

    def compute_stats_batched(self, samples):
        texts, stats = samples[self.text_key], samples[Fields.stats]
        pending = [i for i, stat in enumerate(stats) if REASONS not in stat]
        verdicts = self.judge().judge((str(i), texts[i] or "") for i in pending)
        for i, verdict in zip(pending, verdicts):
            stats[i][REASONS] = ";".join(verdict.reasons)
        return samples

    def process_batched(self, samples):
        return [not stat[REASONS] for stat in samples[Fields.stats]]


@OPERATORS.register_module("wenlint_mapper")
class WenlintMapper(_Judged, Mapper):
    """Apply wenlint's safe fixes to the text (chrome lines removed, script normalised)."""

    _batched_op = True

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._wenlint = ((), select, ignore, None, True)

    def process_batched(self, samples):
        texts = samples[self.text_key]
        for i, verdict in enumerate(self.judge().judge((str(i), text or "") for i, text in enumerate(texts))):
            texts[i] = verdict.text
        return samples
