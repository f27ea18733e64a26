"""LSH banding of MinHash signatures in numpy, all at once or a batch of documents at a time.

Bands of one row: every value of a signature, with the number of its hash function (its band), is
a key; two documents are candidates when one of their segments shares a key with one of the
other's. All at once (`banded_pairs` in copies.py) the values of every document are sorted band
by band. A batch at a time (`BandIndex`), as documents arrive from the workers: the keys of
earlier batches are held sorted in runs (two runs of about the same size are merged, so there are
about log2(n) runs, and n / RUN_CEILING more past the ceiling, those on disk), the new batch is
sorted, and its keys are looked up in every run (`searchsorted`): the shuffle is the sort, the
reduce the ranges of equal keys. Both give the same pairs. An entry of a run is one 64-bit number, band | value |
document, so a run costs 8 bytes a key and sorting it orders by key, then by document.

A key shared by k documents pairs k^2/2 of them, and near copies share most of their keys: a
dense cluster would generate its pairs once per shared key. With a bound, `Bounded` pairs the
documents of such keys (crowded) only with their most similar candidates, and `_Pairs` keeps
the distinct pairs in sorted parts merged like a binary counter.
"""

from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, dtype=np.int64)
_EMPTY_KEYS = np.zeros(0, dtype=np.uint64)


def document_keys(signature: np.ndarray) -> np.ndarray:
    """The keys (band << 32 | value) of a document's segment signatures (segments x bands,
    uint32), with repeats (`BandIndex.add` drops them)."""
    if not signature.size:
        return np.zeros(0, dtype=np.uint64)
    bands = np.arange(signature.shape[1], dtype=np.uint64) << np.uint64(32)
    return (signature.astype(np.uint64) | bands[None, :]).ravel()


def distinct(values: np.ndarray) -> np.ndarray:
    """The values sorted, without repeats: a sort (np.unique hashes, and on large integer
    arrays that is many times slower)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


LIMIT = 1 << 16  # candidate (document, document) entries generated at a time
LEADERS = 8  # the most similar candidates a crowded document is paired with (`Bounded`)
# The largest run of a BandIndex, in entries: a merge makes a run of the two and positions for
# one, so merging the two halves of a large index would briefly double it. A run past half of
# it is not merged again and waits on disk (`_Spilled`).
RUN_CEILING = 1 << 20


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


class _Merged:
    """Sorted parts without repeats, merged like the digits of a binary counter (a part is
    merged with the one before it while that one is not larger than twice its size), so that an
    entry is merged about log2(parts) times, not once per part. `merge(a, b)` joins two parts,
    `size(part)` measures one. With a `ceiling`, two parts are not merged into one larger than
    it: the largest merge, and what it costs in memory beside the parts, stays bounded."""

    def __init__(self, merge, size=len, ceiling: int | None = None) -> None:
        self.merge, self.size, self.ceiling = merge, size, ceiling
        self.parts: list = []

    def push(self, part) -> None:
        while self.parts and self.size(self.parts[-1]) <= 2 * self.size(part) and (
                self.ceiling is None or self.size(self.parts[-1]) + self.size(part) <= self.ceiling):
            part = self.merge(self.parts.pop(), part)
        self.parts.append(part)

    def fold(self, empty):
        if not self.parts:
            return empty
        found = self.parts[-1]
        for part in reversed(self.parts[:-1]):
            found = self.merge(part, found)
        return found


class _Pairs(_Merged):
    """Distinct pair codes, gathered a chunk at a time: memory in the distinct pairs (what a
    corpus has), not in the pairs generated (one per shared key)."""

    def __init__(self) -> None:
        super().__init__(_union)

    def add(self, codes: np.ndarray) -> None:
        if len(codes):
            self.push(distinct(codes))

    def result(self) -> np.ndarray:
        return self.fold(_EMPTY)


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The sorted codes of two sorted parts without repeats (a stable sort of two sorted runs
    is a merge)."""
    merged = np.concatenate((a, b))
    merged.sort(kind="stable")
    return merged[np.concatenate(([True], merged[1:] != merged[:-1]))]


