"""Mask rules (MK): masked words (recovered from the phrase table where possible), masked names,
censorship notices, and what is not a mask (Markdown emphasis, bullets, separators, arithmetic)."""

from __future__ import annotations

import pytest
from conftest import flagged, lint, seed_text

from wenlint.config import Settings


def _mk(text: str, path: str = "doc.txt", **kwargs):
    return [(f.text, f.code, f.suggestion) for f in lint(text, "MK", path=path, **kwargs)]


# ----- the seeds ------------------------------------------------------------------------------

def test_seed_masks_and_their_recovered_words():
    got = [(f.line, f.text, f.code, f.suggestion) for f in lint(seed_text("003"), "MK")]
    assert got == [
        (218, "**管理", "MK001", "民主管理"),
        (218, "**监督", "MK001", "民主监督"),
        (218, "**权力", "MK001", "民主权力"),
        (271, "**管理", "MK001", "民主管理"),
        (271, "**管理", "MK001", "民主管理"),
        (271, "**管理", "MK001", "民主管理"),
    ]
    assert [(f.line, f.text, f.suggestion) for f in lint(seed_text("000"), "MK")] == [
        (7, "鄧**理論", "鄧小平理論"),
    ]
    assert [(f.line, f.text, f.code, f.severity) for f in lint(seed_text("004"), "MK")] == [
        (40, "××", "MK002", "info"),
    ]
    assert flagged(seed_text("001"), "MK") == flagged(seed_text("002"), "MK") == []


def test_recovered_word_is_an_unsafe_fix():
    (finding,) = lint("加强了邓**理论的学习", "MK001")
    assert finding.suggestion == "邓小平理论"
    assert finding.fix["safety"] == "unsafe"
    assert finding.fix["edits"][0]["content"] == "邓小平理论"


# ----- masked words ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("学习邓××理论和毛□□思想", [("邓××理论", "MK001", "邓小平理论"), ("毛□□思想", "MK001", "毛泽东思想")]),
        ("學習毛**思想和鄧＊＊理論", [("毛**思想", "MK001", "毛澤東思想"), ("鄧＊＊理論", "MK001", "鄧小平理論")]),
        ("坚持**集中制，开好**生活会", [("**集中制", "MK001", "民主集中制"), ("**生活会", "MK001", "民主生活会")]),
        ("深化厂务公开，推进**管理和**监督", [("**管理", "MK001", "民主管理"), ("**监督", "MK001", "民主监督")]),
        ("保障村民的**权利，完善**选举", [("**权利", "MK001", "民主权利"), ("**选举", "MK001", "民主选举")]),
        ("落實職工**管理制度", [("**管理", "MK001", "民主管理")]),
        ("加强**管理", [("**", "MK001", None)]),  # no governance context: not guessed
        ("该段文字■■无法辨认，□□□□字迹模糊，＊＊已删除", [
            ("■■", "MK001", None), ("□□□□", "MK001", None), ("＊＊", "MK001", None),
        ]),
    ],
)
def test_masked_words(text, expected):
    assert _mk(text) == expected


# ----- masked names ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("在党组书记、局长××以身作则的影响下", ["××"]),
        ("书记＊＊、主任**和局长×××出席会议", ["＊＊", "**", "×××"]),
        ("表彰×××同志", ["×××同志"]),
        ("王**：男，汉族，1975年出生", ["王**"]),
        ("由张*负责，李*、刘**等同志参加", ["张*", "李*", "刘**"]),
        ("被告人王**犯盗窃罪", ["王**"]),
        ("歐陽**同志", ["歐陽**"]),
    ],
)
def test_masked_names(text, expected):
    findings = lint(text, "MK")
    assert [f.text for f in findings] == expected
    assert {f.code for f in findings} == {"MK002"}
    assert {f.severity for f in findings} == {"info"}


# ----- not masks ------------------------------------------------------------------------------

QUIET = [
    "*注：本表数据截至6月底；资金*：含配套资金。",
    "长×宽×高为3×4×5米，a*b=c，C++语言，**kwargs参数，3*4=12，2×3米的展板。",
    "■■■■■■\n□是 □否\n* 项目一\n＊ 项目二",
    "第一部分\n***\n第二部分\n* * *\n第三部分\n×××××××\n",
    "学习邓小平理论，坚持民主集中制，加强民主管理和民主监督。",
    "學習鄧小平理論，堅持民主集中制。",
    "XXX同志、xx县：这些是模板占位符，由PH规则报告",
    "200*年工作总结",
    "姓名*：\n注：带*号的为必填项\n***重要提示***\n**注意**",
]


@pytest.mark.parametrize("text", QUIET)
def test_not_masks(text):
    assert flagged(text, "MK") == []


def test_markdown_emphasis_lists_and_rules_are_not_masks():
    text = (
        "# 总结\n\n这是**粗体**文字，__也是粗体__，*斜体*和***粗斜体***。\n\n"
        "* 列表项一\n* 列表项二\n\n***\n\n- **重点**：加强**管理**\n\n`邓**理论` 在代码里\n"
    )
    assert flagged(text, "MK", path="doc.md") == []


def test_markdown_keeps_an_unpaired_mask():
    assert _mk("加强了邓**理论的学习", path="doc.md") == [("邓**理论", "MK001", "邓小平理论")]


def test_a_ph_span_is_not_reported_again_as_a_mask():
    findings = lint("200*年，××县，××年度，局长××", "PH", "MK")
    assert [(f.text, f.code) for f in findings] == [
        ("200*年", "PH001"), ("××县", "PH006"), ("××年度", "PH001"), ("××", "MK002"),
    ]


# ----- options and the pack -------------------------------------------------------------------

def test_options_add_phrases_and_context_words():
    settings = Settings(options={"mask": {"phrases": {"习**思想": "习近平思想"},
                                          "governance-words": ["业主大会"]}})
    assert _mk("学习习**思想，业主大会**管理", settings=settings) == [
        ("习**思想", "MK001", "习近平思想"), ("**管理", "MK001", "民主管理"),
    ]
    assert _mk("学习习**思想，业主大会**管理") == [("**", "MK001", None), ("**", "MK001", None)]


def test_bad_mask_options_are_ignored():
    settings = Settings(options={"mask": {"phrases": ["not", "a", "table"], "governance-words": 5}})
    assert _mk("邓**理论", settings=settings) == [("邓**理论", "MK001", "邓小平理论")]


def test_script_setting_picks_the_traditional_word():
    settings = Settings(script="traditional")
    assert _mk("毛**思想", settings=settings) == [("毛**思想", "MK001", "毛澤東思想")]
    assert _mk("毛**思想") == [("毛**思想", "MK001", "毛泽东思想")]


def test_censorship_notices():
    text = "加强了（已屏蔽）的学习。该内容已被屏蔽。部分內容未予顯示。【敏感詞】"
    assert [(f.text, f.code) for f in lint(text, "MK003")] == [
        ("已屏蔽", "MK003"), ("内容已被屏蔽", "MK003"), ("部分內容未予顯示", "MK003"), ("敏感詞", "MK003"),
    ]
    assert flagged("我们屏蔽了干扰信号，过滤了敏感数据，内容已经显示", "MK003") == []
