"""ST012 a document that largely repeats another document of the same run (also across scripts).

How it scales. `collect` (per document, maybe in another process) normalises the text — Traditional
to Simplified with OpenCC `t2s` (computed by `_t2s`: the same output, 20 times faster) when the text
has Traditional characters (a GB2312 encode answers that at codec speed for most Simplified texts),
then only Han, letters and digits — and cuts it into units: the runs of at least six such
characters between punctuation marks (clauses). It returns, compactly (about a tenth of the
text's size), a 32-bit hash of every unit with its line and length, and the first character of
every line (so that a finding can quote the document).

`finish` compares documents. Up to `exact-below` documents it compares every pair (set
intersections of unit hashes: exact, and no heavy import). Beyond that the candidate pairs come
from MinHash signatures (`num-perm` multiply-shift hash functions, numpy) of every document's
*pairs of consecutive units*, one signature per segment of 64 such pairs (segments overlap by
half), so that a short report copied into a long compilation is compared with a part of the
compilation of about its own size: the Jaccard similarity of the segments follows the share of
the short report that was copied, where the Jaccard similarity of the whole documents would be
tiny. LSH banding with bands of one row: every signature value is a key, the keys are sorted
(the shuffle) and the documents whose segments share a key are paired (the reduce), in time and
memory linear in the number of segments. Pairs of units rather than units: two reports that share
a stock phrase share one unit, not its neighbours, and with single units every report using a
common phrase became a candidate of every other (333 590 candidate pairs among 30 000 generated
documents, 363 with pairs). Every candidate pair is verified with the unit hashes: the share of
each document's characters found in the other, and the block of lines where the copy sits.

The signatures are computed where the documents are linted (`summarise`: a pool worker, a Dask
worker, the records engine) once the run is known to be large; `finish` computes the missing ones.
In a pool or on Dask the corpus phase is done while the workers lint (`stream`, `_Stream`), and
the documents' unit hashes stay where they were linted: the engine shelves each `Collected` (a
pool worker's shelf file, a Dask partition) and the parent receives only its band keys (`Shelved`).
The documents are banded a batch at a time as they arrive (`_lsh.BandIndex`: the keys of earlier
batches held sorted, the new keys looked up in them; its pairs are generated a bounded chunk at a
time, so near copies sharing most keys cost memory in their distinct pairs only), and each batch
of new candidate pairs is sent to the workers (`verify_pairs`, run where the two documents are),
which return the pairs that are copies with the heads of their first lines. `finish` only puts
the verified pairs in order. Same pairs, same findings.

Copies of copies. Documents with the same units (`fingerprint`: a Traditional copy of a
Simplified text, a file saved twice) are banded and verified once, by the first of them; the
others take its pairs and are paired with it (`_expanded`): the findings are those of every
pair verified. Without a stream, `finish` groups the documents in one pass over what was
collected (`_Grouped`; the engine reads it from disk), computing in the same pass the
signatures of one document of each group, which wait on disk band by band (`_Stack`); the
verification reads the documents again as their pairs need them and keeps only the most recent
(`_Loaded`): memory in a band's keys and a batch of documents, not in the run, and a record
copied ten times costs a path. A dense cluster of n near copies (hundreds of doctored copies of one report)
shares most keys, and every key pairs every two of its documents: n^2/2 pairs, each generated
once per shared key. A key shared by more than `max-bucket` documents makes them crowded
(`_lsh.Bounded`): two crowded documents are paired only when one is among the other's LEADERS
most similar candidates (those sharing the most keys), so a cluster costs about n x LEADERS pairs
and every copy is still reported; its message then says "at least" of the others. Documents
that are not crowded are paired as before; with no key beyond the bound nothing changes. The
stream does the same once every document has arrived (`_Stream._settle`), so the pairs do not
depend on the order the documents came in (in the order of the paths, as `_approximate`).
numpy is imported only then: a one-file check never pays for it. `bench/bench_copies.py` measures
the phase (figures in the README).

On Dask the banding too is done by the workers (engine/dask_bands.py: the band keys shuffled into
buckets by their hash, a task per bucket pairing the documents that share a key with
`_lsh.shared_key_pairs`, the pairs made distinct and verified where the partitions are): the
client never holds the keys, and its stream (`_BandedOnWorkers`) receives only the verified pairs.
When a key is beyond the bound, the workers band under it (`_lsh.Bounded` as a shuffle: the crowded
documents of every bucket put together, each bucket's pairs and crowded candidates, the candidates
sent on by document and each document's choices folded over the bands), the client sending only
which documents to band and their ranks: the pairs the stream's `_settle` takes.

A finding quotes the first line of the copied block, from where its text starts, up to HEAD
characters (a title whole): `collect` keeps that much of every line.
"""

from __future__ import annotations

import codecs
import hashlib
import zlib
from array import array
from functools import lru_cache
from itertools import accumulate, chain, repeat
from operator import itemgetter, mul, sub

from ...documents.document import MASK
from ...findings import Location
from ..base import CorpusHit, CorpusRule, Spec
from ._lexicon import t2s_table
from ._t2s import t2s
from ... import lazyre

UNIT = lazyre.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]{6,}")
_SPACES = " \t\u3000\xa0"
HEAD = 24  # characters of a line a finding quotes: a title whole, the start of a paragraph
_HEAD = itemgetter(slice(0, HEAD))
GAP = 3  # unmatched units a copied block may contain and still count as one block
SAMPLE = (
    "县总工会在县委和市总工会的正确领导下，在县文明办的指导下，以开展培育和弘扬地域精神为目标的精神文明创建活动为契机，"
    "以提高干部素质为重点，以争先创优为着力点，积极引导机关干部立足本职工作，改进工作方法，提高服务质量。\n"
    "通过全体机关干部的共同努力，取得了显著的成绩，得到了县委、县政府和市总工会的充分肯定，树立了新时期工会工作者的新形象。\n"
    "为了狠抓落实，我们把精神文明建设工作落实到工会的各项工作中去，落实到机关干部学习和生活的各个方面，"
    "使县总工会上上下下都积极地投入到了创建文明单位活动之中。\n"
)
SAMPLE_TRADITIONAL = (
    "縣總工會在縣委和市總工會的正確領導下，在縣文明辦的指導下，以開展培育和弘揚地域精神為目標的精神文明創建活動為契機，"
    "以提高幹部素質為重點，以爭先創優為著力點，積極引導機關幹部立足本職工作，改進工作方法，提高服務質量。\n"
    "通過全體機關幹部的共同努力，取得了顯著的成績，得到了縣委、縣政府和市總工會的充分肯定，樹立了新時期工會工作者的新形象。\n"
    "為了狠抓落實，我們把精神文明建設工作落實到工會的各項工作中去，落實到機關幹部學習和生活的各個方面，"
    "使縣總工會上上下下都積極地投入到了創建文明單位活動之中。\n"
)
OTHER_REPORT = (
    "区总工会严格按照市文明办文明单位测评体系的要求，立足工会工作实际，以培育和践行社会主义核心价值观为根本，"
    "按照“组织起来，切实维权”的要求，扎实开展精神文明创建活动，不断提高机关全体干部职工的政治思想素质。\n"
    "在县委和市总工会的正确领导下，我们积极改进工作方法，提高服务质量，定期召开专题会议，对文明单位工作进行安排和部署，"
    "形成了领导重视、制度健全、经费到位的工作格局，圆满完成了工会各项工作目标。\n"
)
SAMPLE_HEAD = SAMPLE.split("\n")[0][:HEAD]  # what a finding on SAMPLE quotes


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    return frozenset(chr(c) for c, s in t2s_table().items() if s != chr(c))


class _Traditional(Exception):
    pass


