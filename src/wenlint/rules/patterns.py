"""Regular expressions written for Chinese text.

Patterns use the `regex` module (Unicode properties such as `\\p{Han}`, variable-length
look-behind) with MULTILINE on, so `^` and `$` are line anchors. Nothing is wrapped in word
boundaries: Chinese has no spaces between words, and `\\b` between two Han characters never
matches, so a pattern that relies on it would silently never fire.

Every search runs with a time limit, so a catastrophic pattern in a user's pack cannot hang a run.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

FLAGS = regex.MULTILINE | regex.VERSION0


class PatternTimeout(Exception):
    def __init__(self, pattern: str, seconds: float) -> None:
        super().__init__(f"pattern {pattern!r} ran longer than {seconds:g} s")


def compile_pattern(pattern: str) -> regex.Pattern:
    """Compile or raise regex.error (callers turn it into a message naming the rule)."""
    return regex.compile(pattern, FLAGS)


def words_pattern(words: list[str]) -> str:
    """A pattern matching any of the literal words, the longest where several match at one place.

    The words are merged into a trie (`列印|列表` becomes `列(?:印|表)`): the regex engine then
    tries one branch per distinct first character instead of every word in turn, which keeps a
    list of hundreds of words about as fast as a single literal."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = []
    singles = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if list(child) == [""]:
            singles.append(ch)
        else:
            branches.append(regex.escape(ch) + _trie_pattern(child))
    if singles:
        branches.append(
            regex.escape(singles[0]) if len(singles) == 1
            else "[" + "".join(regex.escape(c) for c in singles) + "]"
        )
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # the word may stop here; prefer the longer continuation
        return "(?:" + body + ")?"
    return body


def finditer(pattern: regex.Pattern, text: str, timeout: float) -> Iterator[regex.Match]:
    try:
        yield from pattern.finditer(text, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern, timeout) from None


# ----- patterns that need no time limit -----------------------------------------------------------
# The time limit costs about 1.5 µs per search (more than the search itself on a small document).
# A shipped pattern may run without it when its shape rules out catastrophic backtracking: it
# starts with a literal, no unbounded repeat holds more than one character or sits in another
# repeat, and two unbounded repeats of one sequence never share a character unless a required
# character between them stops the first. Anything this test does not understand keeps the limit.

def runs_in_linear_time(pattern: str) -> bool:
    try:
        items = _c.parse(pattern)
        first = 0
        while first < len(items) and items[first][0] in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            first += 1
        if first == len(items) or not _starts_with_literal(items[first]):
            return False
        # A search starts at each occurrence of the first literal: no unbounded repeat may run over
        # that literal, or each start could scan the same stretch of text again.
        literal = items[first] if items[first][0] is not _c.MAX_REPEAT else list(items[first][1][2])[0]
        if any(_may_share(u, literal) for u in _all_unbounded(items)):
            return False
        return _safe_sequence(items)
    except Exception:
        return False


from . import pattern_syntax as _c  # noqa: E402

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_SINGLE = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY)


def _starts_with_literal(item) -> bool:
    op, av = item
    if op is _c.LITERAL or (op is _c.IN and av and all(o is _c.LITERAL for o, _ in av)):
        return True
    return op in _REPEATS and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] is _c.LITERAL


def _all_unbounded(items) -> list:
    """The bodies of all unbounded repeats anywhere in `items` (look-arounds included)."""
    found = []
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _c.MAXREPEAT:
                found.extend(av[2])
            found += _all_unbounded(av[2])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found += _all_unbounded(av[1])
        elif op is _c.SUBPATTERN:
            found += _all_unbounded(av[1])
        elif op is _c.ATOMIC_GROUP:
            found += _all_unbounded(av)
        elif op is _c.BRANCH:
            for alternative in av:
                found += _all_unbounded(alternative)
    return found


def _safe_sequence(items) -> bool:
    """Check one sequence and everything inside it (look-arounds are sequences of their own)."""
    flat: list = []  # ("u", single-char item) for unbounded repeats, ("m", item) for required chars
    for item in items:
        if not _collect(item, flat):
            return False
    for i, (kind, a) in enumerate(flat):
        if kind != "u":
            continue
        for j in range(i + 1, len(flat)):
            kind_b, b = flat[j]
            if kind_b == "u" and _may_share(a, b):
                stop = any(k == "m" and not _may_share(a, m) for k, m in flat[i + 1 : j])
                if not stop:
                    return False
    return True


def _collect(item, flat: list) -> bool:
    op, av = item
    if op in _SINGLE:
        flat.append(("m", item))
        return True
    if op is _c.AT:
        return True
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return _safe_sequence(list(av[1]))
    if op in _REPEATS:
        lo, hi, body = av
        body = list(body)
        if hi == _c.MAXREPEAT:
            if len(body) != 1 or body[0][0] not in _SINGLE:
                return False
            flat.append(("u", body[0]))
            if lo >= 1:
                flat.append(("m", body[0]))
            return True
        inner: list = []
        if not all(_collect(x, inner) for x in body):
            return False
        if hi == 1:  # an optional part: its unbounded repeats count at this place of the sequence
            flat.extend(x for x in inner if x[0] == "u" or lo == 1)
            return True
        if any(k == "u" for k, _ in inner):
            return False  # an unbounded repeat inside a repeat
        if lo >= 1 and len(body) == 1 and body[0][0] in _SINGLE:
            flat.append(("m", body[0]))
        return _safe_sequence(body)
    if op is _c.SUBPATTERN:
        return all(_collect(x, flat) for x in av[1])
    if op is _c.BRANCH:
        # The unbounded repeats of every alternative count at this place of the sequence.
        for alternative in av:
            inner: list = []
            if not all(_collect(x, inner) for x in alternative):
                return False
            flat.extend(("u", x) for k, x in inner if k == "u")
        return True
    return False


