"""CH030: lines recurring verbatim across the documents of a run (chrome no list knows)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS, run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chrome"
SLOGAN = "学习总结就上红星学习网，天天更新好文章"


def _corpus(directory: Path, n: int) -> None:
    titles = ["县总工会工作总结", "社区党支部工作总结", "学校安全工作计划", "乡镇妇联工作汇报", "教师个人述职报告"]
    for i in range(n):
        directory.joinpath(f"doc{i}.txt").write_text(
            f"{titles[i]}\n\n{SLOGAN}\n\n一、加强组织领导，完善工作机制\n"
            f"今年以来，各项工作取得新进展，完成任务的{90 + i}%。\n尊敬的各位领导、同志们：\n"
            f"以上报告，请审议。\n本站原创 红星学习网2023年0{i + 1}月整理\n2023年12月{10 + i}日\n",
            encoding="utf-8",
        )


def _json(*paths: str) -> list[dict]:
    """CH030 findings as `--format json` reports them (the API runs the CLI's pipeline)."""
    import wenlint

    return [f.to_dict() for f in wenlint.lint_paths(list(paths), select=["CH030"])]


def test_the_cli_reports_recurring_lines(tmp_path):
    _corpus(tmp_path, 3)
    result = run_cli("check", "--select", "CH030", "--fail-on", "info", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    found = json.loads(result.stdout.decode("utf-8"))
    assert sorted(Path(f["path"]).name for f in found if f["text"] == SLOGAN) == ["doc0.txt", "doc1.txt", "doc2.txt"]


def test_recurring_lines_are_reported_with_their_document_count(tmp_path):
    _corpus(tmp_path, 4)
    found = _json(str(tmp_path))
    by_text = {}
    for f in found:
        by_text.setdefault(f["text"], []).append(Path(f["path"]).name)
    # The slogan and the digit-normalised credit line recur; titles, headings, salutations, sentences
    # and dates stay quiet.
    assert set(by_text) == {SLOGAN, *(f"本站原创 红星学习网2023年0{i + 1}月整理" for i in range(4))}
    assert sorted(by_text[SLOGAN]) == ["doc0.txt", "doc1.txt", "doc2.txt", "doc3.txt"]
    slogan = next(f for f in found if f["text"] == SLOGAN)
    assert (slogan["line"], slogan["column"], slogan["severity"]) == (3, 1, "info")
    assert "4 个文档" in slogan["message"] and "删除" in slogan["message"]
    assert slogan["fix"] is None


def test_threshold_comes_from_the_configuration(tmp_path):
    _corpus(tmp_path, 4)
    tmp_path.joinpath("wenlint.toml").write_text("[chrome]\nrecurring-min-documents = 5\n", encoding="utf-8")
    assert _json(str(tmp_path)) == []
    tmp_path.joinpath("wenlint.toml").write_text("[chrome]\nrecurring-min-documents = 2\n", encoding="utf-8")
    assert len(_json(str(tmp_path))) == 8


def test_two_documents_are_not_a_pattern(tmp_path):
    _corpus(tmp_path, 2)
    assert _json(str(tmp_path)) == []


def test_seeds_and_fixtures_share_no_unknown_chrome():
    """Two seeds share a whole report (one Traditional), the fixtures share nothing: quiet."""
    assert _json(str(SEEDS), str(FIXTURES)) == []


def test_collect_is_small_and_picklable():
    import pickle

    from wenlint.config import Settings
    from wenlint.documents import Document
    from wenlint.rules.base import RuleContext
    from wenlint.rules.chrome.recurring import RecurringLine

    rule = RecurringLine()
    ctx = RuleContext(rule, Settings())
    text = (SEEDS / next(p.name for p in SEEDS.glob("003_*.txt"))).read_text(encoding="utf-8")
    data = rule.collect(Document(text, path="x.txt"), ctx)
    assert len(pickle.dumps(data)) < len(text.encode("utf-8")) // 10


def test_recurring_headings_and_article_titles_stay_quiet(tmp_path):
    """Lines that recur in every issue of a programme or in every law do not look like furniture."""
    for i in range(4):
        tmp_path.joinpath(f"news{i}.md").write_text(
            f"# 新闻联播 2023年5月{i + 1}日\n\n## 国内联播快讯\n\n今天，各地积极推进春耕生产。\n\n"
            f"## 国际联播快讯\n\n联合国第{i + 70}届大会召开。\n",
            encoding="utf-8",
        )
        tmp_path.joinpath(f"law{i}.txt").write_text(
            f"第一章 总则\n第一条（立法目的）\n为了规范第{i + 1}类事项，制定本条例。\n"
            "第二条（适用范围）\n本条例适用于本省行政区域。\n1990年2月20日 国务院批准\n",
            encoding="utf-8",
        )
    assert _json(str(tmp_path)) == []


def test_lines_set_aside_until_the_corpus_phase_give_the_findings_of_lines_held(tmp_path, monkeypatch):
    """A streamed run (`Run`, as `check` uses it) keeps what CH030 collected of each document on
    disk until the corpus phase reads it (engine/spill.py); a run that holds it in memory finds
    the same lines."""
    from wenlint.config import Overrides
    from wenlint.engine import runner
    from wenlint.engine.run import Run, RunOptions, run

    _corpus(tmp_path, 4)
    kinds = []
    finish = runner.Linter.finish

    def watch(self, results):
        if isinstance(results, list):
            kinds.extend(type(r.collected.get("CH030")) for r in results)
        else:  # rows waiting on disk (engine/spill.Waiting): where each document's lines are
            kinds.extend("on disk" if offset >= 0 else "in memory" for offset in results.places["CH030"][0])
        return finish(self, results)

    monkeypatch.setattr(runner.Linter, "finish", watch)
    options, select = RunOptions(isolated=True), Overrides(select=["CH030"])
    streamed = [f.to_dict() for result in Run([str(tmp_path)], select, options) for f in result.findings]
    set_aside, kinds[:] = set(kinds), []
    held = [f.to_dict() for f in run([str(tmp_path)], select, options).findings]
    assert set_aside == {"on disk"} and set(kinds) == {dict}
    assert streamed == held and len(held) == 8


def test_lines_counted_in_parts_on_disk_give_the_counts_held_in_memory(tmp_path, monkeypatch):
    """Past SPILL_AFTER hashes, CH030 counts the lines of a run in parts written to disk (memory
    bounded in a million documents): the same findings, counts included, as counting in memory."""
    from collections import Counter

    from wenlint.rules.chrome import recurring

    _corpus(tmp_path, 5)
    in_memory = _json(str(tmp_path))
    monkeypatch.setattr(recurring, "SPILL_AFTER", 3)
    used = []
    counts = recurring._Parts.counts
    monkeypatch.setattr(recurring._Parts, "counts", lambda self, n: used.append(self.directory.name) or counts(self, n))
    assert _json(str(tmp_path)) == in_memory and len(in_memory) == 10
    hashes = [dict.fromkeys(range(n, n + 40, 3)) for n in range(30)] + [{1 << 63: None}] * 4 + [None, {}]
    expected = Counter(h for d in hashes for h in d or ())
    assert recurring.document_counts(hashes, 3) == {h: n for h, n in expected.items() if n >= 3}
    assert len(used) == 2 and not any(Path(d).exists() for d in used)  # counted in parts, then removed
