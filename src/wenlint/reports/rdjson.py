"""`--format rdjson`: the Reviewdog Diagnostic Format (`DiagnosticResult` as JSON), for
`reviewdog -f=rdjson`, with the fixes as suggestions a reviewer can apply from the review.

Reviewdog counts columns in UTF-8 bytes, not characters: a column is computed from the text of its
line, which the run keeps for the lines of each finding. Where a line's text is not known (a
finding of a rule that compares documents), the range names whole lines and carries no
suggestion."""

from __future__ import annotations

from . import Report as BaseReport
from ..version import __version__
from ..findings import Finding
from ..reporting.jsonstream import ITEMS, JsonList
from ..reporting.model import FileReport, Tally

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "wenlint", "url": "https://pypi.org/project/wenlint/"}


def _position(lines: FileReport, path: str, line: int, column: int) -> dict | None:
    text = lines.line_text(line)
    if text is None:
        return None
    return {"line": line, "column": len(text[: column - 1].encode("utf-8")) + 1}


def _range(lines: FileReport, path: str, line: int, column: int, end_line: int, end_column: int) -> dict | None:
    start = _position(lines, path, line, column)
    end = _position(lines, path, end_line, end_column)
    if start is None or end is None:
        return None
    return {"start": start, "end": end}


def _suggestions(lines: FileReport, f: Finding) -> list[dict]:
    if f.fix:
        edits = f.fix["edits"]
    elif f.suggestion is not None:
        edits = [{"line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
                  "content": f.suggestion}]
    else:
        return []
    ranges = [_range(lines, f.path, e["line"], e["column"], e["end_line"], e["end_column"]) for e in edits]
    if any(r is None for r in ranges):
        return []  # all of a fix or nothing
    return [{"range": r, "text": e["content"]} for r, e in zip(ranges, edits)]


def diagnostic(lines: FileReport, f: Finding) -> dict:
    span = _range(lines, f.path, f.line, f.column, f.end_line, f.end_column)
    location = {"path": f.path, "range": span or {"start": {"line": f.line}, "end": {"line": f.end_line}}}
    item = {
        "message": f"{f.message}「{f.text}」",
        "location": location,
        "severity": SEVERITIES[f.severity],
        "code": {"value": f.code},
    }
    suggestions = _suggestions(lines, f)
    if suggestions:
        item["suggestions"] = suggestions
    return item


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.array = JsonList(self.stream)
        self.array.open({"source": {**SOURCE, "version": __version__}, "diagnostics": ITEMS})

    def file(self, report: FileReport) -> None:
        self.array.extend(diagnostic(report, f) for f in report.findings)

    def close(self, tally: Tally) -> None:
        self.array.close()
