"""Writing a fixed copy of a Word file: `name.docx` -> `name.fixed.docx`; the original is never
written to.

Line N of a Word document is paragraph N (see `docx.py`), and fixes are edits of that text. To
carry them into the file, every character of the text is traced to where it came from: a `w:t`
element of a run (or a one-character element: tab, soft break, non-breaking hyphen), or a
paragraph boundary. The fixes are replayed pass by pass on that trace, then each run keeps its own
surviving characters, so formatting stays with the text it was on:

- replacement text takes the formatting of the first character it replaces; inserted text that
  of the character before it (or, at the start of a paragraph, after it);
- a deleted line is a removed paragraph; two lines joined are two paragraphs merged (the first
  one's paragraph properties win); an inserted line break splits a paragraph, both halves keeping
  its properties;
- runs, hyperlinks, fields, bookmarks and pictures that no fix touches are left as they are.

A fix that would merge paragraphs of different table cells (or a cell and the text around the
table) cannot be represented in a Word file; it is not applied and its finding stays. Before the
copy is written it is read back, and its text must be exactly the fixed text; otherwise nothing is
written.
"""

from __future__ import annotations

import copy
import io
import os
from dataclasses import dataclass

from ..errors import InputError
from ..findings import Edit, Fix
from .document import Document
from .. import lazyre

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_TEXT = {f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}ptab"}
_NEWLINE = lazyre.compile(r"\r\n|\r|\n")


def fixed_copy_path(path: str) -> str:
    """`report.docx` -> `report.fixed.docx`, next to the original."""
    root, ext = os.path.splitext(path)
    return f"{root}.fixed{ext or '.docx'}"


@dataclass
class _Atom:
    """One text-bearing element of a run: a `w:t`, or a one-character element."""

    node: object  # the lxml element
    text: str  # its text as python-docx reads it
    is_text: bool  # a `w:t`, which can hold any text


class _Paragraph:
    def __init__(self, element) -> None:
        self.element = element
        self.parent = element.getparent()  # the body, a table cell, a content control
        self.atoms: list[_Atom] = []
        for item in element.xpath("w:r | w:hyperlink"):
            runs = item.xpath("w:r") if item.tag == f"{W}hyperlink" else [item]
            for run in runs:
                for node in run.xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"):
                    text = str(node)
                    if text:
                        self.atoms.append(_Atom(node, text, node.tag == f"{W}t"))

    @property
    def text(self) -> str:
        return "".join(a.text for a in self.atoms)


# A character of the (fixed) text comes from (paragraph, atom, offset), is the boundary after
# paragraph i (i, -1, 0), or was put there by a fix: (-1, paragraph, atom) when it replaced text
# whose first character came from that atom, (-1, -1, -1) when it was inserted.
_Origin = tuple[int, int, int]
_INSERTED = (-1, -1, -1)


def _is_original(item: _Origin) -> bool:
    return item[0] >= 0


