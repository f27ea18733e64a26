"""`wenlint profile`: one row of measures per document, written and shown, and quality gates."""

from __future__ import annotations

import sys

from ..errors import ConfigError
from .check import overrides_from, run_options
from .progress import progress_for


def run_profile(args) -> int:
    from ..engine.run import Run
    from ..profile.gates import gate_passed, load_gates
    from ..profile.output import FrameWriter, is_directory, output_format, write_frame

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
        show_progress = not args.no_progress and sys.stderr.isatty()
        planned = Run(args.paths or ["."], overrides, options, progress_for(show_progress), by_path=False)
        streamed = args.output and "://" not in args.output
        result, frame, failures, documents = _profile(planned, gates, FrameWriter(args.output, fmt) if streamed else None)
        if args.output and not streamed:
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


BATCH = 10_000  # profile rows made into a frame, checked by the gates and written at a time


def _profile(planned, gates, writer):
    """Stream the run (`Run`): each document's row as it comes, a frame of `BATCH` rows at a time
    checked by the gates (every check is on one row) and written by `writer`, so memory stays
    flat in the number of documents; without a writer the frames are kept for the table.
    Returns (a Tally of the files' warnings and errors, the frame kept, the failures, documents)."""
    import pandas as pd

    from ..profile.gates import evaluate
    from ..profile.schema import empty_frame, profile_frame
    from ..reporting.model import Tally

    tally, rows, frames, failures, documents = Tally(), [], [], [], 0

    def flush() -> None:
        nonlocal documents
        frame = profile_frame(rows)
        rows.clear()
        failures.extend(evaluate(gates, frame))
        documents += len(frame)
        if writer is not None:
            writer.write(frame)
        else:
            frames.append(frame)

    try:
        for result in planned:
            tally.note(result)
            if result.metrics is not None and result.error is None:
                rows.append(result.metrics.row(result.path, result.findings))
                if len(rows) >= BATCH:
                    flush()
        if rows:
            flush()
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    if writer is not None:
        writer.close()
    tally.problems = planned.problems
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True) if frames else empty_frame()
    return tally, frame, failures, documents
