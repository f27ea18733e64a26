"""Running rules' documented examples and specs: what the test suite, `wenlint explain` and the
generated docs use. Not part of a lint run.

A rule runs on its own (`wenlint.rules.specs`), except a rule the engine computes itself (WL001,
unused suppressions), which runs the way a run computes it: with the default rules and the
engine's suppression pass."""

from __future__ import annotations

from .findings import Hit
from .rules.base import Rule, Spec
from .rules.specs import SpecResult
from .rules.specs import example_failures as _example_failures
from .rules.specs import run_spec as _run_alone

__all__ = ["SpecResult", "example_failures", "run_spec"]


def run_spec(rule: Rule, spec: Spec) -> SpecResult:
    """Lint `spec.text` with this rule (see `wenlint.rules.specs.run_spec`)."""
    if not rule.computed_by_engine:
        return _run_alone(rule, spec)
    return _run_in_engine(rule, spec)


def example_failures(rule: Rule) -> list[str]:
    """What is wrong with the rule's documentation examples and specs; empty when all pass."""
    return _example_failures(rule, run_spec)


def _run_in_engine(rule: Rule, spec: Spec) -> SpecResult:
    from .config import Settings
    from .documents import Document
    from .documents.fixes import fix_document
    from .engine.runner import Linter

    settings = Settings(**spec.settings)
    if spec.options:
        settings.options = {rule.category: dict(spec.options)}
    linter = Linter(settings)

    def check(doc: Document) -> list:
        return [Hit(f.start, f.end, f.message, None, f.raw_fix) for f in linter.run_rules(doc) if f.code == rule.code]

    doc = Document(spec.text, path="spec.txt", format=spec.format)
    hits = sorted(check(doc), key=lambda h: (h.start, h.end))
    flags = [doc.location(h.start, h.end).text for h in hits]
    fixed = fix_document(doc, check, unsafe=True).source if spec.fixed is not None else None
    return SpecResult(flags, fixed)
