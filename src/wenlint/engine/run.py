"""A whole run: paths in, one result per file out (plus the corpus phase and run-level problems)."""

from __future__ import annotations

import glob
import heapq
import os
from array import array
from collections.abc import Iterator
from itertools import chain, count, repeat
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Overrides, Settings, find_config_file, load_config_file
from ..documents import Document, load_path, load_stdin
from ..documents.fixes import fix_with_count
from ..documents.walk import Target, iter_targets
from ..documents.writer import encode, unified_diff, write_fixed
from ..errors import EmptyDocument, InputError, WenlintError
from ..findings import Finding
from ..reporting.model import Tally
from .runner import FileResult, Linter
from .suppression import Suppressions


@dataclass
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # show what --fix would change, write nothing
    force_exclude: bool = False
    stdin_filename: str | None = None
    config_file: Path | None = None  # --config: use this file for every path
    isolated: bool = False  # --isolated: ignore configuration files
    keep_source: bool = False  # keep each document's text in its FileResult (the html report)
    keep_context: bool = True  # keep the flagged lines (FileResult.context: the rich report, baselines)
    jobs: int = 1  # processes; more than one lints through a pool (engine/pool.py)
    # `wenlint profile`: measure each document (FileResult.metrics) and fold its findings into
    # the measures instead of keeping them, so memory stays flat however large the corpus.
    profile: bool = False
    cache_dir: Path | None = None  # a cache of unchanged files (engine/cache.py); None: no cache
    # Record shards (.jsonl, .json, .csv, .parquet; see documents/records.py): the fields that
    # hold each record's text and id.
    text_field: str = "text"
    id_field: str | None = None
    # Documents the run plans (set by the pool and Dask engines): corpus rules summarise in the
    # workers when it is large (engine/corpus.py). 0: not known.
    documents: int = 0
    # A pool's temporary directory where workers keep what corpus rules collected (engine/pool.py).
    shelf: str | None = None


@dataclass
class RunResult:
    results: list[FileResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # run-level errors (exit status 2)
    linters: list[Linter] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.results for f in r.findings), key=lambda f: f.sort_key)

    @property
    def errors(self) -> list[str]:
        """File errors, then the problems of each file (a rule disabled after a time-out named
        once), then the run's."""
        tally = Tally()
        for result in self.results:
            tally.note(result)
        tally.problems = self.problems
        return tally.errors

    @property
    def warnings(self) -> list[str]:
        return [r.warning for r in self.results if r.warning]

    def files(self) -> list[FileResult]:
        """The results in the order of the output (by path), as reports take them."""
        return sorted(self.results, key=lambda r: r.path)

    def line_texts(self) -> dict[tuple[str, int], str]:
        return {(r.path, n): text for r in self.results for n, text in r.context.items()}


def load_target(target: Target, settings: Settings, options: RunOptions) -> Document:
    if target.path == "-":
        return load_stdin(options.stdin_filename or "-", settings.encoding, settings.markup)
    return load_path(target.path, settings.encoding, settings.max_file_size, settings.markup)


def lint_target(target: Target, linter: Linter, options: RunOptions, load=load_target) -> FileResult:
    """Load and lint one file. `load(target, settings, options) -> Document` reads it (the Dask
    engine passes one that reads through fsspec)."""
    result = FileResult(target.path)
    if target.error is not None:
        result.error = target.error
        return result
    settings = linter.settings
    try:
        doc = load(target, settings, options)
    except EmptyDocument as exc:
        result.warning = str(exc)  # no text, no findings: not a failure (an empty staged file)
        return result
    except InputError as exc:
        message = str(exc)
        skippable = "binary file" in message
        if not target.explicit and skippable:
            result.warning = f"{message}; skipped"
        else:
            result.error = message
        return result
    loaded = doc
    try:
        try:
            doc = _fix(doc, linter, options, result)
        except WenlintError as exc:
            result.error = str(exc)
        result.findings = linter.run_rules(doc, result.problems)
        result.collected = linter.collect(doc, result.problems)
        result.suppressions = Suppressions(doc) if linter.corpus_rules else None
        if options.keep_source:
            result.source = doc.source
        if options.profile:
            from ..profile.metrics import measure

            result.metrics = measure(doc, result.findings)
            result.findings = []  # counted in the measures; the corpus phase may still add some
            return result
        if options.keep_context:
            source_lines = doc.source.split("\n")
            result.context = {
                n: source_lines[n - 1] for f in result.findings for n in _lines_of(f) if n <= len(source_lines)
            }
        return result
    finally:
        # Analyses refer to their document (a layout keeps it): dropping them when the file is
        # done frees the document by reference counting, not by the cyclic collector.
        loaded.analyses.clear()
        doc.analyses.clear()


