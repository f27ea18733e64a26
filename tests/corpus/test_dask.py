"""--engine dask gives the local engine's findings and profile. One LocalCluster for the module:
two worker processes (processes=True, so every task and result really is pickled), one thread
each; the test plugin reaches the workers through sys.path."""

from __future__ import annotations

import json
import logging
from dataclasses import replace

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

from wenlint.config import Overrides  # noqa: E402
from wenlint.engine.dask_engine import partition_size, profile_dask, run_dask  # noqa: E402
from wenlint.engine.run import RunOptions, run  # noqa: E402
from wenlint.profile.output import read_frame  # noqa: E402
from wenlint.profile.schema import profile_frame, rows_from  # noqa: E402

from .conftest import DEMO_PACK, SEEDS, make_corpus, run_wenlint, write_doctored_copies  # noqa: E402
from .test_jobs import snapshot  # noqa: E402

OVERRIDES = Overrides(rule_packs=[DEMO_PACK], extend_select=["XC001", "XC002"])
OPTIONS = RunOptions(isolated=True, jobs=2)


@pytest.fixture(scope="module")
def client(plugin_path):
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("big"), copies=8)


def test_findings_on_the_seeds(client):
    local = run([str(SEEDS)], OVERRIDES, OPTIONS)
    dask = run_dask([str(SEEDS)], OVERRIDES, OPTIONS, client=client)
    assert local.findings and snapshot(dask) == snapshot(local)


def test_findings_on_a_generated_corpus(client, big_corpus):
    paths = [str(big_corpus), str(big_corpus / "missing.txt")]
    local = run(paths, OVERRIDES, OPTIONS)
    dask = run_dask(paths, OVERRIDES, OPTIONS, client=client)
    assert partition_size(len(dask.results), 2) < len(dask.results)  # several partitions
    assert snapshot(dask) == snapshot(local)
    assert any(f.code == "XC001" for f in dask.findings)  # the corpus phase
    assert any("XC002" in e for e in dask.errors) and any("no such file" in e for e in dask.errors)
    assert any("skipped" in w for w in dask.warnings)


def test_profile_on_seeds_and_a_generated_corpus(client, big_corpus):
    import pandas as pd

    for paths in ([str(SEEDS)], [str(big_corpus)]):
        local = profile_frame(rows_from(run(paths, OVERRIDES, RunOptions(isolated=True, profile=True)).results))
        outcome = profile_dask(paths, OVERRIDES, OPTIONS, client=client)
        pd.testing.assert_frame_equal(outcome.frame, local)
        assert outcome.documents == len(local)


def test_profile_as_parquet_partitions_with_gates(client, big_corpus, tmp_path):
    import pandas as pd

    from wenlint.profile.gates import evaluate, load_gate

    gates = [load_gate("ci")]
    local = profile_frame(rows_from(run([str(big_corpus)], OVERRIDES, RunOptions(isolated=True, profile=True)).results))
    outcome = profile_dask([str(big_corpus)], OVERRIDES, OPTIONS, gates=gates, output_dir=str(tmp_path / "out"), client=client)
    parts = sorted((tmp_path / "out").glob("part.*.parquet"))
    assert outcome.frame is None and len(parts) > 1 and outcome.documents == len(local)
    back = profile_frame(read_frame(str(tmp_path / "out")).to_dict("records"))
    pd.testing.assert_frame_equal(back, local, check_dtype=False)
    assert outcome.failures == evaluate(gates, local) and outcome.failures


def test_globs_and_fsspec_urls(client, big_corpus):
    import glob

    pattern = f"{big_corpus}/**/[0-9]*.txt"
    files = sorted(glob.glob(pattern, recursive=True))
    local = run(files, OVERRIDES, OPTIONS)
    globbed = run_dask([pattern], OVERRIDES, OPTIONS, client=client)
    assert len(files) > 20 and snapshot(globbed) == snapshot(local)

    walked = run([str(big_corpus)], OVERRIDES, OPTIONS)
    url = run_dask([f"file://{big_corpus}"], OVERRIDES, OPTIONS, client=client)

    def by_path(result, prefix=""):
        return {prefix + r.path: ([f.to_dict()["code"] for f in r.findings], r.warning is None) for r in result.results}

    assert by_path(url) == by_path(walked, "file://")
    assert any(codes for codes, _ in by_path(url).values())


def test_cli_with_a_scheduler_address(client, corpus, tmp_path):
    address = client.scheduler.address
    args = ("--isolated", "--rules", str(DEMO_PACK), "--extend-select", "XC001,XC002")
    local = run_wenlint("check", ".", *args, "--format", "json", cwd=corpus)
    dask = run_wenlint("check", ".", *args, "--format", "json", "--engine", "dask", "--scheduler", address, cwd=corpus)
    assert (dask.returncode, dask.stdout, dask.stderr) == (local.returncode, local.stdout, local.stderr)
    out = tmp_path / "profile"
    proc = run_wenlint("profile", ".", *args, "--engine", "dask", "--scheduler", address, "-o", f"{out}/",
                       "--gate", "corpus", "-f", "json", cwd=corpus)
    data = json.loads(proc.stdout)
    assert proc.returncode == 2  # XC002 crashed on crash.txt, as in the local run
    assert "profile" not in data and data["documents"] == len(read_frame(str(out)))
    local_gate = json.loads(run_wenlint("profile", ".", *args, "--gate", "corpus", "-f", "json", cwd=corpus).stdout)
    assert data["failures"] == local_gate["failures"]


