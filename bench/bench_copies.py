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
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000, help="documents to generate (default 50000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

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
    print(f"finish (corpus)      {finish:>10.1f} s   (MinHash signatures, LSH banding, verification)")
    print(f"total ST012          {collect + finish:>10.1f} s")
    print(f"peak memory          {rss:>10.0f} MB  (whole process, generator included)")
    print(f"planted copies found {len(found):>10} / {len(planted)}")
    print(f"unplanted pairs      {len(extra):>10}")
    return 0 if len(found) == len(planted) and not extra else 1


if __name__ == "__main__":
    sys.exit(main())
