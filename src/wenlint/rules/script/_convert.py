"""Phrase-aware conversion between the scripts, built on the OpenCC dictionaries (see `_detect`).

OpenCC converts by forward maximum matching: at each position the longest phrase of the phrase
table that starts there wins, otherwise the character table's first candidate. `Converter` does
the same and also reports, per converted character, whether the result was *decided* (a phrase
covered it, or the character has a single candidate) or a guess between several candidates
(`发` alone: `發` or `髮`), so that a rule can make its fix unsafe when the dictionaries do not
decide.

Tables are parsed lazily, once per process: `to_simplified()` needs TSPhrases.txt (277 lines),
`to_traditional()` needs STPhrases.txt (49 000 lines, ~40 ms), which is only read when a
Traditional document needs a Simplified→Traditional conversion.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

from ...analyses import analysis
from ._detect import char_class, read_dictionary, table_key, tables
from ... import lazyre


class Segment(NamedTuple):
    """A phrase found by the conversion (a named tuple: cheaper to make than a frozen dataclass)."""

    start: int  # offsets in the converted text (input and output have the same length)
    end: int
    output: str
    phrase: bool  # True: a phrase of the phrase table


class Converter:
    """Forward-maximum-matching conversion with a phrase table and a character table."""

    def __init__(self, chars: dict[str, tuple[str, ...]], phrases: dict[str, str], choices: bool) -> None:
        """`choices`: whether several candidates of a character are real alternatives (S→T:
        发 → 發/髮) rather than rare alternates listed after the standard form (T→S: 開 → 开 𫔭)."""
        self.chars = chars
        self.ambiguous = frozenset(k for k, v in chars.items() if len(v) > 1) if choices else frozenset()
        self.first = {k: v[0] for k, v in chars.items()}
        # Only phrases that keep their length: offsets must stay exact.
        firsts = {k: v.partition(" ")[0] for k, v in phrases.items()}
        # Phrases with several candidates (回复 → 回覆 回復): the others are right too.
        self.alternatives = {k: tuple(v.split()[1:]) for k, v in phrases.items() if " " in v}
        self.phrases = {k: v for k, v in firsts.items() if len(k) == len(v) >= 2}
        # The first two characters of the phrases -> the lengths of the phrases that start with
        # them, longest first: forward maximum matching looks up only lengths that exist, at
        # positions where some phrase starts.
        head_sizes: dict[str, set[int]] = {}
        for key in self.phrases:
            head = key[:2]
            sizes = head_sizes.get(head)
            if sizes is None:
                head_sizes[head] = {len(key)}
            else:
                sizes.add(len(key))
        self.head_lengths = {h: tuple(sorted(ls, reverse=True)) for h, ls in head_sizes.items()}
        self.table = str.maketrans({k: v for k, v in self.first.items() if len(v) == 1})
        self._compile()

    def _compile(self) -> None:
        self.ambiguous_re = re.compile(char_class(self.ambiguous)) if self.ambiguous else None
        self._phrase_re: re.Pattern | None | bool = False

    _STATE = ("chars", "ambiguous", "first", "alternatives", "phrases", "head_lengths", "table")

    def state(self) -> tuple:
        """The tables, as plain values (kept by `wenlint.tables`)."""
        return tuple(getattr(self, name) for name in self._STATE)

    @classmethod
    def from_state(cls, state: tuple) -> Converter:
        self = cls.__new__(cls)
        for name, value in zip(cls._STATE, state):
            setattr(self, name, value)
        self._compile()
        return self

    @property
    def phrase_re(self) -> re.Pattern | None:
        """For a small phrase table, one alternation of its phrases, longest first: scanning with
        it finds exactly the phrases forward maximum matching finds, at C speed."""
        if self._phrase_re is False:
            self._phrase_re = None
            if 0 < len(self.phrases) <= 2000:  # (a large table is never sorted for nothing)
                keys = sorted(self.phrases, key=lambda k: (-len(k), k))
                self._phrase_re = re.compile("|".join(map(re.escape, keys)))
        return self._phrase_re

    def segments(self, text: str) -> list[Segment]:
        """The phrases found in `text` by forward maximum matching (characters outside them are
        converted one by one)."""
        fast = self.phrase_re
        if fast is not None:
            return [Segment(m.start(), m.end(), self.phrases[m.group()], True) for m in fast.finditer(text)]
        out: list[Segment] = []
        phrases, head_lengths = self.phrases, self.head_lengths.get
        i, n = 0, len(text)
        while i < n:
            lengths = head_lengths(text[i : i + 2])
            if lengths is not None:
                for length in lengths:
                    if length <= n - i:
                        value = phrases.get(text[i : i + length])
                        if value is not None:
                            out.append(Segment(i, i + length, value, True))
                            i += length
                            break
                else:
                    i += 1
            else:
                i += 1
        return out

    def convert(self, text: str, lo: int = 0, hi: int | None = None) -> tuple[str, list[Segment], bool]:
        """The converted text, the phrases used, and whether the conversion of text[lo:hi] was
        decided: no character there had several candidates without a phrase choosing one."""
        hi = len(text) if hi is None else hi
        segments = self.segments(text)
        chars = text.translate(self.table)  # character by character; the phrases go over it
        parts, pos = [], 0
        for seg in segments:
            parts.append(chars[pos : seg.start])
            parts.append(seg.output)
            pos = seg.end
        parts.append(chars[pos:])
        decided = True
        if self.ambiguous_re is not None:
            # Every character with several candidates in text[lo:hi] must lie in a phrase.
            spots = [m.start() for m in self.ambiguous_re.finditer(text, lo, hi)]
            if spots:
                ends = [seg.end for seg in segments]  # sorted, as the segments do not overlap
                for i in spots:
                    k = bisect_right(ends, i)
                    if k == len(segments) or segments[k].start > i:
                        decided = False
                        break
        return "".join(parts), segments, decided


@lru_cache(maxsize=1)
def to_simplified() -> Converter:
    """Traditional → Simplified (TSPhrases.txt + TSCharacters.txt), as OpenCC's t2s."""
    return _cached_converter("t2s", lambda: Converter(tables().ts, read_dictionary("TSPhrases.txt"), choices=False))


