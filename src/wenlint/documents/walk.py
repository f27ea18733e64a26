"""Which files a run lints: paths given on the command line, directories walked recursively.

A walk takes the files that match `include` (by default .txt, .md, .markdown, .docx), never
enters what `exclude` names (by default .git, virtual environments, node_modules, caches, build
output), and honours `.gitignore` files (unless respect-gitignore is off) and `.wenlintignore`
files, both with gitignore semantics, in the walked directories and their parents up to the
repository root. A file named on the command line is linted whatever its name, unless
`force_exclude` is set (what a pre-commit hook wants); so is a directory named on the command
line, even one that a parent's ignore file names (`wenlint check build/corpus`): the ignore files
inside it still apply.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings

if TYPE_CHECKING:
    import pathspec


@dataclass(frozen=True)
class Target:
    path: str  # as the user will see it; "-" for standard input
    explicit: bool  # named on the command line (not found by a walk)
    error: str | None = None  # a path the walk could not enter or read: reported, not linted


def path_spec(patterns: list[str]) -> pathspec.PathSpec:
    """Gitignore-style patterns, matched by pathspec's plain backend: a few patterns per run, so
    compiling a Hyperscan database for them (its default when hyperscan is installed) costs more
    than it saves."""
    import pathspec  # only when a walk or an exclude needs it: a one-file check does not

    return pathspec.GitIgnoreSpec.from_lines(patterns, backend="simple")


class _Ignores:
    """The ignore files that apply to a directory: (directory, spec) pairs from root downwards."""

    def __init__(self, respect_gitignore: bool) -> None:
        self.names = (".gitignore", ".wenlintignore") if respect_gitignore else (".wenlintignore",)

    def read(self, directory: Path) -> list[tuple[Path, pathspec.PathSpec]]:
        found = []
        for name in self.names:
            file = directory / name
            try:
                if not file.is_file():
                    continue
                lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:  # an unreadable directory or ignore file: the walk reports the directory
                continue
            found.append((directory, path_spec(lines)))
        return found

    def inherited(self, directory: Path) -> list[tuple[Path, pathspec.PathSpec]]:
        """Ignore files of the parents of `directory`, up to the repository root."""
        chain: list[Path] = []
        current = Path(os.path.realpath(directory)).parent
        while True:
            chain.append(current)
            if (current / ".git").exists() or current.parent == current:
                break
            current = current.parent
        specs = []
        for parent in reversed(chain):
            specs += self.read(parent)
        return specs


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.PathSpec]], real: str | None = None,
             bases: dict[Path, str] | None = None) -> bool:
    """Whether an ignore file of `specs` ignores `path`. `real`: its resolved path, if known;
    `bases`: the resolved directories of the ignore files, kept for a walk."""
    if not specs:
        return False
    real = _real_str(path) if real is None else real
    for base, spec in specs:
        if bases is None:
            resolved = _real_str(base)
        else:
            resolved = bases.get(base)
            if resolved is None:
                resolved = bases[base] = _real_str(base)
        rel = _relative(real, resolved)
        if rel is None:
            continue
        if spec.match_file(rel + "/" if is_dir else rel):
            return True
    return False


def iter_targets(paths: list[str], settings: Settings, force_exclude: bool = False) -> Iterator[Target]:
    patterns: dict[str, pathspec.PathSpec] = {}

    def include_spec() -> pathspec.PathSpec:
        if "include" not in patterns:
            patterns["include"] = path_spec(settings.include)
        return patterns["include"]

    def exclude_spec() -> pathspec.PathSpec:
        if "exclude" not in patterns:
            patterns["exclude"] = path_spec(settings.exclude)
        return patterns["exclude"]

    ignores = _Ignores(settings.respect_gitignore)
    root = _real_str(settings.root)
    bases: dict[Path, str] = {}  # an ignore file's directory -> its resolved path

    def excluded(path: Path, is_dir: bool, real: str | None = None) -> bool:
        suffix = "/" if is_dir else ""
        rel = _relative(_real_str(path) if real is None else real, root)
        if rel is None:
            rel = path.name
        exclude = exclude_spec()
        return exclude.match_file(rel + suffix) or exclude.match_file(path.name + suffix)

    seen: set[str] = set()
    for given in paths:
        if given == "-":
            yield Target("-", True)
            continue
        path = Path(given)
        if not path.is_dir():
            if force_exclude and path.exists():
                specs = ignores.inherited(path)
                if excluded(path, False) or _ignored(path, False, specs):
                    continue
            if given not in seen:
                seen.add(given)
                yield Target(given, True)
            continue
        if force_exclude and excluded(path, True):
            continue
        # A parent's ignore file that ignores the named directory itself would ignore all of it.
        inherited = [spec for spec in ignores.inherited(path) if force_exclude or not _ignored(path, True, [spec])]
        specs_of = {path: inherited + ignores.read(path)}
        unreadable: list[OSError] = []
        for current, dirnames, filenames in os.walk(path, onerror=unreadable.append):
            yield from _unreadable(unreadable, seen)
            here = Path(current)
            specs = specs_of.pop(here)
            real_here = _real_str(here)
            kept = []
            for name in sorted(dirnames):
                child = here / name
                real = _real_child(real_here, child)
                if excluded(child, True, real) or _ignored(child, True, specs, real, bases):
                    continue
                kept.append(name)
                specs_of[child] = specs + ignores.read(child)
            dirnames[:] = kept
            for name in sorted(filenames):
                if not include_spec().match_file(name):
                    continue
                file = here / name
                real = _real_child(real_here, file)
                if excluded(file, False, real) or _ignored(file, False, specs, real, bases):
                    continue
                shown = os.path.normpath(str(file))
                if shown not in seen:
                    seen.add(shown)
                    yield Target(shown, False)
        yield from _unreadable(unreadable, seen)


def _real_str(path) -> str:
    """The path with symbolic links resolved; never raises (a link loop stays as it is, and
    reading the file then reports it)."""
    return os.path.realpath(path)


def _real_child(real_parent: str, child: Path) -> str:
    """`_real_str(child)` for an entry of a directory whose resolved path is `real_parent`: only
    a symbolic link needs resolving (the walk would otherwise resolve every component of every
    file's path again)."""
    if os.path.islink(child):
        return os.path.realpath(child)
    return os.path.join(real_parent, child.name)


def _relative(real: str, base: str) -> str | None:
    """`real` relative to `base` (both resolved) in POSIX form, as `Path.relative_to` gives it;
    None when `real` is not inside `base`."""
    if os.name == "nt":  # (case-insensitive comparisons: pathlib's own)
        try:
            return Path(real).relative_to(Path(base)).as_posix()
        except ValueError:
            return None
    if real == base:
        return "."
    prefix = base if base.endswith("/") else base + "/"
    return real[len(prefix):] if real.startswith(prefix) else None


def _unreadable(errors: list[OSError], seen: set[str]) -> Iterator[Target]:
    """Targets that report the directories a walk could not list (it goes on with the rest)."""
    while errors:
        exc = errors.pop(0)
        shown = os.path.normpath(str(exc.filename))
        if shown not in seen:
            seen.add(shown)
            yield Target(shown, False, f"{shown}: cannot read the directory ({exc.strerror}); not linted")
