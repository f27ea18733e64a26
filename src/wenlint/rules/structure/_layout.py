"""The layout of a document, computed once and shared by the structure rules (an analysis).

Every line is classified: blank, a page marker (`第2页共10页`), end-of-page furniture (`推荐阅读:`
and the list after it, `标签:`, `版权所有`), a heading (`一、加强组织领导`), a short title-like line
(a title, a signature, a date), or text; and we note how it ends (a full stop, a comma, a
semicolon, a colon, an opening quote, or a bare word). Paragraphs are lines in plain text and
Word files (Chinese prose puts one paragraph on a line) and blank-line separated blocks in
Markdown and in hard-wrapped plain text. Quotes and brackets are paired per paragraph, then across
neighbouring paragraphs, so that a quotation broken by a line break is recognised as one.
"""

from __future__ import annotations



from ...analyses import analysis
from ...analyses.outline import BLANK, ENUMERATOR, ENUMERATOR_STARTS, MASKED, PAGE, structure
from ._lexicon import trailer_pattern
from ... import lazyre

# Blanks, and the zero-width characters that PDF and web extraction leave at line ends (they are
# invisible: a line that ends with one ends where its last visible character is).
SPACES = " \t\u3000\xa0\u200b\u200c\u200d\u2060\ufeff"
STOPS = "。！？!?…﹖﹗｡"
CLOSERS_AFTER_STOP = "”’」』）)》】"
CLAUSE = "，,、﹐﹑"
SEMI = "；;﹔"
COLON = "：:﹕"
DASHES = "—－–"
OPENERS = "“‘「『（(《【"

END_STOP, END_CLAUSE, END_SEMI, END_COLON, END_OPEN, END_WORD = (
    "stop", "clause", "semi", "colon", "open", "word",
)
MID_SENTENCE = (END_CLAUSE, END_OPEN, END_WORD)

MARKDOWN_BLOCK = lazyre.compile(r"(?:#{1,6}(?:\s|$)|[-*+]\s|[0-9]{1,3}[.)]\s|\||<|(?:[-*_][ \t]*){3,}$)")
BLOCKQUOTE = lazyre.compile(r"(?:>[ \t]?)+")
# The characters a Markdown block marker or a blockquote starts with (a line of prose starts otherwise).
_MARKDOWN_FIRST = frozenset("#-*+_|<>0123456789")
# Website furniture glued to the end or the start of a line of prose, ignored when deciding
# whether a sentence runs on (`……不断研究新情况,原创:` / `http://提出新举措……`).
TAIL_FURNITURE = lazyre.compile(r"(?:原创|来源|转载|出处)\s*[:：]\s*(?:https?://)?$")
HEAD_FURNITURE = lazyre.compile(r"https?://(?=[\u4e00-\u9fff])")
DATE_LINE = lazyre.compile(
    r"[（(]?\s*(?:[0-9０-９]{2,4}|XX|xx|××|[〇○零一二三四五六七八九]{2,4})\s*年"
    r"(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?)?\s*[）)]?"
)

# A separator or a setext underline (----, ====, ***, ——————): layout, never joined across.
SEPARATOR = lazyre.compile(r"[-=_*~—－=＝·•.。…\s]{3,}")
MARKDOWN_LINK_TAIL = lazyre.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)$")
# An entry of a table of contents: a title, dot leaders, a page number.
TOC_ENTRY = lazyre.compile(r"[.．…·。]{4,}\s*[0-9]{1,4}$")
# An emoticon typed at the end of a sentence (:-) ;) ^_^ :D).
EMOTICON_TAIL = lazyre.compile(r"(?:(?<![0-9A-Za-z])[:;][-']?[)(DPp]|\^[_-]?\^)$")
# A footnote marker after the end of a sentence (。[1], 。①, 。[^2]): the sentence has ended.
FOOTNOTE_TAIL = lazyre.compile(r"(?:\[\^?[0-9]{1,3}\]|[①-⑳]|\^[0-9]{1,3})+$")

KIND_BLANK, KIND_BARRIER, KIND_PAGE, KIND_TRAILER = "blank", "barrier", "page", "trailer"
KIND_HEADING, KIND_ITEM, KIND_SHORT, KIND_PROSE, KIND_TEXT = "heading", "item", "short", "prose", "text"


