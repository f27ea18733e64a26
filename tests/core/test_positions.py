"""Positions are exact: a finding's `text` is the document's own characters at
line:column-end_line:end_column, whatever the encoding, BOM or line endings of the file."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenlint.config import Settings
from wenlint.documents import load_path
from wenlint.engine.runner import Linter

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml"
LINTER = Linter(Settings(rule_packs=[PACK], select=["ZZ"]))

PIECES = ["XX年", "xx 年", "列印", "欢迎您!", "开始", "结束", "😀", "🎉🎉", "中文", "工作总结",
          "GDP", "abc", " ", "，", "。", "「", "」", "\t", "é", "Ω", "𠀀"]
NEWLINES = ["\n", "\r\n", "\r"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "gb18030"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


def span_in_file(data: bytes, encoding: str, f) -> str:
    """Cut line:column..end_line:end_column out of the file independently of the engine."""
    codec = {"utf-8-sig": "utf-8-sig", "utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16"}.get(encoding, encoding)
    text = data.decode(codec)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[f.line - 1] + f.column - 1
    end = starts[f.end_line - 1] + f.end_column - 1
    return text[start:end]


documents = st.lists(
    st.tuples(st.lists(st.sampled_from(PIECES), max_size=8), st.sampled_from(NEWLINES)), min_size=1, max_size=12
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=documents, encoding=st.sampled_from(ENCODINGS), trailing=st.booleans())
def test_finding_text_is_the_span_it_names(tmp_path_factory, lines, encoding, trailing):
    text = "".join("".join(pieces) + newline for pieces, newline in lines)
    if not trailing:
        text = text.rstrip("\r\n")
    if not text.strip():
        text = "XX年" + text
    path = tmp_path_factory.mktemp("doc") / "doc.txt"
    data = encode(text, encoding)
    path.write_bytes(data)
    # Detection is tested on realistic text elsewhere; a dozen random characters in GB18030 can
    # be ambiguous, so the property names the codec.
    findings = LINTER.run_rules(load_path(path, encoding="gb18030" if encoding == "gb18030" else None))
    for f in findings:
        assert f.text == span_in_file(data, encoding, f)
        assert f.text, "spans are never empty"
        assert (f.end_line, f.end_column) > (f.line, f.column)


def test_multiline_span_keeps_crlf(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("前言开始\r\n中间\r\n结束了".encode("gb18030"))
    (finding,) = LINTER.run_rules(load_path(path))
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 3, 3, 3)
    assert finding.text == "开始\r\n中间\r\n结束"


def test_columns_count_characters_not_bytes_or_utf16_units(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("😀𠀀XX年", encoding="utf-8")
    (finding,) = [f for f in LINTER.run_rules(load_path(path)) if f.code == "ZZ001"]
    assert (finding.column, finding.end_column) == (3, 6)


def test_bom_is_not_a_character_of_the_document(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(codecs.BOM_UTF8 + "XX年".encode())
    (finding,) = LINTER.run_rules(load_path(path))
    assert (finding.line, finding.column, finding.text) == (1, 1, "XX年")
