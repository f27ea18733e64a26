"""Configuration: discovery upward, selection semantics, severities, per-file ignores, walking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wenlint.config import Settings, find_config_file, load_config_file
from wenlint.engine.selection import enabled_rules, severity_of
from wenlint.errors import ConfigError
from wenlint.rules.registry import Registry, load_registry
from wenlint.rules.packs import load_pack

from ..conftest import run_cli

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry(load_pack(PACK))


def codes(registry, **kwargs) -> list[str]:
    return [r.code for r in enabled_rules(registry, Settings(**kwargs))]


def test_selection_by_code_prefix_category_and_name(registry):
    assert codes(registry) == ["ZZ001", "ZZ002", "ZZ003", "ZZ004", "ZZ005"]
    assert codes(registry, select=["ZZ001", "demo-swap"]) == ["ZZ001", "ZZ002"]
    assert codes(registry, select=["chrome"]) == ["ZZ003"]
    assert codes(registry, select=["ZZ"], ignore=["ZZ00"]) == []
    assert codes(registry, select=["ZZ"], ignore=["structure"]) == ["ZZ001", "ZZ002", "ZZ003"]
    # The more specific selector wins; at equal specificity ignore wins.
    assert codes(registry, ignore=["ZZ"], extend_select=["ZZ002"]) == ["ZZ002"]
    assert codes(registry, select=["ZZ002"], ignore=["ZZ002"]) == []
    assert codes(registry, select=["ALL"], ignore=["placeholder", "script"]) == ["ZZ003", "ZZ004", "ZZ005"]


def test_unknown_selector_is_an_error(registry):
    with pytest.raises(ConfigError, match="ZZ999"):
        enabled_rules(registry, Settings(select=["ZZ999"]))


def test_opt_in_rules_run_only_when_named(registry):
    rule = registry.rules["ZZ004"]
    rule.default_enabled = False
    try:
        assert "ZZ004" not in codes(registry)
        assert "ZZ004" not in codes(registry, select=["ZZ"])
        assert "ZZ004" in codes(registry, extend_select=["ZZ004"])
    finally:
        rule.default_enabled = True


def test_severity_overrides_most_specific_wins(registry):
    settings = Settings(severity={"ZZ": "info", "ZZ001": "warning", "chrome": "error"})
    assert severity_of(registry.rules["ZZ001"], settings) == "warning"
    assert severity_of(registry.rules["ZZ002"], settings) == "info"
    assert severity_of(registry.rules["ZZ003"], settings) == "info"  # prefix "ZZ" beats category


def test_config_is_found_upward_and_pyproject_needs_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config_file(deep) is None or not str(find_config_file(deep)).startswith(str(tmp_path))
    (tmp_path / "a" / "wenlint.toml").write_text("select = ['ZZ001']\n", encoding="utf-8")
    assert find_config_file(deep) == (tmp_path / "a" / "wenlint.toml").resolve()
    settings = load_config_file(tmp_path / "a" / "wenlint.toml")
    assert settings.select == ["ZZ001"] and settings.root == (tmp_path / "a").resolve()


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.wenlint]\nignore = ['WL']\nscript = 'traditional'\nmax-file-size = '2MB'\n"
        "[tool.wenlint.per-file-ignores]\n'legal/*.md' = ['PH']\n"
        "[tool.wenlint.chrome]\nmin-documents = 4\n",
        encoding="utf-8",
    )
    settings = load_config_file(tmp_path / "pyproject.toml")
    assert settings.ignore == ["WL"] and settings.script == "traditional"
    assert settings.max_file_size == 2 * 1024 * 1024
    assert settings.per_file_ignores == {"legal/*.md": ["PH"]}
    assert settings.options == {"chrome": {"min-documents": 4}}


def write_project(root: Path, config: str) -> None:
    (root / "wenlint.toml").write_text(config, encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "a.txt").write_text("XX年工作总结\n列印在纸上\n", encoding="utf-8")
    (root / "legal").mkdir()
    (root / "legal" / "b.md").write_text("XX年合同\n", encoding="utf-8")


def json_codes(proc) -> list[tuple[str, str]]:
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return sorted((Path(f["path"]).as_posix(), f["code"]) for f in json.loads(proc.stdout))


def test_config_and_command_line_together(tmp_path):
    write_project(tmp_path, f"rules = ['{PACK.as_posix()}']\nselect = ['ZZ001', 'ZZ002']\n"
                            "[per-file-ignores]\n'legal/**' = ['ZZ001']\n")
    proc = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert json_codes(proc) == [("docs/a.txt", "ZZ001"), ("docs/a.txt", "ZZ002")]
    # The command line overrides the configuration.
    proc = run_cli("check", ".", "--format", "json", "--select", "ZZ002", cwd=tmp_path)
    assert json_codes(proc) == [("docs/a.txt", "ZZ002")]
    proc = run_cli("check", "docs", "--format", "json", "--ignore", "ZZ002", cwd=tmp_path)
    assert json_codes(proc) == [("docs/a.txt", "ZZ001")]
    # Run from a subdirectory: the configuration is found upward.
    proc = run_cli("check", "a.txt", "--format", "json", cwd=tmp_path / "docs")
    assert json_codes(proc) == [("a.txt", "ZZ001"), ("a.txt", "ZZ002")]
    # --isolated ignores it.
    proc = run_cli("check", "a.txt", "--format", "json", "--isolated", "--rules", str(PACK), "--select", "ZZ003", cwd=tmp_path / "docs")
    assert json_codes(proc) == []


def test_severity_override_and_fail_on(tmp_path):
    write_project(tmp_path, f"rules = ['{PACK.as_posix()}']\nselect = ['ZZ001']\n")
    assert run_cli("check", "docs", cwd=tmp_path).returncode == 1
    assert run_cli("check", "docs", "--severity", "ZZ001=info", cwd=tmp_path).returncode == 0
    assert run_cli("check", "docs", "--severity", "ZZ001=info", "--fail-on", "info", cwd=tmp_path).returncode == 1
    assert run_cli("check", "docs", "--exit-zero", cwd=tmp_path).returncode == 0


def test_walk_respects_excludes_gitignore_and_wenlintignore(tmp_path):
    write_project(tmp_path, f"rules = ['{PACK.as_posix()}']\nselect = ['ZZ001']\nextend-exclude = ['legal']\n")
    for name in ("node_modules", ".git", ".venv", "drafts", "out"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "c.txt").write_text("XX年\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("XX年\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / ".wenlintignore").write_text("out/\n", encoding="utf-8")
    proc = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert json_codes(proc) == [("docs/a.txt", "ZZ001")]
    proc = run_cli("check", ".", "--format", "json", "--no-respect-gitignore", cwd=tmp_path)
    assert json_codes(proc) == [("docs/a.txt", "ZZ001"), ("drafts/c.txt", "ZZ001")]
    # A file named explicitly is linted even if excluded, unless --force-exclude.
    assert json_codes(run_cli("check", "legal/b.md", "--format", "json", cwd=tmp_path)) == [("legal/b.md", "ZZ001")]
    assert json_codes(run_cli("check", "legal/b.md", "--format", "json", "--force-exclude", cwd=tmp_path)) == []
    # So is a directory that a parent's .gitignore names; ignore files inside it still apply.
    (tmp_path / "drafts" / "tmp").mkdir()
    (tmp_path / "drafts" / "tmp" / "d.txt").write_text("XX年\n", encoding="utf-8")
    (tmp_path / "drafts" / ".gitignore").write_text("tmp/\n", encoding="utf-8")
    assert json_codes(run_cli("check", "drafts", "--format", "json", cwd=tmp_path)) == [("drafts/c.txt", "ZZ001")]


def test_standard_input(tmp_path):
    proc = run_cli("check", "-", "--isolated", "--rules", str(PACK), "--select", "ZZ001", "--format", "json",
                   "--stdin-filename", "memo.md", cwd=tmp_path, stdin="前言\nXX年总结\n".encode("gb18030"))
    (finding,) = json.loads(proc.stdout)
    assert (finding["path"], finding["line"], finding["column"], finding["text"]) == ("memo.md", 2, 1, "XX年")


def test_builtin_registry_loads_without_plugins():
    assert len(load_registry(plugins=False)) >= 1
