"""Linting many files in a process pool (`--jobs N`), with the same results as a serial run.

Each worker builds its Linters once, from the settings of the run (one per configuration file),
and lints the files it is sent in chunks. What comes back per file is the `FileResult` a serial
run would have made (findings, what corpus rules collected, suppressions, problems), in the order
of the files; the corpus phase then runs in the parent exactly as in a serial run.

A pool costs a few tens of milliseconds to start, so a run with fewer than `MIN_FILES` files, or
one that reads standard input, stays serial: a one-file check never imports this machinery.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..config import Settings
from ..documents.walk import Target
from ..errors import WenlintError
from .corpus import summarise
from .run import RunOptions, lint_target
from .runner import FileResult, Linter

MIN_FILES = 8  # fewer files than this: lint serially, a pool would cost more than it saves


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


def chunksize(files: int, workers: int) -> int:
    """About eight chunks per worker (documents differ in size: small chunks balance the load)
    but never huge ones (memory, progress)."""
    return max(1, min(32, files // (workers * 8)))


# ----- in the worker --------------------------------------------------------------------------

_settings: dict[int, Settings] = {}
_linters: dict[int, Linter] = {}
_options: RunOptions | None = None


def _init(settings: dict[int, Settings], options: RunOptions) -> None:
    global _options
    _settings.clear()
    _settings.update(settings)
    _linters.clear()
    _options = options


def _lint(item: tuple[Target, int]) -> FileResult:
    target, key = item
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(_settings[key])
    result = lint_target(target, linter, _options)
    if _options.documents:
        summarise(linter, result.collected, _options.documents)
    return result


# ----- in the parent --------------------------------------------------------------------------

def _context():
    import multiprocessing

    # fork starts workers in milliseconds and shares the loaded registry; elsewhere spawn.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _prepare_corpus_rules(work: list[tuple[Target, Linter]]):
    """A started thread that runs the corpus rules' `prepare`, or None when there are none."""
    import threading
    from collections import Counter

    counts = Counter(id(linter) for _, linter in work)  # documents per configuration
    linters = {id(linter): linter for _, linter in work}

    def prepare() -> None:
        for key, linter in linters.items():
            for rule in linter.corpus_rules:
                try:
                    rule.prepare(counts[key], linter.contexts[rule.code])
                except Exception:  # finish does the same work again and reports what fails
                    pass

    if not any(linter.corpus_rules for linter in linters.values()):
        return None
    thread = threading.Thread(target=prepare, name="wenlint-prepare", daemon=True)
    thread.start()
    return thread


def lint_in_pool(work: list[tuple[Target, Linter]], options: RunOptions, progress=None) -> Iterator[FileResult]:
    """The result of each file of `work`, in order, as the workers finish them."""
    # Imported here: a one-file check must not pay for multiprocessing.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    keys: dict[int, int] = {}  # id(linter) -> key
    settings: dict[int, Settings] = {}
    items = []
    for target, linter in work:
        key = keys.setdefault(id(linter), len(keys))
        settings[key] = linter.settings
        items.append((target, key))
    workers = min(options.jobs, len(items))
    try:
        with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                                 initargs=(settings, options)) as executor:
            results = executor.map(_lint, items, chunksize=chunksize(len(items), workers))
            # Started after the workers are forked (forking a process with a thread mid-import
            # can deadlock the child).
            preparing = _prepare_corpus_rules(work)
            # The workers are forked by now: the progress bar's thread starts after them.
            if progress is not None:
                progress.start(len(items))
            for result in results:
                if progress is not None:
                    progress.advance(result.path)
                yield result
            if preparing is not None:
                preparing.join()
    except BrokenProcessPool as exc:
        raise WenlintError(f"a worker process died ({exc}); try --jobs 1") from None
