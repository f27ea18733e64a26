"""Benchmark of ST012 copied-document: copies across files over a large generated corpus.

    python bench/bench_copies.py                 # 50 000 documents, under a minute
    python bench/bench_copies.py --docs 100000   # the issue's figure

Documents are generated from the seeds: clauses of characters drawn with the seeds' character
frequencies, a tenth of them stock phrases taken from the seeds (so that different documents share
phrases, as real reports do). Every 100th document copies most of an earlier one, and every third
such copy is converted to Traditional characters. The run collects every document (the per-file
phase of a `wenlint check`), then runs the corpus phase (MinHash signatures, LSH banding, exact
verification) and prints the time of each phase, the peak memory, and how many planted copies were
found and how many pairs were reported that were not planted. Not a timed test.

    python bench/bench_copies.py --near 2 8 20 [--jobs 1 2]

measures the pair phase on near copies (bench/run.py's corpus: every file a doctored copy of one
of five seeds), where every document has hundreds of candidates: peak memory at each size.

    python bench/bench_copies.py --files 2000 20000 [--jobs 1 2]

writes the documents as files (every 100th copies an earlier one) and measures the cross-document
phase as `wenlint check --select ST012` runs it, each run in a fresh process: on one process
(collect, signatures, banding and verification in turn) and in a pool (collect and signatures in
the workers, banding in the parent as results arrive, the verification of the candidate pairs
sent back to the workers, which hold the documents). It prints the wall time
of the run, the part left after the last document is linted (`finish`), the CPU time of the
process and its workers, the peak memory of each, and the ST012 findings (the same at every
process count, or the run says so).

    python bench/bench_copies.py --files 5000 --jobs 2 --engine dask

does the same on a local Dask cluster of --jobs worker processes (the scheduler in the measuring
process): the signatures, the banding (a shuffle of the band keys into buckets and a task per
bucket) and the verification run as tasks on the workers; `finish s` is the time after the last
partition is back, `peak MB` the client's (with the scheduler), `worker MB` the largest worker's.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

from as_installed import as_installed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wenlint.config import Settings  # noqa: E402
from wenlint.rules.base import RuleContext  # noqa: E402
from wenlint.rules.structure.copies import CopiedDocument, collect_text  # noqa: E402


def vocabulary(seed: int):
    # the Simplified seeds (000 is Traditional: its copies are made with OpenCC below)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
                   if not p.name.startswith("000"))
    chars = re.findall(r"[\u4e00-\u9fff]", text)
    stock = sorted(set(re.findall(r"[\u4e00-\u9fff]{6,16}", text)))
    return chars, stock


def document(rng: random.Random, chars, stock, clauses: int) -> str:
    lines, line = [], []
    for _ in range(clauses):
        if rng.random() < 0.1:
            clause = rng.choice(stock)
        else:
            clause = "".join(rng.choices(chars, k=rng.randint(6, 16)))
        line.append(clause)
        if rng.random() < 0.25:
            lines.append("，".join(line) + "。")
            line = []
    if line:
        lines.append("，".join(line) + "。")
    return "\n".join(lines) + "\n"


def write_files(folder: Path, documents: int, seed: int = 1) -> None:
    """`documents` files generated as above (every 100th copies most of an earlier one)."""
    rng = random.Random(seed)
    chars, stock = vocabulary(seed)
    recent: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        if i % 100 == 99 and recent:
            source = rng.choice(recent)
            lines = source.split("\n")
            text = document(rng, chars, stock, rng.randint(5, 30)) + "\n".join(lines[: max(1, int(len(lines) * 0.8))])
        else:
            text = document(rng, chars, stock, rng.randint(20, 120))
            recent = (recent + [text])[-50:]
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")


def measure(folder: str, jobs: int, engine: str = "local") -> dict:
    """One run of the ST012 corpus phase over `folder` (in this process and its pool, or on a
    local Dask cluster of `jobs` worker processes with the scheduler in this process)."""

    from wenlint.config import Overrides
    from wenlint.engine import corpus, runner
    from wenlint.engine.run import RunOptions, run

    marks = {}
    finish, drain = runner.Linter.finish, corpus.drain

    def timed_drain(linter):  # (Dask: once the last partition is back)
        marks.setdefault("finish", time.perf_counter())
        return drain(linter)

    def timed_finish(self, results, *aside):
        marks.setdefault("finish", time.perf_counter())
        try:
            return finish(self, results, *aside)
        finally:
            marks["finished"] = time.perf_counter()

    runner.Linter.finish = timed_finish
    corpus.drain = timed_drain
    overrides, options = Overrides(select=["ST012"]), RunOptions(jobs=jobs, isolated=True)
    if engine == "dask":
        import logging

        from distributed import Client, LocalCluster

        from wenlint.engine.dask_engine import run_dask

        with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            start = time.perf_counter()
            result = run_dask([folder], overrides, options, client=client)
            wall = time.perf_counter() - start
    else:
        start = time.perf_counter()
        result = run([folder], overrides, options)
        wall = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    findings = sorted(f"{f.path}:{f.line}:{f.message}" for f in result.findings)
    import hashlib

    return {
        "wall": wall, "finish": marks["finished"] - marks["finish"],
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "peak_mb": own.ru_maxrss / 1024, "worker_peak_mb": children.ru_maxrss / 1024,
        "findings": len(findings), "digest": hashlib.sha1("\n".join(findings).encode()).hexdigest()[:12],
    }


def _measure_each(folder: Path, jobs: list[int], lead: str, engine: str = "local") -> bool:
    """`--measure` in a fresh process at each process count, a row printed for each (after the
    `lead` columns); whether the findings were the same at every count."""
    import json
    import subprocess

    digests = set()
    for j in jobs:
        out = subprocess.run([sys.executable, __file__, "--measure", str(folder), "--jobs", str(j), "--engine", engine],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        digests.add(r["digest"])
        print(f"{lead} {j:>4} {r['wall']:>7.1f} {r['finish']:>8.2f} {r['cpu']:>7.1f} "
              f"{r['peak_mb']:>8.0f} {r['worker_peak_mb']:>9.0f} {r['findings']:>8}")
    return len(digests) <= 1


_COLUMNS = (f"{'jobs':>4} {'wall s':>7} {'finish s':>8} {'cpu s':>7} {'peak MB':>8} {'worker MB':>9} "
            f"{'findings':>8}")


def _bench_sizes(prefix: str, lead: str, sizes: list, make, jobs: list[int], engine: str) -> int:
    """For each size, a folder made by `make(folder, size)` (which returns the row's first
    columns, headed by `lead`), measured at each process count in a temporary directory;
    1 when the findings differ between process counts."""
    import shutil
    import tempfile

    work = Path(tempfile.mkdtemp(prefix=f"wenlint-bench-{prefix}-"))
    status = 0
    try:
        print(f"{lead} {_COLUMNS}")
        for size in sizes:
            folder = work / f"{prefix}{size}"
            if not _measure_each(folder, jobs, make(folder, size), engine):
                print(f"  the findings DIFFER between process counts at size {size}")
                status = 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return status


def files_bench(sizes: list[int], jobs: list[int], engine: str = "local") -> int:
    def make(folder: Path, size: int) -> str:
        write_files(folder, size)
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        return f"{size:>10,} {mb:>6.1f}"

    return _bench_sizes("copies", f"{'documents':>10} {'MB':>6}", sizes, make, jobs, engine)


def near_bench(sizes: list[float], jobs: list[int], engine: str = "local") -> int:
    """The pair phase on near copies: bench/run.py's corpus (every file a doctored copy of one
    of five seeds, so each has hundreds of near copies) of each size in MB, `check --select
    ST012` at each process count; the peak RSS (the parent's or its largest worker's) should not
    grow with the pairs."""
    sys.path.insert(0, str(ROOT / "bench"))
    from run import generate

    def make(folder: Path, size: float) -> str:
        made = generate(folder, int(size * 1e6))
        return f"{made['bytes'] / 1e6:>6.1f} {made['files']:>6}"

    return _bench_sizes("near", f"{'MB':>6} {'files':>6}", sizes, make, jobs, engine)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000, help="documents to generate (default 50000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files", type=int, nargs="+", help="write this many documents as files and run check")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="process counts for --files")
    parser.add_argument("--near", type=float, nargs="+", metavar="MB",
                        help="near copies (bench/run.py's corpus) of these sizes: the pair phase's memory")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="--files or --near on a local Dask cluster of --jobs worker processes (the dask extra)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        import json

        print(json.dumps(measure(args.measure, args.jobs[0], args.engine)))
        return 0
    as_installed()
    if args.files:
        return files_bench(args.files, args.jobs, args.engine)
    if args.near:
        return near_bench(args.near, args.jobs, args.engine)

    import opencc

    to_traditional = opencc.OpenCC("s2t")
    rng = random.Random(args.seed)
    chars, stock = vocabulary(args.seed)
    rule = CopiedDocument()
    ctx = RuleContext(rule, Settings())

    planted: set[tuple[str, str]] = set()
    recent: list[tuple[str, str]] = []
    collected = {}
    total_chars = 0
    generate = collect = 0.0
    for i in range(args.docs):
        t0 = time.perf_counter()
        path = f"doc{i:06d}.txt"
        sources = [r for r in recent if len(r[1]) >= 800]
        if i % 100 == 99 and sources:
            source_path, source = rng.choice(sources)
            recent.remove((source_path, source))
            lines = source.split("\n")
            keep = lines[: max(1, int(len(lines) * rng.uniform(0.6, 1.0)))]
            text = document(rng, chars, stock, rng.randint(5, 30)) + "\n".join(keep) + "\n"
            if (i // 100) % 3 == 0:
                text = to_traditional.convert(text)
            planted.add(tuple(sorted((path, source_path))))
        else:
            text = document(rng, chars, stock, rng.randint(20, 120))
            recent.append((path, text))
            if len(recent) > 50:
                recent.pop(0)
        total_chars += len(text)
        t1 = time.perf_counter()
        collected[path] = collect_text(text)
        t2 = time.perf_counter()
        generate += t1 - t0
        collect += t2 - t1

    t0 = time.perf_counter()
    for data in collected.values():  # what pool and Dask workers do beside collect
        rule.summarise(data, args.docs, ctx)
    sign = time.perf_counter() - t0
    t0 = time.perf_counter()
    hits = list(rule.finish(collected, ctx))
    finish = time.perf_counter() - t0

    reported: set[tuple[str, str]] = set()
    for hit in hits:
        other = re.search(r"重复了 (\S+)（", hit.message).group(1)
        reported.add(tuple(sorted((hit.path, other))))
    found = planted & reported
    extra = reported - planted
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"documents            {args.docs:>10,}   ({total_chars / 1e6:.1f} M characters, generated in {generate:.1f} s)")
    print(f"collect (per file)   {collect:>10.1f} s   ({collect / args.docs * 1e6:.0f} µs per document)")
    print(f"signatures           {sign:>10.1f} s   (MinHash of segments: in the workers of a pool or Dask)")
    print(f"finish (corpus)      {finish:>10.1f} s   (LSH banding and verification, one process)")
    print(f"total ST012          {collect + sign + finish:>10.1f} s")
    print(f"peak memory          {rss:>10.0f} MB  (whole process, generator included)")
    print(f"planted copies found {len(found):>10} / {len(planted)}")
    print(f"unplanted pairs      {len(extra):>10}")
    return 0 if len(found) == len(planted) and not extra else 1


if __name__ == "__main__":
    sys.exit(main())
