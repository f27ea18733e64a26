"""The server's parts without the connection: code units, cancellation, titles, fix-all edits."""

from __future__ import annotations

import threading

import pytest

from wenlint.server.linting import Cancelled, LintService, Snapshot
from wenlint.server.positions import UTF8, UTF16, UTF32, column_chars, column_units, offset_position, units

from .conftest import DRAFT
from .lsp_client import apply_edits, range_of


@pytest.mark.parametrize(
    ("text", "utf8", "utf16", "utf32"),
    [("邓**理论", 11, 5, 5), ("😀", 4, 2, 1), ("𠀀a", 5, 3, 2), ("", 0, 0, 0), ("e\u0301", 3, 2, 2)],
)
def test_units(text, utf8, utf16, utf32):
    assert (units(text, UTF8), units(text, UTF16), units(text, UTF32)) == (utf8, utf16, utf32)


def test_columns_round_trip_around_astral_characters():
    line = "𠀀😀一年来，邓**理论"
    for column in range(len(line) + 1):
        assert column_chars(line, column_units(line, column)) == column
    assert column_units(line, 2) == 4
    assert column_chars(line, 1) == 1  # inside 𠀀: moves to its end
    assert column_chars(line, 99) == len(line)
    assert column_chars("当前位置", 2) == 2


def test_offset_position_counts_every_line_ending():
    text = "甲\r\n乙\r丙\n😀丁"
    assert offset_position(text, text.index("丁")) == (3, 2)
    assert offset_position(text, text.index("丙")) == (2, 0)


class FlipsAfter(threading.Event):
    """A token that reads as set from its `n`-th look on: the text changed mid-lint."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.looks = 0
        self.n = n

    def is_set(self) -> bool:
        self.looks += 1
        return self.looks >= self.n


def test_a_lint_stops_between_rules_once_superseded():
    service = LintService()
    snapshot = Snapshot("file:///a.txt", "/nonexistent/a.txt", 1, DRAFT)
    token = FlipsAfter(5)
    with pytest.raises(Cancelled):
        service.lint(snapshot, token)
    assert token.looks == 5  # it looked before each rule and stopped at the first look that said so
    result = service.lint(snapshot, threading.Event())
    assert {"CH002", "MK001"} <= {f.code for f in result.findings}


def test_diagnostic_ranges_match_an_editors_count():
    result = LintService().lint(Snapshot("untitled:1", None, 1, DRAFT), threading.Event())
    by_code = {d.code: d for d in result.diagnostics}
    mask = by_code["MK001"].range
    expected = range_of(DRAFT, "邓**理论")
    assert (mask.start.line, mask.start.character, mask.end.line, mask.end.character) == (
        expected["start"]["line"], expected["start"]["character"], expected["end"]["line"], expected["end"]["character"]
    )


def test_fix_all_edit_is_the_changed_part_only():
    from wenlint.server.actions import fix_all_edit, fix_title

    text = DRAFT.replace("\n", "\r\n")
    result = LintService().lint(Snapshot("untitled:1", None, 1, text), threading.Event())
    edit = fix_all_edit(result, versioned=False)
    (text_edit,) = edit.changes["untitled:1"]
    as_dict = {
        "range": {"start": {"line": text_edit.range.start.line, "character": text_edit.range.start.character},
                  "end": {"line": text_edit.range.end.line, "character": text_edit.range.end.character}},
        "newText": text_edit.new_text,
    }
    fixed = apply_edits(text, [as_dict])
    assert fixed.startswith("😀𠀀 工会工作总结\r\n") and "\r\n" in fixed and "\n\n" not in fixed.replace("\r\n", "")
    titles = {f.code: fix_title(f, result) for f in result.findings if f.raw_fix}
    assert titles["CH002"] == "CH002：删除这一行（网站导航路径）"
    assert titles["MK001"] == "MK001：把「邓**理论」改为「邓小平理论」（不安全修复：改前请核对）"
