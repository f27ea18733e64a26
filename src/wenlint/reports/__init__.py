"""Reports: how a run's findings are drawn or serialised, one module per `--format`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TextIO

from ..engine.run import RunResult

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
# The formats that read the text of the flagged lines (RunResult.line_texts()).
NEEDS_CONTEXT = ("rich", "sarif", "gitlab", "rdjson")


@dataclass
class ReportOptions:
    format: str = "concise"
    statistics: bool = False
    color: bool | None = None  # None: when the stream is a terminal
    width: int | None = None
    show_fixes: bool = True
    known: int = 0  # findings absorbed by the baseline
    fix_mode: bool = False
    extra: dict = field(default_factory=dict)


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    module_name = MODULES[options.format]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError:
        from ..errors import ConfigError

        raise ConfigError(f"--format {options.format} is not available in this version") from None
    module.render(result, stream, options)
