"""Document analyses (wenlint.analyses): computed once per document, typed, declared by the
rules that read them, replaceable without touching a rule."""

from __future__ import annotations

import typing

import pytest

from wenlint.analyses import PROVIDERS, analysis, replace, tracking
from wenlint.config import Settings
from wenlint.documents import Document
from wenlint.engine.runner import Linter
from wenlint.rules.base import Rule, Spec
from wenlint.rules.registry import Registry, load_registry
from wenlint.testing import run_spec

SAMPLE = (
    "XX县总工会2023年工作总结\n一、加强组织建设\n全年新建工会12个，其中乡镇5个、企业6个。一是学习，二是宣传。\n"
    "第1页共3页\n| 项目 | 收入 | 支出 |\n|---|---|---|\n| 甲 | 10 | 4 |\n覆盖率达到95%。2023年5月1日—5月3日。\n"
)

calls: list[str] = []


@analysis("test.counted")
def counted(doc) -> int:
    calls.append(doc.path)
    return len(doc.text)


@analysis("test.keyed", key=lambda settings: settings.script)
def keyed(doc, settings) -> str:
    calls.append(settings.script)
    return settings.script


def test_a_provider_runs_once_per_document():
    calls.clear()
    a, b = Document("甲乙丙", path="a.txt"), Document("甲乙", path="b.txt")
    assert counted(a) == counted(a) == 3 and counted(b) == 2
    assert calls == ["a.txt", "b.txt"]
    assert counted.peek(a) == 3 and counted.peek(Document("丁")) is None


def test_a_keyed_provider_runs_once_per_key():
    calls.clear()
    doc = Document("甲")
    simplified, traditional = Settings(script="simplified"), Settings(script="traditional")
    assert keyed(doc, simplified) == "simplified" and keyed(doc, simplified) == "simplified"
    assert keyed(doc, traditional) == "traditional" and keyed(doc, Settings(script="simplified")) == "simplified"
    assert calls == ["simplified", "traditional"]


def test_names_are_unique():
    with pytest.raises(ValueError, match="declared twice"):
        analysis("test.counted")(lambda doc: 0)


def _origin(tp):
    return typing.get_origin(tp) or tp


def test_every_provider_declares_its_result_type_and_keeps_it():
    load_registry(plugins=False)  # imports every family, which declares its analyses
    doc = Document(SAMPLE, path="sample.txt")
    settings = Settings()
    linter = Linter(settings)
    linter.run_rules(doc)  # computes what the rules read
    assert {"structure.layout", "number.outline", "lines.short", "script.info"} <= set(PROVIDERS)
    for name, provider in PROVIDERS.items():
        declared = provider.result_type
        assert declared is not None, name
        for key, value in doc.analyses.items():
            owner = key if not isinstance(key, tuple) else key[0]
            if owner is provider and not (isinstance(key, tuple) and key[1] == "arg"):
                expected = tuple(_origin(t) for t in typing.get_args(declared)) if _origin(declared) in (
                    typing.Union, getattr(__import__("types"), "UnionType", typing.Union)) else (_origin(declared),)
                expected = tuple(type(None) if t is None else t for t in expected)
                assert isinstance(value, expected), (name, type(value), declared)


class ReadsUndeclared(Rule):
    code = "ZZ901"
    name = "reads-undeclared"
    category = "structure"
    summary = "s"

    def check(self, doc, ctx):
        counted(doc)
        return ()


class ReadsDeclared(ReadsUndeclared):
    code = "ZZ902"
    name = "reads-declared"
    reads = (counted,)


def test_a_rule_reading_an_undeclared_analysis_is_caught():
    registry = Registry([ReadsUndeclared(), ReadsDeclared()])
    with tracking() as reads:
        Linter(Settings(select=["ZZ901", "ZZ902"]), registry).run_rules(Document("甲乙"))
    assert reads.undeclared == {("rule ZZ901", "test.counted")}


def test_every_rule_declares_the_analyses_it_reads():
    """Each rule's examples and specs, and a sample that exercises the shared analyses."""
    undeclared = set()
    for rule in load_registry(plugins=False):
        with tracking() as reads:
            for spec in (Spec(rule.bad), Spec(rule.good), Spec(SAMPLE), *rule.specs):
                run_spec(rule, spec)
        undeclared |= reads.undeclared
    with tracking() as reads:
        Linter(Settings(select=["ALL"])).run_rules(Document(SAMPLE, path="sample.txt"))
    assert undeclared | reads.undeclared == set()


def test_a_provider_can_be_replaced_without_touching_a_rule():
    from wenlint.rules.number._common import outline

    doc = Document(SAMPLE)
    original = replace(counted, lambda doc: -1)
    try:
        assert counted(doc) == -1
    finally:
        replace(counted, original)
    assert counted(Document("甲")) == 1
    assert outline(doc) is outline(doc)


def test_declared_analyses_exist_and_the_registry_lists_them():
    registry = load_registry(plugins=False)
    declared = registry.analyses()
    assert declared["NM004"][0].startswith("number.") and "structure.layout" in declared["ST007"]
    assert {name for names in declared.values() for name in names} <= set(PROVIDERS)
    for provider in PROVIDERS.values():
        assert all((n if isinstance(n, str) else n.name) in PROVIDERS for n in provider.needs), provider


def test_a_linted_file_is_freed_without_the_cyclic_collector(tmp_path):
    # Analyses refer to their document (a layout keeps it): the engine drops them when the file is
    # done, so a run does not hold every document until the collector finds the cycles.
    import gc
    import weakref

    from wenlint.documents.walk import Target
    from wenlint.engine.run import RunOptions, lint_target, load_target

    linter = Linter(Settings())
    docs = []

    def load(target, settings, options):
        doc = load_target(target, settings, options)
        docs.append(weakref.ref(doc))
        return doc

    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(SAMPLE, encoding="utf-8")
        paths.append(path)
    enabled = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            result = lint_target(Target(str(path), True), linter, RunOptions(), load)
            assert result.findings
        # (a rule may remember the last document it saw)
        assert [ref() is None for ref in docs[:-1]] == [True, True]
    finally:
        if enabled:
            gc.enable()
