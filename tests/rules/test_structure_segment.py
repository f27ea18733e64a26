"""The segmenter's cheap answers (rules/structure/_segment.py) agree with the segmenter."""

from __future__ import annotations

import pytest

from wenlint.rules.structure import _segment

TEXT = (
    "支持战略性新兴产业发展，对固定资产投资给予补助。引导资金投向矿产品加工，推动经济高质量发展。"
    "中办国办联合印发通知，以他们鲜活的事迹教育人。搜狐试用频道的注册会员在單霁翔看來很多。"
)


def test_words_across_a_cut_hold_every_token_the_segmenter_puts_there():
    checked = 0
    for start in range(len(TEXT) - 8):
        window = TEXT[start : start + 8]
        for cut in range(1, len(window)):
            across = _segment.dictionary_words_across(window, cut)
            tokens = {(a, b) for a, b in _segment.dictionary_tokens(window) if a < cut < b}
            if across is None:  # a mark at the cut: the segmenter decides
                continue
            checked += 1
            assert tokens <= set(across), (window, cut)
    assert checked > 400


@pytest.mark.parametrize(("window", "cut", "words"), [
    ("固定资产", 3, [(0, 4), (2, 4)]),  # 固定资产, 资产
    ("中办国办", 2, [(0, 4)]),
    ("推动经济", 2, []),
    ("资产", 0, None),  # no character before the cut
    ("PHP下的", 3, None),  # a Latin letter at the cut
])
def test_words_across_a_cut(window, cut, words):
    assert _segment.dictionary_words_across(window, cut) == words

