"""Decode a file's bytes: BOM first, then strict UTF-8, then charset-normalizer's detection."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Detector answers folded into the superset codec that decodes (and re-encodes) the same bytes.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "cp950"}


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, bytes]:
    """Return (text, encoding, bom). Raise InputError with a one-line reason when it cannot."""
    if encoding and encoding != "auto":
        return _decode_as(data, name, encoding), encoding, b""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], name, codec), codec, bom
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes); not a text document")
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        pass
    codec = _detect(data)
    if codec is None:
        raise InputError(
            f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5); "
            "pass --encoding if you know it"
        )
    return _decode_as(data, name, codec), codec, b""


# A file without a BOM and without NUL bytes is never UTF-16/32 in practice; the detector
# sometimes proposes them for short Chinese texts.
_NEVER_WITHOUT_BOM = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
_CJK = ("gb18030", "cp950", "big5hkscs")


def _detect(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data, cp_exclusion=_NEVER_WITHOUT_BOM).best()
    codec = _canonical(best.encoding) if best is not None else None
    if codec in _CJK:
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
    return codec


def _canonical(name: str) -> str:
    codec = name.replace("_", "-").lower()
    return _SUPERSETS.get(codec.replace("-", ""), codec)


def _decodes_to_han(data: bytes, codec: str) -> bool:
    try:
        return _mostly_han(data.decode(codec))
    except UnicodeDecodeError:
        return False


def _mostly_han(text: str) -> bool:
    """Most letters beyond ASCII are Han, and nothing decodes to unassigned or control codes."""
    import unicodedata

    letters = han = 0
    for ch in text:
        if ch.isascii():
            continue
        category = unicodedata.category(ch)
        if category in ("Cn", "Co", "Cc"):
            return False
        if category.startswith("L"):
            letters += 1
            han += "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"
    return letters > 0 and han / letters > 0.6


def _decode_as(data: bytes, name: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec} (byte {exc.start}: {exc.reason})") from None
