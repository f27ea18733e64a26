"""The Python API."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Overrides, Settings
from .findings import Finding

if TYPE_CHECKING:
    import pandas

    from .engine.runner import FileResult, Linter


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
    the suffix of `path` and, for a .txt path, whether the text is Markdown (`markup`). Configuration files are not read; pass `settings` for that."""
    from .documents import Document, document_format
    from .engine.runner import FileResult, Linter

    base = settings or Settings()
    linter = Linter(_overrides(select, ignore, script, rules).apply(base))
    doc = Document(text, path=path, format=format or document_format(path, text, base.markup))
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


def _frame_documents(df: pandas.DataFrame, text: str, id: str | None) -> Iterator[tuple[str, str]]:
    """(name, text) of each row of a DataFrame: the id column's value, or the row's index."""
    from .errors import InputError

    if text not in df.columns:
        raise InputError(f"no column {text!r} in the frame (columns: {', '.join(map(str, df.columns))})")
    names = df[id] if id is not None and id in df.columns else df.index
    for name, value in zip(names.tolist() if hasattr(names, "tolist") else list(names), df[text].tolist()):
        yield str(name), value if isinstance(value, str) else ""


def _lint_frame_results(df: pandas.DataFrame, text: str, id: str | None, linter: Linter,
                        profile: bool) -> list[FileResult]:
    from .documents import Document
    from .documents.walk import Target
    from .engine.run import RunOptions, lint_target

    options = RunOptions(profile=profile, keep_context=False)
    results = []
    for name, value in _frame_documents(df, text, id):
        doc = Document(value, path=name, format="text", encoding=None)
        results.append(lint_target(Target(name, True), linter, options, load=lambda *_: doc))
    linter.finish(results)  # the corpus phase: copies across the rows (ST012), recurring lines
    return results


def lint_frame(df: pandas.DataFrame, text: str = "text", id: str | None = "id", select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, script: str | None = None,
               rules: Iterable[str | Path] | None = None, settings: Settings | None = None) -> pandas.DataFrame:
    """Lint every row of a pandas DataFrame (the `text` column; each finding's `path` is the row's
    `id` value, or its index when there is no such column). The rows are one corpus: rules that
    compare documents compare them. Returns the findings DataFrame (pandera-validated)."""
    from .engine.runner import Linter

    linter = Linter(_overrides(select, ignore, script, rules).apply(settings or Settings()))
    results = _lint_frame_results(df, text, id, linter, profile=False)
    return findings_frame(sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key))


def profile_frame(df: pandas.DataFrame, text: str = "text", id: str | None = "id", select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None, script: str | None = None,
                  rules: Iterable[str | Path] | None = None,
                  settings: Settings | None = None) -> pandas.DataFrame:
    """The profile rows (one per row of `df`, `path` = its id or index) as `wenlint profile`
    computes them, validated by the profile schema. An empty text has a row of zeros."""
    from .engine.runner import Linter
    from .profile.schema import profile_frame as frame, rows_from

    linter = Linter(_overrides(select, ignore, script, rules).apply(settings or Settings()))
    results = _lint_frame_results(df, text, id, linter, profile=True)
    return frame(rows_from(results))
