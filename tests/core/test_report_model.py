"""The report model and the stream of files from the engine to the reports; one taxonomy."""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest

from wenlint.config import Overrides
from wenlint.engine.run import Run, RunOptions, run
from wenlint.reporting.jsonstream import ITEMS, JsonList
from wenlint.reporting.model import DISABLED, FileReport, RunInfo, Tally
from wenlint.reports import MODULES, ReportOptions, render

SRC = Path(__file__).resolve().parents[2] / "src" / "wenlint"
COPY = "".join(f"第{i}条　各乡镇工会要认真落实职工文化活动的各项安排，做好组织、宣传和总结工作。\n" for i in range(12))


def _imports(path: Path) -> set[str]:
    """The modules a file imports, relative imports resolved against the wenlint package."""
    package = ["wenlint", *path.relative_to(SRC).parent.parts]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted((SRC / "reports").glob("*.py")) + sorted((SRC / "reporting").glob("*.py")),
                         ids=lambda p: p.name)
def test_reports_read_the_model_not_the_engine_nor_the_disk(path):
    imported = _imports(path)
    assert not any(m == "wenlint.engine" or m.startswith("wenlint.engine.") for m in imported), imported
    assert not any(m.startswith("wenlint.documents") for m in imported), "a report must not read files itself"


