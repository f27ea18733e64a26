"""--jobs: a process pool gives exactly what a serial run gives (findings and their order, the
corpus phase, suppressions, rule problems, skipped and unreadable files, fixes)."""

from __future__ import annotations

import json
import shutil

import pytest

from wenlint.config import Overrides
from wenlint.engine import pool
from wenlint.engine.run import RunOptions, run

from .conftest import DEMO_PACK, make_corpus, run_wenlint

CHECK = ("check", ".", "--isolated", "--rules", str(DEMO_PACK), "--extend-select", "XC001,XC002", "--format", "json")


def snapshot(result) -> list:
    """Everything a report or the corpus phase can see of a run, in order."""
    return [
        (r.path, [f.to_dict() for f in r.findings], r.error, r.warning, r.problems, r.context, r.fixed,
         r.diff, sorted(r.collected))
        for r in result.results
    ] + [result.problems, result.errors, result.warnings]


def test_cli_jobs_match_a_serial_run(corpus):
    (corpus / "unreadable.txt").write_bytes("标题\n".encode("utf-8") + b"\xff\xfe\xfa" * 50 + b"\x00")
    serial = run_wenlint(*CHECK, "--jobs", "1", cwd=corpus)
    parallel = run_wenlint(*CHECK, "--jobs", "2", cwd=corpus)
    (corpus / "unreadable.txt").unlink()
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr
    assert serial.returncode == parallel.returncode == 2  # XC002 crashes on crash.txt
    findings = json.loads(serial.stdout)
    titles = [(f["path"], f["line"]) for f in findings if f["code"] == "XC001"]
    assert titles and all(line == 1 for _, line in titles)  # the corpus phase ran
    assert not any(f["path"].endswith("suppressed.txt") and f["code"] == "XC001" for f in findings)
    assert [f["path"] for f in findings] == sorted(f["path"] for f in findings)
    stderr = serial.stderr.decode()
    assert "binary.txt" in stderr and "skipped" in stderr
    assert "XC002" in stderr and "RuntimeError" in stderr and "Traceback" not in stderr


def test_run_with_a_pool_is_identical_to_a_serial_run(corpus, plugin_path):
    overrides = Overrides(rule_packs=[DEMO_PACK], extend_select=["XC001", "XC002"])
    serial = run([str(corpus), str(corpus / "missing.txt")], overrides, RunOptions(jobs=1, isolated=True))
    parallel = run([str(corpus), str(corpus / "missing.txt")], overrides, RunOptions(jobs=2, isolated=True))
    assert len(serial.results) > pool.MIN_FILES
    assert snapshot(parallel) == snapshot(serial)
    assert any(f.code == "XC001" for f in serial.findings)
    assert [f.to_dict() for f in parallel.findings] == [f.to_dict() for f in serial.findings]


def test_fixes_in_a_pool_write_the_same_files(tmp_path, plugin_path):
    one, two = make_corpus(tmp_path / "one", copies=2), tmp_path / "two"
    shutil.copytree(one, two)
    overrides = Overrides(rule_packs=[DEMO_PACK], select=["ZZ"])
    serial = run([str(one)], overrides, RunOptions(jobs=1, isolated=True, fix=True, unsafe_fixes=True))
    parallel = run([str(two)], overrides, RunOptions(jobs=2, isolated=True, fix=True, unsafe_fixes=True))
    assert sum(r.fixed for r in serial.results) > 0
    assert [r.fixed for r in parallel.results] == [r.fixed for r in serial.results]
    for path in sorted(p for p in one.rglob("*") if p.is_file()):
        assert (two / path.relative_to(one)).read_bytes() == path.read_bytes(), path


def test_profile_jobs_match_a_serial_run(corpus):
    args = ("profile", ".", "--isolated", "--rules", str(DEMO_PACK), "--extend-select", "XC001,XC002", "--format", "json")
    serial = run_wenlint(*args, "--jobs", "1", cwd=corpus)
    parallel = run_wenlint(*args, "--jobs", "2", cwd=corpus)
    assert serial.stdout == parallel.stdout and serial.stderr == parallel.stderr
    rows = json.loads(serial.stdout)["profile"]
    assert len(rows) > pool.MIN_FILES


