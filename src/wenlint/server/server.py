"""The language server: pygls on standard input and output.

Linting happens in one worker thread, never on the event loop, so requests (hover, code actions,
the next change) are answered while a document is linted. Each open document has at most one
lint in flight: a change cancels it (the worker stops before its next rule) and schedules a new
one after the debounce delay; a result is published only if the document is still at the version
it was linted at.

Documents are synchronised in full, not incrementally: pygls splits lines for incremental
changes with `str.splitlines`, which also breaks at form feeds and U+2028 (both met in text
converted from Word and PDF files) where LSP does not, and would apply edits to the wrong place.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..version import __version__
from ..config.discovery import CONFIG_NAMES
from ..findings import Finding
from . import actions
from .crossdoc import CrossDocument
from .hover import hover_markdown
from .linting import Cancelled, LintResult, LintService, Snapshot, diagnostic
from .positions import UTF16

log = logging.getLogger(__name__)


@dataclass
class Options:
    """Client settings: `initializationOptions`, or the `wenlint` section of
    `workspace/didChangeConfiguration`."""

    debounce: float = 0.3  # seconds between the last change and the lint
    cross_document: bool = False  # CH030 and ST012 over the workspace's files (on open and save)

    def update(self, value: Any) -> None:
        if not isinstance(value, dict):
            return
        value = value.get("wenlint", value) if isinstance(value.get("wenlint"), dict) else value
        if isinstance(value.get("debounce"), (int, float)) and not isinstance(value["debounce"], bool):
            self.debounce = max(0.0, value["debounce"] / 1000)
        if isinstance(value.get("crossDocument"), bool):
            self.cross_document = value["crossDocument"]


class WenlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("wenlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.options = Options()
        self.service = LintService()
        self.worker = ThreadPoolExecutor(1, thread_name_prefix="wenlint-lint")
        self.results: dict[str, LintResult] = {}
        self.tasks: dict[str, asyncio.Task] = {}
        self.tokens: dict[str, threading.Event] = {}
        self.cross = CrossDocument(self.service)
        self.cross_task: asyncio.Task | None = None
        self.cross_token = threading.Event()
        self.shown_errors: set[str] = set()

    # ----- documents ------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or UTF16)

    def document(self, uri: str):
        """The open document `uri` (pygls keeps them under the unquoted uri)."""
        return self.workspace.text_documents.get(unquote(uri))

    def open_uris(self) -> list[str]:
        return [doc.uri for doc in self.workspace.text_documents.values()]

    def snapshot(self, uri: str) -> Snapshot | None:
        doc = self.document(uri)
        if doc is None:
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Snapshot(uri, path, doc.version, doc.source, doc.language_id or "")

    def folders(self) -> list[Path]:
        found = [to_fs_path(f.uri) for f in self.workspace.folders.values()]
        if not found and self.workspace.root_path:
            found = [self.workspace.root_path]
        return [Path(f) for f in found if f]

    def root_for(self, path: str | None) -> Path | None:
        folders = self.folders()
        if path is not None:
            for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
                if Path(path).is_relative_to(folder):
                    return folder
        return folders[0] if folders else None

    def current(self, uri: str) -> LintResult | None:
        """The last result of `uri`, if it is still the document's current version."""
        result = self.results.get(uri)
        doc = self.document(uri)
        if result is None or doc is None or doc.version != result.snapshot.version:
            return None
        return result

    # ----- scheduling -----------------------------------------------------------------------

    def cancel(self, uri: str) -> None:
        """Drop the pending lint of `uri` and stop the running one."""
        task = self.tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        token = self.tokens.pop(uri, None)
        if token is not None:
            token.set()

    def schedule(self, uri: str, delay: float) -> None:
        self.cancel(uri)
        self.cross_token.set()  # typing comes first; the workspace pass runs again on save
        self.tokens[uri] = token = threading.Event()
        self.tasks[uri] = asyncio.get_running_loop().create_task(self._lint(uri, delay, token))

    def reload_configuration(self) -> None:
        self.service.configurations.clear()
        self.shown_errors.clear()  # a configuration broken again is reported again
        self.schedule_all()

    def schedule_all(self) -> None:
        for uri in self.open_uris():
            self.schedule(uri, 0)
        self.schedule_cross()

    def forget(self, uri: str) -> None:
        self.cancel(uri)
        self.results.pop(uri, None)
        self.cross.forget(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def _lint(self, uri: str, delay: float, token: threading.Event) -> None:
        if delay:
            await asyncio.sleep(delay)
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return
        loop = asyncio.get_running_loop()
        root = self.root_for(snapshot.path)
        try:
            result = await loop.run_in_executor(
                self.worker, self.service.lint, snapshot, token, root, self.encoding
            )
        except Cancelled:
            return
        except Exception as exc:  # a bug must not take the server down; say it once
            log.exception("lint failed")
            self.show_once(f"wenlint: {snapshot.uri}: internal error: {type(exc).__name__}: {exc}")
            return
        if token.is_set() or self.tasks.get(uri) is not asyncio.current_task():
            return
        self.tasks.pop(uri, None)
        self.tokens.pop(uri, None)
        now = self.document(uri)
        if now is None or now.version != snapshot.version:
            return
        self.results[uri] = result
        for problem in result.problems:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning, message=f"wenlint: {problem}"))
        error = self.service.config_errors.get(uri)
        if error:
            self.show_once(f"wenlint: {error} (linting with the default settings)")
        self.publish(uri)

    def publish(self, uri: str) -> None:
        result = self.results.get(uri)
        if result is None:
            return
        diagnostics = list(result.diagnostics)
        diagnostics += [diagnostic(f, result.range_of(f)) for f in self.cross.findings(uri, result.snapshot.version)]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=result.snapshot.version, diagnostics=diagnostics)
        )

    def show_once(self, message: str) -> None:
        if message in self.shown_errors:
            return
        self.shown_errors.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    # ----- the workspace pass (rules that compare documents) ---------------------------------

    def schedule_cross(self) -> None:
        if not self.options.cross_document:
            if self.cross.clear():
                for uri in list(self.results):
                    self.publish(uri)
            return
        if self.cross_task is not None:
            self.cross_task.cancel()
        self.cross_token.set()
        self.cross_token = token = threading.Event()
        self.cross_task = asyncio.get_running_loop().create_task(self._cross(token))

    async def _cross(self, token: threading.Event) -> None:
        # After the lints of the documents that were just opened or saved.
        await asyncio.gather(*[t for t in self.tasks.values() if not t.done()], return_exceptions=True)
        if token.is_set():
            return
        snapshots = [s for s in map(self.snapshot, self.open_uris()) if s is not None]
        loop = asyncio.get_running_loop()
        try:
            changed = await loop.run_in_executor(self.worker, self.cross.run, self.folders(), snapshots, token)
        except Cancelled:
            return
        except Exception as exc:
            log.exception("workspace pass failed")
            self.show_once(f"wenlint: cross-document rules: internal error: {type(exc).__name__}: {exc}")
            return
        for uri in changed:
            if self.current(uri) is not None:
                self.publish(uri)


server = WenlintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: WenlintServer, params: types.InitializeParams) -> None:
    ls.options.update(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: WenlintServer, params: types.InitializedParams) -> None:
    folders = ls.folders()
    ls.worker.submit(ls.service.warm_up, folders[0] if folders else None)
    watch = ls.client_capabilities.workspace
    watch = watch.did_change_watched_files if watch else None
    if watch is not None and watch.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
        registration = types.Registration(
            id="wenlint-configuration",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception:  # the client refused: configuration files are still re-read when they change
            log.info("the client did not accept the file watchers")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: WenlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)
    ls.schedule_cross()


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: WenlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.options.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: WenlintServer, params: types.DidSaveTextDocumentParams) -> None:
    if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
        ls.reload_configuration()
        return
    ls.schedule(params.text_document.uri, 0)
    ls.schedule_cross()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: WenlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: WenlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(Path(to_fs_path(c.uri) or "").name in CONFIG_NAMES for c in params.changes):
        ls.reload_configuration()


@server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_workspace_folders(ls: WenlintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    ls.schedule_all()  # a document's folder, hence the configuration of an unsaved one, may change


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: WenlintServer, params: types.DidChangeConfigurationParams) -> None:
    ls.options.update(params.settings)
    ls.schedule_all()


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _findings_at(result: LintResult, range_: types.Range) -> list[tuple[Finding, types.Diagnostic]]:
    return [(f, d) for f, d in zip(result.findings, result.diagnostics) if _overlaps(d.range, range_)]


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: WenlintServer, params: types.HoverParams) -> types.Hover | None:
    result = ls.current(params.text_document.uri)
    if result is None:
        return None
    point = types.Range(start=params.position, end=params.position)
    found = _findings_at(result, point)
    if not found:
        return None
    text = hover_markdown([f for f, _ in found], result.linter.registry.rules)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=found[0][1].range,
    )