class _Counted(_Merged):
    """Distinct codes with how many times each was added, gathered as `_Pairs` gathers codes."""

    def __init__(self) -> None:
        super().__init__(_summed, size=lambda part: len(part[0]))

    def add(self, codes: np.ndarray) -> None:
        if not len(codes):
            return
        codes = np.sort(codes)
        starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
        self.push((codes[starts], np.diff(np.append(starts, len(codes)))))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        return self.fold((_EMPTY, _EMPTY))


def _summed(a, b):
    codes, counts = np.concatenate((a[0], b[0])), np.concatenate((a[1], b[1]))
    if not len(codes):
        return _EMPTY, _EMPTY
    order = np.argsort(codes, kind="stable")
    codes, counts = codes[order], counts[order]
    starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
    return codes[starts], np.add.reduceat(counts, starts)


def _best(codes: np.ndarray, counts: np.ndarray, k: int):
    """Of sorted codes (document << 32 | candidate) with counts, each document's k candidates
    with the largest counts (then the first), in the order of the codes."""
    if not len(codes):
        return codes, counts
    mine, other = codes >> 32, codes & 0xFFFFFFFF
    order = np.lexsort((other, -counts, mine))
    mine = mine[order]
    starts = np.flatnonzero(np.concatenate(([True], mine[1:] != mine[:-1])))
    nth = np.arange(len(mine)) - np.repeat(starts, np.diff(np.append(starts, len(mine))))
    keep = np.sort(order[nth < k])
    return codes[keep], counts[keep]


def _groups(entries: np.ndarray, bits):
    """Owner of each entry (sorted: key << bits | document), the start of each entry's key and
    how many documents share it."""
    key = entries >> np.uint64(bits)
    owner = (entries & np.uint64((1 << int(bits)) - 1)).astype(np.int64)
    starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    counts = np.diff(np.append(starts, len(entries)))
    return owner, np.repeat(starts, counts), np.repeat(counts, counts)


