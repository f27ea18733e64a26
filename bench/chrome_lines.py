"""Leave-one-document-out check of the chrome line model's hand-set thresholds.

The line model (src/wenlint/rules/chrome/lines.py) has hand-set weights and four thresholds: how
many furniture lines make a page (PAGE_SEEDS), how long a run between furniture lines may be
(MAX_RUN), how long a tail (MAX_TAIL) and how long a line of prose is (PROSE_LEN). They were chosen
by reading the labelled web pages, so a score on those same pages flatters them. This script
measures instead what choosing the thresholds on the other documents gives on each held-out one:

    for each labelled document d:
        pick, on all documents but d, the grid point with the best recall among those whose
        precision is at least 0.95 (ties: the shipped values first)
        lint d with it and count its true findings, false findings and labels found

and prints the pooled precision and recall of those held-out runs next to the shipped values on
all documents. Chrome findings at warning or error count; a finding is right when it overlaps a
chrome label on its line (the rule of ../shared/corpus/dev/README.md).

    .venv/bin/python bench/chrome_lines.py [--dev ../shared/corpus/dev]
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import wenlint
from wenlint.rules.chrome import lines as model

ROOT = Path(__file__).resolve().parents[1]
GRID = {
    "PAGE_SEEDS": (4, 6, 8),
    "MAX_RUN": (20, 40, 60, 80),
    "MAX_TAIL": (0, 20, 40),
    "PROSE_LEN": (40, 60, 80),
}
SHIPPED = {name: getattr(model, name) for name in GRID}


def labels(dev: Path) -> dict[str, list[tuple[int, int, int]]]:
    found: dict[str, list[tuple[int, int, int]]] = {}
    texts: dict[str, list[str]] = {}
    for name in ("gold-web.jsonl", "gold-docs.jsonl", "gold-seeds.jsonl"):
        for row in map(json.loads, (dev / name).read_text(encoding="utf-8").splitlines()):
            if row["family"] != "chrome":
                continue
            lines = texts.setdefault(row["file"], (dev / "docs" / row["file"]).read_text(encoding="utf-8").split("\n"))
            col = lines[row["line"] - 1].find(row["text"]) + 1
            found.setdefault(row["file"], []).append((row["line"], col, col + len(row["text"])))
    return found


def score_document(path: Path, gold: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    """(true findings, false findings, labels found) of the chrome rules on one document."""
    text = path.read_text(encoding="utf-8")
    tp = fp = 0
    hit: set[int] = set()
    for f in wenlint.lint_text(text, path=path.name, select=["CH"]):
        if f.severity == "info":
            continue
        matched = False
        for k, (line, a, b) in enumerate(gold):
            if f.line <= line <= f.end_line:
                fa = f.column if f.line == line else 1
                fb = f.end_column if f.end_line == line else 10**9
                if fa < b and a < fb:
                    matched = True
                    hit.add(k)
        tp, fp = tp + matched, fp + (not matched)
    return tp, fp, len(hit)


def run_grid(dev: Path, gold: dict) -> tuple[list[dict], dict[tuple, dict[str, tuple]]]:
    docs = sorted((dev / "docs").iterdir())
    points = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    results: dict[tuple, dict[str, tuple]] = {}
    for point in points:
        for name, value in point.items():
            setattr(model, name, value)
        results[tuple(point.values())] = {d.name: score_document(d, gold.get(d.name, [])) for d in docs}
    for name, value in SHIPPED.items():
        setattr(model, name, value)
    return points, results


def pooled(per_doc, names, gold) -> tuple[float, float, int, int, int]:
    tp = sum(per_doc[n][0] for n in names)
    fp = sum(per_doc[n][1] for n in names)
    found = sum(per_doc[n][2] for n in names)
    total = sum(len(gold.get(n, [])) for n in names)
    return tp / max(1, tp + fp), found / max(1, total), tp, fp, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    args = parser.parse_args()
    gold = labels(args.dev)
    points, results = run_grid(args.dev, gold)
    names = sorted(next(iter(results.values())))
    shipped = tuple(SHIPPED.values())
    p, r, *_ = pooled(results[shipped], names, gold)
    print(f"shipped {SHIPPED}: precision {p:.3f} recall {r:.3f} on all {len(names)} documents (fitted on them)")
    held = {}
    chosen: dict[tuple, int] = {}
    for d in names:
        rest = [n for n in names if n != d]

        def key(point: tuple) -> tuple:
            prec, rec, *_ = pooled(results[point], rest, gold)
            return (prec >= 0.95, rec, prec, point == shipped)

        best = max(results, key=key)
        chosen[best] = chosen.get(best, 0) + 1
        held[d] = results[best][d]
    p, r, tp, fp, found = pooled(held, names, gold)
    total = sum(len(v) for v in gold.values())
    print(f"leave-one-document-out: precision {p:.3f} ({tp} right, {fp} wrong) recall {r:.3f} ({found}/{total})")
    for point, n in sorted(chosen.items(), key=lambda kv: -kv[1]):
        print(f"  chosen {n:2d}x: {dict(zip(GRID, point))}")
    print("per document (held out): labels found / labels, wrong findings")
    for d in names:
        if gold.get(d) or held[d][1]:
            print(f"  {d}: {held[d][2]}/{len(gold.get(d, []))}, {held[d][1]} wrong")


if __name__ == "__main__":
    main()
