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
    options: ClassVar[dict] = dict(PLACEHOLDER_OPTIONS)

    def check(self, doc, ctx) -> Iterable[Hit]:
        return list(hits_for(self.code, doc, ctx))