def _outside_gb2312(error: UnicodeEncodeError):
    """Error handler of the GB2312 encoding in `has_traditional`: called only for the few
    characters GB2312 does not have (no-break spaces, `·`, `—`, and Traditional characters)."""
    if not _traditional().isdisjoint(error.object[error.start : error.end]):
        raise _Traditional
    return "", error.end


codecs.register_error("wenlint-st012-traditional", _outside_gb2312)


def has_traditional(text: str) -> bool:
    """Does the text have characters that OpenCC t2s changes? GB2312 has no Traditional
    characters: the text is encoded, and only the characters it cannot encode are looked up (a
    Simplified text is answered at codec speed even with a few characters outside GB2312). The
    masked spans of a Markdown document (`MASK`, outside GB2312, one call of the handler per
    character) are removed first."""
    if MASK in text:
        text = text.replace(MASK, "")
    try:
        text.encode("gb2312", "wenlint-st012-traditional")
        return False
    except _Traditional:
        return True


def normalise(text: str) -> str:
    """Simplified characters, whatever the script the document was written in."""
    if has_traditional(text):
        converted = t2s().convert(text)  # OpenCC's t2s, faster (see _t2s)
        if converted.count("\n") == text.count("\n"):
            return converted
        return text.translate(t2s_table())
    return text


class Collected:
    """What `collect` keeps of a document: small and picklable."""

    __slots__ = ("hashes", "lines", "lengths", "total", "columns", "heads", "signature")

    def __init__(self, hashes, lines, lengths, total, columns, heads, signature=None) -> None:
        self.hashes = hashes  # array('I'): unit hashes in document order
        self.lines = lines  # array('H') or array('I'): 0-based line of each unit
        self.lengths = lengths  # array('B'): characters in each unit (at most 255)
        self.total = total  # characters in all units
        self.columns = columns  # array('H'): first column with text on each line
        self.heads = heads  # str: each line from that column, at most HEAD characters, "\n"-joined
        # MinHash signatures of the document's segments (numpy uint32, segments x num-perm),
        # computed where the document was linted when the run is large (`summarise`), else None.
        self.signature = signature

    def __getstate__(self):
        signature = None if self.signature is None else (self.signature.shape, self.signature.tobytes())
        return (self.hashes.tobytes(), self.lines.typecode, self.lines.tobytes(), self.lengths.tobytes(),
                self.total, self.columns.tobytes(), self.heads, signature)

    def __setstate__(self, state) -> None:
        hashes, code, lines, lengths, self.total, columns, self.heads, signature = state
        self.hashes, self.lines, self.lengths, self.columns = (
            array("I", hashes), array(code, lines), array("B", lengths), array("H", columns)
        )
        if signature is not None:
            import numpy as np

            shape, data = signature
            signature = np.frombuffer(data, dtype=np.uint32).reshape(shape)
        self.signature = signature

    def head(self, line: int) -> tuple[int, str]:
        """(column, text) of a line as the finding shows it."""
        column = self.columns[line] if line < len(self.columns) else 0
        heads = self.heads.split("\n")
        return column, heads[line] if line < len(heads) else ""

    def shelve(self, put):
        """What the corpus phase needs to hold of a signed document when its units stay where it
        was linted: `put(self)` keeps them there and says where (a place in a worker's shelf
        file, a record of a Dask partition). Unsigned (a small run): the document itself."""
        if self.signature is None:
            return self
        from ._lsh import document_keys

        keys = document_keys(self.signature)
        self.signature = None
        return Shelved(keys, self.total, put(self), fingerprint(self))


class Shelved:
    """A document as the corpus phase holds it while its `Collected` stays with the worker that
    linted it: its band keys until they are banded, its size, where the rest is (`locator`,
    known to the engine that put it there), and the heads of the lines its verified copies
    start on (all a finding quotes), and its `fingerprint`."""

    __slots__ = ("keys", "total", "locator", "heads", "fingerprint")

    def __init__(self, keys, total: int, locator, fingerprint: bytes | None = None) -> None:
        self.keys, self.total, self.locator, self.fingerprint = keys, total, locator, fingerprint
        self.heads: dict[int, tuple[int, str]] = {}

    def head(self, line: int) -> tuple[int, str]:
        return self.heads.get(line, (0, ""))


def fingerprint(data) -> bytes | None:
    """What makes two documents' verifications the same: their units (hashes, lines, lengths)
    and size. Documents with one fingerprint are banded and verified once (`_Copies`)."""
    if isinstance(data, Shelved):
        return data.fingerprint
    digest = hashlib.blake2b(digest_size=16)
    for part in (data.hashes.tobytes(), data.lines.typecode.encode(), data.lines.tobytes(), data.lengths.tobytes(),
                 str(data.total).encode()):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


def collect_text(text: str) -> Collected:
    normal = normalise(text)
    # Units never cross a line: found line by line, then numbered and hashed with C-level maps.
    lines = normal.split("\n")
    found = list(map(UNIT.findall, lines))
    units = list(chain.from_iterable(found))
    numbers = array("H" if len(found) < 65536 else "I", chain.from_iterable(map(repeat, range(len(found)), map(len, found))))
    hashes = array("I", map(zlib.crc32, map(str.encode, "\n".join(units).lower().split("\n")))) if units else array("I")
    sizes = list(map(len, units))
    lengths = array("B", sizes if not sizes or max(sizes) < 256 else map(min, sizes, repeat(255)))
    total = sum(sizes)
    # Where the text starts on every line (of the text as written), and its first characters.
    if normal is not text:
        lines = text.split("\n")
    stripped = list(map(str.lstrip, lines, repeat(_SPACES)))
    leads = list(map(sub, map(len, lines), map(len, stripped)))
    columns = array("H", leads if max(leads) < 65536 else map(min, leads, repeat(65535)))
    heads = "\n".join(map(_HEAD, map(str.rstrip, stripped, repeat(_SPACES + "\r"))))
    return Collected(hashes, numbers, lengths, total, columns, heads)


# ----- MinHash signatures and LSH banding (the candidate pairs of a large run) ---------------------

SEGMENT = 64  # shingles per signed segment; segments overlap by half


@lru_cache(maxsize=4)
def _permutations(num_perm: int):
    """The multiply-shift hash functions of the MinHash: odd multipliers and offsets (64-bit),
    the same in every process (a fixed seed)."""
    import numpy as np

    rng = np.random.default_rng(0x5EED_0012)
    a = rng.integers(1, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)
    return a, b


def shingles(hashes) -> "np.ndarray":
    """Pairs of consecutive units, in document order: two documents that share a stock phrase
    (one unit) do not share its neighbours, a copy shares both. Single units would make every
    document that uses a common phrase a candidate of every other one."""
    import numpy as np

    units = np.frombuffer(hashes, dtype=np.uint32).astype(np.uint64)
    if len(units) < 2:
        return units
    return (units[:-1] * np.uint64(0x9E3779B1) + units[1:]) & np.uint64(0xFFFFFFFF)


