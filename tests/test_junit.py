"""`--format junit`: valid JUnit XML, one testsuite per file, one testcase per finding."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import SEEDS, run_cli

PACK = Path(__file__).parent / "fixtures" / "fixpacks" / "editing.toml"
PACK_ARGS = ("--isolated", "--no-progress", "--rules", str(PACK))


def junit(*args: str, cwd: Path | None = None, select: str = "TF") -> tuple[ET.Element, int]:
    proc = run_cli("check", *PACK_ARGS, "--select", select, "--format", "junit", *args, cwd=cwd)
    assert proc.stdout.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(proc.stdout), proc.returncode


def test_one_testsuite_per_file_and_one_testcase_per_finding(tmp_path):
    for seed in ("002", "003", "001"):
        (src,) = SEEDS.glob(f"{seed}_*.txt")
        shutil.copy(src, tmp_path / src.name)
    root, status = junit(".", cwd=tmp_path, select="TF001")
    assert status == 1
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert sorted(suites) == sorted(p.name for p in tmp_path.iterdir())
    chrome_file = next(n for n in suites if n.startswith("002_"))
    cases = suites[chrome_file].findall("testcase")
    assert [c.get("name") for c in cases] == ["TF001 test-chrome-line (1:1)"]
    failure = cases[0].find("failure")
    assert failure.get("type") == "TF001 warning"
    assert failure.get("message") == "网页残留「欢迎您」：请删除这一行「让写作成为一种习惯,小花文档网欢迎您!」"
    assert failure.text.startswith(f"{chrome_file}:1:1: TF001 warning 网页残留")
    assert cases[0].get("line") == "1" and cases[0].get("file") == chrome_file
    # A clean file is one passing testcase.
    clean = next(n for n in suites if n.startswith("001_"))
    (case,) = suites[clean].findall("testcase")
    assert list(case) == [] and suites[clean].get("failures") == "0" and suites[clean].get("tests") == "1"
    # The totals add up.
    failures = sum(len(s.findall("testcase/failure")) for s in suites.values())
    assert root.get("failures") == str(failures) == "2"
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites.values()))


def test_unreadable_files_are_errors(tmp_path):
    (tmp_path / "ok.txt").write_text("服务民眾\n", encoding="utf-8")
    root, status = junit(str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt"))
    assert status == 2
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    missing = suites[str(tmp_path / "missing.txt")]
    assert missing.get("errors") == "1"
    assert "no such file or directory" in missing.find("testcase/error").get("message")
    assert root.get("errors") == "1" and root.get("failures") == "1"


def test_control_characters_and_markup_still_give_valid_xml(tmp_path):
    path = tmp_path / "odd <&> \"name\".txt"
    path.write_text("欢迎您\x0c<b>&amp;</b>\x01\n", encoding="utf-8")
    root, _ = junit(str(path))
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(path)
    failure = suite.find("testcase/failure")
    assert "\\x0c<b>&amp;</b>\\x01" in failure.get("message")


def test_the_format_can_be_written_to_a_file(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("浏览量:12\n", encoding="utf-8")
    out = tmp_path / "report.xml"
    proc = run_cli("check", *PACK_ARGS, "--select", "TF", "--format", "junit", "--output", str(out), str(doc))
    assert proc.returncode == 1 and proc.stdout == b""
    assert ET.parse(out).getroot().get("failures") == "1"
