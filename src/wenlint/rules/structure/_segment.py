"""Word segmentation for the structure rules: jieba (MIT) with its own dictionary, loaded only when
a rule has a question only a segmenter answers (is this doubled character inside one word, or
across a word boundary? does this space split a word?). Most documents never ask.

jieba reads its dictionary twice, for the word frequencies and for the parts of speech (about
0.8 s); wenlint keeps both, taken from jieba once, as a table in the user cache directory
(`wenlint.tables`) and hands the frequencies to jieba's tokenizer, which then has nothing to load.

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

DICTIONARY_FORMAT = 1  # bump when what _read_dictionary returns changes


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
    """jieba's dictionary as jieba loads it: the prefix dictionary of word frequencies (every word,
    then the prefixes it adds with frequency 0) as one string of keys and one array of counts, the
    total, the part of speech of each word (aligned with the first keys), and the log probability
    of each character to start a person's name."""
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    import jieba.posseg
    from jieba.posseg.prob_emit import P

    freq, tags = jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
    tagged = [w for w in tags if w in freq]
    keys = tagged + [w for w in freq if w not in tags]
    counts = array("q", (freq[w] for w in keys)).tobytes()
    extra_tags = {w: t for w, t in tags.items() if w not in freq}
    return ("\n".join(keys), counts, jieba.dt.total, len(tagged), "\n".join(tags[w] for w in tagged),
            extra_tags, dict(P[("B", "nr")]))


@lru_cache(maxsize=1)
def _dictionary() -> tuple:
    """The table of `_read_dictionary`, from the cache (built there on first use)."""
    jieba = _import_jieba()
    key = f"{DICTIONARY_FORMAT} jieba {jieba.__version__} {sys.byteorder}"
    return cached("jieba-dictionary", _read_dictionary, key)


@lru_cache(maxsize=1)
def _words() -> list[str]:
    return _dictionary()[0].split("\n")


@lru_cache(maxsize=1)
def _jieba():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    dt = jieba.dt
    if not dt.initialized and dt.dictionary == jieba.DEFAULT_DICT:
        # What Tokenizer.initialize() reads from the default dictionary, from the table.
        counts = array("q")
        counts.frombytes(_dictionary()[1])
        freq = dict(zip(_words(), counts))
        with dt.lock:
            if not dt.initialized:
                dt.FREQ, dt.total, dt.initialized = freq, _dictionary()[2], True
    jieba.initialize()  # a no-op, unless someone set another dictionary: jieba loads that one
    return jieba


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part of speech of every word of its dictionary (jieba.posseg's word_tag_tab)."""
    _, _, _, tagged, tag_values, extra_tags, _ = _dictionary()
    tags = dict(zip(_words()[:tagged], tag_values.split("\n")))
    tags.update(extra_tags)
    return tags


@lru_cache(maxsize=1 << 14)
def tokens(window: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word jieba finds in `window` (with its HMM for unknown words, so that
    names such as 宋琳琳 are one word)."""
    words = _jieba().cut(window.translate(t2s_table()), HMM=True)
    spans = []
    pos = 0
    for word in words:
        spans.append((pos, pos + len(word)))
        pos += len(word)
    return tuple(spans)


@lru_cache(maxsize=1 << 14)
def dictionary_tokens(window: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words of `window` by jieba's dictionary alone (no guessing of unknown
    words: two characters that only happen to sit together are not made a word)."""
    spans = []
    pos = 0
    for word in _jieba().cut(window.translate(t2s_table()), HMM=False):
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
    from the same dictionary (by the same prefix walk). No word here proves that no token runs
    across, without segmenting. Around other characters (Latin letters, which jieba groups into
    one token, or blanks) the answer is None: ask the segmenter."""
    simple = window.translate(t2s_table())
    if not (0 < cut < len(simple) and _han(simple[cut - 1]) and _han(simple[cut])):
        return None
    freq = dictionary()
    found = []
    # The dictionary holds every prefix of its words (frequency 0): a word from `a` across the cut
    # starts with simple[a:cut + 1], and only the fragments from there on are looked up.
    for a in range(cut):
        end = cut + 1
        fragment = simple[a:end]
        while fragment in freq:
            if freq[fragment]:
                found.append((a, end))
            if end == len(simple):
                break
            end += 1
            fragment = simple[a:end]
    return found


def tag(word: str) -> str:
    """The part of speech jieba's dictionary gives a word ('' when it has none): `uj` for 的,
    `p` for 在, `v` for 看, `n` for 业."""
    return _tags().get(word.translate(t2s_table()), "")


def dictionary() -> dict[str, int]:
    """jieba's dictionary: word -> frequency (Simplified; entries with frequency 0 are prefixes of
    longer words, not words)."""
    return _jieba().dt.FREQ


def frequency(word: str) -> int:
    """How often jieba's dictionary counts a word (0 when it is not a word there)."""
    return _jieba().dt.FREQ.get(word.translate(t2s_table()), 0)


# How likely a character is to start a person's name, by jieba's part-of-speech model (the log
# probability of the character at the start of a name, `B-nr`): above this, the thirty or so
# commonest surnames (李 -3.3, 张 -3.7, 马 -4.3; 安 -5.5 and 来 -8.0 are below).
SURNAME_LOG_PROB = -5.0


def surname_like(char: str) -> bool:
    """Is `char` one of the commonest surnames (so that a doubled character after it is likely a
    doubled given name: 李喵喵, 马西西)?"""
    return _dictionary()[6].get(char.translate(t2s_table()), -1e9) >= SURNAME_LOG_PROB


def token_at(spans: tuple[tuple[int, int], ...], i: int) -> tuple[int, int]:
    """The word that holds character `i`."""
    for span in spans:
        if span[0] <= i < span[1]:
            return span
    return (i, i + 1)
