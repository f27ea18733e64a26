"""A corpus stream's banding as tasks on the Dask workers: a shuffle, a reduce, and the
verification where the documents are. The client never holds the band keys.

A document whose collected data the engine shelved with band keys (ST012's `Shelved`: the keys of
its MinHash signatures) is named by an id, its partition's number << 32 | its place in the
partition; its locator on the workers is (partition, place, rule code), as `client_view` put it.

1. `take_keys` (with the partition's shelving, on the worker that linted it): the keys leave the
   shelved objects the client receives and are split into `buckets` parts by their hash, per
   stream (the linter's settings key and the rule's code).
2. `bucket_pairs` (a task per bucket): the entries of the bucket from every partition, sorted by
   key; the documents that share a key are paired (`_lsh.shared_key_pairs`), and the distinct
   pairs (a > b) are sent on by the partition of b (a second shuffle, since one pair shares keys
   in several buckets).
3. `distinct_pairs` (a task per group): the pairs of the group once, by the partition of b; the
   client gathers only how many pairs each partition has and which partitions their a are in.
4. `export_documents` (a task per pair of workers, where the partitions of the a are): the
   collected data of just the documents paired with the other worker's; `verify_partitions` (a
   task per worker and group, where the partitions of the b are, with the exported documents):
   the stream's verification (`fn`, ST012's `verify_pairs`). The client gathers the verified
   pairs, named by locators.

With a bound (ST012's `max-bucket`), a bucket with a key shared by more documents pairs none in
step 2, and if there is one the stream asks for the banding under the bound (`Banding.bound_to`,
`_lsh.Bounded` as tasks): the client sends the ranks of the documents to band, and steps 3 and 4
verify those pairs instead. The client still never holds the keys.
"""

from __future__ import annotations

ID_BITS = 32  # an id: partition number << ID_BITS | place in the partition
MAX_BUCKETS = 32
PARTITIONS_PER_BUCKET = 4  # (as many buckets as workers while partitions are small)
SLICE = 4096  # pairs verified at a time


