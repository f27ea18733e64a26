"""The quality report: rich tables of a Measurement, the misses and false alarms, a summary line."""

from __future__ import annotations

from ..taxonomy import CATEGORIES
from .measure import Measurement

FAMILIES = CATEGORIES


def _f(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def summary_line(m: Measurement) -> str:
    dev = m.dev.families
    found = sum(round((row["recall"] or 0) * row["labels"]) for row in dev.values())
    right = sum(row["right"] for row in dev.values())
    wrong = sum(row["findings"] - row["right"] for row in dev.values())
    densities = ", ".join(f"{name} {folder.density():.2f}" for name, folder in m.folders.items())
    unearned = sum(1 for row in m.rules.values() if not row["earns_severity"])
    return (
        f"quality: dev recall {found}/{m.dev.labels} = {found / max(m.dev.labels, 1):.2f}, "
        f"precision {right}/{right + wrong} = {right / max(right + wrong, 1):.2f} (warning or worse); "
        f"clean per 20k chars: {densities}; {unearned} rules below their severity's bar; "
        f"{m.confirmed} confirmed, {m.known} known properties"
    )


def render(m: Measurement, console, show: int = 0, family: str | None = None, code: str | None = None) -> None:
    from rich.table import Table

    dev = Table(title="Dev set (warning or worse; info separately)", header_style="bold")
    for column in ("family", "labels", "recall", "precision", "findings", "recall any sev.",
                   "info prec.", "info n", "seeds rec.", "web rec.", "docs rec."):
        dev.add_column(column, justify="right" if column != "family" else "left")
    for fam in FAMILIES:
        row = m.dev.families.get(fam)
        if not row:
            continue
        dev.add_row(
            fam, str(row["labels"]), _f(row["recall"]), _f(row["precision"]), str(row["findings"]),
            _f(row["recall_any_severity"]), _f(row["info_precision"]), str(row["info_findings"]),
            *(_f(m.dev.groups.get(g, {}).get(fam)) for g in ("seeds", "web", "docs")),
        )
    console.print(dev)
    console.print(f"neutral findings (on another family's defect): {m.dev.neutral}")

    corpus = Table(title="Clean corpus: findings at warning or worse per 20,000 characters", header_style="bold")
    corpus.add_column("folder")
    for column in ("docs", "with ≥1", "all", *FAMILIES[:-1]):
        corpus.add_column(column, justify="right")
    for name, folder in m.folders.items():
        corpus.add_row(
            name, str(folder.documents), f"{folder.documents_with}", f"{folder.density():.2f}",
            *(f"{folder.density(folder.families.get(fam, 0)):.2f}" for fam in FAMILIES[:-1]),
        )
    console.print(corpus)

    genres = Table(title="Clean corpus by genre (warning or worse per 20,000 characters)", header_style="bold")
    genres.add_column("folder")
    genres.add_column("genre")
    genres.add_column("chars", justify="right")
    genres.add_column("findings", justify="right")
    genres.add_column("density", justify="right")
    for name, folder in m.folders.items():
        for genre, row in folder.as_dict()["genres"].items():
            genres.add_row(name, genre, str(row["chars"]), str(row["findings"]), f"{row['density']:.2f}")
    console.print(genres)

    if m.web:
        w = m.web
        console.print(
            f"web/: {w['chrome_lines']} of {w['lines']} non-blank lines flagged as chrome "
            f"({w['chrome_line_share']:.1%}), {w['documents_with_chrome']} of {w['documents']} pages"
        )

    rules = Table(title="Rules: precision over dev set + clean corpus (every severity)", header_style="bold")
    for column in ("code", "severity", "right", "false", "neutral", "precision", "class", "dev found",
                   *m.folders):
        rules.add_column(column, justify="left" if column in ("code", "severity", "class") else "right")
    for rule_code, row in sorted(m.rules.items()):
        if family and row["family"] != family:
            continue
        if row["right"] + row["false"] + row["neutral"] == 0:
            continue
        flag = "" if row["earns_severity"] else " ✗"
        rules.add_row(
            rule_code + ("" if row["default"] else " (opt-in)"), row["severity"], str(row["right"]),
            str(row["false"]), str(row["neutral"]), _f(row["precision"]), row["class"] + flag,
            str(m.dev.rules.get(rule_code, {}).get("labels_found", 0)),
            *(str(folder.rules.get(rule_code, 0)) for folder in m.folders.values()),
        )
    console.print(rules)
    if m.problems:
        console.print(f"[yellow]{len(m.problems)} problems during the runs[/], first: {m.problems[0][:160]}")
    if show:
        _show(m, console, show, family, code)
    console.print(summary_line(m))


def _show(m: Measurement, console, n: int, family: str | None, code: str | None) -> None:
    """Misses and false alarms; false alarms at warning or worse, or at every severity when one
    rule is asked for (`--code`)."""
    from rich.markup import escape

    def keep(f) -> bool:
        return ((family is None or f.family == family) and (code is None or f.code == code)
                and (code is not None or f.tier == "warning"))

    level = "every severity" if code else "warning or worse"
    misses = [lab for lab in m.dev.misses if family is None or lab.family == family]
    console.print(f"[bold]Misses at warning or worse[/] ({len(misses)}, first {n})")
    for lab in misses[:n]:
        console.print(f"  dev/docs/{lab.file}:{lab.line}  {lab.family}/{lab.kind}  {escape(lab.text[:80])}")
    false = [(f, why) for f, why in m.dev.false_alarms if keep(f)]
    console.print(f"[bold]Dev false alarms at {level}[/] ({len(false)}, first {n})")
    for f, why in false[:n]:
        console.print(f"  {f.file}:{f.line}:{f.column}  {f.code} {f.severity:7}  {why:5}  {escape(f.text[:80])}")
    for name, folder in m.folders.items():
        examples = [f for f in folder.examples if keep(f)]
        console.print(f"[bold]{name} false alarms at {level}[/] ({len(examples)}, first {n})")
        for f in examples[:n]:
            console.print(f"  {f.file}:{f.line}:{f.column}  {f.code} {f.severity:7}  {escape(f.text[:80])}")