class DocxFixer:
    """Replays a Word document's fixes on its paragraphs; see the module documentation."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        paragraphs = doc.word_paragraphs
        if paragraphs is None:
            raise InputError(f"{doc.path}: not read from a Word file; cannot write a fixed copy")
        self.paragraphs = [_Paragraph(p._p) for p in paragraphs]
        self.word_part = paragraphs[0].part if paragraphs else None
        origin: list[_Origin] = []
        for pi, paragraph in enumerate(self.paragraphs):
            if pi:
                origin.append((pi - 1, -1, 0))
            for ai, atom in enumerate(paragraph.atoms):
                origin.extend((pi, ai, k) for k in range(len(atom.text)))
        self.origin = origin
        self.text = doc.text
        if len(origin) != len(doc.text):
            raise InputError(f"{doc.path}: the Word file's paragraphs do not match its text; cannot fix it")

    # ----- during the fix passes --------------------------------------------------------------

    def accept(self, fix: Fix) -> bool:
        """False for a fix that would join paragraphs of different containers (table cells, or a
        cell and the text around its table): a Word file cannot show that."""
        return all(self._placed(edit) is not None for edit in fix.edits)

    def _crosses(self, item: _Origin) -> bool:
        """Whether `item` is a paragraph boundary between two different containers."""
        if not (_is_original(item) and item[1] == -1):
            return False
        return self.paragraphs[item[0]].parent is not self.paragraphs[item[0] + 1].parent

    def _placed(self, edit: Edit) -> Edit | None:
        """The edit as the Word file can take it, or None.

        Deleting a whole paragraph together with the boundary after it is the same text as
        deleting it with the boundary before it; when only one of the two boundaries lies inside
        one container (the paragraph just before a table), that one is used."""
        span = self.origin[edit.start : edit.end]
        crossing = [i for i, item in enumerate(span) if self._crosses(item)]
        if not crossing:
            return edit
        if edit.content or len(crossing) != 1 or len(span) < 2:
            return None
        inside = [item for item in span if not (_is_original(item) and item[1] == -1)]
        if len(inside) != len(span) - 1:
            return None
        if crossing == [len(span) - 1] and edit.start > 0:
            # paragraph k and the boundary after it; use the boundary before it instead
            before = self.origin[edit.start - 1]
            k = span[-1][0]
            if _is_original(before) and before[1] == -1 and before[0] == k - 1 and not self._crosses(before):
                if all(not _is_original(item) or item[0] == k for item in inside):
                    return Edit(edit.start - 1, edit.end - 1, "")
        if crossing == [0] and edit.end < len(self.origin):
            # the boundary before paragraph k and paragraph k; use the boundary after it instead
            after = self.origin[edit.end]
            k = span[0][0] + 1
            if _is_original(after) and after[1] == -1 and after[0] == k and not self._crosses(after):
                if all(not _is_original(item) or item[0] == k for item in inside):
                    return Edit(edit.start + 1, edit.end + 1, "")
        return None

    def advance(self, edits: list[Edit]) -> None:
        """Record one pass of edits (sorted, in the coordinates of the current text)."""
        origin: list[_Origin] = []
        text: list[str] = []
        pos = 0
        for edit in edits:
            placed = self._placed(edit)
            if placed is not None and placed.start >= pos:
                edit = placed  # the same text; only which paragraph boundary survives differs
            content = _NEWLINE.sub("\n", edit.content)
            origin += self.origin[pos : edit.start]
            text.append(self.text[pos : edit.start])
            mark = _INSERTED
            if edit.start < edit.end:
                first = self.origin[edit.start]
                if _is_original(first) and first[1] >= 0:
                    mark = (-1, first[0], first[1])
                elif not _is_original(first):
                    mark = first  # replacing replacement text: the same formatting again
            origin += [mark] * len(content)
            text.append(content)
            pos = edit.end
        origin += self.origin[pos:]
        text.append(self.text[pos:])
        self.origin = origin
        self.text = "".join(text)

    # ----- the fixed copy ---------------------------------------------------------------------

    def write(self, fixed: Document, path: str | None = None) -> str:
        """Apply the recorded passes to the Word file and write the fixed copy; return its path."""
        from .writer import digest, write_atomic

        original = self.doc.path
        if self.text != fixed.source:
            raise InputError(f"{original}: the fixes could not be traced in the Word file; nothing written")
        try:
            with open(original, "rb") as handle:
                current = handle.read()
        except OSError as exc:
            raise InputError(f"{original}: cannot read it back before writing ({exc.strerror})") from None
        if self.doc.data_hash is not None and digest(current) != self.doc.data_hash:
            raise InputError(f"{original}: changed on disk during the run; no fixed copy written")
        self._rebuild()
        buffer = io.BytesIO()
        self.word_part.save(buffer)
        data = buffer.getvalue()
        self._verify(data, fixed.source)
        target = path or fixed_copy_path(original)
        if os.path.realpath(target) == os.path.realpath(original):
            raise InputError(f"{original}: the fixed copy would overwrite the original; nothing written")
        write_atomic(target, data, shown=target, mode_from=original)
        return target

    def _verify(self, data: bytes, expected: str) -> None:
        from .docx import read_docx

        try:
            text = read_docx(data, self.doc.path).source
        except InputError:
            text = None
        if text != expected:
            raise InputError(
                f"{self.doc.path}: the fixed Word file would not read back as the fixed text; nothing written"
            )

    def _rebuild(self) -> None:
        """Change the XML so that its paragraphs read as `self.text`."""
        segments = self._segments()
        for first, last, chars in segments:
            if self._untouched(first, last, chars):
                continue
            self._rewrite(first, last, chars)

    def _segments(self) -> list[tuple[int, int, list[tuple[str, _Origin]]]]:
        """The fixed text cut at the paragraph boundaries that survived: (first paragraph, last
        paragraph, characters with their origin) per piece; a piece that spans several
        paragraphs joins them."""
        segments = []
        first = 0
        chars: list[tuple[str, _Origin]] = []
        for ch, item in zip(self.text, self.origin):
            if _is_original(item) and item[1] == -1:
                segments.append((first, item[0], chars))
                first, chars = item[0] + 1, []
            else:
                chars.append((ch, item))
        segments.append((first, len(self.paragraphs) - 1, chars))
        return segments

    def _untouched(self, first: int, last: int, chars) -> bool:
        if first != last:
            return False
        atoms = self.paragraphs[first].atoms
        expected = [(first, ai, k) for ai, atom in enumerate(atoms) for k in range(len(atom.text))]
        return [item for _, item in chars] == expected

    def _rewrite(self, first: int, last: int, chars: list[tuple[str, _Origin]]) -> None:
        paragraphs = self.paragraphs[first : last + 1]
        if any(p.parent is not paragraphs[0].parent for p in paragraphs):
            raise InputError(
                f"{self.doc.path}: a fix would join paragraphs of different table cells; nothing written"
            )
        # Which paragraph element the piece keeps: the first one with surviving text, else one that
        # was empty (it lost nothing), else the first.
        survivors = {item[0] for _, item in chars if _is_original(item)}
        keep = next(
            (i for i in range(first, last + 1) if i in survivors),
            next((i for i in range(first, last + 1) if not self.paragraphs[i].atoms), first),
        )
        # Every character goes to an atom: its own, or (inserted) its neighbour's.
        placed: list[tuple[str, tuple[int, int] | None, bool]] = []  # char, atom key, original?
        for ch, item in chars:
            if _is_original(item):
                placed.append((ch, (item[0], item[1]), True))
            elif first <= item[1] <= last:
                placed.append((ch, (item[1], item[2]), False))  # formatted like what it replaced
            else:
                placed.append((ch, None, False))
        owner = None
        for i, (ch, key, original) in enumerate(placed):
            if key is not None:
                owner = key
            elif owner is not None:
                placed[i] = (ch, owner, False)
        owner = None
        for i in range(len(placed) - 1, -1, -1):
            ch, key, original = placed[i]
            if key is not None:
                owner = key
            elif owner is not None:
                placed[i] = (ch, owner, False)
        # The new content of each atom: inserted characters before its own, its own, after it.
        content: dict[tuple[int, int], list[tuple[str, bool]]] = {}
        loose: list[str] = []  # characters with no atom at all (the piece had no text left)
        for ch, key, original in placed:
            if key is None:
                loose.append(ch)
            else:
                content.setdefault(key, []).append((ch, original))
        for pi in range(first, last + 1):
            for ai, atom in enumerate(self.paragraphs[pi].atoms):
                _set_atom(atom, content.get((pi, ai), []))
        target = self.paragraphs[keep].element
        if loose:
            run = _new_run(target)
            text_node = _sub(run, "t")
            _set_text(text_node, "".join(loose))
        # Join: the other paragraphs' content moves into the kept one, in document order (those
        # before it in front of its own content, which is found once: the moved content is not it).
        anchor = _first_content(target)
        for pi in range(first, last + 1):
            if pi == keep:
                continue
            element = self.paragraphs[pi].element
            moved = [child for child in element if child.tag != f"{W}pPr"]
            if pi < keep:
                for child in moved:
                    if anchor is None:
                        target.append(child)
                    else:
                        anchor.addprevious(child)
            else:
                for child in moved:
                    target.append(child)
            section = element.find(f"{W}pPr/{W}sectPr")
            if section is not None and target.find(f"{W}pPr/{W}sectPr") is None:
                _get_or_add_ppr(target).append(section)
            element.getparent().remove(element)
        _drop_empty_runs(target)
        _split_lines(target)


def _set_atom(atom: _Atom, chars: list[tuple[str, bool]]) -> None:
    node = atom.node
    if atom.is_text:
        text = "".join(ch for ch, _ in chars)
        if text == atom.text and all(original for _, original in chars):
            return
        if text:
            _set_text(node, text)
        else:
            node.getparent().remove(node)
        return
    kept = any(original for _, original in chars)
    before, after, seen = [], [], False
    for ch, original in chars:
        if original:
            seen = True
        elif seen:
            after.append(ch)
        else:
            before.append(ch)
    if before:
        new = _make("t")
        _set_text(new, "".join(before))
        node.addprevious(new)
    if after:
        new = _make("t")
        _set_text(new, "".join(after))
        node.addnext(new)
    if not kept:
        node.getparent().remove(node)


def _make(tag: str):
    from docx.oxml import OxmlElement

    return OxmlElement(f"w:{tag}")


def _sub(parent, tag: str):
    element = _make(tag)
    parent.append(element)
    return element


def _set_text(node, text: str) -> None:
    node.text = text
    if text != text.strip() or "  " in text:
        node.set(XML_SPACE, "preserve")


def _get_or_add_ppr(p):
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = _make("pPr")
        p.insert(0, ppr)
    return ppr


def _first_content(p):
    for child in p:
        if child.tag != f"{W}pPr":
            return child
    return None


def _new_run(p):
    """A run for text that lost all its neighbours, formatted like the paragraph's first run."""
    run = _make("r")
    template = p.find(f"{W}r/{W}rPr")
    if template is not None:
        run.append(copy.deepcopy(template))
    p.append(run)
    return run


