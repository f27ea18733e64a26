"""Linting the records of data shards (see `wenlint.documents.records`) as documents.

A shard is read in batches; each record becomes a `Document` named `shard#key` and is linted as
a file would be (`lint_target`), serially or, with `--jobs N`, in a process pool that is sent
batches of records and never more than a few batches ahead of the reader (memory stays flat in
the number of records). What comes back per record is a `FileResult`; a result that carries
nothing (no findings, no error, nothing a corpus rule kept, no measures) is dropped at once, so a
run over a million clean short records holds almost nothing per record.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..documents import Document
from ..documents.records import Fields, Record, iter_batches, record_format, record_path
from ..documents.walk import Target
from ..errors import InputError
from .corpus import summarise
from .run import RunOptions, lint_target
from .runner import FileResult, Linter

RECORDS_RUN = 1 << 30  # the size `summarise` is told in a records run (a corpus: sign in the workers)


def is_shard(target: Target) -> bool:
    return target.path != "-" and record_format(target.path) is not None


def refuse_fixes(shards: list, options: RunOptions) -> None:
    """A record has no file of its own to fix: say so before anything is linted or written."""
    if shards and (options.fix or options.diff):
        from ..errors import ConfigError

        raise ConfigError(f"{shards[0][0].path}: --fix and --diff change files; to clean records use "
                          "`wenlint filter --fix`")


def record_document(shard: str, record: Record) -> Document:
    return Document(record.text, path=record_path(shard, record.key), format="text", encoding=None)


def lint_record(shard: str, record: Record, linter: Linter, options: RunOptions) -> FileResult | None:
    """The record's result, or None when it carries nothing worth keeping."""
    path = record_path(shard, record.key)
    if record.error is not None:
        return FileResult(path, error=f"{path}: {record.error}")
    if not record.text.strip():
        return None  # an empty record has nothing to lint (common in corpora, not an error)
    doc = record_document(shard, record)
    result = lint_target(Target(path, True), linter, options, load=lambda *_: doc)
    if result.suppressions is not None and not result.suppressions.directives:
        result.suppressions = None
    return result if _worth_keeping(result) else None


def _worth_keeping(result: FileResult) -> bool:
    return bool(
        result.findings or result.error or result.problems or result.metrics is not None
        or result.suppressions is not None or any(map(_carries, result.collected.values()))
    )


def _carries(data) -> bool:
    """Whether what a corpus rule collected can matter (None or an empty container cannot)."""
    return data is not None and not (isinstance(data, (dict, list, tuple, set, frozenset)) and not data)


def lint_batch(shard: str, records: list[Record], linter: Linter, options: RunOptions) -> list[FileResult]:
    kept = []
    for record in records:
        result = lint_record(shard, record, linter, options)
        if result is not None:
            if options.jobs > 1:  # in a worker: a shard is a corpus, its size known only at the end
                summarise(linter, result.collected, RECORDS_RUN)
            kept.append(result)
    return kept


def lint_shard(target: Target, linter: Linter, options: RunOptions, location: str | None = None) -> list[FileResult]:
    """Every record of one shard worth keeping (a Dask task reads its shard itself, through
    fsspec from `location`); a shard that cannot be read is one error result."""
    fields = Fields(options.text_field, options.id_field)
    results: list[FileResult] = []
    try:
        for records in iter_batches(target.path, fields, location):
            results += lint_batch(target.path, records, linter, options)
    except InputError as exc:
        results.append(FileResult(target.path, error=str(exc)))
    return results


def _batches(shards: Iterable[tuple[Target, Linter]], fields: Fields):
    """(shard, records, linter, None) per batch; (shard, None, linter, error result) for a shard
    that cannot be read (after the batches read before the problem)."""
    for target, linter in shards:
        try:
            for records in iter_batches(target.path, fields):
                yield target.path, records, linter, None
        except InputError as exc:
            yield target.path, None, linter, FileResult(target.path, error=str(exc))


def lint_shards(shards: list[tuple[Target, Linter]], options: RunOptions, progress=None) -> Iterator[tuple[FileResult, Linter]]:
    """(result, linter) of every record worth keeping, in the order of the shards and records;
    a shard that cannot be read is one error result."""
    fields = Fields(options.text_field, options.id_field)
    if progress is not None:
        progress.start(len(shards))
    batches = _batches(shards, fields)
    outcome = _in_pool(shards, batches, options) if options.jobs > 1 else _serial(shards, batches, options)
    for results, linter in outcome:
        for result in results:
            yield result, linter
    if progress is not None:
        for target, _ in shards:
            progress.advance(target.path)


def _serial(shards, batches, options: RunOptions):
    for shard, records, linter, failure in batches:
        yield ([failure] if failure else lint_batch(shard, records, linter, options)), linter


# ----- a process pool over batches ---------------------------------------------------------------

def _lint_pooled(item) -> list[FileResult]:
    from . import pool

    shard, records, key = item
    return lint_batch(shard, records, pool.linter_for(key), pool._options)


class _Ready:
    """A result known without a worker (a shard that could not be read), in the queue of futures."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


def _in_pool(shards, batches, options: RunOptions):
    """(results, linter) per batch, in order, with at most two batches per worker in flight."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ..errors import WenlintError
    from . import pool

    keys: dict[int, int] = {}
    settings = {}
    linters = {}
    for _, linter in shards:
        key = keys.setdefault(id(linter), len(keys))
        settings[key] = linter.settings
        linters[key] = linter
    workers = options.jobs
    pending: deque = deque()
    submitted = 0
    context = pool._context()
    pool.fork_ready(context, linters)  # the workers inherit warmed Linters (see engine/pool.py)
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=pool._init,
                                 initargs=(settings, options)) as executor:
            for shard, records, linter, failure in batches:
                if failure is not None:
                    pending.append((_Ready([failure]), linter))
                else:
                    pending.append((executor.submit(_lint_pooled, (shard, records, keys[id(linter)])), linter))
                    submitted += 1
                    if submitted == workers:  # every worker is forked by now (some Pythons fork one per submit)
                        pool.fork_done()
                if len(pending) >= 2 * workers:
                    future, owner = pending.popleft()
                    yield future.result(), owner
            while pending:
                future, owner = pending.popleft()
                yield future.result(), owner
    except BrokenProcessPool as exc:
        raise WenlintError(f"a worker process died ({exc}); try --jobs 1") from None
    finally:
        pool.fork_done()
