"""Start-up time of `wenlint check` on one small file (median wall time of N runs).

    python bench/startup.py [--runs 15]

Not a test: the figure depends on the machine. The target is at most 0.15 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from as_installed import as_installed  # noqa: E402


def measure(runs: int, cpu: list[float] | None = None) -> list[float]:
    """Wall times of `runs` fresh processes; their CPU times (user + system) are added to `cpu`."""
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "report.txt"
        doc.write_text("XX年工作总结\n一年来，县总工会在县委的正确领导下，圆满完成了各项任务。\n", encoding="utf-8")
        command = [sys.executable, "-m", "wenlint", "check", str(doc), "--format", "concise", "--isolated"]
        subprocess.run(command, capture_output=True)  # warm the file cache
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            times.append(time.perf_counter() - start)
            if cpu is not None:
                cpu.append(usage.ru_utime + usage.ru_stime)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    as_installed()
    cpu: list[float] = []
    times = measure(args.runs, cpu)
    print(f"wenlint check, one small file: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs; "
          f"CPU time median {statistics.median(cpu):.3f} s")


if __name__ == "__main__":
    main()