class Bounded:
    """The candidate pairs of sorted entries (key << bits | document, a key once per document,
    the documents numbered in a fixed order: the paths'), given a key at a time or a band at a
    time in two passes (`crowd` every part, then `pair` every part, then `result`).

    A key shared by more than `bound` documents makes them *crowded* (a dense cluster of near
    copies, or a pair of clauses very many documents use). Two documents that share a key are
    paired unless both are crowded. A crowded document is paired besides with its LEADERS
    *choices*: of the first LEADERS + 1 documents of each of its keys, those that come up in
    the most of its keys (then the first): its near copies, which share most of its keys, not
    the documents that share a common pair of clauses with it. So n crowded documents cost
    about n x LEADERS pairs, and nothing changes when no key is beyond the bound. `result` also
    gives the crowded documents (their partners may be more than their pairs)."""

    def __init__(self, documents: int, bits, bound: int | None, leaders: int = LEADERS) -> None:
        self.bits, self.bound, self.leaders = bits, bound, leaders
        self.crowded = np.zeros(documents, dtype=bool)
        self.pairs = _Pairs()
        self.choices = (_EMPTY, _EMPTY)  # candidates (document << 32 | candidate) and their counts

    def crowd(self, entries: np.ndarray) -> None:
        if self.bound is None or not len(entries):
            return
        owner, _, counts = _groups(entries, self.bits)
        self.crowded[owner[counts > self.bound]] = True

    def pair(self, entries: np.ndarray) -> None:
        if not len(entries):
            return
        owner, start, counts = _groups(entries, self.bits)
        crowded = self.crowded[owner]
        _pair_within(owner, start, counts, self.bound, crowded, self.pairs)
        if not crowded.any():
            return
        # the candidates of each crowded entry (the first documents of its key), counted; each
        # document keeps its 4 x LEADERS best after each part (a band), so that they stay few
        self.choices = self._chosen(np.flatnonzero(crowded), owner, start, counts)

    def _chosen(self, mine, owner, start, counts):
        """The choices with the candidates of the crowded entries `mine` of a part counted in,
        a slice of documents at a time: a document's candidates come from its own entries and
        its best are its own, so only one slice's counts are in memory, not the part's."""
        width = np.minimum(counts[mine], self.leaders + 1)
        order = np.argsort(owner[mine], kind="stable")
        mine, width = mine[order], width[order]
        mine_owner = owner[mine]
        ends = np.cumsum(width)
        codes, counted = self.choices
        pieces = []
        lo, below = 0, 0  # the next entry of `mine`; the documents below `below` are done
        while lo < len(mine):
            hi = max(lo + 1, int(np.searchsorted(ends, ends[lo] - width[lo] + LIMIT, side="right")))
            hi = int(np.searchsorted(mine_owner, mine_owner[hi - 1], side="right"))  # (a document whole)
            upto = int(mine_owner[hi - 1]) + 1
            found = _Counted()
            for a, b in _row_pairs(mine[lo:hi], start[mine[lo:hi]], width[lo:hi]):
                other = a != b
                found.add(owner[a[other]] << 32 | owner[b[other]])
            at, to = np.searchsorted(codes, [below << 32, upto << 32])
            pieces.append(_best(*_summed((codes[at:to], counted[at:to]), found.result()), 4 * self.leaders))
            lo, below = hi, upto
        at = np.searchsorted(codes, below << 32)
        pieces.append((codes[at:], counted[at:]))
        return np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces])

    def result(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(larger, smaller) of every pair, and the crowded documents."""
        codes = self.pairs.result()
        if self.crowded.any():
            chosen, _ = _best(*self.choices, self.leaders)
            mine, other = chosen >> 32, chosen & 0xFFFFFFFF
            codes = _union(codes, distinct(np.maximum(mine, other) << 32 | np.minimum(mine, other)))
        return codes >> 32, codes & 0xFFFFFFFF, np.flatnonzero(self.crowded)


def _pair_within(owner, start, counts, bound, crowded, pairs: _Pairs) -> None:
    """Into `pairs`: each entry of a key within the bound with the earlier ones (larger << 32 |
    smaller document), unless both are crowded."""
    small = counts <= bound if bound is not None else np.ones(len(owner), dtype=bool)
    position = np.arange(len(owner), dtype=np.int64)
    for a, b in _row_pairs(position, start, np.where(small, position - start, 0)):
        keep = ~(crowded[a] & crowded[b])
        pairs.add(owner[a[keep]] << 32 | owner[b[keep]])


# `Bounded` as a shuffle: its entries split into parts by key (whole keys of any bands, one part
# per bucket), the crowded documents of every part put together (`crowded_documents`), each
# part's pairs and its crowded entries' candidates counted by band (`bounded_part`), and the
# candidates sent on by document: a document's choices are a fold over the bands in order of its
# own candidates only (`chosen_pairs`). The same pairs and crowded documents as `Bounded`.

def crowded_documents(entries: np.ndarray, bits, bound: int) -> np.ndarray:
    """The documents of a part's sorted entries (key << bits | document, a key once per
    document) that share a key with more than `bound` documents, sorted."""
    if not len(entries):
        return _EMPTY
    owner, _, counts = _groups(entries, bits)
    return distinct(owner[counts > bound])


def bounded_part(entries: np.ndarray, bits, bound: int, crowded: np.ndarray, leaders: int = LEADERS):
    """A part's pairs (larger << 32 | smaller, distinct) and the candidates of its crowded entries
    (`crowded`: by document) counted, a band at a time: codes (band << bits | document) << bits |
    candidate, sorted, with their counts."""
    bits = int(bits)
    pairs = _Pairs()
    codes, counts = [_EMPTY], [_EMPTY]
    band = entries >> np.uint64(32 + bits)
    cuts = np.append(np.flatnonzero(np.concatenate(([True], band[1:] != band[:-1]))), len(entries)) if len(entries) else [0]
    for lo, hi in zip(cuts[:-1].tolist(), cuts[1:].tolist()):
        owner, start, shared = _groups(entries[lo:hi], bits)
        mine = crowded[owner]
        _pair_within(owner, start, shared, bound, mine, pairs)
        mine = np.flatnonzero(mine)
        found = _Counted()
        for a, b in _row_pairs(mine, start[mine], np.minimum(shared[mine], leaders + 1)):
            other = a != b
            found.add(owner[a[other]] << bits | owner[b[other]])
        found, counted = found.result()
        codes.append(found | int(band[lo]) << (2 * bits))
        counts.append(counted)
    return pairs.result(), (np.concatenate(codes), np.concatenate(counts))


def chosen_pairs(parts: list, bits, leaders: int = LEADERS) -> np.ndarray:
    """The pairs (larger << 32 | smaller, distinct) that crowded documents' choices make, from
    every candidate of these documents (`parts`: codes and counts as `bounded_part` gives them,
    from every part): each document keeps its 4 x leaders best after each band, in the order
    of the bands, then its leaders best are paired with it, as in `Bounded`."""
    bits = int(bits)
    shift, mask = 2 * bits, (1 << bits) - 1
    parts = [part for part in parts if len(part[0])]
    last = max((int(codes[-1]) >> shift for codes, _ in parts), default=-1)
    edges = [np.searchsorted(codes, np.arange(last + 2, dtype=np.int64) << shift).tolist() for codes, _ in parts]
    choices = (_EMPTY, _EMPTY)
    for band in range(last + 1):
        found = [(codes[at[band] : at[band + 1]], counts[at[band] : at[band + 1]])
                 for (codes, counts), at in zip(parts, edges) if at[band] < at[band + 1]]
        if not found:
            continue
        codes = np.concatenate([f[0] for f in found])
        codes = ((codes >> bits) & mask) << 32 | (codes & mask)
        choices = _best(*_summed(choices, (codes, np.concatenate([f[1] for f in found]))), 4 * leaders)
    chosen, _ = _best(*choices, leaders)
    mine, other = chosen >> 32, chosen & 0xFFFFFFFF
    return distinct(np.maximum(mine, other) << 32 | np.minimum(mine, other))


class BandIndex:
    """The band keys of the documents added so far; `add` returns the new candidate pairs.
    Documents are numbered from 0 by the caller, at most 2^(32 - bits of the band number) of
    them (67 million with 64 bands).

    With a `bound` (see `Bounded`), a key shared by more than `bound` documents pairs none of
    them in `add` and makes them crowded, and two crowded documents are not paired there
    (`dense` says a key went beyond the bound); `final` then gives the pairs of the whole index
    as `Bounded` takes them."""

    def __init__(self, bands: int = 64, bound: int | None = None, ceiling: int = RUN_CEILING) -> None:
        self.owner_bits = np.uint64(32 - max(1, (bands - 1).bit_length()))
        self.capacity = 1 << int(self.owner_bits)
        # sorted entries (key << owner_bits | document); the largest on disk (`_Spilled`), not merged again
        self._runs = _Merged(_merged_runs, size=_mergeable_size, ceiling=ceiling)
        self.ceiling = ceiling
        self.shift = np.uint64(32 + int(self.owner_bits))  # entry >> shift: its band
        self.bound = bound
        self.dense = False  # a key was shared by more than `bound` documents
        self.crowded = np.zeros(0, dtype=bool)  # by document: in a key beyond the bound

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
        found = [tuple(_search(run, (unique << bits, "left"), (unique << bits | mask, "right"))) for run in self.runs]
        paired = np.ones(len(unique), dtype=bool)  # keys whose documents are paired here
        crowded = None
        if self.bound is not None:
            self._grow(max(owners) + 1)
            before = sum((hi - lo for lo, hi in found), np.zeros(len(unique), dtype=np.int64))
            paired = before + counts <= self.bound
            if not paired.all():
                self.dense = True
                self._crowd(owner[np.repeat(~paired, counts)], found, ~paired & (before <= self.bound))
            if len(self.crowded) and self.crowded.any():
                crowded = self.crowded
        pairs = _Pairs()

        def add(a, b):
            if crowded is not None:
                keep = ~(crowded[a] & crowded[b])
                a, b = a[keep], b[keep]
            pairs.add(a << 32 | b)

        # within the batch: each entry with the later entries of its key (in document order)
        position = np.arange(len(batch), dtype=np.int64)
        end = np.repeat(starts + counts * paired, counts)
        for a, b in _row_pairs(position, position + 1, np.maximum(end - position - 1, 0)):
            add(owner[b], owner[a])
        # with every earlier run
        for run, (lo, hi) in zip(self.runs, found):
            for a, b in _row_pairs(position, np.repeat(lo, counts).astype(np.int64),
                                   np.repeat((hi - lo) * paired, counts).astype(np.int64)):
                add(owner[a], (run[b] & mask).astype(np.int64))
        self._push(batch)
        found = pairs.result()
        return found >> 32, found & 0xFFFFFFFF

    def _crowd(self, owners: np.ndarray, found, newly: np.ndarray) -> None:
        """Mark crowded the new documents of keys beyond the bound, and the earlier documents
        of those that went beyond it with this batch (the others' are marked already)."""
        earlier = [owners]
        for run, (lo, hi) in zip(self.runs, found):
            lo, hi = lo[newly], hi[newly]
            width = hi - lo
            at = np.repeat(lo - np.cumsum(width) + width, width) + np.arange(int(width.sum()))
            earlier.append((run[at] & np.uint64(self.capacity - 1)).astype(np.int64))
        self.crowded[np.concatenate(earlier)] = True

    def _grow(self, documents: int) -> None:
        if documents > len(self.crowded):
            grown = np.zeros(max(documents, 2 * len(self.crowded)), dtype=bool)
            grown[: len(self.crowded)] = self.crowded
            self.crowded = grown

    def final(self, rank: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every candidate pair of the documents added so far (larger number, smaller number) as
        `Bounded` gives them, the documents taken in the order of `rank` (rank[number]: a
        permutation, the same whatever order they were added in), a band at a time: the
        entries of one band are taken from every run, renumbered and sorted (the runs are
        sorted by band first), so only one band's are copied. And the crowded documents."""
        mask = np.uint64(self.capacity - 1)
        rank = np.asarray(rank, dtype=np.int64)
        ranks = rank.astype(np.uint64)
        runs = [run for run in self.runs if len(run)]
        bands = 1 + max((int(run[-1] >> self.shift) for run in runs), default=-1)
        cuts = [_band_cuts(run, bands, self.shift) for run in runs]

        def entries(band: int) -> np.ndarray:
            part = np.concatenate([run[cut[band] : cut[band + 1]] for run, cut in zip(runs, cuts)] or [_EMPTY_KEYS])
            part = (part & ~mask) | ranks[(part & mask).astype(np.int64)]
            part.sort()
            return part

        bounded = Bounded(len(rank), self.owner_bits, self.bound)
        for band in range(bands):
            bounded.crowd(entries(band))
        for band in range(bands):
            bounded.pair(entries(band))
        larger, smaller, crowded = bounded.result()
        number = np.empty(len(rank), dtype=np.int64)
        number[rank] = np.arange(len(rank), dtype=np.int64)
        first, second = number[larger], number[smaller]
        return np.maximum(first, second), np.minimum(first, second), number[crowded]

    @property
    def runs(self) -> list[np.ndarray]:
        return self._runs.parts

    def _push(self, entries: np.ndarray) -> None:
        self._runs.push(entries)
        parts = self._runs.parts
        for i, run in enumerate(parts):
            if isinstance(run, np.ndarray) and 2 * len(run) >= self.ceiling:
                parts[i] = _Spilled(run, self.shift)


class _Spilled:
    """A run of a `BandIndex` in a temporary file: the index of a large corpus does not wait in
    memory. It is read a band at a time (entries are sorted by band first, and a batch's keys are
    looked up band by band, `_search`), and the entries of given positions through a map
    of the file dropped when they are read: in memory, a band of it at most."""

    def __init__(self, entries: np.ndarray, shift: np.uint64) -> None:
        import tempfile

        self.size = len(entries)
        self.cuts = _band_cuts(entries, int(entries[-1] >> shift) + 1 if self.size else 0, shift).astype(np.int64)
        self.shift = shift
        self.file = tempfile.TemporaryFile()
        entries.tofile(self.file)
        self.file.flush()

    def __len__(self) -> int:
        return self.size

    def _read(self, start: int, stop: int) -> np.ndarray:
        self.file.seek(8 * start)
        return np.frombuffer(self.file.read(8 * (stop - start)), dtype=np.uint64)

    def __getitem__(self, where):
        if isinstance(where, slice):
            start, stop, _ = where.indices(self.size)
            return self._read(start, max(start, stop))
        if isinstance(where, (int, np.integer)):
            where = where + self.size if where < 0 else where
            return self._read(where, where + 1)[0]
        if not len(where):
            return _EMPTY_KEYS
        mapped = np.memmap(self.file, dtype=np.uint64, mode="r", shape=(self.size,))
        return np.asarray(mapped[where])  # (a copy: the map goes when `mapped` does)

    def searchsorted(self, *queries: tuple[np.ndarray, str]) -> list[np.ndarray]:
        """np.searchsorted of each (sorted values, side), a band of the run read once for all."""
        bands = len(self.cuts) - 1
        edges = [np.searchsorted(values >> self.shift, np.arange(bands + 1, dtype=np.uint64)) for values, _ in queries]
        found = [np.full(len(values), self.size, dtype=np.int64) for values, _ in queries]  # (past the last band)
        for b in range(bands):
            if all(edge[b] == edge[b + 1] for edge in edges):
                continue
            part = self[self.cuts[b] : self.cuts[b + 1]]
            for (values, side), edge, out in zip(queries, edges, found):
                lo, hi = edge[b], edge[b + 1]
                if lo < hi:
                    out[lo:hi] = self.cuts[b] + np.searchsorted(part, values[lo:hi], side=side)
        return found


def _band_cuts(run, bands: int, shift: np.uint64) -> np.ndarray:
    """Where each of `bands` bands starts in a run (sorted by band first), and the run's end
    (not band << shift for the end of the last: with 64 bands that does not fit in 64 bits). A
    run on disk has its own already."""
    if isinstance(run, _Spilled):
        own = run.cuts[:-1]
        return np.concatenate((own, np.full(bands + 1 - len(own), len(run), dtype=np.int64)))
    starts = np.arange(1, bands, dtype=np.uint64) << shift
    return np.concatenate(([0], np.searchsorted(run, starts), [len(run)]))


def _search(run, *queries: tuple[np.ndarray, str]) -> list[np.ndarray]:
    """np.searchsorted of each (sorted values, side) on a run in memory or on disk (`_Spilled`)."""
    if isinstance(run, _Spilled):
        return run.searchsorted(*queries)
    return [np.searchsorted(run, values, side=side) for values, side in queries]


def _mergeable_size(run) -> float:
    return len(run) if isinstance(run, np.ndarray) else float("inf")  # (a run on disk stays as it is)


def _merged_runs(before: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Two sorted runs of entries as one (repeats kept, `before`'s first): each entry of `last`
    goes where `searchsorted` puts it, `before`'s fill the rest. A merge, not a sort of the two:
    linear, and the only large array it makes is the result."""
    at = np.searchsorted(before, last, side="right")
    at += np.arange(len(last))
    merged = np.empty(len(before) + len(last), dtype=before.dtype)
    rest = np.ones(len(merged), dtype=bool)
    rest[at] = False
    merged[at] = last
    merged[rest] = before
    return merged


def shared_key_pairs(keys: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs (a > b) of owners (numbers below 2^32) that have an entry of the same
    key: one bucket of a banding done as a shuffle (the entries sent to buckets by their key's
    hash, on other processes) and this reduce. The same pairs as `BandIndex.add` gives for these
    entries; generated a bounded chunk at a time."""
    if not len(keys):
        return _EMPTY, _EMPTY
    bits = max(1, int(owners.max()).bit_length())
    if int(keys.max()) >> (64 - bits) == 0:  # (an entry in one number, as in BandIndex: a faster sort)
        entries = distinct(keys.astype(np.uint64) << np.uint64(bits) | owners.astype(np.uint64))
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

