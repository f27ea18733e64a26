"""`wenlint check`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import Overrides
from ..engine.cache import cache_dir
from ..engine.run import RunOptions, RunResult, run
from ..engine.selection import at_least
from ..errors import ConfigError
from ..findings import check_severity
from ..reports import NEEDS_CONTEXT, ReportOptions, render
from .progress import progress_for


STATISTICS_FORMATS = ("rich", "concise", "json", "jsonl")


def overrides_from(args) -> Overrides:
    severity = {}
    for item in args.severity:
        selector, sep, level = item.partition("=")
        if not sep or not selector.strip():
            raise ConfigError(f"--severity expects SELECTOR=LEVEL (got {item!r})")
        severity[selector.strip()] = check_severity(level.strip(), "--severity")
    return Overrides(
        select=args.select,
        extend_select=args.extend_select,
        ignore=args.ignore,
        severity=severity,
        rule_packs=[Path(p) for p in args.rules],
        exclude=args.exclude,
        extend_exclude=args.extend_exclude,
        script=args.script,
        markup=getattr(args, "markup", None),
        fail_on=getattr(args, "fail_on", None),
        encoding=args.encoding,
        respect_gitignore=False if args.no_respect_gitignore else None,
    )


def run_check(args) -> int:
    if args.diff and args.fix:
        raise ConfigError("--diff shows what --fix would do; use one of them")
    if args.baseline and args.write_baseline:
        raise ConfigError("--baseline and --write-baseline cannot be used together")
    _check_statistics(args.statistics, args.format)
    options = run_options(
        args, fix=args.fix, unsafe_fixes=args.unsafe_fixes, diff=args.diff, keep_source=args.format == "html",
        # The flagged lines are read by the rich report, SARIF fingerprints and the baseline only (the format may
        # also come from a configuration file: then they are kept).
        keep_context=args.format in (None, *NEEDS_CONTEXT) or bool(args.baseline or args.write_baseline),
        cache_dir=cache_dir(args.no_cache, args.cache_dir),
    )
    if args.show_settings or args.show_files:
        from .show import show_files, show_settings

        show = show_settings if args.show_settings else show_files
        return show(args.paths or ["."], overrides_from(args), options)
    if args.engine == "dask" and (args.fix or args.diff):
        raise ConfigError("--fix and --diff work on local files; use them without --engine dask")
    show_progress = not args.no_progress and sys.stderr.isatty()
    result = run_engine(args, overrides_from(args), options, progress_for(show_progress))

    for warning in result.warnings:
        sys.stderr.write(f"wenlint: warning: {warning}\n")
    for message in result.errors:
        sys.stderr.write(f"wenlint: error: {message}\n")
    for file_result in result.results:
        if file_result.fixed_path:
            sys.stderr.write(
                f"wenlint: wrote {file_result.fixed_path} ({file_result.fixed} "
                f"fix{'es' if file_result.fixed != 1 else ''}); the original is unchanged\n"
            )

    if args.write_baseline:
        from ..engine.baseline import write_baseline

        count = write_baseline(Path(args.write_baseline), result.findings, result.line_texts())
        sys.stderr.write(f"wenlint: wrote {count} findings to the baseline {args.write_baseline}\n")
        return 2 if result.errors else 0

    known = 0
    if args.baseline:
        known = _apply_baseline(result, Path(args.baseline))

    if args.diff:
        return _report_diff(result)

    for file_result in result.results:
        if file_result.fixed_bytes is not None:
            sys.stdout.flush()
            sys.stdout.buffer.write(file_result.fixed_bytes)
            sys.stdout.flush()
        elif file_result.fixed_text is not None:
            sys.stdout.write(file_result.fixed_text)

    report_format = args.format or _config_format(result) or _default_format(args)
    _check_statistics(args.statistics, report_format)
    report = ReportOptions(
        format=report_format,
        statistics=args.statistics,
        color={"always": True, "never": False}.get(args.color),
        known=known,
        fix_mode=options.fix,
    )
    _write_report(result, report, args.output, to_stderr=any(r.fixed_text is not None for r in result.results))

    if result.errors:
        return 2
    fail_on = _fail_on(result)
    failing = [f for f in result.findings if at_least(f.severity, fail_on)]
    return 1 if failing and not args.exit_zero else 0


def _check_statistics(statistics: bool, report_format: str | None) -> None:
    if statistics and report_format is not None and report_format not in STATISTICS_FORMATS:
        raise ConfigError(f"--statistics works with --format {', '.join(STATISTICS_FORMATS)} (not {report_format})")


def run_options(args, **more) -> RunOptions:
    from ..engine.pool import default_jobs

    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    return RunOptions(
        force_exclude=args.force_exclude,
        stdin_filename=args.stdin_filename,
        config_file=Path(args.config) if args.config else None,
        isolated=args.isolated,
        jobs=args.jobs or default_jobs(),
        text_field=getattr(args, "text_field", "text"),
        id_field=getattr(args, "id_field", None),
        **more,
    )


def run_engine(args, overrides: Overrides, options: RunOptions, progress=None) -> RunResult:
    """A whole run on the chosen engine: local (serial or a process pool) or Dask."""
    paths = args.paths or ["."]
    if args.engine == "dask":
        from ..engine.dask_engine import run_dask

        return run_dask(paths, overrides, options, scheduler=args.scheduler)
    return run(paths, overrides, options, progress)


def _apply_baseline(result: RunResult, baseline: Path) -> int:
    from ..engine.baseline import filter_new

    new, known = filter_new(baseline, result.findings, result.line_texts())
    keep = {id(f) for f in new}
    for file_result in result.results:
        file_result.findings = [f for f in file_result.findings if id(f) in keep]
    return known


def _report_diff(result: RunResult) -> int:
    diffs = [r.diff for r in result.results if r.diff]
    for diff in diffs:
        sys.stdout.write(diff)
    fixes = sum(r.fixed for r in result.results)
    sys.stderr.write(f"wenlint: would apply {fixes} fix{'es' if fixes != 1 else ''} in {len(diffs)} file{'s' if len(diffs) != 1 else ''}\n")
    if result.errors:
        return 2
    return 1 if diffs else 0


def _config_format(result: RunResult) -> str | None:
    for linter in result.linters:
        if linter.settings.format:
            return linter.settings.format
    return None


def _default_format(args) -> str:
    return "rich" if not args.output and sys.stdout.isatty() else "concise"


def _fail_on(result: RunResult) -> str:
    levels = [linter.settings.fail_on for linter in result.linters] or ["warning"]
    return min(levels, key=lambda level: {"info": 1, "warning": 2, "error": 3}[level])


def _write_report(result: RunResult, report: ReportOptions, output: str | None, to_stderr: bool) -> None:
    if output:
        # Written as it is rendered (a report of 100 000 findings held whole took hundreds of MB).
        try:
            with open(output, "w", encoding="utf-8") as stream:
                render(result, stream, report)
        except OSError as exc:
            raise ConfigError(f"{output}: cannot write the report ({exc.strerror})") from None
        return
    render(result, sys.stderr if to_stderr else sys.stdout, report)
