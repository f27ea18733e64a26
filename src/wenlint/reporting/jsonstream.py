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
        try:
            text = _encode(item, inner)
        except _Unusual:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
        self.stream.write(("[\n" if not self.count else ",\n") + inner + text)
        self.count += 1

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.add(item)

    def close(self) -> None:
        self.stream.write(f"\n{self.indent}]" if self.count else "[]")
        self.stream.write(self.suffix + "\n")


class _Unusual(Exception):
    """A value `_encode` leaves to json.dumps."""


def _encode(value: Any, indent: str) -> str:
    """The text json.dumps(indent=2, ensure_ascii=False) gives for `value` at `indent`, for the
    values findings hold (dicts with string keys, lists, strings, integers, booleans, None),
    written with the C string encoder: json.dumps with an indent encodes in pure Python."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    inner = indent + "  "
    if kind is dict:
        if not value:
            return "{}"
        lines = []
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            # Most values of a finding are strings and integers: written here, not by a call.
            kind = type(item)
            if kind is str:
                text = encode_basestring(item)
            elif kind is int:
                text = int.__repr__(item)
            else:
                text = _encode(item, inner)
            lines.append(f"{inner}{encode_basestring(key)}: {text}")
        body = ",\n".join(lines)
        return f"{{\n{body}\n{indent}}}"
    if kind is list:
        if not value:
            return "[]"
        body = ",\n".join(inner + _encode(v, inner) for v in value)
        return f"[\n{body}\n{indent}]"
    raise _Unusual
