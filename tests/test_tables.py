"""wenlint.tables: tables built once, kept in the cache directory by version, rebuilt when stale or
unreadable (never a traceback), and the jieba table is exactly what jieba loads itself."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from wenlint import tables

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    return tmp_path / "tables"


class Builder:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_table_is_built_once_then_read_from_the_cache(cache):
    build = Builder({"词": 3, "words": ("a", "b"), "bytes": b"\x00\x01"})
    assert tables.cached("demo", build, "k1") == build.value
    assert [p.name for p in cache.iterdir()] == [tables.table_path("demo", "k1").name]
    assert tables.cached("demo", build, "k1") == build.value
    assert build.calls == 1


def test_another_version_or_key_builds_the_table_again(cache, monkeypatch):
    build = Builder([1, 2, 3])
    tables.cached("demo", build, "k1")
    tables.cached("demo", build, "k2")
    assert build.calls == 2
    monkeypatch.setattr(tables, "__version__", "9.9.9")
    tables.cached("demo", build, "k1")
    assert build.calls == 3
    assert len(list(cache.glob("demo-*.marshal"))) == 3  # each install keeps its own


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xff" * 40,
                                     marshal.dumps(("another stamp", [0])), marshal.dumps([1, 2])])
def test_a_corrupt_or_foreign_file_is_built_again_and_replaced(cache, content):
    build = Builder("table")
    path = tables.table_path("demo", "k")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert tables.cached("demo", build, "k") == "table"
    assert build.calls == 1
    assert tables.cached("demo", build, "k") == "table"
    assert build.calls == 1


def test_an_unwritable_directory_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(blocker))
    build = Builder("table")
    assert tables.cached("demo", build) == "table"
    assert tables.cached("demo", build) == "table"
    assert build.calls == 2


def test_the_jieba_table_is_what_jieba_loads(cache):
    from wenlint.rules.structure import _segment

    table = _segment._read_dictionary()
    again = tables.cached("jieba-dictionary", _segment._read_dictionary)  # written and read back
    assert again == table

    import jieba
    import jieba.posseg
    from jieba.posseg.prob_emit import P

    own = jieba.Tokenizer()
    own.initialize()
    words = _segment._Dictionary(table)
    assert dict((word, words.counts[key]) for word, key in words.trie.iteritems()) == {
        w: n for w, n in own.FREQ.items() if n}
    assert words.total == own.total
    # What the trie leaves out are the prefixes jieba adds with a count of 0.
    assert all(word[:end] in own.FREQ for word in words.trie.keys() for end in range(1, len(word)))
    assert {w: words.tag(w) for w in jieba.posseg.dt.word_tag_tab} == jieba.posseg.dt.word_tag_tab
    assert words.surnames == P[("B", "nr")]


def test_the_tokenizer_on_the_trie_cuts_as_jieba_does():
    """The same words as jieba's own tokenizer on its prefix dict, with and without its HMM, on
    real documents."""
    import jieba

    from wenlint.rules.structure import _segment

    own = jieba.Tokenizer()
    own.initialize()
    texts = ["县总工会在县委的正确领导下，扎实推进“两学一做”，宋琳琳同志获评先进。"]
    corpus = ROOT.parent / "shared" / "corpus" / "clean" / "simplified"
    texts += [path.read_text(encoding="utf-8")[:3000] for path in sorted(corpus.glob("*.txt"))[:20]]
    for text in texts:
        for hmm in (True, False):
            assert list(_segment._tokenizer().cut(text, HMM=hmm)) == list(own.cut(text, HMM=hmm))


def test_segmentation_answers_from_the_table():
    from wenlint.rules.structure import _segment

    assert _segment.tokens("县总工会在县委的正确领导下")[:2] == ((0, 4), (4, 5))
    assert _segment.tag("的") == "uj" and _segment.tag("看") == "v"
    assert _segment.frequency("工会") > 0 and _segment.frequency("工会县") == 0
    assert _segment.surname_like("李") and not _segment.surname_like("来")


def test_a_files_key_changes_when_a_source_file_changes(tmp_path):
    source = tmp_path / "dictionary.txt"
    source.write_text("发\t發 髮\n", encoding="utf-8")
    before = tables.files_key([source])
    assert tables.files_key([source]) == before
    source.write_text("发\t發\n", encoding="utf-8")
    assert tables.files_key([source]) != before
    source.unlink()
    assert "missing" in tables.files_key([source])


def test_the_script_tables_read_from_the_cache_are_the_ones_built(cache):
    """What SC001-SC003 read from the cache directory equals what they build from OpenCC's files."""
    from wenlint.rules.script import _convert, _detect, one_to_many

    built = (_detect._build_tables(), _convert.Converter(_detect.tables().st, _detect.read_dictionary("STPhrases.txt"),
                                                         choices=True).state(), one_to_many._build_model())
    for function in (_detect.tables, _convert.to_traditional, one_to_many._model):
        function.cache_clear()
    _detect.tables(), _convert.to_traditional(), one_to_many._model()  # built, written
    for function in (_detect.tables, _convert.to_traditional, one_to_many._model):
        function.cache_clear()
    t, converter, model = _detect.tables(), _convert.to_traditional(), one_to_many._model()  # read back
    assert (t.st, t.ts, t.s_only, t.t_only, t.variant_std, t.tw_variant) == built[0]
    assert converter.state() == built[1]
    assert (model[0], model[1], model[3], model[4]) == built[2]
    assert any(p.name.startswith("opencc-s2t") for p in cache.iterdir())
