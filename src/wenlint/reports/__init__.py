"""Reports: how a run's findings are drawn or serialised, one module per `--format`.

A report reads only the report model (`wenlint.reporting.model`), never the engine. Each module
defines a `Report` class: it is opened with the run's `RunInfo`, handed each `FileReport` as the
run produces it (`file`), and closed with the run's `Tally` (`close`). Reports that are streams
write as they go; the others keep what they draw until `close`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from ..reporting.model import FileReport, RunInfo, Tally

MODULES = {
    "rich": "rich_report",
    "concise": "concise",
    "json": "json_report",
    "jsonl": "json_report",
    "csv": "csv_report",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
    "gitlab": "gitlab",
    "rdjson": "rdjson",
    "pylint": "pylint",
}
# The formats that read the text of the flagged lines (FileReport.context).
NEEDS_CONTEXT = ("rich", "sarif", "gitlab", "rdjson")
# The formats that read each document's whole text (FileReport.source).
NEEDS_SOURCE = ("html",)


@dataclass
class ReportOptions:
    format: str = "concise"
    statistics: bool = False
    color: bool | None = None  # None: when the stream is a terminal
    width: int | None = None
    show_fixes: bool = True
    fix_mode: bool = False
    extra: dict = field(default_factory=dict)


class Report:
    """The base of every report: a stream of files in, text out."""

    def __init__(self, stream: TextIO, options: ReportOptions, run: RunInfo) -> None:
        self.stream = stream
        self.options = options
        self.run = run

    def file(self, report: FileReport) -> None:
        """One file of the run, in the order of the output."""

    def close(self, tally: Tally) -> None:
        """The run is over: `tally` counts all of it."""


def open_report(stream: TextIO, options: ReportOptions, run: RunInfo) -> Report:
    module_name = MODULES[options.format]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError:
        from ..errors import ConfigError

        raise ConfigError(f"--format {options.format} is not available in this version") from None
    return module.Report(stream, options, run)


def render(files: Iterable[FileReport], stream: TextIO, options: ReportOptions, run: RunInfo | None = None,
           problems: Iterable[str] = ()) -> Tally:
    """A whole run at once: the files (in the order of the output) and the run-level problems."""
    report = open_report(stream, options, run or RunInfo())
    tally = Tally()
    for file_report in files:
        tally.add(file_report)
        report.file(file_report)
    tally.problems += list(problems)
    report.close(tally)
    return tally