def test_few_files_and_standard_input_stay_serial(tmp_path, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pool, "lint_in_pool", no_pool)
    for i in range(pool.MIN_FILES - 1):
        (tmp_path / f"{i}.txt").write_text("XX年工作总结\n", encoding="utf-8")
    result = run([str(tmp_path)], Overrides(rule_packs=[DEMO_PACK], select=["ZZ"]), RunOptions(jobs=4, isolated=True))
    assert len(result.findings) == pool.MIN_FILES - 1


def test_chunks_and_default_jobs():
    assert pool.default_jobs() >= 1
    sizes = [1000 + (i * 7919) % 50_000 for i in range(400)]
    chunks = pool.chunks(sizes, 2)
    assert sorted(i for c in chunks for i in c) == list(range(400))  # every file once
    assert chunks[0][0] == max(range(400), key=sizes.__getitem__)  # the largest first
    held = [sum(sizes[i] for i in c) for c in chunks]
    assert held[0] > 4 * held[-1] and 10 <= len(chunks) <= 60  # shrinking: no long chunk at the end
    assert max(map(len, pool.chunks([10] * 10_000, 2))) == pool.MAX_CHUNK_FILES
    assert pool.chunks([0, 0, 5], 4) == [[2], [0, 1]]


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_bad_jobs_is_a_usage_error(value, tmp_path):
    proc = run_wenlint("check", ".", "--jobs", value, cwd=tmp_path, plugins=False)
    assert proc.returncode == 2 and "--jobs" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_a_pool_lets_corpus_rules_prepare_their_finish_meanwhile(corpus, monkeypatch):
    from wenlint.rules.structure.copies import CopiedDocument

    calls = []
    monkeypatch.setattr(CopiedDocument, "prepare", lambda self, documents, ctx: calls.append((self.code, documents)))
    overrides = Overrides(select=["ST012"])
    serial = run([str(corpus)], overrides, RunOptions(jobs=1, isolated=True))
    assert calls == []  # a serial run has no idle time to use
    parallel = run([str(corpus)], overrides, RunOptions(jobs=2, isolated=True))
    assert calls == [("ST012", len(serial.results))]
    assert snapshot(parallel) == snapshot(serial)


def test_copies_are_found_while_the_pool_lints(tmp_path, monkeypatch):
    """ST012 in a large run (its MinHash path): the signatures are computed in the workers, the
    parent bands them as results arrive, and the candidate pairs are verified by the workers
    (the unit hashes stay on their shelves: the parent never holds them); the findings equal a
    serial run's, and the shelves are gone after the run."""
    import tempfile

    from wenlint.rules.structure import copies

    root = make_corpus(tmp_path / "c", copies=3)
    (root / "wenlint.toml").write_text("[structure]\nexact-below = 2\n", encoding="utf-8")
    options = dict(config_file=root / "wenlint.toml")
    overrides = Overrides(select=["ST012"])
    serial = run([str(root)], overrides, RunOptions(jobs=1, **options))
    used = []
    found = copies._Stream.found

    def seen(self, paths):
        used.append((len(self.docs), {type(d).__name__ for d in self.docs}, self.runner is not None))
        return found(self, paths)

    monkeypatch.setattr(copies._Stream, "found", seen)
    monkeypatch.setattr(copies._Stream, "BATCH", 3)
    monkeypatch.setattr(copies._Stream, "TASK", 7)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    parallel = run([str(root)], overrides, RunOptions(jobs=2, **options))
    assert used and used[0][0] > 10 and used[0][1:] == ({"Shelved"}, True)
    assert snapshot(parallel) == snapshot(serial)
    assert sum(f.code == "ST012" for f in serial.findings) >= 10
    assert list(scratch.iterdir()) == []


def test_a_cached_pool_run_keeps_the_documents_whole(tmp_path, monkeypatch):
    """A cache keeps what corpus rules collected for the next run: nothing of it may point to a
    worker's shelf, which is gone when the run ends."""
    from wenlint.rules.structure import copies

    root = make_corpus(tmp_path / "c", copies=2)
    (root / "wenlint.toml").write_text("[structure]\nexact-below = 2\n", encoding="utf-8")
    overrides = Overrides(select=["ST012"])
    serial = run([str(root)], overrides, RunOptions(jobs=1, config_file=root / "wenlint.toml"))
    cached = RunOptions(jobs=2, config_file=root / "wenlint.toml", cache_dir=tmp_path / "cache")
    for _ in range(2):
        result = run([str(root)], overrides, cached)
        assert not any(isinstance(r.collected.get("ST012"), copies.Shelved) for r in result.results)
        assert [f.to_dict() for f in result.findings] == [f.to_dict() for f in serial.findings]


