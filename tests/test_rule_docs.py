"""Every rule is documented, and its documentation is true: the bad example is flagged, the good
example is not, and every spec flags exactly what it says. Adding a rule adds its cases here."""

from __future__ import annotations

import re

import pytest

from wenlint.config import CATEGORIES
from wenlint.testing import example_failures
from wenlint.rules.registry import load_registry

RULES = list(load_registry(plugins=False))


def test_registry_has_rules():
    assert RULES


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    assert re.fullmatch(r"[A-Z]{2}[0-9]{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.category in CATEGORIES
    assert rule.severity in ("error", "warning", "info")
    for part in ("summary", "why", "bad", "good", "fix_doc"):
        assert getattr(rule, part).strip(), f"{rule.code} has no {part}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples_and_specs(rule):
    assert example_failures(rule) == []


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
