"""Writing the profile table: Parquet (pyarrow), CSV, JSON or JSON lines, to a file, a directory
of Parquet partitions, or an fsspec URL."""

from __future__ import annotations

import os

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
