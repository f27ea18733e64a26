"""Fuzzing the command line with what users' files really are: random bytes, text in random
encodings (Chinese and foreign, with and without BOM, named with --encoding or not), and Markdown
with very long lines (code, front matter, runs of blanks).

Whatever the input: no traceback, exit status 0, 1 or 2, every finding's text is the document's
own characters at its span, and nothing is written without --fix."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wenlint.cli import main
from wenlint.documents import load_path

SETTINGS = settings(
    max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

FRAGMENTS = [
    "XX年", "工作总结", "民眾", "欢迎您", "浏览量:", "【篇1】", "其中", "共3项", "，", "。", ", ", " ", "\t",
    "“", "”", "（", "）", "😀", "𠀋", "abc", "http://a.cn", "<!-- wenlint-disable-next-line PH -->", "\n", "\r\n",
]
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(),
)
texts = st.lists(fragment, max_size=60).map("".join)
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gbk", "big5",
          "cp950", "latin-1", "cp1252", "shift_jis", "koi8-r", "cp037"]


def _lint(root: Path, name: str, *extra: str, capsys) -> tuple[int, str, list[dict]]:
    config = root / "wenlint.toml"
    if not config.exists():
        config.write_text("regex-timeout = 0.25\n", encoding="utf-8")
    status = main(["check", str(root / name), "--config", str(config), "--format", "json",
                   "--no-progress", "-j", "1", *extra])
    out, err = capsys.readouterr()
    assert status in (0, 1, 2), (status, err)
    assert "Traceback" not in err and "internal error" not in err, err
    assert all(line.startswith("wenlint: ") for line in err.splitlines()), err
    return status, err, json.loads(out) if out.strip() else []


def _unix(text: str) -> str:
    """A finding's `text` is cut from the file as it is (documents/document.py): over a line break
    it keeps the file's own line ending, which the document's `source` has turned into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _span(source: str, f: dict) -> str:
    lines = source.split("\n")
    if f["line"] == f["end_line"]:
        return lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]
    parts = [lines[f["line"] - 1][f["column"] - 1 :]]
    parts += lines[f["line"] : f["end_line"] - 1]
    parts.append(lines[f["end_line"] - 1][: f["end_column"] - 1])
    return "\n".join(parts)


def _check(root: Path, name: str, data: bytes, *extra: str, capsys, encoding: str | None = None) -> None:
    path = root / name
    path.write_bytes(data)
    (root / "wenlint.toml").write_text("regex-timeout = 0.25\n", encoding="utf-8")
    before = sorted(p.name for p in root.iterdir())
    status, err, findings = _lint(root, name, *extra, capsys=capsys)
    assert path.read_bytes() == data  # nothing written without --fix
    assert sorted(p.name for p in root.iterdir()) == before
    if findings:
        doc = load_path(path, encoding)
        for f in findings:
            assert _unix(f["text"]) == _span(doc.source, f), f


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md"]))
def test_random_bytes(tmp_path_factory, capsys, data, suffix):
    _check(tmp_path_factory.mktemp("bytes"), "doc" + suffix, data, capsys=capsys)


@SETTINGS
@given(text=texts, codec=st.sampled_from(CODECS), named=st.booleans(), suffix=st.sampled_from([".txt", ".md"]))
def test_random_encodings(tmp_path_factory, capsys, text, codec, named, suffix):
    data = text.encode(codec, errors="replace")
    extra = ("--encoding", codec) if named else ()
    root = tmp_path_factory.mktemp("enc")
    _check(root, "doc" + suffix, data, *extra, capsys=capsys, encoding=codec if named else None)


long_line = st.one_of(
    st.tuples(st.sampled_from(["`", "    ", "# ", "> ", "- ", ""]), texts, st.integers(10, 400)).map(
        lambda t: t[0] + t[1] * t[2]),
    st.integers(200, 2000).map(lambda n: "中" + " " * n + "文。"),
    st.integers(200, 5000).map(lambda n: "```\n" + "x" * n + "\n```"),
    st.integers(200, 5000).map(lambda n: "---\ntitle: " + "标" * n + "\n---"),
)


@settings(SETTINGS, max_examples=25)
@given(blocks=st.lists(st.one_of(long_line, texts), min_size=1, max_size=6), fix=st.booleans())
def test_markdown_with_long_lines(tmp_path_factory, capsys, blocks, fix):
    root = tmp_path_factory.mktemp("md")
    data = "\n\n".join(blocks).encode("utf-8")
    if not fix:
        _check(root, "doc.md", data, capsys=capsys)
        return
    path = root / "doc.md"
    path.write_bytes(data)
    _lint(root, "doc.md", "--fix", capsys=capsys)
    # Fixed: what is left still decodes, and a second --fix run finds the same (still valid) text.
    status, err, findings = _lint(root, "doc.md", capsys=capsys)
    if findings:
        doc = load_path(path)
        for f in findings:
            assert _unix(f["text"]) == _span(doc.source, f), f
