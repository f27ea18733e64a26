"""The values of the configuration that the command line and every run need: the choices of the
keys that take one of a few words, and the default file patterns. Declared here, without msgspec,
and used by the declarations of config/options.py: a run without a configuration file does not
import the machinery that validates one."""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning", "info"]
Script = Literal["simplified", "traditional", "auto"]
Markup = Literal["auto", "text", "markdown"]
Format = Literal["rich", "concise", "json", "jsonl", "csv", "sarif", "github", "junit", "html", "gitlab", "rdjson",
                 "pylint"]

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.docx")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "node_modules",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis",
    "site-packages", "*.egg-info", "build", "dist",
)
