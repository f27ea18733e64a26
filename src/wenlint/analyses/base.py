"""Document analyses: named providers with a declared result type, computed once per document.

A provider is a function of the document (and, for a few, of what of the settings it depends
on) whose result several rules share: the layout of lines and paragraphs, the page markers, the
numbered headings, the script counts. Declared with `@analysis`:

    @analysis("number.outline")
    def outline(doc) -> Outline:
        ...

`outline(doc)` computes the result on first use and keeps it on the document
(`Document.analyses`, keyed by the provider itself); every later call returns the same object.
A provider whose result depends on settings declares `key`: a function of the argument it is
called with (a `Settings` or a `RuleContext`) giving a hashable summary of what it depends on;
results are kept per key.

Rules declare what they read (`Rule.reads`, providers included transitively are declared by the
provider: `needs`). `tracking()` records reads that were not declared; the tests run every rule
under it. This is also the seam for a faster implementation: `replace(provider, function)`
swaps how a provider computes its result (a compiled core, say) without touching a rule.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_MISSING = object()


class Analysis(Generic[T]):
    """A named provider; call it with a document to get its (memoised) result."""

    def __init__(self, name: str, compute: Callable[..., T], key: Callable[[Any], Any] | None = None,
                 needs: tuple[Analysis | str, ...] = ()) -> None:
        self.name = name
        self.compute = compute
        self.key = key
        self.needs = tuple(needs)
        self.__doc__ = compute.__doc__
        self.__wrapped__ = compute

    @property
    def result_type(self) -> Any:
        """The declared result type: the provider function's return annotation."""
        return typing.get_type_hints(self.__wrapped__)["return"]

    def __call__(self, doc, arg: Any = None) -> T:
        if _reads is not None:
            _reads.read(self)
        memo = doc.analyses
        if self.key is None:
            value = memo.get(self, _MISSING)
            if value is _MISSING:
                value = memo[self] = self._run(doc, ())
            return value
        slot = self._slot(memo, arg)
        value = memo.get(slot, _MISSING)
        if value is _MISSING:
            value = memo[slot] = self._run(doc, (arg,))
        return value

    def _slot(self, memo: dict, arg: Any) -> tuple:
        # The rules of a family ask with one settings object (or one context each): the key of the
        # argument last seen is kept, so asking again is an identity test, not a new key.
        last = memo.get((self, "arg"))
        if last is not None and last[0] is arg:
            return last[1]
        slot = (self, self.key(arg))
        memo[(self, "arg")] = (arg, slot)
        return slot

    def _run(self, doc, args: tuple) -> T:
        if _reads is None:
            return self.compute(doc, *args)
        with _reads.inside(self):
            return self.compute(doc, *args)

    def peek(self, doc, arg: Any = None) -> T | None:
        """The result if it has been computed for `doc`, else None (nothing is computed)."""
        if self.key is None:
            return doc.analyses.get(self)
        return doc.analyses.get((self, self.key(arg)))

    def __repr__(self) -> str:
        return f"<analysis {self.name}>"


PROVIDERS: dict[str, Analysis] = {}


def analysis(name: str, *, key: Callable[[Any], Any] | None = None,
             needs: tuple[Analysis | str, ...] = ()) -> Callable[[Callable[..., T]], Analysis[T]]:
    """Declare `function(doc[, arg]) -> Result` as the provider `name`. `needs`: the analyses it
    reads itself (providers, or their names where importing them would be circular)."""

    def declare(function: Callable[..., T]) -> Analysis[T]:
        previous = PROVIDERS.get(name)
        if previous is not None and _where(previous.__wrapped__) != _where(function):
            raise ValueError(f"analysis {name!r} is declared twice ({previous.__wrapped__.__module__})")
        # (the same function declared again is a module imported again: it takes the name over)
        provider = Analysis(name, function, key, needs)
        PROVIDERS[name] = provider
        return provider

    return declare


def _where(function: Callable) -> tuple[str, str]:
    return getattr(function, "__module__", ""), getattr(function, "__qualname__", "")


def replace(provider: Analysis, function: Callable[..., Any]) -> Callable[..., Any]:
    """Compute `provider` with `function` from now on (same arguments, same result type); returns
    the function it replaced. Results already kept on documents are not recomputed."""
    previous = provider.compute
    provider.compute = function
    return previous


# ----- declared reads ---------------------------------------------------------------------------

class Undeclared(Exception):
    """A rule or a provider read an analysis it does not declare."""


class _Reads:
    """Who is reading now (a rule, or a provider computing), what it may read, and what it read
    without declaring it."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.undeclared: set[tuple[str, str]] = set()

    def read(self, provider: Analysis) -> None:
        if self.stack:
            reader, allowed = self.stack[-1]
            if provider.name not in allowed:
                self.undeclared.add((reader, provider.name))

    @contextmanager
    def inside(self, reader: Any) -> Iterator[None]:
        if isinstance(reader, Analysis):
            self.stack.append((f"analysis {reader.name}", names(reader.needs)))
        else:
            self.stack.append((f"rule {reader.code}", names(getattr(reader, "reads", ()))))
        try:
            yield
        finally:
            self.stack.pop()


def names(declared) -> frozenset[str]:
    """The names of declared analyses (given as providers or as names)."""
    return frozenset(d if isinstance(d, str) else d.name for d in declared)


_reads: _Reads | None = None


def active_reads() -> _Reads | None:
    """The recorder of `tracking()` while it is on, else None (the engine asks before each rule)."""
    return _reads


@contextmanager
def tracking() -> Iterator[_Reads]:
    """Record, while it lasts, the analyses read by a rule (`reading(rule)`) or a provider that
    did not declare them: `.undeclared` is a set of (reader, analysis name)."""
    global _reads
    previous, _reads = _reads, _Reads()
    try:
        yield _reads
    finally:
        _reads = previous


@contextmanager
def reading(rule: Any) -> Iterator[None]:
    """Attribute the reads inside the block to `rule` (a no-op unless `tracking()` is on)."""
    if _reads is None:
        yield
        return
    with _reads.inside(rule):
        yield
