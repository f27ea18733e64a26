"""Baselines: adopt wenlint on a repository with old findings and fail only on new ones.

A baseline records each finding by path, rule and flagged text, plus a digest of the line it sits
on, without line numbers, so findings that merely move (text inserted above them) still match.
Counts are kept, so a second copy of an old defect in the same file is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from ..errors import ConfigError
from ..findings import Finding

VERSION = 1


def _key(finding: Finding, base: Path, line_text: str) -> tuple[str, str, str, str]:
    try:
        rel = os.path.relpath(os.path.abspath(finding.path), base)
    except ValueError:
        rel = finding.path
    digest = hashlib.blake2b(line_text.strip().encode(), digest_size=8).hexdigest()
    return (rel.replace(os.sep, "/"), finding.code, finding.text, digest)


class BaselineWriter:
    """A baseline made file by file (`add`), written at the end (`write`): it holds one count per
    distinct finding, not the findings."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.base = path.resolve().parent
        self.counts: Counter = Counter()
        self.findings = 0

    def add(self, findings: list[Finding], line_text) -> None:
        """`line_text(n)`: the text of line n of the file the findings are in (None: not kept)."""
        for f in findings:
            self.counts[_key(f, self.base, line_text(f.line) or "")] += 1
        self.findings += len(findings)

    def write(self) -> int:
        entries = [
            {"path": p, "code": c, "text": t, "line_digest": d, "count": n}
            for (p, c, t, d), n in sorted(self.counts.items())
        ]
        data = {"tool": "wenlint", "version": VERSION, "findings": entries}
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return self.findings


def write_baseline(path: Path, findings: list[Finding], line_texts: dict[tuple[str, int], str]) -> int:
    writer = BaselineWriter(path)
    for f in findings:
        writer.add([f], lambda n, f=f: line_texts.get((f.path, n)))
    return writer.write()


def read_baseline(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter({(e["path"], e["code"], e["text"], e["line_digest"]): int(e["count"]) for e in entries})
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline not found (create it with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a wenlint baseline ({type(exc).__name__}: {exc})") from None


class BaselineFilter:
    """The findings a baseline does not account for, file by file in the order of the output."""

    def __init__(self, path: Path) -> None:
        self.remaining = read_baseline(path)
        self.base = path.resolve().parent
        self.known = 0

    def new(self, findings: list[Finding], line_text) -> list[Finding]:
        out = []
        for finding in findings:
            key = _key(finding, self.base, line_text(finding.line) or "")
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                self.known += 1
            else:
                out.append(finding)
        return out


def filter_new(
    path: Path, findings: list[Finding], line_texts: dict[tuple[str, int], str]
) -> tuple[list[Finding], int]:
    """The findings the baseline does not account for, and how many it absorbed."""
    remaining = read_baseline(path)
    base = path.resolve().parent
    new, known = [], 0
    for finding in findings:
        key = _key(finding, base, line_texts.get((finding.path, finding.line), ""))
        if remaining[key] > 0:
            remaining[key] -= 1
            known += 1
        else:
            new.append(finding)
    return new, known
