"""Applying fixes: edits in a document's normalised text, carried back into its raw text.

Fixes never overlap: they are taken in document order (ties by the rule's code, then by the edits
themselves) and one that touches an edit already taken waits for the next pass; passes repeat on
the fixed text until no fix is left, so the result does not depend on the order rules ran in, and
a second `--fix` changes nothing. A fix whose edits are out of range or overlap each other is a
rule bug: it is never applied. Rules whose fixes keep changing the text (A -> B -> A, or an
insertion that is offered again after every pass) stop at a bound and the outcome says so;
fixes that keep shortening the text go on past it (they must end).

Only the characters inside the edited spans change: everything else, line endings included, is
copied from the raw text as it was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .document import Document
from ..findings import Edit, Fix

MAX_PASSES = 10
SHRINKING_PASSES = 50  # times MAX_PASSES: the bound for fixes that keep shortening the text
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class FixOutcome:
    document: Document  # the fixed document (the same object when nothing was fixed)
    applied: int  # fixes applied over all passes
    # The edits of every pass, each list sorted and in the coordinates of the text that pass
    # read (the Word writer replays them on the file's paragraphs).
    passes: list[list[Edit]] = field(default_factory=list)
    converged: bool = True  # False: the fixes still changed the text when the bound was reached
    codes: set[str] = field(default_factory=set)  # rules whose fixes were chosen


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits touch. An insertion touches an edit it sits inside or at either end of
    (a line deleted and a full stop added at its end: which wins must not depend on order), and
    two insertions at one point touch; the later fix waits for the next pass, which sees the
    text the first one left."""
    if a.start == a.end:
        return b.start <= a.start <= b.end
    if b.start == b.end:
        return a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def _well_formed(fix: Fix, limit: int | None) -> bool:
    """Edits inside the text, none empty-and-pointless, none overlapping another of the fix."""
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    for i, edit in enumerate(edits):
        if not (0 <= edit.start <= edit.end) or (limit is not None and edit.end > limit):
            return False
        if i and _overlaps(edits[i - 1], edit):
            return False
    return True


def choose(
    fixes: Iterable[tuple[str, Fix]],
    unsafe: bool,
    limit: int | None = None,
    accept: Callable[[Fix], bool] | None = None,
) -> list[Fix]:
    """Non-overlapping fixes in a deterministic order; `fixes` pairs a rule code with its fix.

    `limit` is the length of the text the edits point into (edits beyond it are refused);
    `accept` can refuse fixes a kind of document cannot take."""
    candidates = []
    for code, fix in fixes:
        if not fix.edits or not (fix.safety == "safe" or unsafe):
            continue
        if not _well_formed(fix, limit) or (accept is not None and not accept(fix)):
            continue
        edits = tuple(sorted((e.start, e.end, e.content) for e in fix.edits))
        candidates.append((edits[0][0], max(e[1] for e in edits), code, edits, fix))
    taken: list[Edit] = []
    chosen = []
    for *_key, fix in sorted(candidates, key=lambda c: c[:4]):
        if any(_overlaps(e, t) for e in fix.edits for t in taken):
            continue
        taken.extend(fix.edits)
        chosen.append(fix)
    return chosen


def _edits(fixes: list[Fix]) -> list[Edit]:
    return sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.start, e.end))


def apply(doc: Document, fixes: list[Fix]) -> str:
    """The raw text of `doc` with the (non-overlapping) fixes applied.

    Offsets are mapped line by line from the normalised text to the raw text, so a deleted line
    takes its own line ending with it and every other line ending stays as it was; a line break
    that a fix inserts is written as the file's dominant line ending."""
    newline = doc.newline
    out, pos = [], 0
    for edit in _edits(fixes):
        start, end = doc.raw_offset(edit.start), doc.raw_offset(edit.end)
        out.append(doc.raw[pos:start])
        content = edit.content
        if "\r" in content or ("\n" in content and newline != "\n"):
            content = _NEWLINE.sub(newline, content)
        out.append(content)
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
    doc: Document,
    lint: Callable[[Document], Iterable],
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    accept: Callable[[Fix], bool] | None = None,
    on_pass: Callable[[list[Edit]], None] | None = None,
) -> FixOutcome:
    """Fix until nothing fixable is left. `accept` can refuse fixes (see `choose`); `on_pass`
    sees the edits of each pass as they are applied."""
    outcome = FixOutcome(doc, 0)
    seen = {doc.raw}
    passes, shrinking = 0, True
    # Past the bound, passes go on while each one shortens the text: fixes that only delete
    # converge however slowly (a run of markers removed one per pass), and a text cannot shrink
    # forever. Fixes that cycle or grow the text stop at the bound.
    while passes < max_passes or (shrinking and passes < max_passes * SHRINKING_PASSES):
        passes += 1
        pairs = []
        for item in lint(doc):
            fix = getattr(item, "raw_fix", None) or getattr(item, "fix", None)
            if isinstance(fix, Fix):
                pairs.append((getattr(item, "code", ""), fix))
        chosen = choose(pairs, unsafe, len(doc.text), accept)
        if not chosen:
            return outcome
        raw = apply(doc, chosen)
        if raw == doc.raw:
            return outcome  # the fixes rewrite text with itself
        chosen_ids = {id(fix) for fix in chosen}
        outcome.codes.update(code for code, fix in pairs if id(fix) in chosen_ids)
        if raw in seen:
            # The fixes undo each other (A -> B -> A): stop before going round again.
            outcome.converged = False
            return outcome
        seen.add(raw)
        shrinking = len(raw) < len(doc.raw)
        outcome.applied += len(chosen)
        edits = _edits(chosen)
        outcome.passes.append(edits)
        if on_pass is not None:
            on_pass(edits)
        doc = doc.with_raw(raw)
        outcome.document = doc
    # The bound was reached: converged only if nothing more would be fixed.
    pairs = [
        (getattr(item, "code", ""), getattr(item, "raw_fix", None) or getattr(item, "fix", None))
        for item in lint(doc)
    ]
    pairs = [(code, fix) for code, fix in pairs if isinstance(fix, Fix)]
    outcome.converged = not choose(pairs, unsafe, len(doc.text), accept)
    return outcome
