"""Counts shared by the text reports: the closing line and `--statistics`."""

from __future__ import annotations

from collections import Counter

from ..engine.run import RunResult
from ..findings import Finding

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
CATEGORY_WORDS = {
    "placeholder": "占位符",
    "mask": "遮蔽词",
    "number": "数字矛盾",
    "chrome": "网页残留",
    "script": "繁简与字符",
    "structure": "结构",
    "meta": "抑制注释",
}


def severity_counts(findings: list[Finding]) -> Counter:
    return Counter(f.severity for f in findings)


def counts_line(result: RunResult, options) -> str:
    findings = result.findings
    files = len([r for r in result.results if r.error is None and r.warning is None])
    if not findings:
        line = f"No findings in {files} file{'s' if files != 1 else ''}."
    else:
        counts = severity_counts(findings)
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
        line = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''} ({', '.join(parts)})."
        fixable = sum(1 for f in findings if f.fix and f.fix["safety"] == "safe")
        if fixable and not options.fix_mode:
            line += f" {fixable} fixable with --fix."
    fixed = sum(r.fixed for r in result.results)
    if fixed:
        line += f" Fixed {fixed}."
    if options.known:
        line += f" {options.known} known from the baseline."
    return line


def statistics(findings: list[Finding]) -> list[dict]:
    """`--statistics` as records, most frequent rule first: code, name, count and the fix its
    findings carry ("safe", "unsafe" or null)."""
    counts = Counter((f.code, f.name) for f in findings)
    fixes: dict[str, str] = {}
    for f in findings:
        if f.fix:
            fixes[f.code] = "safe" if f.fix["safety"] == "safe" or fixes.get(f.code) == "safe" else "unsafe"
    return [
        {"code": code, "name": name, "count": n, "fix": fixes.get(code)}
        for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def statistics_lines(findings: list[Finding]) -> list[str]:
    counts = Counter((f.code, f.name) for f in findings)
    fixable = {f.code for f in findings if f.fix}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [
        f"{n:>{width}}\t{code}\t{'[*] ' if code in fixable else ''}{name}"
        for (code, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
