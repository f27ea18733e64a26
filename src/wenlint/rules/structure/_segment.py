"""Word segmentation for the structure rules: jieba (MIT) with its own dictionary, loaded only when
a rule has a question only a segmenter answers (is this doubled character inside one word, or
across a word boundary? does this space split a word?). Most documents never ask.

jieba reads its dictionary twice, for the word frequencies and for the parts of speech, and holds
it as a Python dict of half a million entries (words and their prefixes), which takes a large
part of a run's start to build. wenlint takes the dictionary from jieba once and keeps it in the
user cache directory (`wenlint.tables`) as a MARISA trie (marisa-trie) of the words with their
counts and parts of speech by word id: it loads in a moment, and the trie's prefix search is the
walk jieba makes over its prefix dict (`_Tokenizer`).

Text is segmented in short windows (the clause around the question); Traditional text is compared
after OpenCC's character conversion, since jieba's dictionary is Simplified.
"""

from __future__ import annotations

import logging
import sys
from array import array
from functools import lru_cache

from ...tables import cached
from ._lexicon import t2s_table

DICTIONARY_FORMAT = 2  # bump when what _read_dictionary returns changes


def _import_jieba():
    """jieba, imported without pkg_resources: jieba imports it (deprecated, and a tenth of a
    second) only to open its dictionary file, and opens the file directly when it is missing."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import` fail
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _read_dictionary() -> tuple:
    """jieba's dictionary as jieba loads it: a trie of its words (the entries of its prefix dict
    with a count above zero; the others are prefixes of longer words), the count of each word and
    the part of speech of each (an index into the list of parts of speech, 0 for none) by word
    id, jieba's total, the parts of speech of words that are not in the trie, the log
    probability of each character to start a person's name, and the length of the longest word."""
    import marisa_trie

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    import jieba.posseg
    from jieba.posseg.prob_emit import P

    freq, tags = jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
    trie = marisa_trie.Trie(w for w, n in freq.items() if n)
    names = sorted(set(tags.values()))
    index = {name: n + 1 for n, name in enumerate(names)}
    counts = array("q", bytes(8 * len(trie)))
    tag_of = bytearray(len(trie))  # fewer than 255 parts of speech
    for word, key in trie.iteritems():
        counts[key] = freq[word]
        tag_of[key] = index.get(tags.get(word, ""), 0)
    extra_tags = {w: t for w, t in tags.items() if w not in trie}
    longest = max(map(len, trie.keys()), default=1)
    return (trie.tobytes(), counts.tobytes(), bytes(tag_of), names, jieba.dt.total, extra_tags,
            dict(P[("B", "nr")]), longest)


class _Dictionary:
    """The table of `_read_dictionary`, ready for lookups."""

    def __init__(self, table: tuple) -> None:
        import marisa_trie

        (trie_bytes, counts, tag_of, self.tag_names, self.total, self.extra_tags, self.surnames,
         self.longest) = table
        self.trie = marisa_trie.Trie().frombytes(trie_bytes)
        self.counts = array("q")
        self.counts.frombytes(counts)
        self.tag_of = tag_of

    def get(self, word: str, default=None):
        """The count of `word` (jieba's `FREQ.get`: `default` for a prefix or a non-word)."""
        key = self.trie.get(word)
        return default if key is None else self.counts[key]

    def words_from(self, text: str, start: int):
        """The words of the dictionary that `text` has at `start`, shortest first."""
        return self.trie.iter_prefixes(text[start : start + self.longest])

    def tag(self, word: str) -> str:
        key = self.trie.get(word)
        n = 0 if key is None else self.tag_of[key]
        return self.tag_names[n - 1] if n else self.extra_tags.get(word, "")


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    """The dictionary, from the cache (built there on first use)."""
    jieba = _import_jieba()
    key = f"{DICTIONARY_FORMAT} jieba {jieba.__version__} {sys.byteorder}"
    return _Dictionary(cached("jieba-dictionary", _read_dictionary, key))


