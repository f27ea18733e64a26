"""`--format pylint`: one line per finding in pylint's `parseable` layout,
`path:line: [CODE(name), ] message「text」`, which CI tools that read pylint output understand
(Jenkins Warnings, reviewdog's `-efm="%f:%l: %m"`, editors' error matchers)."""

from __future__ import annotations

from . import Report as BaseReport
from ..reporting.model import FileReport


class Report(BaseReport):
    def file(self, report: FileReport) -> None:
        for f in report.findings:
            text = f.text if "\n" not in f.text else f.text.split("\n", 1)[0] + "…"
            message = f"{f.message}「{text}」".replace("\n", " ")
            self.stream.write(f"{f.path}:{f.line}: [{f.code}({f.name}), ] {message}\n")
