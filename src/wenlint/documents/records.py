"""Records: documents that are rows of a data shard (JSONL, a JSON array, CSV, Parquet).

A data team's corpus is a set of shards with a text column, not one file per document. A shard is
read as a stream of batches of `Record`s, so memory stays flat however many records it holds:
JSONL line by line, a JSON array element by element (an incremental decoder), CSV row by row,
Parquet batch by batch (pyarrow). Each record keeps every field it had (what `wenlint filter`
writes back out); its key is the value of the id field, or else its position: the line of a JSONL
file, the 1-based number of the element, row or Parquet row otherwise. A document made from a
record is named `shard#key`, and its findings' lines and columns are inside the record's text.

A local path is opened directly; a URL (`s3://…`, `memory://…`) through fsspec (the dask extra).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
BATCH = 512  # records per batch: a unit of work for a pool worker, and of memory


@dataclass(frozen=True)
class Fields:
    """Which fields of a record hold the text and (optionally) its id."""

    text: str = "text"
    id: str | None = None


@dataclass(slots=True)
class Record:
    key: str  # the id, or the position in the shard
    text: str  # "" when the record has no text to lint
    fields: dict[str, Any] = field(default_factory=dict)  # the whole record, as read
    error: str | None = None  # the record cannot be linted (bad JSON, no text field, ...)


def record_format(name: str) -> str | None:
    """"jsonl", "json", "csv" or "parquet" from a path's or URL's suffix; None for a document."""
    base = name.split("?", 1)[0].rsplit("/", 1)[-1].lower()
    dot = base.rfind(".")
    return FORMATS.get(base[dot:]) if dot > 0 else None


def record_path(shard: str, key: str) -> str:
    return f"{shard}#{key}"


def open_binary(location: str):
    """A binary file object: a local path, or a URL through fsspec."""
    try:
        if "://" in location:
            try:
                import fsspec
            except ImportError:
                raise InputError(f"{location}: reading a URL needs fsspec (pip install 'wenlint[dask]')") from None
            return fsspec.open(location, "rb").open()
        return open(location, "rb")
    except FileNotFoundError:
        raise InputError(f"{location}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{location}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{location}: cannot read ({exc.strerror or exc})") from None


def iter_batches(name: str, fields: Fields, location: str | None = None, batch: int = BATCH) -> Iterator[list[Record]]:
    """The records of the shard `name` (read from `location`, by default `name`) in batches.
    Raises InputError for a shard that cannot be read at all (missing, not of its format, no
    text column); a record that cannot be linted comes with its `error`."""
    fmt = record_format(name)
    if fmt is None:
        raise InputError(f"{name}: not a record shard (.jsonl, .json, .csv or .parquet)")
    reader = {"jsonl": _jsonl, "json": _json_array, "csv": _csv, "parquet": _parquet}[fmt]
    handle = open_binary(location or name)
    try:
        pending: list[Record] = []
        for record in reader(handle, name, fields, batch):
            pending.append(record)
            if len(pending) >= batch:
                yield pending
                pending = []
        if pending:
            yield pending
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    finally:
        handle.close()


def iter_records(name: str, fields: Fields, location: str | None = None) -> Iterator[Record]:
    for records in iter_batches(name, fields, location):
        yield from records


def make_record(values: Any, position: int, fields: Fields) -> Record:
    """A record from one row's values (a dict), keyed by its id or its position."""
    if not isinstance(values, dict):
        return Record(str(position), "", {}, f"not an object with fields (got {type(values).__name__})")
    key = str(position)
    if fields.id is not None:
        ident = values.get(fields.id)
        if not _missing(ident):
            key = str(ident)
    if fields.text not in values:
        return Record(key, "", values, f"no field {fields.text!r} (choose the text with --text-field)")
    text = values[fields.text]
    if _missing(text):
        text = ""
    if not isinstance(text, str):
        return Record(key, "", values, f"field {fields.text!r} is not text (got {type(text).__name__})")
    return Record(key, text, values)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _text_stream(handle) -> io.TextIOWrapper:
    return io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")


def _jsonl(handle, name: str, fields: Fields, batch: int) -> Iterator[Record]:
    for number, line in enumerate(_text_stream(handle), 1):
        if not line.strip():
            continue
        try:
            values = json.loads(line)
        except ValueError as exc:
            yield Record(str(number), "", {}, f"not JSON ({exc})")
            continue
        yield make_record(values, number, fields)


def _json_array(handle, name: str, fields: Fields, batch: int) -> Iterator[Record]:
    """The elements of a top-level JSON array, decoded one at a time from a growing buffer."""
    stream = _text_stream(handle)
    decoder = json.JSONDecoder()
    buffer, at, eof = "", 0, False

    def more() -> bool:
        nonlocal buffer, at, eof
        chunk = stream.read(1 << 20)
        if not chunk:
            eof = True
            return False
        buffer, at = buffer[at:] + chunk, 0
        return True

    def skip(chars: str) -> str:
        """Skip whitespace and `chars`; the next character ("" at the end)."""
        nonlocal at
        while True:
            while at < len(buffer) and (buffer[at].isspace() or buffer[at] in chars):
                at += 1
            if at < len(buffer) or not more():
                return buffer[at] if at < len(buffer) else ""

    if skip("") != "[":
        raise InputError(f"{name}: not a JSON array of records (a .json shard holds [{{...}}, ...])")
    at += 1
    position = 0
    while True:
        char = skip(",")
        if char == "]":
            return
        if char == "":
            raise InputError(f"{name}: the JSON array is not closed")
        while True:
            try:
                values, end = decoder.raw_decode(buffer, at)
                break
            except ValueError as exc:
                if eof or not more():
                    raise InputError(f"{name}: not valid JSON after element {position} ({exc})") from None
        at = end
        position += 1
        yield make_record(values, position, fields)


def _csv(handle, name: str, fields: Fields, batch: int) -> Iterator[Record]:
    import csv

    csv.field_size_limit(1 << 30)  # a record's text may be a whole book
    reader = csv.DictReader(_text_stream(handle))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(f"{name}: not CSV ({exc})") from None
    if fields.text not in header:
        raise InputError(f"{name}: no column {fields.text!r} (columns: {', '.join(header) or 'none'}; choose one with --text-field)")
    try:
        for number, row in enumerate(reader, 1):
            row.pop(None, None)  # cells beyond the header
            yield make_record(row, number, fields)
    except csv.Error as exc:
        raise InputError(f"{name}: not CSV at row {reader.line_num} ({exc})") from None


def _parquet(handle, name: str, fields: Fields, batch: int) -> Iterator[Record]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        shard = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{name}: not Parquet ({exc})") from None
    names = shard.schema_arrow.names
    if fields.text not in names:
        raise InputError(f"{name}: no column {fields.text!r} (columns: {', '.join(names)}; choose one with --text-field)")
    position = 0
    for rows in shard.iter_batches(batch_size=batch):
        for values in rows.to_pylist():
            position += 1
            yield make_record(values, position, fields)