def _wanted(kind: str, only: list[str] | None) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def _client_supports(ls: WenlintServer, path: tuple[str, ...]) -> Any:
    value: Any = ls.client_capabilities
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND], resolve_provider=True
    ),
)
async def code_action(ls: WenlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    result = ls.current(params.text_document.uri)
    if result is None:
        return None
    versioned = bool(_client_supports(ls, ("workspace", "workspace_edit", "document_changes")))
    only = [str(k) for k in params.context.only] if params.context.only else None
    found: list[types.CodeAction] = []
    if _wanted(types.CodeActionKind.QuickFix, only):
        for finding, diag in _findings_at(result, params.range):
            if finding.raw_fix is not None and finding.raw_fix.edits:
                found.append(actions.fix_action(finding, diag, result, versioned))
            found.append(actions.suppression_action(finding, diag, result, versioned))
    safe = sum(1 for f in result.findings if f.raw_fix is not None and f.raw_fix.safety == "safe")
    kinds = []
    if safe and _wanted(actions.FIX_ALL_KIND, only):
        kinds.append(actions.FIX_ALL_KIND)
    # Also in the light bulb of a safely fixable finding, where most editors show only quick fixes.
    if safe > 1 and any(a.is_preferred for a in found) and _wanted(types.CodeActionKind.QuickFix, only):
        kinds.append(types.CodeActionKind.QuickFix)
    resolvable = _client_supports(ls, ("text_document", "code_action", "resolve_support", "properties"))
    for kind in kinds:
        fix_all = types.CodeAction(
            title=actions.fix_all_title(safe),
            kind=kind,
            data={"fixAll": True, "uri": result.snapshot.uri, "version": result.snapshot.version},
        )
        if not resolvable or "edit" not in resolvable:
            fix_all = await _resolve_fix_all(ls, fix_all)
            if fix_all.edit is None:
                continue
        found.append(fix_all)
    return found


async def _resolve_fix_all(ls: WenlintServer, action: types.CodeAction) -> types.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    result = ls.current(str(data.get("uri", "")))
    if result is None or result.snapshot.version != data.get("version"):
        return action  # the document changed: no edit, the client asks again
    versioned = bool(_client_supports(ls, ("workspace", "workspace_edit", "document_changes")))
    loop = asyncio.get_running_loop()
    action.edit = await loop.run_in_executor(ls.worker, actions.fix_all_edit, result, versioned)
    action.data = None if action.edit is not None else action.data
    return action


@server.feature(types.CODE_ACTION_RESOLVE)
async def code_action_resolve(ls: WenlintServer, action: types.CodeAction) -> types.CodeAction:
    if isinstance(action.data, dict) and action.data.get("fixAll"):
        return await _resolve_fix_all(ls, action)
    return action


@server.feature(types.SHUTDOWN)
def shutdown(ls: WenlintServer, params: None) -> None:
    for token in ls.tokens.values():
        token.set()
    ls.cross_token.set()
    ls.worker.shutdown(wait=False, cancel_futures=True)


def serve() -> None:
    server.start_io()
