"""The core install is what `wenlint check` needs; a feature whose extra is missing says which
extra to install in one line, and ST012 works without datasketch."""

from __future__ import annotations

import subprocess
import sys

from wenlint.rules.base import Spec
from wenlint.rules.examples import run_spec
from wenlint.rules.registry import load_registry


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


def test_copies_across_many_documents_without_datasketch(monkeypatch):
    from wenlint.rules.structure import copies

    rule = load_registry(plugins=False).get("ST012")
    spec = Spec(copies.SAMPLE, ("县",), others=(copies.SAMPLE, copies.OTHER_REPORT), options={"exact-below": 1})
    monkeypatch.setitem(sys.modules, "datasketch", None)
    assert not copies._have_datasketch()
    assert run_spec(rule, spec).flags == ["县"]
