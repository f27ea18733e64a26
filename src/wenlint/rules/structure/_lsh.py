"""LSH banding of MinHash signatures in numpy, all at once or a batch of documents at a time.

Bands of one row: every value of a signature, with the number of its hash function (its band), is
a key; two documents are candidates when one of their segments shares a key with one of the
other's. All at once (`banded_pairs` in copies.py) the values of every document are sorted band
by band. A batch at a time (`BandIndex`), as documents arrive from the workers: the keys of
earlier batches are held sorted in runs (two runs of about the same size are merged, so there are
at most about log2(n) runs), the new batch is sorted, and its keys are looked up in every run
(`searchsorted`): the shuffle is the sort, the reduce the ranges of equal keys. Both give the
same pairs. An entry of a run is one 64-bit number, band | value | document, so a run costs
8 bytes a key and sorting it orders by key, then by document.
"""

from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int64)


def document_keys(signature: np.ndarray) -> np.ndarray:
    """The keys (band << 32 | value) of a document's segment signatures (segments x bands,
    uint32), with repeats (`BandIndex.add` drops them)."""
    if not signature.size:
        return np.zeros(0, dtype=np.uint64)
    bands = np.arange(signature.shape[1], dtype=np.uint64) << np.uint64(32)
    return (signature.astype(np.uint64) | bands[None, :]).ravel()


LIMIT = 1 << 16  # candidate (document, document) entries generated at a time


def _row_pairs(a_pos, b_lo, width, limit: int = LIMIT):
    """(a, b) position pairs, a chunk of about `limit` at a time: every row k pairs a_pos[k]
    with b in [b_lo[k], b_lo[k] + width[k]). Near copies share most keys, so a key's group is
    large and its pairs many: generated in bounded chunks, never all at once."""
    keep = width > 0
    a_pos, b_lo, width = a_pos[keep], b_lo[keep], width[keep]
    ends = np.cumsum(width)
    start = 0
    while start < len(width):
        stop = max(start + 1, int(np.searchsorted(ends, ends[start] - width[start] + limit, side="right")))
        w = width[start:stop]
        row = np.repeat(np.arange(start, stop), w)
        offset = np.arange(len(row), dtype=np.int64) - np.repeat(np.cumsum(w) - w, w)
        yield a_pos[row], b_lo[row] + offset
        start = stop


class _Pairs:
    """Distinct pair codes, gathered a chunk at a time: memory in the distinct pairs (what a
    corpus has), not in the pairs generated (one per shared key)."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []

    def add(self, codes: np.ndarray) -> None:
        if len(codes):
            self.parts.append(np.unique(codes))
        if len(self.parts) > 8:
            self.parts = [self.result()]

    def result(self) -> np.ndarray:
        return np.unique(np.concatenate(self.parts)) if self.parts else _EMPTY


class BandIndex:
    """The band keys of the documents added so far; `add` returns the new candidate pairs.
    Documents are numbered from 0 by the caller, at most 2^(32 - bits of the band number) of
    them (67 million with 64 bands)."""

    def __init__(self, bands: int = 64) -> None:
        self.owner_bits = np.uint64(32 - max(1, (bands - 1).bit_length()))
        self.capacity = 1 << int(self.owner_bits)
        self.runs: list[np.ndarray] = []  # sorted entries: key << owner_bits | document

    def add(self, keys: list[np.ndarray], owners: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Add documents (`document_keys` of each, and its number, larger than any before);
        return the candidate pairs (new document, other document: an earlier one or a new one
        with a smaller number), each pair once."""
        sizes = [len(k) for k in keys]
        if not sum(sizes):
            return _EMPTY, _EMPTY
        if owners and max(owners) >= self.capacity:
            raise OverflowError(f"more than {self.capacity} documents in one band index")
        bits, mask = self.owner_bits, np.uint64(self.capacity - 1)
        batch = np.concatenate(keys)  # (shifted and numbered in place: the batch is the largest array here)
        batch <<= bits
        batch |= np.repeat(np.asarray(owners, dtype=np.uint64), sizes)
        batch.sort()
        batch = batch[np.concatenate(([True], batch[1:] != batch[:-1]))]  # a key once per document
        key, owner = batch >> bits, (batch & mask).astype(np.int64)
        starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
        counts = np.diff(np.append(starts, len(batch)))
        unique = key[starts]
        pairs = _Pairs()
        # within the batch: each entry with the later entries of its key (in document order)
        position = np.arange(len(batch), dtype=np.int64)
        end = np.repeat(starts + counts, counts)
        for a, b in _row_pairs(position, position + 1, end - position - 1):
            pairs.add(owner[b] << 32 | owner[a])
        # with every earlier run
        for run in self.runs:
            lo = np.searchsorted(run, unique << bits, side="left")
            hi = np.searchsorted(run, unique << bits | mask, side="right")
            for a, b in _row_pairs(position, np.repeat(lo, counts).astype(np.int64),
                                   np.repeat(hi - lo, counts).astype(np.int64)):
                pairs.add(owner[a] << 32 | (run[b] & mask).astype(np.int64))
        self._push(batch)
        found = pairs.result()
        return found >> 32, found & 0xFFFFFFFF

    def _push(self, entries: np.ndarray) -> None:
        self.runs.append(entries)
        while len(self.runs) > 1 and len(self.runs[-2]) <= 2 * len(self.runs[-1]):
            last, before = self.runs.pop(), self.runs.pop()
            self.runs.append(np.sort(np.concatenate((before, last)), kind="stable"))  # (merges two runs)


def shared_key_pairs(keys: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs (a > b) of owners (numbers below 2^32) that have an entry of the same
    key: one bucket of a banding done as a shuffle (the entries sent to buckets by their key's
    hash, on other processes) and this reduce. The same pairs as `BandIndex.add` gives for these
    entries; generated a bounded chunk at a time."""
    if not len(keys):
        return _EMPTY, _EMPTY
    bits = max(1, int(owners.max()).bit_length())
    if int(keys.max()) >> (64 - bits) == 0:  # (an entry in one number, as in BandIndex: a faster sort)
        entries = _distinct(keys.astype(np.uint64) << np.uint64(bits) | owners.astype(np.uint64))
        keys, owners = entries >> np.uint64(bits), (entries & np.uint64((1 << bits) - 1)).astype(np.int64)
    else:
        order = np.lexsort((owners, keys))
        keys, owners = keys[order], owners[order].astype(np.int64)
        first = np.concatenate(([True], (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])))
        keys, owners = keys[first], owners[first]  # a key once per owner
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, len(keys)))
    position = np.arange(len(keys), dtype=np.int64)
    end = np.repeat(starts + counts, counts)
    pairs = _Pairs()
    for a, b in _row_pairs(position, position + 1, end - position - 1):
        pairs.add(owners[b] << 32 | owners[a])
    found = pairs.result()
    return found >> 32, found & 0xFFFFFFFF


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique hashes them first: slower on mostly distinct ones)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values
