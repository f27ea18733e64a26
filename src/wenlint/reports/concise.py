"""`--format concise`: one line per finding, `path:line:column: CODE severity message`."""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult
from .summary import counts_line, statistics_lines


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    findings = result.findings
    if options.statistics:
        for line in statistics_lines(findings):
            stream.write(line + "\n")
        return
    for f in findings:
        fixable = " [*]" if f.fix and f.fix["safety"] == "safe" else ""
        text = f.text if "\n" not in f.text else f.text.split("\n", 1)[0] + "…"
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.code}{fixable} {f.severity} {f.message} 「{text}」\n")
    stream.write(counts_line(result, options) + "\n")
