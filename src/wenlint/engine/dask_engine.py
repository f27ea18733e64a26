"""`--engine dask`: the same linting on a Dask cluster, for corpora that outgrow one machine.

    wenlint check corpus/ --engine dask                       # a local cluster of --jobs workers
    wenlint profile 's3://bucket/crawl/**/*.txt' --engine dask --scheduler tcp://host:8786 \
        --output s3://bucket/profile/

The paths are planned on the client exactly as the local engine plans them (directories walked
with the same include/exclude/.gitignore rules, one configuration per path); globs and fsspec URLs
are expanded with fsspec. The files are split into partitions; each partition is a task that reads
its files through fsspec (so workers read remote storage themselves) and lints them with a Linter
the worker builds once per configuration. What corpus rules collected comes back to the client,
which runs the corpus phase as the local engine does; the results are identical. The client takes
each partition as it is done and feeds the corpus rules' streams while the other partitions are
still linted. ST012's documents stay on the workers: its band keys are banded there by a shuffle
and a reduce (dask_bands.py), the candidate pairs verified where the partitions are, and the
client receives each document's size and locator, then the verified pairs.

For a profile, the rows stay on the workers: the client sends each partition the findings the
corpus phase added to its documents, the workers build and validate their part of the table,
evaluate the gates on it and (for `--output DIR/`) write it as one Parquet file per partition.

Dask, distributed and fsspec are an optional extra: `pip install 'wenlint[dask]'`.
"""

from __future__ import annotations

import glob as globlib
import hashlib
import logging
import math
import os
import pickle
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from ..config import Overrides, Settings
from ..documents import Document, load_bytes
from ..documents.walk import Target
from ..errors import ConfigError, InputError
from .run import RunOptions, RunResult, _Linters, finish, lint_target, plan
from .runner import FileResult, Linter

INSTALL_HINT = "--engine dask needs the dask extra: pip install 'wenlint[dask]'"
PARTITIONS_PER_WORKER = 4
MAX_PARTITION_FILES = 256


def require_dask() -> None:
    from ..extras import available

    if not available("distributed", "fsspec"):
        raise ConfigError(INSTALL_HINT)


# ----- on the workers -------------------------------------------------------------------------

_lock = threading.Lock()
_linters: dict[str, Linter] = {}


def _linter(key: str, settings: Settings) -> Linter:
    with _lock:
        linter = _linters.get(key)
        if linter is None:
            linter = _linters[key] = Linter(settings)
        return linter


