"""Regular expressions compiled on first use.

The rule modules define their patterns at module level, where a reader expects them; compiling
them all when the modules are imported made every start pay for every pattern (Chinese character
classes are slow to compile), also a run that needs none of them (the cache of unchanged files
answered) or few. `compile` returns a stand-in that compiles the pattern the first time it is
used; from then on the compiled pattern's methods are attributes of the stand-in, as fast to call
as the pattern's own.

    _GAP = lazyre.compile(r"(?<=[\\u4e00-\\u9fff]) (?=[\\u4e00-\\u9fff])")
    _GAP.finditer(text)                      # compiled here, once

A stand-in is not an `re.Pattern`: pass `.compiled` where one is required (`re.sub(p.compiled, ...)`).
"""

from __future__ import annotations

import importlib
from typing import Any

# What a compiled pattern offers, copied onto the stand-in when it compiles.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """`module.compile(pattern, flags)`, compiled when an attribute is first asked for."""

    def __init__(self, pattern: str | bytes, flags: int = 0, module: str = "re") -> None:
        self._source = (pattern, int(flags), module)

    @property
    def compiled(self) -> Any:
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            source, flags, module = self._source
            pattern = importlib.import_module(module).compile(source, flags)
            for name in _ATTRIBUTES:
                if hasattr(pattern, name):
                    self.__dict__[name] = getattr(pattern, name)
            self.__dict__["_compiled"] = pattern
        return pattern

    def __getattr__(self, name: str) -> Any:  # only for names not yet copied: the first use
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self._source[0]!r})"


def compile(pattern: str | bytes, flags: int = 0) -> LazyPattern:  # noqa: A001 (re.compile's name)
    """`re.compile(pattern, flags)`, compiled on first use."""
    return LazyPattern(pattern, flags, "re")


def compile_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """`regex.compile(pattern, flags)` (the `regex` module), compiled on first use."""
    return LazyPattern(pattern, flags, "regex")
