"""Which shipped pack patterns may run without the time limit (patterns.runs_in_linear_time)."""

import pytest

from wenlint import lint_text
from wenlint.rules.patterns import runs_in_linear_time
from wenlint.rules.registry import builtin_pack_rules


@pytest.mark.parametrize("pattern", [
    "a[ ]*:[ ]*b", "ab+", r"a[ ]*\d+[ ]*b", "a(?=[ ]*b)", r"a\d*", "[Rr]ights[ \t]+x",
    "内容已被?(?:系统)?屏蔽", r"(?<=^[ \t\u3000]*)第[ \t\u3000]*\d{1,4}[ \t\u3000]*-",
])
def test_linear_shapes(pattern):
    assert runs_in_linear_time(pattern)


@pytest.mark.parametrize("pattern", [
    "[ ]*[:：]?[ ]*", "a[ ]*[:：]?[ ]*b", "a(?:b[ ]*)+", "a[ ]*(?:x|[ ]*y)", "a(?:x*)*",
    "(?<=[ ]+[ ]*)a", "a.*b.*c", r"a(?=[^\n]*b)", "a[^b]*", "[ \t]+(?<=x[ \t]+)", "(?i)a", "(", r"\p{Han}+",
])
def test_shapes_that_keep_the_limit(pattern):
    assert not runs_in_linear_time(pattern)


def test_shipped_packs_keep_the_limit_where_backtracking_can_explode():
    limits = {}
    for rule in builtin_pack_rules():
        rule.patterns  # compiles them
        for source, limit in zip(rule._sources[0], rule._limits):
            limits[(rule.code, source)] = limit
    free = {key for key, limit in limits.items() if limit is None}
    assert len(free) >= 40  # most patterns start with a literal and run without the limit
    assert all(runs_in_linear_time(source) for _, source in free)
    # blanks, an optional colon, blanks: quadratic on a long run of blanks
    assert any(code == "CH010" and source.startswith("ICP") for code, source in set(limits) - free)
    assert all(code != "ST002" for code, _ in free)


def test_user_packs_always_keep_the_limit(tmp_path):
    from wenlint.rules.packs import load_pack

    pack = tmp_path / "p.toml"
    pack.write_text(
        '[pack]\nname = "p"\ncategory = "demo"\n\n[[rules]]\ncode = "ZZ001"\nname = "zz"\n'
        'summary = "s"\nmessage = "m"\npatterns = ["内容已被屏蔽"]\nbad = "内容已被屏蔽"\n',
        encoding="utf-8",
    )
    (rule,) = load_pack(pack)
    assert rule._limits == [False]
    assert lint_text("内容已被屏蔽", select=["MK003"])
