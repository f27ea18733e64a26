"""`--format csv`: the validated findings table, one row per finding."""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult
from ..frames import findings_frame


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    findings_frame(result.findings).to_csv(stream, index=False, lineterminator="\n")
