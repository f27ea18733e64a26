"""The options each built-in rule reads, with their defaults, as declared in config/options.py,
without importing the declarations on every start: every rule class asks for its options when it
is defined, and the declarations (msgspec types, resolved annotations) cost a noticeable part of
a short run. The table is built from them once and kept in the user cache directory
(`wenlint.tables`), keyed by the files that declare them."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

# category -> (option name, default, the rules that read it, the rules whose default differs)
Table = dict[str, list[tuple[str, Any, list[str], dict[str, Any] | None]]]


def rule_options(category: str, code: str) -> dict[str, Any]:
    """The options a built-in rule reads, with its defaults (a rule's `options`; each rule has its
    own copy of a list or table default). The same as `options.rule_options`."""
    return {name: copy.deepcopy((defaults or {}).get(code, default))
            for name, default, rules, defaults in _table().get(category, ()) if code in rules}


@lru_cache(maxsize=1)
def _table() -> Table:
    from ..tables import cached, files_key

    here = Path(__file__).parent
    return cached("option-declarations", _build, files_key([here / "options.py", here / "choices.py"]))


def _build() -> Table:
    from .options import FAMILIES, family_options

    return {category: [(d.name, d.default, list(d.rules), d.defaults) for d in family_options(category).values()]
            for category in FAMILIES}
