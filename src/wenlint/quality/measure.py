"""Lint the quality corpus (`shared/corpus`) and turn the findings into the figures of a report."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .labels import load_confirmed, load_labels
from .scoring import (
    DevScore, FolderScore, Scored, earns, precision_class, rule_precision, score_dev, score_folder,
)

CLEAN_FOLDERS = ("clean/simplified", "clean/traditional", "markdown")
DEV_DOCS = "dev/docs"
WEB = "web"


@dataclass
class Measurement:
    dev: DevScore
    folders: dict[str, FolderScore]
    web: dict
    rules: dict[str, dict]  # code -> precision over dev + clean, class, severity, default
    confirmed: int
    problems: list[str] = field(default_factory=list)
    known: int = 0  # clean-corpus findings explained by a MANIFEST note
    scored: dict[str, list[Scored]] = field(default_factory=dict, repr=False)  # folder -> findings

    def as_dict(self) -> dict:
        return {
            "dev": {
                "labels": self.dev.labels,
                "families": self.dev.families,
                "groups": self.dev.groups,
                "neutral": self.dev.neutral,
            },
            "corpus": {name: folder.as_dict() for name, folder in self.folders.items()},
            "web": self.web,
            "rules": self.rules,
            "confirmed": self.confirmed,
            "known_properties": self.known,
            "problems": self.problems,
        }


def _registry():
    from ..rules.registry import load_registry

    return load_registry(plugins=False)


def lint_folder(root: Path, folder: str, jobs: int, registry=None) -> tuple[list[Scored], dict[str, int], dict[str, int], list[str]]:
    """Every rule (opt-in ones too) over one folder, as one run, configuration files ignored.
    Returns the findings, each file's characters and non-blank lines, and the run's problems."""
    from ..config import Overrides
    from ..engine.run import RunOptions, run

    registry = registry or _registry()
    opt_in = [rule.code for rule in registry if not rule.default_enabled]
    default = {rule.code: rule.default_enabled for rule in registry}
    result = run(
        [str(root / folder)],
        Overrides(select=["ALL", *opt_in]),
        RunOptions(jobs=jobs, isolated=True, keep_context=False),
    )
    sizes, lines = {}, {}
    for file_result in result.results:
        if file_result.error or file_result.warning:
            continue
        text = Path(file_result.path).read_text(encoding="utf-8", errors="replace")
        key = os.path.relpath(file_result.path, root).replace(os.sep, "/")
        sizes[key] = len(text)
        lines[key] = sum(1 for line in text.split("\n") if line.strip())
    findings = [
        Scored(
            os.path.relpath(f.path, root).replace(os.sep, "/"), f.line, f.column, f.end_line,
            f.end_column, f.code, f.category, f.severity, f.text, default.get(f.code, True),
        )
        for f in result.findings
    ]
    return findings, sizes, lines, list(result.errors)


def manifest(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each file's genre (without its detail: "national law (法律)" -> "national law") and its
    notes, from MANIFEST.tsv."""
    path = root / "MANIFEST.tsv"
    if not path.is_file():
        return {}, {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    genre = {row["file"]: re.split(r"\s*[(（;；]", row["genre"], maxsplit=1)[0].strip() for row in rows}
    return genre, {row["file"]: row.get("notes") or "" for row in rows}


def web_figures(findings: list[Scored], lines: dict[str, int]) -> dict:
    chrome_lines = {(f.file, line) for f in findings if f.family == "chrome" and f.default
                    for line in range(f.line, f.end_line + 1)}
    total = sum(lines.values())
    return {
        "documents": len(lines),
        "lines": total,
        "chrome_lines": len(chrome_lines),
        "chrome_line_share": round(len(chrome_lines) / total, 4) if total else 0.0,
        "documents_with_chrome": len({file for file, _ in chrome_lines}),
        "findings": sum(1 for f in findings if f.default and f.tier == "warning"),
    }


def measure(root: Path, confirmed_path: Path, jobs: int = 2, with_web: bool = True) -> Measurement:
    registry = _registry()
    confirmed = load_confirmed(confirmed_path)
    labels = load_labels(root / "dev")
    problems: list[str] = []

    dev_findings, _, _, dev_problems = lint_folder(root, DEV_DOCS, jobs, registry)
    problems += dev_problems
    dev = score_dev(dev_findings, labels, confirmed, prefix=DEV_DOCS + "/")
    scored = {DEV_DOCS: dev_findings}

    genre_of, notes = manifest(root)
    folders: dict[str, FolderScore] = {}
    for folder in CLEAN_FOLDERS:
        found, sizes, _, folder_problems = lint_folder(root, folder, jobs, registry)
        problems += folder_problems
        folders[folder] = score_folder(folder, found, sizes, genre_of, confirmed, notes)
        scored[folder] = found

    web = {}
    if with_web and (root / WEB).is_dir():
        found, _, lines, web_problems = lint_folder(root, WEB, jobs, registry)
        problems += web_problems
        web = web_figures(found, lines)

    rules = {}
    measured = rule_precision(dev, list(folders.values()))
    for rule in registry:
        row = measured.get(rule.code, {"right": 0, "false": 0, "neutral": 0, "precision": None})
        klass = precision_class(row["precision"])
        rules[rule.code] = {
            **row,
            "class": klass,
            "severity": rule.severity,
            "default": rule.default_enabled,
            "earns_severity": earns(rule.severity, klass),
            "family": rule.category,
        }
    confirmed_count = sum(f.confirmed for f in folders.values()) + sum(
        1 for c in confirmed if c.file.startswith(DEV_DOCS)
    )
    known = sum(f.known for f in folders.values())
    return Measurement(dev, folders, web, rules, confirmed_count, problems, known, scored)