class Line:
    __slots__ = ("index", "start", "end", "content", "kind", "ends", "enum", "eff_start", "eff_end")

    def __init__(self, index: int, start: int, end: int, content: str, kind: str, ends: str = END_WORD,
                 enum: bool = False) -> None:
        self.index = index
        self.start = start  # offset of the first character that is not a space
        self.end = end  # offset after the last character that is not a space
        self.content = content
        self.kind = kind
        self.ends = ends
        self.enum = enum
        # The same span without website furniture glued to either end.
        self.eff_start = start
        self.eff_end = end

    @property
    def structural(self) -> bool:
        """A line that is never joined to its neighbour: a heading, a list item, a title."""
        return self.kind in (KIND_HEADING, KIND_ITEM, KIND_SHORT)

    @property
    def prose(self) -> bool:
        return self.kind == KIND_PROSE

    def __repr__(self) -> str:
        return f"<Line {self.index + 1} {self.kind} {self.ends} {self.content[:12]!r}>"


def ending(content: str) -> str:
    """How a line's text ends: a full stop, a clause mark, a semicolon, a colon, an opener, a word."""
    if content[-1] in "～~":
        return END_STOP  # an informal sentence end: 敬请期待~
    if EMOTICON_TAIL.search(content, max(0, len(content) - 3)):  # (an emoticon is 3 characters at most)
        return END_STOP  # 很让人振奋 :-)
    if content[-1] in "*_`" and len(content.rstrip("*_`")) > 0:
        content = content.rstrip("*_`")  # the closing marker of Markdown emphasis or code
    if content[-1] == ")" and MARKDOWN_LINK_TAIL.search(content):
        return END_STOP  # a Markdown link or image closes the line: a reference, not a sentence
    if content[-1] in "]①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳0123456789":
        m = FOOTNOTE_TAIL.search(content)
        if m and m.start() > 0:
            content = content[: m.start()].rstrip(SPACES)
    if content[-1] in "）)" and len(content) > 1:
        # A closing note after a full sentence: `……取得了成效。（新华社记者摄）`, `（2011年4月18日）`.
        depth = 0
        for k in range(len(content) - 1, -1, -1):
            c = content[k]
            if c in "）)":
                depth += 1
            elif c in "（(":
                depth -= 1
                if depth == 0:
                    before = content[:k].rstrip(SPACES)
                    if before and ending(before) == END_STOP:
                        return END_STOP
                    break
    if content[-1] in DASHES:
        return END_COLON  # a dash leads into what follows: `究竟是———`
    if content.endswith("..."):
        return END_STOP  # an ellipsis typed as dots
    i = len(content) - 1
    while i >= 0 and content[i] in CLOSERS_AFTER_STOP:
        i -= 1
    if i < len(content) - 1:  # closing marks at the end: "。”" ends a sentence, "“十一五”" does not
        if i >= 1 and content[i] == "." and content[i - 1].isascii() and content[i - 1].isalpha():
            return END_STOP  # an English sentence quoted: 「Stay hungry, stay foolish.」
        return END_STOP if i >= 0 and content[i] in STOPS else END_WORD
    c = content[-1]
    if c in STOPS:
        return END_STOP
    if c in CLAUSE:
        return END_CLAUSE
    if c in SEMI:
        return END_SEMI
    if c in COLON:
        return END_COLON
    if c in OPENERS:
        return END_OPEN
    return END_WORD


# How a line ends when its last character decides alone: any but a closing bracket or quote, or a
# dash, after which `ending` looks further back.
_LOOK_BACK = "）)^DPp" + DASHES + CLOSERS_AFTER_STOP + ".～*_~`]①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳0123456789"
_PLAIN_ENDINGS = {
    **dict.fromkeys(STOPS, END_STOP), **dict.fromkeys(CLAUSE, END_CLAUSE), **dict.fromkeys(SEMI, END_SEMI),
    **dict.fromkeys(COLON, END_COLON), **dict.fromkeys(OPENERS, END_OPEN),
}
_STOP = lazyre.compile("[。！？]")
_PUNCT = lazyre.compile("[，,、；;。！？：]")


def _has_inner_stop(content: str) -> bool:
    return _STOP.search(content, 0, len(content) - 1) is not None


