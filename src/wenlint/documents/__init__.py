"""Loading documents (.txt, .md, .docx, standard input) and exact positions in them."""

from .document import MASK, Document
from .loader import document_format, load_bytes, load_path, load_stdin

__all__ = ["MASK", "Document", "document_format", "load_bytes", "load_path", "load_stdin"]
