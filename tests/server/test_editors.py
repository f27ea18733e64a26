"""The VS Code extension: its manifest and client script (VS Code itself is not run here)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT

VSCODE = ROOT / "editors" / "vscode"


def test_manifest_starts_the_server_with_the_settings_it_reads():
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    assert (VSCODE / manifest["main"]).is_file()
    assert "vscode-languageclient" in manifest["dependencies"]
    assert {"onLanguage:plaintext", "onLanguage:markdown"} <= set(manifest["activationEvents"])
    settings = manifest["contributes"]["configuration"]["properties"]
    assert {"wenlint.path", "wenlint.crossDocument", "wenlint.debounce"} <= set(settings)
    script = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert 'args: ["server"]' in script and "crossDocument" in script and "debounce" in script
    assert "node_modules/" in (VSCODE / ".gitignore").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_client_script_parses():
    subprocess.run(["node", "--check", str(VSCODE / "extension.js")], check=True, timeout=60)
