"""Quality gates: thresholds on profile columns, declared in TOML, compiled to pandera schemas.

A gate file (the shipped ones are in the repository's `checks/` folder):

    [gate]
    description = "what this gate is for"     # optional

    [[checks]]
    name = "no-errors"                 # optional; default "<column> <op> <value>"
    column = "findings_error"          # a profile column (see wenlint.profile.schema.COLUMNS)
    op = "=="                          # ==, !=, <, <=, >, >=, between, not-between, in, not-in
    value = 0                          # one value for ==, !=, <, <=, >, >=
    # values = [0.02, 0.98]            # two bounds (inclusive) for between / not-between,
                                       # a list for in / not-in
    severity = "error"                 # "error" (default) fails the gate; "warning" is reported
    message = "有 {value} 个错误"       # optional; {value} {column} {expected} {name} {path}

A document passes a check when its value satisfies the condition; an empty value (NaN, e.g. the
script ratio of a text with no Han characters) passes. Every check of every gate is evaluated
on every document (pandera's lazy validation), so the report lists every failure at once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .schema import COLUMNS, NUMERIC

OPS = ("==", "!=", "<", "<=", ">", ">=", "between", "not-between", "in", "not-in")
# The comparisons of one value, and the pandera built-in check that makes each.
_SINGLE = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
_ORDERED = ("<", "<=", ">", ">=", "between", "not-between")
_CHECK_KEYS = {"name", "column", "op", "value", "values", "severity", "message"}
GATE_SEVERITIES = ("error", "warning")


class GateError(ConfigError):
    """A gate file that cannot be used (exit status 2); the message names the file and check."""


def builtin_checks_dir() -> Path:
    """The shipped gates: inside the installed wheel, or the repository's checks/ folder."""
    packaged = resources.files("wenlint") / "_data" / "checks"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "checks"


def builtin_gates() -> list[str]:
    directory = builtin_checks_dir()
    return sorted(p.stem for p in directory.glob("*.toml")) if directory.is_dir() else []


@dataclass(frozen=True)
class GateCheck:
    gate: str  # the gate's name (its file's stem)
    name: str
    column: str
    op: str
    values: tuple  # one value, two bounds, or the list for in / not-in
    severity: str = "error"
    message: str = ""

    @property
    def expected(self) -> str:
        if self.op in _SINGLE:
            return f"{self.op} {_show(self.values[0])}"
        if self.op in ("between", "not-between"):
            return f"{self.op} {_show(self.values[0])} and {_show(self.values[1])}"
        return f"{self.op} [{', '.join(_show(v) for v in self.values)}]"

    @property
    def key(self) -> str:
        """Unique name of the check in a compiled schema."""
        return f"{self.gate}:{self.name}"

    def pandera_check(self):
        import pandera.pandas as pa

        v, name = self.values, self.key
        if self.op in _SINGLE:
            return getattr(pa.Check, _SINGLE[self.op])(v[0], name=name)
        if self.op == "between":
            return pa.Check.in_range(v[0], v[1], name=name)
        if self.op == "not-between":
            low, high = v
            return pa.Check(lambda s: (s < low) | (s > high), name=name, error=f"not between {low} and {high}")
        if self.op == "in":
            return pa.Check.isin(list(v), name=name)
        return pa.Check.notin(list(v), name=name)


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class Gate:
    name: str
    path: Path
    description: str
    checks: tuple[GateCheck, ...]


def resolve_gate(spec: str) -> Path:
    """A gate file: a path, or the name of a shipped gate (`ci`, `corpus`)."""
    path = Path(spec)
    if path.is_file():
        return path
    if "/" not in spec and "\\" not in spec:
        shipped = builtin_checks_dir() / (spec if spec.endswith(".toml") else f"{spec}.toml")
        if shipped.is_file():
            return shipped
    known = ", ".join(builtin_gates()) or "none"
    raise GateError(f"{spec}: gate file not found (shipped gates: {known})")


def load_gate(spec: str) -> Gate:
    from ..config.discovery import read_toml

    path = resolve_gate(spec)
    try:
        data = read_toml(path)
    except ConfigError as exc:
        raise GateError(str(exc)) from None
    where = str(spec)
    unknown = set(data) - {"gate", "checks"}
    if unknown:
        raise GateError(f"{where}: unknown key {sorted(unknown)[0]!r} (expected [gate] and [[checks]])")
    header = data.get("gate", {})
    if not isinstance(header, dict):
        raise GateError(f"{where}: [gate] must be a table")
    description = header.get("description", "")
    name = str(header.get("name", path.stem))
    checks = data.get("checks", [])
    if not isinstance(checks, list) or not checks or not all(isinstance(c, dict) for c in checks):
        raise GateError(f"{where}: needs at least one [[checks]] table")
    compiled = tuple(_check(raw, index, name, where) for index, raw in enumerate(checks, 1))
    seen: set[str] = set()
    for check in compiled:
        if check.name in seen:
            raise GateError(f"{where}: check {check.name!r}: the name is used twice")
        seen.add(check.name)
    return Gate(name, path, str(description), compiled)


def load_gates(specs: list[str]) -> list[Gate]:
    gates = [load_gate(spec) for spec in specs]
    names: dict[str, Path] = {}
    for gate in gates:
        if gate.name in names and names[gate.name] != gate.path:
            raise GateError(f"{gate.path}: a gate named {gate.name!r} is already loaded from {names[gate.name]}")
        names[gate.name] = gate.path
    unique = {g.path.resolve(): g for g in gates}  # the same file twice counts once
    return list(unique.values())


