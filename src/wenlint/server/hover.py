"""Hover text: the documentation `wenlint explain CODE` prints, as Markdown."""

from __future__ import annotations

from ..findings import Finding
from ..rules.base import Rule
from ..taxonomy import SEVERITY
FIX_WORDS = {"safe": "可自动修复", "unsafe": "可修复（不安全，需核对）", "none": "需手动修改"}


def _block(text: str) -> str:
    return "```text\n" + text.strip("\n") + "\n```"


def explain_markdown(rule: Rule) -> str:
    """The same sections as `wenlint explain`, in the same order."""
    parts = [
        f"**{rule.code} {rule.name}** · {rule.category} · {SEVERITY[rule.severity].label if rule.severity in SEVERITY else rule.severity}"
        f" · {FIX_WORDS.get(rule.fix_safety, rule.fix_safety)}",
    ]
    sections = (
        ("What it finds", rule.summary, False),
        ("Why it matters", rule.why, False),
        ("Example (flagged)", rule.bad, True),
        ("Use instead", rule.good, True),
        ("Fix", rule.fix_doc, False),
    )
    for title, body, example in sections:
        if body:
            parts.append(f"*{title}*\n\n" + (_block(body) if example else body.strip()))
    return "\n\n".join(parts)


def hover_markdown(findings: list[Finding], rules: dict[str, Rule]) -> str:
    """The findings under the cursor: each message, then each rule's documentation once."""
    parts = []
    seen: set[str] = set()
    for finding in findings:
        line = f"**{finding.code}** {finding.message}"
        if finding.suggestion:
            line += f"\n\n建议：{finding.suggestion}"
        parts.append(line)
    for finding in findings:
        rule = rules.get(finding.code)
        if rule is not None and finding.code not in seen:
            seen.add(finding.code)
            parts.append(explain_markdown(rule))
    return "\n\n---\n\n".join(parts)
