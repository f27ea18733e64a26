"""`char_class` writes the characters of a class as themselves (escaping only what has a meaning
inside a class): each class the script family builds from the OpenCC tables must match exactly
its characters, with `re` and with `regex`, and the count classes find what the plain ones find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from wenlint.rules.script._detect import char_class, tables
from wenlint.rules.script.one_to_many import _model, _scanners

# Every BMP character (surrogates included) and a sample of the others, with the class's own.
EVERY = "".join(map(chr, range(0x10000))) + "".join(map(chr, range(0x10000, 0x110000, 251)))
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def _classes():
    t = tables()
    candidates = _model()[4]
    other, forms = _scanners()[0].pattern, _scanners()[1].pattern
    return {
        "s_only": set(t.s_only),
        "t_only": set(t.t_only),
        "one-to-many candidates": set(candidates),
        "variants": set(t.variant_std),
        "specials": set("\\]-[^&~|#-") | set(" \t\n\r\x00\x7f\u3000\ue000\ufeff") | set("abc一"),
        "astral": {chr(0x20000), chr(0x2A6D6), chr(0x10FFFF), "一"},
        "(scanner other)": other, "(scanner forms)": forms,
    }


@pytest.mark.parametrize("name", list(_classes()))
@pytest.mark.parametrize("module", [re, regex], ids=["re", "regex"])
def test_class_matches_exactly_its_characters(name, module):
    chars = _classes()[name]
    if isinstance(chars, str):  # a compiled scanner: its pattern is a class of the characters
        pattern, chars = chars, None
    else:
        pattern = char_class(chars)
    astral = "".join(c for c in (chars or ()) if ord(c) > 0xFFFF)
    found = set(module.compile(pattern).findall(EVERY + astral))
    if chars is not None:
        assert found == chars
    else:
        assert found and all(len(c) == 1 for c in found)


def test_count_classes_find_what_the_plain_classes_find():
    t = tables()
    docs = sorted((SHARED / "clean").rglob("*.txt"))[:40] + sorted((SHARED / "dev" / "docs").glob("*"))[:40]
    if not docs:
        pytest.skip("the shared corpus is not here")
    for path in docs:
        text = path.read_text(encoding="utf-8", errors="replace")
        for plain, count in ((t.s_re, t.s_count_re), (t.t_re, t.t_count_re)):
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in count.finditer(text)]
            assert len(plain.findall(text)) == len(count.findall(text))
            assert (plain.search(text, 5, 500) is None) == (count.search(text, 5, 500) is None)