def signature(hashes, num_perm: int) -> "np.ndarray":
    """MinHash signatures (uint32, segments x num_perm) of the document's segments: SEGMENT
    shingles each, starting every SEGMENT/2 shingles, so that a copy of a short document inside
    a long one is compared with a part of the long one of about its own size (a Jaccard
    similarity that reflects the containment)."""
    import numpy as np

    values = shingles(hashes)
    if not len(values):
        return np.zeros((0, num_perm), dtype=np.uint32)
    a, b = _permutations(num_perm)
    half = SEGMENT // 2
    halves = []
    for lo in range(0, len(values), 64 * half):  # a bounded matrix at a time
        block = values[lo : lo + 64 * half]
        hashed = (block[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
        halves.append(np.minimum.reduceat(hashed, np.arange(0, len(block), half), axis=0))
    mins = np.concatenate(halves).astype(np.uint32)
    if len(mins) == 1:
        return mins
    return np.minimum(mins[:-1], mins[1:])


def banded_pairs(signatures: list, n: int, bound: int | None = None):
    """Candidate pairs (i < j, sorted) of documents with a segment that agrees with a segment of
    the other on at least one MinHash value: each value (band of one row) is a key, the keys are
    sorted (the shuffle) and the documents that share a key are paired (the reduce): one batch
    of `_lsh.BandIndex`, its pairs generated a bounded chunk at a time. With a `bound`, see
    `banded`."""
    return banded(signatures, n, bound)[:2]


def banded(signatures: list, n: int, bound: int | None = None):
    """`banded_pairs`, and the documents that share a key with more than `bound` others
    (crowded: see `_lsh.Bounded`; in the order of the signatures), whose partners may be more
    than their pairs."""
    stack = _Stack()
    for s in signatures:
        stack.add(s)
    return stack.banded(n, bound)


class _Stack:
    """Signatures of documents, kept on disk a block of documents at a time, band by band, and
    banded a band at a time (twice: the crowded documents first): the keys of one band and the
    block being filled are all that is in memory."""

    BLOCK = 256  # documents per block

    def __init__(self) -> None:
        self.file = None  # a temporary file, opened with the first block
        self.blocks: list[tuple[int, int]] = []  # (offset, segments) of each block
        self.pending: list = []
        self.documents = 0  # documents in pending
        self.rows: list[int] = []  # segments of each document
        self.bands = 0

    def add(self, signature) -> None:
        self.rows.append(len(signature))
        self.documents += 1
        if len(signature):
            self.bands = signature.shape[1]
            self.pending.append(signature)
        if self.documents >= self.BLOCK:
            self._write()

    def _write(self) -> None:
        import tempfile

        import numpy as np

        block, self.pending, self.documents = self.pending, [], 0
        if not block:
            return
        block = np.concatenate(block)
        if self.file is None:
            self.file = tempfile.TemporaryFile()
        offset = self.file.seek(0, 2)
        self.file.write(np.ascontiguousarray(block.T, dtype=np.uint32).tobytes())  # band by band
        self.blocks.append((offset, len(block)))

    def _band(self, band: int):
        import numpy as np

        values = np.empty(sum(rows for _, rows in self.blocks), dtype=np.uint32)
        at = 0
        for offset, rows in self.blocks:
            self.file.seek(offset + 4 * band * rows)
            self.file.readinto(memoryview(values[at : at + rows]).cast("B"))
            at += rows
        return values

    def banded(self, n: int, bound: int | None, numbers=None):
        """The pairs (first, second: first < second) of the n documents, numbered in the order they
        were added or by `numbers` (the number of each, a permutation), as `Bounded` gives them,
        sorted; and the crowded documents."""
        import numpy as np

        from ._lsh import Bounded, distinct

        self._write()
        if not self.bands:
            self.close()
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        bits = np.uint64(max(1, (n - 1).bit_length()))
        if 32 + int(bits) > 64:
            raise OverflowError(f"{n} documents: too many to band at once")
        numbers = np.arange(n, dtype=np.uint64) if numbers is None else np.asarray(numbers, dtype=np.uint64)
        owners = np.repeat(numbers, self.rows)

        def entries(band: int):
            keys = self._band(band).astype(np.uint64)
            keys <<= bits
            keys |= owners
            return distinct(keys)  # sorted, a key once per document

        try:
            pairs = Bounded(n, bits, bound)
            if bound is not None:
                for band in range(self.bands):
                    pairs.crowd(entries(band))
            for band in range(self.bands):
                pairs.pair(entries(band))
        finally:
            self.close()
        second, first, crowded = pairs.result()
        order = np.lexsort((second, first))
        return first[order], second[order], crowded

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.blocks = []


_BLOCK = lazyre.compile(rb"\x01(?:\x00{0,%d}\x01)*" % GAP)  # units found, at most GAP missing in a row


def _share(a: Collected, other: set[int]) -> tuple[int, int, int]:
    """Characters of `a` in units that `other` has too, and the lines of the largest block (runs
    of units found with at most GAP missing in a row; the first of equal ones). At C speed: a
    byte per unit (1: found in `other`), running sums of the characters found, and a pattern
    over the bytes for the blocks."""
    found = bytes(map(other.__contains__, a.hashes))
    sums = [0, *accumulate(map(mul, a.lengths, found))]
    if not sums[-1]:
        return 0, 0, 0
    best, first, last = 0, 0, 0
    for m in _BLOCK.finditer(found):
        chars = sums[m.end()] - sums[m.start()]
        if chars > best:
            best, first, last = chars, m.start(), m.end() - 1
    return sums[-1], a.lines[first], a.lines[last]


class _Sets:
    """Verifies pairs with the distinct unit hashes of each document as sets, built when first
    asked for and kept only for the most recent documents (the exact path, up to `exact-below`
    documents: no heavy import). `docs[i]`: the `Collected` of document i."""

    def __init__(self, docs, keep: int = 4096) -> None:
        self.docs, self.keep = docs, keep
        self.cache: dict[int, set[int]] = {}

    def __getitem__(self, i: int) -> set[int]:
        found = self.cache.get(i)
        if found is None:
            if len(self.cache) >= self.keep:
                self.cache.pop(next(iter(self.cache)))
            found = self.cache[i] = set(self.docs[i].hashes)
        return found

    def pair(self, i: int, j: int, min_share: float):
        """None when the documents share too few distinct units to matter (a cheap bound), else
        (characters, first line, last line of the largest block) of each in the other."""
        si, sj = self[i], self[j]
        common = len(si & sj)
        if common < 2 or common < 0.7 * min_share * min(len(si), len(sj)):
            return None
        return _share(self.docs[i], sj), _share(self.docs[j], si)

    def copy(self, i: int, j: int, min_share: float, min_chars: int):
        """`pair`'s numbers when the two are copies by the rule's thresholds (either shares at
        least `min_share` of its characters, both at least `min_chars`), else None."""
        shares = self.pair(i, j, min_share)
        if shares is None:
            return None
        (shared_a, _, _), (shared_b, _, _) = shares
        share_a = shared_a / self.docs[i].total
        share_b = shared_b / self.docs[j].total
        if max(share_a, share_b) < min_share or min(shared_a, shared_b) < min_chars:
            return None
        return shares


class _Loaded:
    """The documents a comparison reads, by number: `read(i)` gives document i's `Collected`
    (`finish`: from what was collected, which the engine keeps on disk, `runner.CollectedBy`; a
    worker's task: from its shelf), read when asked for and kept for the most recently used
    only, up to `budget` units in all: the comparison holds a few documents at a time, not the
    run's."""

    BUDGET = 1 << 18  # units (about 11 bytes each with what `_Arrays` derives from them)

    def __init__(self, read, budget: int | None = None, derive=None) -> None:
        self.read = read
        self.budget = self.BUDGET if budget is None else budget
        self.derive = derive  # what is kept of a document (default: its Collected)
        self.cache: dict = {}  # number -> (units, kept), least recently used first
        self.held = 0

    def __getitem__(self, i: int):
        entry = self.cache.pop(i, None)
        if entry is None:
            data = self.read(i)
            entry = (len(data.hashes), data if self.derive is None else self.derive(data))
            self.held += entry[0]
            while self.held > self.budget and self.cache:
                self.held -= self.cache.pop(next(iter(self.cache)))[0]
        self.cache[i] = entry
        return entry[1]


def verify_pairs(pairs, load, min_share: float, min_chars: int) -> list[tuple]:
    """Verify candidate pairs where the documents are (a pool worker reading its shelf, a Dask
    worker holding the partitions): `pairs` are (a, b, where a is, where b is), `load(where)`
    gives a `Collected`. The pairs that are copies come back as (a, b, characters, first line,
    last line of a; the same of b; the head of a's first line, of b's)."""
    wheres: list = []
    number: dict = {}

    def local(where) -> int:
        k = number.get(where)
        if k is None:
            k = number[where] = len(wheres)
            wheres.append(where)
        return k

    # (the most recent documents only: a task's pairs may touch a thousand)
    loaded = _Loaded(lambda k: load(wheres[k]))
    sets = _Sets(loaded, keep=256)
    rows = []
    for a, b, where_a, where_b in pairs:
        i, j = local(where_a), local(where_b)
        shares = sets.copy(i, j, min_share, min_chars)
        if shares is None:
            continue
        (shared_a, first_a, last_a), (shared_b, first_b, last_b) = shares
        rows.append((a, b, shared_a, first_a, last_a, shared_b, first_b, last_b,
                     loaded[i].head(first_a), loaded[j].head(first_b)))
    return rows


class _Arrays:
    """The verification of the LSH path (more than `exact-below` documents; numpy is imported
    for the MinHashes anyway), a whole batch of pairs at a time: the numbers that `_Sets.pair`
    computes for one pair, for every pair, in a few array operations per document.

    The pairs are taken a document i at a time with the documents j it is paired with: the
    distinct hashes of i are sorted, so that "which units of j are in i" is one `searchsorted`
    for all the j, and "which units of i are in j" a row per j of a small matrix. Documents are
    read as they are needed (`docs[i]`: the `unit_arrays` of document i; a `_Loaded` deriving
    them keeps the most recent ones only): memory in the documents of a batch, not in the run."""

    CELLS = 1 << 18  # at most this many (partner, unit) cells in one matrix

    def __init__(self, docs) -> None:
        import numpy as np

        self.np, self.docs = np, docs

    def verify(self, first, second, min_share: float):
        """For the pairs (first[k], second[k]): `passed` (the cheap bound of `_Sets.pair`) and,
        where it passed, `shares[:, k]` = (characters of the first document found in the second,
        first line and last line of its largest block, the same for the second document)."""
        np = self.np
        passed = np.zeros(len(first), dtype=bool)
        shares = np.zeros((6, len(first)), dtype=np.int32)
        order = np.argsort(first, kind="stable")
        for group in np.split(order, np.flatnonzero(np.diff(first[order])) + 1):
            if len(group):
                self._group(int(first[group[0]]), group, second[group], min_share, passed, shares)
        return passed, shares

    def _group(self, i, where, partners, min_share, passed, shares) -> None:
        hashes, di, sizes, lines = self.docs[i]
        mine = (self.np.searchsorted(di, hashes), di, sizes, lines)  # (each unit's place in di)
        step = max(1, self.CELLS // max(1, len(hashes)))
        chunk: list[int] = []
        theirs: list = []
        cells = 0
        for k, j in enumerate(partners.tolist()):
            chunk.append(k)
            theirs.append(self.docs[j])
            cells += len(theirs[-1][1])
            if len(chunk) >= step or cells >= self.CELLS:
                self._chunk(mine, where[chunk], theirs, min_share, passed, shares)
                chunk, theirs, cells = [], [], 0
        if chunk:
            self._chunk(mine, where[chunk], theirs, min_share, passed, shares)

    def _chunk(self, mine, where, theirs, min_share, passed, shares) -> None:
        np = self.np
        local, di, my_sizes, my_lines = mine
        others = [t[1] for t in theirs]
        counts = np.array([len(d) for d in others], dtype=np.int64)
        found = _places(di, np.concatenate(others))
        rows = np.repeat(np.arange(len(theirs)), counts)
        inside = found >= 0
        rows, found = rows[inside], found[inside]
        common = np.bincount(rows, minlength=len(theirs))
        ok = (common >= 2) & (common >= 0.7 * min_share * np.minimum(len(di), counts))
        keep = np.flatnonzero(ok)
        passed[where[keep]] = True
        if not len(keep):
            return
        renumber = np.cumsum(ok) - 1
        chosen = ok[rows]
        # Units of i found in each partner: a row per partner over i's distinct hashes.
        matrix = np.zeros((len(keep), len(di)), dtype=bool)
        matrix[renumber[rows[chosen]], found[chosen]] = True
        hit_rows, hit_cols = matrix[:, local].nonzero()
        shares[0:3, where[keep]] = self._blocks(hit_rows, hit_cols, my_sizes[hit_cols], my_lines[hit_cols], len(keep))
        # Units of each partner found in i.
        kept = [theirs[k] for k in keep.tolist()]
        counts = np.array([len(t[0]) for t in kept], dtype=np.int64)
        starts = np.cumsum(counts) - counts
        inside = np.flatnonzero(_places(di, np.concatenate([t[0] for t in kept])) >= 0)
        hit_rows = np.repeat(np.arange(len(keep)), counts)[inside]
        hit_cols = inside - starts[hit_rows]
        sizes = np.concatenate([t[2] for t in kept])[inside]
        lines = np.concatenate([t[3] for t in kept])[inside]
        shares[3:6, where[keep]] = self._blocks(hit_rows, hit_cols, sizes, lines, len(keep))

    def _blocks(self, rows, cols, sizes, lines, n):
        """Per row of hits (row-major order): characters found, and the first and last line of
        the largest block (runs of hits at most GAP units apart; the first of equal ones)."""
        np = self.np
        out = np.zeros((3, n), dtype=np.int64)
        if not len(rows):
            return out
        start = np.ones(len(rows), dtype=bool)
        start[1:] = (rows[1:] != rows[:-1]) | (cols[1:] - cols[:-1] > GAP + 1)
        first = np.flatnonzero(start)
        last = np.append(first[1:], len(rows)) - 1
        chars = np.add.reduceat(sizes, first, dtype=np.int64)
        owner = rows[first]
        row_start = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
        best = chars == np.repeat(np.maximum.reduceat(chars, row_start), np.diff(np.append(row_start, len(owner))))
        candidates = np.flatnonzero(best)
        _, firsts = np.unique(owner[candidates], return_index=True)
        chosen = candidates[firsts]  # the first largest block of each row
        row = owner[row_start]
        out[0, row] = np.add.reduceat(chars, row_start)
        out[1, row] = lines[first[chosen]]
        out[2, row] = lines[last[chosen]]
        return out


def unit_arrays(data: Collected):
    """What `_Arrays` reads of a document: (hashes, distinct hashes, characters per unit, line of
    each unit), views of the collected arrays but for the distinct hashes."""
    import numpy as np

    from ._lsh import distinct

    hashes = np.frombuffer(data.hashes, dtype=np.uint32)
    return hashes, distinct(hashes), np.asarray(data.lengths), np.asarray(data.lines)


def _places(sorted_values, values):
    """The place of each of `values` in `sorted_values` (sorted, no repeats), -1 where absent."""
    import numpy as np

    if not len(sorted_values):
        return np.full(len(values), -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return np.where(sorted_values[at] == values, at, -1)


class _Stream:
    """The corpus phase done while a pool or a Dask cluster lints (`CopiedDocument.stream`): the
    documents are numbered as they arrive, banded a batch at a time against those before them
    (`BandIndex`: the shuffle is its sort, the reduce the ranges of equal keys) and the new
    candidate pairs are verified. With a runner (`use`: the engine's workers) the pairs are sent
    in tasks to where the documents are (`verify_pairs`) and the documents arrive `Shelved`: the
    stream holds their keys until they are banded, then only their size and where they are.
    Without one, the pairs are verified here with `_Sets`. `finish` only orders the verified
    pairs as the all-at-once path does (the numbers `_Arrays` gives for the same pairs).

    A document with the fingerprint of an earlier one is not banded: it has that one's pairs
    (and the pair of the two, verified once). A key shared by more than `bound` documents pairs
    none as they arrive; once they have all arrived (`drain`), the pairs of the whole index are
    taken as the all-at-once path takes them (the key's documents with its first documents in
    the order of the paths), the pairs verified before and not among them are dropped, and the
    missing ones verified: the same pairs whatever the order the documents came in."""

    BATCH = 64  # documents banded together
    TASK = 512  # candidate pairs per verification task

    def __init__(self, min_share: float, min_chars: int, num_perm: int, bound: int | None = None) -> None:
        from ._lsh import BandIndex, _Pairs

        self.min_share, self.min_chars, self.num_perm = min_share, min_chars, num_perm
        self.index = BandIndex(num_perm, bound)
        self.docs: list = []  # Collected or Shelved, by number
        self.paths: list[str] = []
        self.numbers: dict[str, int] = {}
        self.sets = _Sets(self.docs, keep=256)  # (sets of long documents are large)
        self.unbanded: list[int] = []  # documents not banded yet
        self.kept: list[tuple] = []  # (a, b, shared, first, last of a; the same of b), a >= b
        self.duplicated = False
        self.runner = None
        self.waiting: list = []  # verification tasks sent and not yet taken in
        self.first: dict = {}  # fingerprint -> the number of the first document with it
        self.rep: list[int] = []  # number -> the number of the first document with its fingerprint
        self.copied: set[int] = set()  # documents with a copy that came after them
        self.selves: list[int] = []  # documents whose pair with a copy of themselves is still to verify
        self.sent = _Pairs()  # the pairs sent to verification (new << 32 | old)
        self.settled = 0  # documents when the pairs were last settled (`_settle`)
        self.bounded: set[int] = set()  # documents of keys beyond the bound (crowded)
        self.bounded_paths: set[str] = set()  # their paths and their copies' (`found`)

    def use(self, runner) -> None:
        """Verify on the workers: `runner.submit(verify_pairs, pairs, min_share, min_chars)` runs
        `verify_pairs` where the documents are (with a `load` for their locators) and returns a
        task with `done()` and `result()`. A runner that bands too (`band`: Dask) makes the
        stream a `_BandedOnWorkers`, returned to take this one's place."""
        self.runner = runner
        if hasattr(runner, "band"):
            return _BandedOnWorkers(self, runner)
        return None

    def _admits(self, path: str, data) -> bool:
        """Does the stream take this document (long enough to share min-chars, not seen before)?"""
        if not _long_enough(data, self.min_chars):
            return False
        if path in self.numbers:
            self.duplicated = True
            return False
        return True

    def add(self, path: str, data) -> None:
        if not self._admits(path, data):
            return
        n = self.numbers[path] = len(self.docs)
        self.paths.append(path)
        self.docs.append(data)
        if self._represented(n, data):  # a copy of an earlier document: banded and verified as that one
            if isinstance(data, Shelved):
                data.keys = None
            else:
                data.signature = None
            return
        self.unbanded.append(n)
        # Batches grow with the stream (fewer, larger runs to search), up to a sixteenth of it:
        # what is left for `finish` stays small.
        if len(self.unbanded) >= max(self.BATCH, len(self.docs) // 16):
            self.flush()

    def _represented(self, n: int, data) -> bool:
        """Is document `n` a copy (its fingerprint) of an earlier one, which stands for it?"""
        mark = fingerprint(data)
        first = n if mark is None else self.first.setdefault(mark, n)
        self.rep.append(first)
        if first == n:
            return False
        if first not in self.copied:
            self.copied.add(first)
            self.selves.append(first)
        return True

    def _keys(self, data):
        from ._lsh import document_keys

        if isinstance(data, Shelved):
            keys, data.keys = data.keys, None
            return keys
        if data.signature is None or data.signature.shape[1] != self.num_perm:
            data.signature = signature(data.hashes, self.num_perm)
        keys = document_keys(data.signature)
        data.signature = None  # banded: no longer needed
        return keys

    def flush(self) -> None:
        numbers, self.unbanded = self.unbanded, []
        pairs = []
        if numbers:
            new, old = self.index.add([self._keys(self.docs[n]) for n in numbers], numbers)
            self.sent.add(new << 32 | old)
            pairs = list(zip(new.tolist(), old.tolist()))
        selves, self.selves = self.selves, []
        self._send(pairs + [(n, n) for n in selves])

    def _send(self, pairs) -> None:
        if self.runner is None:
            for a, b in pairs:
                row = self._verify(a, b)
                if row is not None:
                    self.kept.append(row)
            return
        docs = self.docs
        # A document the engine could not shelve travels with its pairs.
        pairs = [(a, b, getattr(docs[a], "locator", docs[a]), getattr(docs[b], "locator", docs[b])) for a, b in pairs]
        for lo in range(0, len(pairs), self.TASK):
            self.waiting.append(self.runner.submit(verify_pairs, pairs[lo : lo + self.TASK], self.min_share,
                                                   self.min_chars))
        self._take(block=False)

    def _verify(self, a: int, b: int):
        if isinstance(self.docs[a], Shelved) or isinstance(self.docs[b], Shelved):
            raise RuntimeError("a document kept by a worker, and no worker to verify it")
        shares = self.sets.copy(a, b, self.min_share, self.min_chars)
        if shares is None:
            return None
        (shared_a, first_a, last_a), (shared_b, first_b, last_b) = shares
        return a, b, shared_a, first_a, last_a, shared_b, first_b, last_b

    def _take(self, block: bool) -> None:
        """Take in the verified pairs of the tasks that are done (all of them when `block`)."""
        waiting = []
        for task in self.waiting:
            if not (block or task.done()):
                waiting.append(task)
                continue
            for a, b, shared_a, first_a, last_a, shared_b, first_b, last_b, head_a, head_b in task.result():
                self.kept.append((a, b, shared_a, first_a, last_a, shared_b, first_b, last_b))
                for n, line, head in ((a, first_a, head_a), (b, first_b, head_b)):
                    if isinstance(self.docs[n], Shelved):
                        self.docs[n].heads[line] = head
        self.waiting = waiting

    def drain(self) -> None:
        """Band what is left and wait for every verification (before the workers go away)."""
        self.flush()
        self._take(block=True)
        if self.index.dense and self.settled != len(self.docs):
            self._settle()
        self._copies_heads()

    def _settle(self) -> None:
        """The pairs of the whole index under the bound, in the order of the paths (the first
        document of each fingerprint standing for its copies, at the rank of the first of them
        in that order): those verified and not among them dropped, the missing ones verified."""
        import numpy as np

        from ._lsh import distinct

        self.settled = len(self.docs)
        order = self._ranked() + [n for n, r in enumerate(self.rep) if r != n]
        rank = np.empty(len(self.docs), dtype=np.int64)
        rank[order] = np.arange(len(order))
        new, old, bounded = self.index.final(rank)
        self.bounded = set(bounded.tolist())
        wanted = distinct(new << 32 | old)
        sent = self.sent.result()
        kept = np.array([max(r[0], r[1]) << 32 | min(r[0], r[1]) for r in self.kept], dtype=np.int64)
        self.kept = [r for r, code, ok in zip(self.kept, kept.tolist(), _within(kept, wanted).tolist())
                     if ok or r[0] == r[1]]
        missing = wanted[~_within(wanted, sent)]
        self.sent.add(missing)
        self._send(list(zip((missing >> 32).tolist(), (missing & 0xFFFFFFFF).tolist())))
        self._take(block=True)

    def _ranked(self) -> list[int]:
        """The documents banded (the first of each fingerprint) in the order of the paths, each
        at the place of the first path of its fingerprint."""
        least: dict[int, str] = {}
        for n, r in enumerate(self.rep):
            least[r] = min(least.get(r, self.paths[n]), self.paths[n])
        return sorted(least, key=least.__getitem__)

    def _copies_heads(self) -> None:
        """The heads of the lines that the copies of kept documents quote, fetched where the
        copies are kept (they were not verified themselves)."""
        lines: dict[int, set[int]] = {}
        for a, b, _, first_a, _, _, first_b, _ in self.kept:
            lines.setdefault(a, set()).add(first_a)
            lines.setdefault(b, set()).add(first_b)
        wanted = []
        for n, r in enumerate(self.rep):
            data = self.docs[n]
            if r != n and r in lines and isinstance(data, Shelved):
                needed = sorted(lines[r] - set(data.heads))
                if needed:
                    wanted.append((n, needed, data.locator, data.locator))
        if not wanted:
            return
        if self.runner is None:
            raise RuntimeError("a document kept by a worker, and no worker to read it")
        tasks = [self.runner.submit(heads_of, wanted[lo : lo + self.TASK]) for lo in range(0, len(wanted), self.TASK)]
        for task in tasks:
            for n, line, head in task.result():
                self.docs[n].heads[line] = head

    def covers(self, docs: dict) -> bool:
        """Did exactly these documents pass through the stream?"""
        return (not self.duplicated and len(docs) == len(self.docs)
                and all(docs.get(p) is d for p, d in zip(self.paths, self.docs)))

    def found(self, paths: list[str]):
        """The verified pairs as `_exact` gives them: (path, its matches) in the order of the
        paths, each document's matches in the order of the pairs (i < j in the paths' order);
        `bounded_paths` then holds the paths of documents whose partners may be more than their pairs."""
        self.drain()
        rank = {p: i for i, p in enumerate(paths)}
        pairs, selves = [], {}
        for a, b, shared_a, first_a, last_a, shared_b, first_b, last_b in self.kept:
            p, q = self.paths[a], self.paths[b]
            if a == b:
                selves[p] = (shared_a, first_a, last_a)
                continue
            if rank[p] > rank[q]:
                p, q, shared_a, first_a, last_a, shared_b, first_b, last_b = (
                    q, p, shared_b, first_b, last_b, shared_a, first_a, last_a)
            pairs.append((rank[p], rank[q], p, q, shared_a, first_a, last_a, shared_b, first_b, last_b))
        pairs.sort(key=itemgetter(0, 1))
        totals = {p: self.docs[n].total for p, n in self.numbers.items()}
        members: dict[str, list[str]] = {}
        for n, r in enumerate(self.rep):
            members.setdefault(self.paths[r], []).append(self.paths[n])
        self.bounded_paths = {m for n in self.bounded for m in members[self.paths[n]]}
        found = _grouped(pairs, totals)
        if len(members) == len(paths):
            return found
        for group in members.values():
            group.sort(key=rank.__getitem__)
        return list(_expanded(paths, members, dict(found), selves, totals))


def _within(codes, sorted_codes):
    """Which of `codes` are in `sorted_codes` (sorted, no repeats)."""
    return _places(sorted_codes, codes) >= 0


def heads_of(items, load) -> list[tuple]:
    """The heads of lines of documents kept where they were linted: `items` are (number, lines,
    where, where), the answer (number, line, head)."""
    rows = []
    for n, lines, where, _ in items:
        data = load(where)
        rows += [(n, line, data.head(line)) for line in lines]
    return rows


def _long_enough(data, min_chars: int) -> bool:
    """Is this what ST012 collected of a document with enough characters to share min-chars
    (fewer characters cannot share more)?"""
    return isinstance(data, (Collected, Shelved)) and data.total >= min_chars


def _qualifying(collected, min_chars: int) -> dict:
    """The documents long enough to share min-chars."""
    return {path: data for path, data in collected.items() if _long_enough(data, min_chars)}


class _Grouped:
    """The documents `finish` compares, grouped by `fingerprint` in one pass over what was
    collected, holding no document's data: verification reads units, and a group's documents
    have the same units, so the first document of each group stands for it and is read again
    when it is compared (`_Loaded`) or quoted. A million records with clusters of exact copies
    hold a path per document.

    `paths`: every document, in order; `members`: the first path of each group -> the group's
    paths in order (the first documents in order); `totals`: the first path -> the group's
    size. When the documents are more than `sign_above`, the same pass computes the MinHash
    signatures (`num_perm` functions) of one document of each group as it is read, into
    `stack` (on disk); `numbers` gives the number of each signature's group in `members`."""

    def __init__(self, collected, min_chars: int, sign_above: int | None = None, num_perm: int = 0) -> None:
        groups: dict = {}
        met: list = []  # the marks, in the order first met (the order of the signatures)
        totals: dict = {}
        self.shelved = False
        self.stack: _Stack | None = None
        documents = 0
        for path, data in collected.items():
            if not _long_enough(data, min_chars):
                continue
            documents += 1
            self.shelved = self.shelved or isinstance(data, Shelved)
            mark = fingerprint(data) or path
            group = groups.get(mark)
            if group is None:
                groups[mark], totals[mark] = [path], data.total
                met.append(mark)
                if self.stack is not None:
                    self._sign(data, num_perm)
            else:
                group.append(path)
            if self.stack is None and sign_above is not None and documents > sign_above and not self.shelved:
                self.stack = _Stack()  # (the groups met so far are read again, once)
                for earlier in met:
                    self._sign(data if earlier == mark else collected[groups[earlier][0]], num_perm)
        self.members: dict[str, list[str]] = {}
        self.totals: dict[str, int] = {}
        for mark, group in groups.items():
            group.sort()
            self.totals[group[0]] = totals[mark]
        for group in sorted(groups.values(), key=itemgetter(0)):
            self.members[group[0]] = group
        rank = {path: n for n, path in enumerate(self.members)}
        self.numbers = [rank[groups[mark][0]] for mark in met] if self.stack is not None else None
        self.paths = sorted(chain.from_iterable(groups.values()))

    def _sign(self, data, num_perm: int) -> None:
        if data.signature is None or data.signature.shape[1] != num_perm:
            self.stack.add(signature(data.hashes, num_perm))
        else:
            self.stack.add(data.signature)
        data.signature = None


def _expanded(paths, members: dict, found: dict, selves: dict, totals: dict):
    """(path, matches) of every document in the order of the paths from the matches of the first
    document of each fingerprint (`found`, the others named by their first document too; `totals`
    the sizes of the first documents):
    a document has its first document's matches with each copy of each other, and a match with
    each of its own copies when the pair of two of them is a copy (`selves`: characters, first
    and last line), each document's matches in the order of the paths."""
    rank = {p: i for i, p in enumerate(paths)}
    first = {m: r for r, group in members.items() for m in group}
    for path in paths:
        mine = first[path]
        matches = [(shared, share, line, last, other, other_first, other_last)
                   for shared, share, line, last, other_first_doc, other_first, other_last in found.get(mine, ())
                   for other in members[other_first_doc]]
        own = selves.get(mine)
        if own is not None:
            shared, line, last = own
            share = shared / totals[mine]  # (the same size: the fingerprint has it)
            matches += [(shared, share, line, last, other, line, last) for other in members[mine] if other != path]
        if matches:
            matches.sort(key=lambda m: rank[m[4]])
            yield path, matches


class _BandedOnWorkers(_Stream):
    """The stream of a run whose engine bands the documents' keys on its workers too (Dask:
    `runner.band`, engine/dask_bands.py): the documents arrive `Shelved` without their keys and
    are only numbered here; `drain` takes the pairs the workers verified (named by the documents'
    locators), and `found` puts them in order. Every pair that shares a key is verified there.
    If a key is shared by more documents than the stream it stands for bounds (`index.bound`),
    the workers band under the bound instead (`_band_bounded`): the documents that stream would
    have banded, ranked as it ranks them, give the pairs its `_settle` takes, and the rest is
    done here as it does it (copies of a fingerprint, crowded documents)."""

    def __init__(self, stream: _Stream, runner) -> None:
        super().__init__(stream.min_share, stream.min_chars, stream.num_perm)
        self.stream, self.workers = stream, runner
        bound = getattr(stream.index, "bound", None)
        self.task = runner.band(verify_pairs, stream.min_share, stream.min_chars, bound=bound)
        self.drained = False
        self.bounded_here = False  # banded under the bound: the stream's way of putting pairs in order

    def add(self, path: str, data) -> None:
        if not self._admits(path, data):
            return
        if not (isinstance(data, Shelved) and data.keys is None):
            raise ValueError("a document the workers did not band")
        n = self.numbers[path] = len(self.docs)
        self.paths.append(path)
        self.docs.append(data)
        self._represented(n, data)

    def drain(self) -> None:
        """Wait for the pairs verified on the workers (before the workers go away)."""
        if self.drained:
            return
        self.drained = True
        if self.task.crowded():
            self._band_bounded()
            return
        self._take_rows(self.task.result())

    def _take_rows(self, rows) -> None:
        located = {d.locator: n for n, d in enumerate(self.docs)}
        for row in rows:
            a, b = located.get(row[0]), located.get(row[1])
            if a is None or b is None:  # (a document the stream did not take)
                continue
            _, _, shared_a, first_a, last_a, shared_b, first_b, last_b, head_a, head_b = row
            self.kept.append((a, b, shared_a, first_a, last_a, shared_b, first_b, last_b))
            self.docs[a].heads[first_a], self.docs[b].heads[first_b] = head_a, head_b

    def _band_bounded(self) -> None:
        from ._lsh import LEADERS

        index = self.stream.index
        ranked = self._ranked()
        if len(ranked) > index.capacity:
            raise OverflowError(f"more than {index.capacity} documents in one band index")
        crowded = self.task.bound_to([self.docs[n].locator for n in ranked], int(index.owner_bits), LEADERS)
        self.bounded = {ranked[r] for r in crowded}
        self.bounded_here = True
        self._take_rows(self.task.result())
        self.runner = _Verifying(self.workers)  # (the pairs of copies with their first document)
        selves, self.selves = self.selves, []
        self._send([(n, n) for n in selves])
        self._take(block=True)
        self._copies_heads()

    def found(self, paths: list[str]):
        self.drain()
        if self.bounded_here:
            return super().found(paths)
        rank = {p: i for i, p in enumerate(paths)}
        pairs = []
        for a, b, shared_a, first_a, last_a, shared_b, first_b, last_b in self.kept:
            p, q = self.paths[a], self.paths[b]
            if rank[p] > rank[q]:
                p, q, shared_a, first_a, last_a, shared_b, first_b, last_b = (
                    q, p, shared_b, first_b, last_b, shared_a, first_a, last_a)
            pairs.append((rank[p], rank[q], p, q, shared_a, first_a, last_a, shared_b, first_b, last_b))
        pairs.sort(key=itemgetter(0, 1))
        return _grouped(pairs, {p: self.docs[n].total for p, n in self.numbers.items()})


class _Verifying:
    """A runner that only verifies (`submit`), for a stream that bands the keys itself."""

    def __init__(self, runner) -> None:
        self.submit = runner.submit


def _grouped(pairs, totals):
    """(path, matches) in the order of the paths from verified pairs (i, j, p, q, shares of p,
    shares of q) sorted by (i, j)."""
    found: dict[str, list] = {}
    for _, _, p, q, shared_a, first_a, last_a, shared_b, first_b, last_b in pairs:
        share_a, share_b = shared_a / totals[p], shared_b / totals[q]
        found.setdefault(p, []).append((shared_a, share_a, first_a, last_a, q, first_b, last_b))
        found.setdefault(q, []).append((shared_b, share_b, first_b, last_b, p, first_a, last_a))
    return [(path, found[path]) for path in sorted(found)]


class CopiedDocument(CorpusRule):
    code = "ST012"
    name = "copied-document"
    category = "structure"
    severity = "info"
    summary = "文档的大部分内容与同批另一文件重复（包括繁简不同的副本）"
    why = (
        "文档库和语料库常把同一篇文字收了不止一次：一篇总结被收进合集，简体副本旁边还有繁体原文，"
        "同一个模板被填了两次。规则把同一批文档都转成简体（OpenCC）、去掉标点后逐段比较：较小的文档"
        "至少有 `min-share`（默认 50%）、且至少 `min-chars`（默认 200）个字在另一文件里出现时报告。"
        "两个文件各报一次，位置是重复部分的第一行（引出这一行，最多 24 字），消息是“本文件 N% 的内容"
        "重复了 FILE（第a–b行）”：哪一份是原件，检查工具无从知道。只共用几句套话（组织起来，切实维权）"
        "的两篇不同总结远低于阈值，不报。文档多时用 MinHash 签名和分桶（LSH）找候选，再逐对核实，"
        "时间随文档数线性增长（见模块说明和 bench/bench_copies.py）。完全相同的副本（转成简体、去掉标点后"
        "逐段一致）只核实一次，各自照常报告。成批的相近副本里（共有同一个 MinHash 值的文档超过 "
        "`max-bucket` 个，默认 50），两份都在这种大桶里的文档只在其中一份最相近的 8 份之内（共有的 "
        "MinHash 值最多）时才核实：每份副本仍会报告，但消息说“另有至少 N 个文件”，N 只是下限，"
        "报告的是核实过的那份。不在大桶里的文档照常两两核实；没有超过 `max-bucket` 的分桶时，"
        "结果与不设上限时完全相同。"
    )
    bad = SAMPLE  # (documented examples of a corpus rule run with two copies of the bad one)
    good = OTHER_REPORT
    fix_doc = "删去重复的副本，或只保留其中一份；本规则不修改文件。"
    specs = (
        Spec(SAMPLE, (SAMPLE_HEAD,), others=(SAMPLE,)),
        Spec(SAMPLE, (SAMPLE_HEAD,), others=(SAMPLE_TRADITIONAL,), note="the same text in the other script"),
        Spec("一、基本情况\n" + SAMPLE + "二、存在问题\n  " + OTHER_REPORT, (SAMPLE_HEAD,), others=(SAMPLE,),
             note="a copy inside a longer document: reported on its first line"),
        Spec(OTHER_REPORT, (), others=(SAMPLE,), note="two reports sharing stock phrases"),
        Spec(SAMPLE, (), others=(SAMPLE,), options={"min-chars": 1000}),
        Spec(SAMPLE, (SAMPLE_HEAD,), others=(SAMPLE, SAMPLE_TRADITIONAL), options={"exact-below": 1},
             note="the MinHash LSH path"),
        Spec(SAMPLE, (SAMPLE_HEAD,), others=(SAMPLE, SAMPLE_TRADITIONAL, "前言\n" + SAMPLE),
             options={"exact-below": 1, "max-bucket": 1}, note="copies beyond the bound: still reported"),
    )

    def collect(self, doc, ctx):
        data = collect_text(doc.text)
        # A document with fewer characters than min-chars can share no more than that.
        return data if data.total >= int(ctx.option("min-chars")) else None

    def summarise(self, data, documents: int, ctx):
        """Where the document was linted (a pool worker, a Dask worker), once the run is known to
        be large: its MinHash signatures, so that the corpus phase only bands them."""
        if isinstance(data, Collected) and documents > int(ctx.option("exact-below")):
            data.signature = signature(data.hashes, int(ctx.option("num-perm")))
        return data

    def prepare(self, documents, ctx):
        if documents > int(ctx.option("exact-below")):
            import numpy  # noqa: F401  (done while a pool lints)

    def stream(self, documents: int, ctx):
        """A large run linted by a pool: band and verify the documents as they arrive."""
        if documents > int(ctx.option("exact-below")):
            return _Stream(float(ctx.option("min-share")), int(ctx.option("min-chars")), int(ctx.option("num-perm")),
                           int(ctx.option("max-bucket")))
        return None

    def finish(self, collected, ctx):
        min_share = float(ctx.option("min-share"))
        min_chars = int(ctx.option("min-chars"))
        stream = ctx.stream
        if isinstance(stream, _Stream):  # (its documents are held by the stream anyway)
            docs = _qualifying(collected, min_chars)
            if len(docs) < 2:
                return
            if stream.covers(docs):
                found = stream.found(sorted(docs))
                bounded = stream.bounded_paths
                for path, matches in found:
                    yield from self._report(path, docs[path], matches, path in bounded)
                return
            del docs
        grouped = _Grouped(collected, min_chars, int(ctx.option("exact-below")), int(ctx.option("num-perm")))
        if len(grouped.paths) < 2:
            return
        if grouped.shelved:
            raise RuntimeError("documents kept by the workers did not all pass through the corpus stream")
        bounded: set[str] = set()  # documents whose partners may be more than their matches
        found = self._compared(grouped, collected, min_share, min_chars, ctx, bounded)
        # found: (path, its matches in the order of the pairs), in the order of the paths; a
        # document is read again from what was collected to quote it
        for path, matches in found:
            yield from self._report(path, collected[path], matches, path in bounded)

    def _compared(self, grouped: "_Grouped", collected, min_share: float, min_chars: int, ctx, bounded: set[str]):
        """The matches of the documents compared here: the first document of each fingerprint
        (`fingerprint`) stands for its copies, which have its matches (`_expanded`)."""
        members, totals = grouped.members, grouped.totals
        paths = list(members)
        if grouped.stack is None:  # (as many as the stream is opened for: every pair)
            found = self._exact(paths, _Loaded(lambda i: collected[paths[i]]), totals, min_share, min_chars)
        else:
            found = self._approximate(paths, collected, grouped, min_share, min_chars, int(ctx.option("max-bucket")),
                                      bounded)
        if len(members) == len(grouped.paths):
            yield from found
            return
        found = dict(found)
        bounded.update(m for p in list(bounded) for m in members[p])
        sets = _Sets(_Loaded(lambda i: collected[paths[i]]), keep=1)
        selves = {}
        for i, path in enumerate(paths):
            if len(members[path]) > 1:
                shares = sets.copy(i, i, min_share, min_chars)
                if shares is not None:
                    selves[path] = shares[0]
        yield from _expanded(grouped.paths, members, found, selves, totals)

    @staticmethod
    def _exact(paths, docs, totals, min_share: float, min_chars: int):
        """Every pair, verified with sets (no heavy import)."""
        sets = _Sets(docs)
        found: dict[str, list] = {}
        for i in range(len(paths)):
            for j in range(i + 1, len(paths)):
                # A cheap bound first (distinct units in common), then the exact verification.
                shares = sets.copy(i, j, min_share, min_chars)
                if shares is None:
                    continue
                (shared_a, first_a, last_a), (shared_b, first_b, last_b) = shares
                p, q = paths[i], paths[j]
                share_a, share_b = shared_a / totals[p], shared_b / totals[q]
                found.setdefault(p, []).append((shared_a, share_a, first_a, last_a, q, first_b, last_b))
                found.setdefault(q, []).append((shared_b, share_b, first_b, last_b, p, first_a, last_a))
        return [(path, found[path]) for path in sorted(found)]

    @classmethod
    def _approximate(cls, paths, collected, grouped: "_Grouped", min_share: float, min_chars: int,
                     bound: int | None = None, bounded: set[str] | None = None):
        """Candidate pairs from the MinHash signatures `grouped` computed, banded in numpy,
        verified in batches with arrays (the documents read again as they are needed); the same
        matches as `_exact` would give for those pairs, held in arrays until their path is
        reported. The documents of keys beyond the `bound` go to `bounded` before the first is
        yielded."""
        import numpy as np

        first, second, beyond = grouped.stack.banded(len(paths), bound, grouped.numbers)
        grouped.stack = None
        if bounded is not None:
            bounded.update(paths[n] for n in beyond.tolist())
        index_type = np.int32 if len(paths) < 1 << 31 else np.int64
        first, second = first.astype(index_type), second.astype(index_type)
        passed, shares = _Arrays(_Loaded(lambda i: collected[paths[i]], derive=unit_arrays)).verify(first, second, min_share)
        totals = np.array([grouped.totals[p] for p in paths], dtype=np.int64)
        with np.errstate(divide="ignore", invalid="ignore"):
            share_a, share_b = shares[0] / totals[first], shares[3] / totals[second]
        kept = np.flatnonzero(passed & ~(
            (np.maximum(share_a, share_b) < min_share) | (np.minimum(shares[0], shares[3]) < min_chars)
        ))
        del passed
        # The kept pairs of each document as the first and as the second of the pair, each group
        # in the order of the pairs (stable sorts of pair indices: no copy of the pairs' data).
        as_first = kept[np.argsort(first[kept], kind="stable")]
        as_second = kept[np.argsort(second[kept], kind="stable")]
        everyone = np.arange(len(paths) + 1)
        first_bounds = np.searchsorted(first[as_first], everyone).tolist()
        second_bounds = np.searchsorted(second[as_second], everyone).tolist()
        del kept
        for doc in range(len(paths)):
            mine_a = as_first[first_bounds[doc] : first_bounds[doc + 1]]
            mine_b = as_second[second_bounds[doc] : second_bounds[doc + 1]]
            if not len(mine_a) and not len(mine_b):
                continue
            pair = np.concatenate((mine_a, mine_b))
            order = np.argsort(pair, kind="stable")
            pair, side_a = pair[order], order < len(mine_a)  # this document is the pair's first
            shared_a, first_a, last_a, shared_b, first_b, last_b = shares[:, pair]
            columns = (
                np.where(side_a, shared_a, shared_b), np.where(side_a, share_a[pair], share_b[pair]),
                np.where(side_a, first_a, first_b), np.where(side_a, last_a, last_b),
                np.where(side_a, second[pair], first[pair]),
                np.where(side_a, first_b, first_a), np.where(side_a, last_b, last_a),
            )
            shared, share, first_line, last_line, other, other_first, other_last = (c.tolist() for c in columns)
            matches = list(zip(shared, share, first_line, last_line, [paths[o] for o in other], other_first, other_last))
            yield paths[doc], matches

    @staticmethod
    def _report(path, data: Collected, matches, bounded: bool = False):
        matches.sort(key=lambda m: -m[0])
        reported: list[tuple[int, int, list]] = []
        for shared, share, first, last, other, other_first, other_last in matches:
            overlap = next((r for r in reported if first <= r[1] and r[0] <= last), None)
            if overlap is not None:
                overlap[2].append(other)
                continue
            reported.append((first, last, [], share, other, other_first, other_last))
        for first, last, also, share, other, other_first, other_last in reported:
            column, head = data.head(first)
            lines = f"第{first + 1}–{last + 1}行" if last > first else f"第{first + 1}行"
            others = f"第{other_first + 1}–{other_last + 1}行" if other_last > other_first else f"第{other_first + 1}行"
            message = f"本文件 {share:.0%} 的内容重复了 {other}（{others}）：本文件{lines}"
            if also:
                message += (f"；另有{'至少' if bounded else ''} {len(also)} 个文件也含有这部分内容"
                            f"（{'、'.join(also[:3])}{'等' if len(also) > 3 else ''}）")
            elif bounded:
                message += "；含有这部分内容的文件很多，只与其中几份比较过"
            location = Location(first + 1, column + 1, first + 1, column + 1 + len(head), head)
            yield CorpusHit(path, location, message)