def _chars(item):
    """The characters of a single-character item as a frozenset, or None when open-ended."""
    op, av = item
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    if op is _c.IN and all(o in (_c.LITERAL, _c.RANGE) for o, _ in av):
        out = set()
        for o, v in av:
            rng = range(v, v + 1) if o is _c.LITERAL else range(v[0], v[1] + 1)
            if len(rng) > 512:
                return None
            out.update(map(chr, rng))
        return frozenset(out)
    if op is _c.CATEGORY and av is _c.DIGIT:
        return None
    return None


def _may_share(a, b) -> bool:
    """Can one character match both single-character items? (True when unsure.)"""
    ca, cb = _chars(a), _chars(b)
    if ca is not None and cb is not None:
        return not ca.isdisjoint(cb)
    if ca is not None or cb is not None:
        known, other = (ca, b) if ca is not None else (cb, a)
        return any(_matches(other, ch) is not False for ch in known)
    return True


def _matches(item, ch: str):
    """Does the single-character item match `ch`? None when unsure."""
    op, av = item
    if op is _c.CATEGORY:
        if av is _c.DIGIT:
            return ch.isdecimal() or None
        return None
    if op is _c.NOT_LITERAL:
        return ch != chr(av)
    if op is _c.ANY:
        return ch != "\n"
    if op is _c.IN:
        negate = bool(av) and av[0][0] is _c.NEGATE
        hit = False
        for o, v in av[1:] if negate else av:
            if o is _c.LITERAL:
                hit |= ch == chr(v)
            elif o is _c.RANGE:
                hit |= v[0] <= ord(ch) <= v[1]
            elif o is _c.CATEGORY and v is _c.DIGIT:
                if ch.isdecimal():
                    return None
            else:
                return None
        return (not hit) if negate else hit
    return None


# ----- characters a match must start with ---------------------------------------------------------
# Compiling a pattern costs ~0.5 ms (the `regex` parser is Python), most of a one-file check. A
# shipped rule is not compiled for a document that lacks every character its matches could start
# with; the test reads the pattern's text (no parse), and gives up (None) on anything unusual.

_META = frozenset("\\.^$*+?{}[]|()")
_ZERO_WIDTH_OPENERS = ("(?<=", "(?<!", "(?=", "(?!")
_INLINE_FLAGS = regex.compile(r"\(\?[a-zA-Z]")


def first_chars(pattern: str) -> frozenset[str] | None:
    """Characters one of which begins every match of `pattern` (after its leading look-arounds
    and `^`), or None when that cannot be read off the pattern's text cheaply."""
    if _INLINE_FLAGS.search(pattern):  # (?i) anywhere changes what the first character matches
        return None
    if _group_end("(" + pattern + ")", 0) != len(pattern) + 2 or _top_level_bar(pattern):
        return None  # unbalanced, or alternatives that may start anywhere
    i, n = 0, len(pattern)
    while i < n and (pattern[i] == "^" or pattern.startswith(_ZERO_WIDTH_OPENERS, i)):
        i = i + 1 if pattern[i] == "^" else _group_end(pattern, i)
        if i is None:
            return None
    if i >= n:
        return None
    ch = pattern[i]
    if ch == "\\" and i + 1 < n and not pattern[i + 1].isalnum():
        chars, end = frozenset(pattern[i + 1]), i + 2
    elif ch == "[":
        end = pattern.find("]", i + 1)
        body = pattern[i + 1 : end]
        if end < 0 or not body or any(c in "\\^-[" for c in body):
            return None
        chars, end = frozenset(body), end + 1
    elif ch not in _META:
        chars, end = frozenset(ch), i + 1
    else:
        return None
    # A quantifier that allows zero occurrences makes the item optional.
    if end < n and (pattern[end] in "*?" or pattern.startswith(("{0", "{,"), end)):
        return None
    return chars


def _outside_classes(pattern: str, i: int = 0):
    """(index, character) of the pattern's characters from `i` on, except escaped ones and those
    inside character classes."""
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(pattern, i)
        else:
            yield i, c
            i += 1


def _top_level_bar(pattern: str) -> bool:
    depth = 0
    for _, c in _outside_classes(pattern):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            return True
    return False


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class that opens at pattern[i] == "["."""
    i += 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)  # a "]" first in the class is a literal
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _group_end(pattern: str, i: int) -> int | None:
    """The index after the group that opens at pattern[i] == "("."""
    depth = 0
    for j, c in _outside_classes(pattern, i):
        depth += (c == "(") - (c == ")")
        if c == ")" and depth == 0:
            return j + 1
    return None
