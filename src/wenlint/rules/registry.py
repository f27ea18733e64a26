"""One registry, three sources: built-in Python rules (modules under `wenlint.rules.<family>`),
TOML packs (the shipped `rules/` folder plus packs named in the configuration or with --rules),
and plugins registered under the entry-point group `wenlint.rules`."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..errors import RulePackError
from ..taxonomy import CATEGORIES, SEVERITIES
from .base import Rule

FAMILY_PACKAGES = CATEGORIES  # each built-in family is a package of the same name
ENTRY_POINT_GROUP = "wenlint.rules"


class Registry:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            previous = self.rules.get(rule.code)
            if previous is not None:
                raise RulePackError(
                    f"{rule.source}: rule {rule.code} is already defined by {previous.source}"
                )
            self.rules[rule.code] = rule
        self.by_name = {rule.name: rule for rule in self.rules.values()}

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)

    def analyses(self) -> dict[str, tuple[str, ...]]:
        """The document analyses each rule declares it reads (`Rule.reads`), by rule code."""
        from ..analyses.base import names

        return {code: tuple(sorted(names(rule.reads))) for code, rule in self.rules.items() if rule.reads}

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        return self.rules.get(key.upper()) or self.by_name.get(key.lower())


def builtin_pack_dir() -> Path:
    """The shipped packs: inside the installed wheel, or the repository's rules/ folder."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_data" / "rules"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "rules"


@lru_cache(maxsize=1)
def builtin_python_rules() -> tuple[Rule, ...]:
    found: list[Rule] = []
    for family in FAMILY_PACKAGES:
        try:
            package = importlib.import_module(f"{__package__}.{family}")
        except ModuleNotFoundError:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found.extend(_rules_in_module(module))
    return tuple(found)


@lru_cache(maxsize=1)
def builtin_pack_rules() -> tuple[Rule, ...]:
    from .packs import load_pack

    directory = builtin_pack_dir()
    rules: list[Rule] = []
    if directory.is_dir():
        for path in sorted(directory.glob("*.toml")):
            # Shipped packs are verified by the test suite, not on every start.
            rules.extend(load_pack(path, verify=False))
    from .prefilter import PackPrefilter

    prefilter = PackPrefilter({rule.code: rule.pattern_sources for rule in rules})
    for rule in rules:
        rule.prefilter = prefilter
    return tuple(rules)


def _rules_in_module(module) -> list[Rule]:
    rules = []
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if issubclass(obj, Rule) and obj.__module__ == module.__name__ and obj.code:
            rules.append(obj())
    return rules


def plugin_rules() -> list[Rule]:
    if not _may_declare_plugins():
        return []
    from importlib.metadata import entry_points

    rules: list[Rule] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        where = f"plugin {entry.name} ({entry.value})"
        try:
            loaded = entry.load()
        except Exception as exc:
            raise RulePackError(f"{where}: cannot be imported: {type(exc).__name__}: {exc}") from None
        for rule in _as_rules(loaded, where):
            rule.source = f"plugin:{entry.name}"
            _check_plugin_rule(rule, where)
            rules.append(rule)
    return rules


def _may_declare_plugins() -> bool:
    """Whether an installed distribution may declare the entry-point group: a look at the
    `entry_points.txt` files of the distributions on sys.path for the group's name. Without one,
    a run skips importlib.metadata, whose import (email, zipfile, csv, ...) is 15-40 ms of every
    start. Anything this scan cannot see into (a zip on sys.path, another metadata finder) counts
    as "may", and the real lookup decides."""
    from importlib.machinery import PathFinder

    if any(f is not PathFinder and hasattr(f, "find_distributions") for f in sys.meta_path):
        return True
    for entry in sys.path:
        path = entry or "."
        if not os.path.isdir(path):
            if os.path.exists(path):
                return True
            continue
        if path.lower().endswith(".egg") and _mentions_group(os.path.join(path, "EGG-INFO")):
            return True
        try:
            children = os.scandir(path)
        except OSError:
            continue
        with children:
            for child in children:
                if child.name.lower().endswith((".dist-info", ".egg-info")) and _mentions_group(child.path):
                    return True
    return False


def _mentions_group(metadata_dir: str) -> bool:
    try:
        with open(os.path.join(metadata_dir, "entry_points.txt"), encoding="utf-8", errors="replace") as f:
            return ENTRY_POINT_GROUP in f.read()
    except OSError:
        return False


def _as_rules(obj, where: str) -> list[Rule]:
    if inspect.ismodule(obj):
        return _rules_in_module(obj)
    if inspect.isclass(obj) and issubclass(obj, Rule):
        return [obj()]
    if isinstance(obj, Rule):
        return [obj]
    if callable(obj):
        try:
            obj = obj()
        except Exception as exc:
            raise RulePackError(f"{where}: failed: {type(exc).__name__}: {exc}") from None
        if isinstance(obj, Rule):
            return [obj]
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        items = list(obj)
        if all(isinstance(i, Rule) or (inspect.isclass(i) and issubclass(i, Rule)) for i in items):
            return [i() if inspect.isclass(i) else i for i in items]
    raise RulePackError(f"{where}: is not a Rule, a Rule class, a module or a list of rules")


def _check_plugin_rule(rule: Rule, where: str) -> None:
    from .packs import _CODE, _NAME

    if not _CODE.fullmatch(rule.code or ""):
        raise RulePackError(f"{where}: rule {rule.code!r}: code must be two capital letters and three digits")
    if not _NAME.fullmatch(rule.name or ""):
        raise RulePackError(f"{where}: rule {rule.code}: name must be kebab-case ASCII")
    if rule.severity not in SEVERITIES:
        raise RulePackError(f"{where}: rule {rule.code}: severity must be {', '.join(SEVERITIES[:-1])} or {SEVERITIES[-1]}")
    if not rule.category or not rule.summary:
        raise RulePackError(f"{where}: rule {rule.code}: needs a category and a summary")


def load_registry(extra_packs: Iterable[Path] = (), plugins: bool = True) -> Registry:
    from .packs import load_pack

    rules: list[Rule] = list(builtin_python_rules()) + list(builtin_pack_rules())
    for pack in extra_packs:
        rules.extend(load_pack(pack, verify=True))
    if plugins:
        rules.extend(plugin_rules())
    return Registry(rules)
