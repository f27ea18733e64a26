"""Property test of the Word writer: random paragraphs (runs cut at random places, tabs, soft
breaks, hyperlinks, table cells) and random non-overlapping edits (deletions, replacements,
insertions, line joins and splits). Whatever the Word file can take must come out as exactly the
fixed text, and untouched paragraphs must keep their XML."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from wenlint.documents.docx import body_paragraphs, read_docx
from wenlint.documents.docx_writer import DocxFixer
from wenlint.documents.fixes import choose
from wenlint.findings import Fix

piece = st.sampled_from(["工会", "民眾", "总结", "Word", "😀", "，", "。", " ", "\t", "\n", "XX年", "的"])
run_texts = st.lists(st.lists(piece, min_size=1, max_size=3).map("".join), min_size=0, max_size=4)
paragraph = st.tuples(run_texts, st.booleans(), st.sampled_from(["body", "cell", "link"]))


def build(path, paragraphs) -> None:
    d = docx.Document()
    table = None
    for runs, bold_first, where in paragraphs:
        if where == "cell":
            if table is None:
                table = d.add_table(rows=1, cols=1)
                p = table.cell(0, 0).paragraphs[0]
            else:
                p = table.cell(0, 0).add_paragraph()
        else:
            table = None
            p = d.add_paragraph()
        for i, text in enumerate(runs):
            if where == "link" and i == len(runs) - 1:
                link = OxmlElement("w:hyperlink")
                link.set(qn("w:anchor"), "top")
                p._p.append(link)
                r = OxmlElement("w:r")
                link.append(r)
                from docx.text.run import Run

                Run(r, p).text = text
            else:
                p.add_run(text).bold = bold_first and i == 0
    d.save(path)


@st.composite
def edit_lists(draw, length: int):
    fixes = []
    for _ in range(draw(st.integers(1, 5))):
        a, b = draw(st.integers(0, length)), draw(st.integers(0, length))
        start, end = min(a, b), max(a, b)
        content = draw(st.sampled_from(["", "众", "新\n", "\n", "ab", "😀"]))
        if start == end and not content:
            continue
        fixes.append(("XX001", Fix.replace(start, end, content)))
    return fixes


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), paragraphs=st.lists(paragraph, min_size=1, max_size=6), passes=st.integers(1, 2))
def test_the_fixed_copy_reads_back_as_the_fixed_text(tmp_path_factory, data, paragraphs, passes):
    path = tmp_path_factory.mktemp("docx") / "random.docx"
    build(path, paragraphs)
    doc = read_docx(path.read_bytes(), str(path))
    fixer = DocxFixer(doc)
    before = [etree.tostring(p._p) for p in body_paragraphs(docx.Document(str(path)))]
    text = doc.text
    touched_any = False
    for _ in range(passes):
        fixes = data.draw(edit_lists(len(text)))
        chosen = choose(fixes, unsafe=False, limit=len(text), accept=fixer.accept)
        edits = sorted((e for f in chosen for e in f.edits), key=lambda e: e.start)
        if not edits:
            continue
        touched_any = True
        fixer.advance(edits)
        for edit in reversed(edits):
            text = text[: edit.start] + edit.content + text[edit.end :]
    if not touched_any:
        return
    untouched = [first for first, last, chars in fixer._segments() if fixer._untouched(first, last, chars)]
    out = fixer.write(doc.with_raw(text))  # raises if the copy would not read back as `text`
    with open(out, "rb") as handle:
        assert read_docx(handle.read(), out).source == text
    # Paragraphs that no edit reached keep their XML byte for byte.
    for pi in untouched:
        assert etree.tostring(fixer.paragraphs[pi].element) == before[pi]


def test_paragraphs_joined_into_a_later_empty_one_keep_their_order(tmp_path):
    # Found by the property test: "😀😀😀\n" and "工会工会工会\n" replaced so that paragraphs 2 and 3
    # join, with no original character left, into the empty paragraph 4: both moved in front of
    # it, in document order (the second used to land before the first).
    path = tmp_path / "join.docx"
    build(path, [(["Word"], False, "body"), (["😀😀😀"], False, "body"), (["工会工会工会"], False, "body"),
                 ([], False, "body")])
    doc = read_docx(path.read_bytes(), str(path))
    fixer = DocxFixer(doc)
    text = doc.text
    for fixes in ([("XX001", Fix.replace(9, 16, "新\n")), ("XX001", Fix.replace(0, 4, ""))],
                  [("XX001", Fix.replace(1, 5, "众"))]):
        chosen = choose(fixes, unsafe=False, limit=len(text), accept=fixer.accept)
        edits = sorted((e for f in chosen for e in f.edits), key=lambda e: e.start)
        fixer.advance(edits)
        for edit in reversed(edits):
            text = text[: edit.start] + edit.content + text[edit.end :]
    assert text == "\n众新\n"
    out = fixer.write(doc.with_raw(text))
    with open(out, "rb") as handle:
        assert read_docx(handle.read(), out).source == text