def test_profile_of_record_shards(client, tmp_path):
    import pandas as pd

    from .test_records import ROWS, write_shards

    shard = write_shards(tmp_path, ROWS * 3)["parquet"]
    options = RunOptions(isolated=True, jobs=2)  # (the ids repeat: records are named by position)
    local = profile_frame(rows_from(run([shard], Overrides(), RunOptions(isolated=True, profile=True)).results))
    outcome = profile_dask([shard], Overrides(), options, client=client)
    assert outcome.documents == len(local) == 9  # three records with text, three times
    pd.testing.assert_frame_equal(outcome.frame, local)
    assert local["findings_structure"].iloc[0] > 0  # the corpus phase: the copies of one another
    assert list(outcome.frame["path"]) == [f"{shard}#{n}" for n in (1, 2, 4, 5, 6, 8, 9, 10, 12)]


def test_copies_banded_on_the_workers(client, tmp_path):
    """ST012 through the MinHash path: its band keys are shuffled into buckets and paired by
    tasks on the workers, one stream per configuration (batch1 has its own: its documents are
    never paired with the others), with the findings of a local and of a serial run."""
    from distributed import get_task_stream

    root = make_corpus(tmp_path, copies=3)
    (root / "wenlint.toml").write_text("[structure]\nexact-below = 2\n", encoding="utf-8")
    (root / "batch1" / "wenlint.toml").write_text("[structure]\nexact-below = 2\nmin-share = 0.6\n", encoding="utf-8")
    overrides, options = Overrides(select=["ST012"]), RunOptions(jobs=2)
    local = run([str(root), str(SEEDS)], overrides, options)
    serial = run([str(root), str(SEEDS)], overrides, RunOptions(jobs=1))
    with get_task_stream(client) as tasks:
        dask = run_dask([str(root), str(SEEDS)], overrides, options, client=client)
    assert snapshot(dask) == snapshot(local) == snapshot(serial)
    assert any(f.code == "ST012" and "batch1" in f.path for f in dask.findings)
    assert any(f.code == "ST012" and "batch2" in f.path for f in dask.findings)
    stages = {t["key"].split("-")[0] for t in tasks.data}
    assert {"bucket_pairs", "distinct_pairs", "export_documents", "verify_partitions"} <= stages
    import pandas as pd

    profiled = profile_frame(rows_from(run([str(root)], overrides, replace(options, profile=True)).results))
    outcome = profile_dask([str(root)], overrides, options, client=client)
    pd.testing.assert_frame_equal(outcome.frame, profiled)
    assert profiled["findings_structure"].sum() > 0


@pytest.mark.parametrize("max_bucket", [100, 20])
def test_a_dense_cluster_of_copies_banded_on_the_workers(client, tmp_path, max_bucket):
    """Sixty doctored copies of one report (every band key of it shared by all of them) and exact
    copies of some: the workers' banding gives the findings of a local and a serial run. When a
    key is shared by more documents than `max-bucket`, the workers band under the bound
    (`_lsh.Bounded` as a shuffle): the client still never holds the keys."""
    import random

    from distributed import get_task_stream

    from wenlint.engine.dask_bands import Banding

    rng = random.Random(4)
    write_doctored_copies(tmp_path, 60, rng)
    for n in (3, 3, 17):  # exact copies (the same units): banded once, by the first of them
        text = (tmp_path / f"copy{n:02d}.txt").read_text(encoding="utf-8")
        (tmp_path / f"again{n:02d}_{rng.randrange(1000)}.txt").write_text("  " + text, encoding="utf-8")
    (tmp_path / "wenlint.toml").write_text(f"[structure]\nexact-below = 2\nmax-bucket = {max_bucket}\n",
                                           encoding="utf-8")
    overrides = Overrides(select=["ST012"])
    local = run([str(tmp_path)], overrides, RunOptions(jobs=2))
    serial = run([str(tmp_path)], overrides, RunOptions(jobs=1))
    with get_task_stream(client) as tasks:
        dask = run_dask([str(tmp_path)], overrides, RunOptions(jobs=2), client=client)
    assert snapshot(dask) == snapshot(local) == snapshot(serial)
    assert sum(f.code == "ST012" for f in dask.findings) >= 63
    bounded = sum("另有至少" in f.message for f in dask.findings)
    stages = {t["key"].split("-")[0] for t in tasks.data}
    assert "partition_keys" not in stages and not hasattr(Banding, "keys")  # (the keys stay on the workers)
    assert ({"bounded_bucket", "chosen_group"} <= stages) == bool(bounded) == (max_bucket == 20)
