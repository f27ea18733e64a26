"""`wenlint profile`: one row of measures per document, written and shown, and quality gates."""

from __future__ import annotations

import sys

from ..errors import ConfigError
from .check import overrides_from, run_engine, run_options
from .progress import progress_for


def run_profile(args) -> int:
    from ..profile.gates import evaluate, gate_passed, load_gates
    from ..profile.output import is_directory, output_format, write_frame

    gates = load_gates(args.gate)  # a broken gate stops the run before any work (exit 2)
    fmt = output_format(args.output, args.output_format) if args.output else None
    if "-" in args.paths and args.engine == "dask":
        raise ConfigError("--engine dask cannot read standard input; name files, globs or URLs")
    options = run_options(args, profile=True)
    overrides = overrides_from(args)
    color = {"always": True, "never": False}.get(args.color)

    if args.engine == "dask":
        from ..engine.dask_engine import profile_dask

        output_dir = args.output if args.output and is_directory(args.output) else None
        outcome = profile_dask(args.paths or ["."], overrides, options, args.scheduler, gates, output_dir)
        result, frame, failures, documents = outcome.result, outcome.frame, outcome.failures, outcome.documents
        if args.output and output_dir is None:
            write_frame(frame, args.output, fmt)
    else:
        from ..profile.schema import profile_frame, rows_from

        show_progress = not args.no_progress and sys.stderr.isatty()
        result = run_engine(args, overrides, options, progress_for(show_progress))
        frame = profile_frame(rows_from(result.results))
        documents = len(frame)
        failures = evaluate(gates, frame)
        if args.output:
            write_frame(frame, args.output, fmt)

    for warning in result.warnings:
        sys.stderr.write(f"wenlint: warning: {warning}\n")
    for message in result.errors:
        sys.stderr.write(f"wenlint: error: {message}\n")
    if args.output:
        sys.stderr.write(f"wenlint: wrote the profile of {documents} document{'s' if documents != 1 else ''} to {args.output}\n")

    if args.format == "json":
        from ..profile.report import json_report

        json_report(frame, gates, failures, documents, include_rows=not args.output, stream=sys.stdout)
    else:
        from ..profile.report import render_gates, render_table

        if not args.output:
            render_table(frame, sys.stdout, color)
        if gates:
            render_gates(gates, failures, documents, sys.stdout, color)
    if result.errors:
        return 2
    return 0 if gate_passed(failures) else 1
