"""The committed quality floor (`tests/quality/thresholds.toml`) and the measured precision of each
rule (`rules/data/measured-precision.toml`, shown by `wenlint rules`).

Thresholds only ever tighten: `update` keeps, for every figure, the better of the committed value
and the measured one, so a change that makes a figure worse fails the guard until it is mended.
Recall and precision are floors; densities (findings per 20,000 characters) are ceilings.

Precision floors and density ceilings tighten only as far as the product's promise (`TARGETS`):
a floor of 1.00 precision or a ceiling of 0.00 false alarms would fail every later change that
finds more at the cost of one doubtful finding, which is what the promise allows. Recall floors
follow the measurement.
"""

from __future__ import annotations

import re
from pathlib import Path


from ..config.discovery import tomllib
from ..taxonomy import CATEGORIES
from .measure import Measurement

FLOOR_SECTIONS = ("dev.recall", "dev.precision", "seeds.recall")

# Density of findings at warning-or-worse per clean folder, by groups of families.
DENSITY_GROUPS = {
    "all": CATEGORIES,
    "structure+number": ("structure", "number"),
    "script+mask": ("script", "mask"),
    "chrome": ("chrome",),
    "placeholder": ("placeholder",),
}
# What a release promises on real documents (DESIGN.md and the quality issues): precision on the
# development set, and the most false alarms per 20,000 characters of a correct document.
TARGETS = {
    "dev.precision": {"chrome": 0.95, "*": 0.90},
    "density": {"all": 1.0, "structure+number": 0.4, "script+mask": 0.3, "chrome": 0.2, "placeholder": 0.2},
}


def target(section: str, name: str) -> float | None:
    if section == "dev.precision":
        table = TARGETS["dev.precision"]
        return table.get(name, table["*"])
    if section.startswith("density."):
        return TARGETS["density"].get(name)
    return None


def current_figures(m: Measurement) -> dict[str, dict[str, float]]:
    figures: dict[str, dict[str, float]] = {
        "dev.recall": {}, "dev.precision": {}, "seeds.recall": {},
    }
    for family, row in m.dev.families.items():
        if row["recall"] is not None:
            figures["dev.recall"][family] = row["recall"]
        if row["precision"] is not None:
            figures["dev.precision"][family] = row["precision"]
    for family, recall in m.dev.groups.get("seeds", {}).items():
        if recall is not None:
            figures["seeds.recall"][family] = recall
    for name, folder in m.folders.items():
        section = figures.setdefault(f'density."{name}"', {})
        for group, families in DENSITY_GROUPS.items():
            section[group] = folder.density(sum(folder.families.get(f, 0) for f in families))
    return figures


def load(path: Path) -> dict[str, dict[str, float]]:
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    flat: dict[str, dict[str, float]] = {}
    for key, section in data.items():
        for sub, values in section.items():
            if key == "density":
                flat[f'density."{sub}"'] = dict(values)
            else:
                flat[f"{key}.{sub}"] = dict(values)
    return flat


def is_floor(section: str) -> bool:
    return section in FLOOR_SECTIONS


def failures(committed: dict[str, dict[str, float]], current: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure that is worse than its committed threshold."""
    out = []
    committed = {section: dict(limits) for section, limits in committed.items()}
    for name in current.get("dev.precision", {}):
        # a family with no finding at warning-or-worse yet is held to its promise
        committed.setdefault("dev.precision", {}).setdefault(name, target("dev.precision", name))
    for section, limits in committed.items():
        for name, limit in limits.items():
            value = current.get(section, {}).get(name)
            if is_floor(section):
                if value is None and section == "dev.precision":
                    continue  # no finding at warning-or-worse: nothing to be wrong about
                if value is None or value < limit:
                    out.append(f"{section}.{name}: {value} is below the threshold {limit}")
            elif value is not None and value > limit:
                out.append(f"{section}.{name}: {value} per 20,000 characters is above the threshold {limit}")
    return out


def tightened(committed: dict[str, dict[str, float]], current: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    merged: dict[str, dict[str, float]] = {}
    for section in sorted(set(committed) | set(current)):
        old, new = committed.get(section, {}), current.get(section, {})
        merged[section] = {}
        for name in sorted(set(old) | set(new)):
            value, limit, promise = new.get(name), old.get(name), target(section, name)
            if value is not None and promise is not None:
                # no tighter than the promise
                value = min(value, promise) if is_floor(section) else max(value, promise)
            pick = max if is_floor(section) else min
            merged[section][name] = pick(v for v in (limit, value) if v is not None)
    return merged


HEADER = """\
# The quality floor, checked by tests/quality/test_guard.py on every CI run.
# Written by `python bench/quality.py --update`, which only ever tightens a figure: recall and
# precision (dev set, warning-or-worse) are floors, densities (findings at warning-or-worse per
# 20,000 characters of a clean folder) are ceilings. Never loosen a figure by hand.
"""


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else f'"{name}"'


def dump(figures: dict[str, dict[str, float]]) -> str:
    lines = [HEADER]
    for section in sorted(figures, key=lambda s: (not is_floor(s), s)):
        lines.append(f"[{section}]")
        lines += [f"{_key(name)} = {value}" for name, value in sorted(figures[section].items())]
        lines.append("")
    return "\n".join(lines)


PRECISION_HEADER = """\
# Each rule's measured precision over the labelled development set and the clean corpus, every
# severity (`python bench/quality.py --update` writes it; `wenlint rules` shows the class).
# class: the strictest severity the precision earns (error >= 0.97, warning >= 0.90), or
# "unmeasured" when the rule found nothing there.
"""


def dump_precision(rules: dict[str, dict]) -> str:
    lines = [PRECISION_HEADER]
    for code, row in sorted(rules.items()):
        precision = "nan" if row["precision"] is None else row["precision"]
        lines += [
            f"[{code}]",
            f'class = "{row["class"]}"',
            f"precision = {precision}",
            f"right = {row['right']}",
            f"false = {row['false']}",
            "",
        ]
    return "\n".join(lines)
