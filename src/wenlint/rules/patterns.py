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
