"""`--format github`: one GitHub Actions workflow command per finding, escaped as GitHub reads
them, so annotations land on the right file, line and column."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def github(*args: str, cwd: Path | None = None) -> list[str]:
    proc = run_cli("check", "--isolated", "--no-progress", "--rules", str(PACK), "--select", "TF,TF004",
                   "--format", "github", *args, cwd=cwd)
    return proc.stdout.decode().splitlines()


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    unescape = lambda v: v.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")  # noqa: E731
    props = dict(item.split("=", 1) for item in m.group("props").split(","))
    return m.group(1), {k: unescape(v) for k, v in props.items()}, unescape(m.group("message"))


def test_one_annotation_per_finding_with_its_position(tmp_path):
    (tmp_path / "a.txt").write_text("小花文档网欢迎您!\n工会XX年总结，服务民眾\n使用Word\n", encoding="utf-8")
    lines = github("a.txt", cwd=tmp_path)
    parsed = [parse(line) for line in lines]
    assert [(level, p["line"], p["col"], p["title"]) for level, p, _ in parsed] == [
        ("warning", "1", "1", "TF001 test-chrome-line"),
        ("notice", "2", "2", "TF004 test-insert-space"),  # 会X: info is a notice
        ("error", "2", "3", "TF005 test-placeholder"),
        ("warning", "2", "11", "TF002 test-swap-word"),
        ("notice", "3", "2", "TF004 test-insert-space"),
    ]
    level, props, message = parsed[3]
    assert props["file"] == "a.txt" and props["endLine"] == "2" and props["endColumn"] == "13"
    assert message == "「民眾」是台湾用语：改为「民众」「民眾」（建议：民众）"


def test_paths_and_messages_are_escaped(tmp_path):
    name = "100%,a:b.txt"
    (tmp_path / name).write_text("浏览量:100%\n", encoding="utf-8")
    (line,) = github(name, cwd=tmp_path)
    assert line.startswith("::warning file=100%25%2Ca%3Ab.txt,line=1,col=1,")
    level, props, message = parse(line)
    assert props["file"] == name
    assert message.endswith("「浏览量:100%」")
    assert "\n" not in line


def test_no_findings_no_output(tmp_path):
    (tmp_path / "clean.txt").write_text("工会2024年工作总结\n", encoding="utf-8")
    assert github("clean.txt", cwd=tmp_path) == []
