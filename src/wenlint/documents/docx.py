"""Word documents: each paragraph of the body (table cells included, in reading order) is a line."""

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
    text = "\n".join(p.text for p in paragraphs)
    doc = Document(text, path=name, format="docx", encoding=None)
    # Line i of the document is paragraphs[i]; fixes on Word files use this.
    doc.cache["docx_paragraphs"] = paragraphs
    return doc


def body_paragraphs(word):
    """Paragraphs of the body in reading order, descending into tables."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent, element):
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield Paragraph(child, parent)
            elif tag == "tbl":
                table = Table(child, parent)
                for row in table.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif tag == "sdt":
                content = child.find(child.tag.replace("sdt", "sdtContent"))
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(word, word.element.body)
