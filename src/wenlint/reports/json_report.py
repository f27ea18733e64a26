"""`--format json` (one array) and `--format jsonl` (one object per line)."""

from __future__ import annotations

import json
from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    findings = [f.to_dict() for f in result.findings]
    if options.format == "jsonl":
        for item in findings:
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        stream.write(json.dumps(findings, ensure_ascii=False, indent=2) + "\n")
