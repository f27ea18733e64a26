"""The base of the PH and MK rules that report from the shared analysis in `_scan.py`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from ...findings import Hit
from ..base import Rule
from ._scan import hits_for


class ScanRule(Rule):
    category: ClassVar[str] = "placeholder"
    severity: ClassVar[str] = "error"
    # Every option of the family shapes the one shared analysis; the declaration of each option
    # (config/options.py) lists the rules whose findings it changes.
    reads: ClassVar[tuple] = ("placeholder.scan",)

    def check(self, doc, ctx) -> Iterable[Hit]:
        return list(hits_for(self.code, doc, ctx))