@pytest.mark.parametrize("document,items", [
    (ITEMS, []),
    (ITEMS, [{"a": [1, {"b": "x\ny"}]}, 2, "三"]),
    ({"runs": [{"tool": {"x": 1}, "results": ITEMS, "after": [1]}]}, [{"q": "中"}, {"r": []}]),
    ({"source": {"a": 1}, "diagnostics": ITEMS}, []),
    ({"findings": ITEMS}, [{"path": "a\\b\"c.txt", "line": 3, "ok": True, "no": False, "fix": None, "text": "\t\u2028中\x00"},
                           {}, {"n": 1.5}, {1: "x"}, {"nested": {"a": None}},
                           {"fix": {"edits": [{"line": 1, "content": ""}], "empty": [], "none": {}}}, [[1, []], {}]]),
])
def test_a_streamed_json_list_is_what_json_dumps_writes(document, items):
    stream = io.StringIO()
    out = JsonList(stream)
    out.open(document)
    out.extend(items)
    out.close()

    def whole(value):
        if value == ITEMS:
            return items
        if isinstance(value, dict):
            return {k: whole(v) for k, v in value.items()}
        return [whole(v) for v in value] if isinstance(value, list) else value

    assert stream.getvalue() == json.dumps(whole(document), ensure_ascii=False, indent=2) + "\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """Nested folders (a walk lists a folder's files before its subfolders': the output is by
    path), a copied document (ST012, found in the corpus phase) and placeholders."""
    (tmp_path / "b" / "sub").mkdir(parents=True)
    (tmp_path / "b" / "z.txt").write_text("XX年工作总结。\n" + COPY, encoding="utf-8")
    (tmp_path / "b" / "sub" / "a.txt").write_text("二〇XX年的计划。\n" + COPY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("今年的工作顺利完成。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_run_streams_files_by_path_with_the_findings_of_a_whole_run(corpus):
    options = RunOptions(isolated=True)
    whole = run(["."], Overrides(), options)
    streamed = list(Run(["."], Overrides(), RunOptions(isolated=True)))
    assert [r.path for r in streamed] == sorted(r.path for r in whole.results)
    assert [f for r in streamed for f in r.findings] == whole.findings
    assert any(f.code == "ST012" for f in whole.findings)  # the corpus phase is in the stream


def test_without_corpus_rules_a_file_is_reported_before_the_next_is_linted(corpus):
    class Progress:
        def __init__(self):
            self.done = []

        def start(self, total):
            pass

        def advance(self, path):
            self.done.append(path)

        def stop(self):
            pass

    progress = Progress()
    stream = iter(Run(["."], Overrides(select=["PH"]), RunOptions(isolated=True), progress))
    first = next(stream)
    assert progress.done == [first.path]
    assert len(list(stream)) == 2


def test_with_corpus_rules_results_wait_on_disk_and_come_back_whole(corpus):
    from wenlint.engine import spill

    put = []
    real = spill.Spill.keep

    def watch(self, result, *rest):
        put.append((result.path, len(result.findings)))
        return real(self, result, *rest)

    spill.Spill.keep = watch
    try:
        streamed = list(Run(["."], Overrides(), RunOptions(isolated=True)))
    finally:
        spill.Spill.keep = real
    assert sorted(p for p, _ in put) == sorted(r.path for r in streamed)
    counts = dict(put)
    for r in streamed:  # what waited plus what the corpus phase added
        assert len(r.findings) == counts[r.path] + sum(f.code == "ST012" for f in r.findings)
        assert r.findings == sorted(r.findings, key=lambda f: f.sort_key)


def test_the_corpus_phase_sets_its_findings_aside_and_a_rule_that_fails_adds_none(corpus, monkeypatch):
    """The findings the corpus phase adds wait on disk (`Spill.add`) until their result is
    replayed, and a rule's hits until it has finished (`Spill.hold`): one that fails after some
    hits adds nothing, as when its hits were listed first."""
    from wenlint.engine import spill
    from wenlint.rules.structure.copies import CopiedDocument

    added = []
    real_add = spill.Spill.add

    def watch(self, number, finding):
        added.append((finding.path, finding.code))
        return real_add(self, number, finding)

    monkeypatch.setattr(spill.Spill, "add", watch)
    streamed = Run(["."], Overrides(), RunOptions(isolated=True))
    results = list(streamed)
    copied = sorted((r.path, f.code) for r in results for f in r.findings if f.code == "ST012")
    assert copied == sorted(added) == [("b/sub/a.txt", "ST012"), ("b/z.txt", "ST012")]

    real_finish = CopiedDocument.finish

    def fails(self, collected, ctx):
        yield next(iter(real_finish(self, collected, ctx)))
        raise RuntimeError("half-way")

    monkeypatch.setattr(CopiedDocument, "finish", fails)
    streamed = Run(["."], Overrides(), RunOptions(isolated=True))
    results = list(streamed)
    assert not any(f.code == "ST012" for r in results for f in r.findings)
    assert streamed.problems == ["rule ST012 failed: RuntimeError: half-way"]


def test_every_format_renders_from_the_model_alone():
    from wenlint.findings import Finding

    finding = Finding("a.txt", 1, 1, 1, 4, "PH001", "year-placeholder", "placeholder", "error", "年份占位符", "XX年")
    files = [FileReport("a.txt", [finding], context={1: "XX年工作总结"}, source="XX年工作总结\n"),
             FileReport("b.txt", error="b.txt: not text")]
    for fmt in MODULES:
        stream = io.StringIO()
        tally = render(files, stream, ReportOptions(format=fmt, color=False, width=100), RunInfo(), ["run problem"])
        assert stream.getvalue(), fmt
    assert tally.findings == 1 and tally.errors == ["b.txt: not text", "run problem"]


def test_a_tally_names_a_rule_disabled_after_a_time_out_once():
    tally = Tally()
    problem = f"x.txt: rule ZZ103 (pack.toml) skipped: a pattern ran longer than 2 s; {DISABLED}"
    assert tally.note(FileReport("x.txt", problems=[problem])) == ([], [problem])
    assert tally.note(FileReport("y.txt", problems=[problem.replace("x.txt", "y.txt")])) == ([], [])
    assert tally.errors == [problem]


def test_severities_and_categories_are_defined_once():
    """Names, labels and ranks live in wenlint/taxonomy.py; other modules read them from there."""
    literals = [r'\("error", "warning", "info"\)', r'"error": "错误"', r'"placeholder", "mask", "number"',
                r'"error": 3, "warning": 2', r'"chrome": \("#']
    for path in SRC.rglob("*.py"):
        if path.name == "taxonomy.py":
            continue
        text = path.read_text(encoding="utf-8")
        for literal in literals:
            assert not re.search(literal, text), f"{path.relative_to(SRC)} defines {literal} again"


def test_html_named_in_the_configuration_gets_the_documents_text_from_the_run(tmp_path):
    from ..conftest import run_cli

    (tmp_path / "wenlint.toml").write_text('format = "html"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("第一行正文。\nXX年工作总结\n", encoding="utf-8")
    page = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path).stdout.decode()
    assert "第一行正文。" in page and 'class="note' in page  # the text around the finding is drawn
