"""Lists the structure rules read from `rules/data/` (loaded once, on first use):

- `structure-doublings.txt`: words and phrases in which a doubling is right (常常, 研究研究);
- `structure-words.txt.gz`: a word list (derived from jieba's dictionary) that tells two words
  meeting on one character (工作|作风) from a character typed twice (创业业);
- `structure-trailers.txt`: end-of-page furniture after which a document's text has stopped;
- OpenCC's character table, to compare Traditional text with the Simplified lists.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import regex


def data_dir() -> Path:
    from ..registry import builtin_pack_dir

    return builtin_pack_dir() / "data"


def _entries(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.extend(line.split())
    return words


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional -> Simplified, character by character (the first of several readings)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2 and len(parts[0]) == 1 and parts[1]:
                    table[ord(parts[0])] = parts[1].split(" ")[0]
    except OSError:
        pass
    return table


class SortedWords:
    """A sorted list of words with `in`: loading it is one split (about 10 ms for the 100 000
    words), where building a set would cost three times more in every run that needs it. The
    answers are kept (ST004 asks about the same few hundred strings around doubled characters in
    document after document: 19 372 questions about 321 strings on the bench corpus)."""

    __slots__ = ("words", "answers")

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        answer = self.answers.get(word)
        if answer is None:
            words = self.words
            i = bisect_left(words, word)
            answer = i < len(words) and words[i] == word
            if len(self.answers) >= 1 << 16:
                self.answers.clear()
            self.answers[word] = answer
        return answer

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=1)
def lexicon() -> SortedWords:
    path = data_dir() / "structure-words.txt.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return SortedWords([])
    words = text.split("\n")[1:]  # the first line is the header
    if words and not words[-1]:
        words.pop()
    if any(a > b for a, b in zip(words, words[1:100])):  # a hand-edited file: sort it
        words.sort()
    return SortedWords(words)


def _repeats(entry: str) -> Iterable[tuple[str, int]]:
    """The doublings inside an entry: (the doubled text, where it starts in the entry)."""
    for k in range(len(entry) - 1):
        if entry[k] == entry[k + 1]:
            yield entry[k : k + 2], k
        for size in (2, 3, 4):
            if entry[k : k + size] == entry[k + size : k + 2 * size] and len(entry) >= k + 2 * size:
                yield entry[k : k + 2 * size], k


@lru_cache(maxsize=8)
def doublings(extra: tuple[str, ...] = ()) -> dict[str, list[tuple[str, int]]]:
    """Doubled text -> the legitimate entries that contain it, with its position in each."""
    table = t2s_table()
    index: dict[str, list[tuple[str, int]]] = {}
    for entry in _entries(data_dir() / "structure-doublings.txt") + list(extra):
        entry = entry.translate(table)
        for key, k in _repeats(entry):
            index.setdefault(key, []).append((entry, k))
    return index


@lru_cache(maxsize=8)
def trailer_pattern(extra: tuple[str, ...] = ()) -> regex.Pattern:
    markers = _entries(data_dir() / "structure-trailers.txt") + list(extra)
    markers = sorted({m for m in markers if m}, key=len, reverse=True) or ["\ue001"]
    return regex.compile("|".join(regex.escape(m) for m in markers), regex.IGNORECASE)
