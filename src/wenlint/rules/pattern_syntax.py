"""A small parser of regular-expression syntax, for reading the shape of a pattern
(`patterns.runs_in_linear_time`): which parts repeat, and which characters each part can match.

It knows the common subset the shipped packs use — literals and escapes, classes, `.`, anchors,
groups (capturing, `(?:`, named), look-arounds, atomic groups, alternation and the greedy, lazy
and possessive quantifiers — and raises `Unsupported` on anything else (Unicode properties,
back-references, inline flags, ...): a caller that cannot read a pattern keeps its time limit.
CPython's own parser (`re._parser`) is private and changes between versions, hence this one.

The tree is a list of (op, argument) items:

    LITERAL code · NOT_LITERAL code · ANY None · AT name
    IN [(LITERAL, code) | (RANGE, (lo, hi)) | (CATEGORY, name) | (NEGATE, None), ...]
    MAX_REPEAT / MIN_REPEAT / POSSESSIVE_REPEAT (lo, hi or MAXREPEAT, items)
    SUBPATTERN (group or None, items) · ATOMIC_GROUP items
    ASSERT / ASSERT_NOT (direction, items) · BRANCH [items, ...]

As in CPython's parser, a class of one character is that character, and alternatives that are
single characters (`a|b|[cd]`) become one class.
"""

from __future__ import annotations

LITERAL, NOT_LITERAL, ANY, AT, IN, RANGE, CATEGORY, NEGATE = (
    "LITERAL", "NOT_LITERAL", "ANY", "AT", "IN", "RANGE", "CATEGORY", "NEGATE")
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"
SUBPATTERN, ATOMIC_GROUP, ASSERT, ASSERT_NOT, BRANCH = (
    "SUBPATTERN", "ATOMIC_GROUP", "ASSERT", "ASSERT_NOT", "BRANCH")
MAXREPEAT = float("inf")
DIGIT, SPACE, WORD, NOT_DIGIT, NOT_SPACE, NOT_WORD = (
    "DIGIT", "SPACE", "WORD", "NOT_DIGIT", "NOT_SPACE", "NOT_WORD")

_CLASS_ESCAPES = {"d": DIGIT, "s": SPACE, "w": WORD, "D": NOT_DIGIT, "S": NOT_SPACE, "W": NOT_WORD}
_ANCHORS = {"b": "BOUNDARY", "B": "NON_BOUNDARY", "A": "BEGINNING", "Z": "END"}
_CHAR_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}


class Unsupported(ValueError):
    """A construct this parser does not read (or a malformed pattern)."""


