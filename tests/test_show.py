"""`--show-settings` and `--show-files`: what a run would use, without linting."""

from __future__ import annotations

from conftest import run_cli


def project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.wenlint]\nignore = ["SC005"]\nextend-exclude = ["old/"]\n[tool.wenlint.severity]\nCH = "info"\n'
        '[tool.wenlint.placeholder]\nname-suffixes = ["牧业"]\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("XX年\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("正文\n", encoding="utf-8")
    (tmp_path / "docs" / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "d.txt").write_text("XX年\n", encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "wenlint.toml").write_text('select = ["PH"]\n', encoding="utf-8")
    (tmp_path / "legal" / "e.txt").write_text("某某\n", encoding="utf-8")
    return tmp_path


def test_show_settings(tmp_path):
    root = project(tmp_path)
    proc = run_cli("check", "--show-settings", "docs/a.txt", "--extend-select", "PH010", cwd=root)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    assert f"# configuration: {root / 'pyproject.toml'}" in out
    assert 'ignore = ["SC005"]' in out and 'extend-select = ["PH010"]' in out
    assert 'name-suffixes = ["牧业"]' in out
    rules = out.splitlines()[-1]
    assert "CH001=info" in rules and "PH010" in rules and "SC005" not in rules
    legal = run_cli("check", "--show-settings", "legal", cwd=root).stdout.decode()
    assert "legal/wenlint.toml" in legal and legal.splitlines()[-1].startswith("# rules (10): PH001, ")


def test_show_files(tmp_path):
    root = project(tmp_path)
    proc = run_cli("check", "--show-files", cwd=root)
    assert proc.returncode == 0, proc.stderr.decode()
    listed = dict(line.split("\t") for line in proc.stdout.decode().splitlines())
    assert sorted(listed) == ["docs/a.txt", "docs/b.md", "legal/e.txt"]
    assert listed["docs/a.txt"] == str(root / "pyproject.toml")
    named = run_cli("check", "--show-files", "legal", "docs/b.md", cwd=root).stdout.decode().splitlines()
    assert named == [f"legal/e.txt\t{root / 'legal' / 'wenlint.toml'}", f"docs/b.md\t{root / 'pyproject.toml'}"]
    missing = run_cli("check", "--show-files", "nope", cwd=root)
    assert missing.returncode == 2 and "nope: no such file" in missing.stderr.decode()