def _lines_of(f: Finding) -> set[int]:
    """The lines a report may quote for a finding: where it starts and ends, and its fix's edits."""
    lines = {f.line, f.end_line}
    if f.fix:
        lines.update(n for e in f.fix["edits"] for n in (e["line"], e["end_line"]))
    return lines


def _fix(doc: Document, linter: Linter, options: RunOptions, result: FileResult) -> Document:
    """Apply the fixes (or, with --diff, only compute them); return the document to report on."""
    if not (options.fix or options.diff):
        return doc
    stdin = doc.path == "-" or doc.path == options.stdin_filename
    word = None
    if doc.format == "docx":
        if stdin and options.fix:
            raise InputError(f"{doc.path}: --fix needs the Word file's path (it writes a fixed copy next to it)")
        from ..documents.docx_writer import DocxFixer

        word = DocxFixer(doc)
    outcome = fix_with_count(
        doc,
        linter.run_rules,
        unsafe=options.unsafe_fixes,
        accept=word.accept if word else None,
        on_pass=word.advance if word else None,
    )
    if not outcome.converged:
        result.problems.append(
            f"{doc.path}: the fixes of {', '.join(sorted(outcome.codes)) or 'some rules'} keep changing "
            f"the text; stopped after {len(outcome.passes)} passes"
        )
    fixed = outcome.document
    if options.diff:
        if outcome.applied:
            result.fixed = outcome.applied
            result.diff = unified_diff(doc, fixed)
        return doc  # --diff reports on the file as it is on disk
    if stdin:
        # A filter: the text goes out whole (fixed or not), in the encoding it came in.
        result.fixed_bytes = encode(fixed)
        result.fixed_text = fixed.raw
    elif not outcome.applied:
        return doc
    elif word is not None:
        # A Word file is never written to: the fixes go to a copy, and the report is on the copy.
        target = word.write(fixed)
        fixed.path = result.path = result.fixed_path = target
    else:
        write_fixed(doc, fixed)
    result.fixed = outcome.applied
    return fixed


class _Linters:
    """One Linter per configuration file, built on first use."""

    def __init__(self, overrides: Overrides, options: RunOptions) -> None:
        self.overrides = overrides
        self.options = options
        self.by_config: dict[Path | None, Linter] = {}
        self.config_of: dict[str, Path | None] = {}
        self.loaded: dict[Path, Settings] = {}

    def settings_for(self, path: str) -> Settings:
        if self.options.config_file is not None:
            base = self._load(self.options.config_file)
        elif self.options.isolated:
            base = Settings()
        else:
            start = Path(self.options.stdin_filename or ".") if path == "-" else Path(path)
            found = self._config_of(start if start.is_dir() else start.parent)
            base = self._load(found) if found else Settings()
        return self.overrides.apply(base)

    def _config_of(self, directory: Path) -> Path | None:
        """The configuration file nearest above `directory` (a walk asks once per directory)."""
        key = str(directory)
        if key not in self.config_of:
            self.config_of[key] = find_config_file(directory)
        return self.config_of[key]

    def _load(self, config: Path) -> Settings:
        key = Path(config).resolve()
        if key not in self.loaded:
            self.loaded[key] = load_config_file(key)
        return self.loaded[key]

    def for_path(self, path: str) -> Linter:
        settings = self.settings_for(path)
        key = settings.config_file
        if key not in self.by_config:
            self.by_config[key] = Linter(settings)
        return self.by_config[key]


def plan(paths: list[str], linters: _Linters, options: RunOptions, run_result: RunResult) -> list[tuple[Target, Linter]]:
    """The files to lint and the Linter of each; paths that do not exist go to `run_result`."""
    work: list[tuple[Target, Linter]] = []
    for given in paths or ["."]:
        linter = linters.for_path(given)
        if given != "-" and not Path(given).exists() and glob.has_magic(given):
            matches = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            if not matches:
                run_result.results.append(FileResult(given, error=f"{given}: no files match"))
            work += [(Target(os.path.normpath(m), False), linters.for_path(m)) for m in matches]
            continue
        if given != "-" and not Path(given).exists():
            run_result.results.append(FileResult(given, error=f"{given}: no such file or directory"))
            continue
        # The walk follows the configuration of the path given; each file is linted with the
        # configuration nearest above it (a folder may carry its own).
        for target in iter_targets([given], linter.settings, options.force_exclude):
            work.append((target, linter if target.explicit or target.error else linters.for_path(target.path)))
    return work


