"""Counts shared by the text reports: the closing line and `--statistics`."""

from __future__ import annotations

from ..reporting.model import Tally
from ..taxonomy import SEVERITIES


def counts_line(tally: Tally, options) -> str:
    files = tally.files
    if not tally.findings:
        line = f"No findings in {files} file{'s' if files != 1 else ''}."
    else:
        counts = tally.severities
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in SEVERITIES if counts[s]]
        line = (f"Found {tally.findings} finding{'s' if tally.findings != 1 else ''} in {files} "
                f"file{'s' if files != 1 else ''} ({', '.join(parts)}).")
        if tally.safe_fixes and not options.fix_mode:
            line += f" {tally.safe_fixes} fixable with --fix."
    if tally.fixed:
        line += f" Fixed {tally.fixed}."
    if tally.known:
        line += f" {tally.known} known from the baseline."
    return line


def _by_count(tally: Tally) -> list[tuple[tuple[str, str], int]]:
    counts: dict[tuple[str, str], int] = {}
    for (code, name, _), n in tally.by_rule.items():
        counts[(code, name)] = counts.get((code, name), 0) + n
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def statistics(tally: Tally) -> list[dict]:
    """`--statistics` as records, most frequent rule first: code, name, count and the fix its
    findings carry ("safe", "unsafe" or null)."""
    return [{"code": code, "name": name, "count": n, "fix": tally.fix_kind.get(code)}
            for (code, name), n in _by_count(tally)]


def statistics_lines(tally: Tally) -> list[str]:
    rows = _by_count(tally)
    width = max((len(str(n)) for _, n in rows), default=1)
    return [f"{n:>{width}}\t{code}\t{'[*] ' if code in tally.fix_kind else ''}{name}" for (code, name), n in rows]
