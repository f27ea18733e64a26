"""Inline suppression: which findings the document's own `wenlint-disable` comments silence, and
which of those comments silence nothing (WL001, computed here once every other rule has run)."""

from __future__ import annotations

from ..documents import Document
from ..documents.directives import Directive, find_directives
from ..findings import Fix, Hit
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


def unused_hits(doc: Document, directives: list[Directive], registry, enabled, compared=()) -> list[Hit]:
    """WL001's hits: the `directives` that silenced nothing. `compared`: the enabled rules that
    compare documents. Whether a suppression of theirs is used is known only after every document
    has been read (the runner then drops the finding), so such a suppression is reported here
    without a fix: --fix must not delete it."""
    hits = []
    for d in directives:
        unknown = [s for s in d.selectors if not any(specificity(s, r) is not None for r in registry)]
        if unknown:
            message = f"抑制注释里的规则「{'、'.join(unknown)}」不存在"
        elif d.selectors and not any(specificity(s, r) is not None for s in d.selectors for r in enabled):
            continue  # names only rules this run does not use: not ours to judge
        else:
            message = "抑制注释没有抑制任何问题，可以删除"
        may_be_needed = not unknown and any(
            not d.selectors or any(specificity(s, r) is not None for s in d.selectors) for r in compared
        )
        hits.append(Hit(d.start, d.end, message, None, None if may_be_needed else _removal(doc, d)))
    return hits


def _removal(doc: Document, d: Directive) -> Fix:
    if d.whole_line:
        start, end = doc.line_span(d.line, newline=True)
        return Fix.delete(start, end)
    start = d.start
    while start > 0 and doc.source[start - 1] in " \t":
        start -= 1
    return Fix.delete(start, d.end)
