"""`--format junit`: JUnit XML, which most CI systems (GitLab, Jenkins, Azure Pipelines, ...) show
as a test report.

One `<testsuite>` per linted file; in it one `<testcase>` per finding, failed with the finding's
message, or a single passing `<testcase>` when the file is clean; a file that could not be linted
is one `<testcase>` with an `<error>`. Characters XML 1.0 cannot hold (control characters from a
document) are written as `\\xNN`, so the report always parses."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from . import ReportOptions
from ..engine.run import RunResult

# Everything XML 1.0 allows in character data; the rest is written as an escape.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value: object) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def _element(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def junit_tree(result: RunResult) -> ET.Element:
    root = ET.Element("testsuites", {"name": "wenlint"})
    totals = {"tests": 0, "failures": 0, "errors": 0}
    by_path: dict[str, list] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    for file_result in result.results:
        if file_result.warning is not None:
            continue  # skipped in a walk (a binary file, ...): not a test
        path = file_result.path
        findings = by_path.pop(path, [])
        problems = ([file_result.error] if file_result.error else []) + list(file_result.problems)
        suite = _element(root, "testsuite", name=path, tests=max(1, len(findings) + len(problems)),
                         failures=len(findings), errors=len(problems), skipped=0, file=path)
        for problem in problems:
            case = _element(suite, "testcase", classname=path, name="wenlint", file=path)
            _element(case, "error", problem, message=problem, type="error")
        for f in findings:
            case = _element(suite, "testcase", classname=path, name=f"{f.code} {f.name} ({f.line}:{f.column})",
                            file=path, line=f.line)
            summary = f"{f.message}「{f.text}」"
            body = f"{path}:{f.line}:{f.column}: {f.code} {f.severity} {summary}"
            if f.suggestion:
                body += f"（建议：{f.suggestion}）"
            _element(case, "failure", body, message=summary, type=f"{f.code} {f.severity}")
        if not findings and not problems:
            _element(suite, "testcase", classname=path, name="wenlint", file=path)
        totals["tests"] += max(1, len(findings) + len(problems))
        totals["failures"] += len(findings)
        totals["errors"] += len(problems)
    if result.problems:  # run-level problems (a corpus rule that failed, ...)
        suite = _element(root, "testsuite", name="wenlint", tests=len(result.problems), failures=0,
                         errors=len(result.problems), skipped=0)
        for problem in result.problems:
            case = _element(suite, "testcase", classname="wenlint", name="run")
            _element(case, "error", problem, message=problem, type="error")
        totals["tests"] += len(result.problems)
        totals["errors"] += len(result.problems)
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render(result: RunResult, stream: TextIO, options: ReportOptions) -> None:
    root = junit_tree(result)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
