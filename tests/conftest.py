from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The cache of unchanged files is tested on its own (tests/test_cache.py); elsewhere every run
# lints afresh, also in the subprocesses the tests start, and nothing is written to the user's cache.
os.environ["WENLINT_NO_CACHE"] = "1"
# The tables wenlint keeps in its cache directory (wenlint.tables) go to one of the tests' own,
# kept between sessions so that jieba's dictionary is read once, not in every session.
os.environ.setdefault("WENLINT_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"wenlint-tests-{os.getuid()}"))
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with `prefix` (e.g. "003")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run `wenlint` as a user would, in a subprocess (exit status, stdout, stderr)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="100")
    env.pop("WENLINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "wenlint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )


def lint(text: str, *select: str, path: str = "doc.txt", **kwargs):
    """Findings of the selected rules on `text` (all rules when none are named)."""
    import wenlint

    return wenlint.lint_text(text, path=path, select=list(select) or None, **kwargs)


def flagged(text: str, *select: str, **kwargs) -> list[str]:
    return [f.text for f in lint(text, *select, **kwargs)]


# CI runs the property tests on a fixed set of examples (no flakiness between runs, no example
# database written); developers get fresh random examples on every run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
