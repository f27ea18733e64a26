"""Results set aside on disk while the corpus phase waits for every file.

Rules that compare documents (ST012, CH030) add findings to a file only when all files are
linted, and WL001 may then withdraw one; so a file's findings are final only at the end. Rather
than hold every finding of the run in memory until then, each result goes to a temporary file as
it comes (its findings as tuples, as the cache stores them) and only a stub stays: the path, what
the corpus rules collected, the suppression comments, and the findings the corpus phase adds.
Replaying the file afterwards gives each result whole, in the order it was put.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from .runner import FileResult

# Every field of a finding but the fix as applied (the fixes are done by now).
_FINDING_FIELDS = tuple(name for name in Finding.__dataclass_fields__ if name != "raw_fix")
_KEPT = ("error", "warning", "problems", "fixed", "diff", "fixed_text", "fixed_bytes", "context", "fixed_path",
         "source", "metrics")


class Stub:
    """What the corpus phase reads of a result (see `Linter.finish`), and what it adds."""

    __slots__ = ("path", "collected", "suppressions", "error", "warning", "findings")

    def __init__(self, result: FileResult) -> None:
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

    def put(self, result: FileResult) -> Stub:
        data: tuple[Any, ...] = (
            result.path,
            tuple(getattr(result, name) for name in _KEPT),
            [tuple(getattr(f, name) for name in _FINDING_FIELDS) for f in result.findings],
        )
        pickle.dump(data, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1
        return Stub(result)

    def replay(self) -> Iterator[FileResult]:
        """The results put, in order, without what only the corpus phase needed."""
        self.file.flush()
        self.file.seek(0)
        for _ in range(self.count):
            path, kept, findings = pickle.load(self.file)
            result = FileResult(path)
            for name, value in zip(_KEPT, kept):
                setattr(result, name, value)
            result.findings = [Finding(*fields) for fields in findings]
            yield result
        self.file.close()
