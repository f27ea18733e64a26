"""wenlint.lazyre: a pattern compiled on first use behaves as the compiled pattern."""

from __future__ import annotations

import pickle
import re

import regex

from wenlint import lazyre


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_the_compiled_one():
    lazy = lazyre.compile(r"(?P<year>[0-9]{4})年", re.M)
    assert "_compiled" not in vars(lazy)
    plain = re.compile(r"(?P<year>[0-9]{4})年", re.M)
    text = "2023年工作总结\n2024年计划"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    compiled = lazy.compiled
    assert isinstance(compiled, re.Pattern) and lazy.compiled is compiled  # once
    assert lazy.search(text).group("year") == "2023"
    assert lazy.match(text) and not lazy.fullmatch(text)
    assert lazy.findall(text) == ["2023", "2024"]
    assert lazy.sub("X", text) == plain.sub("X", text) and lazy.split(text) == plain.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        plain.pattern, plain.flags, plain.groups, dict(plain.groupindex))
    assert re.sub(lazy.compiled, "X", text) == plain.sub("X", text)


def test_the_regex_module_and_its_flags():
    lazy = lazyre.compile_regex(r"\p{Han}+", regex.MULTILINE | regex.VERSION0)
    assert lazy.findall("abc 汉字 def 中文") == ["汉字", "中文"]
    assert isinstance(lazy.compiled, regex.Pattern)


def test_unknown_attributes_and_pickling():
    lazy = lazyre.compile("a+")
    assert not hasattr(lazy, "no_such_method")
    assert pickle.loads(pickle.dumps(lazy)).findall("caab") == ["aa"]
    lazy.search("a")
    assert pickle.loads(pickle.dumps(lazy)).findall("caab") == ["aa"]
