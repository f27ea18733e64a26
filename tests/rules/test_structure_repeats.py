"""The shortcuts of the repeat and doubling rules (ST004, ST011, ST014, ST015) give the answers of
the plain computations they stand in for."""

from __future__ import annotations

import random
import re

from wenlint.documents import Document
from wenlint.rules.structure.doubling import _UNIT_TWICE, equal_runs, words_twice
from wenlint.rules.structure.repeats import ANCHORS, SHINGLE, may_repeat, repeated_runs, statute

HAN = re.compile("[\u4e00-\u9fff]")


def _repeats_somewhere(stream: str, length: int) -> bool:
    length = max(length, SHINGLE)
    seen = set()
    for i in range(len(stream) - length + 1):
        if stream[i : i + length] in seen:
            return True
        seen.add(stream[i : i + length])
    return False


def test_may_repeat_is_exactly_whether_a_run_occurs_twice():
    # Texts with few, many and no anchors, long stretches without any, and pasted copies.
    rng = random.Random(7)
    alphabets = [ANCHORS[:2], ANCHORS[0] + "甲乙", "甲乙丙", "甲乙丙丁戊己庚辛", ANCHORS + "甲乙丙丁戊己庚辛壬癸子丑寅卯"]
    for _ in range(20000):
        alphabet = rng.choice(alphabets)
        shortest = rng.choice([5, 12, 13, 20, 24, 30])
        stream = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        if rng.random() < 0.5 and stream:
            a = rng.randrange(len(stream))
            b = rng.randint(a, min(len(stream), a + shortest + 10))
            c = rng.randint(0, len(stream))
            stream = stream[:c] + stream[a:b] + stream[c:]
        assert may_repeat(stream, shortest) == _repeats_somewhere(stream, shortest), (stream, shortest)


def test_may_repeat_with_a_sentence_on_every_page():
    # A sentence shorter than a run, repeated in many places: too many copies to compare them
    # all, the answer may be "perhaps" (then the index decides) but never a wrong "no".
    rng = random.Random(4)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)] + list(ANCHORS) * 20
    sentence = "".join(rng.choice(han) for _ in range(70))
    pages = "".join("".join(rng.choice(han) for _ in range(300)) + sentence for _ in range(400))
    assert not _repeats_somewhere(pages, 100) and list(repeated_runs(pages, 100)) == []
    assert may_repeat(pages + pages[:100], 100)


def test_repeated_runs_after_the_proof():
    lead = ("补贴规划纲要提出我国将落实医保关系转移接续办法实现医疗保险缴费年限在各地互认累计合并计算记者了解到实际上"
            "年正式实施的社保法已经明确提出个人跨统筹地区就业的其基本养老保险关系随本人转移")
    stream = "开头" + lead + "中间的话" + lead + "结尾"
    assert may_repeat(stream, 60) and list(repeated_runs(stream, 60)) == [(2, 2 + len(lead) + 4, len(lead))]
    assert not may_repeat(stream, len(lead) + 1) and list(repeated_runs(stream, len(lead) + 1)) == []


def test_statute_needs_five_articles():
    assert statute(Document("".join(f"第{n}条 内容。\n" for n in "一二三四五")))
    assert not statute(Document("".join(f"第{n}条 内容。\n" for n in "一二三四")))
    assert not statute(Document("本条例的条件和条款，" * 10))


def test_doubling_runs_of_han_characters_are_the_runs_of_all_characters():
    """`han` leaves out runs of other characters and keeps the others whole; a word typed twice
    after a run of other characters (which decides where that match ends) is still found."""
    rng = random.Random(5)
    for _ in range(20000):
        alphabet = rng.choice(["国民 \ue000", "国 \n", "国民\ue000", "的的国 ", "甲乙丙 \ue000\n", "国民 😀"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        bmp = all(ord(c) < 0x10000 for c in text)
        for gap in (1, 2):
            every = list(equal_runs(text, gap, 2))
            han = list(equal_runs(text, gap, 2, han=True))
            whole = [(a, b) for a, b in every if HAN.match(text[a]) and (gap == 1 or HAN.match(text[a + 1]))]
            assert han == (whole if bmp else every), (text, gap)
        twice = [(s, s + 4) for first, stop in words_twice(text) for s in range(first, stop, 4)]
        assert twice == [m.span() for m in re.finditer(r"(..)\1", text) if HAN.fullmatch(m[1][0]) and HAN.fullmatch(m[1][1])]


def test_unit_twice_is_found_from_the_duo():
    before = re.compile(r"(?<=[0-9０-９一二三四五六七八九十百千万两])([年月天周个元次倍])多\1")
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice("5两年多月多年\n") for _ in range(rng.randint(0, 25)))
        found = [(m.start() - 1, m.end(), m[1]) for m in _UNIT_TWICE.finditer(text)]
        assert found == [(m.start(), m.end(), m[1]) for m in before.finditer(text)], text


def test_markup_pattern_removes_what_it_removed_with_one_alternative_for_links_and_images():
    from wenlint.rules.structure.repeats import _MARKUP

    before = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]*>|https?://\S+|\[\^?[0-9]+\]")
    rng = random.Random(3)
    parts = ["!", "[", "]", "(", ")", "<", ">", "http://", "https://", "^", "1", "字", " ", "\n", "a"]
    for _ in range(20000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 20)))
        assert _MARKUP.sub("", text) == before.sub("", text), text
