"""Findings as a pandas DataFrame, validated by a pandera schema (CSV, Parquet, the Python API).

pandas and pandera are imported only here and only when a table is asked for: a plain
`wenlint check` of one file never pays for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .findings import FINDING_KEYS, SEVERITIES, Finding


def findings_schema():
    import pandera.pandas as pa

    positive = pa.Check.ge(1)
    return pa.DataFrameSchema(
        {
            "path": pa.Column(str),
            "line": pa.Column(int, positive),
            "column": pa.Column(int, positive),
            "end_line": pa.Column(int, positive),
            "end_column": pa.Column(int, positive),
            "code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}[0-9]{3}$")),
            "name": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")),
            "category": pa.Column(str),
            "severity": pa.Column(str, pa.Check.isin(SEVERITIES)),
            "message": pa.Column(str),
            "text": pa.Column(str),
            "suggestion": pa.Column(str, nullable=True),
            "fix": pa.Column(str, nullable=True),
        },
        checks=[
            pa.Check(lambda df: df["end_line"] >= df["line"], name="end_line >= line"),
            pa.Check(
                lambda df: (df["end_line"] > df["line"]) | (df["end_column"] > df["column"]),
                name="span is not empty",
            ),
        ],
        strict=True,
        ordered=True,
        coerce=True,
    )


def findings_frame(findings: Iterable[Finding]):
    """A validated DataFrame with one row per finding (the `fix` column is JSON text)."""
    import pandas as pd

    rows = []
    for f in findings:
        row = f.to_dict()
        row["fix"] = json.dumps(row["fix"], ensure_ascii=False) if row["fix"] else None
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(FINDING_KEYS))
    frame = frame.astype({k: "int64" for k in ("line", "column", "end_line", "end_column")})
    return findings_schema().validate(frame)
