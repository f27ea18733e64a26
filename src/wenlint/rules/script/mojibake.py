"""SC010: UTF-8 text that was read as Latin-1 / Windows-1252 (Ã¤, æ–‡ä»¶, â€œ).

The literal mojibake markers (锟斤拷, 烫烫烫, U+FFFD) are rule SC009 in the pack
rules/script_mojibake.toml."""

from __future__ import annotations

import re

from ...findings import Hit
from ..base import Rule, Spec
from ._runs import rare_spans

# A UTF-8 continuation byte (0x80-0xBF) shown as Latin-1 or as Windows-1252 punctuation.
_CONT = "[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
# Two-byte sequences (Ã¤ = ä), three-byte ones (æ–‡ = 文), and â€ alone (a curly quote whose
# last byte, undefined in Windows-1252, was dropped).
_MOJIBAKE = re.compile(f"(?:[ÂÃ]{_CONT}|[â-ï]{_CONT}{{2}}|â€)+")


class Latin1Mojibake(Rule):
    code = "SC010"
    name = "latin1-mojibake"
    category = "script"
    reads = ("script.rare-spans",)
    severity = "error"
    summary = "乱码：UTF-8 文字被当作 Latin-1 读取（Ã¤、æ–‡ä»¶、â€œ）"
    why = (
        "UTF-8 文字被当作 Latin-1 或 Windows-1252 读取后，每个汉字变成三个拉丁符号（文件 → "
        "æ–‡ä»¶），弯引号变成 â€œ。这里的文字已经损坏，必须从原稿找回。不处理：正常的带重音"
        "字母的单词（café、naïve）、°、¥ 等符号。"
    )
    bad = "请下载æ–‡ä»¶并填写。"
    good = "请下载文件并填写。"
    fix_doc = "从原稿找回文字，或重新解码（整个文件：按 UTF-8 读取原始字节）；没有自动修正。"
    specs = (
        Spec("请下载æ–‡ä»¶，Ã¤ndern，â€œ引号â€", ("æ–‡ä»¶", "Ã¤", "â€œ", "â€")),
        Spec("café résumé naïve 的设计，“引号”，价格 ¥100，温度 30°C，Âge。"),
    )

    def check(self, doc, ctx):
        text = doc.text
        last = -1
        for start, _ in rare_spans(doc)["latin1"]:
            if start < last:
                continue
            m = _MOJIBAKE.match(text, start)
            if m is None:
                continue
            last = m.end()
            yield Hit(m.start(), m.end(), f"乱码「{m.group()}」：UTF-8 文字被当作 Latin-1 读取了，请从原稿找回这里的文字")
