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


def _cross(a_start, a_count, b_start, b_count):
    """Every (a, b) position pair of the groups: a in [a_start, a_start + a_count), b likewise."""
    sizes = a_count * b_count
    total = int(sizes.sum())
    if not total:
        return _EMPTY, _EMPTY
    group = np.repeat(np.arange(len(sizes)), sizes)
    offset = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = b_count[group]
    return a_start[group] + offset // width, b_start[group] + offset % width


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
        batch = np.sort(np.concatenate(keys) << bits | np.repeat(np.asarray(owners, dtype=np.uint64), sizes))
        batch = batch[np.concatenate(([True], batch[1:] != batch[:-1]))]  # a key once per document
        key, owner = batch >> bits, (batch & mask).astype(np.int64)
        starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
        counts = np.diff(np.append(starts, len(batch)))
        unique = key[starts]
        found_new, found_old = [], []
        # within the batch: the owners of each key with each other
        shared = counts > 1
        a, b = _cross(starts[shared], counts[shared], starts[shared], counts[shared])
        keep = a < b
        found_new.append(owner[b[keep]])  # entries of a key are in document order: b is the newer
        found_old.append(owner[a[keep]])
        # with every earlier run
        for run in self.runs:
            lo = np.searchsorted(run, unique << bits, side="left")
            hi = np.searchsorted(run, unique << bits | mask, side="right")
            hit = hi > lo
            a, b = _cross(starts[hit], counts[hit], lo[hit], (hi - lo)[hit])
            found_new.append(owner[a])
            found_old.append((run[b] & mask).astype(np.int64))
        self._push(batch)
        new, old = np.concatenate(found_new), np.concatenate(found_old)
        pairs = np.unique(new << 32 | old)
        return pairs >> 32, pairs & 0xFFFFFFFF

    def _push(self, entries: np.ndarray) -> None:
        self.runs.append(entries)
        while len(self.runs) > 1 and len(self.runs[-2]) <= 2 * len(self.runs[-1]):
            last, before = self.runs.pop(), self.runs.pop()
            self.runs.append(np.sort(np.concatenate((before, last)), kind="stable"))  # (merges two runs)
