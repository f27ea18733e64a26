"""The fast paths of the number family against straightforward versions of the same logic: the
helpers were rewritten for speed and must give exactly the same answers (long lines, nesting,
text boundaries, data that does not fit the shortcut)."""

from __future__ import annotations

import pytest

from tests.conftest import flagged
from wenlint.documents import Document
from wenlint.rules.number import _common, counts, dates, percentages, totals, units, years

# ----- sentence_bounds ------------------------------------------------------------------------


def _sentence_bounds_reference(text, pos, ends=_common.SENTENCE_END):
    ls = text.rfind("\n", max(0, pos - 4000), pos) + 1
    le = text.find("\n", pos, pos + 4000)
    le = min(len(text), pos + 4000) if le == -1 else le
    start = max([text.rfind(ch, ls, pos) for ch in ends] + [ls - 1]) + 1
    end = le
    for ch in ends:
        i = text.find(ch, pos, end)
        if i != -1:
            end = i + 1
    return start, end


SENTENCE_TEXTS = [
    "",
    "。",
    "今年是开局之年。明年继续！还有吗？没有了\n第二行。",
    "甲" * 70 + "。" + "乙" * 300 + "丙",  # the sentence end is beyond the first window
    "甲" * 5000 + "。" + "乙" * 100,  # no line break within 4000 characters
    "。" + "甲" * 4100 + "\n" + "乙" * 10 + "!" + "丙" * 50 + "?",
    "\n\n。！\n？",
]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_sentence_bounds_matches_the_plain_version(text):
    ends = {i for i, ch in enumerate(text) if ch in "。！？!?；;\n"}
    near = {i + d for i in ends | {0, len(text)} for d in range(-70, 71)}
    for pos in sorted({p for p in near | set(range(0, len(text) + 1, 17)) if 0 <= p <= len(text)}):
        assert _common.sentence_bounds(text, pos) == _sentence_bounds_reference(text, pos), pos
        assert _common.sentence_bounds(text, pos, _common.CLAUSE_END) == _sentence_bounds_reference(
            text, pos, _common.CLAUSE_END
        ), pos


# ----- _mask_nested ---------------------------------------------------------------------------


def _mask_reference(s):
    out, stack = [], []
    for ch in s:
        if stack and ch == stack[-1]:
            stack.pop()
            out.append(ch)
        elif ch in counts._MASK_PAIRS:
            stack.append(counts._MASK_PAIRS[ch])
            out.append(ch)
        elif stack:
            out.append(counts.FILL)
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("s", [
    "中心组、机关、个人",
    "“绿、洁、美、香、硬”五化",
    "《关于（试行）的、通知》、“一、二”与（甲、“乙、丙”、丁）",
    "“未闭合的、引号",
    "）多余的、右括号”、在前",
    "（(混合」的括号)）、‘单引号’",
    "“”（）",
])
def test_mask_nested_matches_the_plain_version(s):
    assert counts._mask_nested(s) == _mask_reference(s)


# ----- scans that replaced str.find loops -----------------------------------------------------


def test_year_needles_are_found_needle_by_needle():
    text = "建党90週年，建党90周年；十六届五中全會，十六届六中全会，十六届中央委员会第五次全体会议"
    got = years._finds(text, years._PLENUM_SCAN, years._PLENUM_WORDS)
    want = [i for w in years._PLENUM_WORDS for i in range(len(text)) if text.startswith(w, i)]
    assert got == want
    got = years._finds(text, years._ANNIV_SCAN, years._ANNIV_WORDS, 1)
    want = [i for w in years._ANNIV_WORDS for i in range(len(text)) if text.startswith(w, i)]
    assert got == want


def _dash_reference(text):
    out = []
    for i, ch in enumerate(text):
        if ch not in dates._DASHES:
            continue
        j = i - 1
        while j >= 0 and text[j] in " \t\u3000-—–":
            j -= 1
        if j >= 0 and (text[j].isdigit() or text[j] in "年月日号"):
            out.append(i if text[i - 1] not in "-—–" else i - 1)
    return sorted(set(out))


@pytest.mark.parametrize("text", [
    "-2008年至2009年，5月到6月，2010--2011，达到要求，直至年底，①至③，² - ³ ～ 4",
    "到2012年3月 — 12月 ~ 2013年，日至月到号-",
])
def test_dash_positions_match_the_plain_version(text):
    assert dates._dash_positions(Document(text)) == _dash_reference(text)


def test_ratio_scan_falls_back_for_names_of_other_lengths():
    assert percentages._ratio_scan(("民汉", "男女")).search("民汉比例为5:1")
    assert percentages._ratio_scan(("民汉", "男女")).search("男女之比为1:1")
    assert not percentages._ratio_scan(("民汉", "男女")).search("民汉干部，比例为5:1")
    assert percentages._ratio_scan(("男", "民汉")).pattern == "比"


# ----- outline --------------------------------------------------------------------------------


def test_piece_mark_lines_with_punctuation_are_pieces():
    text = ("江苏省总工会工作总结3篇\n\n【篇1】工作总结：甲\n甲\n【篇2】工作总结，乙\n乙\n"
            "【篇3】工作总结。丙\n丙\n")
    o = _common.outline(Document(text))
    assert [p.title for p in o.pieces][-3:] == ["【篇1】工作总结：甲", "【篇2】工作总结，乙", "【篇3】工作总结。丙"]
    assert flagged(text.replace("3篇", "4篇"), "NM004") == ["4篇"]


def test_post_date_prefix_does_not_change_the_year():
    o = _common.outline(Document("发布时间:2022-07-01 19:30:04\n\n2023年工作总结\n"))
    assert o.post_year == 2022
    assert flagged("更新日期：2022-07-01\n\n2023年工作总结\n\n全年工作。", "NM009") == ["2023"]


# ----- two_figures, total lines: scans started from a literal -------------------------------


def _random_texts(alphabet, count=3000, seed=7):
    import random

    rng = random.Random(seed)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)
    ]


FIGURE_TEXTS = [
    "基地约10000（6500）亩。",
    "1(2)人(3)人，1(2)(3)人，12 (3)人，.,5.3（4）名，a.5(6)人，5.（6）万吨",
    "第２０（３）人，１２（５）个，10000（6500）万元，7 ( 8 ) 米",
] + _random_texts("0123456789１２.,  \t（）()人亩万元米a\n")


def _two_figures_by_one_pattern(text):
    """What `two_figures` finds, by the one pattern that starts with the first figure."""
    import re

    pattern = re.compile(r"(\d[\d.,]*)[ \t]*[（(]" + units._IN_BRACKETS)
    return [(m.start(), m.end(), m.group(1), m.group(2)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", FIGURE_TEXTS[:3])
def test_two_figures_examples(text):
    assert [(s, e, a, b) for s, e, a, b in units.two_figures(text)] == _two_figures_by_one_pattern(text)


def test_two_figures_matches_the_pattern():
    for text in FIGURE_TEXTS:
        assert units.two_figures(text) == _two_figures_by_one_pattern(text), text


def test_total_lines_match_the_multiline_pattern():
    import re

    reference = re.compile("(?m)^" + totals._TOTAL_LINE.replace(r"(?=\n|\Z)", "$"))
    for text in ["全县林木总蓄积量18169194立方米。\n国有林5立方米", "总数12人\n\n全年3吨。"] + _random_texts(
        "总全總12 。，人吨\n县年"
    ):
        assert list(totals._total_line_spans(text)) == [m.span() for m in reference.finditer(text)], text
