"""`--format gitlab`: a GitLab Code Quality report (the subset of the Code Climate issue format
GitLab reads: `artifacts: reports: codequality:`), shown in merge requests.

The fingerprint names an issue across runs: the file, the rule, the flagged text and a digest of
its line (as the baseline does, so an issue that merely moves keeps its fingerprint), and the
occurrence number when the same defect repeats on identical lines; GitLab shows one issue per
fingerprint, so they are unique within a report."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def relative_path(path: str) -> str:
    """The path from the project root (the working directory), with forward slashes."""
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive on Windows
        rel = path
    return rel.replace(os.sep, "/")


def issues(result: RunResult) -> list[dict]:
    lines = result.line_texts()
    seen: Counter = Counter()
    out = []
    for f in result.findings:
        path = relative_path(f.path)
        line_digest = hashlib.blake2b(lines.get((f.path, f.line), "").strip().encode(), digest_size=8).hexdigest()
        key = f"{path}\0{f.code}\0{f.text}\0{line_digest}"
        seen[key] += 1
        fingerprint = hashlib.blake2b(f"{key}\0{seen[key]}".encode(), digest_size=16).hexdigest()
        description = f"{f.code} {f.message}「{f.text}」" + (f"（建议：{f.suggestion}）" if f.suggestion else "")
        out.append({
            "type": "issue",
            "description": description,
            "check_name": f"{f.code} {f.name}",
            "categories": ["Style"],
            "fingerprint": fingerprint,
            "severity": SEVERITIES[f.severity],
            "location": {
                "path": path,
                "lines": {"begin": f.line, "end": f.end_line},
                "positions": {
                    "begin": {"line": f.line, "column": f.column},
                    "end": {"line": f.end_line, "column": f.end_column},
                },
            },
        })
    return out


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    stream.write(json.dumps(issues(result), ensure_ascii=False, indent=2) + "\n")
