"""The core install is what `wenlint check` needs; a feature whose extra is missing says which
extra to install in one line."""

from __future__ import annotations

import subprocess
import sys


def _run_without(module: str, args: list[str], cwd) -> subprocess.CompletedProcess:
    code = (f"import sys; sys.modules[{module!r}] = None; from wenlint.cli import main; "
            f"sys.exit(main({args!r}))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, timeout=120)


def test_parquet_output_without_pyarrow_names_the_extra(tmp_path):
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    proc = _run_without("pyarrow", ["profile", "a.txt", "--isolated", "-o", "p.parquet"], tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "pip install 'wenlint[parquet]'" in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p.parquet").exists()
