"""How `--jobs N` scales: cold CLI runs of `wenlint check`, as users run it.

    python bench/bench_jobs.py [DIR] [--jobs 1 2] [--repeat 5]

Each run is a fresh `wenlint check DIR --isolated --no-cache --exit-zero --format json -j N`
process; the job counts alternate (1, 2, 1, 2, ...) so that a change in the machine's load hits
them alike. It prints, per job count, the median wall time, the median CPU time of the process
and its workers (user + system), the median "CPU path" (the parent's own CPU time plus its
workers' divided by the job count: about the wall time on otherwise idle cores, a figure the
load of a shared machine does not inflate; the parent's work while the workers run is counted as
if it were serial, so it overstates a little), and the speed-ups of the medians over the first
job count. The findings of every run are compared (sorted JSON): a run that differs is reported.
Default DIR: ../shared/corpus/clean/simplified. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from as_installed import as_installed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "clean" / "simplified"


# Runs the CLI as `wenlint` does, then reports on stderr its own CPU time, its workers', and the
# part of its own spent while the workers ran (from the start of the pool, past what is done
# before the workers are forked (`fork_ready`: the warm-up of the tables, the corpus rules'
# preparation), to its end): the rest of the parent's time is serial.
_WRAPPER = (
    "import resource, sys, time\n"
    "from wenlint.engine import pool\n"
    "marks = {'pool': 0.0, 'warm': 0.0}\n"
    "def wrap(name, key):\n"
    "    inner = getattr(pool, name, None)\n"
    "    if inner is None:\n"
    "        return\n"
    "    def timed(*args, **kwargs):\n"
    "        start = time.process_time()\n"
    "        try:\n"
    "            return inner(*args, **kwargs)\n"
    "        finally:\n"
    "            marks[key] += time.process_time() - start\n"
    "    setattr(pool, name, timed)\n"
    "def wrap_results(name, key):\n"
    "    inner = getattr(pool, name)\n"
    "    def timed(*args, **kwargs):\n"
    "        start = time.process_time()\n"
    "        try:\n"
    "            yield from inner(*args, **kwargs)\n"
    "        finally:\n"
    "            marks[key] += time.process_time() - start\n"
    "    setattr(pool, name, timed)\n"
    "wrap_results('lint_in_pool', 'pool')\n"
    "wrap('fork_ready', 'warm')\n"
    "from wenlint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
    "sys.stdout.flush()\n"
    "sys.stderr.write('\\nCPU %f %f %f\\n' % (own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime,\n"
    "                 marks['pool'] - marks['warm']))\n"
    "sys.exit(code)\n"
)


def one_run(directory: Path, jobs: int) -> tuple[float, float, float, str]:
    """(wall, CPU of the process and its workers, CPU path, sorted findings) of one cold run."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, "check", str(directory), "--isolated", "--no-cache", "--exit-zero",
         "--format", "json", "-j", str(jobs)],
        capture_output=True, check=True, env=dict(os.environ, WENLINT_NO_CACHE="1"),
    )
    wall = time.perf_counter() - start
    own, workers, during = (float(x) for x in proc.stderr.decode().rsplit("CPU ", 1)[1].split())
    findings = sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in json.loads(proc.stdout))
    path = own - during + (workers + during) / jobs if workers else own
    return wall, own + workers, path, "\n".join(findings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    as_installed()
    if not args.directory.is_dir():
        print(f"{args.directory}: no such directory", file=sys.stderr)
        return 2
    walls: dict[int, list[float]] = {j: [] for j in args.jobs}
    cpus: dict[int, list[float]] = {j: [] for j in args.jobs}
    paths: dict[int, list[float]] = {j: [] for j in args.jobs}
    outputs: dict[int, set[str]] = {j: set() for j in args.jobs}
    for _ in range(args.repeat):
        for jobs in args.jobs:
            wall, cpu, path, findings = one_run(args.directory, jobs)
            walls[jobs].append(wall)
            cpus[jobs].append(cpu)
            paths[jobs].append(path)
            outputs[jobs].add(findings)
    size = sum(p.stat().st_size for p in args.directory.rglob("*") if p.is_file())
    base = statistics.median(walls[args.jobs[0]])
    base_path = statistics.median(paths[args.jobs[0]])
    print(f"{args.directory} ({size / 1e6:.1f} MB), {args.repeat} cold runs each, alternating, "
          f"load {os.getloadavg()[0]:.1f} at the end")
    print(f"{'jobs':>4} {'wall s':>7} {'MB/s':>6} {'speed-up':>8} {'cpu s':>6} {'cpu path s':>10} {'speed-up':>8}   walls")
    for jobs in args.jobs:
        wall, path = statistics.median(walls[jobs]), statistics.median(paths[jobs])
        print(f"{jobs:>4} {wall:>7.2f} {size / 1e6 / wall:>6.2f} {base / wall:>7.2f}x {statistics.median(cpus[jobs]):>6.2f} "
              f"{path:>10.2f} {base_path / path:>7.2f}x   {' '.join(f'{w:.2f}' for w in walls[jobs])}")
    every = set().union(*outputs.values())
    print("findings identical across runs and job counts" if len(every) == 1 else
          f"findings DIFFER: {len(every)} distinct outputs")
    return 0 if len(every) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