def parse(pattern: str) -> list:
    parser = _Parser(pattern)
    items = parser.alternation()
    if parser.i != len(pattern):
        raise Unsupported(f"unbalanced ) at {parser.i}")
    return items


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self, n: int = 1) -> str:
        return self.p[self.i : self.i + n]

    def take(self, n: int = 1) -> str:
        s = self.p[self.i : self.i + n]
        if len(s) < n:
            raise Unsupported("unexpected end of pattern")
        self.i += n
        return s

    # ----- structure ------------------------------------------------------------------------

    def alternation(self) -> list:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        if all(len(b) == 1 and _single_set(b[0]) is not None for b in branches):
            members = [m for b in branches for m in _single_set(b[0])]
            return [(IN, members)]
        return [(BRANCH, branches)]

    def sequence(self) -> list:
        items: list = []
        while self.i < len(self.p) and self.peek() not in "|)":
            item = self.quantified(self.atom())
            if item[0] is SUBPATTERN and item[1][0] is None:
                items.extend(item[1][1])  # (?:...) unquantified is its items in place
            else:
                items.append(item)
        return items

    def quantified(self, item):
        c = self.peek()
        if c == "*":
            lo, hi = 0, MAXREPEAT
        elif c == "+":
            lo, hi = 1, MAXREPEAT
        elif c == "?":
            lo, hi = 0, 1
        elif c == "{" and self._braces() is not None:
            lo, hi, length = self._braces()
            self.i += length - 1
        else:
            return item
        self.i += 1
        if item[0] in (AT, ASSERT, ASSERT_NOT) or item[0] in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            raise Unsupported("a quantifier after an anchor, look-around or quantifier")
        kind = MAX_REPEAT
        if self.peek() == "?":
            kind, self.i = MIN_REPEAT, self.i + 1
        elif self.peek() == "+":
            kind, self.i = POSSESSIVE_REPEAT, self.i + 1
        body = item[1][1] if item[0] is SUBPATTERN and item[1][0] is None else [item]
        return (kind, (lo, hi, body))

    def _braces(self):
        """(lo, hi, length of `{m,n}`) when a quantifier starts here, else None (a literal `{`)."""
        end = self.p.find("}", self.i)
        if end < 0:
            return None
        inside = self.p[self.i + 1 : end]
        lo, comma, hi = inside.partition(",")
        if not (lo.isdigit() or (comma and not lo)) or (hi and not hi.isdigit()) or not (lo or hi):
            return None
        low = int(lo) if lo else 0
        high = (int(hi) if hi else MAXREPEAT) if comma else low
        if high < low:
            raise Unsupported("min repeat greater than max repeat")
        return low, high, end - self.i + 1

    def atom(self):
        c = self.take()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == ".":
            return (ANY, None)
        if c == "^":
            return (AT, "BEGINNING_LINE")
        if c == "$":
            return (AT, "END_LINE")
        if c == "\\":
            return self.escape(in_class=False)
        if c in "*+?":
            raise Unsupported("nothing to repeat")
        return (LITERAL, ord(c))

    def group(self):
        if self.peek() != "?":
            items = self.alternation()
            self._close()
            return (SUBPATTERN, (True, items))
        self.i += 1
        c = self.take()
        if c == ":":
            items = self.alternation()
            self._close()
            return (SUBPATTERN, (None, items))
        if c == ">":
            items = self.alternation()
            self._close()
            return (ATOMIC_GROUP, items)
        if c in "=!":
            items = self.alternation()
            self._close()
            return (ASSERT if c == "=" else ASSERT_NOT, (1, items))
        if c == "<" and self.peek() in ("=", "!"):
            kind = ASSERT if self.take() == "=" else ASSERT_NOT
            items = self.alternation()
            self._close()
            return (kind, (-1, items))
        if c == "P" and self.peek() == "<" or c == "<":
            end = self.p.find(">", self.i)
            name = self.p[self.i + (c == "P") : end]
            if end < 0 or not name.isidentifier():
                raise Unsupported("bad group name")
            self.i = end + 1
            items = self.alternation()
            self._close()
            return (SUBPATTERN, (True, items))
        raise Unsupported(f"(?{c}")

    def _close(self) -> None:
        if self.peek() != ")":
            raise Unsupported("missing )")
        self.i += 1

    def escape(self, in_class: bool):
        c = self.take()
        if c in _CLASS_ESCAPES:
            category = (CATEGORY, _CLASS_ESCAPES[c])
            return category if in_class else (IN, [category])
        if c in _ANCHORS and not in_class:
            return (AT, _ANCHORS[c])
        if c in _CHAR_ESCAPES:
            return (LITERAL, ord(_CHAR_ESCAPES[c]))
        if c in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = self.take(width)
            try:
                return (LITERAL, int(digits, 16))
            except ValueError:
                raise Unsupported(f"bad escape \\{c}{digits}") from None
        if c.isalnum():
            raise Unsupported(f"escape \\{c}")  # \p{...}, back-references, ...
        return (LITERAL, ord(c))

    def char_class(self):
        members: list = []
        negate = self.peek() == "^"
        if negate:
            self.i += 1
        first = True
        while True:
            c = self.take()
            if c == "]" and not first:
                break
            first = False
            if c == "[" and self.peek() in (":", "=", "."):
                raise Unsupported("POSIX class")
            item = self.escape(in_class=True) if c == "\\" else (LITERAL, ord(c))
            if item[0] is LITERAL and self.peek() == "-" and self.peek(2) != "-]":
                self.i += 1
                end_c = self.take()
                end = self.escape(in_class=True) if end_c == "\\" else (LITERAL, ord(end_c))
                if end[0] is not LITERAL or end[1] < item[1]:
                    raise Unsupported("bad character range")
                members.append((RANGE, (item[1], end[1])))
            else:
                members.append(item)
        if not negate and len(members) == 1 and members[0][0] is LITERAL:
            return members[0]
        if negate and len(members) == 1 and members[0][0] is LITERAL:
            return (NOT_LITERAL, members[0][1])
        return (IN, ([(NEGATE, None)] if negate else []) + members)


def _single_set(item):
    """The class members of a one-character item that an alternation may merge, else None."""
    op, av = item
    if op is LITERAL:
        return [item]
    if op is IN and not (av and av[0][0] is NEGATE):
        return list(av)
    return None
