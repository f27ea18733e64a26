"""A cache of unchanged files, as ruff keeps one: a repeated run (CI, pre-commit, an editor) reads
what it found last time instead of linting a file again.

An entry is keyed by everything its result depends on: the file's bytes and path, the settings
that lint it, the rule set (codes, severities, the files that define the rules: the package's
modules, the shipped and configured packs, plugins), the wenlint version, the installed libraries
whose behaviour is part of a finding (`DEPENDENCIES`: the Markdown parser, the segmenter and its
dictionary, OpenCC's tables, the pattern engine, the encoding detector) and the run's options
that shape a result. It holds what linting the file produced: its findings, what rules that
compare documents collected from it, its suppression comments and the flagged lines.

Rules that compare documents (ST012, CH030) are run again over what every file collected — fresh
for the files that changed, from the cache for the others — so their findings are always those of
the current set of files. Their findings themselves are taken from the cache only when every input
of the run is unchanged (the same files with the same keys).

Entries are written to a temporary file and renamed into place, so concurrent runs never read a
half-written entry (both write the same bytes for the same key); an entry that cannot be read is a
miss. Directory: `--cache-dir`, else `WENLINT_CACHE_DIR`, else the user's cache directory
(`~/.cache/wenlint` on Linux); `--no-cache` or `WENLINT_NO_CACHE=1` turn it off. The cache is not
used with --fix, --diff, standard input or the HTML report (which needs each document's text).
Entries are pickles, like the results a process pool sends back: the directory must be writable by
its owner only, as the default one is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..version import __version__
from ..documents.walk import Target
from ..findings import Finding
from .runner import FileResult, Linter

FORMAT = 2  # bump when what an entry holds changes
_FIELDS = ("findings", "collected", "suppressions", "context", "warning", "metrics")


def cache_dir(no_cache: bool = False, given: str | None = None) -> Path | None:
    """The cache directory a command line asks for, or None for no cache."""
    if no_cache or os.environ.get("WENLINT_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no"):
        return None
    if given:
        return Path(given)
    if os.environ.get("WENLINT_CACHE_DIR"):
        return Path(os.environ["WENLINT_CACHE_DIR"])
    if sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs on every start
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wenlint"
    import platformdirs

    return Path(platformdirs.user_cache_dir("wenlint", appauthor=False))


def usable(options) -> bool:
    return options.cache_dir is not None and not (options.fix or options.diff or options.keep_source)


def _digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _stamp(paths: list[Path]) -> str:
    """Name, size and modification time of each file: changes when one is edited."""
    out = []
    for path in sorted(set(paths)):
        try:
            st = path.stat()
        except OSError:
            out.append(f"{path}:missing")
            continue
        out.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(out)


@lru_cache(maxsize=1)
def _package_stamp() -> str:
    """The package's own modules and shipped packs (an editable install changes them in place)."""
    from ..rules.registry import builtin_pack_dir

    package = Path(__file__).resolve().parents[1]
    files = list(package.rglob("*.py"))
    packs = builtin_pack_dir()
    if packs.is_dir():
        files += [p for p in packs.rglob("*") if p.is_file()]
    return _stamp(files)


# The top-level modules of the libraries whose upgrade can change a finding (where text and
# syntax are told apart, how words are cut, how scripts convert, how patterns match, how bytes
# decode). Stamped by the file of each and the folder of a package (an install writes and removes
# files there), found without importing them.
DEPENDENCIES = ("pyromark", "jieba", "marisa_trie", "opencc", "regex", "charset_normalizer", "docx")


@lru_cache(maxsize=1)
def _dependency_stamp() -> str:
    import importlib.util

    files = []
    for name in DEPENDENCIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            files.append(Path(f"<{name} not installed>"))
            continue
        origin = Path(spec.origin)
        files += [origin, origin.parent] if origin.name == "__init__.py" else [origin]
    return _stamp(files)


def _rule_files(linter: Linter) -> list[Path]:
    import inspect

    files = []
    for rule in linter.rules:
        if rule.source.endswith(".toml"):
            files.append(Path(rule.source))
        elif rule.source != "builtin":
            try:
                files.append(Path(inspect.getfile(type(rule))))
            except (TypeError, OSError):
                pass
    return files


def linter_key(linter: Linter, options) -> str:
    settings = repr(linter.settings)  # a dataclass of plain values: its repr is deterministic
    rules = "\n".join(
        f"{r.code} {r.name} {linter.severity[r.code]} {r.source} {type(r).__module__}.{type(r).__qualname__}"
        for r in linter.rules
    )
    shape = f"context={options.keep_context} profile={options.profile}"
    return _digest(str(FORMAT), __version__, settings, rules, shape, _package_stamp(), _dependency_stamp(),
                   _stamp(_rule_files(linter)))


