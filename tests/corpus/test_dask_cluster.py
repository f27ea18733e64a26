"""--engine dask against a real cluster: a scheduler and two workers started by this module as
separate processes (`dask scheduler`, `dask worker`) on loopback, stopped at its end. The findings
(ST012's corpus phase included, its MinHash signatures computed on the workers) equal a local run's,
for files and for record shards read by the workers through fsspec URLs; ST012's banding runs as
tasks on the workers."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

from wenlint.config import Overrides  # noqa: E402
from wenlint.engine.dask_engine import run_dask  # noqa: E402
from wenlint.engine.run import RunOptions, run  # noqa: E402

from .conftest import SEEDS, make_corpus, write_doctored_copies  # noqa: E402
from .test_records import write_shards  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command() -> list[str]:
    script = Path(sys.executable).with_name("dask")
    return [str(script)] if script.exists() else [shutil.which("dask") or "dask"]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask-logs")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    processes = []

    def start(name, *args):
        log = open(logs / f"{name}.log", "wb")
        processes.append((subprocess.Popen([*_dask_command(), *args], stdout=log, stderr=subprocess.STDOUT, env=env,
                                           cwd=logs), log))

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        for n in range(2):
            start(f"worker{n}", "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--nworkers", "1",
                  "--no-dashboard", "--name", f"w{n}")
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=60)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline or any(p.poll() is not None for p, _ in processes):
                    pytest.fail("the dask scheduler or workers did not start: " + " | ".join(
                        (logs / f).read_text(errors="replace")[-500:] for f in os.listdir(logs)))
                time.sleep(1)
        yield address
    finally:
        for process, _ in reversed(processes):
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = make_corpus(tmp_path_factory.mktemp("cluster"), copies=2)
    config = root / "wenlint.toml"
    # every document pair through the MinHash path (signatures on the workers), not the exact one
    config.write_text("[structure]\nexact-below = 2\n", encoding="utf-8")
    return root


def _findings(result):
    return sorted(tuple(f.to_dict().values()) for f in result.findings)


def test_files_on_a_separate_scheduler_and_workers(scheduler, corpus, monkeypatch):
    from wenlint.rules.structure import copies

    options = RunOptions(config_file=corpus / "wenlint.toml", jobs=2)
    local = run([str(corpus), str(SEEDS)], Overrides(), options)
    serial = run([str(corpus), str(SEEDS)], Overrides(), RunOptions(config_file=corpus / "wenlint.toml", jobs=1))
    # ST012's band keys stay on the workers: each partition's keys are split into buckets there,
    # each bucket is a task that pairs the documents sharing a key, the pairs are made distinct
    # by a second shuffle, and verified by tasks on the workers that hold the partitions. The
    # client holds sizes and locators (Shelved without keys), never the keys or unit hashes.
    streamed = []
    found = copies._BandedOnWorkers.found

    def seen(self, paths):  # (a document that arrived with its keys would have been refused)
        streamed.append((len(self.docs), {type(d).__name__ for d in self.docs}, {d.keys is None for d in self.docs}))
        return found(self, paths)

    monkeypatch.setattr(copies._BandedOnWorkers, "found", seen)
    from distributed import Client, get_task_stream

    with Client(scheduler) as client, get_task_stream(client) as tasks:
        workers = set(client.scheduler_info()["workers"])
        dask = run_dask([str(corpus), str(SEEDS)], Overrides(), options, client=client)
    assert streamed and streamed[0][0] > 5 and streamed[0][1:] == ({"Shelved"}, {True})
    ran = {}
    for t in tasks.data:
        ran.setdefault(t["key"].split("-")[0], set()).add(t["worker"])
    for stage in ("shelve_partition", "bucket_pairs", "distinct_pairs", "export_documents", "verify_partitions"):
        assert ran.get(stage) and ran[stage] <= workers, stage
    assert _findings(dask) == _findings(local) == _findings(serial)
    assert sorted(dask.errors) == sorted(local.errors)
    copies = [f for f in dask.findings if f.code == "ST012"]
    assert {Path(f.path).name for f in copies} >= {"000_fb3087a37759ce00.txt", "003_c8e1670ebf633abb.txt"}


def test_record_shards_read_by_the_workers(scheduler, tmp_path):
    seed = (SEEDS / "000_fb3087a37759ce00.txt").read_text(encoding="utf-8")
    rows = [{"id": f"s{n}", "text": p.read_text(encoding="utf-8")} for n, p in enumerate(sorted(SEEDS.glob("*.txt")))]
    rows += [{"id": "copy", "text": "前言。\n" + seed}, {"id": "bad"}]
    paths = write_shards(tmp_path, rows)
    options = RunOptions(isolated=True, id_field="id")
    for fmt in ("jsonl", "parquet"):
        local = run([paths[fmt]], Overrides(), options)
        dask = run_dask([f"file://{paths[fmt]}"], Overrides(), options, scheduler=scheduler)
        strip = len("file://")
        assert [(f.path[strip:], f.line, f.code, f.text) for f in dask.findings] == \
            [(f.path, f.line, f.code, f.text) for f in local.findings]
        assert any(f.code == "ST012" and f.path.endswith("#copy") for f in dask.findings)
        assert [e[strip:] for e in dask.errors] == local.errors
        if fmt == "jsonl":  # (in the Parquet table the missing text is a null: an empty record)
            assert local.errors == [f"{paths[fmt]}#bad: no field 'text' (choose the text with --text-field)"]


def test_a_crowded_cluster_banded_under_the_bound_on_separate_workers(scheduler, tmp_path):
    """Thirty doctored copies of one report with `max-bucket` 10: every key of the report is
    beyond the bound, and the workers band under it (the crowded documents, their candidates
    and choices are tasks there): the findings of a serial run, "at least" in their messages."""
    import random

    from distributed import Client, get_task_stream

    rng = random.Random(7)
    write_doctored_copies(tmp_path, 30, rng)
    (tmp_path / "wenlint.toml").write_text("[structure]\nexact-below = 2\nmax-bucket = 10\n", encoding="utf-8")
    overrides = Overrides(select=["ST012"])
    serial = run([str(tmp_path)], overrides, RunOptions(jobs=1))
    with Client(scheduler) as client, get_task_stream(client) as tasks:
        workers = set(client.scheduler_info()["workers"])
        dask = run_dask([str(tmp_path)], overrides, RunOptions(jobs=2), client=client)
    ran = {}
    for t in tasks.data:
        ran.setdefault(t["key"].split("-")[0], set()).add(t["worker"])
    for stage in ("ranked_entries", "bounded_bucket", "chosen_group", "verify_partitions"):
        assert ran.get(stage) and ran[stage] <= workers, stage
    assert _findings(dask) == _findings(serial)
    assert sum("另有至少" in f.message for f in dask.findings) >= 20