def _drop_empty_runs(p) -> None:
    """Runs left with nothing but their properties (their text was deleted)."""
    for run in p.xpath("w:r | w:hyperlink/w:r"):
        if all(child.tag == f"{W}rPr" for child in run):
            parent = run.getparent()
            parent.remove(run)
            if parent.tag == f"{W}hyperlink" and not parent.xpath("w:r"):
                parent.getparent().remove(parent)


def _split_lines(p) -> None:
    """Split the paragraph at every line break a fix inserted (now inside a `w:t`)."""
    while True:
        node = next((t for t in p.xpath("w:r/w:t | w:hyperlink/w:r/w:t") if "\n" in (t.text or "")), None)
        if node is None:
            return
        before, _, after = node.text.partition("\n")
        p = _split_at(p, node, before, after)


def _split_at(p, node, before: str, after: str):
    """Cut paragraph `p` in two inside text node `node`; return the second paragraph."""
    new_p = _make("p")
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        new_ppr = copy.deepcopy(ppr)
        section = ppr.find(f"{W}sectPr")
        if section is not None:  # a section ends after the last of the two paragraphs
            ppr.remove(section)
            for extra in new_ppr.findall(f"{W}sectPr")[1:]:
                new_ppr.remove(extra)
        new_p.append(new_ppr)
    p.addnext(new_p)
    run = node.getparent()
    # The second half of the run: the same properties, the rest of the text and what follows.
    new_run = _make("r")
    rpr = run.find(f"{W}rPr")
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    if after:
        tail = _make("t")
        _set_text(tail, after)
        new_run.append(tail)
    for sibling in list(node.itersiblings()):
        new_run.append(sibling)
    if before:
        _set_text(node, before)
    else:
        run.remove(node)
    moving = [new_run]
    container = run.getparent()
    if container.tag == f"{W}hyperlink":
        link = copy.copy(container)  # same attributes (the link target), no children yet
        for child in list(link):
            link.remove(child)
        link.append(new_run)
        for sibling in list(run.itersiblings()):
            link.append(sibling)
        moving = [link]
        anchor = container
    else:
        anchor = run
    moving += list(anchor.itersiblings())
    for element in moving:
        new_p.append(element)
    _drop_empty_runs(p)
    _drop_empty_runs(new_p)
    return new_p
