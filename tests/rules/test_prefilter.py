"""The prefilter of the shipped packs (rules/prefilter.py): the same findings as every rule running
its own patterns, on the seeds and the real documents of the corpus; without Hyperscan, or with a
database it cannot load, every rule runs."""

from __future__ import annotations

import pytest

from conftest import ROOT, SEEDS
from wenlint.config import Settings
from wenlint.documents import load_path
from wenlint.errors import WenlintError
from wenlint.rules import prefilter as prefilter_module
from wenlint.rules.base import RuleContext
from wenlint.rules.prefilter import PackPrefilter, to_hyperscan
from wenlint.rules.registry import builtin_pack_rules

CORPUS = ROOT.parent / "shared" / "corpus"
needs_hyperscan = pytest.mark.skipif(prefilter_module.hyperscan_module() is None, reason="hyperscan not installed")


def _documents():
    paths = sorted(SEEDS.glob("*.txt"))
    for folder in ("dev/docs", "clean/simplified", "clean/traditional", "markdown", "web"):
        if (CORPUS / folder).is_dir():
            paths += sorted(p for p in (CORPUS / folder).rglob("*") if p.suffix in (".txt", ".md"))
    for path in paths:
        try:
            yield load_path(path)
        except WenlintError:
            continue


def _findings(rules, doc, filtered: bool):
    settings = Settings()
    out = []
    for rule in rules:
        saved = rule.prefilter
        if not filtered:
            rule.prefilter = None
        try:
            out += [(rule.code, h.start, h.end, h.message) for h in rule.check(doc, RuleContext(rule, settings))]
        finally:
            rule.prefilter = saved
    return out


@needs_hyperscan
def test_the_prefilter_gives_the_findings_of_the_plain_patterns():
    rules = builtin_pack_rules()
    prefilter = rules[0].prefilter
    assert prefilter is not None and all(rule.prefilter is prefilter for rule in rules)
    documents = skipped = findings = 0
    for doc in _documents():
        filtered = _findings(rules, doc, filtered=True)
        assert filtered == _findings(rules, doc, filtered=False), doc.path
        documents += 1
        findings += len(filtered)
        skipped += sum(not prefilter.may_match(doc, rule.code) for rule in rules)
    assert prefilter._database is not None and not prefilter._unfiltered  # every shipped pattern filtered
    assert findings and skipped > documents  # it found things, and it skipped rules


def test_without_hyperscan_every_rule_runs(monkeypatch):
    monkeypatch.setattr(prefilter_module, "hyperscan_module", lambda: None)
    prefilter = PackPrefilter({"CH002": ["当前位置"]})
    doc = load_path(next(SEEDS.glob("*.txt")))
    assert prefilter.may_match(doc, "CH002")


@needs_hyperscan
def test_a_database_that_cannot_be_loaded_leaves_every_rule_running(monkeypatch, tmp_path):
    monkeypatch.setenv("WENLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(prefilter_module, "_compile", lambda hyperscan, patterns: (b"not a database", ["CH002"], []))
    prefilter = PackPrefilter({"CH002": ["当前位置"]})
    doc = load_path(next(SEEDS.glob("*.txt")))
    assert prefilter.may_match(doc, "CH002") and prefilter._database is None


@needs_hyperscan
def test_a_document_of_lone_surrogates_is_not_filtered():
    prefilter = PackPrefilter({"CH002": ["当前位置"], "CH003": ["首页"]})

    class Doc:
        text = "首页 \udc80"

    assert prefilter.may_match(Doc(), "CH002") and prefilter.may_match(Doc(), "CH003")


def test_unicode_escapes_are_written_for_hyperscan():
    assert to_hyperscan(r"[\u4e00-\u9fff]") == rb"[\x{4e00}-\x{9fff}]"
    assert to_hyperscan(r"\\u4e00") == rb"\\u4e00"  # an escaped backslash, then the letters
