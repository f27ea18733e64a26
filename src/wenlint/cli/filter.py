"""`wenlint filter`: records in, kept and dropped records out (a cleaning step of a data pipeline).

    wenlint filter shards/*.jsonl --kept clean.parquet --dropped rejected.jsonl --gate corpus --fix

Every record of every shard is judged (`wenlint.profile.verdict`): with `--fix` its text is
cleaned with the safe fixes first; it is dropped when it has findings at or above `--drop-on`
(default: the fail level, warning) or fails an error check of a gate. Dropped records carry the
reasons in a field (`--reasons-field`, default `wenlint_reasons`): finding codes and `gate:check`.
Every other field is written as it was read. Exit status 0, or 2 when a shard or record could
not be read (one line each on stderr; the other records are still filtered).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import ConfigError
from ..taxonomy import SEVERITIES

REASONS_FIELD = "wenlint_reasons"


def add_record_options(command: argparse.ArgumentParser) -> None:
    group = command.add_argument_group("records (.jsonl, .json, .csv, .parquet shards)")
    group.add_argument("--text-field", default="text", metavar="NAME", help="the field that holds each record's text (default: text)")
    group.add_argument("--id-field", metavar="NAME", help="the field that names each record in findings (default: its line or row number)")


def add_filter_parser(commands, add_selection, add_configuration) -> None:
    command = commands.add_parser(
        "filter", help="write the records that pass and those that fail (with the reasons)",
        description="Read record shards (.jsonl, .json, .csv, .parquet; globs) and write the records "
        "that pass to --kept and those that fail, with a field of reasons, to --dropped. Every "
        "other field is kept. --fix cleans the text with the safe fixes first.",
    )
    command.add_argument("paths", nargs="+", metavar="SHARD", help="record shards or globs of them")
    command.add_argument("--kept", metavar="FILE", help="where the records that pass go (.jsonl, .json, .csv, .parquet)")
    command.add_argument("--dropped", metavar="FILE", help="where the records that fail go, with their reasons")
    command.add_argument("--reasons-field", default=REASONS_FIELD, metavar="NAME", help=f"the field of the reasons (default: {REASONS_FIELD})")
    command.add_argument("--drop-on", choices=SEVERITIES, help="drop a record with findings at or above this severity (default: the fail level)")
    command.add_argument("--gate", action="append", default=[], metavar="GATE", help="also drop records that fail a gate (a TOML file or a shipped gate's name)")
    command.add_argument("--fix", action="store_true", help="write the text with the safe fixes applied (chrome removed, script normalised)")
    command.add_argument("-j", "--jobs", type=int, metavar="N", help="processes to judge with (default: all cores; 1: serial)")
    add_record_options(command)
    add_selection(command)
    add_configuration(command)


def run_filter(args) -> int:
    from ..config import Settings, load_config_file, settings_for
    from ..documents.record_writer import RecordWriter
    from ..documents.records import Fields
    from ..profile.gates import load_gates
    from .check import overrides_from

    if not args.kept and not args.dropped:
        raise ConfigError("filter needs --kept FILE, --dropped FILE or both")
    load_gates(args.gate)  # a broken gate stops the run before any work (exit 2)
    shards = _expand(args.paths)
    if args.config:
        base = load_config_file(args.config)
    elif args.isolated:
        base = Settings()
    else:
        from pathlib import Path

        base = settings_for(Path(shards[0] if shards and "://" not in shards[0] else "."))
    settings = overrides_from(args).apply(base)
    from ..engine.pool import default_jobs

    jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
    judged = _judged_in_pool if jobs > 1 else _judged_here
    fields = Fields(args.text_field, args.id_field)
    writers = {key: RecordWriter(path) for key, path in (("kept", args.kept), ("dropped", args.dropped)) if path}
    errors: list[str] = []
    counts = {"kept": 0, "dropped": 0}
    try:
        batches = _good_batches(shards, fields, errors)
        for good, verdicts in judged(batches, (settings, args.gate, args.drop_on, args.fix), jobs):
            out = {"kept": [], "dropped": []}
            for record, verdict in zip(good, verdicts):
                row = dict(record.fields)
                if args.fix and verdict.text != record.text:
                    row[args.text_field] = verdict.text
                if verdict.keep:
                    out["kept"].append(row)
                else:
                    row[args.reasons_field] = verdict.reasons
                    out["dropped"].append(row)
            for key, rows in out.items():
                counts[key] += len(rows)
                if key in writers:
                    writers[key].write(rows)
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    for writer in writers.values():
        writer.close()
    for message in errors:
        sys.stderr.write(f"wenlint: error: {message}\n")
    sys.stderr.write(f"wenlint: kept {counts['kept']} and dropped {counts['dropped']} records"
                     f"{' of ' + str(len(shards)) + ' shards' if len(shards) != 1 else ''}\n")
    return 2 if errors else 0


def _good_batches(shards, fields, errors: list[str]):
    """(shard, records that can be judged) per batch; the others' problems go to `errors`."""
    from ..documents.records import iter_batches, record_path
    from ..errors import InputError

    for shard in shards:
        try:
            for records in iter_batches(shard, fields):
                good = []
                for record in records:
                    if record.error is not None:
                        errors.append(f"{record_path(shard, record.key)}: {record.error}")
                    else:
                        good.append(record)
                yield shard, good
        except InputError as exc:
            errors.append(str(exc))


def _texts(shard, records):
    from ..documents.records import record_path

    return [(record_path(shard, r.key), r.text) for r in records]


def _make_judge(settings, gate_specs, drop_on, fix):
    from ..profile.gates import load_gates
    from ..profile.verdict import Judge

    return Judge(settings, None, load_gates(gate_specs), drop_on, fix)


def _judged_here(batches, how, jobs):
    judge = _make_judge(*how)
    for shard, good in batches:
        yield good, judge.judge(_texts(shard, good))


_worker_judge = None


def _init_worker(how) -> None:
    global _worker_judge
    _worker_judge = _make_judge(*how)


def _judge_in_worker(texts):
    verdicts = _worker_judge.judge(texts)
    for verdict in verdicts:
        verdict.findings = []  # not needed by the parent: not pickled back
    return verdicts


def _judged_in_pool(batches, how, jobs):
    """The verdicts of each batch in order, judged by `jobs` processes, at most two batches per
    process in flight (memory stays flat)."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    from ..engine.pool import _context

    pending: deque = deque()
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_init_worker, initargs=(how,)) as executor:
        for shard, good in batches:
            pending.append((good, executor.submit(_judge_in_worker, _texts(shard, good))))
            if len(pending) >= 2 * jobs:
                good, future = pending.popleft()
                yield good, future.result()
        while pending:
            good, future = pending.popleft()
            yield good, future.result()


def _expand(paths: list[str]) -> list[str]:
    import glob
    import os

    from ..documents.records import record_format

    shards: list[str] = []
    for given in paths:
        if "://" not in given and not os.path.exists(given) and glob.has_magic(given):
            matches = sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            if not matches:
                raise ConfigError(f"{given}: no files match")
            shards += matches
        else:
            shards.append(given)
    for shard in shards:
        if record_format(shard) is None:
            raise ConfigError(f"{shard}: not a record shard (.jsonl, .json, .csv or .parquet)")
    return shards
