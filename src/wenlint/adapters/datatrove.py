"""A datatrove filter step: keeps the documents wenlint passes, drops the others with reasons.

    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from wenlint.adapters.datatrove import WenlintFilter

    pipeline = [
        JsonlReader("shards/"),
        WenlintFilter(gates=["corpus"], drop_on="error", fix=True,
                      exclusion_writer=JsonlWriter("rejected/")),
        JsonlWriter("clean/"),
    ]

Every document gets `metadata["wenlint_reasons"]` (finding codes and failing `gate:check`, empty
for a kept one); a dropped document's datatrove reason (its statistics key) is its first reason.
With `fix=True` a document's text is replaced by the text with the safe fixes applied (chrome
lines removed, script normalised) before it is judged. Documents are judged in batches of
`batch_size` (the gates are one pandera validation per batch).
"""

from __future__ import annotations

from collections.abc import Iterable

from datatrove.data import Document
from datatrove.pipeline.filters.base_filter import BaseFilter

from ..config import Overrides
from ..profile.verdict import Judge

REASONS = "wenlint_reasons"


class WenlintFilter(BaseFilter):
    name = "🀄 wenlint"

    def __init__(self, gates: Iterable[str] = (), select: Iterable[str] | None = None,
                 ignore: Iterable[str] = (), drop_on: str | None = None, fix: bool = False,
                 script: str | None = None, exclusion_writer=None, batch_size: int = 64) -> None:
        super().__init__(exclusion_writer, batch_size)
        self.gates, self.select, self.ignore = list(gates), None if select is None else list(select), list(ignore)
        self.drop_on, self.fix, self.script = drop_on, fix, script
        self._judge: Judge | None = None  # built in the process that runs the step

    @property
    def judge(self) -> Judge:
        if self._judge is None:
            from ..profile.gates import load_gates

            overrides = Overrides(select=self.select, ignore=self.ignore, script=self.script)
            self._judge = Judge(overrides=overrides, gates=load_gates(self.gates), drop_on=self.drop_on, fix=self.fix)
        return self._judge

    def __getstate__(self):  # datatrove pickles its steps to run them elsewhere: not the rules
        state = dict(self.__dict__)
        state["_judge"] = None
        return state

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: list[Document]) -> list[bool | tuple[bool, str]]:
        verdicts = self.judge.judge((str(doc.id), doc.text) for doc in batch)
        results: list[bool | tuple[bool, str]] = []
        for doc, verdict in zip(batch, verdicts):
            if self.fix:
                doc.text = verdict.text
            doc.metadata[REASONS] = list(verdict.reasons)
            results.append(True if verdict.keep else (False, verdict.reasons[0]))
        return results
