"""The TOML pack format: what a pack can say, and the errors a broken pack gets."""

from __future__ import annotations

import textwrap

import pytest

from wenlint.errors import RulePackError
from wenlint.rules.base import Spec
from wenlint.testing import run_spec
from wenlint.rules.packs import load_pack

HEADER = 'code = "ZZ201"\nname = "demo"\ncategory = "chrome"\nsummary = "s"\n'


def pack(tmp_path, body: str, verify: bool = True):
    path = tmp_path / "pack.toml"
    path.write_text("[[rules]]\n" + HEADER + textwrap.dedent(body), encoding="utf-8")
    return load_pack(path, verify=verify)


def flags(rule, text, **kw):
    return run_spec(rule, Spec(text, **kw)).flags


def test_group_templates_and_extend_line(tmp_path):
    (rule,) = pack(tmp_path, """
        message = "站名「{site}」"
        patterns = ['(?P<site>\\p{Han}{2,6}网)欢迎您']
        group = "site"
        extend = "line"
        fix = "delete"
    """)
    assert flags(rule, "正文\n让写作成为习惯,小花文档网欢迎您!\n正文") == ["让写作成为习惯,小花文档网欢迎您!"]
    assert run_spec(rule, Spec("正文\n小花文档网欢迎您!\n尾", fixed="")).fixed == "正文\n尾"


def test_when_unless_and_exceptions(tmp_path):
    (rule,) = pack(tmp_path, """
        message = "{text}"
        words = ["民眾", "資訊"]
        when = "縣委|工會"
        unless = "台北"
        exceptions = ["資訊"]
    """)
    assert flags(rule, "縣總工會服務民眾，資訊") == ["民眾"]
    assert flags(rule, "服務民眾") == []
    assert flags(rule, "台北縣工會服務民眾") == []


def test_line_scope_never_crosses_lines_but_text_scope_does(tmp_path):
    (line_rule,) = pack(tmp_path, "message = 'x'\npatterns = ['开始[^。]*结束']\n")
    assert flags(line_rule, "开始\n结束") == []
    (text_rule,) = pack(tmp_path, "message = 'x'\npatterns = ['开始[^。]*结束']\nscope = 'text'\n")
    assert flags(text_rule, "开始\n结束") == ["开始\n结束"]


def test_markdown_code_is_not_matched(tmp_path):
    (rule,) = pack(tmp_path, "message = 'x'\nwords = ['XX年']\n")
    assert flags(rule, "`XX年`\n\n```\nXX年\n```\nXX年", format="markdown") == ["XX年"]


@pytest.mark.parametrize(
    "body,error",
    [
        ("message = 'x'\n", "needs patterns, words or swap"),
        ("message = 'x'\npatterns = ['a*']\n", "matches the empty string"),
        ("message = 'x'\npatterns = ['(a']\n", "invalid pattern"),
        ("message = '{nope}'\npatterns = ['a']\n", "template field {nope}"),
        ("message = 'x'\npatterns = ['a']\ngroup = 2\n", "group 2"),
        ("message = 'x'\npatterns = ['a']\nseverity = 'loud'\n", "severity"),
        ("message = 'x'\npatterns = ['a']\nfix = 'replace'\n", "needs a suggestion"),
        ("message = 'x'\npatterns = ['a']\ncolour = 'red'\n", "unknown key"),
        ("patterns = ['a']\n", "missing 'message'"),
        ("message = 'x'\npatterns = ['XX\\\\b年']\nbad = 'XX年'\n", "bad example is not flagged"),
        ("message = 'x'\npatterns = ['XX']\ngood = 'XX年'\n", "good example is flagged"),
        ("message = 'x'\npatterns = ['XX']\n[[rules.specs]]\ntext = 'XX'\nflags = []\n", "expected []"),
    ],
)
def test_broken_rules_name_the_file_and_the_rule(tmp_path, body, error):
    with pytest.raises(RulePackError) as info:
        pack(tmp_path, body)
    assert "pack.toml" in str(info.value) and "ZZ201" in str(info.value) and error in str(info.value)


def test_bad_code_and_name(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[[rules]]\ncode = "Z1"\nname = "x"\ncategory = "chrome"\nsummary = "s"\nmessage = "m"\npatterns = ["a"]\n', encoding="utf-8")
    with pytest.raises(RulePackError, match="two capital letters"):
        load_pack(path)
    path.write_text('[[rules]]\ncode = "ZZ301"\nname = "Not Kebab"\ncategory = "chrome"\nsummary = "s"\nmessage = "m"\npatterns = ["a"]\n', encoding="utf-8")
    with pytest.raises(RulePackError, match="kebab-case"):
        load_pack(path)


def test_duplicate_codes_across_packs_are_an_error(tmp_path):
    from wenlint.rules.registry import Registry

    (first,) = pack(tmp_path, "message = 'x'\npatterns = ['a']\n")
    with pytest.raises(RulePackError, match="already defined"):
        Registry([first, first])
