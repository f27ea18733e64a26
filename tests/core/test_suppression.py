"""Inline suppression comments, and WL001 for the ones that suppress nothing."""

from __future__ import annotations

from pathlib import Path

from wenlint.config import Settings
from wenlint.documents import Document
from wenlint.documents.fixes import fix_document
from wenlint.engine.runner import Linter

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "packs" / "demo.toml"
LINTER = Linter(Settings(rule_packs=[PACK], select=["ZZ001", "ZZ002", "WL001"]))


def run(text: str, format: str = "text") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in LINTER.run_rules(Document(text, format=format))]


def test_disable_and_enable_in_markdown():
    text = "XX年\n<!-- wenlint-disable ZZ001 -->\nXX年\n列印\n<!-- wenlint-enable ZZ001 -->\nXX年\n"
    assert run(text, "markdown") == [(1, "ZZ001"), (4, "ZZ002"), (6, "ZZ001")]


def test_disable_all_until_enable():
    text = "<!-- wenlint-disable -->\nXX年 列印\n<!-- wenlint-enable -->\nXX年\n"
    assert run(text, "markdown") == [(4, "ZZ001")]


def test_disable_next_line_skips_blank_lines_and_line_form():
    text = "<!-- wenlint-disable-next-line ZZ001 -->\n\nXX年 列印\nXX年\n列印 <!-- wenlint-disable-line script -->\n"
    assert run(text, "markdown") == [(3, "ZZ002"), (4, "ZZ001")]


def test_plain_text_line_form_and_reason():
    text = "wenlint-disable-next-line ZZ001 -- 模板里的固定写法\nXX年\n# wenlint-disable-file ZZ002\n列印\n"
    assert run(text, "text") == []


def test_bare_lines_are_not_directives_in_markdown():
    text = "wenlint-disable-next-line ZZ001\nXX年\n"
    assert (2, "ZZ001") in run(text, "markdown")


def test_directive_text_itself_is_not_linted():
    assert run("<!-- wenlint-disable-next-line ZZ001 -- XX年 -->\nXX年\n", "markdown") == []


def test_unused_and_unknown_suppressions_are_reported_and_fixable():
    text = "<!-- wenlint-disable-next-line ZZ001 -->\n正文。\n正文 <!-- wenlint-disable-line QQ123 -->\n"
    findings = LINTER.run_rules(Document(text, format="markdown"))
    assert [(f.line, f.code) for f in findings] == [(1, "WL001"), (3, "WL001")]
    assert "不存在" in findings[1].message
    fixed = fix_document(Document(text, format="markdown"), LINTER.run_rules)
    assert fixed.source == "正文。\n正文\n"


def test_suppressions_for_rules_not_in_this_run_are_left_alone():
    linter = Linter(Settings(rule_packs=[PACK], select=["ZZ002", "WL001"]))
    text = "<!-- wenlint-disable-next-line ZZ001 -->\nXX年\n"
    assert linter.run_rules(Document(text, format="markdown")) == []
