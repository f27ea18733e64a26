"""Document analyses shared by rules: named, typed providers memoised per document (see `base`).

The layer sits between documents and rules: it may import `wenlint.documents` (and below), never
the rules, the engine or anything above. Analyses of one family only are declared next to its
rules with the same decorator."""

from .base import PROVIDERS, Analysis, Undeclared, analysis, reading, replace, tracking

__all__ = ["PROVIDERS", "Analysis", "Undeclared", "analysis", "reading", "replace", "tracking"]
