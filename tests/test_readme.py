"""The README runs: every `wenlint` command of its shell, console and CI blocks, every TOML block
(the configuration, the rule pack, the gate), the JSON finding, the Python examples and the
suppression example, in a project made of the seeds.

Not run: installing (`pip install`, the suite itself: that is `.ci/run`), and the Dask commands
(a cluster, an S3 bucket; tests/corpus/test_dask.py runs the engine)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.M | re.S)
BLOCKS = [(m.group(1), m.group(2), README[: m.start()].count("\n") + 1) for m in BLOCK.finditer(README)]
NOT_RUN = ("--engine dask",)

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib


def blocks(*languages: str) -> list[tuple[str, int]]:
    return [(text, line) for lang, text, line in BLOCKS if lang in languages]


def commands() -> list[tuple[str, int]]:
    """The wenlint commands of the README in order: `$ ` lines of console blocks, the lines of sh
    blocks (comments dropped, `a && b` split) and the `run:`/`script:` steps of CI files."""
    found = []
    for lang, text, line in BLOCKS:
        for offset, raw in enumerate(text.splitlines()):
            if lang == "console":
                if not raw.startswith("$ "):
                    continue
                raw = raw[2:]
            elif lang == "sh":
                raw = re.sub(r"\s+#\s.*$", "", raw)
            elif lang == "yaml":
                m = re.match(r"\s*(?:-\s+)?(?:run:\s*|-\s+)(wenlint .*?)(?:\s+#.*)?$", raw)
                if not m:
                    continue
                raw = m.group(1)
            else:
                continue
            for part in raw.split("&&"):
                part = part.strip().removeprefix(".venv/bin/")
                # a report piped into a consumer that is not installed here (reviewdog): wenlint's side
                part = re.sub(r"\s*\|\s*(?!wenlint\b)[a-z][\w-]*\s.*$", "", part) if part.startswith("wenlint") else part
                if re.match(r"(cat \S+ \| )?wenlint ", part) and not any(s in part for s in NOT_RUN):
                    found.append((part, line + 1 + offset))
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A document repository: the seeds under several names, a Word file, a draft."""
    root = tmp_path_factory.mktemp("readme")
    for name in ("seeds", "docs", "crawl"):
        shutil.copytree(SEEDS, root / name)
    (root / "草稿.txt").write_text("XX年工作总结\n今年的工作取得了很大成绩。\n", encoding="utf-8")
    # record shards for the commands of "Records" and "Filter"
    import pandas as pd

    records = [{"url": f"https://example.org/{p.stem}", "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]
    pd.DataFrame(records).to_json(root / "crawl" / "part-0.jsonl", orient="records", lines=True, force_ascii=False)
    pd.DataFrame(records).rename(columns={"text": "content"}).to_parquet(root / "crawl.parquet")
    import docx

    word = docx.Document()
    for paragraph in ("XX年工作总结", "各项工作卡拉ok，学习邓**理论。", "", "xx乡的工作稳步推进。"):
        word.add_paragraph(paragraph)
    word.save(str(root / "总结.docx"))
    return root


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    python = shlex.quote(sys.executable)
    shell = re.sub(r"(^|\| )wenlint ", lambda m: f"{m.group(1)}{python} -m wenlint ", command)
    return subprocess.run(shell, shell=True, cwd=cwd, capture_output=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"})


def test_the_readme_has_what_these_tests_run():
    assert len(commands()) >= 20
    assert blocks("toml") and blocks("json") and blocks("python") and blocks("markdown")


def test_every_command_runs(project):
    failures = []
    for command, line in commands():
        proc = run(command, project)
        stderr = proc.stderr.decode()
        if proc.returncode not in (0, 1) or "wenlint: error" in stderr or "Traceback" in stderr:
            failures.append(f"README line {line}: `{command}` -> {proc.returncode}: {stderr.strip()[:300]}")
    assert not failures, "\n".join(failures)


def test_the_configuration_block_works(tmp_path):
    (config,) = [text for text, _ in blocks("toml") if "[tool.wenlint]" in text]
    (pack,) = [text for text, _ in blocks("toml") if "[pack]" in text]
    tomllib.loads(config)
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "our-terms.toml").write_text(pack, encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "docs")
    (tmp_path / "docs" / "术语.txt").write_text("请关注微信公众平台。\n", encoding="utf-8")
    proc = run("wenlint check . --format json", tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    codes = {f["code"] for f in json.loads(proc.stdout)}
    assert "XY001" in codes and "SC005" not in codes
    rules = json.loads(run("wenlint rules --format json", tmp_path).stdout)
    assert "XY001" in {r["code"] for r in rules}  # a pack named in the configuration


def test_the_rule_pack_block_loads_and_passes_its_specs(tmp_path):
    from wenlint.rules.packs import load_pack

    (pack,) = [text for text, _ in blocks("toml") if "[pack]" in text]
    (tmp_path / "our-terms.toml").write_text(pack, encoding="utf-8")
    (rule,) = load_pack(tmp_path / "our-terms.toml")
    assert rule.code == "XY001"


def test_the_plugin_blocks(tmp_path):
    from wenlint.config import Settings
    from wenlint.documents import Document
    from wenlint.rules.base import RuleContext

    (entry_points,) = [text for text, _ in blocks("toml") if "entry-points" in text]
    assert tomllib.loads(entry_points)["project"]["entry-points"]["wenlint.rules"]
    (plugin,) = [text for text, _ in blocks("python") if "class " in text]
    namespace: dict = {}
    exec(compile(plugin, "README plugin", "exec"), namespace)
    rule = namespace["Kaomoji"]()
    hits = list(rule.check(Document(rule.bad), RuleContext(rule, Settings())))
    assert [rule.bad[h.start : h.end] for h in hits] == ["(^_^)"]


def test_the_gate_block(tmp_path):
    (gate,) = [text for text, _ in blocks("toml") if "[gate]" in text]
    (tmp_path / "gate.toml").write_text(gate, encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    proc = run("wenlint profile seeds --gate gate.toml --format json", tmp_path)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert "passed" in json.loads(proc.stdout)


def test_the_python_api_block(tmp_path, monkeypatch):
    (api,) = [text for text, _ in blocks("python") if "lint_text" in text]
    shutil.copytree(SEEDS, tmp_path / "docs")
    import pandas

    seeds = sorted(SEEDS.iterdir())
    pandas.DataFrame({"id": [p.stem for p in seeds], "text": [p.read_text(encoding="utf-8") for p in seeds]}).to_parquet(
        tmp_path / "shard.parquet")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(api, "README API", "exec"), namespace)
    assert len(namespace["frame"]) == len(namespace["findings"]) > 0


def test_the_json_finding_is_what_wenlint_reports():
    from wenlint.findings import FINDING_KEYS

    (shown,) = [json.loads(text) for text, _ in blocks("json")]
    assert tuple(shown) == FINDING_KEYS
    proc = run(f"wenlint check {shown['path']} --isolated --format json", ROOT)
    key = ("path", "line", "column", "end_line", "end_column", "code", "text")
    assert tuple(shown[k] for k in key) in {tuple(f[k] for k in key) for f in json.loads(proc.stdout)}


def test_the_suppression_example(tmp_path):
    (example,) = [text for text, _ in blocks("markdown")]
    (tmp_path / "合同.md").write_text(example.replace(" … ", "\n学习邓**理论。\n"), encoding="utf-8")
    proc = run("wenlint check 合同.md --isolated --extend-select PH010,WL001 --format concise", tmp_path)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


def test_the_ci_files_parse():
    yaml = pytest.importorskip("yaml")
    for text, line in blocks("yaml"):
        assert isinstance(yaml.safe_load(text), dict), line
