"""Page markers that converted documents keep in their text: `第2页共10页`, `第 2 頁，共 10 頁`,
`- 2 -`, `2/10页`. One definition of what a page marker is, for every family: the structure
rules treat a page-marker line as a break inside a sentence, the number rules count the pages,
the chrome rules delete the markers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import analysis

_DIGITS = "[0-9０-９]{1,4}"
_PAGE = "[页頁]"
# 第2页共10页 / 第 2 頁，共 10 頁 / 第2页/共10页: page `page` of `total`.
PAGE_OF = re.compile(
    rf"第\s*(?P<page>{_DIGITS})\s*{_PAGE}\s*[,，/／]?\s*共\s*(?P<total>{_DIGITS})\s*{_PAGE}"
)
# 第2页: a page number with or without the total.
PAGE_NUMBER = re.compile(rf"第\s*{_DIGITS}\s*{_PAGE}")
# A line that is nothing but a page marker: 第2页共10页, - 2 -, — 3 —, 2/10页.
_BLANK = "[ \\t\\u3000\\xa0]*"
PAGE_LINE = re.compile(
    rf"{_BLANK}(?:{PAGE_OF.pattern}|[-—－–]\s*[0-9]{{1,4}}\s*[-—－–]|{_DIGITS}\s*/\s*{_DIGITS}\s*{_PAGE}){_BLANK}"
)
_PAGE_LINE_STARTS = "页頁-—－–"


def is_page_line(content: str) -> bool:
    """Whether a line (without its line ending) is only a page marker."""
    if not ("页" in content or "頁" in content or content.lstrip(" \t\u3000\xa0")[:1] in "-—－–"):
        return False
    return PAGE_LINE.fullmatch(content) is not None


@dataclass(frozen=True, slots=True)
class PageMarker:
    start: int  # offsets in `doc.text`
    end: int
    page: int
    total: int


@analysis("pages.markers")
def page_markers(doc) -> list[PageMarker]:
    """Every `第N页共M页` marker in the text, in order."""
    text = doc.text
    if "共" not in text or ("页" not in text and "頁" not in text):
        return []
    return [
        PageMarker(m.start(), m.end(), int(m.group("page")), int(m.group("total")))
        for m in PAGE_OF.finditer(text)
    ]
