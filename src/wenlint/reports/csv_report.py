"""`--format csv`: the validated findings table, one row per finding, written in batches of rows
as the findings come (each batch a validated frame; the header once)."""

from __future__ import annotations

from . import Report as BaseReport
from ..findings import Finding
from ..reporting.model import FileReport, Tally

BATCH = 5000  # findings per frame


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.pending: list[Finding] = []
        self.header = True

    def file(self, report: FileReport) -> None:
        self.pending += report.findings
        if len(self.pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        from ..frames import findings_frame

        findings_frame(self.pending).to_csv(self.stream, index=False, header=self.header, lineterminator="\n")
        self.pending = []
        self.header = False

    def close(self, tally: Tally) -> None:
        if self.pending or self.header:
            self._flush()
