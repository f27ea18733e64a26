"""autocorrect-py's lint over every .txt and .md file under a directory, in one process: the
fresh-process counterpart of `wenlint check DIR --jobs 1` that bench/run.py times.

    python bench/autocorrect_lint.py DIR      # prints the number of files and of lint lines
"""

from __future__ import annotations

import sys
from pathlib import Path


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def main() -> int:
    import autocorrect_py

    files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in (".txt", ".md"))
    lines = sum(len(autocorrect_py.lint_for(read_text(p), p.name).lines) for p in files)
    print(f"{len(files)} files, {lines} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