class Cache:
    def __init__(self, directory: Path) -> None:
        self.root = Path(directory) / f"v{FORMAT}"
        self.writable = True

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def file_key(self, target: Target, linter_digest: str, max_bytes: int) -> str | None:
        """The key of a file's entry, or None when the file cannot be read (linting reports why)."""
        try:
            if os.stat(target.path).st_size > max_bytes:
                return None
            with open(target.path, "rb") as handle:
                data = handle.read()
        except OSError:
            return None
        return _digest(linter_digest, target.path, "1" if target.explicit else "0", data)

    def has(self, key: str) -> bool:
        return os.path.exists(self._path(key))

    def load(self, key: str) -> Any:
        try:
            with open(self._path(key), "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign entry: lint again
            return None

    def store(self, key: str, value: Any) -> None:
        if not self.writable:
            return
        import tempfile

        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError:
            self.writable = False  # a read-only or full disk: lint without writing


# Findings are stored as tuples of their fields (unpickling frozen dataclasses one by one took
# most of a warm run); the fix as applied (`raw_fix`) is left out: the cache is not used for fixes.
_FINDING_FIELDS = tuple(name for name in Finding.__dataclass_fields__ if name != "raw_fix")


def _entry(result: FileResult) -> dict | None:
    if result.error is not None or result.problems:
        return None
    entry = {name: getattr(result, name) for name in _FIELDS}
    entry["findings"] = [tuple(getattr(f, name) for name in _FINDING_FIELDS) for f in result.findings]
    return entry


def _result(target: Target, entry: dict) -> FileResult:
    result = FileResult(target.path)
    for name in _FIELDS:
        setattr(result, name, entry[name])
    result.findings = [Finding(*fields) for fields in entry["findings"]]
    return result


LintAll = Callable[[list[tuple[Target, Linter]]], Iterable[FileResult]]


def iter_cached(work: list[tuple[Target, Linter]], options, lint_all: LintAll) -> Iterator[tuple[FileResult, str | None, bool]]:
    """(result, key, hit) for each file of `work`, in order: from the cache where a file is
    unchanged, from `lint_all` (one call, in order) for the rest. The key is None for a file that
    cannot be cached. Entries are read as they are yielded, so a warm run holds one at a time."""
    cache = Cache(options.cache_dir)
    digests: dict[int, str] = {}
    keys: list[str | None] = []
    for target, linter in work:
        digest = digests.get(id(linter))
        if digest is None:
            digest = digests[id(linter)] = linter_key(linter, options)
        keys.append(cache.file_key(target, digest, linter.settings.max_file_size) if target.path != "-" else None)
    present = [key is not None and cache.has(key) for key in keys]
    fresh = iter(lint_all([item for item, there in zip(work, present) if not there]))
    for index, (target, linter) in enumerate(work):
        key = keys[index]
        entry = cache.load(key) if present[index] else None
        if entry is not None:
            yield _result(target, entry), key, True
            continue
        # A miss, or an entry that could not be read (lint it on its own).
        result = next(fresh) if not present[index] else next(iter(lint_all([(target, linter)])))
        stored = _entry(result)
        if stored is not None and key:
            cache.store(key, stored)
        yield result, key, False


def lint_cached(work: list[tuple[Target, Linter]], options, lint_all: LintAll) -> tuple[list[FileResult], list[str | None], set[int]]:
    """Results for `work` (in order), each file's key (None: not cacheable) and the indices that
    were hits."""
    done, keys, hits = [], [], set()
    for index, (result, key, hit) in enumerate(iter_cached(work, options, lint_all)):
        done.append(result)
        keys.append(key)
        if hit:
            hits.add(index)
    return done, keys, hits


def finish_cached(work, done: list[FileResult], keys: list[str | None], hits: set[int], options,
                  linters, finish_one: Callable[[Linter, list[FileResult]], list[str]]) -> list[str]:
    """The corpus phase per configuration; its findings come from the cache when every file of
    the configuration is an unchanged hit, and are stored after a fresh phase."""
    cache = Cache(options.cache_dir)
    problems: list[str] = []
    for linter in linters:
        mine = [i for i, (_, owner) in enumerate(work) if owner is linter]
        results = [done[i] for i in mine]
        codes = {rule.code for rule in linter.corpus_rules}
        if not codes:
            problems += finish_one(linter, results)
            continue
        every_key = [keys[i] for i in mine]
        run_key = _digest("corpus", *(k or "" for k in every_key)) if all(every_key) else None
        cached = cache.load(run_key) if run_key and all(i in hits for i in mine) else None
        if cached is not None:
            for result in results:
                result.findings = sorted(result.findings + cached.get(result.path, []), key=lambda f: f.sort_key)
            continue
        found = finish_one(linter, results)
        problems += found
        if run_key and not found:
            cache.store(run_key, {
                r.path: [f for f in r.findings if f.code in codes] for r in results
                if any(f.code in codes for f in r.findings)
            })
    return problems
