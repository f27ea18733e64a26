"""`--format concise`: one line per finding, `path:line:column: CODE severity message`."""

from __future__ import annotations

from . import Report as BaseReport
from ..reporting.model import FileReport, Tally
from .summary import counts_line, statistics_lines


class Report(BaseReport):
    def file(self, report: FileReport) -> None:
        if self.options.statistics:
            return
        write = self.stream.write
        for f in report.findings:
            fixable = " [*]" if f.fix and f.fix["safety"] == "safe" else ""
            text = f.text if "\n" not in f.text else f.text.split("\n", 1)[0] + "…"
            write(f"{f.path}:{f.line}:{f.column}: {f.code}{fixable} {f.severity} {f.message} 「{text}」\n")

    def close(self, tally: Tally) -> None:
        if self.options.statistics:
            for line in statistics_lines(tally):
                self.stream.write(line + "\n")
            return
        self.stream.write(counts_line(tally, self.options) + "\n")
