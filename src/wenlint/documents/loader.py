"""Read a path (or standard input) into a `Document`."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from ..errors import EmptyDocument, InputError
from .document import Document
from .encoding import decode

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
DOCX_SUFFIXES = {".docx"}
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def document_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return "text"


def load_path(
    path: str | os.PathLike, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    name = str(path)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise InputError(
            f"{name}: {size / 1048576:.1f} MB is over the {max_bytes / 1048576:.0f} MB limit "
            "(raise max-file-size in the configuration)"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    return load_bytes(data, name, encoding)


def load_stdin(name: str = "-", encoding: str | None = None) -> Document:
    return load_bytes(sys.stdin.buffer.read(), name, encoding)


def load_bytes(data: bytes, name: str, encoding: str | None = None) -> Document:
    format = document_format(name)
    if format == "docx":
        from .docx import read_docx

        doc = read_docx(data, name)
    else:
        text, codec, bom = decode(data, name, encoding)
        doc = Document(text, path=name, format=format, encoding=codec, bom=bom)
    if not doc.source.strip():
        raise EmptyDocument(f"{name}: empty document, nothing to lint")
    doc.data_hash = hashlib.blake2b(data, digest_size=16).hexdigest()
    return doc
