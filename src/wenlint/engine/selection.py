"""Which rules run, at which severity.

A selector names rules: `ALL`, a category (`chrome`), a code prefix (`PH`, `PH0`), a code
(`PH001`) or a rule name (`year-placeholder`). For every rule, the most specific selector that
matches it among select/extend-select and ignore decides (a category counts as much as a family
prefix); at equal specificity ignore wins. So
`select = ["PH"]`, `ignore = ["PH003"]` runs every PH rule but PH003, and `ignore = ["PH"]`,
`extend-select = ["PH001"]` runs PH001 alone of its family. Rules that are off by default run only
when a selector names their code or name.
"""

from __future__ import annotations

from ..config import Settings
from ..errors import ConfigError
from ..taxonomy import CATEGORIES, at_least
from ..rules.base import Rule
from ..rules.registry import Registry

EXACT = 1000


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically `selector` names `rule`, or None when it does not name it."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if s.lower() == rule.category:
        return 3  # as specific as a family prefix such as "PH"
    if s.upper() == rule.code or s.lower() == rule.name:
        return EXACT
    if rule.code.startswith(s.upper()) and s[:1].isalpha():
        return 1 + len(s)
    return None


def check_selectors(selectors: list[str], registry: Registry, where: str) -> None:
    for s in selectors:
        if not any(specificity(s, rule) is not None for rule in registry) and s.lower() not in CATEGORIES:
            raise ConfigError(f"{where}: unknown rule selector {s!r} (see `wenlint rules`)")


def check_options(registry: Registry, settings: Settings, where: str) -> None:
    """Every option under `[tool.wenlint.<category>]` is one a rule of that family declares."""
    import difflib

    for category, values in settings.options.items():
        valid = sorted({name for rule in registry if rule.category == category for name in rule.options})
        for name in values:
            if name in valid:
                continue
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            known = f"valid: {', '.join(valid)}" if valid else "this family has no options"
            raise ConfigError(f"{where}: unknown option {name!r} in [tool.wenlint.{category}]; {hint}({known})")


def matches(selectors: list[str] | tuple[str, ...], rule: Rule) -> bool:
    return any(specificity(s, rule) is not None for s in selectors)


def enabled_rules(registry: Registry, settings: Settings) -> list[Rule]:
    where = str(settings.config_file or "command line")
    select = settings.select if settings.select is not None else []
    for selectors in (select, settings.extend_select, settings.ignore):
        check_selectors(selectors, registry, where)
    check_options(registry, settings, where)
    chosen = []
    for rule in registry:
        best_select = max(
            (sp for s in [*select, *settings.extend_select] if (sp := specificity(s, rule)) is not None),
            default=None,
        )
        best_ignore = max(
            (sp for s in settings.ignore if (sp := specificity(s, rule)) is not None), default=None
        )
        if best_select is None:
            on = settings.select is None and rule.default_enabled and best_ignore is None
        else:
            on = best_ignore is None or best_select > best_ignore
            if not rule.default_enabled and best_select < EXACT:
                on = False
        if on:
            chosen.append(rule)
    return chosen


def severity_of(rule: Rule, settings: Settings) -> str:
    """The configured severity of a rule: the most specific matching override, else its default."""
    best, level = -1, rule.severity
    for selector, override in settings.severity.items():
        sp = specificity(selector, rule)
        if sp is not None and sp > best:
            best, level = sp, override
    return level


__all__ = ["at_least", "enabled_rules", "matches", "severity_of", "specificity"]
