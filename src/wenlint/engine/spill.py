"""Results set aside on disk while the corpus phase waits for every file.

Rules that compare documents (ST012, CH030) add findings to a file only when all files are
linted, and WL001 may then withdraw one; so a file's findings are final only at the end. Rather
than hold every finding of the run in memory until then, each result goes to a temporary file as
it comes (its findings as tuples, as the cache stores them) and only what the corpus phase reads
of it stays, for the results it can add to: a row of `Waiting` (the path, where what the corpus
rules collected is, the suppression comments of the few results that have them). Replaying the
file afterwards gives each result whole, in the order it was put.

What the corpus rules collected goes to a second file too (the row keeps where it is, in
arrays), and their `finish` reads it from there document by document: a million records, or a
hundred thousand long documents, do not wait in memory for the phase, and a row costs its path
and a few array entries, not objects. Only what an open stream holds stays (ST012's stream in a
pool knows its documents by identity and adds to them while the others are linted).

The findings the corpus phase adds go to disk as well (`hold`, `add`: ST012 reports every copy
of a record copied ten times), with the number of their result, and are read back when that
result is replayed.

The cached run (engine/cache.py) keeps a `Stub` per result instead: it needs every result's
findings in memory to store the phase's findings per file.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from bisect import bisect_right
from collections.abc import Collection, ItemsView, Iterable, Iterator, Mapping, ValuesView
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


def needed(result) -> bool:
    """Can the corpus phase add to this result? Only when a corpus rule collected something of
    it (None or an empty container is nothing): the others need not wait in memory."""
    return result.error is None and result.warning is None and any(map(_carries, result.collected.values()))


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
        stub = Stub(result, self._write(result))
        if needed(stub):
            stub.collected = {code: value if code in streamed or not _carries(value) else self._set_aside(value)
                              for code, value in stub.collected.items()}
        return stub

    def keep(self, result: FileResult | Packed, waiting: Waiting, streamed: Collection[str] = ()) -> None:
        """Write the result (a pool's packed one as it came); when the corpus phase can add to
        it, a row of `waiting` (its collected data set aside but for the codes in `streamed`)."""
        number = self._write(result)
        if needed(result):
            waiting.append(number, result, streamed)

    def _write(self, result: FileResult | Packed) -> int:
        if isinstance(result, Packed):
            self.file.write(result.rest)  # (its findings as `_dump` writes them)
        else:
            _dump(result, self.file)
        self.count += 1
        return self.count - 1

    def _set_aside(self, value) -> Deferred:
        offset, size = self.set_aside(value)
        return Deferred(self.aside, offset, size)

    def set_aside(self, value) -> tuple[int, int]:
        """Write what a corpus rule collected to the file set aside: (offset, size)."""
        if self.aside is None:
            self.aside = tempfile.TemporaryFile()
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self.aside.seek(0, 2)
        self.aside.write(data)
        return offset, len(data)

    def read_aside(self, offset: int, size: int):
        self.aside.seek(offset)
        return pickle.loads(self.aside.read(size))

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

    def add(self, number: int, finding: Finding) -> None:
        """A finding of the corpus phase for the result put as `number`, given back by `replay`."""
        if self.added is None:
            self.added = tempfile.TemporaryFile()
        self.added_to.append(number)
        self.added_at.append(self.added.tell())
        pickle.dump(_fields(finding), self.added, protocol=pickle.HIGHEST_PROTOCOL)

    def replay(self) -> Iterator[FileResult]:
        """The results put, in order, without what only the corpus phase needed, with the
        findings it added (`add`) after their own."""
        self.file.flush()
        self.file.seek(0)
        added = self._added()
        for number in range(self.count):
            result = _load(self.file)
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


class Waiting:
    """The results of one configuration that the corpus phase can add to, a row each, as
    `Linter.finish` reads them (see runner.Results): the path, the result's number in the
    spill, where each corpus rule's data is in the file set aside (an offset and a size in
    arrays; or the data itself, for a stream that holds its documents), and the suppression
    comments of the few results that have them. The findings the phase adds go to the spill."""

    _NOTHING, _HELD = -1, -2  # offsets that say: nothing collected; the data is in `held`

    def __init__(self, spill: Spill) -> None:
        self.spill = spill
        self.paths: list[str] = []
        self.numbers = array("q")
        self.places: dict[str, tuple[array, array]] = {}  # code -> (offset, size) of each row
        self.held: dict[tuple[str, int], Any] = {}  # (code, row) -> what a stream holds
        self.comments: dict[int, Any] = {}  # row -> its suppressions, when it has directives
        self._order: array | None = None  # the rows in the order of their paths

    def __len__(self) -> int:
        return len(self.paths)

    def append(self, number: int, result: FileResult, streamed: Collection[str]) -> None:
        row = len(self.paths)
        self.paths.append(result.path)
        self.numbers.append(number)
        self._order = None
        if result.suppressions is not None and result.suppressions.directives:
            self.comments[row] = result.suppressions
        for code, value in result.collected.items():
            if code not in self.places:
                self.places[code] = (array("q", [self._NOTHING]) * row, array("q", [0]) * row)
        for code, (offsets, sizes) in self.places.items():
            value = result.collected.get(code)
            if not _carries(value):
                offsets.append(self._NOTHING)
                sizes.append(0)
            elif code in streamed:
                self.held[code, row] = value
                offsets.append(self._HELD)
                sizes.append(0)
            else:
                offset, size = self.spill.set_aside(value)
                offsets.append(offset)
                sizes.append(size)

    # ----- as `Linter.finish` reads it ------------------------------------------------------

    def collected(self, code: str) -> _Collected:
        return _Collected(self, code)

    def row(self, path: str) -> int | None:
        """The row of `path` (the last one, if a path came twice), or None."""
        if self._order is None:
            self._order = array("q", sorted(range(len(self.paths)), key=self.paths.__getitem__))
        at = bisect_right(self._order, path, key=self.paths.__getitem__) - 1
        return self._order[at] if at >= 0 and self.paths[self._order[at]] == path else None

    def suppressions(self, row: int):
        return self.comments.get(row)

    def hold(self, findings: Iterable[Finding]) -> Iterable[Finding]:
        return self.spill.hold(findings)

    def add(self, row: int, finding: Finding) -> None:
        self.spill.add(self.numbers[row], finding)

    def done(self, report_unused: bool) -> None:
        """Nothing to do here: a result gets its findings, and WL001 is decided, when replayed."""

    def data(self, code: str, row: int):
        offsets, sizes = self.places[code]
        offset = offsets[row]
        if offset == self._HELD:
            return self.held[code, row]
        return self.spill.read_aside(offset, sizes[row])


class _Collected(Mapping):
    """What one corpus rule collected of the rows of `Waiting` that have something, by path,
    read from disk each time it is read (rules go through the documents: one at a time)."""

    def __init__(self, waiting: Waiting, code: str) -> None:
        self.waiting, self.code = waiting, code
        offsets = waiting.places.get(code)
        self.rows = array("q", (r for r, o in enumerate(offsets[0]) if o != Waiting._NOTHING) if offsets else ())

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[str]:
        return map(self.waiting.paths.__getitem__, self.rows)

    def __getitem__(self, path: str):
        row = self.waiting.row(path)
        if row is None or self.waiting.places[self.code][0][row] == Waiting._NOTHING:
            raise KeyError(path)
        return self.waiting.data(self.code, row)

    def items(self):
        return _Items(self)

    def values(self):
        return _Values(self)


class _Items(ItemsView):
    def __iter__(self):
        waiting, code = self._mapping.waiting, self._mapping.code
        for row in self._mapping.rows:
            yield waiting.paths[row], waiting.data(code, row)


class _Values(ValuesView):
    def __iter__(self):
        waiting, code = self._mapping.waiting, self._mapping.code
        for row in self._mapping.rows:
            yield waiting.data(code, row)


class Packed:
    """A result as a pool's worker sends it: what the parent reads as it comes (path,
    error and warning, what the corpus rules collected, the suppressions) as objects, the rest
    (the findings above all) as one pickle in `_dump`'s form. A finding then waits in the parent
    as a few bytes, not as objects (a fix of a whole document has an edit per character), and a
    result that came before its turn goes to disk as it came."""

    __slots__ = ("path", "error", "warning", "collected", "suppressions", "rest")

    def __init__(self, result: FileResult) -> None:
        self.path, self.error, self.warning = result.path, result.error, result.warning
        self.collected, self.suppressions = result.collected, result.suppressions
        self.rest = pickle.dumps(_dumped(result), protocol=pickle.HIGHEST_PROTOCOL)

    def unpack(self) -> FileResult:
        result = _loaded(pickle.loads(self.rest))
        result.collected, result.suppressions = self.collected, self.suppressions
        return result


def unpacked(result: FileResult | Packed) -> FileResult:
    return result.unpack() if isinstance(result, Packed) else result


class Parked:
    """Results that came before their turn (a pool sends the largest files first; a run reports
    them in the order of their paths), on disk until it comes: in memory only what a corpus
    stream holds by identity (what its rule collected) and the suppressions."""

    def __init__(self) -> None:
        self.file = None
        self.places: dict[int, tuple[int, int, Packed]] = {}  # index -> offset, size of its rest, itself

    def __contains__(self, index: int) -> bool:
        return index in self.places

    def put(self, index: int, packed: Packed, streamed: Collection[str] = ()) -> None:
        if self.file is None:
            self.file = tempfile.TemporaryFile()
        offset = self.file.seek(0, 2)
        held = {code: value for code, value in packed.collected.items() if code in streamed}
        others = {code: value for code, value in packed.collected.items() if code not in streamed}
        self.file.write(packed.rest)
        pickle.dump(others, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.places[index] = (offset, len(packed.rest), packed)
        packed.rest, packed.collected = b"", held

    def take(self, index: int) -> Packed:
        offset, size, packed = self.places.pop(index)
        self.file.seek(offset)
        packed.rest = self.file.read(size)
        packed.collected = {**pickle.load(self.file), **packed.collected}
        return packed

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def _dump(result: FileResult, file) -> None:
    pickle.dump(_dumped(result), file, protocol=pickle.HIGHEST_PROTOCOL)


def _load(file) -> FileResult:
    return _loaded(pickle.load(file))


def _dumped(result: FileResult) -> tuple:
    """A result as it waits on disk: its path, the fields reports read, its findings as tuples."""
    return result.path, tuple(getattr(result, name) for name in _KEPT), list(map(_fields, result.findings))


def _loaded(data: tuple) -> FileResult:
    path, kept, findings = data
    result = FileResult(path)
    for name, value in zip(_KEPT, kept):
        setattr(result, name, value)
    result.findings = [Finding(*fields) for fields in findings]
    return result


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
