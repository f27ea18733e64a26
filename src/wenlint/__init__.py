"""wenlint: a linter for Chinese prose documents.

    >>> import wenlint
    >>> [f.code for f in wenlint.lint_text("XX年工作总结")]
    ['PH001']

`lint_text` and `lint_paths` return `Finding` records; `findings_frame` turns them into a pandas
DataFrame validated by a pandera schema. `lint_frame` and `profile_frame` lint the text column of a
DataFrame (a corpus held as a table) and return the findings or the profile rows.
"""

from __future__ import annotations

from .version import __version__

from .api import findings_frame, lint_frame, lint_paths, lint_text, profile_frame  # noqa: E402
from .findings import Finding  # noqa: E402

__all__ = ["Finding", "__version__", "findings_frame", "lint_frame", "lint_paths", "lint_text", "profile_frame"]