@lru_cache(maxsize=1)
def to_traditional() -> Converter:
    """Simplified → Traditional (STPhrases.txt + STCharacters.txt), as OpenCC's s2t."""
    return _cached_converter("s2t", lambda: Converter(tables().st, read_dictionary("STPhrases.txt"), choices=True))


def _cached_converter(name: str, build) -> Converter:
    from ...tables import cached

    return Converter.from_state(cached(f"opencc-{name}", lambda: build().state(), table_key()))


def simplify_chars(text: str) -> str:
    """Character-level Traditional → Simplified (the first candidate), no phrases: enough to read
    a Traditional context with Simplified-keyed phrase tables."""
    return text.translate(to_simplified().table)


class _AnyOf:
    """`search(text, pos, endpos)` for one character of a set: a BMP class (which `re` compiles
    into a fast bitmap) and, apart, the characters outside the BMP (a class holding any makes
    `re` test a long list of them for every character), looked for only where the text has a
    character outside the BMP at all."""

    def __init__(self, chars) -> None:
        chars = set(chars)
        astral = {c for c in chars if ord(c) > 0xFFFF}
        self.bmp = re.compile(char_class(chars - astral))
        self.astral = re.compile(char_class(astral)) if astral else None

    def search(self, text: str, pos: int = 0, endpos: int = 2**62):
        found = self.bmp.search(text, pos, endpos)
        if found is None and self.astral is not None and _ASTRAL.search(text, pos, endpos):
            found = self.astral.search(text, pos, endpos)
        return found


_ASTRAL = lazyre.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def simplify_keys() -> _AnyOf:
    """One character that `simplify_chars` may change: where there is none, `translate` (some 50
    ns a character) can be skipped."""
    return _AnyOf(chr(code) for code in to_simplified().table)


@lru_cache(maxsize=1)
def _tw_table() -> dict[int, str]:
    return str.maketrans(tables().tw_variant)


@lru_cache(maxsize=1)
def _tw_evidence() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Characters that show a Traditional text uses Taiwan forms (`為`, `裡`, `眾`) or OpenCC's
    standard forms (`爲`, `裏`, `衆`): only those that are Traditional-only, so `吃`/`才` say
    nothing. Also one class of both, to find them all in one pass."""
    t = tables()
    tw = {v for v in t.tw_variant.values() if v in t.t_only}
    std = {k for k in t.tw_variant if k in t.t_only}
    return re.compile(char_class(tw)), re.compile(char_class(std)), re.compile(char_class(tw | std))


@analysis("script.taiwan-forms")
def prefers_taiwan_forms(doc) -> bool:
    """Whether the Traditional text of `doc` uses Taiwan variant forms (為/裡/眾) rather than
    OpenCC's standard ones (爲/裏/衆); true when it shows neither, as most real texts do."""
    tw, std, both = _tw_evidence()
    # Plenty of evidence, and a bounded cost; one pass over the text collects the characters
    # of either kind (a few hundred), which are then counted by kind.
    found = "".join(both.findall(doc.text, 0, 200_000))
    return len(tw.findall(found)) >= len(std.findall(found))


def taiwan_forms(text: str) -> str:
    """OpenCC's standard Traditional forms turned into the Taiwan ones (TWVariants.txt)."""
    if _tw_keys().search(text) is None:
        return text  # nothing to change: a search is far cheaper than `translate`
    return text.translate(_tw_table())


@lru_cache(maxsize=1)
def _tw_keys() -> _AnyOf:
    return _AnyOf(chr(code) for code in _tw_table())


def variant_key(char: str) -> str:
    """A Traditional character's OpenCC standard form (`裡` -> `裏`, `台` -> `臺`), so that
    regional variants compare equal."""
    return tables().variant_std.get(char, char)


def to_script(text: str, script: str, taiwan: bool = True) -> str:
    """`text` converted to `script` ("simplified" or "traditional"); with `taiwan`, Traditional
    output uses the Taiwan variant forms."""
    if script == "simplified":
        return to_simplified().convert(text)[0]
    out = to_traditional().convert(text)[0]
    return taiwan_forms(out) if taiwan else out
