"""Running rules over documents: selection, severities, suppression, per-file ignores, fixes,
and the corpus phase of rules that compare documents."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any


from ..analyses.base import active_reads
from ..config import Settings
from ..documents import Document
from ..findings import Finding, Hit
from ..reporting.model import DISABLED, FileReport
from ..rules.base import CorpusHit, CorpusRule, Rule, RuleContext
from ..rules.patterns import PatternTimeout
from ..rules.registry import Registry, load_registry
from .selection import enabled_rules, matches, severity_of
from .suppression import Suppressions, unused_hits

UNUSED_SUPPRESSION = "WL001"


class Cancelled(Exception):
    """`run_rules` stopped because its `cancelled` check said so: the result would be stale."""


@dataclass
class FileResult(FileReport):
    """A file's result as the engine makes it: what reports see (`FileReport`: path, findings,
    error, warning, problems, fixed, context, fixed_path, source) and what the engine needs too."""

    collected: dict[str, Any] = field(default_factory=dict)  # corpus rule code -> what it collected
    suppressions: Suppressions | None = None
    diff: str | None = None  # with --diff: what --fix would change
    fixed_text: str | None = None  # standard input with --fix: the fixed text
    fixed_bytes: bytes | None = None  # ... encoded as standard input was (what the CLI prints)
    metrics: Any = None  # `wenlint profile`: the document's measures (wenlint.profile.metrics)


class Linter:
    """The rules a configuration selects, ready to run on documents."""

    def __init__(self, settings: Settings | None = None, registry: Registry | None = None) -> None:
        self.settings = settings or Settings()
        self.registry = registry or load_registry(self.settings.rule_packs)
        self.rules = enabled_rules(self.registry, self.settings)
        self.severity = {rule.code: severity_of(rule, self.settings) for rule in self.rules}
        self.contexts = {rule.code: RuleContext(rule, self.settings) for rule in self.rules}
        self.document_rules = [r for r in self.rules if r.code != UNUSED_SUPPRESSION]
        self.corpus_rules = [r for r in self.rules if isinstance(r, CorpusRule)]
        self.report_unused = any(r.code == UNUSED_SUPPRESSION for r in self.rules)
        self.disabled: set[str] = set()  # rules switched off after a time-out (a user's slow pattern)
        self.streams: dict[str, Any] = {}  # corpus rule code -> its stream (open_streams)
        self._per_file = [
            (_gitignore_spec(glob), selectors)
            for glob, selectors in self.settings.per_file_ignores.items()
        ]

    # ----- one document ---------------------------------------------------------------------

    def ignored_for(self, path: str) -> list[str]:
        if not self._per_file or path == "-":
            return []
        try:
            rel = os.path.relpath(os.path.abspath(path), self.settings.root).replace(os.sep, "/")
        except ValueError:
            rel = path
        return [s for spec, selectors in self._per_file if spec.match_file(rel) for s in selectors]

    def run_rules(self, doc: Document, problems: list[str] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[Finding]:
        """Findings of the document rules on `doc`, after suppression comments and per-file ignores.

        `cancelled` is asked before each rule; when it answers true the run stops with `Cancelled`
        (the language server passes the token its next edit of the document sets)."""
        ignored = self.ignored_for(doc.path)
        suppressions = Suppressions(doc)
        findings: list[Finding] = []
        for rule in self.document_rules:
            if cancelled is not None and cancelled():
                raise Cancelled
            if ignored and matches(ignored, rule):
                continue
            for hit in self._safe_check(rule, doc, problems):
                finding = self.make_finding(doc, rule, hit)
                if not suppressions.silences(finding.line - 1, rule):
                    findings.append(finding)
        if self.report_unused and not (ignored and UNUSED_SUPPRESSION in ignored):
            findings += self._unused_suppressions(doc, suppressions)
        findings.sort(key=lambda f: f.sort_key)
        return findings

    def _safe_check(self, rule: Rule, doc: Document, problems: list[str] | None) -> Iterable[Hit]:
        if rule.code in self.disabled:
            return ()
        try:
            reads = active_reads()
            if reads is None:
                return list(rule.check(doc, self.contexts[rule.code]))
            with reads.inside(rule):
                return list(rule.check(doc, self.contexts[rule.code]))
        except (PatternTimeout, TimeoutError):
            # One line naming the rule and the file, never the pattern (it can be hundreds of
            # characters). A user's rule that is this slow once will be on the next files too:
            # it is switched off for the rest of the run rather than cost its limit on each.
            limit = f"{self.settings.regex_timeout:g} s"
            if getattr(rule, "trusted", rule.source == "builtin"):
                message = f"{doc.path}: rule {rule.code} skipped on this file: a pattern ran longer than {limit}"
            else:
                self.disabled.add(rule.code)
                message = (
                    f"{doc.path}: rule {rule.code} ({rule.source}) skipped: a pattern ran longer than {limit}; "
                    f"{DISABLED}"
                )
        except Exception as exc:  # a broken plugin must not take the run down with a traceback
            if os.environ.get("WENLINT_DEBUG"):
                raise
            message = f"{doc.path}: rule {rule.code} ({rule.source}) failed: {type(exc).__name__}: {exc}"
        if problems is not None:
            problems.append(message)
        return ()

    def make_finding(self, doc: Document, rule: Rule, hit: Hit) -> Finding:
        start, end, raw_fix = hit.start, hit.end, hit.fix
        if not 0 <= start < end <= len(doc.text):
            raise ValueError(f"rule {rule.code} reported an empty or out-of-range span {start}..{end}")
        loc = doc.location(start, end)
        fix = None
        if raw_fix is not None:
            fix = {
                "safety": raw_fix.safety,
                "edits": [
                    _loc_edit(loc, e.content) if e.start == start and e.end == end
                    else _edit_dict(doc, e.start, e.end, e.content)
                    for e in raw_fix.edits
                ],
            }
        # Positional: this runs for every finding (the fields in Finding's order).
        return Finding(
            doc.path, loc.line, loc.column, loc.end_line, loc.end_column, rule.code, rule.name,
            rule.category, self.severity[rule.code], hit.message, loc.text, hit.suggestion, fix,
            start, end, raw_fix,
        )

    def _unused_suppressions(self, doc: Document, suppressions: Suppressions) -> list[Finding]:
        rule = self.registry.rules[UNUSED_SUPPRESSION]
        hits = unused_hits(doc, suppressions.unused(), self.registry, self.rules, self.corpus_rules)
        return [self.make_finding(doc, rule, hit) for hit in hits]

    def collect(self, doc: Document, problems: list[str] | None = None) -> dict[str, Any]:
        collected = {}
        for rule in self.corpus_rules:
            try:
                collected[rule.code] = rule.collect(doc, self.contexts[rule.code])
            except Exception as exc:
                if os.environ.get("WENLINT_DEBUG"):
                    raise
                if problems is not None:
                    problems.append(f"{doc.path}: rule {rule.code} failed: {type(exc).__name__}: {exc}")
        return collected

    # ----- many documents -------------------------------------------------------------------

    def open_streams(self, documents: int) -> bool:
        """Open the streams of the corpus rules that take documents as they arrive
        (`CorpusRule.stream`), for a run of `documents`; True when one did. A pool then feeds
        them each result (`feed`) while it lints the others."""
        self.streams = {}
        for rule in self.corpus_rules:
            ctx = self.contexts[rule.code]
            try:
                ctx.stream = rule.stream(documents, ctx)
            except Exception:  # finish does all the work then, and reports what fails
                ctx.stream = None
            if ctx.stream is not None:
                self.streams[rule.code] = ctx.stream
        return bool(self.streams)

    def feed(self, result: FileResult) -> None:
        """Give the open streams what a document collected (the documents `finish` will see):
        `result` is read for its path, error, warning and collected data only (a pool feeds the
        packed result its worker sent, spill.Packed)."""
        if result.error is not None or result.warning is not None:
            return
        for code, stream in list(self.streams.items()):
            if code not in result.collected:
                continue
            try:
                stream.add(result.path, result.collected[code])
            except Exception:  # the stream is dropped: finish does its work from what was collected
                del self.streams[code]
                self.contexts[code].stream = None

    def finish(self, results) -> list[str]:
        """The corpus phase: rules that compare documents add their findings to `results`, a
        list of results (or of what stands for them, with `path`, `collected`, `suppressions`,
        `findings`), or rows that wait on disk (engine/spill.Waiting: the findings are set aside
        there too, so that a finding per document does not wait in memory; a rule that fails
        halfway adds nothing either way)."""
        problems: list[str] = []
        rows = Results(results) if isinstance(results, list) else results
        for rule in self.corpus_rules:
            collected = rows.collected(rule.code)
            if not collected:
                continue
            try:
                findings = rows.hold(map(partial(self._corpus_finding, rule),
                                         rule.finish(collected, self.contexts[rule.code])))
            except Exception as exc:
                if os.environ.get("WENLINT_DEBUG"):
                    raise
                problems.append(f"rule {rule.code} failed: {type(exc).__name__}: {exc}")
                continue
            for finding in findings:
                row = rows.row(finding.path)
                if row is None:
                    continue
                ignored = self.ignored_for(finding.path)
                if ignored and matches(ignored, rule):
                    continue
                suppressions = rows.suppressions(row)
                if suppressions and suppressions.silences(finding.line - 1, rule):
                    continue
                rows.add(row, finding)
        for code in self.streams:  # used up: a later run opens its own
            self.contexts[code].stream = None
        self.streams = {}
        rows.done(self.report_unused)
        return problems

    def _corpus_finding(self, rule: Rule, hit: CorpusHit) -> Finding:
        loc = hit.location
        return Finding(
            path=hit.path, line=loc.line, column=loc.column, end_line=loc.end_line,
            end_column=loc.end_column, code=rule.code, name=rule.name, category=rule.category,
            severity=self.severity[rule.code], message=hit.message, text=loc.text,
            suggestion=hit.suggestion,
        )


class Deferred:
    """What a corpus rule collected of a document, set aside in a file until the corpus phase
    reads it (engine/spill.py): the phase then holds an offset per document, not its data."""

    __slots__ = ("file", "offset", "size")

    def __init__(self, file, offset: int, size: int) -> None:
        self.file, self.offset, self.size = file, offset, size

    def load(self) -> Any:
        self.file.seek(self.offset)
        return pickle.loads(self.file.read(self.size))


class CollectedBy(Mapping):
    """What one corpus rule collected, by path, as its `finish` reads it: data set aside
    (`Deferred`) is loaded each time it is read and not kept, so a rule that goes through the
    documents (CH030 counts, then reports) holds one document's data at a time."""

    def __init__(self, by_path: dict[str, Any], code: str) -> None:
        self.by_path, self.code = by_path, code
        self.paths = [p for p, r in by_path.items() if code in r.collected]

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self):
        return iter(self.paths)

    def __contains__(self, path) -> bool:
        result = self.by_path.get(path)
        return result is not None and self.code in result.collected

    def __getitem__(self, path: str) -> Any:
        data = self.by_path[path].collected[self.code]
        return data.load() if isinstance(data, Deferred) else data


