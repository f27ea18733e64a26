"""`wenlint check --show-settings` and `--show-files`: what a run would use, for debugging a
configuration (which file was found, what it selects, which files a walk picks up). Nothing is
linted."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from ..config import Overrides
from ..engine.run import RunOptions, RunResult, _Linters, plan


def _value(value) -> str:
    if isinstance(value, Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps([str(v) if isinstance(v, Path) else v for v in value], ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, default=str)


def show_settings(paths: list[str], overrides: Overrides, options: RunOptions) -> int:
    linters = _Linters(overrides, options)
    for index, path in enumerate(paths):
        linter = linters.for_path(path)
        settings = linter.settings
        if index:
            sys.stdout.write("\n")
        sys.stdout.write(f"# {path}\n")
        sys.stdout.write(f"# configuration: {settings.config_file or '(none: defaults and the command line)'}\n")
        for field in dataclasses.fields(settings):
            if field.name not in ("config_file", "options"):
                key = "rules" if field.name == "rule_packs" else field.name.replace("_", "-")
                sys.stdout.write(f"{key} = {_value(getattr(settings, field.name))}\n")
        for category, values in sorted(settings.options.items()):
            sys.stdout.write(f"[{category}]\n")
            for key, value in values.items():
                sys.stdout.write(f"  {key} = {_value(value)}\n")
        enabled = ", ".join(
            f"{rule.code}" + ("" if linter.severity[rule.code] == rule.severity else f"={linter.severity[rule.code]}")
            for rule in sorted(linter.rules, key=lambda r: r.code)
        )
        sys.stdout.write(f"# rules ({len(linter.rules)}): {enabled}\n")
    return 0


def show_files(paths: list[str], overrides: Overrides, options: RunOptions) -> int:
    linters = _Linters(overrides, options)
    result = RunResult()
    work = plan(paths, linters, options, result)
    for target, linter in work:
        config = linter.settings.config_file
        sys.stdout.write(f"{target.path}\t{config if config else '(defaults)'}\n")
    for message in result.errors:
        sys.stderr.write(f"wenlint: error: {message}\n")
    return 2 if result.errors else 0
