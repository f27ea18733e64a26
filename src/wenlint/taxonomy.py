"""The one definition of wenlint's severities and rule families (categories): their names, ranks,
Chinese labels and colours. Configuration, the engine, the profile, the CLI and every report read
them from here; a report's own vocabulary for a severity (SARIF's `note`, GitHub's `notice`) is
the report's business and is keyed by these names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Severity:
    name: str
    rank: int  # higher is more severe; `--fail-on X` fails on every severity ranked at least X
    label: str  # what the Chinese reports call it
    style: str  # rich style in the terminal
    precision: float  # the measured precision a rule needs to earn it (tests/quality)
    promise: str  # what a finding of this severity promises the reader


@dataclass(frozen=True)
class Category:
    name: str
    prefix: str  # the two letters of its rule codes
    label: str  # what the Chinese reports call it
    style: str  # rich style in the terminal
    ink: str  # colours of the HTML report: text and underline ...
    background: str  # ... and highlight


SEVERITY_LIST = (
    Severity("error", 3, "错误", "bold red", 0.97, "几乎肯定是错误（在开发集和正确语料上测得的精确率 ≥ 0.97）"),
    Severity("warning", 2, "警告", "yellow", 0.90, "细心的编辑会想看到的问题，默认的失败级别（测得的精确率 ≥ 0.90）"),
    Severity("info", 1, "提示", "cyan", 0.0, "文风或一致性提示（会报告，默认不导致失败）"),
)
SEVERITY = {s.name: s for s in SEVERITY_LIST}
SEVERITIES = tuple(SEVERITY)  # most severe first: ("error", "warning", "info")
SEVERITY_RANK = {s.name: s.rank for s in SEVERITY_LIST}
DEFAULT_FAIL_ON = "warning"

CATEGORY_LIST = (
    Category("placeholder", "PH", "占位符", "magenta", "#a21caf", "#fae8ff"),
    Category("mask", "MK", "遮蔽词", "red", "#b91c1c", "#fee2e2"),
    Category("number", "NM", "数字矛盾", "yellow", "#b45309", "#fef3c7"),
    Category("chrome", "CH", "网页残留", "cyan", "#0e7490", "#cffafe"),
    Category("script", "SC", "繁简与字符", "blue", "#1d4ed8", "#dbeafe"),
    Category("structure", "ST", "结构", "green", "#15803d", "#dcfce7"),
    Category("meta", "WL", "抑制注释", "white", "#4b5563", "#e5e7eb"),
)
CATEGORY = {c.name: c for c in CATEGORY_LIST}
CATEGORIES = tuple(CATEGORY)
# A category a plugin or pack invents: shown with neutral colours and its own name.
OTHER = Category("other", "", "", "white", "#4b5563", "#e5e7eb")


def category(name: str) -> Category:
    return CATEGORY.get(name, OTHER)


def at_least(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


def least_severe(levels) -> str:
    """The lowest of several fail levels (the one that fails the most)."""
    return min(levels, key=SEVERITY_RANK.__getitem__)


def category_label(name: str) -> str:
    """The Chinese name of a category; a category wenlint does not know keeps its own name."""
    known = CATEGORY.get(name)
    return known.label if known else name