def _markdown_source(line: Line, raw: str) -> None:
    """What the masking hides from a Markdown line: the destination of a link that ends it
    (`> 被引用條文: [第七條](../法.md#第七條)` ends on a reference, not mid-sentence)."""
    if line.kind in (KIND_BLANK, KIND_BARRIER):
        return
    raw = raw.strip(SPACES)
    if raw.endswith(")") and line.ends != END_STOP and MARKDOWN_LINK_TAIL.search(raw):
        line.ends = END_STOP


class Layout:
    def __init__(self, doc, trailer_markers: tuple[str, ...] = ()) -> None:
        self.doc = doc
        text = doc.text
        markdown = doc.format == "markdown"
        self.lines: list[Line] = []
        append = self.lines.append
        classify = self._classify
        # The lines as the structure pass splits and classifies them (wenlint.analyses.outline).
        for shared in structure(doc).lines:
            kind = shared.kind
            if kind == BLANK or kind == MASKED:
                append(Line(shared.index, shared.start, shared.start, "", KIND_BLANK if kind == BLANK else KIND_BARRIER))
                continue
            if kind == PAGE:
                line = Line(shared.index, shared.first, shared.last, shared.content, KIND_PAGE)
            else:
                line = classify(shared.index, shared.first, shared.last, shared.content, markdown, shared.enumerated)
            if markdown and line.ends != END_STOP:
                _markdown_source(line, doc.source[shared.start : shared.end])
            append(line)
        self._mark_trailer(trailer_pattern(trailer_markers))
        self.block_mode = markdown or (doc.format == "text" and self._hard_wrapped())
        self.paragraphs = self._paragraphs()
        if self.block_mode:
            # In a paragraph of several lines, its last line speaks for the paragraph: a short
            # last line of a long paragraph of prose is prose.
            for first, last in self.paragraphs:
                tail = self.lines[last]
                if last > first and tail.kind in (KIND_TEXT, KIND_SHORT) and any(
                    line.kind == KIND_PROSE for line in self.lines[first:last]
                ):
                    tail.kind = KIND_PROSE
        pairs = _Pairs(text, self)
        self.unmatched = pairs.unmatched  # [(offset, mark, "open"|"close")]
        self.mixed = pairs.mixed  # [(open offset, close offset)] of （…) and (…）
        self.joined = pairs.joined  # {(line index of A, line index of B): (open offset, close offset)}
        del text

    # ----- lines ------------------------------------------------------------------------------

    def _classify(self, index: int, start: int, end: int, content: str, markdown: bool, enum: bool) -> Line:
        """`enum`: whether the structure pass read `content` as starting like a heading or a list
        item (its loose reading, `outline.Line.enumerated`)."""
        if content[0] in "-=_*~—－＝·•.。…" and SEPARATOR.fullmatch(content):
            return Line(index, start, end, content, KIND_BARRIER)
        if content[-1].isdigit() and TOC_ENTRY.search(content):
            return Line(index, start, end, content, KIND_ITEM)  # 一、总体要求……………3
        if markdown and content[0] in _MARKDOWN_FIRST:
            quote = BLOCKQUOTE.match(content) if content[0] == ">" else None
            if quote:
                content = content[quote.end():].lstrip(SPACES)
                start = end - len(content)
                if not content:
                    return Line(index, start, end, content, KIND_BLANK)
                enum = content[0] in ENUMERATOR_STARTS and ENUMERATOR.match(content) is not None
            block = MARKDOWN_BLOCK.match(content) if content[0] in _MARKDOWN_FIRST else None
            if block:
                kind = KIND_HEADING if content.startswith("#") else KIND_ITEM
                return Line(index, start, end, content, kind, ending(content), True)
        length = len(content)
        inner_stop = _STOP.search(content, 0, length - 1) is not None
        if enum and length <= 40 and not inner_stop:
            kind = KIND_HEADING
        elif inner_stop or (length >= 40 and _PUNCT.search(content)):
            kind = KIND_PROSE
        elif length <= 25 and not _PUNCT.search(content):
            kind = KIND_SHORT
        else:
            kind = KIND_TEXT
        eff = content
        tail = content[-20:]
        m = TAIL_FURNITURE.search(tail) if (":" in tail or "：" in tail) else None
        if m and len(content) - len(tail) + m.start() > 0:
            eff = content[: len(content) - len(tail) + m.start()].rstrip(SPACES)
        if eff:
            # Most lines end with a mark that decides alone (`ending` looks further only after a
            # closing bracket or quote, or a dash).
            last = eff[-1]
            ends = ending(eff) if last in _LOOK_BACK else _PLAIN_ENDINGS.get(last, END_WORD)
        else:
            ends = END_WORD
        line = Line(index, start, end, content, kind, ends, enum)
        if eff is not content:
            line.eff_end = start + len(eff)
        if content[0] in "hH":
            m = HEAD_FURNITURE.match(content)
            if m:
                line.eff_start = start + m.end()
        return line

    def _mark_trailer(self, pattern) -> None:
        """End-of-page furniture: from the last line that names it (推荐阅读, 标签:, 版权所有…)
        to the end, when only short lines (a list of titles) follow it."""
        start = None
        for line in reversed(self.lines):
            if line.kind in (KIND_BLANK, KIND_BARRIER, KIND_PAGE):
                continue
            if pattern.search(line.content):
                start = line.index
                continue
            if len(line.content) <= 40 and not _has_inner_stop(line.content):
                continue
            break
        self.trailer_start = start
        if start is not None:
            for line in self.lines[start:]:
                if line.kind not in (KIND_BLANK, KIND_BARRIER):
                    line.kind = KIND_TRAILER

    def _hard_wrapped(self) -> bool:
        """Plain text wrapped at a fixed width: most long lines run on into the next one."""
        mid = total = 0
        lines = self.lines
        for a, b in zip(lines, lines[1:]):
            if a.kind in (KIND_PROSE, KIND_TEXT) and b.kind in (KIND_PROSE, KIND_TEXT) and not b.enum:
                if len(a.content) >= 15:
                    total += 1
                    if a.ends in (END_WORD, END_CLAUSE):
                        mid += 1
        return mid >= 4 and mid * 2 >= total

    def _paragraphs(self) -> list[tuple[int, int]]:
        """(first line index, last line index) of every paragraph."""
        paragraphs = []
        if not self.block_mode:
            for line in self.lines:
                if line.kind not in (KIND_BLANK, KIND_BARRIER, KIND_PAGE):
                    paragraphs.append((line.index, line.index))
            return paragraphs
        first = None
        for line in self.lines:
            breaks = line.kind in (KIND_BLANK, KIND_BARRIER, KIND_PAGE)
            starts_block = line.kind in (KIND_HEADING, KIND_ITEM)
            if first is not None and (breaks or starts_block):
                paragraphs.append((first, line.index - 1))
                first = None
            if not breaks:
                if first is None:
                    first = line.index
                if line.kind == KIND_HEADING:
                    paragraphs.append((first, line.index))
                    first = None
        if first is not None:
            paragraphs.append((first, len(self.lines) - 1))
        return paragraphs

    # ----- navigation -------------------------------------------------------------------------

    def content_lines(self) -> list[Line]:
        return [line for line in self.lines if line.kind not in (KIND_BLANK, KIND_BARRIER)]

    def next_content(self, index: int) -> tuple[Line | None, bool, bool]:
        """The next line with text after line `index`, and whether blank lines or a page marker
        lie between (a line of masked code is a barrier: nothing is joined across it)."""
        following = self.__dict__.get("_following")
        if following is None:
            following = self._following = self._compute_following()
        return following[index]

    def _compute_following(self) -> list[tuple[Line | None, bool, bool]]:
        # One walk from the end: each line's next line with text and what lies between.
        result: list[tuple[Line | None, bool, bool]] = [(None, False, False)] * len(self.lines)
        nxt, blank, page = None, False, False
        for i in range(len(self.lines) - 1, -1, -1):
            result[i] = (nxt, blank, page)
            line = self.lines[i]
            if line.kind == KIND_BLANK:
                blank = True
            elif line.kind == KIND_PAGE:
                page = True
            elif line.kind == KIND_BARRIER:
                nxt, blank, page = None, False, False
            else:
                nxt, blank, page = line, False, False
        return result

    def continues(self, b: Line) -> bool:
        """Does line `b` read as the rest of a sentence (not a heading, item, title or furniture)?"""
        if b.kind not in (KIND_PROSE, KIND_TEXT) or b.enum:
            return False
        first = self.doc.text[b.eff_start] if b.eff_start < b.end else ""
        return not (first in "，,、；;：:。！？!?）)》」』”’】" or first in "—…")


