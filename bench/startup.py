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


def measure(runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "report.txt"
        doc.write_text("XX年工作总结\n一年来，县总工会在县委的正确领导下，圆满完成了各项任务。\n", encoding="utf-8")
        command = [sys.executable, "-m", "wenlint", "check", str(doc), "--format", "concise", "--isolated"]
        # An installed wenlint has its bytecode compiled (pip does it); an environment that sets
        # PYTHONDONTWRITEBYTECODE would measure the compiler instead, every run.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(command, capture_output=True, env=env)  # warm the file cache and bytecode
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times = measure(args.runs)
    print(f"wenlint check, one small file: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs")


if __name__ == "__main__":
    main()
