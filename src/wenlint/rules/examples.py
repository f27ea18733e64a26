"""Run a rule's documented examples and specs; the tests and the pack loader both use this."""

from __future__ import annotations

from dataclasses import dataclass

from .base import CorpusRule, Rule, RuleContext, Spec


@dataclass
class SpecResult:
    flags: list[str]
    fixed: str | None


def run_spec(rule: Rule, spec: Spec) -> SpecResult:
    """Lint `spec.text` (and `spec.others`) with this rule alone."""
    from ..config import Settings
    from ..documents import Document
    from ..engine.fixes import fix_document

    settings = Settings(**spec.settings)
    if spec.options:
        settings.options = {rule.category: dict(spec.options)}
    ctx = RuleContext(rule, settings)
    doc = Document(spec.text, path="spec.txt", format=spec.format)
    hits = list(rule.check(doc, ctx))
    flags = [doc.location(h.start, h.end).text for h in sorted(hits, key=lambda h: (h.start, h.end))]
    if isinstance(rule, CorpusRule):
        docs = [doc] + [Document(t, path=f"other{i}.txt", format=spec.format) for i, t in enumerate(spec.others)]
        collected = {d.path: rule.collect(d, ctx) for d in docs}
        corpus = [h for h in rule.finish(collected, ctx) if h.path == doc.path]
        flags += [h.location.text for h in sorted(corpus, key=lambda h: (h.location.line, h.location.column))]
    fixed = None
    if spec.fixed is not None:
        fixed = fix_document(doc, lambda d: list(rule.check(d, ctx)), unsafe=True).source
    return SpecResult(flags, fixed)


def example_failures(rule: Rule) -> list[str]:
    """What is wrong with the rule's documentation examples and specs; empty when all pass."""
    problems = []
    if rule.bad:
        # A rule that compares documents sees its bad example in a run that holds two more copies.
        others = (rule.bad, rule.bad) if isinstance(rule, CorpusRule) else ()
        flags = run_spec(rule, Spec(rule.bad, others=others)).flags
        if not flags:
            problems.append(f"its bad example is not flagged (can the pattern ever match?): {rule.bad!r}")
    if rule.good:
        flags = run_spec(rule, Spec(rule.good)).flags
        if flags:
            problems.append(f"its good example is flagged ({flags}): {rule.good!r}")
    for spec in rule.specs:
        result = run_spec(rule, spec)
        if result.flags != list(spec.flags):
            problems.append(f"spec {spec.text[:40]!r}: expected {list(spec.flags)}, got {result.flags}")
        if spec.fixed is not None and result.fixed != spec.fixed:
            problems.append(f"spec {spec.text[:40]!r}: fix gives {result.fixed!r}, expected {spec.fixed!r}")
    return problems