def load_fsspec(target: Target, settings: Settings, options: RunOptions, url: str | None = None) -> Document:
    """Read a file through fsspec with the local loader's messages. `url` is where the file is
    (a URL, or a local path made absolute on the client); `target.path` is what users see."""
    import fsspec.core

    name = target.path
    url = url or (name if "://" in name else os.path.abspath(name))
    try:
        fs, path = fsspec.core.url_to_fs(url)
        size = fs.size(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{name}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if size is not None and size > settings.max_file_size:
        raise InputError(
            f"{name}: {size / 1048576:.1f} MB is over the {settings.max_file_size / 1048576:.0f} MB limit "
            "(raise max-file-size in the configuration)"
        )
    try:
        data = fs.cat_file(path)
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return load_bytes(data, name, settings.encoding, settings.markup)


def lint_partition(items: list[tuple[Target, str, str]], settings: dict[str, Settings], options: RunOptions) -> list[FileResult]:
    """Lint a partition: (target, settings key, location) triples. A record shard is read here
    (its own partition) and gives a result per record worth keeping. Corpus rules summarise
    what they collected here, on the worker (ST012's MinHash signatures)."""
    from .corpus import summarise
    from .records import is_shard, lint_shard

    results: list[FileResult] = []
    for target, key, location in items:
        linter = _linter(key, settings[key])
        if is_shard(target):
            part = lint_shard(target, linter, options, location)
        else:
            part = [lint_target(target, linter, options, load=partial(load_fsspec, url=location))]
        for result in part:
            summarise(linter, result.collected, options.documents)
        results += part
    return results


def corpus_view(results: list[FileResult]) -> list[FileResult]:
    """What the client needs of a partition for the corpus phase and the error report."""
    return [
        FileResult(r.path, collected=r.collected, suppressions=r.suppressions, error=r.error,
                   warning=r.warning, problems=r.problems)
        for r in results
    ]


def client_view(results: list[FileResult], number: int, whole: bool) -> list[FileResult]:
    """The partition as the client takes it while the corpus streams verify on the workers:
    the results (`whole`) or their corpus view, with what corpus rules collected shelved (ST012:
    band keys and a locator, partition number, record, rule: the unit hashes stay here)."""
    view = results if whole else corpus_view(results)
    from .corpus import shelve

    view = [replace(r, collected=dict(r.collected)) for r in view]  # (the partition's own stay whole)
    for index, result in enumerate(view):
        shelve(result.collected, lambda code, _, index=index: (number, index, code))
    return view


def shelve_partition(results: list[FileResult], number: int, owners: list[str], whole: bool, buckets: int):
    """`client_view`, with the band keys of what was shelved taken out and split into buckets
    (`dask_bands.take_keys`): (the view for the client, the entries that stay on the workers)."""
    from .dask_bands import take_keys

    view = client_view(results, number, whole)
    return view, take_keys(view, number, owners, buckets)


def partition_view(shelved):
    return shelved[0]


def partition_entries(shelved):
    return shelved[1]


def verify_on_parts(fn, pairs, args, numbers: list[int], *parts):
    """A corpus stream's task on the worker that holds (or is sent) the partitions it names."""
    held = dict(zip(numbers, parts))
    return fn(pairs, lambda where: held[where[0]][where[1]].collected[where[2]], *args)


class _Tasks:
    def __init__(self, futures) -> None:
        self.futures = futures

    def done(self) -> bool:
        return all(f.done() for f in self.futures)

    def result(self) -> list:
        return [row for f in self.futures for row in f.result()]


class DaskRunner:
    """The cluster as a corpus stream sees it (see engine/corpus.py): a task per pair of
    partitions, run on the workers with the partitions' results. A stream bound to its linter
    (`owner`, the settings key) and rule (`code`) can also have its shelved documents' band keys
    banded by tasks on the workers (`band`, see dask_bands.py)."""

    def __init__(self, client, partitions, owner: str | None = None, code: str | None = None,
                 shared: dict | None = None) -> None:
        self.client, self.partitions = client, partitions
        self.owner, self.code = owner, code
        # (shared by the bound copies) the bandings asked for, started once the partitions are shelved
        self.shared = shared if shared is not None else {"bandings": [], "shelved": False}

    def bind(self, owner: str | None = None, code: str | None = None) -> "DaskRunner":
        return DaskRunner(self.client, self.partitions, owner or self.owner, code or self.code, self.shared)

    def shelve(self, batches, whole: bool) -> list:
        """Map `shelve_partition` over the partitions: the futures of the client's views. The
        band keys' entries stay on the workers, where the bandings asked for start on them (the
        client keeps no reference to them: the workers drop them once they are bucketed)."""
        from .dask_bands import bucket_count

        owners = [[key for _, key, _ in batch] for batch in batches]  # (a shard's one for all its records)
        shelved = self.client.map(shelve_partition, self.partitions, range(len(self.partitions)), owners,
                                  whole=whole, buckets=bucket_count(len(self.partitions)), pure=False)
        entries = [self.client.submit(partition_entries, s, pure=False) for s in shelved]
        for banding in self.shared["bandings"]:
            banding.start(entries)
        self.shared["shelved"] = True
        return [self.client.submit(partition_view, s, pure=False) for s in shelved]

    def band(self, fn, *args, bound: int | None = None):
        """The banding of the stream's keys on the workers, its pairs verified there with
        `fn(pairs, load, *args)` (dask_bands.Banding: a task whose verified pairs name their
        documents by locator; with a `bound`, it also says whether a key is shared by more
        documents, and can band under the bound instead). Asked for before the partitions are shelved."""
        from .dask_bands import Banding

        if self.shared["shelved"]:
            raise RuntimeError("a banding asked for after the partitions were shelved")
        banding = Banding(self.client, self.partitions, self.owner, self.code, fn, args, bound)
        self.shared["bandings"].append(banding)
        return banding

    def submit(self, fn, pairs, *args) -> _Tasks:
        groups: dict[tuple, list] = {}
        for pair in pairs:
            numbers = tuple(sorted({w[0] for w in pair[2:4] if isinstance(w, tuple)}))
            groups.setdefault(numbers, []).append(pair)
        return _Tasks([
            self.client.submit(verify_on_parts, fn, group, args, list(numbers),
                               *[self.partitions[n] for n in numbers], pure=False)
            for numbers, group in groups.items()
        ])


def profile_partition(results: list[FileResult], added: dict[str, list]):
    """This partition's profile rows (with the corpus phase's findings `added`), validated."""
    from ..profile.schema import profile_frame

    return profile_frame(
        r.metrics.row(r.path, added.get(r.path, ())) for r in results if r.metrics is not None and r.error is None
    )


def gate_partition(frame, gates) -> list:
    from ..profile.gates import evaluate

    return evaluate(gates, frame)


def write_partition(frame, output: str, number: int) -> int:
    frame.to_parquet(f"{output.rstrip('/')}/part.{number:05d}.parquet", index=False, engine="pyarrow")
    return len(frame)


# ----- on the client --------------------------------------------------------------------------

def _is_url(path: str) -> bool:
    return "://" in path


def _settings_key(settings: Settings) -> str:
    return hashlib.blake2b(pickle.dumps(settings), digest_size=16).hexdigest()


def plan_dask(paths: list[str], linters: _Linters, options: RunOptions, run_result: RunResult) -> list[tuple[Target, Linter]]:
    """Like the local plan, plus globs (`corpus/**/*.txt`) and fsspec URLs."""
    work: list[tuple[Target, Linter]] = []
    for given in paths or ["."]:
        if given == "-":
            raise ConfigError("--engine dask cannot read standard input; name files, globs or URLs")
        if _is_url(given):
            work += _plan_url(given, linters, run_result)
        elif globlib.has_magic(given) and not Path(given).exists():
            matches = sorted(p for p in globlib.glob(given, recursive=True) if os.path.isfile(p))
            if not matches:
                run_result.results.append(FileResult(given, error=f"{given}: no files match"))
            work += [(Target(os.path.normpath(m), False), linters.for_path(m)) for m in matches]
        else:
            work += plan([given], linters, options, run_result)
    return work


def _plan_url(url: str, linters: _Linters, run_result: RunResult) -> list[tuple[Target, Linter]]:
    import fsspec.core
    from ..documents.walk import path_spec

    linter = linters.for_path(".")  # remote files take the configuration of where wenlint runs
    try:
        fs, path = fsspec.core.url_to_fs(url)
        if globlib.has_magic(path):
            found, explicit = sorted(fs.glob(path)), False
            found = [p for p in found if fs.isfile(p)]
        elif fs.isdir(path):
            include = path_spec(linter.settings.include)
            exclude = path_spec(linter.settings.exclude)
            root = path.rstrip("/")
            found, explicit = [], False
            for p in sorted(fs.find(path)):
                rel = p[len(root):].lstrip("/")
                if include.match_file(p.rsplit("/", 1)[-1]) and not exclude.match_file(rel):
                    found.append(p)
        elif fs.exists(path):
            found, explicit = [path], True
        else:
            run_result.results.append(FileResult(url, error=f"{url}: no such file or directory"))
            return []
    except (OSError, ValueError, ImportError) as exc:
        run_result.results.append(FileResult(url, error=f"{url}: cannot list ({exc})"))
        return []
    if not found and not explicit:
        run_result.results.append(FileResult(url, error=f"{url}: no files match"))
    if explicit:
        return [(Target(url, True), linter)]
    return [(Target(fs.unstrip_protocol(p), False), linter) for p in found]


@contextmanager
def dask_client(scheduler: str | None, workers: int):
    require_dask()
    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@dataclass
class _Plan:
    linters: _Linters
    run_result: RunResult
    work: list[tuple[Target, Linter]]
    batches: list[list[tuple[Target, str, str]]] = field(default_factory=list)
    settings: dict[str, Settings] = field(default_factory=dict)
    documents: int = 0  # what the run plans (records count as a large run)
    owners: dict[str, Linter] = field(default_factory=dict)  # settings key -> its Linter

    def owned(self, parts: list[list[FileResult]]) -> list[tuple[FileResult, Linter]]:
        """(result, linter) of the results of every partition: a shard's partition gives its
        records, any other one result per file."""
        return [pair for batch, results in zip(self.batches, parts) for pair in self.owned_by(batch, results)]

    def owned_by(self, batch, results: list[FileResult]) -> list[tuple[FileResult, Linter]]:
        from .records import is_shard

        if len(batch) == 1 and is_shard(batch[0][0]):
            return [(r, self.owners[batch[0][1]]) for r in results]
        return [(r, self.owners[key]) for r, (_, key, _) in zip(results, batch)]

    def gather(self, futures, whole: bool = True) -> list[list[FileResult]]:
        """The partitions' results in order (`whole`, or their corpus view), taken as each is
        done: the corpus rules' streams (ST012's banding) get them while the other partitions
        are linted, and send the verification of their pairs to the workers that hold the
        partitions (`DaskRunner`)."""
        from distributed import as_completed

        from .corpus import drain, use_workers

        feeding = any([linter.open_streams(self.documents) for linter in self.owners.values()])
        if not futures:
            return []
        client = futures[0].client
        if not feeding:
            views = futures if whole else client.map(corpus_view, futures, pure=False)
            return client.gather(views)
        runner = DaskRunner(client, futures)
        shelving = any([use_workers(linter, runner.bind(owner=key)) for key, linter in self.owners.items()])
        if shelving:
            views = runner.shelve(self.batches, whole)
        else:
            views = futures if whole else client.map(corpus_view, futures, pure=False)
        number = {future.key: n for n, future in enumerate(views)}
        parts: list = [None] * len(futures)
        for future, results in as_completed(views, with_results=True):
            n = number[future.key]
            parts[n] = results
            for result, linter in self.owned_by(self.batches[n], results):
                linter.feed(result)
        for linter in self.owners.values():
            drain(linter)
        return parts


def _prepare(paths, overrides, options, workers: int) -> _Plan:
    linters = _Linters(overrides or Overrides(), options)
    run_result = RunResult()
    work = plan_dask(paths, linters, options, run_result)
    prepared = _Plan(linters, run_result, work)
    keys: dict[int, str] = {}
    items = []
    for target, linter in work:
        if id(linter) not in keys:
            keys[id(linter)] = _settings_key(linter.settings)
            prepared.settings[keys[id(linter)]] = linter.settings
            prepared.owners[keys[id(linter)]] = linter
        location = target.path if _is_url(target.path) else os.path.abspath(target.path)
        items.append((target, keys[id(linter)], location))
    from .records import RECORDS_RUN, is_shard

    shards = [item for item in items if is_shard(item[0])]
    items = [item for item in items if not is_shard(item[0])]
    size = partition_size(len(items), workers)
    prepared.batches = [items[i:i + size] for i in range(0, len(items), size)] + [[shard] for shard in shards]
    prepared.documents = RECORDS_RUN if shards else len(items)
    return prepared


def partition_size(files: int, workers: int) -> int:
    return max(1, min(MAX_PARTITION_FILES, math.ceil(files / (max(1, workers) * PARTITIONS_PER_WORKER))))


def _workers(client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:
        return 1


def run_dask(paths: list[str], overrides: Overrides | None = None, options: RunOptions | None = None,
             scheduler: str | None = None, client=None) -> RunResult:
    """`run()` on a Dask cluster: the same RunResult (findings, errors, warnings, corpus phase)."""
    options = replace(options or RunOptions(), profile=False)
    if options.fix or options.diff:
        raise ConfigError("--fix and --diff work on local files; use them without --engine dask")
    with _client(client, scheduler, options.jobs) as dask:
        prepared = _prepare(paths, overrides, options, _workers(dask))
        options = replace(options, documents=prepared.documents)
        parts: list[list[FileResult]] = []
        if prepared.batches:
            settings = dask.scatter(prepared.settings, broadcast=True)
            futures = dask.map(lint_partition, prepared.batches, settings=settings, options=options, pure=False)
            parts = prepared.gather(futures)
    return finish([], [], prepared.linters, prepared.run_result, prepared.owned(parts))


@contextmanager
def _client(client, scheduler: str | None, workers: int):
    if client is not None:
        yield client
    else:
        with dask_client(scheduler, workers) as made:
            yield made


@dataclass
class DaskProfile:
    result: RunResult  # errors, warnings and problems (no findings: they are in the rows)
    documents: int
    frame: object | None  # the whole profile, unless it was written as partitions
    failures: list


def profile_dask(paths: list[str], overrides: Overrides | None = None, options: RunOptions | None = None,
                 scheduler: str | None = None, gates=(), output_dir: str | None = None,
                 client=None) -> DaskProfile:
    """The profile on a Dask cluster. With `output_dir`, each partition is written there as
    `part.NNNNN.parquet` by the worker that holds it and `frame` is None."""
    options = replace(options or RunOptions(), profile=True)
    gates = list(gates)
    with _client(client, scheduler, options.jobs) as dask:
        prepared = _prepare(paths, overrides, options, _workers(dask))
        options = replace(options, documents=prepared.documents)
        run_result = prepared.run_result
        if not prepared.batches:
            finish(prepared.work, [], prepared.linters, run_result)
            from ..profile.schema import empty_frame

            frame = empty_frame()
            if output_dir:
                _write_local(frame, output_dir)
            return DaskProfile(run_result, 0, None if output_dir else frame, [])
        settings = dask.scatter(prepared.settings, broadcast=True)
        parts = dask.map(lint_partition, prepared.batches, settings=settings, options=options, pure=False)
        views = prepared.gather(parts, whole=False)
        light = [r for view in views for r in view]
        finish([], [], prepared.linters, run_result, prepared.owned(views))
        added_all = {r.path: r.findings for r in light if r.findings}
        added = [{r.path: added_all[r.path] for r in view if r.path in added_all} for view in views]
        frames = dask.map(profile_partition, parts, added, pure=False)
        failures: list = []
        if gates:
            for part in dask.gather(dask.map(gate_partition, frames, gates=gates, pure=False)):
                failures += part
        if output_dir:
            if not _is_url(output_dir):
                os.makedirs(output_dir, exist_ok=True)
            numbers = list(range(len(frames)))
            counts = dask.map(write_partition, frames, [output_dir] * len(frames), numbers, pure=False)
            documents = sum(dask.gather(counts))
            frame = None
        else:
            import pandas as pd

            from ..profile.schema import profile_schema

            frame = pd.concat(dask.gather(frames), ignore_index=True)
            frame = profile_schema().validate(frame)
            documents = len(frame)
    return DaskProfile(run_result, documents, frame, failures)


def _write_local(frame, output_dir: str) -> None:
    if not _is_url(output_dir):
        os.makedirs(output_dir, exist_ok=True)
    write_partition(frame, output_dir, 0)
