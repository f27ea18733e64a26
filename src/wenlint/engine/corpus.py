"""Work of the corpus phase done where a document is linted (a pool worker, a Dask worker).

A corpus rule may define `summarise(data, documents, ctx)`: given what its `collect` returned and
the number of documents the run plans, it returns what the corpus phase should receive (ST012
adds the document's MinHash signatures when the run is large enough to need them). The work is
then spread over the workers instead of waiting for the one process that runs `finish`.
"""

from __future__ import annotations

import os
import pickle
from typing import Any

from .runner import Linter


def summarise(linter: Linter, collected: dict[str, Any], documents: int) -> None:
    for rule in linter.corpus_rules:
        hook = getattr(rule, "summarise", None)
        data = collected.get(rule.code)
        if hook is None or data is None:
            continue
        try:
            collected[rule.code] = hook(data, documents, linter.contexts[rule.code])
        except Exception:  # finish computes what is missing, and reports what fails there
            pass


# ----- documents kept where they were linted ---------------------------------------------------
#
# What a corpus rule collected may be large (ST012's unit hashes: about a tenth of the text). When
# the rule's stream can send work to the workers (`use(runner)`), the engine keeps it where the
# document was linted: collected data with a `shelve(put)` method is replaced by what it returns
# (ST012: its band keys, its size and `put`'s locator), and the stream's tasks (`runner.submit`)
# run on the workers with a `load(locator)` that finds the data again. A runner with `bind` (Dask)
# is given to each stream bound to its rule's code; with `band` it also bands the shelved
# documents' keys on the workers (engine/dask_bands.py), and the stream never receives them. A
# stream's `use` may return the stream that takes its place for that runner.


def shelve(collected: dict[str, Any], put) -> None:
    """Shelve what each rule collected that can be: `put(code, data)` keeps it and returns its locator."""
    for code, data in collected.items():
        hook = getattr(data, "shelve", None)
        if hook is not None:
            try:
                collected[code] = hook(lambda obj, code=code: put(code, obj))
            except Exception:  # kept whole: the stream verifies it where it is
                pass


def use_workers(linter: Linter, runner) -> bool:
    """Give the linter's open streams that can use them the engine's workers; True when one took them."""
    used = False
    bind = getattr(runner, "bind", None)  # (a runner that works for one stream at a time: its rule's code)
    for code, stream in list(linter.streams.items()):
        hook = getattr(stream, "use", None)
        if hook is not None:
            replacement = hook(bind(code=code) if bind else runner)
            if replacement is not None:  # (a stream for this runner)
                linter.streams[code] = linter.contexts[code].stream = replacement
            used = True
    return used


def drain(linter: Linter) -> None:
    """Let the streams finish their work on the workers while the workers are still there; a
    stream that fails is dropped (its rule's finish then reports what fails)."""
    for code, stream in list(linter.streams.items()):
        hook = getattr(stream, "drain", None)
        if hook is None:
            continue
        try:
            hook()
        except Exception:
            del linter.streams[code]
            linter.contexts[code].stream = None


class Shelf:
    """A pool worker's shelf: pickled objects appended to a file of its own in the run's
    directory; a locator (file name, offset, size) reads one back in any process."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.name = f"{os.getpid()}.shelf"
        self.file = open(os.path.join(directory, self.name), "ab")

    def put(self, obj) -> tuple[str, int, int]:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self.file.tell()
        self.file.write(data)
        return self.name, offset, len(data)

    def flush(self) -> None:
        self.file.flush()


class ShelfReader:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.files: dict[str, Any] = {}

    def load(self, locator):
        name, offset, size = locator
        handle = self.files.get(name)
        if handle is None:
            handle = self.files[name] = open(os.path.join(self.directory, name), "rb")
        handle.seek(offset)
        return pickle.loads(handle.read(size))

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()
        self.files.clear()
