"""Numbers as reports write them: digits (`3581`, `247.85`, `1.5万`), Chinese numerals (`十六`,
`八十三`, `两千三百`, `二〇〇八`, `三亿五千万`, `零点五`) and percentages (`72%`, `百分之八十`).

Small numerals (up to 九十九) and plain digits go through a fast path; larger numerals are read by
`parse_cn` below (positional units 十百千 inside sections of 万 and 亿).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from ... import lazyre

DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
         "六": 6, "七": 7, "八": 8, "九": 9}
CN_DIGITS = "〇零○一二两兩三四五六七八九"
CN_NUMERAL = "〇零○一二两兩三四五六七八九十百千万萬亿億"
MULTIPLIER = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "千": 1000}

_SMALL = lazyre.compile(r"([一二两兩三四五六七八九]?)(十?)([一二三四五六七八九]?)")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def small_cn(text: str) -> int | None:
    """一 .. 九十九 (the fast path); None for anything else."""
    if len(text) == 1:
        if text == "十":
            return 10
        return DIGIT.get(text) if text not in "〇零○" else None
    m = _SMALL.fullmatch(text)
    if not m or not m.group(2):
        return None
    tens = DIGIT[m.group(1)] if m.group(1) else 1
    if m.group(1) in ("两", "兩"):
        return None  # 两十 is not written
    return tens * 10 + (DIGIT[m.group(3)] if m.group(3) else 0)


UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
SECTION = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_MIXED = lazyre.compile(r"(\d+(?:\.\d+)?)([十百千万萬亿億]+)")


def _section(text: str) -> int | None:
    """A numeral below 10000 (一千二百零五, 十六, 两百, 三千五): digits times 千百十 units."""
    total, digit, last_unit, pending_zero = 0, None, 10_000, False
    for ch in text:
        if ch in DIGIT:
            if digit is not None:
                return None  # two digits in a row (二三) is not a numeral of this kind
            if DIGIT[ch] == 0:
                pending_zero = True
                continue
            digit = DIGIT[ch]
        elif ch in UNIT:
            unit = UNIT[ch]
            if unit >= last_unit:
                return None  # units must fall: 千…百…十
            if digit is None:
                if unit != 10 or total or pending_zero:
                    return None  # only a leading 十 stands alone (十六); 一百十 is not written
                digit = 1
            total += digit * unit
            digit, last_unit, pending_zero = None, unit, False
        else:
            return None
    if digit is not None:
        if last_unit < 10_000 and not pending_zero and last_unit > 10:
            total += digit * (last_unit // 10)  # 三千五 = 3500, 两万三 is handled by the caller
        else:
            total += digit
    return total


def parse_cn(text: str) -> int | float | None:
    """A Chinese numeral as a number: 两千三百 -> 2300, 三亿五千万 -> 350000000, 零点五 -> 0.5,
    1.5万 -> 15000, 二〇〇八 -> 2008; None when `text` is not one numeral."""
    if not text:
        return None
    m = _MIXED.fullmatch(text)
    if m:
        factor = 1
        for ch in m.group(2):
            factor *= SECTION.get(ch) or UNIT[ch]
        value = Decimal(m.group(1)) * factor
        return int(value) if value == value.to_integral_value() else float(value)
    if "点" in text or "點" in text:
        whole, _, frac = text.replace("點", "点").partition("点")
        head = parse_cn(whole) if whole else 0
        if head is None or not isinstance(head, int) or not frac or any(ch not in DIGIT for ch in frac):
            return None
        return float(f"{head}.{''.join(str(DIGIT[ch]) for ch in frac)}")
    if all(ch in DIGIT for ch in text) and (len(text) >= 3 or set(text) & set("〇零○")):
        return int("".join(str(DIGIT[ch]) for ch in text))  # 二〇〇八: digit by digit (years)
    total, rest = 0, text
    for mark, value in (("亿", 100_000_000), ("億", 100_000_000), ("万", 10_000), ("萬", 10_000)):
        if mark in rest:
            head, _, rest = rest.partition(mark)
            if not head:
                return None
            part = parse_cn(head) if ("万" in head or "萬" in head) else _section(head)
            if part is None or not isinstance(part, int) or part == 0:
                return None
            total += part * value
            if rest and len(rest) == 1 and rest in DIGIT and DIGIT[rest]:
                return total + DIGIT[rest] * value // 10  # 两万三 = 23000
    if rest:
        part = _section(rest)
        if part is None or (total and part >= 10_000):
            return None
        total += part
    return total


def cn_to_number(text: str) -> int | float | None:
    """A Chinese numeral (or a digit string, or a mix like `1.5万`) as a number; None if it is not one."""
    text = text.strip().translate(_FULLWIDTH)
    if not text:
        return None
    if text.isascii() and text.replace(".", "", 1).isdigit():
        return float(text) if "." in text else int(text)
    small = small_cn(text)
    if small is not None:
        return small
    return parse_cn(text)


def cn_to_int(text: str) -> int | None:
    value = cn_to_number(text)
    if value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    return value


class Quantity:
    """A number as written: its value (a Decimal, multipliers such as 万 applied) and the half-width
    of the rounding interval its last written digit implies (`31.9万` ±0.05万)."""

    __slots__ = ("value", "tolerance", "text")

    def __init__(self, value: Decimal, tolerance: Decimal, text: str) -> None:
        self.value = value
        self.tolerance = tolerance
        self.text = text

    def __repr__(self) -> str:
        return f"Quantity({self.text!r})"


def quantity(digits: str, multiplier: str = "") -> Quantity | None:
    """`247.85` + `万` -> 2478500 ± 50."""
    digits = digits.translate(_FULLWIDTH)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    places = len(digits.split(".", 1)[1]) if "." in digits else 0
    tolerance = Decimal(5) * Decimal(10) ** (-places - 1) if places else Decimal(0)
    factor = Decimal(1)
    for ch in multiplier:  # 万亿 = 万 × 亿, 千万 = 千 × 万
        factor *= MULTIPLIER.get(ch, 100 if ch == "百" else 1)
    return Quantity(value * factor, tolerance * factor, digits + multiplier)


def fmt(value: Decimal) -> str:
    """A Decimal as a report writes it: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def percent_value(text: str) -> tuple[Decimal, int] | None:
    """`72%` / `72.2％` / `百分之八十` -> (value, decimal places)."""
    text = text.strip().translate(_FULLWIDTH)
    if text.startswith("百分之"):
        n = cn_to_number(text[3:])
        if n is None:
            return None
        return Decimal(str(n)), 0
    text = text.rstrip("%％")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    places = len(text.split(".", 1)[1]) if "." in text else 0
    return value, places
