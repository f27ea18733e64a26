"""Property tests of fixing: over random documents mixing Han, Latin, emoji and line endings,
stored in UTF-8 (with and without BOM), UTF-16 or GB18030,

- the bytes outside the edited spans are exactly the original bytes,
- a fixed file is exactly what an independent reference says it should be (encoding, BOM and
  every line ending kept), and
- fixing a second time changes nothing.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wenlint.config import Settings
from wenlint.documents import Document, load_path
from wenlint.documents.fixes import apply, choose, fix_with_count
from wenlint.engine.runner import Linter
from wenlint.documents.writer import write_fixed
from wenlint.findings import Edit, Fix, Hit
from wenlint.rules.base import Rule
from wenlint.rules.packs import load_pack
from wenlint.rules.registry import Registry

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("gb18030", b""),
]

FRAGMENTS = [
    "工会", "总结", "的", "年", "XX年", "民眾", "列印", "民", "眾", "欢迎您", "浏览量", "卡拉ok",
    "Word", "abc", "ok", "X", "2024", "，", "。", "!", ":", " ", "\t", "😀", "🎉", "𠀋", "〇",
]
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # CJK extension B (not BMP)
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
    st.characters(min_codepoint=0x21, max_codepoint=0x7E),
)
line = st.lists(fragment, max_size=12).map("".join)
ending = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def raw_texts(draw) -> str:
    lines = draw(st.lists(st.tuples(line, ending), min_size=1, max_size=8))
    text = "".join(content + end for content, end in lines)
    if draw(st.booleans()):
        text = text[: -len(lines[-1][1])]  # no line ending at the end
    return text


class InsertSpace(Rule):
    """A real insertion (an empty span replaced): a space between a Han character and a Latin
    letter after it."""

    code = "TI001"
    name = "test-insert-space-between-han-and-latin"
    category = "structure"
    severity = "info"
    summary = "test rule"
    fix_safety = "safe"
    PATTERN = re.compile(r"[\u4e00-\u9fff](?=[A-Za-z])")

    def check(self, doc, ctx):
        for m in self.PATTERN.finditer(doc.text):
            yield Hit(m.start(), m.end(), "加空格", fix=Fix((Edit(m.end(), m.end(), " "),)))


REGISTRY = Registry(list(load_pack(PACK)) + [InsertSpace()])


def linter_for(encoding: str | None) -> Linter:
    return Linter(Settings(select=["TF", "TI"], encoding=encoding), REGISTRY)


# ----- an independent reference for what the rules above must produce -------------------------

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
SWAPS = {"民眾": "民众", "列印": "打印"}


def reference_fix(raw: str, unsafe: bool) -> str:
    out = []
    for m in _LINE.finditer(raw):
        content, end = m.group(1), m.group(2)
        if not content and not end:
            continue
        if "欢迎您" in content or "浏览量" in content:
            continue  # the whole line goes, its line ending with it
        content = re.sub("民眾|列印", lambda s: SWAPS[s.group()], content)
        if unsafe:
            content = content.replace("卡拉ok", "卡拉OK")
        content = re.sub(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])", " ", content)
        out.append(content + end)
    return "".join(out)


# ----- properties ---------------------------------------------------------------------------------

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(raw=raw_texts(), encoding=st.sampled_from(ENCODINGS), unsafe=st.booleans())
def test_fix_writes_exactly_the_reference_and_is_idempotent(tmp_path_factory, raw, encoding, unsafe):
    codec, bom = encoding
    assume(raw.strip())
    path = tmp_path_factory.mktemp("prop") / "doc.txt"
    original = bom + raw.encode(codec)
    path.write_bytes(original)
    # Short random texts are too short for charset detection: name GB18030 as a user would.
    given_encoding = "gb18030" if codec == "gb18030" else None
    linter = linter_for(given_encoding)

    doc = load_path(path, given_encoding)
    assert doc.raw == raw
    outcome = fix_with_count(doc, linter.run_rules, unsafe=unsafe)
    assert outcome.converged
    if outcome.applied:
        write_fixed(doc, outcome.document)
    expected = bom + reference_fix(raw, unsafe).encode(codec)
    assert path.read_bytes() == expected

    # A second run finds nothing to fix and leaves the bytes alone.
    if not reference_fix(raw, unsafe).strip():
        return  # fixed down to nothing: an empty document is not linted again
    again = load_path(path, given_encoding)
    second = fix_with_count(again, linter.run_rules, unsafe=unsafe)
    assert second.applied == 0
    assert path.read_bytes() == expected


def _raw_offsets(raw: str) -> list[int]:
    """Raw offset of each offset of the normalised text (a hand-written walk, independent of
    Document.raw_offset): `\\r\\n` is one character of the normalised text."""
    offsets, i = [], 0
    while i < len(raw):
        offsets.append(i)
        i += 2 if raw.startswith("\r\n", i) else 1
    offsets.append(len(raw))
    return offsets


@st.composite
def edits_on(draw, length: int):
    fixes = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, length))
        b = draw(st.integers(0, length))
        start, end = min(a, b), max(a, b)
        content = draw(st.sampled_from(["", "众", "X", "😀", "\n", "新的一行\n", " "]))
        if start == end and not content:
            continue
        fixes.append((draw(st.sampled_from(["AA001", "BB002", "CC003"])), Fix.replace(start, end, content)))
    return fixes


@SETTINGS
@given(data=st.data(), raw=raw_texts(), encoding=st.sampled_from(ENCODINGS))
def test_bytes_outside_the_edited_spans_are_untouched(data, raw, encoding):
    codec, bom = encoding
    doc = Document(raw, encoding=codec, bom=bom)
    fixes = data.draw(edits_on(len(doc.text)))
    chosen = choose(fixes, unsafe=False, limit=len(doc.text))
    # Chosen edits never overlap (and an insertion never sits on another edit).
    edits = sorted((e for f in chosen for e in f.edits), key=lambda e: (e.start, e.end))
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.end == b.start and (a.start == a.end or b.start == b.end))
    fixed = apply(doc, chosen)

    # Walk the result against the original: every unedited stretch is the same bytes, in order.
    offsets = _raw_offsets(raw)
    newline = doc.newline
    out = bom + fixed.encode(codec)
    pos_raw, pos_out = 0, len(bom)
    source = bom + raw.encode(codec)
    pos_src = len(bom)
    for edit in edits:
        start, end = offsets[edit.start], offsets[edit.end]
        kept = raw[pos_raw:start].encode(codec)
        assert out[pos_out : pos_out + len(kept)] == source[pos_src : pos_src + len(kept)] == kept
        pos_out += len(kept)
        inserted = edit.content.replace("\n", newline).encode(codec)
        assert out[pos_out : pos_out + len(inserted)] == inserted
        pos_out += len(inserted)
        pos_src += len(kept) + len(raw[start:end].encode(codec))
        pos_raw = end
    tail = raw[pos_raw:].encode(codec)
    assert out[pos_out:] == source[pos_src:] == tail