def bucket_count(partitions: int) -> int:
    return max(1, min(-(-partitions // PARTITIONS_PER_BUCKET), MAX_BUCKETS))


def _empty():
    import numpy as np

    return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)


def take_keys(view, number: int, owners: list[str], buckets: int) -> dict:
    """{(settings key, code): [(keys, ids) of each bucket]} of the partition's shelved objects,
    whose band keys are taken out of `view` (the client receives it without them). `owners`:
    the settings key of each result, or one for all of them."""
    import numpy as np

    found: dict[tuple, tuple[list, list]] = {}
    for place, result in enumerate(view):
        owner = owners[0] if len(owners) == 1 else owners[place]
        for code, data in result.collected.items():
            keys = getattr(data, "keys", None)
            if not isinstance(keys, np.ndarray):
                continue
            data.keys = None
            parts = found.setdefault((owner, code), ([], []))
            parts[0].append(keys)
            parts[1].append(np.full(len(keys), number << ID_BITS | place, dtype=np.int64))
    entries = {}
    for stream, (keys, ids) in found.items():
        keys, ids = np.concatenate(keys), np.concatenate(ids)
        bucket = ((keys ^ (keys >> np.uint64(32))) % np.uint64(buckets)).astype(np.int64)
        order = np.argsort(bucket, kind="stable")
        bounds = np.searchsorted(bucket[order], np.arange(buckets + 1)).tolist()
        entries[stream] = [(keys[order[lo:hi]], ids[order[lo:hi]]) for lo, hi in zip(bounds, bounds[1:])]
    return entries


def pick(entries: dict, owner: str, code: str, bucket: int):
    """One bucket of a stream's entries of a partition (none when the partition has none)."""
    parts = entries.get((owner, code))
    return parts[bucket] if parts else _empty()


def bucket_pairs(groups: int, *parts, largest: int = 0, bound: int | None = None) -> list:
    """The distinct pairs (a > b, ids) of documents that share a key of this bucket, split into
    `groups` by the partition of b. No pairs when a key of the bucket is shared by more
    documents (`largest`) than `bound`: the stream is then banded under the bound
    (`Banding.bound_to`)."""
    import numpy as np

    from ..rules.structure._lsh import shared_key_pairs

    keys = np.concatenate([p[0] for p in parts])
    ids = np.concatenate([p[1] for p in parts])
    if not len(keys) or (bound is not None and largest > bound):
        return [(ids[:0], ids[:0])] * groups
    # ids as numbers below 2^32: their ranks (the parts come in the order of the partitions,
    # each in the order of its documents, so the ids are already sorted)
    if (ids[1:] >= ids[:-1]).all():
        new = np.concatenate(([True], ids[1:] != ids[:-1]))
        named, local = ids[new], np.cumsum(new) - 1
    else:
        named, local = np.unique(ids, return_inverse=True)
    a, b = shared_key_pairs(keys, local.ravel())
    return _by_partition(named[a], named[b], groups)


def _by_partition(a, b, groups: int) -> list:
    """Pairs (ids) split into `groups` by the partition of b."""
    import numpy as np

    route = (b >> ID_BITS) % groups
    order = np.argsort(route, kind="stable")
    bounds = np.searchsorted(route[order], np.arange(groups + 1)).tolist()
    return [(a[order[lo:hi]], b[order[lo:hi]]) for lo, hi in zip(bounds, bounds[1:])]


def largest_key_group(*parts) -> int:
    """The most documents that share one key of this bucket."""
    import numpy as np

    keys = np.concatenate([p[0] for p in parts])
    ids = np.concatenate([p[1] for p in parts])
    if not len(keys):
        return 0
    order = np.lexsort((ids, keys))
    keys, ids = keys[order], ids[order]
    keys = keys[np.concatenate(([True], (keys[1:] != keys[:-1]) | (ids[1:] != ids[:-1])))]  # a key once per document
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return int(np.diff(np.append(starts, len(keys))).max())


# Under a bound (ST012's `max-bucket`, when a key is shared by more documents): `_lsh.Bounded` as
# a shuffle. The client sends the rank of every document to band (`ranked`: its ids sorted and
# their ranks; the other documents' entries are left out); per bucket, its entries (`ranked_entries`,
# kept on the worker) and their crowded documents, put together (`crowded_union`); per bucket, the
# pairs of its keys within the bound and its crowded entries' candidates (`bounded_bucket`), sent
# on by document; per group of documents, their choices folded band by band (`chosen_group`).


def ranked_entries(ranked, bits: int, *parts):
    """A bucket's entries (key << bits | rank, sorted, a key once per document) of the documents
    ranked."""
    import numpy as np

    from ..rules.structure._lsh import distinct

    ids, ranks = ranked
    keys = np.concatenate([p[0] for p in parts])
    owners = np.concatenate([p[1] for p in parts])
    if not len(keys) or not len(ids):
        return np.zeros(0, dtype=np.uint64)
    at = np.minimum(np.searchsorted(ids, owners), len(ids) - 1)
    keep = ids[at] == owners
    return distinct(keys[keep] << np.uint64(bits) | ranks[at[keep]].astype(np.uint64))


def crowded_of(entries, bits: int, bound: int):
    from ..rules.structure._lsh import crowded_documents

    return crowded_documents(entries, bits, bound)


def crowded_union(*parts):
    """The crowded documents (ranks, sorted) of every bucket."""
    import numpy as np

    from ..rules.structure._lsh import distinct

    return distinct(np.concatenate(parts))


def _named(ranked):
    """The id of each rank."""
    import numpy as np

    ids, ranks = ranked
    named = np.empty(len(ids), dtype=np.int64)
    named[ranks] = ids
    return named


def _pairs_by_partition(codes, ranked, groups: int) -> list:
    """Pairs of ranks (larger << 32 | smaller) as pairs of ids (a < b), split by the partition of
    b. (Verified where b is: a crowded document's choices are the first documents in the order
    of the paths, in the first partitions, and they are exported to where the others are.)"""
    import numpy as np

    named = _named(ranked)
    x, y = named[codes >> 32], named[codes & 0xFFFFFFFF]
    return _by_partition(np.minimum(x, y), np.maximum(x, y), groups)


def bounded_bucket(entries, crowded, ranked, bits: int, bound: int, leaders: int, groups: int):
    """A bucket's pairs under the bound (split by the partition of b) and its crowded entries'
    candidates counted by band (split by document into `groups`)."""
    import numpy as np

    from ..rules.structure._lsh import bounded_part

    mask = np.zeros(len(ranked[0]), dtype=bool)
    mask[crowded] = True
    pairs, (codes, counts) = bounded_part(entries, bits, bound, mask, leaders)
    route = ((codes >> bits) & ((1 << bits) - 1)) % groups
    order = np.argsort(route, kind="stable")
    cuts = np.searchsorted(route[order], np.arange(groups + 1)).tolist()
    return (_pairs_by_partition(pairs, ranked, groups),
            [(codes[order[lo:hi]], counts[order[lo:hi]]) for lo, hi in zip(cuts, cuts[1:])])


def pick_candidates(found, group: int):
    return found[1][group]


def pick_bucket_pairs(found, group: int):
    return found[0][group]


def chosen_group(ranked, bits: int, leaders: int, groups: int, *candidates) -> list:
    """The pairs a group of crowded documents' choices make (from their candidates of every
    bucket), split by the partition of b."""
    from ..rules.structure._lsh import chosen_pairs

    return _pairs_by_partition(chosen_pairs(list(candidates), bits, leaders), ranked, groups)


def pick_group(pairs: list, group: int):
    return pairs[group]


def distinct_pairs(*buckets) -> dict:
    """{partition of b: (a, b)} of this group's pairs (from every bucket), each pair once."""
    import numpy as np

    a = np.concatenate([found[0] for found in buckets])
    b = np.concatenate([found[1] for found in buckets])
    if not len(a):
        return {}
    q = b >> ID_BITS
    order = np.lexsort((a, b, q))
    a, b, q = a[order], b[order], q[order]
    keep = np.concatenate(([True], (a[1:] != a[:-1]) | (b[1:] != b[:-1])))
    a, b, q = a[keep], b[keep], q[keep]
    starts = np.flatnonzero(np.concatenate(([True], q[1:] != q[:-1])))
    bounds = np.append(starts, len(a)).tolist()
    return {int(q[lo]): (a[lo:hi], b[lo:hi]) for lo, hi in zip(bounds, bounds[1:])}


def pair_counts(pairs: dict) -> dict:
    """{partition of b: (its pairs, the other partitions of their a)}: all the client learns."""
    import numpy as np

    return {q: (len(a), np.unique(a >> ID_BITS).tolist()) for q, (a, _) in pairs.items()}


def export_documents(code: str, qs: list[int], ps: list[int], groups: list[dict], results: list[list]) -> dict:
    """The collected data of the documents of partitions `ps` (their `results`, held by one
    worker) that are paired with documents of partitions `qs` (held by another), by locator:
    what the verification of those pairs is sent instead of the partitions."""
    import numpy as np

    held = dict(zip(ps, results))
    wanted, mask = np.array(ps, dtype=np.int64), (1 << ID_BITS) - 1
    sent = {}
    for pairs in groups:
        for q in qs:
            if q in pairs:
                a = np.unique(pairs[q][0])
                for x in a[np.isin(a >> ID_BITS, wanted)].tolist():
                    p, place = x >> ID_BITS, x & mask
                    sent[p, place, code] = held[p][place].collected[code]
    return sent


def verify_partitions(fn, args, code: str, pairs: dict, qs: list[int], held: dict, exported: list[dict]) -> list:
    """Verify the pairs of partitions `qs` (the partitions of their b) with `fn(pairs, load,
    *args)` on the worker that holds them: the documents of the partitions `held` there are
    read where they are, the others were `exported` to it. The verified pairs come back named
    by their documents' locators."""
    mask = (1 << ID_BITS) - 1
    sent = {}
    for documents in exported:
        sent.update(documents)

    def load(where):
        results = held.get(where[0])
        return results[where[1]].collected[where[2]] if results is not None else sent[where]

    rows = []
    for q in qs:
        a, b = pairs[q]
        for lo in range(0, len(a), SLICE):  # (the pairs as tuples a slice at a time)
            located = [((x >> ID_BITS, x & mask, code), (y >> ID_BITS, y & mask, code))
                       for x, y in zip(a[lo : lo + SLICE].tolist(), b[lo : lo + SLICE].tolist())]
            rows += fn([(wa, wb, wa, wb) for wa, wb in located], load, *args)
    return rows


class Banding:
    """A stream's banding and verification on the workers (the linter's settings key `owner`,
    the rule's `code`, its verification `fn(pairs, load, *args)`): the shuffle and the reduce
    are submitted as soon as the partitions' entries are (`start`: they run as the partitions
    are linted); `result()` submits the verification of the pairs and returns the verified ones
    (the task a stream waits for, with `done()`).

    The verification goes to the workers that hold the partitions (Dask's `who_has`): a task
    per worker and group of pairs, reading the documents of that worker's partitions, and a task
    per pair of workers that exports the paired documents of one worker's partitions to the
    other (no partition moves; tasks in the number of workers, not of pairs of partitions)."""

    def __init__(self, client, partitions: list, owner: str, code: str, fn, args: tuple,
                 bound: int | None = None) -> None:
        self.client, self.partitions = client, partitions
        self.owner, self.code, self.fn, self.args = owner, code, fn, list(args)
        self.bound = bound
        self.grouped: list = []
        self.counts: list = []
        self.largest: list = []  # (with a bound) the most documents of a key, by bucket
        self.picked: list = []  # (with a bound) each bucket's entries of every partition, for `bound_to`

    def start(self, entries: list) -> None:
        client, buckets, bound = self.client, bucket_count(len(entries)), self.bound
        picked = [[client.submit(pick, e, self.owner, self.code, b, pure=False) for e in entries]
                  for b in range(buckets)]
        if bound is not None:
            self.largest = [client.submit(largest_key_group, *parts, pure=False) for parts in picked]
            self.picked = picked
        paired = [client.submit(bucket_pairs, buckets, *parts, pure=False,
                                **({"largest": largest, "bound": bound} if bound is not None else {}))
                  for parts, largest in zip(picked, self.largest or picked)]
        self.grouped = [client.submit(distinct_pairs, *[client.submit(pick_group, found, g, pure=False)
                                                        for found in paired], pure=False)
                        for g in range(buckets)]
        self.counts = [client.submit(pair_counts, g, pure=False) for g in self.grouped]

    def done(self) -> bool:
        return False

    def crowded(self) -> bool:
        """Is a key shared by more documents than the bound?"""
        return self.bound is not None and max(self.client.gather(self.largest), default=0) > self.bound

    def bound_to(self, locators: list, bits: int, leaders: int) -> list[int]:
        """Band under the bound instead (`_lsh.Bounded`, done as a shuffle on the workers): only
        the documents at `locators`, ranked in that order, with `bits` bits for a rank in an
        entry and `leaders` choices of a crowded document. `result` then verifies these pairs;
        returns the crowded documents (their places in `locators`)."""
        import numpy as np

        client, buckets = self.client, len(self.picked)
        ids = np.array([p << ID_BITS | place for p, place, _ in locators], dtype=np.int64)
        order = np.argsort(ids, kind="stable")
        [ranked] = client.scatter([(ids[order], order)], broadcast=True)
        entries = [client.submit(ranked_entries, ranked, bits, *parts, pure=False) for parts in self.picked]
        crowded = client.submit(crowded_union, *[client.submit(crowded_of, e, bits, self.bound, pure=False)
                                                 for e in entries], pure=False)
        found = [client.submit(bounded_bucket, e, crowded, ranked, bits, self.bound, leaders, buckets, pure=False)
                 for e in entries]
        chosen = [client.submit(chosen_group, ranked, bits, leaders, buckets,
                                *[client.submit(pick_candidates, f, g, pure=False) for f in found], pure=False)
                  for g in range(buckets)]
        self.grouped = [client.submit(distinct_pairs, *[client.submit(pick_bucket_pairs, f, g, pure=False) for f in found],
                                      *[client.submit(pick_group, c, g, pure=False) for c in chosen], pure=False)
                        for g in range(buckets)]
        self.counts = [client.submit(pair_counts, g, pure=False) for g in self.grouped]
        self.picked = []
        return client.gather(crowded).tolist()

    def _workers(self) -> list:
        """The worker that holds each partition (None when Dask does not say)."""
        try:
            who = self.client.who_has(self.partitions)
        except Exception:
            who = {}
        return [min(who.get(f.key) or [None], key=str) for f in self.partitions]

    def result(self) -> list:
        client, partitions, code = self.client, self.partitions, self.code
        counts = client.gather(self.counts)
        worker = self._workers()
        # documents to export from one worker's partitions to another's: (from, to) -> (qs, ps, groups)
        exports: dict[tuple, tuple[set, set, set]] = {}
        for g, found in enumerate(counts):
            for q, (_, others) in found.items():
                for p in others:
                    if worker[p] != worker[q] or worker[q] is None:
                        qs, ps, groups = exports.setdefault((worker[p], worker[q]), (set(), set(), set()))
                        qs.add(q), ps.add(p), groups.add(g)
        sent: dict = {}
        for (source, target), (qs, ps, groups) in exports.items():
            ps = sorted(ps)
            sent.setdefault(target, []).append(client.submit(
                export_documents, code, sorted(qs), ps, [self.grouped[g] for g in sorted(groups)],
                [partitions[p] for p in ps], pure=False, **_on(source)))
        verifying = []
        for g, found in enumerate(counts):
            by_worker: dict = {}
            for q in sorted(found):
                by_worker.setdefault(worker[q], []).append(q)
            for target, qs in by_worker.items():
                local = sorted({p for q in qs for p in (q, *found[q][1]) if worker[p] == target and target is not None} | set(qs))
                verifying.append(client.submit(
                    verify_partitions, self.fn, self.args, code, self.grouped[g], qs,
                    {p: partitions[p] for p in local}, sent.get(target, []), pure=False, **_on(target)))
        rows = [row for rows in client.gather(verifying) for row in rows]
        self.grouped, self.counts, self.picked = [], [], []  # (released on the workers)
        return rows


def _on(worker) -> dict:
    """Run where `worker` is, or elsewhere if it is gone."""
    return {"workers": [worker], "allow_other_workers": True} if worker is not None else {}
