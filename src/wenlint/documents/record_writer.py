"""Writing records back out (`wenlint filter`): JSONL, a JSON array, CSV or Parquet, as a stream.

Every field of a record is written as it was read; the writer only adds the fields it is given.
A file is written to a temporary name beside the target and renamed when it is complete, so an
interrupted run leaves no half-written shard under the real name.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ..errors import ConfigError
from .records import record_format
from .writer import discard_part, open_part


class RecordWriter:
    def __init__(self, path: str) -> None:
        fmt = record_format(path)
        if fmt is None:
            raise ConfigError(f"{path}: cannot tell the format from the suffix; use .jsonl, .json, .csv or .parquet")
        self.path, self.format, self.count = path, fmt, 0
        try:
            self.stream, self.temporary = open_part(path, binary=fmt == "parquet")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from None
        self._csv = None
        self._parquet = None
        self._schema = None

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.format == "jsonl":
            self.stream.write("".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows))
        elif self.format == "json":
            for row in rows:
                self.stream.write(("[\n" if not self.count else ",\n") + json.dumps(row, ensure_ascii=False, default=str))
                self.count += 1
            return
        elif self.format == "csv":
            self._write_csv(rows)
        else:
            self._write_parquet(rows)
        self.count += len(rows)

    def _write_csv(self, rows) -> None:
        import csv

        if self._csv is None:
            names = list(dict.fromkeys(k for r in rows for k in r))
            self._csv = csv.DictWriter(self.stream, fieldnames=names, extrasaction="ignore")
            self._csv.writeheader()
        self._csv.writerows({k: (";".join(v) if isinstance(v, list) else v) for k, v in r.items()} for r in rows)

    def _write_parquet(self, rows) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            table = pa.Table.from_pylist(rows)
            self._schema = table.schema
            self._parquet = pq.ParquetWriter(self.stream, self._schema)
        else:
            try:
                table = pa.Table.from_pylist(rows, schema=self._schema)
            except (pa.ArrowException, TypeError, ValueError) as exc:
                raise ConfigError(f"{self.path}: the records' fields change type between batches ({exc})") from None
        self._parquet.write_table(table)

    def close(self) -> None:
        """Finish the file and give it its real name."""
        if self.format == "json":
            self.stream.write("[\n" if not self.count else "")
            self.stream.write("\n]\n")
        elif self.format == "parquet":
            if self._parquet is None:
                import pyarrow as pa
                import pyarrow.parquet as pq

                pq.write_table(pa.table({}), self.stream)
            else:
                self._parquet.close()
        self.stream.close()
        os.replace(self.temporary, self.path)

    def abort(self) -> None:
        discard_part(self.stream, self.temporary)
