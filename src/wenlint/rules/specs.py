"""Running one rule's documented examples and specs on its own, without the engine.

The pack loader verifies every rule of a user's pack with this before a run uses it. The test
suite, `wenlint explain` and the generated docs use `wenlint.testing`, which adds the rules the
engine computes itself (WL001)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..analyses import reading
from .base import CorpusRule, Rule, RuleContext, Spec


@dataclass
class SpecResult:
    flags: list[str]
    fixed: str | None


def run_spec(rule: Rule, spec: Spec) -> SpecResult:
    """Lint `spec.text` (and `spec.others`) with this rule alone."""
    from ..config import Settings
    from ..documents import Document
    from ..documents.fixes import fix_document

    settings = Settings(**spec.settings)
    if spec.options:
        settings.options = {rule.category: dict(spec.options)}
    ctx = RuleContext(rule, settings)

    def check(d: Document) -> list:
        with reading(rule):
            return list(rule.check(d, ctx))

    doc = Document(spec.text, path="spec.txt", format=spec.format)
    hits = check(doc)
    flags = [doc.location(h.start, h.end).text for h in sorted(hits, key=lambda h: (h.start, h.end))]
    if isinstance(rule, CorpusRule):
        docs = [doc] + [Document(t, path=f"other{i}.txt", format=spec.format) for i, t in enumerate(spec.others)]
        with reading(rule):
            collected = {d.path: rule.collect(d, ctx) for d in docs}
        corpus = [h for h in rule.finish(collected, ctx) if h.path == doc.path]
        flags += [h.location.text for h in sorted(corpus, key=lambda h: (h.location.line, h.location.column))]
    fixed = None
    if spec.fixed is not None:
        fixed = fix_document(doc, check, unsafe=True).source
    return SpecResult(flags, fixed)


def example_failures(rule: Rule, run: Callable[[Rule, Spec], SpecResult] = run_spec) -> list[str]:
    """What is wrong with the rule's documentation examples and specs, each run with `run`;
    empty when all pass."""
    problems = []
    if rule.bad:
        # A rule that compares documents sees its bad example in a run that holds two more copies.
        others = (rule.bad, rule.bad) if isinstance(rule, CorpusRule) else ()
        flags = run(rule, Spec(rule.bad, others=others)).flags
        if not flags:
            problems.append(f"its bad example is not flagged (can the pattern ever match?): {rule.bad!r}")
    if rule.good:
        flags = run(rule, Spec(rule.good)).flags
        if flags:
            problems.append(f"its good example is flagged ({flags}): {rule.good!r}")
    for spec in rule.specs:
        result = run(rule, spec)
        if result.flags != list(spec.flags):
            problems.append(f"spec {spec.text[:40]!r}: expected {list(spec.flags)}, got {result.flags}")
        if spec.fixed is not None and result.fixed != spec.fixed:
            problems.append(f"spec {spec.text[:40]!r}: fix gives {result.fixed!r}, expected {spec.fixed!r}")
    return problems
