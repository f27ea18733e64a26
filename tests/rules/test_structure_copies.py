"""ST012 copied-document: copies across the files of a run, also across scripts; both ways of
finding candidate pairs (every pair for small runs, MinHash LSH for large ones) agree."""

from __future__ import annotations

import pickle
import random
from collections.abc import Mapping

import pytest
from conftest import SEEDS

from wenlint.config import Settings
from wenlint.rules.base import RuleContext
from wenlint.rules.structure.copies import Collected, CopiedDocument, collect_text


def _run(texts: dict[str, str], **options):
    rule = CopiedDocument()
    ctx = RuleContext(rule, Settings(options={"structure": options}))
    collected = {path: collect_text(text) for path, text in texts.items()}
    return sorted(((h.path, h.location.line, h.location.text, h.message) for h in rule.finish(collected, ctx)))


def _seeds() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.parametrize("exact_below", [200, 1])
def test_seed_000_is_copied_into_003(exact_below):
    got = _run(_seeds(), **{"exact-below": exact_below})
    # the first line of the copied block, whole (issue 17: not one character)
    assert [(path[:3], line, text) for path, line, text, _ in got] == [
        ("000", 1, "縣總工會精神文明工作總結"), ("003", 74, "县总工会精神文明工作总结"),
    ]
    messages = {path[:3]: message for path, _, _, message in got}
    assert messages["000"] == "本文件 95% 的内容重复了 003_c8e1670ebf633abb.txt（第74–105行）：本文件第1–19行"
    assert messages["003"] == "本文件 15% 的内容重复了 000_fb3087a37759ce00.txt（第1–19行）：本文件第74–105行"


def test_different_reports_sharing_stock_phrases_stay_quiet():
    seeds = _seeds()
    pair = {k: v for k, v in seeds.items() if k[:3] in ("001", "002")}
    assert _run(pair) == []
    others = {k: v for k, v in seeds.items() if k[:3] in ("001", "002", "004")}
    assert _run(others) == [] == _run(others, **{"exact-below": 1})


def test_through_the_cli_on_the_seeds():
    from wenlint.api import lint_paths

    findings = [f for f in lint_paths([str(SEEDS)], select=["ST012"])]
    assert [(f.path.split("/")[-1][:3], f.line, f.column, f.end_column, f.text) for f in findings] == [
        ("000", 1, 1, 13, "縣總工會精神文明工作總結"), ("003", 74, 1, 13, "县总工会精神文明工作总结"),
    ]


