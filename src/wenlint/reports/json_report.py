"""`--format json` (one array) and `--format jsonl` (one object per line), both written as the
findings come: the array's text is exactly `json.dumps(list, indent=2)`'s."""

from __future__ import annotations

import json

from . import Report as BaseReport
from ..reporting.jsonstream import ITEMS, JsonList
from ..reporting.model import FileReport, Tally


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.array = None
        if self.options.format == "json" and not self.options.statistics:
            self.array = JsonList(self.stream)
            self.array.open(ITEMS)

    def file(self, report: FileReport) -> None:
        if self.options.statistics:
            return
        if self.array is not None:
            self.array.extend(f.to_dict() for f in report.findings)
            return
        write = self.stream.write
        for finding in report.findings:
            write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")

    def close(self, tally: Tally) -> None:
        if self.options.statistics:
            from .summary import statistics

            rows = statistics(tally)
            if self.options.format == "jsonl":
                self.stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
            else:
                self.stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        elif self.array is not None:
            self.array.close()
