"""Linting many files in a process pool (`--jobs N`), with the same results as a serial run.

Where `fork` is available, the parent builds its Linters and warms them before the workers are
forked: each rule runs once on its own documented examples, which builds the tables it loads on
first use (the segmenter's dictionary, OpenCC's phrase tables, compiled patterns), and `gc.freeze`
keeps those objects out of the collector so the workers share their pages instead of copying them.
The tables are then built once per run, not once per worker. Elsewhere (spawn) each worker builds
its Linters from the run's settings on first use.

The files are sent in chunks, the largest files first and the chunks shrinking towards the end
(by bytes, not by count: documents differ a hundredfold in size), so that no worker is left with
a long chunk while the other idles. Results come back as they are done and are put back in the
order of the files. As each arrives, the parent hands what corpus rules collected to their
streams (`Linter.feed`: ST012 bands and verifies the copies of what has arrived), so the corpus
phase is done while the workers lint, not after them.

A pool costs a few tens of milliseconds to start, so a run with fewer than `MIN_FILES` files, or
one that reads standard input, stays serial: a one-file check never imports this machinery.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice

from ..config import Settings
from ..documents.walk import Target
from ..errors import WenlintError
from .corpus import Shelf, ShelfReader, drain, shelve, summarise, use_workers
from .run import RunOptions, lint_target
from .runner import FileResult, Linter
from .spill import Packed, Parked

MIN_FILES = 8  # fewer files than this: lint serially, a pool would cost more than it saves
CHUNKS_PER_WORKER = 24  # the smallest chunk: this fraction of a worker's share
MAX_CHUNK_FILES = 64
AHEAD = 3  # chunks sent per worker before their results are taken in


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def use_pool(work: list[tuple[Target, Linter]], options: RunOptions) -> bool:
    if options.jobs <= 1 or len(work) < MIN_FILES:
        return False
    return all(target.path != "-" for target, _ in work)


def chunks(sizes: list[int], workers: int) -> list[list[int]]:
    """Indices of the files in chunks to send, largest files first: each chunk takes files until
    it holds about the remaining bytes / (workers x 2), so that chunks shrink as the run nears
    its end (guided self-scheduling) and none is over `MAX_CHUNK_FILES` files or smaller than
    the total / (workers x CHUNKS_PER_WORKER) (a few hundred small chunks would cost more in
    messages than they balance)."""
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i], i))
    remaining = sum(sizes)
    floor = max(1, remaining // (workers * CHUNKS_PER_WORKER))
    out: list[list[int]] = []
    chunk: list[int] = []
    held = 0
    for i in order:
        chunk.append(i)
        held += sizes[i]
        if held >= max(floor, remaining // (workers * 2)) or len(chunk) >= MAX_CHUNK_FILES:
            out.append(chunk)
            remaining -= held
            chunk, held = [], 0
    if chunk:
        out.append(chunk)
    return out


def _size(target: Target) -> int:
    try:
        return os.stat(target.path).st_size if target.error is None else 0
    except OSError:
        return 0


# ----- in the worker --------------------------------------------------------------------------

_settings: dict[int, Settings] = {}
_linters: dict[int, Linter] = {}
_options: RunOptions | None = None
_inherited: dict[int, Linter] = {}  # set in the parent before a fork: the warmed Linters
_shelf: Shelf | None = None  # where this worker keeps what the corpus streams verify here
_reader: ShelfReader | None = None


def _init(settings: dict[int, Settings], options: RunOptions) -> None:
    global _options, _shelf, _reader
    _settings.clear()
    _settings.update(settings)
    _linters.clear()
    _linters.update(_inherited)  # empty unless forked from a parent that warmed them
    _options = options
    _shelf = Shelf(options.shelf) if options.shelf else None
    _reader = ShelfReader(options.shelf) if options.shelf else None


def linter_for(key: int) -> Linter:
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(_settings[key])
    return linter


def _lint(item: tuple[Target, int]) -> FileResult:
    target, key = item
    linter = linter_for(key)
    result = lint_target(target, linter, _options)
    if _options.documents:
        summarise(linter, result.collected, _options.documents)
        if _shelf is not None:
            shelve(result.collected, lambda _, obj: _shelf.put(obj))
    return result


def _lint_chunk(chunk: list[tuple[int, Target, int]]) -> list[tuple[int, Packed]]:
    done = [(index, Packed(_lint((target, key)))) for index, target, key in chunk]
    if _shelf is not None:
        _shelf.flush()  # before the parent learns where the documents are
    return done


def _run_task(fn, pairs, args):
    """A corpus stream's task (`_PoolRunner`), run by a worker with the documents on the shelves."""
    return fn(pairs, _reader.load, *args)


