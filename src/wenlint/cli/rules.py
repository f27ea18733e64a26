"""`wenlint rules` and `wenlint explain CODE`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import ConfigError
from ..rules.base import Rule, Spec
from ..rules.measured import measured_label
from ..rules.registry import load_registry
from ..taxonomy import SEVERITY, category


def rule_row(rule: Rule) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity,
        "fixable": rule.fix_safety if rule.fixable else "no",
        "default": rule.default_enabled,
        "source": rule.source,
        "measured": measured_label(rule.code) or None,
        "summary": rule.summary,
    }


def _registry(args):
    """The shipped rules, the packs the configuration names and those given with --rules."""
    from ..config import Settings, load_config_file, settings_for

    if getattr(args, "config", None):
        settings = load_config_file(Path(args.config))
    elif getattr(args, "isolated", False):
        settings = Settings()
    else:
        settings = settings_for(Path("."))
    return load_registry(settings.rule_packs + [Path(p).resolve() for p in args.rules])


def run_rules(args) -> int:
    registry = _registry(args)
    rules = list(registry)
    if args.select:
        from ..engine.selection import check_selectors, matches

        check_selectors(args.select, registry, "--select")
        rules = [r for r in rules if matches(args.select, r)]
    if args.format == "json":
        sys.stdout.write(json.dumps([rule_row(r) for r in rules], ensure_ascii=False, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:
        _plain_table(rules)
        return 0
    # The summary needs room, and below 100 columns so does the source: in a narrow terminal
    # `wenlint explain CODE` shows them instead.
    with_summary = console.width >= 120
    with_source = console.width >= 100
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("code", no_wrap=True, min_width=5)
    table.add_column("name", overflow="fold", ratio=3)
    table.add_column("category", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("fix", no_wrap=True)
    table.add_column("measured", no_wrap=True)
    if with_source:
        table.add_column("source", overflow="fold", ratio=1)
    if with_summary:
        table.add_column("summary", overflow="fold", ratio=4)
    for rule in rules:
        row = rule_row(rule)
        source = "builtin" if row["source"] == "builtin" else Path(row["source"]).name if row["source"].endswith(".toml") else row["source"]
        cells = [
            f"[{category(rule.category).style}]{rule.code}[/]",
            rule.name + ("" if rule.default_enabled else " (opt-in)"),
            rule.category,
            f"[{SEVERITY[rule.severity].style}]{rule.severity}[/]",
            row["fixable"],
            row["measured"] or "",
            *([source] if with_source else []),
        ]
        table.add_row(*cells, *([rule.summary] if with_summary else []))
    console.print(table)
    return 0


def _plain_table(rules: list[Rule]) -> None:
    """Piped: one whole row per rule, columns aligned, nothing cut (for grep, sort, cut)."""
    rows = [("code", "name", "category", "severity", "fix", "measured", "source", "summary")]
    for rule in rules:
        row = rule_row(rule)
        name = rule.name + ("" if rule.default_enabled else " (opt-in)")
        source = Path(row["source"]).name if row["source"].endswith(".toml") else row["source"]
        rows.append((rule.code, name, rule.category, rule.severity, row["fixable"], row["measured"] or "-",
                     source, rule.summary))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for r in rows:
        sys.stdout.write("  ".join([c.ljust(w) for c, w in zip(r, widths)] + [r[-1]]).rstrip() + "\n")


def _flagged_example(rule: Rule, text: str):
    """The example with the spans the rule flags in it highlighted (it runs the rule)."""
    from rich.text import Text

    from ..testing import run_spec

    flags = run_spec(rule, Spec(text)).flags
    shown = Text(text)
    pos = 0
    for flag in flags:
        index = text.find(flag, pos)
        if index >= 0:
            shown.stylize("bold reverse red", index, index + len(flag))
            pos = index + len(flag)
    return shown, flags




def run_explain(args) -> int:
    registry = _registry(args)
    rule = registry.get(args.rule)
    if rule is None:
        raise ConfigError(f"unknown rule {args.rule!r} (see `wenlint rules`)")
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(highlight=False)
    console.print(Text(f"{rule.code} {rule.name}", style="bold"))
    console.print(Text(
        f"类别 category: {rule.category} · 级别 severity: {rule.severity} · "
        f"修复 fix: {rule.fix_safety} · 默认 default: {'on' if rule.default_enabled else 'off (opt-in)'} · "
        f"来源 source: {rule.source}"
    ))
    measured = measured_label(rule.code)
    if measured:
        console.print(Text(f"实测精确率 measured precision (dev set + clean corpus): {measured}"))
    level = SEVERITY[rule.severity]
    console.print(Text(f"{level.name} {level.label}：{level.promise}", style="dim"))
    console.print()

    def section(title: str, body) -> None:
        if body:
            console.print(Text(title, style="bold underline"))
            console.print(Padding(body, (0, 0, 1, 2)))

    section("查什么 What it finds", Text(rule.summary))
    section("为什么 Why it matters", Text(rule.why))
    if rule.bad:
        shown, flags = _flagged_example(rule, rule.bad)
        section("示例（会被报告）Example (flagged)", shown)
    if rule.good:
        section("正确写法 Use instead", Text(rule.good))
    section("修复 Fix", Text(rule.fix_doc))
    if rule.options:
        section("选项 Options", Text("\n".join(f"[tool.wenlint.{rule.category}] {k} = {json.dumps(v, ensure_ascii=False)}" for k, v in rule.options.items())))
    reads = registry.analyses().get(rule.code)
    if reads:
        section("读取的文档分析 Analyses it reads", Text("、".join(reads)))
    return 0
