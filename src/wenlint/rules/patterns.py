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
    """An alternation of literal words, longest first so that the longest word wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def finditer(pattern: regex.Pattern, text: str, timeout: float) -> Iterator[regex.Match]:
    try:
        yield from pattern.finditer(text, timeout=timeout)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern, timeout) from None