class _PoolRunner:
    """The workers of a pool as a corpus stream sees them (see engine/corpus.py)."""

    def __init__(self, executor) -> None:
        self.executor = executor

    def submit(self, fn, pairs, *args):
        return self.executor.submit(_run_task, fn, pairs, args)


# ----- in the parent --------------------------------------------------------------------------

def _context():
    import multiprocessing

    # fork starts workers in milliseconds and shares the loaded registry; elsewhere spawn.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# A Markdown document for the warm-up: the Markdown parser (pyromark) and what rules build for
# Markdown are loaded once in the parent, not in each worker.
_MARKDOWN = "# 标题\n\n一、总体要求\n\n- 第一项，见[链接](https://example.com)。\n\n| 项目 | 数量 |\n|---|---|\n| 合计 | 1 |\n"


def warm(linters: list[Linter]) -> None:
    """Build what the rules load on first use, before workers are forked (see the module's
    documentation): each rule on its own examples, then every rule on all of them as one
    document and on a Markdown document; findings discarded. The examples of a rule whose
    `warm_up` is False are left out (what they load serves only some documents). Each
    document's analyses are dropped when it is done (as `lint_target` does): the documents are
    then freed by reference counting and leave nothing for the cyclic collector."""
    from ..documents import Document

    def check(linter: Linter, rule, doc: Document) -> None:
        linter._safe_check(rule, doc, [])
        doc.analyses.clear()

    def collect(linter: Linter, doc: Document) -> None:
        linter.collect(doc, [])
        doc.analyses.clear()

    for linter in linters:
        n = 0
        warmed = [r for r in linter.rules if getattr(r, "warm_up", True)]  # (see Rule.warm_up)
        for rule in linter.document_rules:
            if rule not in warmed:
                continue
            for text in dict.fromkeys(t for t in (rule.bad, rule.good) if isinstance(t, str) and t):
                check(linter, rule, Document(text, path=f"<warm-up {n}>"))
                n += 1
        for rule in linter.corpus_rules:
            if rule not in warmed:
                continue
            for text in (rule.bad, rule.good):
                if isinstance(text, str) and text:
                    collect(linter, Document(text, path=f"<warm-up {n}>"))
                    n += 1
        # All the examples as one longer document (what rules load only for a long text: the
        # script family's character classes), and one Markdown document.
        texts = dict.fromkeys(t for r in warmed for t in (r.bad, r.good) if isinstance(t, str) and t)
        for doc in (Document("\n".join(texts), path="<warm-up>"),
                    Document(_MARKDOWN, path="<warm-up.md>", format="markdown")):
            linter.run_rules(doc, [])
            collect(linter, doc)
        linter.disabled.clear()


def fork_ready(context, linters: dict[int, Linter], documents: dict[int, int] | None = None) -> None:
    """With fork: warm the parent's Linters, let the corpus rules `prepare` for the run's
    `documents` (per Linter key; ST012 imports numpy), let the workers inherit all that, freeze
    the heap.

    The collector is off meanwhile: what is built lives as long as the process (the collector
    would only traverse it), and the warm-up frees its own documents (`warm`), so the heap is
    frozen as it is, without a full collection first."""
    import gc

    _inherited.clear()
    _was_frozen[0] = gc.get_freeze_count() > 0
    if context.get_start_method() != "fork":
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        warm(list(linters.values()))
        if documents is not None:
            for key, linter in linters.items():
                _prepare(linter, documents[key])
    finally:
        if enabled:
            gc.enable()
    _inherited.update(linters)
    gc.freeze()


_was_frozen = [False]  # whether the heap was frozen before fork_ready (the CLI freezes its start-up)


def fork_done() -> None:
    """The workers are forked: the parent lets go of the Linters, and unfreezes its heap unless
    it was frozen before (the CLI's start-up, `cli.settle_gc`): then the tables the warm-up
    built stay out of the collector's sight with the rest, as in a serial run, and the last
    collection before the process exits does not traverse them all."""
    import gc

    _inherited.clear()
    if not _was_frozen[0]:
        gc.unfreeze()


