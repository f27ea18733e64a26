"""The profile table: its columns, its pandera schema, and the DataFrame built from results.

pandas and pandera are imported inside the functions: importing this module is free.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import SEVERITIES
from .metrics import CATEGORIES, SCRIPTS

COUNT_COLUMNS = (
    "findings",
    *(f"findings_{c}" for c in (*CATEGORIES, "other")),
    *(f"findings_{s}" for s in SEVERITIES),
)
# column -> kind: "str", "int" (a count, >= 0), "share" (0..1), "ratio" (0..1 or NaN)
COLUMNS: dict[str, str] = {
    "path": "str",
    "encoding": "str",
    "characters": "int",
    "lines": "int",
    "nonblank_lines": "int",
    "han": "int",
    "script": "str",
    "script_ratio": "ratio",
    **{name: "int" for name in COUNT_COLUMNS},
    "chrome_share": "share",
    "placeholders": "int",
    "duplicate_share": "share",
    "content_hash": "str",
}
NUMERIC = {name for name, kind in COLUMNS.items() if kind != "str"}


def profile_schema():
    import pandera.pandas as pa

    columns = {}
    for name, kind in COLUMNS.items():
        if kind == "int":
            columns[name] = pa.Column("int64", pa.Check.ge(0))
        elif kind == "share":
            columns[name] = pa.Column("float64", pa.Check.in_range(0.0, 1.0))
        elif kind == "ratio":
            columns[name] = pa.Column("float64", pa.Check.in_range(0.0, 1.0), nullable=True)
        elif name == "script":
            columns[name] = pa.Column(str, pa.Check.isin(SCRIPTS))
        elif name == "content_hash":
            columns[name] = pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{32}$"))
        else:
            columns[name] = pa.Column(str, nullable=name == "encoding")
    return pa.DataFrameSchema(
        columns,
        checks=[
            pa.Check(lambda df: df["nonblank_lines"] <= df["lines"], name="nonblank_lines <= lines"),
            pa.Check(lambda df: df["han"] <= df["characters"], name="han <= characters"),
            pa.Check(
                lambda df: df["findings"] == df[[f"findings_{s}" for s in SEVERITIES]].sum(axis=1),
                name="findings = error + warning + info",
            ),
        ],
        strict=True,
        ordered=True,
        coerce=True,
    )


def empty_frame():
    """A profile frame with no rows and the right dtypes (Dask's `meta`)."""
    return profile_frame([])


def profile_frame(rows: Iterable[dict]):
    """A validated DataFrame, one row per document, in the order given."""
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=list(COLUMNS))
    frame = frame.astype({name: "int64" for name, kind in COLUMNS.items() if kind == "int"})
    frame = frame.astype({name: "float64" for name, kind in COLUMNS.items() if kind in ("share", "ratio")})
    return profile_schema().validate(frame)


def rows_from(results) -> list[dict]:
    """Profile rows of a run's results (after its corpus phase): documents that were linted.
    A profile run folds each document's findings into its measures and keeps only what the
    corpus phase added in `result.findings`."""
    return [r.metrics.row(r.path, r.findings) for r in results if r.metrics is not None and r.error is None]
