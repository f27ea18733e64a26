"""The measures of one document, taken while it is linted.

`measure(doc, findings)` runs where the document is (in the main process, a pool worker or a Dask
worker) and returns a small picklable `Measures`; the document's findings are folded into counts
there, so a profile run does not keep findings in memory. Findings that the corpus phase adds
later are folded in with `Measures.add`. `Measures.row(path)` is the document's profile row.

Definitions (see also the README):

- characters: characters of the text after line-ending normalisation (newlines included);
- lines / nonblank_lines: lines of the text, and those with something besides whitespace
  (Markdown code and front matter are masked, so they count as blank);
- han: Han characters (CJK Unified Ideographs, extensions A–G, compatibility ideographs);
- script, script_ratio: `wenlint.rules.script._detect.script_info(doc)`; "unknown" and NaN when
  that module is not installed;
- findings_<category>, findings_<severity>, findings: counts of the findings reported;
  categories other than the seven built-in ones count as findings_other;
- chrome_share: share of non-blank lines where a chrome finding flags non-blank text;
- placeholders: places flagged by placeholder rules, overlapping spans merged (`XX年` flagged by
  one rule and `XX` inside it by another is one placeholder);
- duplicate_share: share of non-blank lines that repeat an earlier line of the same document,
  compared with whitespace runs collapsed to one space and stripped;
- content_hash: BLAKE2b-128 of the text with every whitespace run (line breaks included)
  collapsed to one space and stripped: the same prose in another encoding, with other line
  endings or re-wrapped spacing hashes the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..findings import SEVERITIES, Finding
from ..taxonomy import CATEGORIES
SCRIPTS = ("simplified", "traditional", "mixed", "none", "unknown")

# Runs of Han characters: stdlib `re` on literal ranges is the fastest way to count them.
_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U00030000-\U0003134f]+"
)

_NEWLINE = re.compile(r"\r\n|\r|\n")  # Finding.text is cut from the raw file

_NO_SCRIPT_INFO = object()
_script_info = None  # the detector, once looked up; _NO_SCRIPT_INFO when it is not there


def _detector():
    global _script_info
    if _script_info is None:
        try:
            from ..rules.script._detect import script_info
        except ImportError:
            script_info = _NO_SCRIPT_INFO
        _script_info = script_info
    return None if _script_info is _NO_SCRIPT_INFO else _script_info


def script_of(doc) -> tuple[str, float | None]:
    """(script, ratio) from the SC family's detector; ("unknown", None) without it."""
    detect = _detector()
    if detect is None:
        return "unknown", None
    try:
        info = detect(doc)
    except Exception:  # a detector bug must not take a profile run down
        return "unknown", None
    ratio = getattr(info, "ratio", None)
    return str(info.script), (None if ratio is None else float(ratio))


@dataclass(slots=True)
class Measures:
    encoding: str | None
    characters: int
    lines: int
    nonblank_lines: int
    han: int
    script: str
    script_ratio: float | None
    duplicate_lines: int
    content_hash: str
    counts: dict[str, int] = field(default_factory=dict)
    chrome_lines: set[int] = field(default_factory=set)
    placeholder_spans: set[tuple[int, int, int, int]] = field(default_factory=set)

    def add(self, findings: Iterable[Finding]) -> Measures:
        counts = self.counts
        for f in findings:
            category = f.category if f.category in CATEGORIES else "other"
            for key in (f"findings_{category}", f"findings_{f.severity}", "findings"):
                counts[key] = counts.get(key, 0) + 1
            if f.category == "chrome":
                for offset, piece in enumerate(_NEWLINE.split(f.text)):
                    if piece.strip():
                        self.chrome_lines.add(f.line + offset)
            elif f.category == "placeholder":
                self.placeholder_spans.add((f.line, f.column, f.end_line, f.end_column))
        return self

    def row(self, path: str, more: Iterable[Finding] = ()) -> dict:
        """The profile row, counting `more` findings too (the corpus phase's) without changing
        these measures."""
        more = list(more)
        if more:
            from dataclasses import replace

            copy = replace(self, counts=dict(self.counts), chrome_lines=set(self.chrome_lines),
                           placeholder_spans=set(self.placeholder_spans))
            return copy.add(more).row(path)
        nonblank = self.nonblank_lines
        row = {
            "path": path,
            "encoding": self.encoding,
            "characters": self.characters,
            "lines": self.lines,
            "nonblank_lines": nonblank,
            "han": self.han,
            "script": self.script,
            "script_ratio": float("nan") if self.script_ratio is None else self.script_ratio,
            "findings": self.counts.get("findings", 0),
        }
        for category in (*CATEGORIES, "other"):
            row[f"findings_{category}"] = self.counts.get(f"findings_{category}", 0)
        for severity in SEVERITIES:
            row[f"findings_{severity}"] = self.counts.get(f"findings_{severity}", 0)
        row["chrome_share"] = len(self.chrome_lines) / nonblank if nonblank else 0.0
        row["placeholders"] = _merged(self.placeholder_spans)
        row["duplicate_share"] = self.duplicate_lines / nonblank if nonblank else 0.0
        row["content_hash"] = self.content_hash
        return row


def _merged(spans: set[tuple[int, int, int, int]]) -> int:
    """How many places the spans cover, overlapping spans counted once."""
    count, reach = 0, (0, 0)
    for line, column, end_line, end_column in sorted(spans):
        if (line, column) >= reach:
            count += 1
            reach = (end_line, end_column)
        else:
            reach = max(reach, (end_line, end_column))
    return count


def measure(doc, findings: Iterable[Finding] = ()) -> Measures:
    text = doc.text
    nonblank = duplicates = 0
    seen: set[str] = set()
    for line in doc.lines:
        key = " ".join(line.split())
        if not key:
            continue
        nonblank += 1
        if key in seen:
            duplicates += 1
        else:
            seen.add(key)
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    script, ratio = script_of(doc)
    normalised = " ".join(doc.source.split())
    measures = Measures(
        encoding=doc.encoding,
        characters=len(doc.source),
        lines=lines,
        nonblank_lines=nonblank,
        han=len(text) - len(_HAN.sub("", text)),
        script=script,
        script_ratio=ratio,
        duplicate_lines=duplicates,
        content_hash=hashlib.blake2b(normalised.encode("utf-8"), digest_size=16).hexdigest(),
    )
    return measures.add(findings)
