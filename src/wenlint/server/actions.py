"""Code actions: a finding's own fix, every safe fix of the document at once, and a comment that
suppresses a finding on its line (see documents/directives.py for the comment's forms)."""

from __future__ import annotations

import re

from lsprotocol import types

from ..documents.directives import find_directives
from ..documents.fixes import fix_with_count
from ..findings import Finding
from .linting import LintResult
from .positions import column_units, offset_position

FIX_ALL_KIND = "source.fixAll.wenlint"
_SHOWN = 16  # characters of flagged text or replacement shown in an action's title


def _shorten(text: str) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _position(result: LintResult, offset: int) -> types.Position:
    """An offset of the document's normalised text as an LSP position."""
    doc = result.doc
    line = doc.line_index(offset)
    column = offset - doc.line_starts[line]
    return types.Position(line=line, character=column_units(result.lines[line], column, result.encoding))


def _what_it_is(finding: Finding, result: LintResult) -> str:
    """The rule's summary without its examples: （网站导航路径）."""
    rule = result.linter.registry.rules.get(finding.code)
    label = rule.summary.split("（", 1)[0].strip() if rule is not None else ""
    return f"（{label}）" if label else ""


def fix_title(finding: Finding, result: LintResult) -> str:
    """What the fix does: 删除这一行（网站导航路径）, 把「…」改为「…」, 删除「…」."""
    edits = finding.raw_fix.edits
    if len(edits) == 1:
        edit = edits[0]
        text = result.doc.source[edit.start : edit.end]
        if not edit.content:
            whole_lines = (edit.start == 0 or result.doc.source[edit.start - 1] == "\n") and (
                text.endswith("\n") or edit.end == len(result.doc.source)
            )
            if whole_lines:
                count = text.count("\n") + (0 if text.endswith("\n") else 1)
                what = "删除这一行" if count == 1 else f"删除这 {count} 行"
                what += _what_it_is(finding, result)
            else:
                what = f"删除「{_shorten(text)}」"
        elif edit.start == edit.end:
            what = f"插入「{_shorten(edit.content)}」"
        else:
            what = f"把「{_shorten(text)}」改为「{_shorten(edit.content)}」"
    else:
        what = f"修复（{len(edits)} 处修改）"
    title = f"{finding.code}：{what}"
    return title if finding.raw_fix.safety == "safe" else f"{title}（不安全修复：改前请核对）"


def _workspace_edit(result: LintResult, edits: list[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
    uri = result.snapshot.uri
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=result.snapshot.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def fix_action(finding: Finding, diagnostic: types.Diagnostic, result: LintResult, versioned: bool) -> types.CodeAction:
    edits = [
        types.TextEdit(range=types.Range(start=_position(result, e.start), end=_position(result, e.end)),
                       new_text=e.content)
        for e in finding.raw_fix.edits
    ]
    return types.CodeAction(
        title=fix_title(finding, result),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=finding.raw_fix.safety == "safe",
        edit=_workspace_edit(result, edits, versioned),
    )


_COMMENT_ARGS = re.compile(r"<!--[ \t]*wenlint-disable-line(?P<args>.*?)[ \t]*-->")


def suppression_action(finding: Finding, diagnostic: types.Diagnostic, result: LintResult,
                       versioned: bool) -> types.CodeAction:
    """`<!-- wenlint-disable-line CODE -->` at the end of the finding's first line, or the code
    added to such a comment already there. The comment is masked out before rules run, so the
    rules read the line as before."""
    row = finding.line - 1
    line = result.lines[row]
    existing = next(
        (d for d in find_directives(line, result.doc.format)
         if d.kind == "disable-line" and d.selectors and line.startswith("<!--", d.start)),
        None,
    )
    if existing is not None:
        args = _COMMENT_ARGS.match(line, existing.start).group("args")
        reason = f" --{args.split('--', 1)[1].rstrip()}" if "--" in args else ""
        new_text = f"<!-- wenlint-disable-line {', '.join((*existing.selectors, finding.code))}{reason} -->"
        start, end = existing.start, existing.end
    else:
        new_text = f" <!-- wenlint-disable-line {finding.code} -->"
        start = end = len(line)
    range_ = types.Range(
        start=types.Position(line=row, character=column_units(line, start, result.encoding)),
        end=types.Position(line=row, character=column_units(line, end, result.encoding)),
    )
    return types.CodeAction(
        title=f"{finding.code}：在这一行停用此规则（wenlint-disable-line）",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_workspace_edit(result, [types.TextEdit(range=range_, new_text=new_text)], versioned),
    )


def fix_all_title(count: int) -> str:
    return f"wenlint：修复本文件中所有可安全修复的问题（{count} 处）"


def fix_all_edit(result: LintResult, versioned: bool) -> types.WorkspaceEdit | None:
    """Every safe fix of the document (repeated until none is left, as `--fix` does), as one edit
    replacing the part of the text that changed."""
    doc = result.doc
    outcome = fix_with_count(doc, result.linter.run_rules, unsafe=False)
    new = outcome.document.raw
    old = doc.raw
    if new == old:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    # Never split a "\r\n": LSP has no position between its two characters.
    if start and old[start - 1] == "\r":
        start -= 1
    if end and old[len(old) - end] == "\n" and len(old) - end > start and old[len(old) - end - 1] == "\r":
        end -= 1
    first = offset_position(old, start, result.encoding)
    last = offset_position(old, len(old) - end, result.encoding)
    edit = types.TextEdit(
        range=types.Range(start=types.Position(line=first[0], character=first[1]),
                          end=types.Position(line=last[0], character=last[1])),
        new_text=new[start : len(new) - end],
    )
    return _workspace_edit(result, [edit], versioned)
