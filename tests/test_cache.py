"""The cache of unchanged files: a second run reads what the first found; any change to a file's
content, the settings, the rules or the version lints it again; rules that compare documents see
the current set of files; concurrent runs and damaged entries are safe."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli
from wenlint.engine import cache as cache_module
from wenlint.engine import run as run_module
from wenlint.engine.run import RunOptions, run
from wenlint.engine.runner import Linter


@pytest.fixture
def repo(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("XX年工作总结。\n", encoding="utf-8")
    (docs / "b.txt").write_text("小花文档网欢迎您!\n正文很好。\n", encoding="utf-8")
    for seed in ("000", "003"):  # copies of each other (ST012)
        (source,) = SEEDS.glob(f"{seed}_*.txt")
        shutil.copy(source, docs / source.name)
    (tmp_path / "wenlint.toml").write_text("", encoding="utf-8")
    return tmp_path


@pytest.fixture
def counting(monkeypatch):
    """Which files a run lints, and how many corpus phases it runs."""
    linted: list[str] = []
    finished: list[int] = []
    lint_target, finish = run_module.lint_target, Linter.finish

    def count_lint(target, *args, **kwargs):
        linted.append(Path(target.path).name)
        return lint_target(target, *args, **kwargs)

    def count_finish(self, results, *aside):
        finished.append(len(results))
        return finish(self, results, *aside)

    monkeypatch.setattr(run_module, "lint_target", count_lint)
    monkeypatch.setattr(Linter, "finish", count_finish)
    return linted, finished


def lint(repo: Path, cache_dir: Path, monkeypatch, **options) -> list[tuple]:
    monkeypatch.chdir(repo)
    result = run(["docs"], options=RunOptions(cache_dir=cache_dir, jobs=1, **options))
    assert not result.errors
    return [(f.path, f.line, f.column, f.code, f.message) for f in result.findings]


def test_second_run_reads_the_cache(repo, tmp_path, counting, monkeypatch):
    linted, finished = counting
    first = lint(repo, tmp_path / "cache", monkeypatch)
    assert sorted(linted) == sorted(p.name for p in (repo / "docs").iterdir())
    assert {"PH001", "CH001", "ST012"} <= {f[3] for f in first}
    linted.clear(), finished.clear()
    assert lint(repo, tmp_path / "cache", monkeypatch) == first
    assert linted == [] and finished == []  # every input unchanged: not even the corpus phase runs


def test_changed_content_is_linted_again(repo, tmp_path, counting, monkeypatch):
    linted, finished = counting
    lint(repo, tmp_path / "cache", monkeypatch)
    linted.clear(), finished.clear()
    (repo / "docs" / "a.txt").write_text("2019年工作总结。\n", encoding="utf-8")
    second = lint(repo, tmp_path / "cache", monkeypatch)
    assert linted == ["a.txt"]
    assert not any(f[0].endswith("a.txt") and f[3] == "PH001" for f in second)
    assert finished, "a changed input: the rules that compare documents run again"
    assert any(f[3] == "ST012" for f in second)


def test_rules_comparing_documents_see_the_current_files(repo, tmp_path, counting, monkeypatch):
    first = lint(repo, tmp_path / "cache", monkeypatch)
    copies = [f for f in first if f[3] == "ST012"]
    assert len({f[0] for f in copies}) == 2
    (one,) = (repo / "docs").glob("000_*.txt")
    one.write_text("另一份完全不同的报告。\n", encoding="utf-8")  # the other copy is a cache hit
    assert not any(f[3] == "ST012" for f in lint(repo, tmp_path / "cache", monkeypatch))


def test_changed_settings_lint_again(repo, tmp_path, counting, monkeypatch):
    linted, _ = counting
    lint(repo, tmp_path / "cache", monkeypatch)
    linted.clear()
    (repo / "wenlint.toml").write_text('ignore = ["PH001"]\n', encoding="utf-8")
    second = lint(repo, tmp_path / "cache", monkeypatch)
    assert len(linted) == 4 and "PH001" not in {f[3] for f in second}
    linted.clear()
    (repo / "wenlint.toml").write_text("", encoding="utf-8")
    assert "PH001" in {f[3] for f in lint(repo, tmp_path / "cache", monkeypatch)}
    assert linted == []  # the earlier settings' entries are still there


def test_a_new_version_lints_again(repo, tmp_path, counting, monkeypatch):
    linted, _ = counting
    first = lint(repo, tmp_path / "cache", monkeypatch)
    linted.clear()
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    assert lint(repo, tmp_path / "cache", monkeypatch) == first
    assert len(linted) == 4


def test_an_upgraded_library_lints_again(repo, tmp_path, counting, monkeypatch):
    # A library whose behaviour is part of a finding (the Markdown parser, the segmenter, ...):
    # a new install of it rewrites its files, and the cached results are not reused.
    linted, _ = counting
    library = tmp_path / "site" / "fakelib"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(cache_module, "DEPENDENCIES", (*cache_module.DEPENDENCIES, "fakelib"))
    cache_module._dependency_stamp.cache_clear()
    first = lint(repo, tmp_path / "cache", monkeypatch)
    linted.clear()
    (library / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")
    cache_module._dependency_stamp.cache_clear()
    try:
        assert lint(repo, tmp_path / "cache", monkeypatch) == first
        assert len(linted) == 4
    finally:
        monkeypatch.undo()
        cache_module._dependency_stamp.cache_clear()


def test_options_that_shape_a_result_are_part_of_the_key(repo, tmp_path, counting, monkeypatch):
    linted, _ = counting
    lint(repo, tmp_path / "cache", monkeypatch, keep_context=False)
    linted.clear()
    monkeypatch.chdir(repo)
    result = run(["docs"], options=RunOptions(cache_dir=tmp_path / "cache", jobs=1, keep_context=True))
    assert len(linted) == 4 and result.line_texts()


def test_damaged_entries_are_misses(repo, tmp_path, counting, monkeypatch):
    linted, _ = counting
    first = lint(repo, tmp_path / "cache", monkeypatch)
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:7])
    linted.clear()
    assert lint(repo, tmp_path / "cache", monkeypatch) == first
    assert len(linted) == 4


def test_fixes_do_not_use_the_cache(repo, tmp_path, counting, monkeypatch):
    linted, _ = counting
    lint(repo, tmp_path / "cache", monkeypatch)
    linted.clear()
    lint(repo, tmp_path / "cache", monkeypatch, diff=True)
    assert len(linted) == 4


def test_command_line_and_environment(repo, tmp_path, monkeypatch):
    monkeypatch.delenv("WENLINT_NO_CACHE")
    store = tmp_path / "store"
    first = run_cli("check", "docs", "--format", "json", "--cache-dir", str(store), cwd=repo)
    assert first.returncode == 1 and any(store.rglob("*"))
    second = run_cli("check", "docs", "--format", "json", "--cache-dir", str(store), cwd=repo)
    assert second.stdout == first.stdout and second.returncode == 1
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path / "env"))
    assert run_cli("check", "docs", "--format", "json", cwd=repo).stdout == first.stdout
    assert any((tmp_path / "env").rglob("*"))
    assert run_cli("check", "docs", "--format", "json", "--no-cache", "--cache-dir", str(tmp_path / "none"),
                   cwd=repo).stdout == first.stdout
    assert not (tmp_path / "none").exists()
    monkeypatch.setenv("WENLINT_NO_CACHE", "1")
    run_cli("check", "docs", "--cache-dir", str(tmp_path / "off"), cwd=repo)
    assert not (tmp_path / "off").exists()


def test_concurrent_runs_share_a_cache(repo, tmp_path, monkeypatch):
    monkeypatch.delenv("WENLINT_NO_CACHE")
    store = str(tmp_path / "shared")
    command = [sys.executable, "-m", "wenlint", "check", "docs", "--format", "json", "-j1", "--cache-dir", store]
    runs = [subprocess.Popen(command, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [proc.communicate(timeout=300) for proc in runs]
    assert len({out for out, _ in outputs}) == 1 and all(not err for _, err in outputs)
    assert not list((tmp_path / "shared").rglob(".tmp-*"))
    again = run_cli("check", "docs", "--format", "json", "-j1", "--cache-dir", store, cwd=repo)
    assert again.stdout == outputs[0][0]


def test_the_default_directory_is_the_users_cache(tmp_path, monkeypatch):
    monkeypatch.delenv("WENLINT_NO_CACHE")
    monkeypatch.delenv("WENLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    expected = tmp_path / "xdg" / "wenlint" if sys.platform.startswith("linux") else None
    found = cache_module.cache_dir()
    assert found is not None and (expected is None or found == expected)
    assert cache_module.cache_dir(given=str(tmp_path / "given")) == tmp_path / "given"
    assert cache_module.cache_dir(no_cache=True, given=str(tmp_path / "given")) is None
