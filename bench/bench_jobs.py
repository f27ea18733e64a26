"""How `--jobs N` scales: cold CLI runs of `wenlint check`, as users run it.

    python bench/bench_jobs.py [DIR] [--jobs 1 2] [--repeat 5]

Each run is a fresh `wenlint check DIR --isolated --no-cache --exit-zero --format json -j N`
process; the job counts alternate (1, 2, 1, 2, ...) so that a change in the machine's load hits
them alike. It prints, per job count, the median wall time, the median CPU time of the process
and its children (user + system), and the speed-up of the medians over the first job count. The
findings of every run are compared (sorted JSON): a run that differs is reported.
Default DIR: ../shared/corpus/clean/simplified. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "clean" / "simplified"


def wenlint() -> list[str]:
    script = Path(sys.executable).with_name("wenlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "wenlint"]


def one_run(directory: Path, jobs: int) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [*wenlint(), "check", str(directory), "--isolated", "--no-cache", "--exit-zero", "--format", "json",
         "-j", str(jobs)],
        capture_output=True, check=True, env=dict(os.environ, WENLINT_NO_CACHE="1"),
    ).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    findings = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in json.loads(out))
    return wall, cpu, "\n".join(findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.directory.is_dir():
        print(f"{args.directory}: no such directory", file=sys.stderr)
        return 2
    walls: dict[int, list[float]] = {j: [] for j in args.jobs}
    cpus: dict[int, list[float]] = {j: [] for j in args.jobs}
    outputs: dict[int, set[str]] = {j: set() for j in args.jobs}
    for _ in range(args.repeat):
        for jobs in args.jobs:
            wall, cpu, findings = one_run(args.directory, jobs)
            walls[jobs].append(wall)
            cpus[jobs].append(cpu)
            outputs[jobs].add(findings)
    size = sum(p.stat().st_size for p in args.directory.rglob("*") if p.is_file())
    base = statistics.median(walls[args.jobs[0]])
    print(f"{args.directory} ({size / 1e6:.1f} MB), {args.repeat} cold runs each, alternating, load {os.getloadavg()[0]:.1f}")
    print(f"{'jobs':>4} {'wall s (median)':>16} {'MB/s':>6} {'cpu s (median)':>15} {'speed-up':>9}   walls")
    for jobs in args.jobs:
        wall = statistics.median(walls[jobs])
        print(f"{jobs:>4} {wall:>16.2f} {size / 1e6 / wall:>6.2f} {statistics.median(cpus[jobs]):>15.2f} "
              f"{base / wall:>8.2f}x   {' '.join(f'{w:.2f}' for w in walls[jobs])}")
    every = set().union(*outputs.values())
    print("findings identical across runs and job counts" if len(every) == 1 else
          f"findings DIFFER: {len(every)} distinct outputs")
    return 0 if len(every) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
