"""The banding of dask_bands.py run in one process: its shuffle (keys into buckets, pairs into
groups by their partitions) and reduce give the pairs that ST012's all-at-once banding gives."""

from __future__ import annotations

import random

import pytest

np = pytest.importorskip("numpy")

from wenlint.engine.dask_bands import bucket_pairs, distinct_pairs, pick, take_keys  # noqa: E402
from wenlint.engine.runner import FileResult  # noqa: E402
from wenlint.rules.structure._lsh import document_keys, shared_key_pairs  # noqa: E402
from wenlint.rules.structure.copies import Shelved, banded_pairs, signature  # noqa: E402


def _documents(seed: int, count: int):
    rng = random.Random(seed)
    base = [rng.randrange(1 << 32) for _ in range(300)]
    docs = []
    for d in range(count):
        kind = rng.random()
        if kind < 0.15 and docs:  # an exact copy: a dense group of equal keys
            units = list(docs[0])
        elif kind < 0.4 and docs:  # a near copy of an earlier document
            units = list(docs[rng.randrange(len(docs))])
            units[rng.randrange(len(units))] = rng.randrange(1 << 32)
        elif kind < 0.7:
            units = [rng.choice(base) for _ in range(rng.randint(2, 90))]
        else:
            units = [rng.randrange(1 << 32) for _ in range(rng.randint(2, 90))]
        docs.append(units)
    return [signature(np.array(u, dtype=np.uint32).tobytes(), 64) for u in docs]


def test_shared_key_pairs_equal_banded_pairs():
    signatures = _documents(5, 120)
    first, second = banded_pairs(signatures, len(signatures))
    keys = [document_keys(s) for s in signatures]
    owners = np.repeat(np.arange(len(keys)), [len(k) for k in keys])
    order = np.random.default_rng(1).permutation(len(owners))  # (any order of the entries)
    new, old = shared_key_pairs(np.concatenate(keys)[order], owners[order])
    assert (new > old).all()
    assert sorted(zip(old.tolist(), new.tolist())) == sorted(zip(first.tolist(), second.tolist()))
    assert shared_key_pairs(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64))[0].size == 0


@pytest.mark.parametrize("partitions, buckets", [(1, 1), (5, 3), (7, 7)])
def test_the_shuffle_gives_the_pairs_of_banded_pairs(partitions, buckets):
    signatures = _documents(7, 150)
    first, second = banded_pairs(signatures, len(signatures))
    expected = set(zip(first.tolist(), second.tolist()))
    # documents dealt to partitions, each partition's keys taken out of its shelved documents
    places = {}
    views = [[] for _ in range(partitions)]
    for n, sig in enumerate(signatures):
        part = n % partitions
        places[part << 32 | len(views[part])] = n
        views[part].append(FileResult(f"d{n}", collected={"ST012": Shelved(document_keys(sig), 1, None)}))
    entries = [take_keys(view, p, ["config"], buckets) for p, view in enumerate(views)]
    assert all(d.collected["ST012"].keys is None for view in views for d in view)
    paired = [bucket_pairs(buckets, *[pick(e, "config", "ST012", b) for e in entries]) for b in range(buckets)]
    got = set()
    for group in range(buckets):
        for q, (a, b) in distinct_pairs(*[found[group] for found in paired]).items():
            assert ((b >> 32) == q).all() and (a > b).all()
            pairs = {tuple(sorted((places[x], places[y]))) for x, y in zip(a.tolist(), b.tolist())}
            assert len(pairs) == len(a) and not pairs & got  # each pair once, in one group
            got |= pairs
    assert got == expected and expected
    assert pick(entries[0], "other", "ST012", 0)[0].size == 0


def test_shared_key_pairs_with_keys_too_wide_to_pack():
    """Keys at the top of the 64 bits (no room for the owner beside them) take the other sort."""
    keys = np.array([1 << 63, 5, 1 << 63, 5, 7], dtype=np.uint64)
    new, old = shared_key_pairs(keys, np.array([0, 1, 2, 2, 1]))
    assert sorted(zip(new.tolist(), old.tolist())) == [(2, 0), (2, 1)]


