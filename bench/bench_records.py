"""Benchmark of record input: records/s and peak memory of `wenlint check`, `wenlint profile -o`
and `wenlint filter` on shards of short records, and of ST012's cross-document phase on 1 and 2
processes.

    python bench/bench_records.py --records 10000 100000 1000000
    python bench/bench_records.py --records 0 --copies 20000      # only the cross-document phase

Records are generated from ../shared/corpus (clean/, web/): every non-blank line of its documents
is a record (cut to at most 300 characters), drawn in turn, so a record is a short text with the
corpus's own defects. Each run is a separate `wenlint` process that reports its own peak RSS. Not a timed test; the figures go to the README.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from as_installed import as_installed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def lines_of_corpus() -> list[str]:
    found = []
    for folder in ("clean", "web"):
        for path in sorted((CORPUS / folder).rglob("*")):
            if path.suffix in (".txt", ".md") and path.is_file():
                for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
                    line = line.strip()
                    if len(line) >= 8:
                        found.append(line[:300])
    if not found:
        sys.exit(f"no documents under {CORPUS}")
    return found


def write_shard(path: Path, count: int, lines: list[str], prefix: str = "") -> int:
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = prefix + lines[n % len(lines)]
            out.write(json.dumps({"id": f"r{n}", "text": text, "source": "bench"}, ensure_ascii=False) + "\n")
            written += len(text)
    return written


_WRAPPER = (
    "import resource, sys\n"
    "from wenlint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "usage = [resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]\n"
    "sys.stderr.write('\\nPEAK %d %d\\n' % tuple(usage))\n"
    "sys.exit(code)\n"
)


def timed(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one wenlint process; the peak is the process's
    own, or its largest pool worker's when that is larger."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"wenlint {' '.join(args)} failed: {proc.stderr.decode()[-400:]}")
    own, workers = (int(x) for x in proc.stderr.decode().rsplit("PEAK ", 1)[1].split())
    return seconds, max(own, workers) / 1024, proc.returncode


def copies_corpus(folder: Path, documents: int) -> None:
    """`documents` files generated as bench_copies.py does (every 100th copies an earlier one)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_copies import document, vocabulary

    rng = random.Random(1)
    chars, stock = vocabulary(1)
    recent: list[str] = []
    for i in range(documents):
        if i % 100 == 99 and recent:
            source = rng.choice(recent)
            text = document(rng, chars, stock, rng.randint(5, 30)) + source
        else:
            text = document(rng, chars, stock, rng.randint(20, 120))
            recent = (recent + [text])[-50:]
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=1, help="processes for check (default 1)")
    parser.add_argument("--select", help="only these rules (e.g. PH,MK for a quick run at a million records)")
    parser.add_argument("--ignore", help="leave these rules out (e.g. ST012: its finish loads and compares the records "
                                         "of at least 200 characters, so only without it is memory flat in the records)")
    parser.add_argument("--only", choices=("check", "profile", "filter"), help="run only this command")
    parser.add_argument("--with-findings", action="store_true",
                        help="begin every record with an unfilled year (XX年): a finding per record, to show that "
                             "check's memory does not grow with its findings")
    parser.add_argument("--copies", type=int, default=0, help="documents for the cross-document phase (0: skip)")
    args = parser.parse_args(argv)
    as_installed()
    work = Path(tempfile.mkdtemp(prefix="wenlint-bench-records-"))
    try:
        if any(args.records):
            lines = lines_of_corpus()
            print(f"{'records':>10} {'chars':>8} {'command':<22} {'seconds':>8} {'records/s':>10} {'peak MB':>8}")
        for count in sorted(n for n in args.records if n):
            shard = work / f"r{count}.jsonl"
            chars = write_shard(shard, count, lines, "XX年，" if args.with_findings else "")
            select = (["--select", args.select] if args.select else []) + (["--ignore", args.ignore] if args.ignore else [])
            runs = {
                f"check -j{args.jobs}": ["check", shard.name, "--isolated", "--format", "jsonl", "-o", "findings.jsonl",
                                         "--exit-zero", "--no-progress", "-j", str(args.jobs), "--id-field", "id", *select],
                f"profile -j{args.jobs}": ["profile", shard.name, "--isolated", "-o", "profile.parquet", "--no-progress",
                                           "-j", str(args.jobs), "--id-field", "id", *select],
                f"filter -j{args.jobs}": ["filter", shard.name, "--isolated", "--kept", "kept.jsonl", "--dropped", "dropped.jsonl", "-j", str(args.jobs), *select],
            }
            for name, command in runs.items():
                if args.only and not name.startswith(args.only):
                    continue
                seconds, peak, _ = timed(command, work)
                print(f"{count:>10,} {chars / 1e6:>7.1f}M {name:<22} {seconds:>8.1f} {count / seconds:>10,.0f} {peak:>8.0f}")
            shard.unlink()
        if args.copies:
            folder = work / "copies"
            folder.mkdir()
            copies_corpus(folder, args.copies)
            print(f"\nST012 on {args.copies:,} documents (check --select ST012)")
            for jobs in (1, 2):
                seconds, peak, _ = timed(["check", "copies", "--isolated", "--select", "ST012", "--format", "concise",
                                          "--exit-zero", "--no-progress", "-j", str(jobs)], work)
                print(f"  {jobs} process{'es' if jobs > 1 else '':<2} {seconds:>8.1f} s   peak {peak:>6.0f} MB")
    finally:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