def option(ctx, name: str, default=None):
    """A `[tool.wenlint.structure]` option, whichever structure rule declares it."""
    if name in ctx.options:
        return ctx.options[name]
    return ctx.settings.options.get("structure", {}).get(name, default)


def _trailer_markers(ctx) -> tuple[str, ...]:
    return tuple(str(m) for m in option(ctx, "trailer-markers", ()) or ())


@analysis("structure.layout", key=_trailer_markers, needs=(structure,))
def layout(doc, ctx) -> Layout:
    return Layout(doc, _trailer_markers(ctx))


# ----- quotes and brackets -------------------------------------------------------------------

PAIR_TYPES = {
    "“": ("Q", "open"), "”": ("Q", "close"),
    "‘": ("q", "open"), "’": ("q", "close"),
    "「": ("C", "open"), "」": ("C", "close"),
    "『": ("D", "open"), "』": ("D", "close"),
    "（": ("P", "open"), "）": ("P", "close"), "(": ("P", "open"), ")": ("P", "close"),
    "《": ("B", "open"), "》": ("B", "close"),
    "【": ("S", "open"), "】": ("S", "close"),
}
MATE = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
MATE.update({v: k for k, v in MATE.items()})
MATE.update({"｢": "｣", "｣": "｢", '"': "“"})
MARKS = lazyre.compile(r"[“”‘’「」『』（）()《》【】]")
# In the paragraphs that need a closer look, also: a straight " closing a curly “ (a conversion
# left “…"), and the half-width corner brackets ｢ ｣.
_MARKS_ALL = lazyre.compile(r'[“”‘’「」『』（）()《》【】"｢｣]')
_MARK_ALIAS = {"｢": "「", "｣": "」"}
# `1)` `a）` `一)` list markers (also `b)` run into a sentence: 的方式b)实现) and `:)` are not
# closing brackets; `don’t` is not a closing quote.
_LIST_MARKER = lazyre.compile(
    r"(?:(?:^|(?<=[\s。；;，,：:、]))[0-9A-Za-z]{1,2}|(?:^|(?<=[\s。；;，,：:、\u4e00-\u9fff]))[a-z]"
    r"|(?:^|(?<=[\s。；;，,：:、]))[一二三四五六七八九十]{1,3})$"
)


