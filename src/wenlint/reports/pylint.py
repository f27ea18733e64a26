"""`--format pylint`: one line per finding in pylint's `parseable` layout,
`path:line: [CODE(name), ] message「text」`, which CI tools that read pylint output understand
(Jenkins Warnings, reviewdog's `-efm="%f:%l: %m"`, editors' error matchers)."""

from __future__ import annotations

from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    for f in result.findings:
        text = f.text if "\n" not in f.text else f.text.split("\n", 1)[0] + "…"
        message = f"{f.message}「{text}」".replace("\n", " ")
        stream.write(f"{f.path}:{f.line}: [{f.code}({f.name}), ] {message}\n")
