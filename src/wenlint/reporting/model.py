"""The report model: everything a report may know about a run, and nothing of the engine.

A run is handed to a report as a stream: first a `RunInfo` (the rules of the run and its fail
level, known before any file is linted), then one `FileReport` per file in the order of the
output (paths sorted; the records of a shard in their order), then a `Tally` of the whole run
(counts, run-level problems). A report that can write as it goes (jsonl, concise, ...) keeps
nothing; one that needs the whole run (html, junit) keeps only what it draws.

`FileReport` carries the text a report may quote — the flagged lines (`context`) and, when the run
was asked for it, the whole document (`source`) — so no report reads a file from disk.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding

DISABLED = "rule disabled for the rest of the run"  # the end of a problem that names a rule switched off


@dataclass
class FileReport:
    """One file (or record) of a run as reports see it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be linted (exit status 2)
    warning: str | None = None  # the file was skipped (a binary file met in a walk, ...)
    problems: list[str] = field(default_factory=list)  # rules that failed on this file
    fixed: int = 0  # fixes applied
    context: dict[int, str] = field(default_factory=dict)  # line number -> text, for flagged lines
    fixed_path: str | None = None  # --fix on a Word file: the fixed copy written (findings are on it)
    source: str | None = None  # the document's text, when the run keeps it (the html report)

    @property
    def linted(self) -> bool:
        return self.error is None and self.warning is None

    def line_text(self, line: int) -> str | None:
        """The text of a 1-based line, when the run kept it."""
        return self.context.get(line)


@dataclass(frozen=True)
class RuleInfo:
    """What a report may say about a rule (SARIF's rule table)."""

    code: str
    name: str
    category: str
    severity: str
    summary: str = ""
    why: str = ""
    bad: str = ""
    good: str = ""
    fix_doc: str = ""

    @classmethod
    def of(cls, rule: Any) -> RuleInfo:
        return cls(rule.code, rule.name, rule.category, rule.severity, rule.summary, rule.why, rule.bad,
                   rule.good, rule.fix_doc)


@dataclass
class RunInfo:
    """What is known of a run before its first file."""

    rules: dict[str, RuleInfo] = field(default_factory=dict)  # code -> rule, every rule of the run
    fail_on: str = "warning"


class Tally:
    """Counts of a whole run, added up file by file as they stream past."""

    def __init__(self) -> None:
        self.files = 0  # files linted (not skipped, not failed)
        self.findings = 0
        self.severities: Counter = Counter()
        self.safe_fixes = 0  # findings --fix would fix
        self.fixed = 0  # fixes applied
        self.known = 0  # findings absorbed by the baseline
        self.by_category: dict[str, Counter] = {}  # category -> severity -> count, in order of appearance
        self.by_rule: Counter = Counter()  # (code, name, category) -> count
        self.fix_kind: dict[str, str] = {}  # code -> "safe" when any of its findings has a safe fix, else "unsafe"
        self.warnings: list[str] = []
        self.file_errors: list[str] = []
        self.file_problems: list[str] = []
        self.problems: list[str] = []  # run-level (a corpus rule that failed, ...)
        self._disabled: set[str] = set()

    def add(self, report: FileReport) -> None:
        self.note(report)
        self.count(report)

    def note(self, report: FileReport) -> tuple[list[str], list[str]]:
        """Add a file's warning, error and problems; return its (warnings, errors) as they are to be
        shown (a rule disabled after a time-out is named once in a run: each worker of a pool
        disables it on its own)."""
        warnings = [report.warning] if report.warning else []
        errors = [report.error] if report.error else []
        self.warnings += warnings
        self.file_errors += errors
        for problem in report.problems:
            if problem.endswith(DISABLED):
                code = problem.split(" rule ", 1)[1].split(" ", 1)[0]
                if code in self._disabled:
                    continue
                self._disabled.add(code)
            self.file_problems.append(problem)
            errors.append(problem)
        return warnings, errors

    def count(self, report: FileReport) -> None:
        """Add a file's findings and fixes."""
        if report.linted:
            self.files += 1
        self.fixed += report.fixed
        for f in report.findings:
            self.findings += 1
            self.severities[f.severity] += 1
            self.by_category.setdefault(f.category, Counter())[f.severity] += 1
            self.by_rule[(f.code, f.name, f.category)] += 1
            if f.fix:
                safe = f.fix["safety"] == "safe"
                self.safe_fixes += safe
                self.fix_kind[f.code] = "safe" if safe or self.fix_kind.get(f.code) == "safe" else "unsafe"

    @property
    def errors(self) -> list[str]:
        """Everything that makes the run end with exit status 2."""
        return self.file_errors + self.file_problems + self.problems

    def failing(self, fail_on: str) -> int:
        from ..taxonomy import at_least

        return sum(n for severity, n in self.severities.items() if at_least(severity, fail_on))
