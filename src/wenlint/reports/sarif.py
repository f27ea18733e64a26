"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.

Columns are counted in Unicode code points (`columnKind`), the same as every other format."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote

from . import Report as BaseReport
from ..version import __version__
from ..reporting.jsonstream import ITEMS, JsonList
from ..reporting.model import FileReport, RuleInfo, Tally

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://pypi.org/project/wenlint/"


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    rel = os.path.relpath(os.path.abspath(path)) if not os.path.isabs(path) else path
    return quote(Path(rel).as_posix())


def _rule_entry(rule: RuleInfo) -> dict:
    help_text = "\n\n".join(
        part for part in (
            rule.summary,
            rule.why,
            f"Bad: {rule.bad}" if rule.bad else "",
            f"Good: {rule.good}" if rule.good else "",
            f"Fix: {rule.fix_doc}" if rule.fix_doc else "",
        ) if part
    )
    return {
        "id": rule.code,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why or rule.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.category], "category": rule.category},
    }


def _fingerprint(f, line: str | None, seen: dict[tuple[str, str, str], int]) -> str:
    """Stable across runs and edits elsewhere in the file, distinct within it: the rule, the
    flagged line with its blanks removed (the flagged text when the line is not at hand) and
    which occurrence of that pair in the file this is."""
    content = "".join((line if line is not None else f.text).split())
    key = (f.path, f.code, content)
    occurrence = seen[key] = seen.get(key, 0) + 1
    return hashlib.blake2b(f"{f.code}|{content}|{occurrence}".encode(), digest_size=8).hexdigest()


def _fix(fix: dict, uri: str) -> dict:
    """A finding's fix as SARIF `fixes`: each edit a replacement of a region (empty: an insertion)."""
    replacements = [
        {
            "deletedRegion": {
                "startLine": e["line"], "startColumn": e["column"],
                "endLine": e["end_line"], "endColumn": e["end_column"],
            },
            "insertedContent": {"text": e["content"]},
        }
        for e in fix["edits"]
    ]
    safety = "safe" if fix.get("safety") == "safe" else "unsafe (wenlint applies it with --unsafe-fixes)"
    return {
        "description": {"text": f"wenlint fix, {safety}"},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
    }


def sarif_result(f, line_text: str | None, seen: dict, index: dict[str, int]) -> dict:
    region = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "snippet": {"text": f.text},
    }
    uri = _uri(f.path)
    item = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {"wenlint/v2": _fingerprint(f, line_text, seen)},
    }
    if f.code in index:
        item["ruleIndex"] = index[f.code]
    if f.fix and f.fix.get("edits"):
        item["fixes"] = [_fix(f.fix, uri)]
    return item


class Report(BaseReport):
    """The rule table is known before the first file, so the results are written as they come."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        rules = self.run.rules
        ordered = sorted(rules)
        self.index = {code: i for i, code in enumerate(ordered)}
        self.seen: dict[tuple[str, str, str], int] = {}
        self.results = JsonList(self.stream)
        self.results.open({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "wenlint",
                            "version": __version__,
                            "informationUri": HOME,
                            "rules": [_rule_entry(rules[code]) for code in ordered],
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": ITEMS,
                }
            ],
        })

    def file(self, report: FileReport) -> None:
        self.results.extend(sarif_result(f, report.line_text(f.line), self.seen, self.index) for f in report.findings)

    def close(self, tally: Tally) -> None:
        self.results.close()
