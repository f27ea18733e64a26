"""LSH banding of MinHash signatures in numpy, all at once or a batch of documents at a time.

Bands of one row: every value of a signature, with the number of its hash function, is a key
(`band << 32 | value`); two documents are candidates when one of their segments shares a key with
one of the other's. All at once (`banded_pairs` in copies.py) the keys of every document are
sorted together. A batch at a time (`BandIndex`), as documents arrive from the workers: the keys
of earlier batches are held sorted in runs (two runs of about the same size are merged, so there
are at most about log2(n) runs), the new batch is sorted, and its keys are looked up in every run
(`searchsorted`: the shuffle is the sort, the reduce the equal ranges). Both give the same pairs.
"""

from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int64)


def document_keys(signature: np.ndarray) -> np.ndarray:
    """The distinct band keys of a document's segment signatures (segments x bands, uint32)."""
    if not signature.size:
        return np.zeros(0, dtype=np.uint64)
    bands = np.arange(signature.shape[1], dtype=np.uint64) << np.uint64(32)
    return np.unique((signature.astype(np.uint64) | bands[None, :]).ravel())


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
    """The band keys of the documents added so far; `add` returns the new candidate pairs."""

    def __init__(self) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, owner of each)

    def add(self, keys: list[np.ndarray], owners: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Add documents (`document_keys` of each, and its number); return the candidate pairs
        (new document, other document: an earlier one or another new one with a smaller number),
        each pair once."""
        sizes = [len(k) for k in keys]
        if not sum(sizes):
            return _EMPTY, _EMPTY
        batch = np.concatenate(keys)
        owner = np.repeat(np.asarray(owners, dtype=np.int64), sizes)
        order = np.argsort(batch, kind="stable")
        batch, owner = batch[order], owner[order]
        starts = np.flatnonzero(np.concatenate(([True], batch[1:] != batch[:-1])))
        counts = np.diff(np.append(starts, len(batch)))
        unique = batch[starts]
        found_new, found_old = [], []
        # within the batch: the owners of each key with each other
        shared = counts > 1
        a, b = _cross(starts[shared], counts[shared], starts[shared], counts[shared])
        keep = a < b
        found_new.append(owner[a[keep]])
        found_old.append(owner[b[keep]])
        # with every earlier run
        for run_keys, run_owner in self.runs:
            lo = np.searchsorted(run_keys, unique, side="left")
            hi = np.searchsorted(run_keys, unique, side="right")
            hit = hi > lo
            a, b = _cross(starts[hit], counts[hit], lo[hit], (hi - lo)[hit])
            found_new.append(owner[a])
            found_old.append(run_owner[b])
        self._push(batch, owner)
        first, second = np.concatenate(found_new), np.concatenate(found_old)
        pairs = np.unique(np.minimum(first, second) << 32 | np.maximum(first, second))
        low, high = pairs >> 32, pairs & 0xFFFFFFFF
        distinct = low != high
        return high[distinct], low[distinct]

    def _push(self, keys: np.ndarray, owner: np.ndarray) -> None:
        self.runs.append((keys, owner))
        while len(self.runs) > 1 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0]):
            (k1, o1), (k2, o2) = self.runs.pop(), self.runs.pop()
            merged = np.concatenate((k2, k1))
            order = np.argsort(merged, kind="stable")
            self.runs.append((merged[order], np.concatenate((o2, o1))[order]))
