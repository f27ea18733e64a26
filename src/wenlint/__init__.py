"""wenlint: a linter for Chinese prose documents.

    >>> import wenlint
    >>> [f.code for f in wenlint.lint_text("XX年工作总结")]
    ['PH001']

`lint_text` and `lint_paths` return `Finding` records; `findings_frame` turns them into a pandas
DataFrame validated by a pandera schema. `lint_frame` and `profile_frame` lint the text column of a
DataFrame (a corpus held as a table) and return the findings or the profile rows.

The API is imported on first use (PEP 562): the command line imports `wenlint.cli`, which imports
this package first, and its start-up does not pay for the API's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .api import findings_frame, lint_frame, lint_paths, lint_text, profile_frame
    from .findings import Finding

__all__ = ["Finding", "__version__", "findings_frame", "lint_frame", "lint_paths", "lint_text", "profile_frame"]

_FROM = {"Finding": "findings", "findings_frame": "api", "lint_frame": "api", "lint_paths": "api",
         "lint_text": "api", "profile_frame": "api"}


def __getattr__(name: str) -> Any:
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
