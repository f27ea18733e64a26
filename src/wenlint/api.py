"""The Python API."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Overrides, Settings
from .findings import Finding

if TYPE_CHECKING:
    import pandas


def _overrides(
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    script: str | None,
    rules: Iterable[str | Path] | None,
) -> Overrides:
    return Overrides(
        select=list(select) if select is not None else None,
        ignore=list(ignore or ()),
        script=script,
        rule_packs=[Path(p) for p in rules or ()],
    )


def lint_text(
    text: str,
    path: str = "<text>",
    format: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    script: str | None = None,
    rules: Iterable[str | Path] | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Lint a string. `format` is "text", "markdown" or "docx"-like text; by default it follows
    the suffix of `path`. Configuration files are not read; pass `settings` for that."""
    from .documents import Document, document_format
    from .engine.runner import FileResult, Linter

    base = settings or Settings()
    linter = Linter(_overrides(select, ignore, script, rules).apply(base))
    doc = Document(text, path=path, format=format or document_format(path))
    result = FileResult(path, findings=linter.run_rules(doc))
    result.collected = linter.collect(doc)
    linter.finish([result])
    return result.findings


def lint_paths(
    paths: Iterable[str | Path],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    script: str | None = None,
    rules: Iterable[str | Path] | None = None,
) -> list[Finding]:
    """Lint files and directories as `wenlint check` does (configuration files are honoured).
    Raises WenlintError for a path or configuration that cannot be used."""
    from .engine.run import run
    from .errors import InputError

    result = run([str(p) for p in paths], _overrides(select, ignore, script, rules))
    if result.errors:
        raise InputError(result.errors[0])
    return result.findings


def findings_frame(findings: Iterable[Finding]) -> pandas.DataFrame:
    """A pandas DataFrame of findings, validated by the findings pandera schema."""
    from .frames import findings_frame as frame

    return frame(findings)
