"""Applying fixes: edits in a document's normalised text, carried back into its raw text.

Fixes never overlap: they are taken in document order (ties by the rule's code) and one that
touches an edit already taken waits for the next pass; passes repeat on the fixed text until no
fix is left (or a bound is reached), so the result does not depend on the order rules ran in, and
a second `--fix` changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..documents import Document
from ..findings import Edit, Fix

MAX_PASSES = 10


@dataclass
class FixOutcome:
    document: Document  # the fixed document (the same object when nothing was fixed)
    applied: int  # fixes applied over all passes


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one point: order would be arbitrary
    return a.start < b.end and b.start < a.end


def choose(fixes: Iterable[tuple[str, Fix]], unsafe: bool) -> list[Fix]:
    """Non-overlapping fixes in a deterministic order; `fixes` pairs a rule code with its fix."""
    candidates = [
        (min(e.start for e in fix.edits), max(e.end for e in fix.edits), code, fix)
        for code, fix in fixes
        if fix.edits and (fix.safety == "safe" or unsafe)
    ]
    taken: list[Edit] = []
    chosen = []
    for _start, _end, _code, fix in sorted(candidates, key=lambda c: c[:3]):
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        taken.extend(fix.edits)
        chosen.append(fix)
    return chosen


def apply(doc: Document, fixes: list[Fix]) -> str:
    """The raw text of `doc` with the (non-overlapping) fixes applied."""
    edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end))
    newline = doc.newline
    out, pos = [], 0
    for edit in edits:
        start, end = doc.raw_offset(edit.start), doc.raw_offset(edit.end)
        out.append(doc.raw[pos:start])
        out.append(edit.content.replace("\n", newline) if newline != "\n" else edit.content)
        pos = end
    out.append(doc.raw[pos:])
    return "".join(out)


def fix_document(
    doc: Document,
    lint: Callable[[Document], Iterable],
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
) -> Document:
    """Fix until nothing fixable is left; `lint(doc)` returns Hits or Findings."""
    return fix_with_count(doc, lint, unsafe, max_passes).document


def fix_with_count(
    doc: Document, lint: Callable[[Document], Iterable], unsafe: bool = False, max_passes: int = MAX_PASSES
) -> FixOutcome:
    applied = 0
    for _ in range(max_passes):
        pairs = []
        for item in lint(doc):
            fix = getattr(item, "raw_fix", None) or getattr(item, "fix", None)
            if isinstance(fix, Fix):
                pairs.append((getattr(item, "code", ""), fix))
        chosen = choose(pairs, unsafe)
        if not chosen:
            break
        raw = apply(doc, chosen)
        if raw == doc.raw:
            break
        applied += len(chosen)
        doc = doc.with_raw(raw)
    return FixOutcome(doc, applied)
