"""The CI guard: detection quality on real documents never falls below the committed floor.

Runs the scorer on the labelled development set and the clean corpus (`../shared/corpus`) and
compares every figure with `tests/quality/thresholds.toml`; checks that every rule earns its
severity by its measured precision, and that the shipped precision classes are up to date.
`python bench/quality.py --update` tightens the floor after an improvement."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from wenlint.quality import thresholds
from wenlint.quality.measure import measure
from wenlint.quality.scoring import Scored, score_dev, score_folder
from wenlint.quality.labels import load_labels

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
HERE = Path(__file__).parent

pytestmark = pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason="no ../shared/corpus beside the repository")


@pytest.fixture(scope="module")
def measurement():
    return measure(CORPUS, HERE / "confirmed.jsonl", jobs=2, with_web=False)


@pytest.fixture(scope="module")
def committed():
    return thresholds.load(HERE / "thresholds.toml")


def test_no_figure_is_below_the_committed_floor(measurement, committed):
    assert committed, "tests/quality/thresholds.toml is missing or empty"
    assert thresholds.failures(committed, thresholds.current_figures(measurement)) == []


def test_every_rule_earns_its_severity(measurement):
    unearned = {code: (row["severity"], row["precision"]) for code, row in measurement.rules.items()
                if not row["earns_severity"]}
    assert unearned == {}, "demote these rules or make them precise (bench/quality.py --family …)"


def test_shipped_precision_classes_are_up_to_date(measurement):
    from wenlint.rules.measured import measured_precision

    shipped = {code: row["class"] for code, row in measured_precision().items()}
    measured = {code: row["class"] for code, row in measurement.rules.items()}
    assert shipped == measured, "run `python bench/quality.py --update`"


def test_the_runs_have_no_problems(measurement):
    assert measurement.problems == []


def _noisy_doubling(text: str, file: str) -> list[Scored]:
    """What a doubled-character rule without word segmentation would report: every XX pair."""
    out = []
    for number, line in enumerate(text.split("\n"), 1):
        for i in range(len(line) - 1):
            if line[i] == line[i + 1] and "\u4e00" <= line[i] <= "\u9fff":
                out.append(Scored(file, number, i + 1, number, i + 3, "ST004", "structure", "warning", line[i:i + 2]))
    return out


def test_the_guard_fails_when_a_rule_is_made_noisier(measurement, committed):
    """A deliberate bad change: ST004 stripped of its segmentation flags every doubled character
    in the clean corpus; the guard must report the clean folders' structure density."""
    folder = "clean/simplified"
    files = sorted(p for p in (CORPUS / folder).iterdir())[:40]
    noise = [f for p in files for f in _noisy_doubling(p.read_text(encoding="utf-8"), f"{folder}/{p.name}")]
    assert noise
    worse = score_folder(folder, measurement.scored[folder] + noise, {}, {}, [])
    worse.chars = measurement.folders[folder].chars
    figures = thresholds.current_figures(replace(measurement, folders={**measurement.folders, folder: worse}))
    failed = thresholds.failures(committed, figures)
    assert any(line.startswith(f'density."{folder}".structure+number') for line in failed), failed


def test_the_guard_fails_when_recall_drops(measurement, committed):
    """A deliberate bad change on the dev set: the rule that finds the most labels at warning or
    worse stops reporting."""
    found = [f for f in measurement.scored["dev/docs"] if f.tier == "warning" and f.default]
    best = max({f.code for f in found}, key=lambda code: measurement.dev.rules[code]["labels_found"])
    family = next(f.family for f in found if f.code == best)
    kept = [f for f in measurement.scored["dev/docs"] if f.code != best]
    dev = score_dev(kept, load_labels(CORPUS / "dev"), [], prefix="dev/docs/")
    figures = thresholds.current_figures(replace(measurement, dev=dev))
    assert any(line.startswith(f"dev.recall.{family}") for line in thresholds.failures(committed, figures))