def _check(raw: dict, index: int, gate: str, where: str) -> GateCheck:
    label = f"check {raw['name']!r}" if isinstance(raw.get("name"), str) else f"check #{index}"
    here = f"{where}: {label}"
    unknown = set(raw) - _CHECK_KEYS
    if unknown:
        raise GateError(f"{here}: unknown key {sorted(unknown)[0]!r}")
    column = raw.get("column")
    if column not in COLUMNS:
        raise GateError(f"{here}: unknown column {column!r} (profile columns: {', '.join(COLUMNS)})")
    op = raw.get("op")
    if op not in OPS:
        raise GateError(f"{here}: bad op {op!r} (expected one of {', '.join(OPS)})")
    if ("value" in raw) == ("values" in raw):
        raise GateError(f"{here}: give either value or values")
    values = raw["values"] if "values" in raw else raw["value"]
    if op in _SINGLE:
        if isinstance(values, list):
            raise GateError(f"{here}: op {op!r} takes one value, not a list")
        values = (values,)
    else:
        if not isinstance(values, list):
            raise GateError(f"{here}: op {op!r} takes a list of values")
        values = tuple(values)
        if op in ("between", "not-between"):
            if len(values) != 2:
                raise GateError(f"{here}: op {op!r} takes two values, the bounds")
        elif not values:
            raise GateError(f"{here}: op {op!r} takes a non-empty list")
    numeric = column in NUMERIC
    for value in values:
        ok = (isinstance(value, (int, float)) and not isinstance(value, bool)) if numeric else isinstance(value, str)
        if not ok or (numeric and math.isnan(value)):
            kind = "numbers" if numeric else "strings"
            raise GateError(f"{here}: column {column!r} holds {kind} (got {value!r})")
    if not numeric and op in _ORDERED:
        raise GateError(f"{here}: op {op!r} needs a numeric column, {column!r} holds strings")
    if op in ("between", "not-between") and values[0] > values[1]:
        raise GateError(f"{here}: the lower bound {values[0]} is above the upper bound {values[1]}")
    severity = raw.get("severity", "error")
    if severity not in GATE_SEVERITIES:
        raise GateError(f"{here}: severity must be error or warning (got {severity!r})")
    message = raw.get("message", "")
    if not isinstance(message, str):
        raise GateError(f"{here}: message must be a string")
    name = raw.get("name") or f"{column} {op} {values[0] if len(values) == 1 else list(values)}"
    if not isinstance(name, str):
        raise GateError(f"{here}: name must be a string")
    check = GateCheck(gate, name, column, op, values, severity, message)
    try:
        check.message.format(value=0.5 if numeric else "x", column="", expected="", name="", path="")
    except (KeyError, IndexError, ValueError) as exc:
        raise GateError(f"{here}: bad message template ({type(exc).__name__}: {exc})") from None
    return check


def compile_gates(gates: list[Gate]):
    """One pandera DataFrameSchema holding every check of `gates` (columns not named are free),
    and which GateCheck is check number n of a column (pandera reports failures that way)."""
    import pandera.pandas as pa

    by_column: dict[str, list[GateCheck]] = {}
    for gate in gates:
        for check in gate.checks:
            by_column.setdefault(check.column, []).append(check)
    columns = {
        name: pa.Column(checks=[c.pandera_check() for c in checks], nullable=True, required=True)
        for name, checks in by_column.items()
    }
    numbered = {(name, n): check for name, checks in by_column.items() for n, check in enumerate(checks)}
    return pa.DataFrameSchema(columns, strict=False, name="+".join(g.name for g in gates)), numbered


@dataclass(frozen=True)
class GateFailure:
    path: str
    gate: str
    check: str
    column: str
    value: Any
    expected: str
    severity: str
    message: str

    def to_dict(self) -> dict:
        return {
            "path": self.path, "gate": self.gate, "check": self.check, "column": self.column,
            "value": self.value, "expected": self.expected, "severity": self.severity,
            "message": self.message,
        }


def evaluate(gates: list[Gate], frame) -> list[GateFailure]:
    """Every (document, check) pair that fails, in the order of the rows, then of the checks."""
    import pandera.errors

    if not gates or frame.empty:
        return []
    schema, numbered = compile_gates(gates)
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []
    checks = {c.key: c for g in gates for c in g.checks}
    order = {key: i for i, key in enumerate(checks)}
    position = {label: i for i, label in enumerate(frame.index)}
    failures: list[tuple[int, int, GateFailure]] = []
    for case in cases.to_dict("records"):
        check = numbered.get((case.get("column"), case.get("check_number")))
        if check is None or case.get("index") is None:
            raise GateError(f"gate validation failed unexpectedly: {case}")
        index = case["index"]
        path = str(frame.at[index, "path"])
        value = _plain(frame.at[index, check.column])
        text = check.message or "{column} = {value}, expected {expected}"
        message = text.format(value=_show(value) if not check.message else value, column=check.column,
                              expected=check.expected, name=check.name, path=path)
        failure = GateFailure(path, check.gate, check.name, check.column, value, check.expected,
                              check.severity, message)
        failures.append((position[index], order[check.key], failure))
    failures.sort(key=lambda item: (item[0], item[1]))
    return [f for _, _, f in failures]


def _plain(value: Any) -> Any:
    """numpy scalars as Python values, for JSON and messages."""
    item = getattr(value, "item", None)
    value = item() if callable(item) else value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def gate_passed(failures: list[GateFailure]) -> bool:
    return not any(f.severity == "error" for f in failures)