def _document(rng: random.Random, vocabulary: list[str], sentences: int) -> str:
    lines = []
    for _ in range(sentences // 4):
        lines.append("，".join(rng.choice(vocabulary) for _ in range(4)) + "。")
    return "\n".join(lines) + "\n"


def test_lsh_and_exact_paths_agree_on_a_small_corpus():
    rng = random.Random(7)
    seeds = "".join(_seeds().values())
    import re

    vocabulary = sorted({m for m in re.findall(r"[\u4e00-\u9fff]{6,14}", seeds)})
    texts = {f"doc{i:03}.txt": _document(rng, vocabulary, 60) for i in range(60)}
    # plant: doc010 copied whole into doc020 (after its own text), doc030 = doc031 with a few edits
    texts["doc020.txt"] += texts["doc010.txt"]
    texts["doc031.txt"] = texts["doc030.txt"].replace("。", "！", 3)
    exact = _run(texts)
    lsh = _run(texts, **{"exact-below": 1})
    assert exact == lsh
    assert {path for path, *_ in exact} == {"doc010.txt", "doc020.txt", "doc030.txt", "doc031.txt"}


def test_collected_data_is_small_and_picklable():
    text = (SEEDS / "003_c8e1670ebf633abb.txt").read_text(encoding="utf-8")
    data = collect_text(text)
    blob = pickle.dumps(data)
    # unit hashes, and the start of every line (what a finding quotes): well under half the text
    assert len(blob) < len(text.encode("utf-8")) * 0.4
    back = pickle.loads(blob)
    assert isinstance(back, Collected)
    assert list(back.hashes) == list(data.hashes) and back.heads == data.heads


def test_odd_documents():
    assert _run({"a.txt": "", "b.txt": "", "c.txt": "。。。"}) == []
    assert _run({"a.txt": "短。", "b.txt": "短。"}) == []  # too short to matter
    one = "\n".join(["全市共悬挂宣传横幅158条，宣传标语500余条，黑板报206期"] * 20)
    assert _run({"only.txt": one}) == []


def test_fast_t2s_equals_opencc():
    """`_t2s` must convert exactly as opencc-python-reimplemented's t2s (the unit hashes, and so
    the findings, depend on it): on the seeds in Traditional script and on texts dense in
    overlapping phrases, fragments of phrases, separators and single characters."""
    from opencc import OpenCC

    from wenlint.rules.structure._t2s import _read, t2s

    reference, fast = OpenCC("t2s"), t2s()
    texts = [OpenCC("s2t").convert(text) for text in _seeds().values()]
    rng = random.Random(5)
    phrases, characters = sorted(_read("TSPhrases.txt")), sorted(_read("TSCharacters.txt"))
    separators = list("，。、 \n-—（）《》「」…") + ["  "]
    for _ in range(1500):
        parts = []
        for _ in range(rng.randint(1, 30)):
            roll, phrase = rng.random(), rng.choice(phrases)
            if roll < 0.4:
                parts.append(phrase)
            elif roll < 0.7:
                parts.append(phrase[rng.randrange(len(phrase)):][: rng.randint(1, len(phrase))])
            elif roll < 0.9:
                parts.append(rng.choice(characters))
            else:
                parts.append(rng.choice(separators))
        texts.append("".join(parts))
    assert [fast.convert(t) for t in texts] == [reference.convert(t) for t in texts]


def test_fast_paths_of_the_script_check_and_the_conversion():
    """The script check looks up only what GB2312 cannot encode; the conversion translates with a
    list over the Basic Multilingual Plane and falls back to the dict for a text with a key beyond
    it. Both against the plain answers, on texts with no-break spaces, emoji, masked characters,
    characters beyond the plane (keys of the table and others) and odd code points."""
    from opencc import OpenCC

    from wenlint.rules.structure._lexicon import t2s_table
    from wenlint.rules.structure._t2s import t2s
    from wenlint.rules.structure.copies import _traditional, has_traditional

    reference, fast = OpenCC("t2s"), t2s()
    beyond = sorted(chr(c) for c in t2s_table() if c >= 0x10000)
    assert beyond  # the dictionary has keys beyond the plane: the fallback is exercised
    texts = [
        "", "\n", "实施\xa0“十一五”·规划—©•", "实施\xa0規劃", "😀😀工作\ue000\ue000", "😀規劃😀",
        "规划" + beyond[0] + "工作", beyond[1] + "規劃\n😀", "\ud800規劃", "\uffff\U0010ffff規",
        "乾燥的天氣", "臺灣" * 50 + "😀",
    ]
    for text in texts:
        assert has_traditional(text) == (not _traditional().isdisjoint(text)), text
        assert fast.convert(text) == reference.convert(text), text


def test_numpy_verification_equals_sets():
    """The LSH path verifies pairs in batches with numpy arrays, the exact path one by one with
    sets: the same shares and blocks (gaps of up to GAP units inside a block, ties: the first
    block), in small chunks as in one."""
    import numpy as np

    from wenlint.rules.structure.copies import _Arrays, _Sets, unit_arrays

    rng = random.Random(11)
    pool = [f"第{k}条措施落实到位情况良好" for k in range(40)]
    docs = {}
    for d in range(30):
        lines = []
        for _ in range(rng.randint(0, 60)):
            if rng.random() < 0.6:
                lines.append(rng.choice(pool))
            else:
                lines.append(f"独有内容{d}号第{rng.randrange(10**6)}句话")
        docs[f"d{d:02}"] = collect_text("\n".join(lines))
    paths = sorted(docs)
    pairs = [(i, j) for i in range(len(paths)) for j in range(i + 1, len(paths))]
    rng.shuffle(pairs)
    first, second = (np.array(x, dtype=np.int64) for x in zip(*pairs))
    sets, arrays = _Sets([docs[p] for p in paths]), _Arrays([unit_arrays(docs[p]) for p in paths])
    for share in (0.0, 0.5):
        for cells in (1 << 22, 50):
            arrays.CELLS = cells
            passed, shares = arrays.verify(first, second, share)
            for k, (i, j) in enumerate(pairs):
                expected = sets.pair(i, j, share)
                got = (tuple(shares[0:3, k].tolist()), tuple(shares[3:6, k].tolist())) if passed[k] else None
                assert got == expected


def _planted_corpus(count: int = 90, seed: int = 7) -> dict[str, str]:
    rng = random.Random(seed)
    import re

    vocabulary = sorted({m for m in re.findall(r"[\u4e00-\u9fff]{6,14}", "".join(_seeds().values()))})
    texts = {f"doc{i:03}.txt": _document(rng, vocabulary, 60) for i in range(count)}
    texts["doc020.txt"] += texts["doc010.txt"]
    texts["doc031.txt"] = texts["doc030.txt"].replace("。", "！", 3)
    texts["doc055.txt"] = texts["doc030.txt"][: len(texts["doc030.txt"]) // 2] + texts["doc055.txt"]
    texts["doc070.txt"] = texts["doc070.txt"] + texts["doc071.txt"] + texts["doc072.txt"]
    return texts


@pytest.mark.parametrize("batch", [1, 7, 64])
def test_a_stream_finds_what_the_whole_corpus_gives(batch, monkeypatch):
    """Documents banded and verified as they arrive (in any order, in batches of any size) give
    the findings of the all-at-once LSH path, and of the exact path."""
    from wenlint.rules.structure.copies import _Stream

    monkeypatch.setattr(_Stream, "BATCH", batch)
    texts = _planted_corpus()
    rule = CopiedDocument()
    ctx = RuleContext(rule, Settings(options={"structure": {"exact-below": 1}}))
    collected = {path: collect_text(text) for path, text in texts.items()}
    whole = sorted((h.path, h.location.line, h.location.text, h.message) for h in rule.finish(collected, ctx))
    order = list(collected)
    random.Random(batch).shuffle(order)
    ctx.stream = rule.stream(len(order), ctx)
    assert isinstance(ctx.stream, _Stream)
    for path in order:
        ctx.stream.add(path, collected[path])
    streamed = sorted((h.path, h.location.line, h.location.text, h.message) for h in rule.finish(collected, ctx))
    assert streamed == whole == _run(texts)
    assert {path for path, *_ in whole} >= {"doc010.txt", "doc020.txt", "doc030.txt", "doc031.txt", "doc055.txt"}


def test_a_stream_that_missed_a_document_is_not_used():
    from wenlint.rules.structure.copies import _Stream

    texts = _planted_corpus()
    rule = CopiedDocument()
    ctx = RuleContext(rule, Settings(options={"structure": {"exact-below": 1}}))
    collected = {path: collect_text(text) for path, text in texts.items()}
    ctx.stream = _Stream(0.5, 200, 64)
    for path in sorted(collected)[:-1]:  # (a file taken from a cache, say)
        ctx.stream.add(path, collected[path])
    assert not ctx.stream.covers({p: d for p, d in collected.items() if d.total >= 200})
    got = sorted((h.path, h.location.line, h.location.text, h.message) for h in rule.finish(collected, ctx))
    assert got == _run(texts)


def test_band_index_gives_the_pairs_of_banded_pairs_and_of_an_exact_jaccard_check():
    """On small sets: the incremental index pairs exactly the documents that `banded_pairs` pairs;
    every pair of similar segment sets (Jaccard >= 0.5: a miss has odds 2^-64 per pair) is a
    candidate, and no pair without a single common shingle is."""
    import numpy as np

    from wenlint.rules.structure._lsh import BandIndex, document_keys
    from wenlint.rules.structure.copies import banded_pairs, signature

    rng = random.Random(3)
    base = [rng.randrange(1 << 32) for _ in range(400)]
    docs = []
    for d in range(80):
        kind = rng.random()
        if kind < 0.3 and docs:  # a near copy of an earlier document
            units = list(docs[rng.randrange(len(docs))])
            for _ in range(rng.randint(0, 4)):
                units[rng.randrange(len(units))] = rng.randrange(1 << 32)
        elif kind < 0.6:  # from a shared vocabulary: some common pairs of units by chance
            units = [rng.choice(base) for _ in range(rng.randint(2, 40))]
        else:
            units = [rng.randrange(1 << 32) for _ in range(rng.randint(2, 40))]
        docs.append(units)
    arrays = [np.array(u, dtype=np.uint32).tobytes() for u in docs]
    signatures = [signature(a, 64) for a in arrays]
    first, second = banded_pairs(signatures, len(docs))
    expected = set(zip(first.tolist(), second.tolist()))
    index, got = BandIndex(), set()
    for lo in range(0, len(docs), 9):
        numbers = list(range(lo, min(lo + 9, len(docs))))
        new, old = index.add([document_keys(signatures[n]) for n in numbers], numbers)
        assert (new > old).all()
        got |= set(zip(old.tolist(), new.tolist()))
    assert got == expected

    def shingle_set(units):
        return {(a * 0x9E3779B1 + b) & 0xFFFFFFFF for a, b in zip(units, units[1:])}

    sets = [shingle_set(u) for u in docs]
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            common = len(sets[i] & sets[j])
            jaccard = common / len(sets[i] | sets[j])
            if jaccard >= 0.5:
                assert (i, j) in expected, (i, j, jaccard)
            if common == 0:
                assert (i, j) not in expected, (i, j)
    assert any(len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= 0.5 for i, j in expected)


def test_band_index_at_the_edges_of_its_keys():
    """Keys at both ends of the range (value 0 in the first band, 2^32-1 in the last) pair their
    documents across runs, and an index refuses more documents than its entries can number."""
    import numpy as np

    from wenlint.rules.structure._lsh import BandIndex, document_keys

    def doc(band, value, salt):  # shares only (band, value) with the documents of other salts
        sig = np.arange(1, 65, dtype=np.uint32)[None, :] * np.uint32(1000) + np.uint32(salt * 7 + 5)
        sig[0, band] = value
        return document_keys(sig)

    index = BandIndex(64)
    assert index.add([doc(63, 0xFFFFFFFF, 0), doc(0, 0, 1)], [0, 1])[0].tolist() == []
    new, old = index.add([doc(0, 0, 2), doc(63, 0xFFFFFFFF, 3)], [2, 3])
    assert sorted(zip(new.tolist(), old.tolist())) == [(2, 1), (3, 0)]
    with pytest.raises(OverflowError):
        index.add([doc(1, 1, 4)], [index.capacity])


# ----- copies of copies: exact duplicates verified once, dense clusters bounded --------------------

def _reference(texts: dict[str, str], min_share: float = 0.5, min_chars: int = 200):
    """Every pair verified with sets, no fingerprints and no bound: what the rule reports when
    nothing is shared or cut short."""
    from wenlint.rules.structure.copies import _Sets

    docs = {p: collect_text(t) for p, t in texts.items()}
    docs = {p: d for p, d in docs.items() if d.total >= min_chars}
    paths = sorted(docs)
    sets, found = _Sets([docs[p] for p in paths]), {}
    for i in range(len(paths)):
        for j in range(i + 1, len(paths)):
            shares = sets.copy(i, j, min_share, min_chars)
            if shares is not None:
                (sa, fa, la), (sb, fb, lb) = shares
                p, q = paths[i], paths[j]
                found.setdefault(p, []).append((sa, sa / docs[p].total, fa, la, q, fb, lb))
                found.setdefault(q, []).append((sb, sb / docs[q].total, fb, lb, p, fa, la))
    return sorted((h.path, h.location.line, h.location.column, h.location.text, h.message)
                  for path in sorted(found) for h in CopiedDocument._report(path, docs[path], found[path]))


class _Task:
    def __init__(self, value) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self):
        return self.value


class _Workers:
    """A runner as the engines give one: tasks run with a `load` that finds the shelved documents."""

    def __init__(self) -> None:
        self.shelf: dict[int, Collected] = {}

    def put(self, data) -> int:
        self.shelf[len(self.shelf)] = pickle.loads(pickle.dumps(data))
        return len(self.shelf) - 1

    def submit(self, fn, pairs, *args):
        return _Task(fn(pairs, self.shelf.__getitem__, *args))


class _SetAside(Mapping):
    """What was collected as the engine's corpus phase reads it when it was set aside on disk
    (engine/runner.CollectedBy): a new copy of a document at every read, so that `finish` keeps
    no more of it than it decides to (`_Grouped`: one document of each fingerprint)."""

    def __init__(self, collected: dict) -> None:
        self.pickled = {path: pickle.dumps(data) for path, data in collected.items()}
        self.reads = 0

    def __len__(self) -> int:
        return len(self.pickled)

    def __iter__(self):
        return iter(self.pickled)

    def __getitem__(self, path):
        self.reads += 1
        return pickle.loads(self.pickled[path])


class _Done:
    """A Dask future whose task has run."""

    def __init__(self, value) -> None:
        self.value, self.key = value, f"task-{id(self)}"

    def done(self) -> bool:
        return True

    def result(self):
        return self.value


class _InlineClient:
    """A Dask client that runs each task as it is submitted, in this process (the futures in its
    arguments resolved, as Dask resolves them): the Dask engine's banding on its (fake) workers."""

    def submit(self, fn, *args, pure=True, workers=None, allow_other_workers=False, **kwargs):
        return _Done(fn(*self._values(args), **self._values(kwargs)))

    def map(self, fn, *iterables, pure=True, **kwargs):
        return [self.submit(fn, *args, **kwargs) for args in zip(*iterables)]

    def gather(self, futures):
        return self._values(futures)

    def scatter(self, data, broadcast=False):
        return [_Done(value) for value in data]

    def who_has(self, futures):
        raise NotImplementedError  # (Dask does not say: every partition anywhere)

    def _values(self, x):
        if isinstance(x, _Done):
            return x.value
        if isinstance(x, (list, tuple)):
            return type(x)(self._values(v) for v in x)
        if isinstance(x, dict):
            return {k: self._values(v) for k, v in x.items()}
        return x


def _on_dask_workers(rule, ctx, texts: dict[str, str], order: list[str], partitions: int = 3):
    """What was collected as the Dask engine gives it to the rule: the documents linted in
    partitions, shelved there, their keys banded by the (inline) workers, streamed to
    `_BandedOnWorkers` in `order`."""
    from wenlint.engine.dask_engine import DaskRunner
    from wenlint.engine.runner import FileResult
    from wenlint.rules.structure.copies import _BandedOnWorkers

    client = _InlineClient()
    parts: list[list] = [[] for _ in range(partitions)]
    for n, path in enumerate(order):
        data = rule.summarise(collect_text(texts[path]), len(order), ctx)
        parts[n % partitions].append(FileResult(path, collected={"ST012": data} if data.total >= 200 else {}))
    runner = DaskRunner(client, [_Done(part) for part in parts])
    ctx.stream = ctx.stream.use(runner.bind("config", "ST012"))
    assert isinstance(ctx.stream, _BandedOnWorkers)
    views = client.gather(runner.shelve([[(None, "config", None)] * len(part) for part in parts], whole=False))
    collected = {}
    for view in views:
        for result in view:
            collected[result.path] = data = result.collected.get("ST012")
            if data is not None:
                ctx.stream.add(result.path, data)
    ctx.stream.drain()
    return {path: collected[path] for path in order if collected[path] is not None}


def _every_way(texts: dict[str, str], orders=(0, 1), **options):
    """The rule's findings on the texts all at once (held in memory; read from disk as the
    engine sets them aside; read so, holding one document at a time), and streamed in shuffled
    orders with the documents kept by (fake) workers, and banded on (inline) Dask workers: each
    a sorted list."""
    rule = CopiedDocument()
    ctx = RuleContext(rule, Settings(options={"structure": options}))

    def findings(collected):
        return sorted((h.path, h.location.line, h.location.column, h.location.text, h.message)
                      for h in rule.finish(collected, ctx))

    collected = {path: collect_text(text) for path, text in texts.items()}
    ways = [findings(collected)]
    aside = _SetAside(collected)
    ways.append(findings(aside))
    assert aside.reads >= len(texts)  # (read from the mapping, not from elsewhere)
    # Read from disk holding one document at a time (a budget no document fits in): the same.
    from wenlint.rules.structure import copies

    budget, copies._Loaded.BUDGET = copies._Loaded.BUDGET, 0
    try:
        ways.append(findings(_SetAside(collected)))
    finally:
        copies._Loaded.BUDGET = budget
    for seed in orders:
        order = list(texts)
        random.Random(seed).shuffle(order)
        collected = {path: collect_text(texts[path]) for path in order}
        workers = _Workers()
        ctx.stream = rule.stream(len(order), ctx)
        if ctx.stream is None:  # a small run: every pair compared at the end
            continue
        ctx.stream.use(workers)
        for path in order:
            data = rule.summarise(collected[path], len(order), ctx)
            collected[path] = data.shelve(workers.put) if data.total >= 200 else data
            ctx.stream.add(path, collected[path])
        ctx.stream.drain()
        ways.append(findings(collected))
        ctx.stream = rule.stream(len(order), ctx)
        ways.append(findings(_on_dask_workers(rule, ctx, texts, order, partitions=2 + seed % 3)))
        ctx.stream = None
    return ways


def _with_duplicates() -> dict[str, str]:
    from wenlint.rules.structure.copies import SAMPLE_TRADITIONAL, normalise

    texts = _planted_corpus(80)
    texts["doc080.txt"] = texts["doc010.txt"]  # an exact copy of a document copied into another
    texts["doc081.txt"] = "\n".join("  " + line for line in texts["doc010.txt"].split("\n"))  # indented
    texts["doc082.txt"] = texts["doc031.txt"]  # a third of a near-copy pair
    texts["sample.txt"] = texts["sample_copy.txt"] = normalise(SAMPLE_TRADITIONAL) * 2
    texts["sample_t.txt"] = SAMPLE_TRADITIONAL * 2  # the same units, quoted in its own script
    one = "\n".join(["全市共悬挂宣传横幅一百五十八条。"] * 30)
    texts["one_a.txt"] = texts["one_b.txt"] = one  # one clause repeated: too little in common (a near-miss)
    return texts


def test_exact_duplicates_are_verified_once_and_reported_as_before():
    from wenlint.rules.structure.copies import fingerprint

    texts = _with_duplicates()
    marks = {p: fingerprint(collect_text(t)) for p, t in texts.items()}
    assert marks["doc080.txt"] == marks["doc081.txt"] == marks["doc010.txt"]
    assert marks["sample.txt"] == marks["sample_t.txt"] == marks["sample_copy.txt"]
    assert marks["doc030.txt"] == marks["doc031.txt"]  # (punctuation is not part of a unit)
    assert marks["doc020.txt"] != marks["doc010.txt"]
    expected = _reference(texts)
    for way in _every_way(texts):
        assert way == expected
    for way in _every_way(texts, **{"exact-below": 1}):
        assert way == expected
    got = {path: (text, message) for path, _, _, text, message in expected}
    assert got["sample_t.txt"] == ("縣總工會在縣委和市總工會的正確領導下，在縣文明辦",  # (its own line quoted)
                                   "本文件 100% 的内容重复了 sample.txt（第1–6行）：本文件第1–6行；"
                                   "另有 1 个文件也含有这部分内容（sample_copy.txt）")
    assert not any(path.startswith("one_") for path, *_ in expected)
    assert {path for path, *_ in expected} >= {"doc010.txt", "doc080.txt", "doc081.txt", "doc082.txt"}


def _cluster(copies: int, others: int = 20, seed: int = 9) -> dict[str, str]:
    """`copies` near copies of one report (a clause changed here and there, lines rotated, the
    end cut), and unrelated reports."""
    rng = random.Random(seed)
    import re

    vocabulary = sorted({m for m in re.findall(r"[\u4e00-\u9fff]{6,14}", "".join(_seeds().values()))})
    base = _document(rng, vocabulary, 200).split("\n")
    texts = {}
    for k in range(copies):
        lines = list(base)
        for _ in range(3):
            i = rng.randrange(len(lines))
            lines[i] = _document(rng, vocabulary, 4).strip()
        cut = rng.randrange(len(lines) // 4)
        lines = lines[cut:] + lines[:cut]
        texts[f"copy{k:03}.txt"] = "\n".join(lines[: len(lines) - rng.randrange(5)])
    for k in range(others):
        texts[f"other{k:03}.txt"] = _document(rng, vocabulary, 120)
    return texts


def test_a_dense_cluster_is_paired_in_bounded_numbers():
    import numpy as np

    from wenlint.rules.structure._lsh import LEADERS
    from wenlint.rules.structure.copies import banded, signature

    texts = _cluster(60)
    paths = sorted(texts)
    signatures = [signature(collect_text(texts[p]).hashes, 64) for p in paths]
    first, second, _ = banded(signatures, len(paths))
    assert len(first) >= 60 * 59 // 2  # unbounded: every pair of the cluster
    first, second, bounded = banded(signatures, len(paths), 10)
    assert len(first) <= 60 * 2 * LEADERS
    assert (first < second).all() and len(set(zip(first.tolist(), second.tolist()))) == len(first)
    cluster = [n for n, p in enumerate(paths) if p.startswith("copy")]
    assert set(bounded.tolist()) == set(cluster)
    partners = np.bincount(np.concatenate((first, second)), minlength=len(paths))
    assert (partners[cluster] >= LEADERS - 1).all()  # every copy still has partners to be verified with


def test_a_bounded_cluster_is_reported_truthfully_and_the_same_every_way():
    texts = _cluster(40)
    exact = _reference(texts)
    unbounded = _every_way(texts, **{"exact-below": 1})
    assert all(way == exact for way in unbounded)
    assert not any("至少" in message for *_, message in exact)
    ways = _every_way(texts, orders=(0, 1, 2), **{"exact-below": 1, "max-bucket": 10})
    bounded = ways[0]
    assert all(way == bounded for way in ways)  # arrival order does not matter
    # every copy is still reported, with a verified copy (not always the same one), and says
    # that there are at least so many others
    assert {path for path, *_ in bounded} == {path for path, *_ in exact}
    from wenlint.rules.structure.copies import _Sets

    docs = {p: collect_text(t) for p, t in texts.items()}
    paths = sorted(docs)
    sets = _Sets([docs[p] for p in paths])
    for path, line, column, text, message in bounded:
        assert "另有至少 " in message or "只与其中几份比较过" in message, message
        other = message.split("重复了 ")[1].split("（")[0]
        (shared, first, last), (_, other_first, other_last) = sets.copy(paths.index(path), paths.index(other), 0.5, 200)
        assert line == first + 1
        lines = f"第{first + 1}–{last + 1}行" if last > first else f"第{first + 1}行"
        others = f"第{other_first + 1}–{other_last + 1}行" if other_last > other_first else f"第{other_first + 1}行"
        assert message.startswith(f"本文件 {shared / docs[path].total:.0%} 的内容重复了 {other}（{others}）：本文件{lines}")
        if "另有至少 " in message:
            reported = int(message.split("另有至少 ")[1].split(" ")[0])
            assert reported <= len([p for p in paths if p.startswith("copy")]) - 2


def test_keys_a_little_short_of_the_bound_change_nothing():
    texts = _cluster(12)
    assert _every_way(texts, orders=(3,), **{"exact-below": 1, "max-bucket": 12}) == [_reference(texts)] * 5


def test_pairs_merged_as_a_binary_counter_are_the_distinct_codes():
    import numpy as np

    from wenlint.rules.structure._lsh import _Pairs

    rng = np.random.default_rng(4)
    pairs, chunks = _Pairs(), []
    for size in rng.integers(0, 300, size=200):
        chunk = rng.integers(0, 5000, size=int(size), dtype=np.int64)
        chunks.append(chunk)
        pairs.add(chunk)
        assert len(pairs.parts) <= 2 * (len(chunks).bit_length() + 1)
    assert np.array_equal(pairs.result(), np.unique(np.concatenate(chunks)))


def test_crowded_choices_counted_a_slice_of_documents_at_a_time_are_the_same(monkeypatch):
    """`Bounded` counts the candidates of crowded documents a slice of documents at a time (at
    most about LIMIT candidates): the same pairs and crowded documents as in one slice."""
    import numpy as np

    from wenlint.rules.structure import _lsh

    rng = np.random.default_rng(12)
    documents, bits = 300, np.uint64(9)
    bands = []
    for _ in range(6):  # keys of a few values: many shared by more documents than the bound
        keys = rng.integers(0, 40, size=documents * 3).astype(np.uint64)
        owners = np.repeat(np.arange(documents, dtype=np.uint64), 3)
        bands.append(_lsh.distinct(keys << bits | owners))

    def result():
        bounded = _lsh.Bounded(documents, bits, bound=12)
        for entries in bands:
            bounded.crowd(entries)
        for entries in bands:
            bounded.pair(entries)
        return bounded.result()

    whole = result()
    assert len(whole[2]) > documents // 2 and len(whole[0])  # crowded documents, and pairs
    for limit in (1, 7, 100):
        monkeypatch.setattr(_lsh, "LIMIT", limit)
        sliced = result()
        assert all(np.array_equal(a, b) for a, b in zip(whole, sliced))


def test_the_final_banding_of_an_index_takes_every_band_of_every_run():
    """`BandIndex.final` takes the entries a band at a time from every run: with 64 bands (the
    default num-perm) the last band's end is the run's end, not band << shift (2^64); the pairs
    and crowded documents of the whole index, as `banded` gives them all at once."""
    import numpy as np

    from wenlint.rules.structure._lsh import BandIndex, document_keys
    from wenlint.rules.structure.copies import banded

    rng = np.random.default_rng(5)
    signatures = [rng.integers(0, 30, size=(int(rng.integers(1, 4)), 64)).astype(np.uint32) for _ in range(120)]
    signatures[7][:, 63] = 1_000_000  # keys only the last band has, shared by two documents
    signatures[9][:, 63] = 1_000_000
    index = BandIndex(64, 8)
    for lo, hi in ((0, 100), (100, 110), (110, 120)):  # (runs of unequal sizes: not merged)
        index.add([document_keys(s) for s in signatures[lo:hi]], list(range(lo, hi)))
    assert len(index.runs) > 1
    larger, smaller, crowded = index.final(np.arange(len(signatures)))
    first, second, expected_crowded = banded(signatures, len(signatures), 8)
    assert sorted(zip(smaller.tolist(), larger.tolist())) == sorted(zip(first.tolist(), second.tolist()))
    assert sorted(crowded.tolist()) == sorted(expected_crowded.tolist())
    assert (7, 9) in set(zip(smaller.tolist(), larger.tolist()))


def test_a_band_index_under_a_run_ceiling_gives_the_same_pairs():
    """Runs are not merged past `ceiling` entries (the largest merge stays bounded as the index
    grows), and those past half of it wait on disk (`_Spilled`): the same pairs from `add` and
    from `final`, crowded documents included."""
    import numpy as np

    from wenlint.rules.structure._lsh import BandIndex, _Spilled, document_keys

    rng = np.random.default_rng(11)
    signatures = [rng.integers(0, 40, size=(int(rng.integers(1, 5)), 64)).astype(np.uint32) for _ in range(150)]
    free, low = BandIndex(64, 8), BandIndex(64, 8, ceiling=4000)
    for lo in range(0, 150, 10):
        numbers = list(range(lo, lo + 10))
        keys = [document_keys(s) for s in signatures[lo:lo + 10]]
        a, b = free.add(keys, numbers), low.add(keys, numbers)
        assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert len(low.runs) > len(free.runs) and max(len(run) for run in low.runs) <= 4000  # (a batch: ~1,600 keys)
    assert any(len(run) > 2000 for run in low.runs)  # (merged up to the ceiling)
    assert any(isinstance(run, _Spilled) for run in low.runs) and not any(
        isinstance(run, _Spilled) for run in free.runs)
    rank = rng.permutation(150)
    assert all(np.array_equal(x, y) for x, y in zip(free.final(rank), low.final(rank)))


def test_a_run_on_disk_reads_as_the_run_in_memory():
    """`_Spilled` answers what the index asks of a run (slices, an entry, entries at positions,
    `searchsorted` of sorted values) as the array does, values past its last band included."""
    import numpy as np

    from wenlint.rules.structure._lsh import _band_cuts, _search, _Spilled

    rng = np.random.default_rng(3)
    shift = np.uint64(58)
    bands = np.sort(rng.choice([0, 1, 5, 62], size=3000)).astype(np.uint64)  # bands with gaps, not the last
    run = np.sort(bands << shift | rng.integers(0, 1 << 40, size=3000).astype(np.uint64))
    disk = _Spilled(run, shift)
    assert len(disk) == 3000 and np.array_equal(disk[10:500], run[10:500]) and disk[-1] == run[-1]
    at = np.sort(rng.integers(0, 3000, size=200))
    assert np.array_equal(disk[at], run[at]) and len(disk[at[:0]]) == 0
    values = np.sort(np.concatenate((run[rng.integers(0, 3000, size=300)],
                                     rng.integers(0, 64, size=300).astype(np.uint64) << shift,
                                     np.array([0, (63 << 58) | 7, np.iinfo(np.uint64).max], dtype=np.uint64))))
    left, right, few = _search(disk, (values, "left"), (values, "right"), (values[::7], "left"))
    assert np.array_equal(left, np.searchsorted(run, values, side="left"))
    assert np.array_equal(right, np.searchsorted(run, values, side="right"))
    assert np.array_equal(few, np.searchsorted(run, values[::7], side="left"))
    for bands in (63, 64):  # (its last band, and one more: an index's other runs may reach it)
        assert np.array_equal(_band_cuts(disk, bands, shift), _band_cuts(run, bands, shift))


def _bounded_as_a_shuffle(entries, documents: int, bits, bound: int, parts: int, groups: int, leaders: int):
    """`Bounded` done as the Dask banding does it: the entries split into parts by key, the
    crowded documents put together, each part's pairs and candidates, the candidates sent on
    by document (into `groups`) and each group's choices folded band by band."""
    import numpy as np

    from wenlint.rules.structure import _lsh

    key = entries >> np.uint64(bits)
    split = [_lsh.distinct(entries[(key * np.uint64(2654435761) >> np.uint64(7)) % np.uint64(parts) == p])
             for p in range(parts)]
    crowded = _lsh.distinct(np.concatenate([_lsh.crowded_documents(e, bits, bound) for e in split]))
    mask = np.zeros(documents, dtype=bool)
    mask[crowded] = True
    pairs, candidates = [], []
    for part in split:
        found, (codes, counts) = _lsh.bounded_part(part, bits, bound, mask, leaders)
        pairs.append(found)
        owner = (codes >> np.int64(int(bits))) & ((1 << int(bits)) - 1)
        candidates.append([(codes[owner % groups == g], counts[owner % groups == g]) for g in range(groups)])
    for g in range(groups):
        pairs.append(_lsh.chosen_pairs([found[g] for found in candidates], bits, leaders))
    found = _lsh.distinct(np.concatenate(pairs))
    return found >> 32, found & 0xFFFFFFFF, crowded


@pytest.mark.parametrize("seed", range(6))
def test_bounded_done_as_a_shuffle_gives_the_pairs_of_bounded(seed):
    """The crowded documents' choices are a fold over the bands of each document's own
    candidates: computed by parts of the keys and groups of documents, the same pairs and
    crowded documents as `Bounded` gives, on random keys with crowded ones."""
    import numpy as np

    from wenlint.rules.structure import _lsh

    rng = np.random.default_rng(seed)
    documents, bands = int(rng.integers(20, 400)), int(rng.integers(1, 9))
    bits = np.uint64(32 - max(1, (bands - 1).bit_length()))
    spread = int(rng.integers(5, 200))  # few values: keys shared by many documents
    per = rng.integers(1, 6, size=documents)  # segments (keys per band) of each document
    owners = np.repeat(np.arange(documents, dtype=np.uint64), per)
    entries = []
    for band in range(bands):
        values = rng.integers(0, spread, size=len(owners)).astype(np.uint64) * np.uint64(99991)
        keys = np.uint64(band) << np.uint64(32) | values
        entries.append(_lsh.distinct(keys << bits | owners))
    bound, leaders = int(rng.integers(2, 30)), int(rng.integers(1, 9))
    bounded = _lsh.Bounded(documents, bits, bound, leaders)
    for part in entries:
        bounded.crowd(part)
    for part in entries:
        bounded.pair(part)
    expected = bounded.result()
    for parts, groups in ((1, 1), (3, 2), (7, 5)):
        got = _bounded_as_a_shuffle(np.concatenate(entries), documents, bits, bound, parts, groups, leaders)
        assert all(np.array_equal(a, b) for a, b in zip(expected, got))
    assert len(expected[0])


def test_verifying_a_task_keeps_a_few_of_its_documents_and_gives_the_same_rows(monkeypatch):
    """`verify_pairs` (a pool or Dask worker's task) reads its documents as their pairs ask for
    them and keeps the most recent within `_Loaded`'s budget: a task whose documents do not fit
    gives the rows of one that holds them all, reading some again."""
    from wenlint.rules.structure import copies

    rng = random.Random(5)
    pool = [f"第{k}条措施落实到位情况良好，各项工作稳步推进" for k in range(30)]
    docs = {}
    for d in range(24):
        lines = [rng.choice(pool) if rng.random() < 0.7 else f"独有内容{d}号第{rng.randrange(10**6)}句话"
                 for _ in range(rng.randint(10, 40))]
        docs[f"d{d:02}"] = pickle.dumps(collect_text("\n".join(lines)))
    names = sorted(docs)
    pairs = [(i, j, names[i], names[j]) for i in range(len(names)) for j in range(i)]
    rng.shuffle(pairs)
    reads = []

    def load(name):
        reads.append(name)
        return pickle.loads(docs[name])

    whole = copies.verify_pairs(pairs, load, 0.3, 20)
    assert whole and len(reads) == len(names)
    reads.clear()
    monkeypatch.setattr(copies._Loaded, "BUDGET", 40)  # (units: about one document)
    assert copies.verify_pairs(pairs, load, 0.3, 20) == whole
    assert len(reads) > len(names)