def _not_a_mark(text: str, offset: int, mark: str) -> bool:
    if mark in "’‘":
        # An apostrophe between Latin letters (don’t), also when a line break cut the word (BAN / ’ / AN).
        before = text[max(0, offset - 4) : offset].rstrip(" \n")
        after = text[offset + 1 : offset + 5].lstrip(" \n")
        return (before[-1:].isascii() and before[-1:].isalpha()
                and after[:1].isascii() and after[:1].isalpha())
    before = text[max(0, offset - 3) : offset]
    if before.endswith((":", ";", ":-", ";-")):
        return True
    return _LIST_MARKER.search(before) is not None


MAX_SPAN = 3  # paragraphs a quotation or bracket may run on across (a broken sentence)


def _balanced(marks: list[str]) -> bool:
    if not marks:
        return True
    stack = []
    for mark in marks:  # a pair is the same mark's mate: （) is left for the closer look
        if PAIR_TYPES[mark][1] == "open":
            stack.append(mark)
        elif not stack or MATE[stack.pop()] != mark:
            return False
    return not stack


_MARK_OR_BREAK = lazyre.compile(r"[“”‘’「」『』（）()《》【】\n]")
_ADJACENT_PAIR = lazyre.compile(r"“”|‘’|「」|『』|（）|\(\)|《》|【】")  # （) is looked at closer


def _reduce(marks: str) -> str:
    """What is left of a string of marks once every pair is taken out (nothing: balanced)."""
    while True:
        reduced = _ADJACENT_PAIR.sub("", marks)
        if len(reduced) == len(marks):
            return marks
        marks = reduced


