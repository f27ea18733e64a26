"""Inline suppression: which findings the document's own `wenlint-disable` comments silence, and
which of those comments silence nothing (reported by WL001)."""

from __future__ import annotations

from ..documents import Document
from ..documents.directives import Directive, find_directives
from ..rules.base import Rule
from .selection import specificity

_END = 1 << 30


class Suppressions:
    """Line ranges of a document in which selectors are silenced; small and picklable."""

    def __init__(self, doc: Document) -> None:
        self.directives: list[Directive] = find_directives(doc.source, doc.format)
        self.used: set[int] = set()
        # (first line, last line, selector or None for every rule, index of the directive)
        self.ranges: list[tuple[int, int, str | None, int]] = []
        if self.directives:
            self._build(doc.lines)

    def _build(self, lines: list[str]) -> None:
        open_: list[tuple[int, str | None, int]] = []  # (first line, selector, directive index)
        for index, d in enumerate(self.directives):
            selectors: list[str | None] = list(d.selectors) or [None]
            if d.kind == "disable-file":
                self.ranges += [(0, _END, s, index) for s in selectors]
            elif d.kind == "disable-line":
                self.ranges += [(d.line, d.line, s, index) for s in selectors]
            elif d.kind == "disable-next-line":
                target = next((i for i in range(d.line + 1, len(lines)) if lines[i].strip()), d.line + 1)
                self.ranges += [(target, target, s, index) for s in selectors]
            elif d.kind == "disable":
                open_ += [(d.line, s, index) for s in selectors]
            elif d.kind == "enable":
                names = {s.lower() for s in d.selectors}
                still_open = []
                for first, selector, owner in open_:
                    if not names or (selector is not None and selector.lower() in names):
                        self.ranges.append((first, d.line, selector, owner))
                    else:
                        still_open.append((first, selector, owner))
                open_ = still_open
        self.ranges += [(first, _END, selector, owner) for first, selector, owner in open_]

    def silences(self, line: int, rule: Rule) -> bool:
        """Whether `rule` is silenced on 0-based `line`; marks the directives that did it."""
        hit = False
        for first, last, selector, owner in self.ranges:
            if first <= line <= last and (selector is None or specificity(selector, rule) is not None):
                self.used.add(owner)
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for i, d in enumerate(self.directives) if i not in self.used and d.kind != "enable"]
