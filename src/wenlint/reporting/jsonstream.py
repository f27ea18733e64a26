"""Writing a JSON document whose one long list is streamed, with exactly the text
`json.dumps(document, ensure_ascii=False, indent=2)` would give for the whole document."""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any, TextIO

ITEMS = "\x00wenlint-items\x00"  # put where the list goes; no real value contains it


class JsonList:
    """`open(document)` writes the document up to its list (the value `ITEMS`), `add(item)` one
    item of the list, `close()` the rest."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.count = 0
        self.indent = ""
        self.suffix = ""

    def open(self, document: Any) -> None:
        text = json.dumps(document, ensure_ascii=False, indent=2)
        marker = json.dumps(ITEMS, ensure_ascii=False)
        prefix, self.suffix = text.split(marker, 1)
        line_start = prefix.rfind("\n") + 1
        self.indent = " " * (len(prefix[line_start:]) - len(prefix[line_start:].lstrip(" ")))
        self.stream.write(prefix)

    def add(self, item: Any) -> None:
        inner = self.indent + "  "
        text = _flat_object(item, inner)
        if text is None:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
        self.stream.write(("[\n" if not self.count else ",\n") + inner + text)
        self.count += 1

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.add(item)

    def close(self) -> None:
        self.stream.write(f"\n{self.indent}]" if self.count else "[]")
        self.stream.write(self.suffix + "\n")


def _flat_object(item: Any, indent: str) -> str | None:
    """The text json.dumps(indent=2) gives for a dict of strings, integers, booleans and None (a
    finding), written with the C string encoder: json.dumps with an indent encodes in Python.
    None for anything else."""
    if type(item) is not dict or not item:
        return None
    parts = []
    for key, value in item.items():
        if type(key) is not str:
            return None
        kind = type(value)
        if kind is str:
            text = encode_basestring(value)
        elif kind is int:
            text = int.__repr__(value)
        elif value is None:
            text = "null"
        elif kind is bool:
            text = "true" if value else "false"
        else:
            return None
        parts.append(f"{indent}  {encode_basestring(key)}: {text}")
    return "{\n" + ",\n".join(parts) + f"\n{indent}}}"
