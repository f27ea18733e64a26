"""The profile as a rich table, the gate report, and the JSON object of `--format json`."""

from __future__ import annotations

import json
import math
from typing import TextIO

from ..taxonomy import SEVERITY
from .gates import Gate, GateFailure, gate_passed

SCRIPT_WORDS = {"simplified": "简", "traditional": "繁", "mixed": "混", "none": "—", "unknown": "?"}


def _console(stream: TextIO, color: bool | None):
    from rich.console import Console

    return Console(file=stream, force_terminal=color, no_color=color is False, highlight=False, emoji=False)


def _share(value: float) -> str:
    return "" if not value else f"{value:.0%}" if value >= 0.01 else "<1%"


def render_table(frame, stream: TextIO, color: bool | None = None) -> None:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    longest = max((len(p) for p in frame["path"]), default=4)
    table.add_column("path", overflow="fold", min_width=min(longest, 16))
    for heading in ("encoding", "chars", "lines", "han", "script", "E", "W", "I", "chrome", "ph", "dup"):
        justify = "left" if heading in ("encoding", "script") else "right"
        table.add_column(heading, justify=justify, no_wrap=True)
    for row in frame.itertuples(index=False):
        ratio = row.script_ratio
        script = SCRIPT_WORDS.get(row.script, row.script)
        if ratio is not None and not math.isnan(ratio):
            script += f" {ratio:.2f}"
        table.add_row(
            row.path, row.encoding or "", str(row.characters), str(row.lines), str(row.han), script,
            _count(row.findings_error, "bold red"), _count(row.findings_warning, "yellow"),
            _count(row.findings_info, "cyan"), _share(row.chrome_share), _count(row.placeholders, "magenta"),
            _share(row.duplicate_share),
        )
    console = _console(stream, color)
    console.print(table)
    files = len(frame)
    console.print(
        f"{files} document{'s' if files != 1 else ''}, {int(frame['characters'].sum())} characters, "
        f"{int(frame['findings'].sum())} findings. "
        "ratio: share of Traditional forms; chrome: lines of website furniture; ph: placeholders; "
        "dup: repeated lines. All columns: --output FILE.",
        style="dim",
    )


def _count(value: int, style: str) -> str:
    return f"[{style}]{value}[/]" if value else ""


def render_gates(gates: list[Gate], failures: list[GateFailure], documents: int, stream: TextIO,
                 color: bool | None = None) -> None:
    from rich.table import Table

    console = _console(stream, color)
    names = ", ".join(g.name for g in gates)
    if failures:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for heading in ("path", "check", "value", "expected", "message"):
            table.add_column(heading, overflow="fold")
        for f in failures:
            style = SEVERITY[f.severity].style
            value = "NaN" if f.value is None else f"{f.value:.4g}" if isinstance(f.value, float) else str(f.value)
            table.add_row(f.path, f"[{style}]{f.gate}:{f.check}[/]", value, f.expected, f.message)
        console.print(table)
    failed_docs = len({f.path for f in failures if f.severity == "error"})
    warned_docs = len({f.path for f in failures if f.severity != "error"})
    checks = sum(len(g.checks) for g in gates)
    if gate_passed(failures):
        line = f"[bold green]Gate {names} passed[/]: {documents} document{'s' if documents != 1 else ''}, {checks} checks"
        if warned_docs:
            line += f"; warnings on {warned_docs} document{'s' if warned_docs != 1 else ''}"
    else:
        errors = sum(1 for f in failures if f.severity == "error")
        line = (f"[bold red]Gate {names} failed[/]: {failed_docs} of {documents} document{'s' if documents != 1 else ''} "
                f"failed {errors} check{'s' if errors != 1 else ''}")
    console.print(line + ".")


def json_report(frame, gates: list[Gate], failures: list[GateFailure], documents: int,
                include_rows: bool, stream: TextIO) -> None:
    out: dict = {"documents": documents}
    if include_rows:
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        out["profile"] = records
    if gates:
        out["gates"] = [
            {"name": g.name, "path": str(g.path), "description": g.description,
             "checks": [{"name": c.name, "column": c.column, "expected": c.expected, "severity": c.severity}
                        for c in g.checks]}
            for g in gates
        ]
        out["passed"] = gate_passed(failures)
        out["failures"] = [f.to_dict() for f in failures]
    stream.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