def _prepare(linter: Linter, documents: int) -> None:
    for rule in linter.corpus_rules:
        try:
            rule.prepare(documents, linter.contexts[rule.code])
        except Exception:  # finish does the same work again and reports what fails
            pass


def _prepare_corpus_rules(linters: dict[int, Linter], documents: dict[int, int]):
    """A started thread that runs the corpus rules' `prepare` (spawned workers: the parent has
    nothing to hand them), or None when there are none."""
    import threading

    if not any(linter.corpus_rules for linter in linters.values()):
        return None

    def prepare() -> None:
        for key, linter in linters.items():
            _prepare(linter, documents[key])

    thread = threading.Thread(target=prepare, name="wenlint-prepare", daemon=True)
    thread.start()
    return thread


def lint_in_pool(work: list[tuple[Target, Linter]], options: RunOptions, progress=None,
                 may_shelve: bool = False, packed: bool = False) -> Iterator[FileResult | Packed]:
    """The results in the order of `work`, each as soon as it and those before it are done: one
    that comes before its turn waits on disk (`spill.Parked`), so a run holds a few results,
    not every file's findings. With `packed`, each as its worker sent it (`spill.Packed`: a
    caller that sets the results aside on disk does not make their findings only to write
    them again). With `may_shelve` (nothing of the results outlives the run, as a
    cache would keep it), what corpus rules collected stays with the workers in a temporary
    directory, and the corpus streams verify their pairs there while the pool is open."""
    # Imported here: a one-file check must not pay for multiprocessing.
    import shutil
    import tempfile
    from collections import Counter
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    from dataclasses import replace

    keys: dict[int, int] = {}  # id(linter) -> key
    settings: dict[int, Settings] = {}
    linters: dict[int, Linter] = {}
    items = []
    for index, (target, linter) in enumerate(work):
        key = keys.setdefault(id(linter), len(keys))
        settings[key] = linter.settings
        linters[key] = linter
        items.append((index, target, key))
    workers = min(options.jobs, len(items))
    parked = Parked()
    turn = 0  # the next result to yield
    out = (lambda result: result) if packed else Packed.unpack
    context = _context()
    sizes = [_size(target) for _, target, _ in items]
    shelf = None
    if may_shelve and options.documents and any(linter.corpus_rules for linter in linters.values()):
        shelf = tempfile.mkdtemp(prefix="wenlint-shelf-")
        options = replace(options, shelf=shelf)
    documents = Counter(key for _, _, key in items)  # per configuration
    fork_ready(context, linters, documents)
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init,
                                 initargs=(settings, options)) as executor:
            # A few chunks ahead of the workers, not all: a chunk's results wait in this process
            # from when they come until they are yielded or parked, so a parent slower than its
            # workers (a run with many findings) holds a bounded number of them.
            todo = iter(chunks(sizes, workers))
            pending = set()

            def submit_more() -> None:
                for chunk in islice(todo, max(0, AHEAD * workers - len(pending))):
                    pending.add(executor.submit(_lint_chunk, [items[i] for i in chunk]))

            submit_more()
            # Started after the workers are forked (forking a process with a thread mid-import
            # can deadlock the child).
            fork_done()
            streams = {key: linter.open_streams(options.documents) for key, linter in linters.items()}
            if shelf is not None:
                runner = _PoolRunner(executor)
                for linter in linters.values():
                    use_workers(linter, runner)
            forked = context.get_start_method() == "fork"  # then prepared before the fork
            preparing = None if forked else _prepare_corpus_rules(linters, documents)
            # The workers are forked by now: the progress bar's thread starts after them.
            if progress is not None:
                progress.start(len(items))
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                submit_more()
                for future in finished:
                    for index, result in future.result():
                        if streams[items[index][2]]:
                            linters[items[index][2]].feed(result)
                        if progress is not None:
                            progress.advance(result.path)
                        if index != turn:
                            parked.put(index, result, linters[items[index][2]].streams)
                            continue
                        yield out(result)
                        turn += 1
                        while turn in parked:
                            yield out(parked.take(turn))
                            turn += 1
            for key, linter in linters.items():
                if streams[key]:
                    drain(linter)
            if preparing is not None:
                preparing.join()
    except BrokenProcessPool as exc:
        raise WenlintError(f"a worker process died ({exc}); try --jobs 1") from None
    finally:
        fork_done()
        parked.close()
        if shelf is not None:
            shutil.rmtree(shelf, ignore_errors=True)