def test_a_banding_runner_gets_a_stream_that_only_numbers_the_documents():
    """ST012's stream given a runner that bands (Dask) takes its place with one that refuses a
    document with its keys (the workers band them) and names the verified pairs' documents by
    their locators."""
    from wenlint.rules.structure.copies import SAMPLE, _BandedOnWorkers, _Stream, collect_text

    row = ((0, 1, "ST012"), (0, 0, "ST012"), 250, 2, 3, 260, 0, 1, (2, "头"), (0, "首"))
    stray = ((0, 1, "ST012"), (9, 9, "ST012"), 250, 2, 3, 260, 0, 1, (0, ""), (0, ""))

    class Task:
        def crowded(self):
            return False

        def result(self):
            return [row, stray]

    class Runner:
        def band(self, fn, *args, bound=None):
            assert args == (0.5, 200)
            return Task()

    stream = _Stream(0.5, 200, 64)
    assert stream.use(object()) is None  # (a runner that does not band: the same stream)
    banded = stream.use(Runner())
    assert isinstance(banded, _BandedOnWorkers)
    first, second = Shelved(None, 300, (0, 0, "ST012")), Shelved(None, 280, (0, 1, "ST012"))
    banded.add("a.txt", first)
    banded.add("b.txt", second)
    with pytest.raises(ValueError):
        banded.add("c.txt", collect_text(SAMPLE * 3))
    banded.drain()
    assert banded.kept == [(1, 0, 250, 2, 3, 260, 0, 1)]
    assert second.head(2) == (2, "头") and first.head(0) == (0, "首")
    assert banded.covers({"a.txt": first, "b.txt": second})


@pytest.mark.parametrize("partitions, buckets", [(1, 1), (4, 3), (6, 5)])
def test_the_shuffle_under_a_bound_gives_the_pairs_of_bounded(partitions, buckets):
    """Under a bound, the buckets' tasks (only the documents ranked, in their ranks' order; the
    crowded ones put together; the candidates sent on by document and folded band by band) give
    the pairs and crowded documents of `_lsh.Bounded` over the ranked documents' keys."""
    from wenlint.engine.dask_bands import (bounded_bucket, chosen_group, crowded_of, crowded_union,
                                           pick_bucket_pairs, pick_candidates, pick_group, ranked_entries)
    from wenlint.rules.structure._lsh import Bounded, distinct

    signatures = _documents(11, 160)
    bits, bound, leaders = 26, 6, 3
    places, views = [], [[] for _ in range(partitions)]
    for n, sig in enumerate(signatures):
        part = n % partitions
        places.append(part << 32 | len(views[part]))
        views[part].append(FileResult(f"d{n}", collected={"ST012": Shelved(document_keys(sig), 1, None)}))
    entries = [take_keys(view, p, ["config"], buckets) for p, view in enumerate(views)]
    # a document in five is left out (a copy of another, or one the stream did not take); the
    # others ranked in a shuffled order
    rng = np.random.default_rng(3)
    chosen = [n for n in rng.permutation(len(signatures)).tolist() if n % 5]
    ids = np.array([places[n] for n in chosen], dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    ranked = (ids[order], order)

    parts = [ranked_entries(ranked, bits, *[pick(e, "config", "ST012", b) for e in entries]) for b in range(buckets)]
    crowded = crowded_union(*[crowded_of(p, bits, bound) for p in parts])
    found = [bounded_bucket(p, crowded, ranked, bits, bound, leaders, buckets) for p in parts]
    choices = [chosen_group(ranked, bits, leaders, buckets, *[pick_candidates(f, g) for f in found])
               for g in range(buckets)]
    got = set()
    for g in range(buckets):
        for q, (a, b) in distinct_pairs(*[pick_bucket_pairs(f, g) for f in found],
                                        *[pick_group(c, g) for c in choices]).items():
            assert ((b >> 32) == q).all() and (a < b).all()  # (verified where the later document is)
            got |= {tuple(sorted((places.index(x), places.index(y)))) for x, y in zip(a.tolist(), b.tolist())}

    keys = [document_keys(signatures[n]) for n in chosen]
    everything = distinct(np.concatenate(keys) << np.uint64(bits)
                          | np.repeat(np.arange(len(chosen), dtype=np.uint64), [len(k) for k in keys]))
    band = everything >> np.uint64(32 + bits)
    expected = Bounded(len(chosen), np.uint64(bits), bound, leaders)
    for pass_ in (expected.crowd, expected.pair):
        for value in range(64):
            pass_(everything[band == value])
    larger, smaller, crowd = expected.result()
    assert got == {tuple(sorted((chosen[x], chosen[y]))) for x, y in zip(larger.tolist(), smaller.tolist())}
    assert crowded.tolist() == crowd.tolist() and len(crowd) and got
