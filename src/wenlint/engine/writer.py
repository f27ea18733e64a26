"""Writing a fixed document back: atomically, in its own encoding, BOM, line endings and mode,
and never over a file that changed on disk since it was read.

The new bytes go to a temporary file in the same directory, are flushed to disk, get the
original's permission bits (and owner, where allowed), and replace the original with one rename:
a reader sees the old file or the new one, never half of each. A symbolic link is followed, so the
file it points to is fixed and the link stays a link. Just before the rename the original is read
again; if its bytes are no longer those the fixes were computed from (an editor saved it in the
meantime), nothing is replaced.
"""

from __future__ import annotations

import hashlib
import os
import stat

from ..documents import Document
from ..errors import InputError


def digest(data: bytes) -> str:
    """The digest the loader records in `Document.data_hash`."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def encode(doc: Document) -> bytes:
    try:
        return doc.bom + doc.raw.encode(doc.encoding or "utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{doc.path}: the fixed text has {exc.object[exc.start:exc.end]!r}, which {doc.encoding} "
            "cannot encode; not written"
        ) from None


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it back before writing ({exc.strerror})") from None


def _unchanged(path: str, shown: str, expected: str | None) -> None:
    if expected is not None and digest(_read(path)) != expected:
        raise InputError(f"{shown}: changed on disk during the run; not overwritten")


def write_fixed(original: Document, fixed: Document) -> None:
    """Replace the file `original` was read from with the raw text of `fixed`."""
    path = os.path.realpath(original.path)
    current = _read(path)
    if original.data_hash is not None and digest(current) != original.data_hash:
        raise InputError(f"{original.path}: changed on disk during the run; not overwritten")
    if encode(original) != current:
        raise InputError(
            f"{original.path}: its bytes do not survive a round trip through {original.encoding}; not rewritten"
        )
    data = encode(fixed)
    if data == current:
        return
    write_atomic(path, data, expected=digest(current), shown=original.path)


def write_atomic(path: str, data: bytes, expected: str | None = None, shown: str | None = None,
                 mode_from: str | None = None) -> None:
    """Write `data` to `path` through a temporary file and a rename.

    `expected`: the digest `path` must still have just before it is replaced (None: `path` may
    be new or anything). The permissions (and owner, where allowed) come from `mode_from`, else
    from the file being replaced."""
    shown = shown or path
    directory = os.path.dirname(os.path.abspath(path))
    template = mode_from if mode_from is not None else path
    try:
        info = os.stat(template)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"{shown}: cannot write the fixed file ({exc.strerror})") from None
    try:
        import tempfile

        handle = tempfile.NamedTemporaryFile(dir=directory, prefix=".wenlint-", suffix=".tmp", delete=False)
    except OSError as exc:
        raise InputError(f"{shown}: cannot write the fixed file ({exc.strerror})") from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(handle.name, stat.S_IMODE(info.st_mode))
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(handle.name):
                try:
                    os.chown(handle.name, info.st_uid, info.st_gid)
                except OSError:
                    pass  # only root may give a file away; the mode is what matters
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(handle.name, 0o666 & ~umask)
        _unchanged(path, shown, expected)
        os.replace(handle.name, path)
    except BaseException as exc:
        try:
            os.unlink(handle.name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{shown}: cannot write the fixed file ({exc.strerror})") from None
        raise
    _sync_directory(directory)


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable (where the platform allows opening a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lines(text: str) -> list[str]:
    """Lines with their `\n`; only `\n` breaks a line (str.splitlines also breaks at U+2028,
    form feeds and others, which the documents do not count as line breaks)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(original: Document, fixed: Document) -> str:
    import difflib

    lines = difflib.unified_diff(
        _lines(original.source),
        _lines(fixed.source),
        fromfile=f"a/{original.path}",
        tofile=f"b/{original.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
