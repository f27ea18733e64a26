"""Cost of each rule, in milliseconds per MB of documents (where the time of a run goes).

    python bench/run.py --keep --no-memory    # writes the benchmark corpus to bench/corpus/
    python bench/rules.py [DIR] [--select SC,NM] [--repeat 3]

Every document is loaded once; then each rule runs over every document, `--repeat` passes, and
the best pass counts. A per-document analysis that several rules share (in `doc.analyses`, dropped
when the document's rules are done, as the engine does) is charged to the first rule that needs it. Corpus rules are charged for their
`collect` only. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import collections
import gc
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> None:
    from wenlint.config import Overrides, Settings
    from wenlint.documents import load_path
    from wenlint.documents.walk import iter_targets
    from wenlint.engine.runner import Linter

    default = BENCH / "corpus" / "n"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=str(default if default.is_dir() else BENCH.parent / "seeds"))
    parser.add_argument("--select", help="rule codes or prefixes, comma-separated (default: the default rules)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings() if not args.select else Overrides(select=args.select.split(",")).apply(Settings())
    linter = Linter(settings)
    start = time.perf_counter()
    docs = [load_path(t.path) for t in iter_targets([args.dir], settings)]
    load = time.perf_counter() - start
    mb = sum(len(d.raw.encode("utf-8")) for d in docs) / 1e6
    gc.collect()
    gc.freeze()  # the loaded documents live through every pass: out of the collector's sight
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent: collections.Counter = collections.Counter()
        for doc in docs:
            for rule in linter.document_rules:
                start = time.perf_counter()
                for hit in rule.check(doc, linter.contexts[rule.code]):
                    linter.make_finding(doc, rule, hit)
                spent[rule.code] += time.perf_counter() - start
            for rule in linter.corpus_rules:
                start = time.perf_counter()
                rule.collect(doc, linter.contexts[rule.code])
                spent[rule.code + " collect"] += time.perf_counter() - start
            doc.analyses.clear()  # as the engine does when a file is done
        for key, seconds in spent.items():
            best[key] = min(best.get(key, float("inf")), seconds)
    print(f"{len(docs)} files, {mb:.1f} MB: loading {load * 1000 / mb:.1f} ms/MB, "
          f"rules {sum(best.values()) * 1000 / mb:.1f} ms/MB")
    families: collections.Counter = collections.Counter()
    for key, seconds in best.items():
        families[key[:2]] += seconds
    print("per family: " + ", ".join(f"{k} {v * 1000 / mb:.1f}" for k, v in families.most_common()))
    for key, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {key:14} {seconds * 1000 / mb:6.1f} ms/MB")


if __name__ == "__main__":
    main()
