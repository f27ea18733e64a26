"""Third-party rules through the entry-point group `wenlint.rules`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap


def make_plugin(tmp_path, module_source: str, target: str) -> dict:
    site = tmp_path / "site"
    site.mkdir()
    (site / "wenlint_demo_plugin.py").write_text(textwrap.dedent(module_source), encoding="utf-8")
    dist = site / "wenlint_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: wenlint-demo-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[wenlint.rules]\ndemo = {target}\n", encoding="utf-8")
    return dict(os.environ, PYTHONPATH=str(site), PYTHONIOENCODING="utf-8")


PLUGIN = """
from wenlint.findings import Hit
from wenlint.rules import Rule, Spec

class Kaomoji(Rule):
    code = "KM001"
    name = "kaomoji"
    category = "structure"
    severity = "info"
    summary = "颜文字"
    why = "公文里不用颜文字。"
    bad = "好的(^_^)"
    good = "好的。"
    fix_doc = "删除。"
    specs = (Spec("好的(^_^)", ("(^_^)",)),)

    def check(self, doc, ctx):
        start = doc.text.find("(^_^)")
        if start >= 0:
            yield Hit(start, start + 5, "颜文字")
"""


def wenlint(env, *args, cwd):
    return subprocess.run([sys.executable, "-m", "wenlint", *args], env=env, cwd=cwd, capture_output=True, timeout=120)


def test_plugin_rules_join_the_registry(tmp_path):
    env = make_plugin(tmp_path, PLUGIN, "wenlint_demo_plugin:Kaomoji")
    (tmp_path / "a.txt").write_text("好的(^_^)\n", encoding="utf-8")
    proc = wenlint(env, "check", "a.txt", "--isolated", "--select", "KM001", "--format", "json", cwd=tmp_path)
    (finding,) = json.loads(proc.stdout)
    assert (finding["code"], finding["text"], finding["column"]) == ("KM001", "(^_^)", 3)
    rules = json.loads(wenlint(env, "rules", "--format", "json", cwd=tmp_path).stdout)
    assert any(r["code"] == "KM001" and r["source"] == "plugin:demo" for r in rules)


def test_a_broken_plugin_is_a_clear_error(tmp_path):
    env = make_plugin(tmp_path, "raise ImportError('boom')\n", "wenlint_demo_plugin:Kaomoji")
    (tmp_path / "a.txt").write_text("好的\n", encoding="utf-8")
    proc = wenlint(env, "check", "a.txt", cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in stderr
    assert "plugin demo" in stderr and "boom" in stderr


def test_a_plugin_that_is_not_a_rule(tmp_path):
    env = make_plugin(tmp_path, "VALUE = 3\n", "wenlint_demo_plugin:VALUE")
    (tmp_path / "a.txt").write_text("好的\n", encoding="utf-8")
    proc = wenlint(env, "check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "is not a Rule" in proc.stderr.decode()


def test_a_plugin_rule_that_crashes_does_not_take_the_run_down(tmp_path):
    crashing = PLUGIN.replace('start = doc.text.find("(^_^)")', "start = 1 / 0")
    env = make_plugin(tmp_path, crashing, "wenlint_demo_plugin:Kaomoji")
    (tmp_path / "a.txt").write_text("好的\n", encoding="utf-8")
    proc = wenlint(env, "check", "a.txt", "--isolated", "--select", "KM001", cwd=tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in stderr and "KM001" in stderr and "ZeroDivisionError" in stderr
