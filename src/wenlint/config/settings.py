"""Settings: what a run lints and how, from a configuration file and the command line.

Keys (in `[tool.wenlint]` of pyproject.toml, or at the top level of wenlint.toml / .wenlint.toml):

    select, extend-select, ignore     rule selectors: codes, prefixes, categories, names, "ALL"
    severity                          table: selector -> "error" | "warning" | "info"
    per-file-ignores                  table: glob -> list of selectors
    rules                             extra rule packs (TOML), relative to the config file
    script                            "simplified" | "traditional" | "auto"
    markup                            "auto" | "text" | "markdown": how .txt/.md files are read
    fail-on                           "error" | "warning" | "info"
    include, extend-include           file patterns linted in a directory walk
    exclude, extend-exclude           gitignore-style patterns never walked into
    respect-gitignore                 honour .gitignore files (default true)
    encoding                          "auto" or a codec name
    max-file-size                     bytes, or a string such as "64MB"
    format                            default output format
    [<category>]                      options of a rule family, e.g. [tool.wenlint.chrome]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..findings import check_severity
from ..taxonomy import CATEGORIES, DEFAULT_FAIL_ON, SEVERITIES
SCRIPTS = ("simplified", "traditional", "auto")
MARKUPS = ("auto", "text", "markdown")
FORMATS = ("rich", "concise", "json", "jsonl", "csv", "sarif", "github", "junit", "html", "gitlab", "rdjson", "pylint")

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.docx")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "node_modules",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis",
    "site-packages", "*.egg-info", "build", "dist",
)


@dataclass
class Settings:
    root: Path = field(default_factory=Path.cwd)  # where relative patterns and packs start
    config_file: Path | None = None
    select: list[str] | None = None  # None: the default rule set
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    rule_packs: list[Path] = field(default_factory=list)
    script: str = "auto"
    markup: str = "auto"  # "markdown": read .txt as Markdown too; "text": read .md as plain text
    fail_on: str = DEFAULT_FAIL_ON
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    respect_gitignore: bool = True
    encoding: str = "auto"
    max_file_size: int = 64 * 1024 * 1024
    format: str | None = None
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # category -> option -> value
    regex_timeout: float = 2.0  # seconds a single pattern may run on one document


_TABLE_KEYS = {"severity", "per-file-ignores"}


def settings_from_table(table: dict[str, Any], config_file: Path | None) -> Settings:
    where = str(config_file) if config_file else "configuration"
    root = config_file.parent if config_file else Path.cwd()
    settings = Settings(root=root, config_file=config_file)
    extend_include: list[str] = []
    extend_exclude: list[str] = []
    for key, value in table.items():
        if key in CATEGORIES and isinstance(value, dict):
            settings.options[key] = value
        elif key == "select":
            settings.select = _strings(value, where, key)
        elif key == "extend-select":
            settings.extend_select = _strings(value, where, key)
        elif key == "ignore":
            settings.ignore = _strings(value, where, key)
        elif key == "severity":
            table_value = _expect(value, dict, where, key)
            settings.severity = {
                sel: check_severity(level, f"{where}: severity.{sel}") for sel, level in table_value.items()
            }
        elif key == "per-file-ignores":
            table_value = _expect(value, dict, where, key)
            settings.per_file_ignores = {glob: _strings(v, where, f"{key}.{glob}") for glob, v in table_value.items()}
        elif key == "rules":
            settings.rule_packs = [root / p for p in _strings(value, where, key)]
        elif key == "script":
            settings.script = _choice(value, SCRIPTS, where, key)
        elif key == "markup":
            settings.markup = _choice(value, MARKUPS, where, key)
        elif key == "fail-on":
            settings.fail_on = _choice(value, SEVERITIES, where, key)
        elif key == "include":
            settings.include = _strings(value, where, key)
        elif key == "extend-include":
            extend_include = _strings(value, where, key)
        elif key == "exclude":
            settings.exclude = _strings(value, where, key)
        elif key == "extend-exclude":
            extend_exclude = _strings(value, where, key)
        elif key == "respect-gitignore":
            settings.respect_gitignore = _expect(value, bool, where, key)
        elif key == "encoding":
            settings.encoding = _expect(value, str, where, key)
        elif key == "max-file-size":
            settings.max_file_size = parse_size(value, f"{where}: max-file-size")
        elif key == "format":
            settings.format = _choice(value, FORMATS, where, key)
        elif key == "regex-timeout":
            settings.regex_timeout = float(_expect(value, (int, float), where, key))
        else:
            raise ConfigError(f"{where}: unknown key {key!r}")
    settings.include += extend_include
    settings.exclude += extend_exclude
    return settings


def parse_size(value: Any, where: str) -> int:
    if isinstance(value, int) and value > 0:
        return value
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", str(value), re.I)
    if not m:
        raise ConfigError(f"{where}: expected a size such as 64MB (got {value!r})")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


def _expect(value: Any, kind: type | tuple, where: str, key: str) -> Any:
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ConfigError(f"{where}: {key} must be {_TYPE_WORDS.get(names, names)} (got {value!r})")
    return value


_TYPE_WORDS = {"dict": "a table", "list": "a list", "str": "a string", "bool": "true or false"}


def _strings(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings (got {value!r})")
    return list(value)


def _choice(value: Any, choices: tuple[str, ...], where: str, key: str) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(choices)} (got {value!r})")
    return value


@dataclass
class Overrides:
    """Command-line options, applied on top of whichever configuration a path finds."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rule_packs: list[Path] = field(default_factory=list)
    exclude: list[str] | None = None
    extend_exclude: list[str] = field(default_factory=list)
    script: str | None = None
    markup: str | None = None
    fail_on: str | None = None
    encoding: str | None = None
    respect_gitignore: bool | None = None
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def apply(self, settings: Settings) -> Settings:
        merged_options = {k: dict(v) for k, v in settings.options.items()}
        for category, values in self.options.items():
            merged_options.setdefault(category, {}).update(values)
        return replace(
            settings,
            select=self.select if self.select is not None else settings.select,
            extend_select=settings.extend_select + self.extend_select,
            ignore=settings.ignore + self.ignore,
            severity={**settings.severity, **self.severity},
            rule_packs=settings.rule_packs + [p.resolve() for p in self.rule_packs],
            exclude=(self.exclude if self.exclude is not None else settings.exclude) + self.extend_exclude,
            script=self.script or settings.script,
            markup=self.markup or settings.markup,
            fail_on=self.fail_on or settings.fail_on,
            encoding=self.encoding or settings.encoding,
            respect_gitignore=(
                settings.respect_gitignore if self.respect_gitignore is None else self.respect_gitignore
            ),
            options=merged_options,
        )
