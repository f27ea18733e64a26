"""Word documents: each paragraph of the body (table cells included, in reading order) is a line.

A soft line break inside a paragraph (Shift+Enter, `<w:br/>`, `<w:cr/>`) reads as a space, so line
N of the document is always paragraph N and a finding's line is the paragraph it sits in."""

from __future__ import annotations

import io

from ..errors import InputError
from .document import Document


def read_docx(data: bytes, name: str) -> Document:
    import zipfile

    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError(f"{name}: reading .docx needs python-docx") from None
    try:
        word = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable Word (.docx) file ({exc})") from None
    except Exception as exc:  # python-docx raises several lxml/opc errors for broken packages
        raise InputError(f"{name}: not a readable Word (.docx) file ({type(exc).__name__})") from None
    paragraphs = list(body_paragraphs(word))
    text = "\n".join(paragraph_text(p) for p in paragraphs)
    doc = Document(text, path=name, format="docx", encoding=None)
    # Line i of the document is paragraphs[i]; fixes on Word files use this.
    doc.word_paragraphs = paragraphs
    return doc


def paragraph_text(paragraph) -> str:
    """The paragraph's text as one line (same length as python-docx's text: offsets carry over)."""
    return paragraph.text.translate(_ONE_LINE)


_ONE_LINE = {ord("\n"): " ", ord("\r"): " "}


def body_paragraphs(word):
    """Paragraphs of the body in the order of the file, descending into tables (every row and
    cell once: a cell that continues a vertical merge is its own, usually empty, `w:tc`), content
    controls and custom XML."""
    from docx.text.paragraph import Paragraph

    def walk(element):
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if tag == "p":
                yield Paragraph(child, word)
            elif tag in _CONTAINERS:
                yield from walk(child)

    yield from walk(word.element.body)


# Elements whose descendants may hold body paragraphs (in a table: tbl > tr > tc > p).
_CONTAINERS = {"tbl", "tr", "tc", "sdt", "sdtContent", "customXml"}
