"""`python -m wenlint.docs [--check] [--root DIR]`: write (or check) docs/ and the README's rule table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import build, readme_with_table
from ..rules.registry import load_registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wenlint.docs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    parser.add_argument("--root", default=".", help="the repository (holding README.md and docs/)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    registry = load_registry(plugins=False)
    wanted = {root / "docs" / name: text for name, text in build(registry).items()}
    readme = root / "README.md"
    wanted[readme] = readme_with_table(readme.read_text(encoding="utf-8"), registry)
    stale = [path for path, text in wanted.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    generated = root / "docs" / "rules"
    extra = sorted(p for p in generated.glob("*.md") if p not in wanted) if generated.is_dir() else []
    if args.check:
        for path in [*stale, *extra]:
            print(f"out of date: {path}")
        if stale or extra:
            print("run `python -m wenlint.docs` to regenerate the documentation", file=sys.stderr)
            return 1
        return 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
    for path in extra:  # a rule that no longer exists
        path.unlink()
    print(f"wrote {len(stale)} file(s), removed {len(extra)}; {len(wanted)} up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
