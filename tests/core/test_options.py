"""Typed options: the configuration keys and each family's options are declared once
(config/options.py); the reader, the rules' options, the docs and the JSON schema follow them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wenlint.config.options import FAMILIES, config_keys, family_options, rule_options
from wenlint.config.settings import settings_from_table
from wenlint.docs import config_schema, configuration_page
from wenlint.errors import ConfigError
from wenlint.rules.registry import load_registry
from wenlint.taxonomy import CATEGORIES

from ..conftest import run_cli
from .test_cli_errors import assert_one_line_error

REGISTRY = load_registry(plugins=False)
RULES_DIR = Path(__file__).resolve().parents[2] / "src" / "wenlint" / "rules"


def test_every_family_has_a_declaration_and_every_declared_rule_exists():
    assert tuple(FAMILIES) == CATEGORIES
    for category in CATEGORIES:
        for name, declared in family_options(category).items():
            assert declared.description, name
            assert declared.rules, f"{category}.{name} names no rule"
            for code in declared.rules:
                rule = REGISTRY.rules[code]
                assert rule.category == category, (name, code)
                assert name in rule.options


def test_a_built_in_rules_options_are_its_familys_declarations():
    for rule in REGISTRY:
        if rule.source == "builtin":
            assert rule.options == rule_options(rule.category, rule.code), rule.code
    # a rule whose default differs
    assert REGISTRY.rules["ST013"].options == {"document-wide-min": 3, "extracted-min": 5, "justified-min": 5}
    assert REGISTRY.rules["ST002"].options == {"document-wide-min": 5, "document-wide-share": 0.1}


def test_every_option_a_rule_reads_is_declared_for_it():
    """`ctx.option("x")` in a family's modules names an option declared for that family."""
    for category in CATEGORIES:
        declared = family_options(category)
        for path in (RULES_DIR / category).glob("*.py"):
            for name in re.findall(r'ctx\.option\("([a-z-]+)"\)', path.read_text(encoding="utf-8")):
                assert name in declared, f"{path.name} reads {name!r}, not declared for {category}"


def test_declared_values_are_read_and_coerced():
    settings = settings_from_table(
        {"select": "PH001", "regex-timeout": 1, "structure": {"similarity": 1, "document-wide-min": 4},
         "chrome": {"extra-sites": "红星网"}}, None)
    assert settings.select == ["PH001"]  # a single selector needs no brackets
    assert settings.regex_timeout == 1.0 and isinstance(settings.regex_timeout, float)
    assert settings.options == {"structure": {"similarity": 1.0, "document-wide-min": 4},
                                "chrome": {"extra-sites": ["红星网"]}}


@pytest.mark.parametrize("table,words", [
    ({"respect-gitignore": "yes"}, ["respect-gitignore", "true or false"]),
    ({"max-file-size": 0}, ["max-file-size", "an integer >= 1"]),
    ({"regex-timeout": -1}, ["regex-timeout", "> 0"]),
    ({"markup": "html"}, ["markup must be one of auto, text, markdown"]),
    ({"severity": {"PH": "loud"}}, ["severity.PH must be one of error, warning, info"]),
    ({"per-file-ignores": {"a/**": [1]}}, ["per-file-ignores.a/**", "list of strings"]),
    ({"structure": {"similarity": "high"}}, ["[tool.wenlint.structure] similarity must be a number"]),
    ({"script": {"punctuation-width": "wide"}}, ["punctuation-width must be one of auto, full, half"]),
    ({"script": {"artifacts": {"列印": 1}}}, ["artifacts.列印 must be a string"]),
    ({"chrome": 3}, ["[tool.wenlint.chrome] must be a table"]),
    ({"colour": "red"}, ["unknown key 'colour'"]),
])
def test_a_value_of_the_wrong_type_is_one_clear_error(table, words):
    with pytest.raises(ConfigError) as error:
        settings_from_table(table, Path("/p/wenlint.toml"))
    message = str(error.value)
    assert message.startswith("/p/wenlint.toml: ") and "\n" not in message
    for word in words:
        assert word in message, message


def test_a_bad_option_in_a_file_stops_the_cli_with_one_line(tmp_path):
    (tmp_path / "wenlint.toml").write_text("[structure]\nmin-share = 'half'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    assert_one_line_error(run_cli("check", "a.txt", cwd=tmp_path), "wenlint.toml", "min-share", "a number")


def test_docs_and_schema_come_from_the_declarations():
    page = configuration_page(REGISTRY)
    schema = config_schema(REGISTRY)
    for category in CATEGORIES:
        for name, declared in family_options(category).items():
            assert f"| `{name}` |" in page and declared.description.split("（")[0] in page
            entry = schema["properties"][category]
            entry = entry["anyOf"][1] if "anyOf" in entry else entry
            assert entry["properties"][name]["description"].startswith(declared.description)
    for name, declared in config_keys().items():
        assert f"| `{name}` |" in page
    assert schema["properties"]["fail-on"]["enum"] == ["error", "warning", "info"]  # declared order


def test_the_options_of_the_rules_come_from_the_declarations(tmp_path, monkeypatch):
    """Rule classes read their options from a table kept in the cache directory; it holds exactly
    what the declarations give, built or read back."""
    from wenlint.config import defaults

    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    rules = list(load_registry())
    for _ in range(2):  # built, then read back
        defaults._table.cache_clear()
        for rule in rules:
            if rule.source == "builtin":
                assert defaults.rule_options(rule.category, rule.code) == rule_options(rule.category, rule.code)
    assert any(p.name.startswith("option-declarations") for p in (tmp_path / "tables").iterdir())
    defaults._table.cache_clear()