class Results:
    """A list of results as `Linter.finish` reads them (engine/spill.Waiting reads the same way
    from disk): each corpus rule's data by path, the result of a path, its suppressions; the
    findings are added to the results themselves."""

    def __init__(self, results: list) -> None:
        self.results = results
        self.by_path = {r.path: r for r in results if r.error is None and r.warning is None}

    def collected(self, code: str) -> CollectedBy:
        return CollectedBy(self.by_path, code)

    def row(self, path: str):
        return self.by_path.get(path)

    @staticmethod
    def suppressions(result):
        return result.suppressions

    @staticmethod
    def hold(findings):
        return list(findings)

    @staticmethod
    def add(result, finding: Finding) -> None:
        result.findings.append(finding)

    def done(self, report_unused: bool) -> None:
        for result in self.results:
            if report_unused and result.suppressions is not None and result.suppressions.used:
                _drop_used_after_all(result)
            result.findings.sort(key=lambda f: f.sort_key)


def drop_used_after_all(linter: Linter, result) -> None:
    """`_drop_used_after_all` where `finish` would apply it (a result replayed after the phase)."""
    if linter.report_unused and result.suppressions is not None and result.suppressions.used:
        _drop_used_after_all(result)


def _drop_used_after_all(result: FileResult) -> None:
    """WL001 is decided per document, before the rules that compare documents have run: a
    suppression that one of their findings needed is not unused after all."""
    used = {(d.start, d.end) for i, d in enumerate(result.suppressions.directives) if i in result.suppressions.used}
    result.findings = [
        f for f in result.findings if not (f.code == UNUSED_SUPPRESSION and (f.start, f.end) in used)
    ]


def _loc_edit(loc, content: str) -> dict[str, Any]:
    """_edit_dict of an edit over the finding's own span (most fixes), from its location."""
    return {"line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
            "content": content}


def _edit_dict(doc: Document, start: int, end: int, content: str) -> dict[str, Any]:
    if start == end:
        line = doc.line_index(start)
        column = start - doc.line_starts[line]
        loc_line, loc_col, end_line, end_col = line + 1, column + 1, line + 1, column + 1
    else:
        loc = doc.location(start, end)
        loc_line, loc_col, end_line, end_col = loc.line, loc.column, loc.end_line, loc.end_column
    return {"line": loc_line, "column": loc_col, "end_line": end_line, "end_column": end_col, "content": content}


def _gitignore_spec(glob: str):
    from ..documents.walk import path_spec

    return path_spec([glob])
