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
   pairs are sent on by the hash of their pair of partitions (a second shuffle, since one pair
   shares keys in several buckets).
3. `distinct_pairs` (a task per group): the pairs of the group once, grouped by their pair of
   partitions; the client gathers only how many each pair of partitions has.
4. `verify_banded` (a task per pair of partitions and slice of its pairs, with those partitions'
   results): the stream's verification (`fn`, ST012's `verify_pairs`); the client gathers the
   verified pairs, named by locators.
"""

from __future__ import annotations

from operator import itemgetter

ID_BITS = 32  # an id: partition number << ID_BITS | place in the partition
MAX_BUCKETS = 32
PARTITIONS_PER_BUCKET = 4  # (as many buckets as workers while partitions are small)


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


def _route(a, b, groups: int):
    import numpy as np

    return ((a >> ID_BITS) * np.int64(1_000_003) + (b >> ID_BITS)) % np.int64(groups)


def bucket_pairs(groups: int, *parts) -> list:
    """The distinct pairs (a > b, ids) of documents that share a key of this bucket, split into
    `groups` by their pair of partitions."""
    import numpy as np

    from ..rules.structure._lsh import shared_key_pairs

    keys = np.concatenate([p[0] for p in parts])
    ids = np.concatenate([p[1] for p in parts])
    if not len(keys):
        return [(ids, ids)] * groups
    named, local = np.unique(ids, return_inverse=True)  # ids as numbers below 2^32
    a, b = shared_key_pairs(keys, local.ravel())
    a, b = named[a], named[b]
    route = _route(a, b, groups)
    order = np.argsort(route, kind="stable")
    bounds = np.searchsorted(route[order], np.arange(groups + 1)).tolist()
    return [(a[order[lo:hi]], b[order[lo:hi]]) for lo, hi in zip(bounds, bounds[1:])]


def distinct_pairs(group: int, *buckets) -> dict:
    """{(partition of a, partition of b): (a, b)} of this group's pairs, each pair once."""
    import numpy as np

    a = np.concatenate([found[group][0] for found in buckets])
    b = np.concatenate([found[group][1] for found in buckets])
    if not len(a):
        return {}
    p, q = a >> ID_BITS, b >> ID_BITS
    order = np.lexsort((b, a, q, p))
    a, b, p, q = a[order], b[order], p[order], q[order]
    keep = np.concatenate(([True], (a[1:] != a[:-1]) | (b[1:] != b[:-1])))
    a, b, p, q = a[keep], b[keep], p[keep], q[keep]
    starts = np.flatnonzero(np.concatenate(([True], (p[1:] != p[:-1]) | (q[1:] != q[:-1]))))
    bounds = np.append(starts, len(a)).tolist()
    return {(int(p[lo]), int(q[lo])): (a[lo:hi], b[lo:hi]) for lo, hi in zip(bounds, bounds[1:])}


def pair_counts(pairs: dict) -> dict:
    return {parts: len(a) for parts, (a, _) in pairs.items()}


def verify_banded(fn, args, code: str, pairs: dict, p: int, q: int, lo: int, hi: int, *results):
    """Verify pairs [lo, hi) of partitions p and q with `fn(pairs, load, *args)` where their
    results are; the verified pairs come back named by their documents' locators."""
    from .dask_engine import verify_on_parts

    mask = (1 << ID_BITS) - 1
    a, b = pairs[p, q]
    located = [((x >> ID_BITS, x & mask, code), (y >> ID_BITS, y & mask, code))
               for x, y in zip(a[lo:hi].tolist(), b[lo:hi].tolist())]
    return verify_on_parts(fn, [(wa, wb, wa, wb) for wa, wb in located], args, sorted({p, q}), *results)


class Banding:
    """A stream's banding and verification on the workers (the linter's settings key `owner`,
    the rule's `code`, its verification `fn(pairs, load, *args)`): the shuffle and the reduce
    are submitted as soon as the partitions' entries are (`start`: they run as the partitions
    are linted); `result()` submits the verification of the pairs and returns the verified ones
    (the task a stream waits for, with `done()`)."""

    def __init__(self, client, partitions: list, owner: str, code: str, fn, args: tuple, task: int) -> None:
        self.client, self.partitions = client, partitions
        self.owner, self.code, self.fn, self.args, self.task = owner, code, fn, list(args), task
        self.grouped: list = []
        self.counts: list = []

    def start(self, entries: list) -> None:
        client, buckets = self.client, bucket_count(len(entries))
        picked = [[client.submit(pick, e, self.owner, self.code, b, pure=False) for e in entries]
                  for b in range(buckets)]
        paired = [client.submit(bucket_pairs, buckets, *parts, pure=False) for parts in picked]
        self.grouped = [client.submit(distinct_pairs, g, *paired, pure=False) for g in range(buckets)]
        self.counts = [client.submit(pair_counts, g, pure=False) for g in self.grouped]

    def done(self) -> bool:
        return False

    def result(self) -> list:
        client = self.client
        verifying = []
        for group, found in zip(self.grouped, client.gather(self.counts)):
            for (p, q), n in sorted(found.items(), key=itemgetter(0)):
                held = [self.partitions[k] for k in sorted({p, q})]
                for lo in range(0, n, self.task):
                    verifying.append(client.submit(verify_banded, self.fn, self.args, self.code, group, p, q, lo,
                                                   min(n, lo + self.task), *held, pure=False))
        return [row for rows in client.gather(verifying) for row in rows]
