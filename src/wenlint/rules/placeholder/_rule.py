"""The base of the PH and MK rules that report from the shared analysis in `_scan.py`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ...findings import Hit
from ..base import Rule
from ._data import PLACEHOLDER_OPTIONS
from ._scan import hits_for


class ScanRule(Rule):
    category: ClassVar[str] = "placeholder"
    severity: ClassVar[str] = "error"
    # Every option of the family shapes the one shared analysis; each rule lists those that
    # change what it reports.
    options: ClassVar[dict] = {"ignore-words": list(PLACEHOLDER_OPTIONS["ignore-words"])}
    reads: ClassVar[tuple] = ("placeholder.scan",)

    def check(self, doc, ctx) -> Iterable[Hit]:
        return list(hits_for(self.code, doc, ctx))
