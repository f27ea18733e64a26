"""A small generated corpus for the profile, --jobs and Dask tests, and the test plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DEMO_PACK = ROOT / "tests" / "fixtures" / "packs" / "demo.toml"
PLUGINS = ROOT / "tests" / "fixtures" / "plugins"  # XC001 (a corpus rule), XC002 (crashes on 崩溃)

TITLES = ["2019年工作总结", "XX年工作总结", "县总工会工作总结", "2019年工作总结", "学校工作计划"]


def make_corpus(root: Path, copies: int = 3) -> Path:
    """Varied copies of the seeds plus the awkward cases: repeated titles (XC001, one of them
    suppressed), a rule that crashes, CRLF, GB18030, Markdown, a binary and an empty file in
    the walk, and a nested directory."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(copies):
        folder = root / f"batch{n}" / ("deep" if n % 2 else "")
        folder.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(seeds):
            text = seed.read_text(encoding="utf-8")
            title = TITLES[(n + i) % len(TITLES)]
            lines = text.split("\n")
            cut = (n * 7 + i * 3) % max(1, len(lines) // 2)
            body = "\n".join(lines[cut:] + lines[:cut])
            extra = ["小花文档网欢迎您!", "列印在纸上，套用知识😀", "XX年和xx 年", "有错字"][: (n + i) % 5]
            (folder / f"{n}-{i}.txt").write_text("\n".join([title, *extra, body]), encoding="utf-8")
    (root / "batch0" / "suppressed.txt").write_text(
        "wenlint-disable-next-line XC001\n2019年工作总结\n正文，有错字。\n", encoding="utf-8")
    (root / "batch0" / "crash.txt").write_text("崩溃的文档\n有错字。\n", encoding="utf-8")
    (root / "batch0" / "crlf.txt").write_bytes("县总工会工作总结\r\n小花文档网欢迎您!\r\nXX年\r\n".encode("utf-8"))
    (root / "batch0" / "gbk.txt").write_bytes("学校工作计划\n列印 XX年\n".encode("gb18030"))
    (root / "batch1" / "notes.md").write_text("# 2019年工作总结\n\n`XX年` 在代码里\n\nXX年正文\n", encoding="utf-8")
    (root / "batch1" / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "batch1" / "empty.txt").write_text("\n\n", encoding="utf-8")
    return root



def write_doctored_copies(folder: Path, count: int, rng) -> None:
    """`count` doctored copies of one report (about a tenth of its lines dropped, a note of its
    own inserted): every band key of the report shared by nearly all of them."""
    lines = (SEEDS / "003_c8e1670ebf633abb.txt").read_text(encoding="utf-8").split("\n")
    for n in range(count):
        copy = [line for line in lines if rng.random() > 0.1]
        copy.insert(rng.randrange(len(copy)), f"第{n}份附注：本单位于{n}月补充材料，另行报送。")
        (folder / f"copy{n:02d}.txt").write_text("\n".join(copy), encoding="utf-8")

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


def run_wenlint(*args: str, cwd: Path | None = None, plugins: bool = True, stdin: bytes | None = None):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="120")
    env.pop("WENLINT_DEBUG", None)
    if plugins:
        env["PYTHONPATH"] = os.pathsep.join([str(PLUGINS), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, "-m", "wenlint", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def plugin_path():
    """The test plugin on sys.path (forked pool workers and spawned Dask workers inherit it)."""
    sys.path.insert(0, str(PLUGINS))
    yield PLUGINS
    sys.path.remove(str(PLUGINS))
