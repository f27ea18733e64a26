"""Find the configuration that applies to a path: the nearest wenlint.toml, .wenlint.toml or
pyproject.toml with a [tool.wenlint] table, looking upward from the path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .settings import Settings, settings_from_table

CONFIG_NAMES = ("wenlint.toml", ".wenlint.toml", "pyproject.toml")


try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, as a package
    import tomli as tomllib


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None


def load_config_file(path: Path) -> Settings:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    data = read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "wenlint" not in tool:
            raise ConfigError(f"{path}: has no [tool.wenlint] table")
        data = tool["wenlint"]
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.wenlint] must be a table")
    return settings_from_table(data, path.resolve())


def find_config_file(start: Path) -> Path | None:
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    return _find_in(directory)


def _find_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.is_file():
            if name != "pyproject.toml" or _has_wenlint_table(candidate):
                return candidate
    if directory.parent != directory:
        return _find_in(directory.parent)
    return None


def _has_wenlint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "[tool.wenlint" in text and "wenlint" in read_toml(path).get("tool", {})


def settings_for(path: Path) -> Settings:
    """Settings from the configuration nearest to `path`, or the defaults."""
    found = find_config_file(path)
    return load_config_file(found) if found else Settings()
