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
    severity = "error"
    summary = "乱码：UTF-8 文字被当作 Latin-1 读取（Ã¤、æ–‡ä»¶、â€œ）"
    why = (
        "UTF-8 text read as Latin-1 or Windows-1252 turns every Chinese character into three "
        "Latin symbols (文件 → æ–‡ä»¶) and every curly quote into â€œ. The text there is damaged "
        "and must be recovered from the source. Ordinary accented words (café, naïve) are not "
        "touched."
    )
    bad = "请下载æ–‡ä»¶并填写。"
    good = "请下载文件并填写。"
    fix_doc = (
        "Recover the text from the source, or re-decode it (for a whole file: read the bytes as "
        "UTF-8); nothing is fixed automatically."
    )
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
