"""Numbers as reports write them: digits (`3581`, `247.85`, `1.5万`), Chinese numerals (`十六`,
`八十三`, `两千三百`, `二〇〇八`) and percentages (`72%`, `百分之八十`).

Small numerals (up to 九十九) and plain digits go through a fast path; anything else is handed to
`cn2an`, imported only then (its import costs a tenth of a second or more, which a one-file check
should not pay when the document holds no such numeral).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
         "六": 6, "七": 7, "八": 8, "九": 9}
CN_DIGITS = "〇零○一二两兩三四五六七八九"
CN_NUMERAL = "〇零○一二两兩三四五六七八九十百千万萬亿億"
MULTIPLIER = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "千": 1000}

_SMALL = re.compile(r"([一二两兩三四五六七八九]?)(十?)([一二三四五六七八九]?)")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def small_cn(text: str) -> int | None:
    """一 .. 九十九 without cn2an; None for anything else."""
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


@lru_cache(maxsize=512)
def _cn2an(text: str) -> int | float | None:
    try:
        import cn2an  # lazy: see the module docstring
    except ImportError:  # pragma: no cover - declared dependency
        return None
    try:
        value = cn2an.cn2an(text, "smart")
    except Exception:
        return None
    return value


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
    if all(ch in "〇零○一二三四五六七八九" for ch in text) and len(text) >= 2:
        # 二〇〇八: digit by digit (years)
        return int("".join(str(DIGIT[ch]) for ch in text))
    return _cn2an(text)


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
