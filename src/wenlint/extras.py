"""Optional dependencies: the core install is what `wenlint check` needs; heavier features live in
extras (`wenlint[parquet]`, `[dask]`, `[corpus]`, `[all]`) and say which one they need."""

from __future__ import annotations

import importlib.util

from .errors import ConfigError


def available(*modules: str) -> bool:
    """Whether every module can be imported (without importing it)."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules)
    except (ImportError, ValueError):
        return False


def require(feature: str, extra: str, *modules: str) -> None:
    """Stop with one line naming the extra when a module `feature` needs is not installed."""
    if not available(*modules):
        raise ConfigError(f"{feature} needs the {extra} extra: pip install 'wenlint[{extra}]'")
