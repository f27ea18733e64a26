"""Rules: the interface (`base`), TOML packs (`packs`), the registry, and one package per family
(`placeholder`, `mask`, `number`, `chrome`, `script`, `structure`, `meta`) with a module per rule."""

from .base import CorpusHit, CorpusRule, Rule, RuleContext, Spec

__all__ = ["CorpusHit", "CorpusRule", "Rule", "RuleContext", "Spec"]
