"""The walk resolves each directory once and only the entries that are symbolic links: what it
takes and leaves must be what resolving every path gives (exclude patterns and ignore files are
matched against the resolved path, relative to the root and to the ignore file's directory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wenlint.config import Settings
from wenlint.documents.walk import _relative, iter_targets

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for rel in ("docs/a.txt", "docs/sub/b.md", "private/secret.txt", "legal/terms.txt", "notes/n.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("正文。\n", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text("正文。\n", encoding="utf-8")
    (root / ".gitignore").write_text("private/\nnotes/n.txt\n", encoding="utf-8")
    # Links whose resolved paths are ignored (private/), excluded (legal/) or outside the root.
    os.symlink(root / "private", root / "docs" / "hidden")
    os.symlink(root / "legal" / "terms.txt", root / "docs" / "terms-link.txt")
    os.symlink(outside / "far.txt", root / "docs" / "far-link.txt")
    os.symlink(root / "notes", root / "docs" / "notes-link")
    (root / ".git").mkdir()
    return root


def test_links_are_judged_by_their_resolved_paths(tmp_path):
    root = _tree(tmp_path)
    settings = Settings(root=root, exclude=[*Settings().exclude, "legal"])
    found = sorted(Path(t.path).relative_to(root).as_posix() for t in iter_targets([str(root)], settings))
    # docs/hidden is private/ (ignored), docs/terms-link.txt is legal/terms.txt (excluded),
    # docs/notes-link/n.txt is notes/n.txt (ignored); far-link.txt resolves outside the root and
    # is judged by its name.
    assert found == ["docs/a.txt", "docs/far-link.txt", "docs/sub/b.md"]


def test_the_walk_from_a_linked_directory(tmp_path):
    root = _tree(tmp_path)
    (tmp_path / "alias").symlink_to(root)
    settings = Settings(root=root)
    found = sorted(Path(t.path).relative_to(tmp_path / "alias").as_posix()
                   for t in iter_targets([str(tmp_path / "alias")], settings))
    assert "private/secret.txt" not in found and "docs/hidden/secret.txt" not in found
    assert "docs/a.txt" in found and "legal/terms.txt" in found


@pytest.mark.parametrize(("real", "base", "want"), [
    ("/a/b/c.txt", "/a/b", "c.txt"),
    ("/a/b", "/a/b", "."),
    ("/a/bc/d.txt", "/a/b", None),
    ("/x/y", "/a", None),
    ("/a/b", "/", "a/b"),
])
def test_relative_is_path_relative_to(real, base, want):
    assert _relative(real, base) == want
    try:
        expected = Path(real).relative_to(Path(base)).as_posix()
    except ValueError:
        expected = None
    assert expected == want