def test_forked_workers_inherit_the_warmed_linters(corpus, monkeypatch):
    """With fork, the parent warms its Linters (every rule on its own examples) and the workers
    use them as they are: no worker builds a Linter, and the findings are a serial run's."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: workers build their Linters")
    overrides = Overrides(rule_packs=[DEMO_PACK])
    serial = run([str(corpus)], overrides, RunOptions(jobs=1, isolated=True))
    warmed = []
    monkeypatch.setattr(pool, "warm", lambda linters: warmed.extend(linters))

    def no_linter(*args, **kwargs):
        raise AssertionError("a worker built a Linter")

    monkeypatch.setattr(pool, "Linter", no_linter)
    parallel = run([str(corpus)], overrides, RunOptions(jobs=2, isolated=True))
    assert len(warmed) == 1
    assert snapshot(parallel) == snapshot(serial)
    assert not pool._inherited  # the parent lets go of them once the workers are forked


def test_results_that_come_before_their_turn_wait_on_disk_and_come_back_whole(corpus, monkeypatch, plugin_path):
    """A pool sends the largest files first and yields the results in order: one that comes
    before its turn waits on disk (`spill.Parked`) and comes back with everything a serial run
    gives, what the corpus rules collected included."""
    from wenlint.engine import spill

    parked = []
    real = spill.Parked.put

    def watch(self, index, result, *streamed):
        parked.append(index)
        return real(self, index, result, *streamed)

    monkeypatch.setattr(spill.Parked, "put", watch)
    overrides = Overrides(rule_packs=[DEMO_PACK], extend_select=["XC001", "XC002"])
    serial = run([str(corpus)], overrides, RunOptions(isolated=True, jobs=1))
    pooled = run([str(corpus)], overrides, RunOptions(isolated=True, jobs=2))
    assert parked  # (the files differ in size: not all came in order)
    assert snapshot(pooled) == snapshot(serial)


def test_the_warm_up_leaves_nothing_for_the_collector():
    """The heap is frozen after the warm-up without a full collection first (pool.fork_ready):
    the warm-up's documents must be freed by reference counting, not left in cycles."""
    import gc

    from wenlint.engine.runner import Linter

    linter = Linter()
    pool.warm([linter])  # the tables are built now: the second warm-up allocates only its documents
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        pool.warm([linter])
        assert gc.collect() < 200  # (without dropping the documents' analyses: thousands)
    finally:
        if enabled:
            gc.enable()


def test_the_warm_up_leaves_out_the_examples_of_rules_that_ask_it():
    """SC002 and SC003 have Traditional examples: warming them would load the Simplified-to-
    Traditional tables in every pooled run, also one without a Traditional document."""
    import subprocess
    import sys

    from wenlint.rules.registry import load_registry

    assert {r.code for r in load_registry(()) if not r.warm_up} == {"SC002", "SC003"}
    code = (
        "from wenlint.engine.pool import warm\n"
        "from wenlint.engine.runner import Linter\n"
        "from wenlint.rules.script import _convert, one_to_many\n"
        "warm([Linter()])\n"
        "assert _convert.to_traditional.cache_info().currsize == 0\n"
        "assert one_to_many._model.cache_info().currsize == 0\n"
    )
    for _ in range(2):  # (the first process may build the cached tables)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()


def test_the_pool_leaves_the_heap_frozen_only_when_it_found_it_frozen():
    """The CLI freezes its start-up (cli.settle_gc): after the fork the parent's heap, tables
    included, stays frozen as in a serial run. A caller that froze nothing gets it unfrozen."""
    import gc
    import multiprocessing

    from wenlint.engine.runner import Linter

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    context = multiprocessing.get_context("fork")
    linter = Linter()
    gc.unfreeze()
    try:
        pool.fork_ready(context, {0: linter})
        assert gc.get_freeze_count() > 0
        pool.fork_done()
        assert gc.get_freeze_count() == 0
        gc.freeze()
        pool.fork_ready(context, {0: linter})
        pool.fork_done()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
