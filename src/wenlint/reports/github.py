"""`--format github`: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from . import Report as BaseReport
from ..reporting.model import FileReport

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Report(BaseReport):
    def file(self, report: FileReport) -> None:
        for f in report.findings:
            props = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", f.path),
                    ("line", f.line),
                    ("col", f.column),
                    ("endLine", f.end_line),
                    ("endColumn", f.end_column),
                    ("title", f"{f.code} {f.name}"),
                )
            )
            message = f"{f.message}「{f.text}」" + (f"（建议：{f.suggestion}）" if f.suggestion else "")
            self.stream.write(f"::{LEVELS[f.severity]} {props}::{_escape_data(message)}\n")
