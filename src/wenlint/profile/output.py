"""Writing the profile table: Parquet (pyarrow), CSV, JSON or JSON lines, to a file, a directory
of Parquet partitions, or an fsspec URL; whole (`write_frame`) or a batch of rows at a time
(`FrameWriter`: a profile of a million records is never one frame in memory)."""

from __future__ import annotations

import os

from ..documents.writer import discard_part, open_part
from ..errors import ConfigError

SUFFIXES = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def is_directory(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def output_format(output: str, given: str | None) -> str:
    if is_directory(output):
        if given not in (None, "parquet"):
            raise ConfigError(f"{output}: a directory output is written as Parquet partitions, not {given}")
        return "parquet"
    if given:
        return given
    suffix = os.path.splitext(output.rstrip("/"))[1].lower()
    if suffix not in SUFFIXES:
        raise ConfigError(f"{output}: cannot tell the format from the suffix; use .parquet, .csv, .json, "
                          ".jsonl or --output-format")
    return SUFFIXES[suffix]


def write_frame(frame, output: str, fmt: str) -> None:
    """Write one DataFrame. A directory gets one partition, `part.00000.parquet`, as the Dask engine names them."""
    if fmt == "parquet" or is_directory(output):
        from ..extras import require

        require(f"{output}: writing Parquet", "parquet", "pyarrow")
    try:
        if is_directory(output):
            if "://" not in output:
                os.makedirs(output, exist_ok=True)
            target = output.rstrip("/") + "/part.00000.parquet"
            frame.to_parquet(target, index=False, engine="pyarrow")
        elif fmt == "parquet":
            frame.to_parquet(output, index=False, engine="pyarrow")
        elif fmt == "csv":
            frame.to_csv(output, index=False, lineterminator="\n")
        elif fmt == "json":
            frame.to_json(output, orient="records", force_ascii=False, indent=2)
        else:
            frame.to_json(output, orient="records", force_ascii=False, lines=True)
    except ImportError as exc:
        raise ConfigError(f"{output}: cannot write {fmt} ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{output}: cannot write the profile ({exc.strerror or exc})") from None


class FrameWriter:
    """The profile written a frame (a batch of rows) at a time to a local file or directory, as
    `write_frame` writes it whole: the same CSV, JSON and JSON lines text, Parquet row groups of
    the profile's column types. The file is written under a temporary name beside the target and
    renamed when complete (an interrupted run leaves no half-written profile)."""

    def __init__(self, output: str, fmt: str) -> None:
        self.format = "parquet" if is_directory(output) else fmt
        if self.format == "parquet":
            from ..extras import require

            require(f"{output}: writing Parquet", "parquet", "pyarrow")
        if is_directory(output):
            os.makedirs(output, exist_ok=True)
            output = os.path.join(output, "part.00000.parquet")
        self.output, self.rows, self._parquet = output, 0, None
        try:
            self.stream, self.temporary = open_part(output, binary=self.format == "parquet")
        except OSError as exc:
            raise ConfigError(f"{output}: cannot write the profile ({exc.strerror or exc})") from None

    def write(self, frame) -> None:
        if self.format == "parquet":
            self._write_parquet(frame)
        elif self.format == "csv":
            frame.to_csv(self.stream, index=False, header=not self.rows, lineterminator="\n")
        elif self.format == "jsonl":
            if len(frame):
                self.stream.write(frame.to_json(orient="records", force_ascii=False, lines=True))
        elif len(frame):  # json: the items of each batch's array, in one array
            text = frame.to_json(orient="records", force_ascii=False, indent=2)
            self.stream.write(("[\n" if not self.rows else ",\n") + text[2:-2])
        self.rows += len(frame)

    def _write_parquet(self, frame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .schema import COLUMNS

        if self._parquet is None:
            kinds = {"str": pa.string(), "int": pa.int64(), "share": pa.float64(), "ratio": pa.float64()}
            schema = pa.schema([(name, kinds[kind]) for name, kind in COLUMNS.items()])
            self._parquet = pq.ParquetWriter(self.stream, schema)
        self._parquet.write_table(pa.Table.from_pandas(frame, schema=self._parquet.schema, preserve_index=False))

    def close(self) -> None:
        """Finish the file and give it its real name."""
        try:
            if self.format == "json":
                self.stream.write(("[\n" if not self.rows else "") + "\n]")
            elif self.format == "csv" and not self.rows:
                from .schema import empty_frame

                empty_frame().to_csv(self.stream, index=False, lineterminator="\n")
            elif self.format == "parquet":
                if self._parquet is None:
                    from .schema import empty_frame

                    self._write_parquet(empty_frame())
                self._parquet.close()
            self.stream.close()
            os.replace(self.temporary, self.output)
        except OSError as exc:
            self.abort()
            raise ConfigError(f"{self.output}: cannot write the profile ({exc.strerror or exc})") from None

    def abort(self) -> None:
        discard_part(self.stream, self.temporary)


def read_frame(path: str):
    """Read a profile written by `write_frame` or the Dask engine (a file or a directory)."""
    import pandas as pd

    if is_directory(path) or path.endswith((".parquet", ".pq")):
        from ..extras import require

        require(f"{path}: reading Parquet", "parquet", "pyarrow")
        return pd.read_parquet(path, engine="pyarrow")
    if path.endswith(".csv"):
        return pd.read_csv(path)
    return pd.read_json(path, orient="records", lines=path.endswith((".jsonl", ".ndjson")))
