"""Configuration: `[tool.wenlint]` in pyproject.toml or wenlint.toml, found upward from a path."""

from .discovery import find_config_file, load_config_file, settings_for
from .settings import CATEGORIES, FORMATS, SCRIPTS, Overrides, Settings

__all__ = [
    "CATEGORIES", "FORMATS", "SCRIPTS", "Overrides", "Settings",
    "find_config_file", "load_config_file", "settings_for",
]
