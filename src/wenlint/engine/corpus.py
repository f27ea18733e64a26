"""Work of the corpus phase done where a document is linted (a pool worker, a Dask worker).

A corpus rule may define `summarise(data, documents, ctx)`: given what its `collect` returned and
the number of documents the run plans, it returns what the corpus phase should receive (ST012
adds the document's MinHash signatures when the run is large enough to need them). The work is
then spread over the workers instead of waiting for the one process that runs `finish`.
"""

from __future__ import annotations

from typing import Any

from .runner import Linter


def summarise(linter: Linter, collected: dict[str, Any], documents: int) -> None:
    for rule in linter.corpus_rules:
        hook = getattr(rule, "summarise", None)
        data = collected.get(rule.code)
        if hook is None or data is None:
            continue
        try:
            collected[rule.code] = hook(data, documents, linter.contexts[rule.code])
        except Exception:  # finish computes what is missing, and reports what fails there
            pass
