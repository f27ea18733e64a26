"""Project conventions: ruff and mypy are clean (configured in pyproject.toml), the version is
written in one place, the package is typed, and the CHANGELOG names the current version."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from importlib.metadata import version

import pytest

import wenlint
from conftest import ROOT


def _tool(module: str, *args: str) -> subprocess.CompletedProcess:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[dev]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_ruff_is_clean():
    proc = _tool("ruff", "check", "--no-cache", "src", "tests", "bench")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean_on_the_public_api_and_plugin_interface():
    proc = _tool("mypy", "--no-incremental")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_version_is_written_once():
    assert version("wenlint") == wenlint.__version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and not re.search(r"^version\s*=", pyproject, re.M)


def test_the_package_is_typed_and_the_changelog_is_current():
    assert (ROOT / "src" / "wenlint" / "py.typed").is_file()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {wenlint.__version__}" in changelog
