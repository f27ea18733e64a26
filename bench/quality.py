"""Detection quality on real documents: recall and precision on the labelled development set,
false alarms per 20,000 characters on the clean corpus, each rule's measured precision.

    python bench/quality.py                      # the tables and a summary line
    python bench/quality.py --show 20 --family structure   # also misses and false alarms
    python bench/quality.py --format json > q.json
    python bench/quality.py --update             # tighten the thresholds, rewrite rule precision

The corpus is `../shared/corpus` beside the repository (or --corpus). Not a timed test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wenlint.quality import thresholds  # noqa: E402
from wenlint.quality.measure import measure  # noqa: E402
from wenlint.quality.report import render, summary_line  # noqa: E402

THRESHOLDS = ROOT / "tests" / "quality" / "thresholds.toml"
CONFIRMED = ROOT / "tests" / "quality" / "confirmed.jsonl"
PRECISION = ROOT / "rules" / "data" / "measured-precision.toml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--format", choices=("rich", "json"), default="rich")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="list N misses and false alarms per table")
    parser.add_argument("--family", help="only this family in the rule table and the lists")
    parser.add_argument("--code", help="only this rule in the lists of false alarms")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--no-web", action="store_true", help="skip the unlabelled web pages")
    parser.add_argument("--update", action="store_true",
                        help="tighten tests/quality/thresholds.toml and rewrite rules/data/measured-precision.toml")
    args = parser.parse_args(argv)
    if not (args.corpus / "dev").is_dir():
        print(f"quality: no corpus at {args.corpus} (use --corpus)", file=sys.stderr)
        return 2
    m = measure(args.corpus, CONFIRMED, jobs=args.jobs, with_web=not args.no_web)
    current = thresholds.current_figures(m)
    committed = thresholds.load(THRESHOLDS)
    if args.format == "json":
        out = m.as_dict()
        out["threshold_failures"] = thresholds.failures(committed, current)
        out["summary"] = summary_line(m)
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        console = Console(highlight=False, width=max(140, Console().width))
        render(m, console, args.show, args.family, args.code)
        for line in thresholds.failures(committed, current):
            console.print(f"[red]below the committed floor:[/] {line}")
    if args.update:
        THRESHOLDS.write_text(thresholds.dump(thresholds.tightened(committed, current)), encoding="utf-8")
        PRECISION.write_text(thresholds.dump_precision(m.rules), encoding="utf-8")
        print(f"wrote {THRESHOLDS.relative_to(ROOT)} and {PRECISION.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