def finish(work: list[tuple[Target, Linter]], done: list[FileResult], linters: _Linters,
           run_result: RunResult, records: list[tuple[FileResult, Linter]] = ()) -> RunResult:
    """The corpus phase, per configuration, over the results of `work` (in the same order) and
    the (result, linter) pairs of records."""
    owned = [(r, owner) for r, (_, owner) in zip(done, work)] + list(records)
    for linter in linters.by_config.values():
        run_result.problems += linter.finish([r for r, owner in owned if owner is linter])
    run_result.results += [r for r, _ in owned]
    run_result.linters = list(linters.by_config.values())
    return run_result


def run(paths: list[str], overrides: Overrides | None = None, options: RunOptions | None = None,
        progress=None) -> RunResult:
    """Lint `paths` (files, directories, "-" for standard input). Raises WenlintError for a
    configuration that cannot be used; problems with single files are in the result.

    With `options.jobs` > 1 and enough files, the files are linted in a process pool; the
    results are the same as a serial run's, in the same order."""
    options = options or RunOptions()
    linters = _Linters(overrides or Overrides(), options)
    run_result = RunResult()
    work = plan(paths, linters, options, run_result)
    from .records import is_shard, lint_shards, refuse_fixes

    shards = [(target, linter) for target, linter in work if is_shard(target)]
    work = [(target, linter) for target, linter in work if not is_shard(target)]
    refuse_fixes(shards, options)
    if options.cache_dir is not None and not shards:
        from .cache import usable

        if usable(options):
            return _run_cached(work, linters, options, run_result, progress)
    done = list(_lint_all(work, options, progress, documents=len(work), may_shelve=True))
    records = list(lint_shards(shards, options)) if shards else []
    if progress is not None:
        progress.stop()
    return finish(work, done, linters, run_result, records)


def _lint_all(work: list[tuple[Target, Linter]], options: RunOptions, progress=None,
              documents: int = 0, may_shelve: bool = False, packed: bool = False) -> Iterator[FileResult]:
    """Lint `work` serially or in a pool, yielding each file's result in order; `documents`: how
    many the run plans in all; `may_shelve`: a pool may keep what corpus rules collected with its
    workers (the results are not cached); `packed`: a pool's results may come as their workers
    sent them (spill.Packed, see `unpacked`)."""
    from .pool import use_pool

    if use_pool(work, options):
        from dataclasses import replace

        from .pool import lint_in_pool

        # starts the progress bar once workers run
        yield from lint_in_pool(work, replace(options, documents=documents or len(work)), progress, may_shelve,
                                packed)
        return
    if progress is not None:
        progress.start(len(work))
    for target, linter in work:
        result = lint_target(target, linter, options)
        if progress is not None:
            progress.advance(target.path)
        yield result


def _run_cached(work, linters: _Linters, options: RunOptions, run_result: RunResult, progress=None) -> RunResult:
    from .cache import finish_cached, lint_cached

    done, keys, hits = lint_cached(work, options, lambda todo: _lint_all(todo, options, progress, len(work)))
    if progress is not None:
        progress.stop()
    run_result.problems += finish_cached(work, done, keys, hits, options, linters.by_config.values(),
                                         lambda linter, results: linter.finish(results))
    run_result.results += done
    run_result.linters = list(linters.by_config.values())
    return run_result


