"""The scorer's rules of matching, on small made-up label sets (no corpus needed)."""

from __future__ import annotations

import json

import pytest

from wenlint.errors import InputError
from wenlint.quality import thresholds
from wenlint.quality.labels import load_confirmed, load_labels
from wenlint.quality.scoring import Scored, earns, precision_class, score_dev, score_folder


def finding(line, col, end_col, code="ST004", family="structure", severity="warning", text="x", file="dev/docs/a.txt",
            end_line=None, default=True):
    return Scored(file, line, col, end_line or line, end_col, code, family, severity, text, default)


@pytest.fixture
def dev(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("第一行的的文字\n当前位置:首页 > 新闻\n常常来\n", encoding="utf-8")
    gold = [
        {"file": "a.txt", "line": 1, "family": "structure", "kind": "doubled-char", "text": "的的", "note": ""},
        {"file": "a.txt", "line": 2, "family": "chrome", "kind": "breadcrumb", "text": "当前位置:首页 > 新闻", "note": ""},
        {"file": "a.txt", "line": 1, "family": "script", "kind": "punct-width-doc", "text": "第一", "note": ""},
    ]
    ok = [{"file": "a.txt", "line": 3, "family": "structure-ok", "kind": "reduplication", "text": "常常", "note": ""}]
    (tmp_path / "gold-x.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in gold), encoding="utf-8")
    (tmp_path / "ok-x.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ok), encoding="utf-8")
    return tmp_path


def test_labels_are_located_on_their_line(dev):
    labels = load_labels(dev)
    assert [(lab.family, lab.spans, lab.ok) for lab in labels] == [
        ("structure", ((3, 5),), False), ("chrome", ((0, 12),), False), ("script", ((0, 2),), False),
        ("structure", ((0, 2),), True),
    ]


def test_a_label_not_on_its_line_is_an_error(dev):
    (dev / "gold-y.jsonl").write_text(json.dumps({"file": "a.txt", "line": 3, "family": "mask", "kind": "k",
                                                  "text": "的的"}), encoding="utf-8")
    with pytest.raises(InputError, match="not on that line"):
        load_labels(dev)


def test_overlap_decides_right_ok_neutral_and_false(dev):
    labels = load_labels(dev)
    findings = [
        finding(1, 5, 7),  # 的的 (columns 4-5 1-based: the second 的 and the next char): overlaps
        finding(3, 1, 3),  # 常常: an ok span
        finding(2, 1, 3, code="ST009"),  # on a chrome line: another family's defect
        finding(1, 6, 8),  # 文字: nothing labelled
        finding(2, 1, 14, code="CH002", family="chrome"),
        finding(1, 7, 8, code="SC004", family="script", severity="info"),  # doc-wide label of its family
    ]
    score = score_dev(findings, labels, [], prefix="dev/docs/")
    assert score.rules["ST004"] == {"right": 1, "false": 2, "neutral": 0, "precision": 0.3333, "labels_found": 1}
    assert score.rules["ST009"]["neutral"] == 1
    assert score.families["structure"]["recall"] == 1.0
    assert score.families["chrome"]["recall"] == 1.0
    # the script label is found only by an info finding: not at warning-or-worse
    assert score.families["script"]["recall"] == 0.0
    assert score.families["script"]["recall_any_severity"] == 1.0
    assert score.families["script"]["info_precision"] == 1.0
    assert [why for _, why in score.false_alarms] == ["ok", "false"]


def test_multi_line_finding_overlaps_the_lines_it_spans(dev):
    labels = load_labels(dev)
    across = finding(1, 7, 5, end_line=2, code="CH002", family="chrome")
    assert score_dev([across], labels, [], prefix="dev/docs/").families["chrome"]["recall"] == 1.0
    # ending at column 1 of line 2 covers nothing of line 2
    before = finding(1, 7, 1, end_line=2, code="CH002", family="chrome")
    assert score_dev([before], labels, [], prefix="dev/docs/").families["chrome"]["recall"] == 0.0


def test_confirmed_findings_count_as_right(dev, tmp_path):
    path = tmp_path / "confirmed.jsonl"
    path.write_text(json.dumps({"file": "dev/docs/a.txt", "line": 1, "code": "ST004", "text": "文字",
                                "reason": "a real typo the labels missed"}, ensure_ascii=False), encoding="utf-8")
    confirmed = load_confirmed(path)
    score = score_dev([finding(1, 6, 8, text="文字")], load_labels(dev), confirmed, prefix="dev/docs/")
    assert score.rules["ST004"]["precision"] == 1.0
    path.write_text(json.dumps({"file": "x", "line": 1, "code": "ST004", "text": "x", "reason": " "}), encoding="utf-8")
    with pytest.raises(InputError, match="needs a reason"):
        load_confirmed(path)


def test_clean_folder_density_and_known_properties():
    sizes = {"clean/a.txt": 10_000, "clean/b.txt": 30_000}
    found = [
        finding(1, 1, 3, file="clean/a.txt"),
        finding(2, 1, 3, file="clean/a.txt", severity="info"),
        finding(3, 1, 6, code="CH003", family="chrome", text="来源：北京日报", file="clean/b.txt"),
        finding(4, 1, 3, default=False, file="clean/b.txt"),
    ]
    notes = {"clean/b.txt": "contains a '来源：…' attribution line added by whoever compiled the file"}
    score = score_folder("clean", found, sizes, {}, [], notes)
    assert (score.findings, score.known, score.documents_with) == (1, 1, 1)
    assert score.density() == 0.5
    assert score.rules == {"ST004": 3}


def test_severity_classes():
    assert precision_class(0.98) == "error" and precision_class(0.95) == "warning"
    assert precision_class(0.5) == "info" and precision_class(None) == "unmeasured"
    assert earns("warning", "error") and not earns("error", "warning") and earns("info", "info")


def test_thresholds_only_tighten_and_fail_on_a_worse_figure(tmp_path):
    committed = {"dev.recall": {"chrome": 0.5}, 'density."clean/x"': {"all": 2.0, "structure+number": 0.4}}
    better = {"dev.recall": {"chrome": 0.6}, 'density."clean/x"': {"all": 1.5, "structure+number": 0.4}}
    worse = {"dev.recall": {"chrome": 0.4}, 'density."clean/x"': {"all": 3.0, "structure+number": 0.4}}
    assert thresholds.tightened(committed, worse) == committed
    assert thresholds.tightened(committed, better) == better
    # never tighter than the promise: 1 finding per 20,000 characters, precision 0.95 for chrome
    perfect = {"dev.precision": {"chrome": 1.0}, 'density."clean/x"': {"all": 0.0}}
    assert thresholds.tightened({}, perfect) == {"dev.precision": {"chrome": 0.95}, 'density."clean/x"': {"all": 1.0}}
    assert thresholds.failures(committed, better) == []
    assert len(thresholds.failures(committed, worse)) == 2
    path = tmp_path / "t.toml"
    path.write_text(thresholds.dump(committed), encoding="utf-8")
    assert thresholds.load(path) == committed
