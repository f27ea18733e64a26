"""`wenlint check --fix` removes chrome and nothing else: run through the CLI on copies of the seeds
and fixtures, in UTF-8, GBK and with CRLF line endings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chrome"
SOURCES = sorted(SEEDS.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
VARIANTS = {
    "utf8": ("utf-8", "\n"),
    "crlf": ("utf-8", "\r\n"),
    "gbk-crlf": ("gbk", "\r\n"),
}


def _write_copies(tmp_path: Path, variant: str) -> dict[Path, tuple[str, str, str]]:
    """Copies of every source in `variant`: path -> (text with \\n, encoding, newline)."""
    encoding, newline = VARIANTS[variant]
    copies = {}
    for src in SOURCES:
        text = src.read_text(encoding="utf-8")
        try:
            data = text.replace("\n", newline).encode(encoding)
        except UnicodeEncodeError:
            # ©, » and NBSP are not in GBK: use GB18030, which encodes GBK's characters alike.
            encoding = "gb18030"
            data = text.replace("\n", newline).encode(encoding)
        path = tmp_path / src.name
        path.write_bytes(data)
        copies[path] = (text, encoding, newline)
    return copies


def _findings(directory: Path) -> dict[Path, list[dict]]:
    """CH findings per file, as `--format json` reports them (the API runs the same pipeline)."""
    import wenlint

    found: dict[Path, list[dict]] = {}
    for f in wenlint.lint_paths([str(directory)], select=["CH"]):
        found.setdefault(Path(f.path).resolve(), []).append(f.to_dict())
    return found


def _offset(lines: list[str], line: int, column: int) -> int:
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def _apply(text: str, findings: list[dict]) -> str:
    """The text with every finding's fix applied (the edits do not overlap)."""
    lines = text.split("\n")
    edits = sorted(
        (
            _offset(lines, e["line"], e["column"]),
            _offset(lines, e["end_line"], e["end_column"]),
            e["content"],
        )
        for f in findings
        for e in f["fix"]["edits"]
    )
    out, pos = [], 0
    for start, end, content in edits:
        assert start >= pos, "overlapping fixes"
        out.append(text[pos:start])
        out.append(content)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _whole_lines(findings: list[dict], n_lines: int) -> set[int]:
    """Line numbers whose finding deletes the whole line."""
    whole = set()
    for f in findings:
        (e,) = f["fix"]["edits"]
        if e["column"] == 1 and (
            (e["end_line"] == e["line"] + 1 and e["end_column"] == 1) or e["line"] == n_lines
        ):
            whole.add(e["line"])
    return whole


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_fix_removes_chrome_and_nothing_else_and_is_idempotent(tmp_path, variant):
    copies = _write_copies(tmp_path, variant)
    before = _findings(tmp_path)
    assert sum(len(f) for f in before.values()) > 60

    result = run_cli("check", "--fix", "--select", "CH", str(tmp_path))
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")

    for path, (text, encoding, newline) in copies.items():
        findings = before.get(path.resolve(), [])
        data = path.read_bytes()
        # Exactly the declared edits were made, in the file's own encoding and line endings.
        expected = _apply(text, findings)
        assert data == expected.replace("\n", newline).encode(encoding), path.name
        fixed = data.decode(encoding).replace(newline, "\n")
        if newline == "\r\n":
            assert b"\n" not in data.replace(b"\r\n", b"")
        # No line of report text was lost: every line without a finding is still there, in order.
        original = text.split("\n")
        flagged = {f["line"] for f in findings} | {f["end_line"] for f in findings}
        kept = iter(fixed.split("\n"))
        for number, line in enumerate(original, 1):
            if number not in flagged:
                assert any(line == x for x in kept), f"{path.name}:{number} lost: {line[:40]}"
        # Every whole chrome line is gone, every chrome span is gone from its line.
        whole = _whole_lines(findings, len(original))
        remaining = fixed.split("\n")
        for number in whole:
            line = original[number - 1]
            assert remaining.count(line) < original.count(line), f"{path.name}:{number} kept"
        for f in findings:
            if f["line"] not in whole:
                assert f["text"] not in fixed or text.count(f["text"]) > 1, f["text"]

    # A second --fix changes nothing, and nothing fixable is left.
    once = {path: path.read_bytes() for path in copies}
    result = run_cli("check", "--fix", "--select", "CH", str(tmp_path))
    assert result.returncode == 0, result.stdout.decode("utf-8", "replace")
    assert {path: path.read_bytes() for path in copies} == once
    assert _findings(tmp_path) == {}


def test_diff_previews_and_writes_nothing(tmp_path):
    copies = _write_copies(tmp_path, "crlf")
    before = {path: path.read_bytes() for path in copies}
    result = run_cli("check", "--diff", "--select", "CH", str(tmp_path))
    out = result.stdout.decode("utf-8")
    assert "-当前位置:阿达秘书网>工作总结 > 江苏省总工会工作总结" in out
    assert "-国土局文明机关创建工作总结03-27" in out
    assert "+2024—2011年创建“文明机关”工作总结" in out
    assert {path: path.read_bytes() for path in copies} == before


def test_fix_joins_the_sentence_cut_by_an_injected_url(tmp_path):
    (src,) = SEEDS.glob("004_*.txt")
    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    run_cli("check", "--fix", "--select", "CH", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert "不断研究新情况,提出新举措,解决新问题" in fixed
    assert "在每年“五一”、“国庆”、“元旦”期间,都分别组织开展了文体活动" in fixed
    assert "严格控制在省下达采伐限额之内" in fixed
    assert "http://" not in fixed and "推荐阅读" not in fixed and "(共7篇)" not in fixed
