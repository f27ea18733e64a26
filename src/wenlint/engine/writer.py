"""Writing a fixed document back: atomically, in its own encoding, BOM, line endings and mode,
and never over a file that changed on disk since it was read."""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import tempfile

from ..documents import Document
from ..errors import InputError


def encode(doc: Document) -> bytes:
    try:
        return doc.bom + doc.raw.encode(doc.encoding or "utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{doc.path}: the fixed text has {exc.object[exc.start:exc.end]!r}, which {doc.encoding} "
            "cannot encode; not written"
        ) from None


def write_fixed(original: Document, fixed: Document) -> None:
    path = original.path
    try:
        with open(path, "rb") as handle:
            current = handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it back before writing ({exc.strerror})") from None
    if hashlib.blake2b(current, digest_size=16).hexdigest() != original.data_hash:
        raise InputError(f"{path}: changed on disk during the run; not overwritten")
    if encode(original) != current:
        raise InputError(
            f"{path}: its bytes do not survive a round trip through {original.encoding}; not rewritten"
        )
    data = encode(fixed)
    directory = os.path.dirname(os.path.abspath(path))
    handle = tempfile.NamedTemporaryFile(dir=directory, prefix=".wenlint-", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, handle.name)
        os.replace(handle.name, path)
    except OSError as exc:
        try:
            os.unlink(handle.name)
        except OSError:
            pass
        raise InputError(f"{path}: cannot write the fixed file ({exc.strerror})") from None


def unified_diff(original: Document, fixed: Document) -> str:
    lines = difflib.unified_diff(
        original.source.splitlines(keepends=True),
        fixed.source.splitlines(keepends=True),
        fromfile=f"a/{original.path}",
        tofile=f"b/{original.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
