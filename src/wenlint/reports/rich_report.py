"""`--format rich` (the default on a terminal): per file a heading with its counts and a row per
finding (position, code, severity, message, and the flagged text highlighted in its line), then a
summary by category and by rule. Widths are measured in terminal cells, so Chinese text lines up."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from . import Report as BaseReport
from . import ReportOptions
from ..findings import Finding
from ..reporting.model import FileReport, Tally
from ..taxonomy import SEVERITIES, SEVERITY, category, category_label
from .summary import counts_line

CONTEXT_CELLS = 24  # terminal cells of context shown on each side of the flagged text


def make_console(stream: TextIO, options: ReportOptions) -> Console:
    return Console(
        file=stream,
        width=options.width,
        force_terminal=options.color,
        no_color=options.color is False,
        highlight=False,
        emoji=False,
    )


def _clip_left(text: str, cells: int) -> str:
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in reversed(text):
        if cell_len(out) + cell_len(ch) > cells - 1:
            break
        out = ch + out
    return "…" + out


def _clip_right(text: str, cells: int) -> str:
    if cell_len(text) <= cells:
        return text
    out = ""
    for ch in text:
        if cell_len(out) + cell_len(ch) > cells - 1:
            break
        out += ch
    return out + "…"


def context(finding: Finding, line_text: str | None) -> Text:
    """The flagged text highlighted inside a window of its line."""
    flagged = finding.text.split("\n", 1)[0].rstrip("\r")
    style = f"bold reverse {category(finding.category).style}"
    if line_text is None:
        return Text.assemble(("› ", "dim"), (flagged, style))
    start = finding.column - 1
    before = line_text[:start]
    after = line_text[start + len(flagged) :] if finding.end_line == finding.line else ""
    flagged_shown = _clip_right(flagged, CONTEXT_CELLS * 2)
    return Text.assemble(
        ("› ", "dim"),
        (_clip_left(before, CONTEXT_CELLS).lstrip(), "dim"),
        (flagged_shown, style),
        (_clip_right(after, CONTEXT_CELLS).rstrip(), "dim"),
        (" ↵…" if finding.end_line > finding.line else "", "dim"),
    )


def _counts_text(findings: list[Finding]) -> Text:
    counts = Counter(f.severity for f in findings)
    parts = []
    for severity in SEVERITIES:
        if counts[severity]:
            parts.append((f"{counts[severity]} {SEVERITY[severity].label}", SEVERITY[severity].style))
    text = Text()
    for i, part in enumerate(parts):
        if i:
            text.append(" · ", "dim")
        text.append(*part)
    return text


def file_section(path: str, findings: list[Finding], lines: dict[int, str]) -> Group:
    heading = Text.assemble((path, "bold underline"), "  ", _counts_text(findings))
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1), expand=False)
    table.add_column("where", justify="right", no_wrap=True, style="dim")
    table.add_column("code", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("finding", overflow="fold")
    for f in findings:
        body = Text(f.message)
        body.append("\n")
        body.append_text(context(f, lines.get(f.line)))
        if f.suggestion:
            body.append("\n→ 建议：", "green")
            body.append(f.suggestion, "bold green")
        if f.fix:
            body.append("  [可自动修复]" if f.fix["safety"] == "safe" else "  [可修复，需 --unsafe-fixes]", "dim green")
        table.add_row(
            f"{f.line}:{f.column}",
            Text(f.code, category(f.category).style),
            Text(SEVERITY[f.severity].label, SEVERITY[f.severity].style),
            body,
        )
    return Group(heading, Padding(table, (0, 0, 1, 2)))


def summary(tally: Tally) -> Group:
    categories = Table(title="按类别", title_justify="left", box=None, header_style="bold", pad_edge=False)
    categories.add_column("类别")
    for severity in SEVERITIES:
        categories.add_column(SEVERITY[severity].label, justify="right", style=SEVERITY[severity].style)
    categories.add_column("合计", justify="right", style="bold")
    for name, counts in sorted(tally.by_category.items(), key=lambda item: -sum(item[1].values())):
        label = Text(f"{category_label(name)} {name}", category(name).style)
        categories.add_row(label, *(str(counts[s] or "") for s in SEVERITIES), str(sum(counts.values())))
    rules = Table(title="按规则", title_justify="left", box=None, header_style="bold", pad_edge=False)
    rules.add_column("次数", justify="right")
    rules.add_column("代码")
    rules.add_column("规则")
    rules.add_column("修复")
    for (code, name, family), n in sorted(tally.by_rule.items(), key=lambda item: (-item[1], item[0]))[:12]:
        fix = "可自动修复" if tally.fix_kind.get(code) == "safe" else ""
        rules.add_row(str(n), Text(code, category(family).style), name, fix)
    return Group(categories, Text(""), rules)


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.console = make_console(self.stream, self.options)

    def file(self, report: FileReport) -> None:
        if report.findings and not self.options.statistics:
            self.console.print(file_section(report.path, report.findings, report.context))

    def close(self, tally: Tally) -> None:
        if self.options.statistics:
            self.console.print(summary(tally))
            return
        if tally.findings:
            self.console.print(summary(tally))
            self.console.print()
        self.console.print(Text(counts_line(tally, self.options), style="bold"))