class _Pairs:
    def __init__(self, text: str, lay: Layout) -> None:
        self.unmatched: list[tuple[int, str, str]] = []
        self.joined: dict[tuple[int, int], tuple[int, int]] = {}
        self.mixed: list[tuple[int, int]] = []  # a full-width bracket closed by a half-width one
        lines = lay.lines
        # The marks of every line, what is left of them once their pairs are taken out, for the
        # whole text at once: a paragraph whose lines leave nothing is balanced (as `_balanced`
        # says of its marks; pairs never span a line break here, and taking pairs out in parts
        # leaves what taking them out of the whole would).
        left = _reduce("".join(_MARK_OR_BREAK.findall(text))).split("\n")
        carry: list[tuple[str, int, int]] = []  # (type, offset, paragraph number) still open
        introducing: set[int] = set()  # quotations opened before a colon that introduces a list
        for number, (first, last) in enumerate(lay.paragraphs):
            if not carry and (
                not left[first] if first == last else not _reduce("".join(left[first : last + 1]))
            ):
                continue  # the common case, decided without positions
            start, end = lines[first].start, lines[last].end
            stack: list[tuple[str, int]] = []
            closers: list[tuple[str, int]] = []  # closers without an opener in this paragraph
            for m in _MARKS_ALL.finditer(text, start, end):
                offset = m.start()
                mark = m.group()
                if mark == '"':
                    opened = next((o for k, o in reversed(stack) if k == "Q"), None)
                    if opened is None or _STOP.search(text, opened, offset):
                        continue  # straight quotes pair among themselves
                    mark = "”"  # “专精特新"企业: closes the curly quote of its own sentence
                mark = _MARK_ALIAS.get(mark, mark)
                if (mark in ")）’‘" and _not_a_mark(text, offset, mark)
                        and not (mark in ")）" and any(k == "P" for k, _ in stack))):
                    continue  # `1)` is a list marker unless a bracket is open (…60 - 61）)
                kind, role = PAIR_TYPES[mark]
                if role == "open":
                    stack.append((kind, offset))
                elif stack and stack[-1][0] == kind:
                    _, opened = stack.pop()
                    if kind == "P" and (text[opened] == "(") != (mark == ")"):
                        self.mixed.append((opened, offset))  # （… ) or (… ）
                elif any(k == kind for k, _ in stack):
                    while stack[-1][0] != kind:
                        k, o = stack.pop()
                        self.unmatched.append((o, text[o], "open"))
                    stack.pop()
                else:
                    closers.append((kind, offset))
            # A quotation over several paragraphs opens each of them with “ and closes only the
            # last: the “ left open before a paragraph that starts with “ is right.
            content = lines[first].content
            if content.startswith("“") and carry:
                carry = [c for c in carry if c[0] != "Q" or (number - c[2] > 1 and c[1] not in introducing)]
            # Closers here may close what an earlier paragraph left open (a broken sentence).
            for kind, offset in closers:
                match = None
                for i in range(len(carry) - 1, -1, -1):
                    if carry[i][0] == kind:
                        match = i
                        break
                if match is None:
                    self.unmatched.append((offset, text[offset], "close"))
                    continue
                for k, o, _ in carry[match + 1:]:
                    self.unmatched.append((o, text[o], "open"))
                k, o, opened = carry[match]
                del carry[match:]
                self._join(lay, opened, number, o, offset)
            still = []
            for item in carry:
                if number - item[2] >= MAX_SPAN and not (item[0] == "Q" and item[1] in introducing):
                    self.unmatched.append((item[1], text[item[1]], "open"))
                else:
                    still.append(item)
            carry = still + [(k, o, number) for k, o in stack]
            if stack and stack[-1][0] == "Q" and lines[last].ends == END_COLON:
                # 修改为：“有下列情形之一……： and the items after it: the quotation runs over the
                # list until a paragraph opens with “ or closes it.
                introducing.add(stack[-1][1])
        for k, o, _ in carry:
            self.unmatched.append((o, text[o], "open"))
        self.unmatched.sort()

    def _join(self, lay: Layout, first: int, last: int, open_at: int, close_at: int) -> None:
        paragraphs = lay.paragraphs
        for n in range(first, last):
            a = paragraphs[n][1]
            b = paragraphs[n + 1][0]
            self.joined[(a, b)] = (open_at, close_at)
