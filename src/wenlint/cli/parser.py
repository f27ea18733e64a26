"""The command line: `wenlint check`, `wenlint profile`, `wenlint rules`, `wenlint explain`."""

from __future__ import annotations

import argparse
import sys

from ..config import FORMATS, SCRIPTS
from ..taxonomy import SEVERITIES
from .filter import add_filter_parser, add_record_options


class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line on stderr and exit status 2, per the contract."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"wenlint: error: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


def _csv(value: str) -> list[str]:
    return [part for part in (p.strip() for p in value.replace("，", ",").split(",")) if part]


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="wenlint",
        description="A linter for Chinese prose documents: unfilled placeholders, masked words, "
        "contradictory numbers, website chrome, mixed scripts and broken structure.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)

    check = commands.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", metavar="PATH", help='files or directories ("-" reads standard input); default: .')
    out = check.add_argument_group("output")
    out.add_argument("-f", "--format", choices=FORMATS, help="report format (default: rich on a terminal, else concise)")
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    out.add_argument("--statistics", action="store_true", help="show counts per rule instead of findings")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    out.add_argument("--show-settings", action="store_true", help="print the settings each PATH resolves to; lint nothing")
    out.add_argument("--show-files", action="store_true", help="list the files a run would lint (and their configuration); lint nothing")
    _add_selection(check)
    _add_configuration(check)
    _add_scale(check)
    cache = check.add_argument_group("cache of unchanged files")
    cache.add_argument("--no-cache", action="store_true", help="lint every file again (also: WENLINT_NO_CACHE=1)")
    cache.add_argument("--cache-dir", metavar="DIR", help="where the cache lives (default: WENLINT_CACHE_DIR, else the user cache directory)")
    add_record_options(check)
    res = check.add_argument_group("result")
    res.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default: warning)")
    res.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    res.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    res.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    fix = check.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that need judgement")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")

    profile = commands.add_parser(
        "profile", help="measure every document (one row each) and check quality gates",
        description="One row of measures per document (size, script, findings per category and "
        "severity, chrome share, placeholders, duplicate lines, content hash), shown as a table or "
        "written as Parquet, CSV or JSON; --gate checks thresholds on them (exit 1 on failure).",
    )
    profile.add_argument("paths", nargs="*", metavar="PATH", help="files, directories or (with --engine dask) globs and URLs; default: .")
    pout = profile.add_argument_group("output")
    pout.add_argument("-o", "--output", metavar="FILE", help="write the profile to FILE (.parquet, .csv, .json, .jsonl) or, ending in /, to a directory of Parquet partitions")
    pout.add_argument("--output-format", choices=("parquet", "csv", "json", "jsonl"), help="the format of --output (default: from its suffix)")
    pout.add_argument("-f", "--format", choices=("rich", "json"), default="rich", help="what goes to standard output: a table and the gate report, or one JSON object")
    pout.add_argument("--gate", action="append", default=[], metavar="GATE", help="a gate file (TOML) or a shipped gate's name (ci, corpus); may be repeated")
    pout.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    pout.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    _add_selection(profile)
    _add_configuration(profile)
    _add_scale(profile)
    add_record_options(profile)
    add_filter_parser(commands, _add_selection, _add_configuration)

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("table", "json"), default="table")
    rules.add_argument("--select", type=_csv, action="extend", metavar="SELECTORS", help="only these rules")
    rules.add_argument("--rules", action="append", default=[], metavar="PACK", help="also list this rule pack")
    _add_pack_configuration(rules)

    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="CODE", help="a rule code or name, e.g. PH001")
    explain.add_argument("--rules", action="append", default=[], metavar="PACK", help="also look in this rule pack")
    _add_pack_configuration(explain)
    server = commands.add_parser("server", help="run the language server (LSP) on standard input and output")
    server.add_argument("--stdio", action="store_true", help="accepted for editors that pass it (stdio is the only transport)")
    return parser


def _add_selection(command: argparse.ArgumentParser) -> None:
    sel = command.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, action="extend", metavar="SELECTORS", help="run only these rules (codes, prefixes, categories, names)")
    sel.add_argument("--extend-select", type=_csv, action="extend", default=[], metavar="SELECTORS")
    sel.add_argument("--ignore", type=_csv, action="extend", default=[], metavar="SELECTORS")
    sel.add_argument("--severity", action="append", default=[], metavar="SELECTOR=LEVEL", help="override a severity, e.g. CH=info")
    sel.add_argument("--rules", action="append", default=[], metavar="PACK", help="an extra TOML rule pack")
    sel.add_argument("--script", choices=SCRIPTS, help="the script the documents should be in")
    sel.add_argument("--markup", choices=("auto", "text", "markdown"),
                     help="read files as Markdown or plain text (auto: by suffix and content)")


def _add_pack_configuration(command: argparse.ArgumentParser) -> None:
    """`rules` and `explain` include the packs the configuration names (that of the current directory)."""
    command.add_argument("--config", metavar="FILE", help="take the rule packs of this configuration file")
    command.add_argument("--isolated", action="store_true", help="ignore configuration files")


def _add_configuration(command: argparse.ArgumentParser) -> None:
    cfg = command.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="FILE", help="use this configuration file for every path")
    cfg.add_argument("--isolated", action="store_true", help="ignore configuration files")
    cfg.add_argument("--exclude", type=_csv, action="extend", metavar="PATTERNS", help="replace the excluded patterns")
    cfg.add_argument("--extend-exclude", type=_csv, action="extend", default=[], metavar="PATTERNS")
    cfg.add_argument("--force-exclude", action="store_true", help="apply excludes to files named on the command line too")
    cfg.add_argument("--no-respect-gitignore", action="store_true", help="lint files that .gitignore ignores")
    cfg.add_argument("--encoding", metavar="CODEC", help="decode files with CODEC instead of detecting")
    cfg.add_argument("--stdin-filename", metavar="NAME", help="the name standard input is reported (and configured) as")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes (got {value!r})") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 process (got {jobs})")
    return jobs


def _add_scale(command: argparse.ArgumentParser) -> None:
    scale = command.add_argument_group("many files")
    scale.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="processes to lint with (default: all cores; 1: serial)")
    scale.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes, or a Dask cluster (pip install 'wenlint[dask]')")
    scale.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler to use (default: a local cluster of --jobs workers)")
