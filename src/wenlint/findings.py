"""The records a run produces: what a rule reports (`Hit`) and what users see (`Finding`).

A rule works on a `Document` and reports character offsets into `Document.text`; the runner turns
those into line/column positions and copies the document's own characters into `Finding.text`, so
a finding's position and text can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .taxonomy import SEVERITIES, SEVERITY_RANK

FIX_SAFETIES = ("safe", "unsafe")


def check_severity(value: str, where: str) -> str:
    from .errors import ConfigError

    if value not in SEVERITY_RANK:
        raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)} (got {value!r})")
    return value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `Document.text[start:end]` with `content` (offsets in the normalised text)."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    safety: str = "safe"  # "safe": applied by --fix; "unsafe": only with --unsafe-fixes

    @staticmethod
    def replace(start: int, end: int, content: str, safety: str = "safe") -> Fix:
        return Fix((Edit(start, end, content),), safety)

    @staticmethod
    def delete(start: int, end: int, safety: str = "safe") -> Fix:
        return Fix((Edit(start, end, ""),), safety)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: a span of `Document.text`, a message, and optionally a suggestion/fix."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A span as users count it: 1-based lines and columns in characters, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: str
    message: str
    text: str
    suggestion: str | None = None
    # The fix as exported: {"safety": ..., "edits": [{line, column, end_line, end_column, content}]}.
    fix: dict[str, Any] | None = field(default=None, compare=False)
    # Not exported: the span and fix in the document's normalised text, to apply fixes.
    start: int = field(default=-1, compare=False, repr=False)
    end: int = field(default=-1, compare=False, repr=False)
    raw_fix: Fix | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in FINDING_KEYS}

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column)


FINDING_KEYS = tuple(k for k in Finding.__dataclass_fields__ if k not in ("start", "end", "raw_fix"))
