"""Benchmark of the script family (SC): script detection and the SC rules on 1 MB documents.

    python bench/bench_script.py [--size BYTES] [--repeat N]

Prints the one-time cost of loading the OpenCC tables, then for two 1 MB documents (UTF-8 bytes,
as a file on disk; about 350 000 characters) built from the seeds — the five seeds concatenated (mostly Simplified, with the Traditional seed 000 inside) and
seed 000 alone (Traditional) — the time of `script_info` (the detection every SC rule and the
corpus profile share; target: under 50 ms per MB) and of all SC rules together (the detection
included). Times are the best of N runs, in milliseconds, measured with time.perf_counter(); the
machine is shared, so take the best figure, not the first. Not a timed test: nothing fails.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def build(texts: list[str], size: int) -> str:
    """The texts repeated until the UTF-8 encoding is `size` bytes (cut at a character)."""
    text = "\n".join(texts)
    data = (text * (size // len(text.encode("utf-8")) + 1)).encode("utf-8")[:size]
    return data.decode("utf-8", "ignore")


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes (UTF-8) per document")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from wenlint.config import Settings
    from wenlint.documents import Document
    from wenlint.engine.runner import Linter
    from wenlint.rules.script import _detect

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs = {
        "seeds concatenated": build([p.read_text(encoding="utf-8") for p in seeds], args.size),
        "seed 000 (Traditional)": build([seeds[0].read_text(encoding="utf-8")], args.size),
    }

    start = time.perf_counter()
    _detect.tables()
    print(f"load OpenCC character tables: {(time.perf_counter() - start) * 1000:.1f} ms (once per process)")
    linter = Linter(Settings(select=["SC"]))
    # Warm up: phrase tables and per-rule models load on first use.
    for text in docs.values():
        linter.run_rules(Document(text[:20000], path="warmup.txt"))

    lines = []
    for name, text in docs.items():
        mb = len(text.encode("utf-8")) / 1_000_000
        per_million = 1_000_000 / len(text)
        detect = best(lambda: _detect._count_regex(text), args.repeat)
        info = _detect.detect(text)
        counted = {}

        def run_all():
            counted["findings"] = len(linter.run_rules(Document(text, path="bench.txt")))

        rules = best(run_all, max(3, args.repeat // 2))
        lines.append(
            (name, text, f"{name}: {mb:.2f} MB ({len(text):,} chars), {info.script} (ratio {info.ratio:.3f}): "
             f"script scan {detect:.1f} ms{{numpy}}; all SC rules {rules:.1f} ms (scan included), "
             f"{counted['findings']} findings; per million characters: scan {detect * per_million:.1f} ms, "
             f"rules {rules * per_million:.1f} ms")
        )
    # Only now numpy, as a profile run would have it loaded (the rules above ran without it).
    try:
        import numpy  # noqa: F401

        have_numpy = True
    except ImportError:
        have_numpy = False
    for name, text, line in lines:
        note = ""
        if have_numpy:
            note = f" ({best(lambda: _detect._count_numpy(text), args.repeat):.1f} ms when numpy is loaded)"
        print(line.replace("{numpy}", note))


if __name__ == "__main__":
    main()
