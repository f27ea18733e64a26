"""Results set aside on disk while the corpus phase waits for every file.

Rules that compare documents (ST012, CH030) add findings to a file only when all files are
linted, and WL001 may then withdraw one; so a file's findings are final only at the end. Rather
than hold every finding of the run in memory until then, each result goes to a temporary file as
it comes (its findings as tuples, as the cache stores them) and only a stub stays: the path, what
the corpus rules collected, the suppression comments, and the findings the corpus phase adds.
Replaying the file afterwards gives each result whole, in the order it was put.

What the corpus rules collected goes to a second file too (`Deferred`: the stub keeps where it
is), and their `finish` reads it from there document by document (`runner.CollectedBy`): a
million records, or a hundred thousand long documents, do not wait in memory for the phase.
Only what an open stream holds stays (ST012's stream in a pool knows its documents by identity
and adds to them while the others are linted).

The findings the corpus phase adds go to disk as well (`hold`, `add`: ST012 reports every copy
of a record copied ten times), with the number of their result, and are read back when that
result is replayed.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from typing import Any

from ..findings import Finding
from .runner import Deferred, FileResult

# Every field of a finding but the fix as applied (the fixes are done by now).
_FINDING_FIELDS = tuple(name for name in Finding.__dataclass_fields__ if name != "raw_fix")
_CHUNK = 256  # findings pickled together (`hold`)
_KEPT = ("error", "warning", "problems", "fixed", "diff", "fixed_text", "fixed_bytes", "context", "fixed_path",
         "source", "metrics")


class Stub:
    """What the corpus phase reads of a result (see `Linter.finish`), and what it adds."""

    __slots__ = ("path", "collected", "suppressions", "error", "warning", "findings", "number")

    def __init__(self, result: FileResult, number: int = 0) -> None:
        self.number = number  # its place in the spill
        self.path = result.path
        self.collected = result.collected
        suppressions = result.suppressions
        self.suppressions = suppressions if suppressions is not None and suppressions.directives else None
        self.error = result.error
        self.warning = result.warning
        self.findings: list[Finding] = []

    def needed(self) -> bool:
        """Can the corpus phase add to this result? Only when a corpus rule collected something
        of it (None or an empty container is nothing): the others need not wait in memory."""
        return self.error is None and self.warning is None and any(map(_carries, self.collected.values()))


def _carries(data) -> bool:
    return data is not None and not (isinstance(data, (dict, list, tuple, set, frozenset)) and not data)


class Spill:
    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile()
        self.count = 0
        self.aside = None  # the file of what corpus rules collected, opened on first use
        self.added = None  # the file of the findings the corpus phase added, opened on first use
        self.added_to = array("q")  # the number of the result of each, and where it is in the file
        self.added_at = array("q")

    def put(self, result: FileResult, streamed: Collection[str] = ()) -> Stub:
        """The result's stub; its collected data is set aside but for the codes in `streamed`."""
        data: tuple[Any, ...] = (
            result.path,
            tuple(getattr(result, name) for name in _KEPT),
            list(map(_fields, result.findings)),
        )
        pickle.dump(data, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        stub = Stub(result, self.count)
        self.count += 1
        if stub.needed():
            stub.collected = {code: value if code in streamed or not _carries(value) else self._set_aside(value)
                              for code, value in stub.collected.items()}
        return stub

    def _set_aside(self, value) -> Deferred:
        if self.aside is None:
            self.aside = tempfile.TemporaryFile()
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self.aside.seek(0, 2)
        self.aside.write(data)
        return Deferred(self.aside, offset, len(data))

    def hold(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        """A corpus rule's findings, written to disk as they come and read back, in order, once
        the rule has finished."""
        file = tempfile.TemporaryFile()
        count, findings = 0, iter(findings)
        try:
            for chunk in iter(lambda: list(islice(findings, _CHUNK)), []):  # (a pickle a chunk: fewer, smaller)
                pickle.dump(list(map(_fields, chunk)), file, protocol=pickle.HIGHEST_PROTOCOL)
                count += 1
        except BaseException:
            file.close()
            raise
        return _read_back(file, count)

    def add(self, stub: Stub, finding: Finding) -> None:
        """A finding of the corpus phase for the result of `stub`, given back by `replay`."""
        if self.added is None:
            self.added = tempfile.TemporaryFile()
        self.added_to.append(stub.number)
        self.added_at.append(self.added.tell())
        pickle.dump(_fields(finding), self.added, protocol=pickle.HIGHEST_PROTOCOL)

    def replay(self) -> Iterator[FileResult]:
        """The results put, in order, without what only the corpus phase needed, with the
        findings it added (`add`) after their own."""
        self.file.flush()
        self.file.seek(0)
        added = self._added()
        for number in range(self.count):
            path, kept, findings = pickle.load(self.file)
            result = FileResult(path)
            for name, value in zip(_KEPT, kept):
                setattr(result, name, value)
            result.findings = [Finding(*fields) for fields in findings]
            result.findings += added(number)
            yield result
        self.file.close()
        for file in (self.aside, self.added):
            if file is not None:
                file.close()

    def _added(self):
        """`added(number)`: the findings added to that result, in the order they were added; the
        numbers are asked in increasing order."""
        owners, places = self.added_to, self.added_at
        order = sorted(range(len(owners)), key=owners.__getitem__)  # (stable: in the order added)
        nxt = 0

        def added(number: int) -> list[Finding]:
            nonlocal nxt
            found = []
            while nxt < len(order) and owners[order[nxt]] == number:
                self.added.seek(places[order[nxt]])
                found.append(Finding(*pickle.load(self.added)))
                nxt += 1
            return found

        return added


def _fields(finding: Finding) -> tuple:
    """A finding as it is pickled here (a tuple pickles many times faster than a dataclass)."""
    return tuple(getattr(finding, name) for name in _FINDING_FIELDS)


def _read_back(file, chunks: int) -> Iterator[Finding]:
    try:
        file.seek(0)
        for _ in range(chunks):
            for fields in pickle.load(file):
                yield Finding(*fields)
    finally:
        file.close()
