"""The layers of the package hold (import-linter contracts in pyproject.toml [tool.importlinter]):
errors/findings -> config -> documents -> analyses -> rules -> engine -> reports -> cli, each
importing only from the layers below it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT

LAYERS = ["cli", "reports", "engine", "reporting", "rules", "analyses", "documents", "config", "findings", "errors",
          "taxonomy"]


def _lint_imports(*config: str) -> subprocess.CompletedProcess:
    if importlib.util.find_spec("importlinter") is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    code = ("import sys; from importlinter.cli import lint_imports; "
            f"sys.exit(lint_imports(config_filenames={config!r}, no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_import_contracts_are_kept():
    proc = _lint_imports()
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_contract_is_the_documented_layering():
    from wenlint.config.discovery import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    assert layers["layers"] == [f"wenlint.{name}" for name in LAYERS]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ("taxonomy → errors/findings → config → documents → analyses → rules → reporting → engine → reports → cli"
            in readme)


def test_a_rule_importing_the_engine_breaks_the_contract(tmp_path):
    """The contract is not vacuous: the same layers over a package whose rules import its engine."""
    package = tmp_path / "toy"
    for name in LAYERS:
        (package / name).mkdir(parents=True)
        (package / name / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "rules" / "bad.py").write_text("from ..engine import runner  # noqa\n")
    (package / "engine" / "runner.py").write_text("")
    config = tmp_path / "contracts.toml"
    layers = ", ".join(f'"toy.{name}"' for name in LAYERS)
    config.write_text(f'[tool.importlinter]\nroot_package = "toy"\n[[tool.importlinter.contracts]]\n'
                      f'name = "layers"\ntype = "layers"\nlayers = [{layers}]\n')
    if importlib.util.find_spec("importlinter") is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filenames=(sys.argv[2],), no_cache=True, no_logo=True))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(config)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode != 0 and "toy.rules.bad -> toy.engine.runner" in proc.stdout, proc.stdout + proc.stderr
