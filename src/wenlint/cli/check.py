"""`wenlint check`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import Overrides
from ..engine.cache import cache_dir
from ..engine.run import Run, RunOptions, RunResult, run
from ..errors import ConfigError
from ..findings import check_severity
from ..taxonomy import DEFAULT_FAIL_ON, least_severe
from ..reporting.model import RuleInfo, RunInfo, Tally
from ..reports import NEEDS_CONTEXT, NEEDS_SOURCE, ReportOptions, open_report
from . import settle_gc
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
    planned = stream_engine(args, overrides_from(args), options, progress_for(show_progress))
    settle_gc()  # the registry and the Linters are loaded now
    report_format = args.format or _config_format(planned.linters) or _default_format(args)
    _check_statistics(args.statistics, report_format)
    if report_format in NEEDS_SOURCE:
        options.keep_source = True  # a format named in a configuration file: known once the run is planned
    tally = Tally()
    if args.write_baseline:
        return _write_baseline(planned, tally, Path(args.write_baseline))
    if args.diff:
        return _report_diff(planned, tally)
    report = ReportOptions(
        format=report_format,
        statistics=args.statistics,
        color={"always": True, "never": False}.get(args.color),
        fix_mode=options.fix,
    )
    info = RunInfo(rules={rule.code: RuleInfo.of(rule) for linter in planned.linters for rule in linter.rules},
                   fail_on=_fail_on(planned.linters))
    baseline = None
    if args.baseline:
        from ..engine.baseline import BaselineFilter

        baseline = BaselineFilter(Path(args.baseline))
    with _ReportStream(args.output, report, info) as out:
        for file_result in _each(planned, tally):
            if file_result.fixed_bytes is not None:
                sys.stdout.flush()
                sys.stdout.buffer.write(file_result.fixed_bytes)
                sys.stdout.flush()
            elif file_result.fixed_text is not None:
                sys.stdout.write(file_result.fixed_text)
            if baseline is not None:
                file_result.findings = baseline.new(file_result.findings, file_result.line_text)
                tally.known = baseline.known
            tally.count(file_result)
            out.report(to_stderr=file_result.fixed_text is not None).file(file_result)
        _run_problems(planned, tally)
        out.report(to_stderr=False).close(tally)
    if tally.errors:
        return 2
    failing = tally.failing(info.fail_on)
    return 1 if failing and not args.exit_zero else 0


def _each(planned, tally: Tally):
    """The run's files, each one's warnings and errors noted in `tally` and written to standard
    error as it comes."""
    for file_result in planned:
        warnings, errors = tally.note(file_result)
        for message in warnings:
            sys.stderr.write(f"wenlint: warning: {message}\n")
        for message in errors:
            sys.stderr.write(f"wenlint: error: {message}\n")
        if file_result.fixed_path:
            sys.stderr.write(
                f"wenlint: wrote {file_result.fixed_path} ({file_result.fixed} "
                f"fix{'es' if file_result.fixed != 1 else ''}); the original is unchanged\n"
            )
        yield file_result


def _run_problems(planned, tally: Tally) -> None:
    tally.problems += planned.problems
    for message in planned.problems:
        sys.stderr.write(f"wenlint: error: {message}\n")


class _ReportStream:
    """The report, opened on its stream when the first file comes (standard input fixed with
    --fix goes to standard output, and the report then to standard error)."""

    def __init__(self, output: str | None, options: ReportOptions, info: RunInfo) -> None:
        self.output = output
        self.options = options
        self.info = info
        self.handle = None
        self._report = None

    def __enter__(self) -> _ReportStream:
        return self

    def report(self, to_stderr: bool):
        if self._report is None:
            if self.output:
                # Written as it is rendered (a report of 100 000 findings held whole took hundreds of MB).
                try:
                    self.handle = open(self.output, "w", encoding="utf-8")
                except OSError as exc:
                    raise ConfigError(f"{self.output}: cannot write the report ({exc.strerror})") from None
                stream = self.handle
            else:
                stream = sys.stderr if to_stderr else sys.stdout
            self._report = open_report(stream, self.options, self.info)
        return self._report

    def __exit__(self, *exc) -> None:
        if self.handle is not None:
            self.handle.close()


def _write_baseline(planned, tally: Tally, path: Path) -> int:
    from ..engine.baseline import BaselineWriter

    writer = BaselineWriter(path)
    for file_result in _each(planned, tally):
        tally.count(file_result)
        writer.add(file_result.findings, file_result.line_text)
    _run_problems(planned, tally)
    count = writer.write()
    sys.stderr.write(f"wenlint: wrote {count} findings to the baseline {path}\n")
    return 2 if tally.errors else 0


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


def stream_engine(args, overrides: Overrides, options: RunOptions, progress=None):
    """A run on the chosen engine, planned and ready to stream its files (`Run`)."""
    if args.engine == "dask":
        return _Finished(run_engine(args, overrides, options, progress))
    return Run(args.paths or ["."], overrides, options, progress)


class _Finished:
    """A run already over (the Dask engine), streamed as `Run` streams: files by path."""

    def __init__(self, result: RunResult) -> None:
        self.result = result
        self.linters = result.linters
        self.problems = result.problems

    def __iter__(self):
        return iter(sorted(self.result.results, key=lambda r: r.path))


def _report_diff(planned, tally: Tally) -> int:
    fixes = files = 0
    for file_result in _each(planned, tally):
        tally.count(file_result)
        if file_result.diff:
            sys.stdout.write(file_result.diff)
            files += 1
        fixes += file_result.fixed
    _run_problems(planned, tally)
    sys.stderr.write(f"wenlint: would apply {fixes} fix{'es' if fixes != 1 else ''} in {files} file{'s' if files != 1 else ''}\n")
    if tally.errors:
        return 2
    return 1 if files else 0


def _config_format(linters) -> str | None:
    for linter in linters:
        if linter.settings.format:
            return linter.settings.format
    return None


def _default_format(args) -> str:
    return "rich" if not args.output and sys.stdout.isatty() else "concise"


def _fail_on(linters) -> str:
    return least_severe([linter.settings.fail_on for linter in linters] or [DEFAULT_FAIL_ON])