class Run:
    """A run planned and ready to stream: iterating it lints the files and yields each file's
    `FileResult` with its final findings, in the order of the output — the paths that could not
    be planned, then the files by path, then the records of each shard (shards by path) in their
    order. After the iteration, `problems` holds the run-level problems.

    Nothing of a file is kept once it is yielded. When a configuration has rules that compare
    documents, a file's findings are final only after the corpus phase: the results wait on disk
    (engine/spill.py) and are replayed when it is over, so memory stays flat in the number of
    findings either way."""

    def __init__(self, paths: list[str], overrides: Overrides | None = None, options: RunOptions | None = None,
                 progress=None, by_path: bool = True) -> None:
        """`by_path`: the files, and the shards, by path (as reports show them); False: in the
        order they were planned, as `run` gives them (`wenlint profile`'s rows)."""
        self.options = options or RunOptions()
        self.by_path = by_path
        self._linters = _Linters(overrides or Overrides(), self.options)
        self._planned = RunResult()
        self.work = plan(paths, self._linters, self.options, self._planned)
        self.progress = progress
        self.problems: list[str] = []
        from .records import is_shard, refuse_fixes

        refuse_fixes([(t, linter) for t, linter in self.work if is_shard(t)], self.options)

    @property
    def linters(self) -> list[Linter]:
        """The Linter of each configuration the run uses (all known once it is planned)."""
        return list(self._linters.by_config.values())

    def __iter__(self) -> Iterator[FileResult]:
        from .records import is_shard, lint_shards

        options, progress = self.options, self.progress
        yield from self._planned.results
        shards = [(t, linter) for t, linter in self.work if is_shard(t)]
        files = [(t, linter) for t, linter in self.work if not is_shard(t)]
        if self.by_path:
            shards.sort(key=lambda item: item[0].path)
            files.sort(key=lambda item: item[0].path)
        cached = False
        if options.cache_dir is not None and not shards:
            from .cache import usable

            cached = usable(options)
        if cached:
            from .cache import iter_cached

            keyed = iter_cached(files, options, lambda todo: _lint_all(todo, options, progress, len(files)))
        else:
            # (packed: the spill writes a pool's results as they came)
            keyed = ((result, None, False) for result in _lint_all(files, options, progress, documents=len(files),
                                                                   may_shelve=True, packed=True))
        owned = ((result, linter) for (result, _, _), (_, linter) in zip(keyed, files))
        records = lint_shards(shards, options) if shards else ()
        if not any(linter.corpus_rules for linter in self.linters):
            from .spill import unpacked

            yield from (unpacked(result) for result, _ in owned)
            yield from (result for result, _ in records)
            if progress is not None:
                progress.stop()
            for linter in self.linters:
                self.problems += linter.finish([])
            return
        yield from self._after_corpus_phase(files, keyed, owned, records, cached)

    def _after_corpus_phase(self, files, keyed, owned, records, cached: bool) -> Iterator[FileResult]:
        from .runner import drop_used_after_all
        from .spill import Spill, Waiting

        spill = Spill()
        linters = self.linters
        if cached:
            yield from self._cached_corpus_phase(spill, files, keyed)
            return
        # Only the results the corpus phase can add to wait, a compact row each (a million
        # short records with nothing collected hold nothing each), their collected data on
        # disk; the findings the phase adds wait on disk too.
        waiting = [Waiting(spill) for _ in linters]
        number = {id(linter): n for n, linter in enumerate(linters)}
        for result, linter in chain(owned, records):
            spill.keep(result, waiting[number[id(linter)]], linter.streams)
        if self.progress is not None:
            self.progress.stop()
        for linter, rows in zip(linters, waiting):
            self.problems += linter.finish(rows)
        # The rows of every configuration in the order of their numbers in the spill, as replayed.
        turns = heapq.merge(*(zip(rows.numbers, repeat(n), count()) for n, rows in enumerate(waiting)))
        turn = next(turns, None)
        for index, result in enumerate(spill.replay()):
            if turn is not None and turn[0] == index:
                _, n, row = turn
                turn = next(turns, None)
                result.suppressions = waiting[n].suppressions(row)
                if result.suppressions is not None:
                    drop_used_after_all(linters[n], result)
                    result.suppressions = None
            result.findings.sort(key=lambda f: f.sort_key)
            yield result

    def _cached_corpus_phase(self, spill, files, keyed) -> Iterator[FileResult]:
        """The corpus phase of a cached run (engine/cache.finish_cached): a stub per file, its
        findings in memory (the phase's findings are stored per file)."""
        from .cache import finish_cached
        from .runner import drop_used_after_all

        linters = self.linters
        stubs, keys, hits = [], [], set()
        owners = array("H")
        # iter_cached gives (result, key, hit): keep the keys for the cached corpus phase.
        for index, ((result, key, hit), (_, linter)) in enumerate(zip(keyed, files)):
            stubs.append(spill.put(result, linter.streams))
            owners.append(linters.index(linter))
            keys.append(key)
            if hit:
                hits.add(index)
        if self.progress is not None:
            self.progress.stop()
        self.problems += finish_cached(files, stubs, keys, hits, self.options, self.linters,
                                       lambda linter, results: linter.finish(results))
        for index, result in enumerate(spill.replay()):
            stub, linter = stubs[index], linters[owners[index]]
            stubs[index] = None  # (replayed: no longer needed)
            result.findings += stub.findings
            result.suppressions = stub.suppressions
            drop_used_after_all(linter, result)
            result.suppressions = None
            result.findings.sort(key=lambda f: f.sort_key)
            yield result
