"""Hand labels of the development set, and the findings a reader confirmed as real defects.

A label file has one JSON object a line: `{"file", "line", "family", "kind", "text", "note"}`.
`gold-*.jsonl` rows are defects; `ok-*.jsonl` rows (family `<family>-ok`) are spans that look
suspicious but are correct and must stay quiet. `line` is 1-based over `text.split("\\n")` and
`text` occurs verbatim on that line. A `kind` ending in `-doc` marks a document-wide property.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class Label:
    file: str
    line: int
    family: str
    kind: str
    text: str
    ok: bool  # a span that must stay quiet
    spans: tuple[tuple[int, int], ...]  # 0-based [start, end) columns of `text` on the line

    @property
    def document_wide(self) -> bool:
        return self.kind.endswith("-doc")


@dataclass(frozen=True)
class Confirmation:
    """A finding a reader judged a real defect: where it is, which rule, why."""

    file: str
    line: int
    code: str
    text: str
    reason: str


def _rows(path: Path) -> list[dict]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            rows.append(json.loads(raw))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON object: {exc.msg}") from None
    return rows


def _occurrences(line: str, text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], line.find(text)
    while start >= 0 and text:
        spans.append((start, start + len(text)))
        start = line.find(text, start + 1)
    return tuple(spans)


def load_labels(dev_dir: Path) -> list[Label]:
    """Every gold and ok label under `dev_dir`, located on its line in `dev_dir/docs/<file>`."""
    labels: list[Label] = []
    lines_of: dict[str, list[str]] = {}
    for path in sorted(dev_dir.glob("gold-*.jsonl")) + sorted(dev_dir.glob("ok-*.jsonl")):
        ok = path.name.startswith("ok-")
        for row in _rows(path):
            name = row["file"]
            if name not in lines_of:
                lines_of[name] = (dev_dir / "docs" / name).read_text(encoding="utf-8").split("\n")
            lines = lines_of[name]
            line = int(row["line"])
            text = row["text"]
            spans = _occurrences(lines[line - 1], text) if 0 < line <= len(lines) else ()
            if not spans:
                raise InputError(f"{path}: {name}:{line}: label text {text!r} is not on that line")
            family = row["family"].removesuffix("-ok") if ok else row["family"]
            labels.append(Label(name, line, family, row.get("kind", ""), text, ok, spans))
    return labels


def load_confirmed(path: Path) -> list[Confirmation]:
    if not path.is_file():
        return []
    confirmed = []
    for row in _rows(path):
        missing = {"file", "line", "code", "text", "reason"} - row.keys()
        if missing:
            raise InputError(f"{path}: a confirmation lacks {', '.join(sorted(missing))}: {row}")
        if not row["reason"].strip():
            raise InputError(f"{path}: {row['file']}:{row['line']}: a confirmation needs a reason")
        confirmed.append(Confirmation(row["file"], int(row["line"]), row["code"], row["text"], row["reason"]))
    return confirmed
