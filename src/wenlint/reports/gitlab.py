"""`--format gitlab`: a GitLab Code Quality report (the subset of the Code Climate issue format
GitLab reads: `artifacts: reports: codequality:`), shown in merge requests.

The fingerprint names an issue across runs: the file, the rule, the flagged text and a digest of
its line (as the baseline does, so an issue that merely moves keeps its fingerprint), and the
occurrence number when the same defect repeats on identical lines; GitLab shows one issue per
fingerprint, so they are unique within a report."""

from __future__ import annotations

import hashlib
import os
from collections import Counter

from . import Report as BaseReport
from ..findings import Finding
from ..reporting.jsonstream import ITEMS, JsonList
from ..reporting.model import FileReport, Tally

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


def issue(f: Finding, line_text: str | None, seen: Counter) -> dict:
    path = relative_path(f.path)
    line_digest = hashlib.blake2b((line_text or "").strip().encode(), digest_size=8).hexdigest()
    key = f"{path}\0{f.code}\0{f.text}\0{line_digest}"
    seen[key] += 1
    fingerprint = hashlib.blake2b(f"{key}\0{seen[key]}".encode(), digest_size=16).hexdigest()
    description = f"{f.code} {f.message}「{f.text}」" + (f"（建议：{f.suggestion}）" if f.suggestion else "")
    return {
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
    }


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.seen: Counter = Counter()
        self.array = JsonList(self.stream)
        self.array.open(ITEMS)

    def file(self, report: FileReport) -> None:
        self.array.extend(issue(f, report.line_text(f.line), self.seen) for f in report.findings)

    def close(self, tally: Tally) -> None:
        self.array.close()
