"""Each rule's measured precision, as shipped in `rules/data/measured-precision.toml` (written by
`bench/quality.py --update` from the labelled development set and the clean corpus)."""

from __future__ import annotations

import math
import sys
from functools import lru_cache

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=1)
def measured_precision() -> dict[str, dict]:
    from .registry import builtin_pack_dir

    path = builtin_pack_dir() / "data" / "measured-precision.toml"
    if not path.is_file():
        return {}
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    for row in table.values():
        if isinstance(row.get("precision"), float) and math.isnan(row["precision"]):
            row["precision"] = None
    return table


def measured_label(code: str) -> str:
    """"0.98 error", "0.41 info", "unmeasured" or "" (not a shipped rule)."""
    row = measured_precision().get(code)
    if row is None:
        return ""
    if row.get("precision") is None:
        return "unmeasured"
    return f"{row['precision']:.2f} {row['class']}"
