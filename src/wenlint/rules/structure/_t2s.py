"""OpenCC's `t2s` conversion (opencc-python-reimplemented), the same output at a fraction of the cost.

opencc-python-reimplemented converts a Traditional text of 40 000 characters in about 80 ms: it
splits the text into clauses at punctuation and, per clause, repeatedly looks for the longest
phrase of TSPhrases.txt anywhere in it (leftmost of equal length), splits there and goes on in the
two halves; what no phrase matches goes through TSCharacters.txt the same way, which splits a tree
node off for every Traditional character.

The result of that recursion is the same as this: take every occurrence of a phrase, longest
first and leftmost first among equals, and keep each one that does not overlap an occurrence kept
before (an occurrence kept inside one half never overlaps the other half, and within a half the
recursion keeps exactly the first one of that order that fits). Phrases never contain a
separator, so no occurrence crosses a clause. Every key of TSCharacters.txt is one character, so
the rest is a `str.translate`. Both dictionaries are read as OpenCC reads them (the last line
for a key wins; of several readings, the first). `tests/rules/test_structure_copies.py` compares
the two on texts dense in phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from ... import lazyre

# OpenCC's sentence separators (opencc.py); a phrase that contains one can never match.
_SEPARATORS = lazyre.compile(
    r'(\s+|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）|《|》|〈|〉|～|．|／|＼|︒|︑'
    r'|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼)'
)


def _read(name: str) -> dict[str, str]:
    import opencc

    table: dict[str, str] = {}
    with open(Path(opencc.__file__).parent / "dictionary" / name, encoding="utf-8") as f:
        for line in f:
            key, value = line.strip().split("\t")
            table[key] = value.split(" ")[0]
    return table


class T2S:
    def __init__(self) -> None:
        phrases = {k: v for k, v in _read("TSPhrases.txt").items() if v and not _SEPARATORS.search(k)}
        characters = _read("TSCharacters.txt")
        if any(len(k) != 1 for k in characters):  # pragma: no cover - a changed dictionary
            raise RuntimeError("TSCharacters.txt has keys longer than one character")
        self.phrases = phrases
        # Separators are copied as they are, never converted.
        self.table = {ord(k): v for k, v in characters.items() if v and not _SEPARATORS.fullmatch(k)}
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        self.starts = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]")
        # The first two characters of every phrase: most characters that start one start none here.
        self.heads = frozenset(k[:2] for k in phrases) if all(len(k) >= 2 for k in phrases) else None
        # Where a phrase may start: a character that starts one followed by a character that is
        # second in one, found at C speed (in a Traditional text, one position in 150; the first
        # character alone matches one in 16), then the first two characters are checked.
        self.candidates = None
        if self.heads:
            firsts = "".join(sorted({h[0] for h in self.heads}))
            seconds = "".join(sorted({h[1] for h in self.heads}))
            self.candidates = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
        # `str.translate` with a dict raises and clears a KeyError for every character that is not
        # a key; with a list that maps every character of the Basic Multilingual Plane (most to
        # itself) it does not: twice as fast. A character beyond the list is left as it is, so a
        # text with a key beyond it goes through the dict.
        fast: list = list(range(0x10000))
        for code, value in self.table.items():
            if code < 0x10000:
                fast[code] = ord(value) if len(value) == 1 else value
        self.fast = fast
        self.beyond = frozenset(chr(c) for c in self.table if c >= 0x10000)

    def _table(self, text: str):
        """A table for `text.translate` equivalent to `self.table` for this text, the fastest."""
        # A text beyond the Basic Multilingual Plane is longer in UTF-16 (a fast way to ask).
        if len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text) and not self.beyond.isdisjoint(text):
            return self.table
        return self.fast

    def convert(self, text: str) -> str:
        phrases, lengths = self.phrases, self.lengths
        found = []  # (-length, start) of every phrase occurrence
        n = len(text)
        if self.candidates is not None:
            heads = self.heads
            for m in self.candidates.finditer(text):
                i = m.start()
                if text[i : i + 2] not in heads:
                    continue
                for size in lengths[m.group()]:
                    if i + size <= n and text[i : i + size] in phrases:
                        found.append((-size, i))
        else:  # pragma: no cover - a dictionary with one-character phrases
            for m in self.starts.finditer(text):
                i = m.start()
                for size in lengths[m.group()]:
                    if i + size <= n and text[i : i + size] in phrases:
                        found.append((-size, i))
        table = self._table(text)
        if not found:
            return text.translate(table)
        found.sort()
        taken = bytearray(len(text))
        kept = []
        for size, i in found:
            end = i - size
            if taken.find(1, i, end) < 0:
                taken[i:end] = b"\x01" * (end - i)
                kept.append((i, end))
        kept.sort()
        out, pos = [], 0
        for i, end in kept:
            out.append(text[pos:i].translate(table))
            out.append(phrases[text[i:end]])
            pos = end
        out.append(text[pos:].translate(table))
        return "".join(out)


@lru_cache(maxsize=1)
def t2s() -> T2S:
    return T2S()
