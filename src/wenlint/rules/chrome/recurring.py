"""CH030: a line that recurs verbatim across several documents of a run: probable website chrome
that no list knows (the line-hash idea of web-corpus cleaners).

`collect` hashes each document's candidate lines (digits and blanks normalised) and returns the
hashes with their positions; `finish` counts in how many documents each hash occurs and reports
those in at least `recurring-min-documents` documents. Candidates are short lines that are not
prose: sentences (ending in 。), headings (一、…), salutations (…：), titles (…工作总结) and lines
the list-based chrome rules already know are left out, because reports of one organisation
legitimately share them. Recurrence alone is no evidence either: the section headings of every issue
of a news programme and the article titles of every law recur too, so a line must also have a
furniture feature in the line model (`lines.score`: a furniture phrase or word, a counter, a
separator bar; a date alone does not count)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable

from ...findings import Location
from ..base import CorpusHit, CorpusRule, Spec
from ._common import ENUMERATOR, short_lines
from .lines import DATE, score as furniture_score
from .related import TITLE_END
from ... import lazyre

MAX_LEN = 150
# The line model's score a recurring line needs (one furniture feature: a phrase, a counter; a date
# alone is not one: laws open with their promulgation date).
MIN_SCORE = 1
PROSE_END = "。；;：:，,、"
_BLANKS = lazyre.compile(r"[\s\u3000]+")
_DIGITS = lazyre.compile(r"[0-9０-９]+")
# Lines the list-based rules of the family own; reporting them again would say the same twice.
# (Every alternative of KNOWN and OFFICIAL starts with a literal character, so that `re` skips
# ahead to the characters they start with instead of trying each alternative at every position.)
KNOWN = lazyre.compile(
    r"版权|ICP|Powered|powered|©|Copyright|copyright|欢迎|位置|小编|标签|浏览|阅读|推荐|下载|分享|扫一扫|上一篇|下一篇|"
    r"页|索引号|打印|关闭|http|www\.|仅供参考|范文|文库|秘书网|文档网|篇"
)

# Parts of official documents that an organisation repeats in every document it issues.
OFFICIAL = lazyre.compile(r"印发$|印制$|签发$|抄送|主送|抄报|附件[:：]|此件|联系人|联系电话|邮编|地址[:：]")


def normalise(line: str) -> str:
    return _DIGITS.sub("0", _BLANKS.sub("", line)).lower()


def line_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


class RecurringLine(CorpusRule):
    code = "CH030"
    name = "recurring-line"
    category = "chrome"
    reads = ("lines.short",)
    severity = "info"
    summary = "在多个文档中逐字重复出现的行（可能是未知网站的页眉页脚）"
    why = (
        "同一个网站复制来的文档带着同样的页眉、页脚、广告语。规则清单不可能认识所有网站，"
        "但一行与正文无关的文字在许多互不相干的文档里一字不差地出现，又带着网页元素的特征（网站口号、"
        "“本站”“就上…网”、关注扫码、计数），几乎可以肯定是网站模板内容。"
        "不报告：同一节目每期都有的栏目标题、各部法律都有的条文标题（第一条（立法目的））和公布日期行、标题、称呼、句子。"
    )
    bad = "学习总结就上红星学习网，天天更新好文章"
    good = "我们将继续努力，争取更大成绩！"
    fix_doc = (
        "确认后删除这一行（没有自动修复：重复出现不能证明一定是网站内容）。门槛用 "
        "[tool.wenlint.chrome] recurring-min-documents（默认 3）和 recurring-min-length（默认 10）调整。"
    )
    fix_safety = "none"
    specs = (
        Spec(
            "社区工作总结\n\n学习总结就上红星学习网，天天更新好文章\n今年以来，社区工作取得了新成绩。",
            ("学习总结就上红星学习网，天天更新好文章",),
            others=(
                "教师述职报告\n学习总结就上红星学习网，天天更新好文章\n一年来，本人认真履行职责。",
                "学习总结就上红星学习网，天天更新好文章\n乡镇安全生产工作方案\n为切实做好安全生产工作，特制定本方案。",
            ),
        ),
        Spec(
            "社区工作总结\n学习总结就上红星学习网，天天更新好文章\n正文。",
            (),
            others=("教师述职报告\n学习总结就上红星学习网，天天更新好文章\n正文。",),
            note="two documents are not enough with the default threshold",
        ),
        Spec(
            "县总工会2022年工作总结\n一、加强组织领导，完善工作机制\n尊敬的各位领导、同志们：\n"
            "以上报告，请审议。\n二〇二二年十二月二十日\n2022年12月20日\n红星县人民政府办公室 2022年12月20日印发\n"
            "联系人：张三 联系电话：0577-12345678",
            (),
            others=(
                "县总工会2023年工作总结\n一、加强组织领导，完善工作机制\n尊敬的各位领导、同志们：\n"
                "以上报告，请审议。\n二〇二三年十二月二十日\n2023年12月20日\n红星县人民政府办公室 2023年12月21日印发\n"
                "联系人：张三 联系电话：0577-12345678",
                "县总工会2021年工作总结\n一、加强组织领导，完善工作机制\n尊敬的各位领导、同志们：\n"
                "以上报告，请审议。\n二〇二一年十二月二十日\n2021年12月20日\n红星县人民政府办公室 2021年12月22日印发\n"
                "联系人：张三 联系电话：0577-12345678",
            ),
            note="titles, headings, salutations, sentences, dates and colophons recur legitimately",
        ),
        Spec(
            "第一篇\n本站由红星科技提供技术服务 QQ:12345678\n正文。",
            ("本站由红星科技提供技术服务 QQ:12345678",),
            others=(
                "第二篇\n本站由红星科技提供技术服务 QQ:87654321\n正文。",
                "第三篇\n本站由红星科技提供技术服务 QQ:11112222\n正文。",
            ),
            note="digits are normalised",
        ),
    )

    def collect(self, doc, ctx):
        min_len = _int(ctx.option("recurring-min-length"), 10)
        lines = doc.lines
        found: dict[int, tuple[int, int, int, str]] = {}
        for i in short_lines(doc).lines:
            line = lines[i]
            s = line.strip()
            if not min_len <= len(s) <= MAX_LEN or s[-1] in PROSE_END:
                continue
            if ENUMERATOR.match(s) or KNOWN.search(s) or TITLE_END.search(s) or OFFICIAL.search(s):
                continue
            # Recurrence alone is not evidence: the headings of a programme's every issue and the
            # article titles of every law recur too. The line must also look like furniture.
            if furniture_score(DATE.sub("", s), doc.format == "markdown") < MIN_SCORE:
                continue
            norm = normalise(s)
            if sum(map(str.isalpha, norm)) < 6:
                continue
            h = line_hash(norm)
            if h in found:
                continue
            start = doc.line_starts[i] + (len(line) - len(line.lstrip()))
            loc = doc.location(start, start + len(s))
            found[h] = (loc.line, loc.column, loc.end_column, loc.text)
        return found

    def finish(self, collected, ctx):
        threshold = max(2, _int(ctx.option("recurring-min-documents"), 3))
        counts = document_counts(collected.values(), threshold)
        for path, data in collected.items():
            for h, (line, column, end_column, text) in (data or {}).items():
                n = counts.get(h, 0)
                if n >= threshold:
                    yield CorpusHit(
                        path,
                        Location(line, column, line, end_column, text),
                        f"这一行在本次检查的 {n} 个文档中逐字重复出现（数字不计），很可能是网站的页眉、页脚或广告语："
                        "确认不是正文后请删除这一行",
                    )


# ----- in how many documents each line occurs, in bounded memory -------------------------------

SPILL_AFTER = 1 << 21  # line hashes held in memory (8 bytes each) before they go to files
PART_BITS = 6  # the files, by the top bits of the hash
PARTS = 1 << PART_BITS


def document_counts(documents: Iterable, threshold: int) -> dict[int, int]:
    """In how many documents each line hash occurs, for the hashes in at least `threshold` (a
    document's hashes are distinct: `collect` keeps a line once). The hashes are gathered in an
    array; past SPILL_AFTER of them they go to PARTS temporary files by their top bits, and each
    file is counted alone: memory is in one part of the run's lines and in the recurring ones,
    not in every line of a million documents."""
    held = array("Q")
    parts = None
    try:
        for data in documents:
            held.extend(data or ())
            if len(held) >= SPILL_AFTER:
                parts = parts or _Parts()
                parts.add(held)
                held = array("Q")
        if parts is None:
            return {h: n for h, n in Counter(held).items() if n >= threshold}
        parts.add(held)
        return parts.counts(threshold)
    finally:
        if parts is not None:
            parts.close()


class _Parts:
    def __init__(self) -> None:
        self.directory = tempfile.TemporaryDirectory(prefix="wenlint-lines-")
        self.paths = [os.path.join(self.directory.name, str(k)) for k in range(PARTS)]
        self.files = [open(path, "wb") for path in self.paths]

    def add(self, held: array) -> None:
        import numpy as np

        values = np.sort(np.frombuffer(held, dtype=np.uint64))  # (sorted: the parts are ranges)
        bounds = np.searchsorted(values >> np.uint64(64 - PART_BITS), np.arange(PARTS + 1))
        for k, file in enumerate(self.files):
            file.write(values[bounds[k] : bounds[k + 1]].tobytes())

    def counts(self, threshold: int) -> dict[int, int]:
        import numpy as np

        for file in self.files:
            file.close()
        found: dict[int, int] = {}
        for path in self.paths:
            unique, counts = np.unique(np.fromfile(path, dtype=np.uint64), return_counts=True)
            keep = counts >= threshold
            found.update(zip(unique[keep].tolist(), counts[keep].tolist()))
        return found

    def close(self) -> None:
        for file in self.files:
            file.close()
        self.directory.cleanup()


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
