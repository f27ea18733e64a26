"""Inline suppression comments.

In every format (`<!-- -->` is the only form Markdown accepts, since a bare line would render):

    <!-- wenlint-disable PH001, CH -->        from here on (codes, prefixes or categories; none = all)
    <!-- wenlint-enable -->                   ends earlier disables (all, or the ones named)
    <!-- wenlint-disable-next-line PH001 -->  only the next non-blank line
    某某公司…… <!-- wenlint-disable-line PH -->  only this line
    <!-- wenlint-disable-file MK -->          the whole file

In plain text and Word files the same words may stand alone on a line, optionally after `#` or `//`:

    wenlint-disable-next-line PH001 -- 法律文书模板，某某是固定用语

Anything after `--` is a reason and is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from .. import lazyre

KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")

_BODY = r"wenlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(?P<args>[^\n]*?)"
_COMMENT = lazyre.compile(r"<!--[ \t]*" + _BODY + r"[ \t]*-->")
_BARE_LINE = lazyre.compile(r"^[ \t]*(?:(?:#|//)[ \t]*)?" + _BODY + r"[ \t]*$", re.M)


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str
    selectors: tuple[str, ...]  # empty: every rule
    line: int  # 0-based line of the comment
    start: int  # span of the comment in the document's normalised text
    end: int
    whole_line: bool  # the comment is alone on its line


def _selectors(args: str) -> tuple[str, ...]:
    args = args.split("--", 1)[0]
    return tuple(part for part in re.split(r"[\s,，、]+", args.strip()) if part)


def find_directives(source: str, format: str) -> list[Directive]:
    if "wenlint-" not in source:
        return []
    found: dict[int, Directive] = {}
    patterns = [_COMMENT] if format == "markdown" else [_COMMENT, _BARE_LINE]
    for pattern in patterns:
        for m in pattern.finditer(source):
            if m.start() in found:
                continue
            line_start = source.rfind("\n", 0, m.start()) + 1
            line_end = source.find("\n", m.end())
            line_end = len(source) if line_end == -1 else line_end
            whole = not source[line_start : m.start()].strip() and not source[m.end() : line_end].strip()
            found[m.start()] = Directive(
                kind=m.group("kind"),
                selectors=_selectors(m.group("args")),
                line=source.count("\n", 0, m.start()),
                start=m.start(),
                end=m.end(),
                whole_line=whole,
            )
    return sorted(found.values(), key=lambda d: d.start)
