"""Settings: what a run lints and how, from a configuration file and the command line.

The keys (in `[tool.wenlint]` of pyproject.toml, or at the top level of wenlint.toml /
.wenlint.toml) and the options of each rule family (`[tool.wenlint.<category>]`) are declared,
with their types, defaults and descriptions, in config/options.py; this module checks a table
against them and makes it `Settings`.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..taxonomy import CATEGORIES, DEFAULT_FAIL_ON
from .choices import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Format, Markup, Script

if typing.TYPE_CHECKING:
    from .options import Declared

SCRIPTS = typing.get_args(Script)
MARKUPS = typing.get_args(Markup)
FORMATS = typing.get_args(Format)


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


def settings_from_table(table: dict[str, Any], config_file: Path | None) -> Settings:
    """Settings from a configuration table, every key and option checked against its declaration
    (config/options.py); the first that is wrong is a ConfigError naming the file and the key."""
    where = str(config_file) if config_file else "configuration"
    root = config_file.parent if config_file else Path.cwd()
    settings = Settings(root=root, config_file=config_file)
    from .options import config_keys  # with msgspec: only when there is a configuration to check

    keys = config_keys()
    extend_include: list[str] = []
    extend_exclude: list[str] = []
    for key, value in table.items():
        declaration = keys.get(key)
        if key in CATEGORIES and (isinstance(value, dict) or declaration is None):
            settings.options[key] = _family_table(key, value, where)
            continue
        if declaration is None:
            raise ConfigError(f"{where}: unknown key {key!r}")
        value = _checked(declaration, value, where, key)
        if key == "rules":
            settings.rule_packs = [root / p for p in value]
        elif key == "extend-include":
            extend_include = value
        elif key == "extend-exclude":
            extend_exclude = value
        elif key == "max-file-size":
            settings.max_file_size = parse_size(value, f"{where}: max-file-size")
        else:
            setattr(settings, declaration.attribute, value)
    settings.include += extend_include
    settings.exclude += extend_exclude
    return settings


def _family_table(category: str, table: Any, where: str) -> dict[str, Any]:
    """A family's options, those it declares checked; other names are left for the registry to
    judge (a plugin's rule of the family may declare them)."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: [tool.wenlint.{category}] must be a table of options (got {table!r})")
    from .options import family_options

    declared = family_options(category)
    return {name: _checked(declared[name], value, where, f"[tool.wenlint.{category}] {name}") if name in declared
            else value for name, value in table.items()}


def _checked(declaration: Declared, value: Any, where: str, key: str) -> Any:
    import msgspec

    from .options import Declared

    if isinstance(value, str) and _takes_strings(declaration.type):
        value = [value]  # a single selector or pattern may be written without brackets
    try:
        return declaration.check(value)
    except msgspec.ValidationError as exc:
        if isinstance(value, dict) and typing.get_origin(_bare(declaration.type)) is dict:
            inner = Declared(declaration.name, declaration.attribute, typing.get_args(_bare(declaration.type))[1],
                             None, "")
            for name, item in value.items():
                _checked(inner, item, where, f"{key}.{name}")
        raise ConfigError(f"{where}: {key} {_problem(declaration.type, exc)} (got {value!r})") from None


def _bare(kind: Any) -> Any:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def _takes_strings(kind: Any) -> bool:
    kind = _bare(kind)
    options = typing.get_args(kind) if typing.get_origin(kind) in (typing.Union, types.UnionType) else (kind,)
    return list[str] in options


def _problem(kind: Any, exc: Exception) -> str:
    kind = _bare(kind)
    members = typing.get_args(kind) if typing.get_origin(kind) in (typing.Union, types.UnionType) else (kind,)
    choices = [c for m in members if typing.get_origin(m) is typing.Literal for c in typing.get_args(m)]
    if choices and str(exc).startswith("Invalid enum value"):
        return "must be one of " + ", ".join(choices)
    if kind == list[str] or list[str] in members:
        return "must be a list of strings"
    if kind is bool:
        return "must be true or false"
    if typing.get_origin(kind) is dict:
        return "must be a table"
    # msgspec says "Expected `float` > 0.0" or "Expected `int`, got `str`": keep the type and the bound.
    text = str(exc).split(" - at `", 1)[0].removeprefix("Expected ").split(", got ", 1)[0]
    text = re.sub(r"\b(?:int|float|str|array|object|null)\b", lambda m: _TYPE_WORDS[m.group()], text.replace("`", ""))
    return "must be " + text.replace(" | ", " or ")


_TYPE_WORDS = {"int": "an integer", "float": "a number", "str": "a string", "array": "a list", "object": "a table",
               "null": "unset"}


def parse_size(value: Any, where: str) -> int:
    if isinstance(value, int) and value > 0:
        return value
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", str(value), re.I)
    if not m:
        raise ConfigError(f"{where}: expected a size such as 64MB (got {value!r})")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


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
