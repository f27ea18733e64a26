"""Word segmentation for the structure rules: jieba (MIT) with its own dictionary, loaded only when
a rule has a question only a segmenter answers (is this doubled character inside one word, or
across a word boundary? does this space split a word?). Loading costs about half a second, once per
process; most documents never ask.

Text is segmented in short windows (the clause around the question); Traditional text is compared
after OpenCC's character conversion, since jieba's dictionary is Simplified.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ._lexicon import t2s_table


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


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


def tag(word: str) -> str:
    """The part of speech jieba's dictionary gives a word ('' when it has none): `uj` for 的,
    `p` for 在, `v` for 看, `n` for 业."""
    return _jieba().posseg.dt.word_tag_tab.get(word.translate(t2s_table()), "")


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
    _jieba()
    from jieba.posseg.prob_emit import P

    return P[("B", "nr")].get(char.translate(t2s_table()), -1e9) >= SURNAME_LOG_PROB


def token_at(spans: tuple[tuple[int, int], ...], i: int) -> tuple[int, int]:
    """The word that holds character `i`."""
    for span in spans:
        if span[0] <= i < span[1]:
            return span
    return (i, i + 1)
