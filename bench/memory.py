"""bench/run.py's memory step alone: peak RSS of `wenlint profile` and `wenlint check --format
jsonl` (one process, no cache) on a generated corpus and on one ten times larger.

    python bench/memory.py                # 8 MB and 80 MB
    python bench/memory.py --size 2MB     # 2 MB and 20 MB
    python bench/memory.py --jobs 2       # a pool: the peak of its largest process
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from as_installed import as_installed  # noqa: E402
from run import generate, memory, parse_size  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("8MB"))
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    args = parser.parse_args()
    as_installed()
    base = Path(tempfile.mkdtemp(prefix="wenlint-bench-memory-"))
    try:
        small = generate(base / "n", args.size)
        large = generate(base / "10n", 10 * args.size, seed=2)
        print(f"corpora: {small['files']} files, {small['bytes'] / 1e6:.1f} MB; "
              f"{large['files']} files, {large['bytes'] / 1e6:.1f} MB")
        for name, m in memory(base / "n", base / "10n", base, args.jobs).items():
            print(f"  wenlint {name:8} {m['small_mb']:7.0f} MB -> {m['large_mb']:7.0f} MB  (x{m['ratio']:.2f}, "
                  f"{'flat' if m['flat'] else 'NOT flat'})")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
