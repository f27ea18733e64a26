"""`--format junit`: JUnit XML, which most CI systems (GitLab, Jenkins, Azure Pipelines, ...) show
as a test report.

One `<testsuite>` per linted file; in it one `<testcase>` per finding, failed with the finding's
message, or a single passing `<testcase>` when the file is clean; a file that could not be linted
is one `<testcase>` with an `<error>`. Characters XML 1.0 cannot hold (control characters from a
document) are written as `\\xNN`, so the report always parses.

The suites are written to a spooled temporary file as the files come (the totals, attributes of
the root, are known only at the end), so the report holds one file's suite at a time."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET

from . import Report as BaseReport
from ..reporting.model import FileReport, Tally

# Everything XML 1.0 allows in character data; the rest is written as an escape.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(value: object) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def _element(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _escape_attribute(value: str) -> str:
    element = ET.Element("x", {"v": value})
    return ET.tostring(element, encoding="unicode")[len('<x v="'):-len('" />')]


class Report(BaseReport):
    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.suites = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def _add(self, suite: ET.Element, tests: int, failures: int, errors: int) -> None:
        ET.indent(suite, level=1)
        self.suites.write("\n  " + ET.tostring(suite, encoding="unicode"))
        self.totals["tests"] += tests
        self.totals["failures"] += failures
        self.totals["errors"] += errors

    def file(self, report: FileReport) -> None:
        if report.warning is not None:
            return  # skipped in a walk (a binary file, ...): not a test
        path = report.path
        findings = report.findings
        problems = ([report.error] if report.error else []) + list(report.problems)
        tests = max(1, len(findings) + len(problems))
        suite = ET.Element("testsuite")
        for key, value in (("name", path), ("tests", tests), ("failures", len(findings)),
                           ("errors", len(problems)), ("skipped", 0), ("file", path)):
            suite.set(key, _clean(value))
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
        self._add(suite, tests, len(findings), len(problems))

    def close(self, tally: Tally) -> None:
        if tally.problems:  # run-level problems (a corpus rule that failed, ...)
            suite = ET.Element("testsuite")
            for key, value in (("name", "wenlint"), ("tests", len(tally.problems)), ("failures", 0),
                               ("errors", len(tally.problems)), ("skipped", 0)):
                suite.set(key, _clean(value))
            for problem in tally.problems:
                case = _element(suite, "testcase", classname="wenlint", name="run")
                _element(case, "error", problem, message=problem, type="error")
            self._add(suite, len(tally.problems), 0, len(tally.problems))
        write = self.stream.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n')
        attributes = "".join(f' {k}="{_escape_attribute(str(v))}"' for k, v in
                             (("name", "wenlint"), *self.totals.items()))
        if self.suites.tell() == 0:
            write(f"<testsuites{attributes} />\n")
            return
        write(f"<testsuites{attributes}>")
        self.suites.seek(0)
        while chunk := self.suites.read(1 << 16):
            write(chunk)
        self.suites.close()
        write("\n</testsuites>\n")
