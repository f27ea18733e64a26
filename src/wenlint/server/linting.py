"""What the server's worker thread does: lint one version of an open document, with the
configuration nearest to it, and turn the findings into LSP diagnostics.

Nothing here touches the connection: the server hands a `Snapshot` in and publishes the
`LintResult` that comes back, if the document has not changed in between.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from ..config import Settings
from ..config.discovery import find_config_file, load_config_file
from ..documents import Document, document_format
from ..engine.runner import Cancelled, Linter
from ..errors import WenlintError
from ..findings import Finding
from .positions import UTF16, column_units

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
SOURCE = "wenlint"


class CancellableLinter(Linter):
    """A Linter whose run stops between two rules once `token` is set (the engine's `cancelled`
    check): a superseded lint costs at most the rule that is running."""

    def run_cancellable(self, doc: Document, token: threading.Event, problems: list[str]) -> list[Finding]:
        return self.run_rules(doc, problems, cancelled=token.is_set)


@dataclass(frozen=True)
class Snapshot:
    """One version of an open document, as the server hands it to the worker."""

    uri: str
    path: str | None  # on the file system; None for an unsaved (untitled) document
    version: int | None
    text: str
    language_id: str = ""

    @property
    def format(self) -> str:
        """"markdown" or "text": an editor's buffer is text, whatever the file's suffix."""
        if self.language_id == "markdown" or (self.path and document_format(self.path) == "markdown"):
            return "markdown"
        return "text"


@dataclass
class LintResult:
    snapshot: Snapshot
    doc: Document
    linter: Linter
    findings: list[Finding]
    lines: list[str]  # the document's lines (line endings normalised), to count code units
    encoding: str
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # rules that failed or were stopped

    def range_of(self, finding: Finding) -> types.Range:
        return lsp_range(self.lines, finding.line, finding.column, finding.end_line, finding.end_column,
                         self.encoding)


def lsp_range(lines: list[str], line: int, column: int, end_line: int, end_column: int,
              encoding: str = UTF16) -> types.Range:
    """A 1-based, end-exclusive character span (a Finding's) as an LSP range in code units."""

    def position(row: int, col: int) -> types.Position:
        if row - 1 >= len(lines):  # just past the last line ending
            return types.Position(line=row - 1, character=0)
        return types.Position(line=row - 1, character=column_units(lines[row - 1], col - 1, encoding))

    return types.Range(start=position(line, column), end=position(end_line, end_column))


def diagnostic(finding: Finding, range_: types.Range) -> types.Diagnostic:
    fix = finding.fix["safety"] if finding.fix else None
    return types.Diagnostic(
        range=range_,
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"name": finding.name, "fix": fix},
    )


class Configurations:
    """One Linter per configuration file, rebuilt when the file changes on disk.

    The key includes the file's modification time and size, so an edited `wenlint.toml` is
    picked up by the next lint even when the client does not report file changes."""

    def __init__(self) -> None:
        self._linters: dict[tuple, CancellableLinter] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._linters.clear()

    def linter_for(self, path: Path | None, root: Path | None) -> CancellableLinter:
        """The Linter for a document at `path` (or, unsaved, in the folder `root`). Raises
        WenlintError for a configuration file that cannot be used."""
        start = path if path is not None else root
        config = find_config_file(start) if start is not None else None
        key = (config, root if config is None else None, *_stamp(config))
        with self._lock:
            linter = self._linters.get(key)
        if linter is None:
            if config is not None:
                settings = load_config_file(config)
            else:
                settings = Settings(root=root) if root is not None else Settings()
            linter = CancellableLinter(settings)
            with self._lock:
                # The same file at an older stamp is stale.
                self._linters = {k: v for k, v in self._linters.items() if k[:2] != key[:2]}
                self._linters[key] = linter
        return linter


def _stamp(config: Path | None) -> tuple:
    if config is None:
        return (None, None)
    try:
        stat = config.stat()
    except OSError:
        return (None, None)
    return (stat.st_mtime_ns, stat.st_size)


class LintService:
    """Lints snapshots (in the worker thread)."""

    def __init__(self) -> None:
        self.configurations = Configurations()
        self.config_errors: dict[str, str] = {}  # document uri -> the configuration error it met

    def linter(self, snapshot: Snapshot, root: Path | None) -> CancellableLinter:
        path = Path(snapshot.path) if snapshot.path else None
        try:
            linter = self.configurations.linter_for(path, root)
        except WenlintError as exc:
            # Lint with the defaults rather than not at all; the server shows the error.
            self.config_errors[snapshot.uri] = str(exc)
            return self.configurations.linter_for(None, None)
        self.config_errors.pop(snapshot.uri, None)
        return linter

    def warm_up(self, root: Path | None) -> None:
        """Load the rules and their data before the first document arrives (the first lint
        would otherwise pay for it)."""
        sample = Snapshot("untitled:warm-up", None, 0, "当前位置:首页 > XX年工作总结\n学习邓**理论，取得成效。\n")
        try:
            self.lint(sample, threading.Event(), root)
        except WenlintError:
            pass
        self.config_errors.pop(sample.uri, None)

    def lint(self, snapshot: Snapshot, token: threading.Event, root: Path | None = None,
             encoding: str = UTF16) -> LintResult:
        if token.is_set():
            raise Cancelled
        linter = self.linter(snapshot, root)
        doc = Document(snapshot.text, path=snapshot.path or snapshot.uri, format=snapshot.format)
        problems: list[str] = []
        findings = linter.run_cancellable(doc, token, problems) if doc.source.strip() else []
        result = LintResult(snapshot, doc, linter, findings, doc.source.split("\n"), encoding, problems=problems)
        result.diagnostics = [diagnostic(f, result.range_of(f)) for f in findings]
        return result
