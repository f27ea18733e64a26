"""A small LSP client for the tests and the latency benchmark: it starts the real `wenlint server`
process and speaks JSON-RPC to it over its standard input and output.

Positions are computed here independently of the server's code: text is turned into UTF-16 code
units, so a test checks the server's ranges against what an editor counts, not against itself.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from array import array
from pathlib import Path
from typing import Any

CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {
        "synchronization": {"didSave": True, "dynamicRegistration": False},
        "publishDiagnostics": {"versionSupport": True},
        "codeAction": {
            "codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source", "source.fixAll"]}},
            "resolveSupport": {"properties": ["edit"]},
            "isPreferredSupport": True,
        },
        "hover": {"contentFormat": ["markdown", "plaintext"]},
    },
    "workspace": {
        "workspaceFolders": True,
        "workspaceEdit": {"documentChanges": True},
        "didChangeWatchedFiles": {"dynamicRegistration": True},
        "configuration": False,
    },
}


class ServerError(Exception):
    pass


class LspClient:
    def __init__(self, cwd: Path | None = None, command: list[str] | None = None) -> None:
        env = dict(os.environ, PYTHONIOENCODING="utf-8")
        env.pop("WENLINT_DEBUG", None)
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "wenlint", "server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env,
        )
        self.transcript: list[tuple[str, dict]] = []  # ("->" or "<-", message)
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self._notifications: list[dict] = []
        self._arrived = threading.Condition()
        self._lock = threading.Lock()
        self.registrations: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._stderr: list[bytes] = []
        threading.Thread(target=lambda: self._stderr.extend(self.process.stderr), daemon=True).start()

    # ----- wire -----------------------------------------------------------------------------

    def _send(self, message: dict) -> None:
        message = {"jsonrpc": "2.0", **message}
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        with self._lock:
            self.transcript.append(("->", message))
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            message = json.loads(stream.read(length).decode("utf-8"))
            self.transcript.append(("<-", message))
            if "method" in message and "id" in message:
                self._answer(message)
            elif "method" in message:
                with self._arrived:
                    self._notifications.append(message)
                    self._arrived.notify_all()
            else:
                self._responses.setdefault(message["id"], queue.Queue()).put(message)

    def _answer(self, message: dict) -> None:
        """Requests from the server: accept registrations, answer the rest with null."""
        if message["method"] == "client/registerCapability":
            self.registrations += message["params"]["registrations"]
        self._send({"id": message["id"], "result": None})

    def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        self._next_id += 1
        ident = self._next_id
        box = self._responses.setdefault(ident, queue.Queue())
        self._send({"id": ident, "method": method, "params": params})
        try:
            message = box.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer to {method} in {timeout} s; stderr: {self.stderr()}") from None
        if "error" in message:
            raise ServerError(message["error"])
        return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def notifications(self, method: str) -> list[dict]:
        with self._arrived:
            return [n["params"] for n in self._notifications if n["method"] == method]

    def wait_for(self, method: str, predicate=lambda params: True, timeout: float = 30) -> dict:
        """The first notification `method` (in arrival order, not taken by an earlier wait) for
        which `predicate(params)` holds; it is taken."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for i, n in enumerate(self._notifications):
                    if n["method"] == method and predicate(n["params"]):
                        del self._notifications[i]
                        return n["params"]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no {method} in {timeout} s; stderr: {self.stderr()}")
                self._arrived.wait(left)

    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")[-2000:]

    # ----- the session ----------------------------------------------------------------------

    def initialize(self, root: Path, options: dict | None = None, capabilities: dict | None = None) -> dict:
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or CAPABILITIES,
            "initializationOptions": options or {},
        })
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language: str = "plaintext", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri, "languageId": language, "version": version, "text": text},
        })

    def change(self, uri: str, text: str, version: int) -> None:
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}],
        })

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[dict]:
        params = self.wait_for(
            "textDocument/publishDiagnostics",
            lambda p: p["uri"] == uri and (version is None or p.get("version") == version),
            timeout,
        )
        return params["diagnostics"]

    def code_actions(self, uri: str, range_: dict, diagnostics: list[dict], only: list[str] | None = None) -> list[dict]:
        context: dict = {"diagnostics": diagnostics}
        if only:
            context["only"] = only
        return self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": range_, "context": context,
        }) or []

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self.process.wait(timeout=10)
        except (OSError, TimeoutError, ServerError):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


# ----- UTF-16 positions, counted the way an editor counts them ------------------------------


def _units(text: str) -> array:
    return array("H", text.encode("utf-16-le"))


def _line_starts(units: array) -> list[int]:
    starts = [0]
    i = 0
    while i < len(units):
        if units[i] == 0x0D:
            i += 2 if i + 1 < len(units) and units[i + 1] == 0x0A else 1
            starts.append(i)
            continue
        i += 1
        if units[i - 1] == 0x0A:
            starts.append(i)
    return starts


def position_of(text: str, index: int) -> dict:
    """The LSP position (UTF-16) of the character index `index` of `text`."""
    units = _units(text)
    offset = len(_units(text[:index]))
    starts = _line_starts(units)
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return {"line": line, "character": offset - starts[line]}


def range_of(text: str, needle: str, start: int = 0) -> dict:
    index = text.index(needle, start)
    return {"start": position_of(text, index), "end": position_of(text, index + len(needle))}


def _unit_offset(units: array, starts: list[int], position: dict) -> int:
    return starts[position["line"]] + position["character"] if position["line"] < len(starts) else len(units)


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 ranges) to `text`, as an editor does."""
    units = _units(text)
    starts = _line_starts(units)
    spans = sorted(
        ((_unit_offset(units, starts, e["range"]["start"]), _unit_offset(units, starts, e["range"]["end"]), e["newText"])
         for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        units[start:end] = _units(new)
    return units.tobytes().decode("utf-16-le")


def text_at(text: str, range_: dict) -> str:
    units = _units(text)
    starts = _line_starts(units)
    start, end = _unit_offset(units, starts, range_["start"]), _unit_offset(units, starts, range_["end"])
    return units[start:end].tobytes().decode("utf-16-le")


def edits_for(action: dict, uri: str) -> list[dict]:
    edit = action["edit"]
    if "documentChanges" in edit:
        return [e for change in edit["documentChanges"] if change["textDocument"]["uri"] == uri for e in change["edits"]]
    return edit["changes"][uri]
