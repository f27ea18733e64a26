"""`--format json` (one array) and `--format jsonl` (one object per line)."""

from __future__ import annotations

import json
from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    # One finding at a time (the whole list as dicts and one string took hundreds of MB for
    # 100 000 findings); the text is exactly json.dumps(list, indent=2)'s.
    findings = result.findings
    if options.statistics:
        from .summary import statistics

        rows = statistics(findings)
        if options.format == "jsonl":
            stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        else:
            stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if options.format == "jsonl":
        for finding in findings:
            stream.write(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n")
        return
    if not findings:
        stream.write("[]\n")
        return
    separator = "[\n  "
    for finding in findings:
        item = json.dumps(finding.to_dict(), ensure_ascii=False, indent=2)
        stream.write(separator + item.replace("\n", "\n  "))
        separator = ",\n  "
    stream.write("\n]\n")
