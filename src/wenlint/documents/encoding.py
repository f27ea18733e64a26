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


def _detect(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        codec = best.encoding.replace("_", "-").lower()
        return _SUPERSETS.get(codec.replace("-", ""), codec)
    # The detector declines on short samples; the two Chinese national encodings decode strictly
    # or not at all on real text, so a clean decode is strong evidence.
    for codec in ("gb18030", "cp950"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly_han(text):
            return codec
    return None


def _mostly_han(text: str) -> bool:
    letters = [ch for ch in text if not ch.isspace() and not ch.isascii()]
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff")
    return bool(letters) and han / len(letters) > 0.6


def _decode_as(data: bytes, name: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(f"{name}: unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec} (byte {exc.start}: {exc.reason})") from None
