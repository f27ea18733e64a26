"""Decode a file's bytes: BOM first, then strict UTF-8, then a Chinese national encoding.

Only the encodings a Chinese document plausibly uses are accepted: UTF-8/16/32, the GB18030
family (GB2312, GBK) and the Big5 family. A guess must also read as text: control characters,
unassigned or private-use code points mark bytes that merely happen to decode (random bytes decode
as some single-byte code page, or as GB18030, almost always), and decoded Han text must mostly be
characters in common use. UTF-16 without a BOM is recognised by the same test."""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError
from .. import lazyre

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Detector answers folded into the superset codec that decodes (and re-encodes) the same bytes.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "cp950"}
_UTF16_HINT = "if it is UTF-16 without a byte-order mark, pass --encoding utf-16-le (or utf-16-be)"


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, bytes]:
    """Return (text, encoding, bom). Raise InputError with a one-line reason when it cannot."""
    if encoding and encoding != "auto":
        bom = _own_bom(data, encoding)
        return _decode_as(data[len(bom):], name, encoding), encoding, bom
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], name, codec), codec, bom
    if b"\x00" in data[:8192]:
        found = _utf16(data)
        if found is not None:
            return found
        raise InputError(f"{name}: binary file (NUL bytes); not a text document ({_UTF16_HINT})")
    text = _strict(data, "utf-8")
    if text is not None:
        if not looks_like_text(text):
            raise InputError(f"{name}: binary file (control characters); not a text document")
        return text, "utf-8", b""
    codec = _detect(data)
    if codec is None:
        found = _utf16(data)  # Han text alone in UTF-16 has no NUL byte
        if found is not None:
            return found
        raise InputError(
            f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5); "
            "pass --encoding if you know it"
        )
    return _decode_as(data, name, codec), codec, b""


def _utf16(data: bytes) -> tuple[str, str, bytes] | None:
    """UTF-16 without a byte-order mark, when one byte order decodes the bytes into text."""
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if text is not None and looks_like_text(text, strict=True):
            return text, codec, b""
    return None


def _own_bom(data: bytes, encoding: str) -> bytes:
    """The BOM `data` starts with when it is the BOM of `encoding` itself (not text: with
    --encoding utf-8 a BOM is not a character of the document)."""
    try:
        wanted = codecs.lookup(encoding).name
    except LookupError:
        return b""
    for bom, codec in _BOMS:
        if data.startswith(bom) and codecs.lookup(codec).name == wanted:
            return bom
    return b""


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


# Control codes other than whitespace (and the DOS end-of-file mark): no document has more than
# a stray one. A guess from nothing but the bytes must also have no unassigned code point and few
# private-use ones (web pages carry icon-font characters there; decoded binary data is full of them).
# A plain character class: `re` scans a whole text for it several times faster than `regex`.
_CONTROL = lazyre.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x84\x86-\x9f]")
_UNASSIGNED = lazyre.compile_regex(r"[\p{Cn}\p{Cs}]")
_PRIVATE = lazyre.compile_regex(r"\p{Co}")


def looks_like_text(text: str, strict: bool = False) -> bool:
    """Hardly any control code; `strict` (a guess with nothing else to go on, such as UTF-16
    without a BOM): none at all, nothing unassigned, few private-use characters, and the
    letters Latin or Han in common use."""
    if strict:
        return (
            _CONTROL.search(text) is None
            and _UNASSIGNED.search(text) is None
            and _count(_PRIVATE, text, len(text) // 20) <= len(text) // 20
            and _plausible_letters(text)
        )
    allowed = max(2, len(text) // 100)
    return _count(_CONTROL, text, allowed) <= allowed


def _count(pattern, text: str, enough: int) -> int:
    """Matches of `pattern` in `text`, counting no further than one past `enough`."""
    return sum(1 for _ in zip(range(enough + 1), pattern.finditer(text)))


def _plausible_letters(text: str) -> bool:
    letters = latin = han = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch.isascii():
                latin += 1
            elif _is_han(ch):
                han += 1
    if letters == 0:
        return False
    return (latin + han) / letters > 0.9 and (han == 0 or _common_han_share(text) > 0.6)


# A file without a BOM and without NUL bytes is never UTF-16/32 in practice; the detector
# sometimes proposes them for short Chinese texts.
_NEVER_WITHOUT_BOM = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
_CJK = ("gb18030", "cp950", "big5hkscs")


def _detect(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_exclusion=_NEVER_WITHOUT_BOM).best()
    codec = _canonical(best.encoding) if best is not None else None
    if codec in _CJK and _decodes_to_han(data, codec):
        return codec
    # The detector declines, or picks a single-byte code page, on short Chinese samples. If a
    # Chinese national encoding decodes the bytes strictly into mostly Han text, ask the detector
    # to choose between those only.
    plausible = [c for c in ("gb18030", "cp950") if _decodes_to_han(data, c)]
    if plausible:
        narrowed = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
        if narrowed is not None and _canonical(narrowed.encoding) in plausible:
            return _canonical(narrowed.encoding)
        return plausible[0]
    return None  # a single-byte code page, EBCDIC, ...: not a Chinese document's encoding


def _canonical(name: str) -> str:
    codec = name.replace("_", "-").lower()
    return _SUPERSETS.get(codec.replace("-", ""), codec)


def _decodes_to_han(data: bytes, codec: str) -> bool:
    try:
        return _mostly_han(data.decode(codec))
    except UnicodeDecodeError:
        return False


def _mostly_han(text: str) -> bool:
    """Most letters beyond ASCII are Han characters in common use, and nothing decodes to
    unassigned or control codes."""
    letters = han = 0
    for ch in text:
        if ch.isascii():
            continue
        category = unicodedata.category(ch)
        if category in ("Cn", "Co", "Cc"):
            return False
        if category.startswith("L"):
            letters += 1
            han += _is_han(ch)
    return letters > 0 and han / letters > 0.6 and _common_han_share(text) > 0.6


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


def _common_han_share(text: str) -> float:
    """The share of the Han characters that are in common use: the first level of GB2312
    (the 3,755 most frequent simplified characters) or of Big5 (the 5,401 most frequent
    traditional ones). Real prose is almost all such characters; bytes that merely decode
    land on them about one time in five."""
    total = common = 0
    for ch in text:
        if _is_han(ch):
            total += 1
            common += _common(ch)
            if total >= 4000:
                break
    return common / total if total else 1.0


def _common(ch: str) -> bool:
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _decode_as(data: bytes, name: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec} (byte {exc.start}: {exc.reason})") from None
