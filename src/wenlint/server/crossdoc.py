"""The workspace pass: the rules that compare documents (CH030 recurring lines, ST012 copied
documents) over the files of the workspace folders, reading open documents from the editor
rather than from the disk.

It runs only when the client asks for it (the `crossDocument` setting), after a document is
opened or saved, in the worker thread; any lint of a document cancels it (between two files),
so typing never waits for it. What each file's rules collected is kept per file version, so a
pass after a save re-reads only what changed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from ..documents import Document, load_path
from ..documents.walk import iter_targets
from ..engine.runner import FileResult, Linter
from ..engine.suppression import Suppressions
from ..errors import WenlintError
from ..findings import Finding
from .linting import Cancelled, LintService, Snapshot

MAX_FILES = 5000  # per workspace folder: a pass over a larger tree would take minutes


class CrossDocument:
    def __init__(self, service: LintService) -> None:
        self.service = service
        self._collected: dict[tuple, tuple[dict, Suppressions]] = {}
        self._findings: dict[str, tuple[int | None, list[Finding]]] = {}  # uri -> (version, findings)
        self._lock = threading.Lock()

    def findings(self, uri: str, version: int | None) -> list[Finding]:
        with self._lock:
            stored = self._findings.get(uri)
        return stored[1] if stored is not None and stored[0] == version else []

    def forget(self, uri: str) -> None:
        with self._lock:
            self._findings.pop(uri, None)

    def clear(self) -> bool:
        with self._lock:
            had = any(findings for _, findings in self._findings.values())
            self._findings.clear()
        self._collected.clear()
        return had

    def run(self, folders: list[Path], snapshots: list[Snapshot], token: threading.Event) -> set[str]:
        """One pass; returns the uris of open documents whose cross-document findings changed."""
        open_by_path = {os.path.realpath(s.path): s for s in snapshots if s.path}
        # Files are compared with the others of the same configuration file (or of none), as
        # `wenlint check` compares them.
        groups: dict[Path | None, tuple[Linter, list[FileResult]]] = {}
        used: dict[tuple, tuple[dict, Suppressions]] = {}
        seen: set[str] = set()
        for folder in folders:
            try:
                settings = self.service.configurations.linter_for(folder, folder).settings
            except WenlintError:
                continue
            for count, target in enumerate(iter_targets([str(folder)], settings)):
                if count >= MAX_FILES:
                    break
                path = os.path.realpath(target.path)
                if path not in seen:
                    seen.add(path)
                    self._add(path, open_by_path.get(path), folder, groups, used, token)
        for path, snapshot in open_by_path.items():
            if path not in seen:
                self._add(path, snapshot, None, groups, used, token)
        self._collected = used
        by_path: dict[str, list[Finding]] = {}
        for linter, results in groups.values():
            linter.finish(results)
            by_path.update({r.path: r.findings for r in results})
        changed = set()
        with self._lock:
            for path, snapshot in open_by_path.items():
                found = by_path.get(path, [])
                before = self._findings.get(snapshot.uri)
                if before is None or before[0] != snapshot.version or before[1] != found:
                    changed.add(snapshot.uri)
                self._findings[snapshot.uri] = (snapshot.version, found)
        return changed

    def _add(self, path: str, snapshot: Snapshot | None, root: Path | None,
             groups: dict[Path | None, tuple[Linter, list[FileResult]]], used: dict, token: threading.Event) -> None:
        if token.is_set():
            raise Cancelled
        try:
            linter = self.service.configurations.linter_for(Path(path), root)
        except WenlintError:
            return
        if not linter.corpus_rules:
            return
        if snapshot is not None:
            key: tuple = (path, "open", snapshot.version, id(linter))
        else:
            try:
                stat = os.stat(path)
            except OSError:
                return
            key = (path, stat.st_mtime_ns, stat.st_size, id(linter))
        entry = self._collected.get(key)
        if entry is None:
            try:
                if snapshot is not None:
                    doc = Document(snapshot.text, path=path, format=snapshot.format)
                else:
                    doc = load_path(path, linter.settings.encoding, linter.settings.max_file_size)
            except WenlintError:
                return
            entry = (linter.collect(doc), Suppressions(doc))
        used[key] = entry
        result = FileResult(path, collected=entry[0], suppressions=entry[1])
        groups.setdefault(linter.settings.config_file, (linter, []))[1].append(result)
