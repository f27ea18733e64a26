"""The characters a pack pattern's matches start with (patterns.first_chars): a shipped rule is
not compiled for a document that has none of them, so the set must never be too small."""

from pathlib import Path

import pytest

from wenlint.documents import Document
from wenlint.rules.patterns import first_chars
from wenlint.rules.registry import builtin_pack_rules

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("pattern, chars", [
    (r"(?<=^[ \t]*)第\d", "第"), (r"\(abc", "("), ("[Tt]ags?", "Tt"), ("烫{3,}", "烫"),
    ("版[权權]所有", "版"), (r"^(?=[^\n]{0,9}年)(?<!x)总结", "总"), ("a+b", "a"),
])
def test_readable_starts(pattern, chars):
    assert first_chars(pattern) == frozenset(chars)


@pytest.mark.parametrize("pattern", [
    "a?b", "a*b", "a{0,2}b", "[^a]x", "[a-z]x", r"[\d]x", "(?:x)y", "x|y", r"\d+年", ".x",
    "(?i)abc", "ab(?i)c", r"\1a", "(?<=a(b)c", "",
])
def test_unreadable_starts(pattern):
    assert first_chars(pattern) is None


def _texts(rule):
    yield from (t for t in (rule.bad, rule.good) if t)
    for spec in rule.specs:
        yield spec.text
        yield from spec.others
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", builtin_pack_rules(), ids=lambda r: r.code)
def test_every_match_starts_with_one_of_the_rules_characters(rule):
    if rule._starts is None:
        pytest.skip("no prefilter")
    for text in _texts(rule):
        for pattern in rule.patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    assert text[m.start()] in rule._starts, (pattern.pattern, m.group())


def test_a_rule_is_not_compiled_for_a_document_it_cannot_match():
    from wenlint.rules.packs import load_pack
    from wenlint.rules.registry import builtin_pack_dir

    rule = next(r for r in load_pack(builtin_pack_dir() / "chrome.toml", verify=False) if r.code == "CH010")
    assert rule._starts and not rule._compiled
    from wenlint.config import Settings
    from wenlint.rules.base import RuleContext

    ctx = RuleContext(rule, Settings())
    assert list(rule.check(Document("今年工作总结\n", path="a.txt"), ctx)) == []
    assert not rule._compiled
    assert list(rule.check(Document("版权所有 沪ICP备12345678号\n", path="a.txt"), ctx))
    assert rule._compiled
