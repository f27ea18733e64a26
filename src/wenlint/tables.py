"""Tables wenlint derives from its dictionaries, built once and kept in the user cache directory.

Some tables take a large part of a short run to build from their sources (jieba's dictionary is
parsed twice by jieba itself, once for word frequencies and once for parts of speech). `cached`
builds such a table on first use, writes it to `<cache dir>/tables/` and reads it back in later
processes. A file is named by the table, wenlint's version, the Python version and the builder's
own key (the version of the library the table comes from, the format of the table), so a new
version of any of them builds the table again; a file that cannot be read, or holds something
else, is built again too, never a traceback. Files are written to a temporary name and renamed
into place, so concurrent processes never read half a file.

Tables are plain values (str, bytes, int, tuple, list, dict) written with `marshal`: loading one
runs no code, unlike a pickle. Directory: `WENLINT_CACHE_DIR`, else the user cache directory
(`~/.cache/wenlint` on Linux), as the cache of unchanged files; where it cannot be written the
table is built in memory on every run.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .version import __version__

FORMAT = 1  # bump when the file layout below changes
_MAGIC = "wenlint-table"


def tables_dir() -> Path:
    if os.environ.get("WENLINT_CACHE_DIR"):
        root = Path(os.environ["WENLINT_CACHE_DIR"])
    elif sys.platform.startswith("linux"):  # the XDG rule, without importing platformdirs
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wenlint"
    else:
        import platformdirs

        root = Path(platformdirs.user_cache_dir("wenlint", appauthor=False))
    return root / "tables"


def _stamp(name: str, key: str) -> str:
    python = ".".join(map(str, sys.version_info[:2]))
    return f"{_MAGIC} {FORMAT} {name} {__version__} {python} {key}"


def table_path(name: str, key: str = "") -> Path:
    digest = hashlib.blake2b(_stamp(name, key).encode("utf-8"), digest_size=8).hexdigest()
    return tables_dir() / f"{name}-{digest}.marshal"


def files_key(paths: Iterable[Path]) -> str:
    """A key that changes when one of `paths` is edited, replaced or removed (name, size and
    modification time of each): for a table derived from data files and from the code that
    derives it, also in a checkout where the version stays the same."""
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append(f"{path}:missing")
            continue
        out.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(out)


def cached(name: str, build: Callable[[], Any], key: str = "") -> Any:
    """The table `name`: read from the cache when a file for this version and `key` is there and
    sound, else `build()` (then written for the next process)."""
    path = table_path(name, key)
    stamp = _stamp(name, key)
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        try:
            held = marshal.loads(data)
            if isinstance(held, tuple) and len(held) == 2 and held[0] == stamp:
                return held[1]
        except Exception:  # marshal raises EOFError, ValueError or TypeError on bad data
            pass  # built again below
    table = build()
    _write(path, marshal.dumps((stamp, table)), name)
    return table


def _write(path: Path, data: bytes, name: str) -> None:
    """Old files of other versions are left: two installs sharing the directory must not rebuild
    each other's tables on every run."""
    import tempfile  # only when a table is written: not on the start of every run

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return  # a read-only or full disk: the table stays in memory for this run
