"""Read a path (or standard input) into a `Document`."""

from __future__ import annotations

import hashlib
import os
import sys

from ..errors import EmptyDocument, InputError
from .document import Document
from .encoding import decode

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
DOCX_SUFFIXES = {".docx"}
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


def document_format(name: str, source: str | None = None, markup: str = "auto") -> str:
    """"docx", "markdown" or "text". `markup` ("auto", "text", "markdown") decides how a text
    file is read: by its suffix, and with "auto" a `.txt` file whose content is Markdown (see
    `looks_like_markdown`, given its `source`) is read as Markdown too."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if markup != "auto":
        return markup
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if source is not None:
        from .masking import looks_like_markdown

        if looks_like_markdown(source):
            return "markdown"
    return "text"


def load_path(
    path: str | os.PathLike, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, markup: str = "auto"
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
    return load_bytes(data, name, encoding, markup)


def load_stdin(name: str = "-", encoding: str | None = None, markup: str = "auto") -> Document:
    return load_bytes(sys.stdin.buffer.read(), name, encoding, markup)


def load_bytes(data: bytes, name: str, encoding: str | None = None, markup: str = "auto") -> Document:
    format = document_format(name, markup="text" if markup == "text" else "auto")
    if format == "docx":
        from .docx import read_docx

        doc = read_docx(data, name)
    else:
        text, codec, bom = decode(data, name, encoding)
        format = document_format(name, text, markup)
        doc = Document(text, path=name, format=format, encoding=codec, bom=bom)
    if not doc.source.strip():
        raise EmptyDocument(f"{name}: empty document, nothing to lint")
    doc.data_hash = hashlib.blake2b(data, digest_size=16).hexdigest()
    return doc
