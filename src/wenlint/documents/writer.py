"""Writing a fixed document back: atomically, in its own encoding, BOM, line endings and mode,
and never over a file that changed on disk since it was read.

The new bytes go to a temporary file in the same directory, are flushed to disk, get the
original's permission bits (and owner, where allowed), and replace the original with one rename:
a reader sees the old file or the new one, never half of each. A symbolic link is followed, so the
file it points to is fixed and the link stays a link; a file with several names (hard links) is
rewritten through its own inode so that every name sees the fix. A read-only file is refused.
Just before the rename the original is read
again; if its bytes are no longer those the fixes were computed from (an editor saved it in the
meantime), nothing is replaced.
"""

from __future__ import annotations

import hashlib
import os
import stat

from .document import Document
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
    info = os.stat(path)
    if _read_only(path, info):
        raise InputError(f"{original.path}: the file is read-only; not fixed (make it writable to fix it)")
    if info.st_nlink > 1:
        write_in_place(path, data, expected=digest(current), shown=original.path)
    else:
        write_atomic(path, data, expected=digest(current), shown=original.path)


def _read_only(path: str, info: os.stat_result) -> bool:
    """Read-only to its owner (root may write anything, yet a file marked read-only is meant to
    stay as it is), or not writable by this user."""
    if hasattr(os, "geteuid") and info.st_uid == os.geteuid():
        return not info.st_mode & stat.S_IWUSR
    return not os.access(path, os.W_OK)


def write_in_place(path: str, data: bytes, expected: str, shown: str) -> None:
    """Rewrite a file with several names (hard links) through its own inode, so every name
    sees the fixed text. A rename would give this name a new file and leave the others on the
    old one. The new bytes are first written out whole next to it, and stay there if the
    rewrite fails, so nothing is lost."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".wenlint-", suffix=".tmp", delete=False) as copy:
            copy.write(data)
            copy.flush()
            os.fsync(copy.fileno())
    except OSError as exc:
        raise InputError(f"{shown}: cannot write the fixed file ({exc.strerror})") from None
    try:
        _unchanged(path, shown, expected)
        with open(path, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise InputError(f"{shown}: cannot rewrite it ({exc.strerror}); the fixed text is in {copy.name}") from None
    except BaseException:
        os.unlink(copy.name)
        raise
    os.unlink(copy.name)


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


def open_part(path: str, binary: bool):
    """A file to write `path` through: a temporary name beside it (`.wenlint-*.part`), opened for
    bytes or for UTF-8 text; `os.replace` it onto `path` when complete, or `discard_part` it.
    Returns (stream, temporary name); OSError when the folder cannot take it."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".wenlint-", suffix=".part")
    stream = os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="")
    return stream, temporary


def discard_part(stream, temporary: str) -> None:
    """Close and remove a part file that will not be completed."""
    try:
        stream.close()
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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