@lru_cache(maxsize=1)
def _tokenizer():
    """A jieba Tokenizer on the dictionary: jieba's own segmentation (its route through the
    words by their counts, its HMM for unknown words), with the words at each position found by
    the trie's prefix search, the same words jieba's walk over its prefix dict finds (every
    prefix of a word is in that dict, so the walk reaches every word that starts there). jieba's
    default tokenizer is left as it is."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    words = _dictionary()

    class Tokenizer(jieba.Tokenizer):
        def get_DAG(self, sentence):  # noqa: N802 (jieba's name)
            dag = {}
            for k in range(len(sentence)):
                dag[k] = [k + len(word) - 1 for word in words.words_from(sentence, k)] or [k]
            return dag

    tokenizer = Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = words, words.total, True
    return tokenizer


@lru_cache(maxsize=1 << 14)
def tokens(window: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word jieba finds in `window` (with its HMM for unknown words, so that
    names such as 宋琳琳 are one word)."""
    return _spans(_tokenizer().cut(window.translate(t2s_table()), HMM=True))


@lru_cache(maxsize=1 << 14)
def dictionary_tokens(window: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words of `window` by jieba's dictionary alone (no guessing of unknown
    words: two characters that only happen to sit together are not made a word)."""
    return _spans(_tokenizer().cut(window.translate(t2s_table()), HMM=False))


def _spans(words) -> tuple[tuple[int, int], ...]:
    spans = []
    pos = 0
    for word in words:
        spans.append((pos, pos + len(word)))
        pos += len(word)
    return tuple(spans)


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fd5"  # jieba's Han characters (its re_han_default)


def dictionary_words_across(window: str, cut: int) -> list[tuple[int, int]] | None:
    """(start, end) of every word of jieba's dictionary in `window` that holds both
    window[cut - 1] and window[cut], when those two are Han characters.

    Between two Han characters, `dictionary_tokens(window)` can put a word across `cut` only if
    it is one of these: jieba's dictionary segmentation picks its words of two or more characters
    from the same dictionary (by the same prefix search). No word here proves that no token runs
    across, without segmenting. Around other characters (Latin letters, which jieba groups into
    one token, or blanks) the answer is None: ask the segmenter."""
    simple = window.translate(t2s_table())
    if not (0 < cut < len(simple) and _han(simple[cut - 1]) and _han(simple[cut])):
        return None
    words = _dictionary()
    found = []
    for a in range(cut):
        for word in words.words_from(simple, a):
            if a + len(word) > cut:
                found.append((a, a + len(word)))
    return found


def tag(word: str) -> str:
    """The part of speech jieba's dictionary gives a word ('' when it has none): `uj` for 的,
    `p` for 在, `v` for 看, `n` for 业."""
    return _dictionary().tag(word.translate(t2s_table()))


def words():
    """Every word of jieba's dictionary (Simplified) with its count, in no particular order."""
    words = _dictionary()
    return ((word, words.counts[key]) for word, key in words.trie.iteritems())


def count(word: str) -> int:
    """How often jieba's dictionary counts `word`, as written (0 when it is not a word there)."""
    return _dictionary().get(word, 0)


def frequency(word: str) -> int:
    """How often jieba's dictionary counts a word (0 when it is not a word there); Traditional
    characters are looked up as Simplified."""
    return count(word.translate(t2s_table()))


# How likely a character is to start a person's name, by jieba's part-of-speech model (the log
# probability of the character at the start of a name, `B-nr`): above this, the thirty or so
# commonest surnames (李 -3.3, 张 -3.7, 马 -4.3; 安 -5.5 and 来 -8.0 are below).
SURNAME_LOG_PROB = -5.0


def surname_like(char: str) -> bool:
    """Is `char` one of the commonest surnames (so that a doubled character after it is likely a
    doubled given name: 李喵喵, 马西西)?"""
    return _dictionary().surnames.get(char.translate(t2s_table()), -1e9) >= SURNAME_LOG_PROB


def token_at(spans: tuple[tuple[int, int], ...], i: int) -> tuple[int, int]:
    """The word that holds character `i`."""
    for span in spans:
        if span[0] <= i < span[1]:
            return span
    return (i, i + 1)
